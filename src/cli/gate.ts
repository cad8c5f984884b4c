/**
 * `syncstage gate RUNBOOK`: the failover gate on the command line. Exit 0 when every prerequisite is satisfied
 * (the switch may go ahead), 1 when not, 2 on bad usage or a bad runbook (`FILE:line:col: reason`, empty stdout).
 * Paths in the runbook's front matter and in the options are relative to the repository root: the working directory.
 */
import { DiskFileSource } from '../files/disk.js';
import { evaluatePrerequisites, type GateOptions } from '../gate/evaluate.js';
import { parseFrontMatter } from '../gate/front-matter.js';
import { directLoaders, evidencePaths, loadGateEvidence } from '../gate/load-evidence.js';
import { renderGateMarkdown } from '../report/gate-markdown.js';
import { EXIT_CONDITION, EXIT_OK, parseFormat, parseNowOption, UsageError, type CliIO, parseCommandArgs } from './common.js';
import { sourcePath } from './inputs.js';
import { unresolvedFrontMatterPaths } from './runbook-paths.js';
import { LIMIT_OPTIONS, limitsUsage, readLimitOptions } from './limit-options.js';

export const GATE_HELP = `Usage: syncstage gate RUNBOOK [options]

Checks a failover runbook (docs/failover-gate.md): each prerequisite's checklist item against the server
snapshots it names. Paths are relative to the repository root (the working directory).

Options:
  --primary DIR              the active server's snapshot (default: front matter active.snapshot)
  --staging DIR              the staging server's snapshot (default: front matter staging.snapshot)
  --exports GLOB             the staging server's export files (default: front matter staging.exports, else the
                             staging snapshot's exports/)
  --old-active DIR           post-switch: the old active server's snapshot after the switch (after.old-active)
  --new-active DIR           post-switch: the new active server's snapshot after the switch (after.new-active)
  --base-staging DIR         the base branch's staging snapshot, to date sync-rule and scope changes
  --now ISO-TIME             the time of the check (default: now), e.g. 2026-11-24T12:00:00Z
  --max-snapshot-age H       snapshots older than H hours are stale (default 24)
  --max-sync-age H           the staging server's last successful sync must be this recent (default 3)
  --format markdown|json     markdown (default): the check's summary; json: schemas/gate.schema.json
${limitsUsage(29)}
  -h, --help                 this help

Exit codes: 0 the switch may go ahead; 1 a prerequisite is not satisfied; 2 bad usage or bad input.
`;

const FORMATS = ['markdown', 'json'] as const;

export async function runGate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseGateArgs(argv);
  if (values.help) {
    io.stdout(GATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`gate: expected one RUNBOOK, got ${positionals.length}`);
  const format = parseFormat(values.format, FORMATS, 'markdown');
  const now = parseNowOption(values.now, io.now);
  const limits = readLimitOptions(values);
  const options: GateOptions = {};
  const snapshotAge = parseHours('--max-snapshot-age', values['max-snapshot-age']);
  const syncAge = parseHours('--max-sync-age', values['max-sync-age']);
  if (snapshotAge !== undefined) options.maxSnapshotAgeHours = snapshotAge;
  if (syncAge !== undefined) options.maxSyncAgeHours = syncAge;

  const source = new DiskFileSource(io.cwd);
  const runbookPath = sourcePath(source, io.cwd, positionals[0]!);
  const text = await source.readText(runbookPath, 1024 * 1024);
  // Parsed here for the paths; evaluatePrerequisites parses it again, purely, for the checklist.
  const { frontMatter } = parseFrontMatter(text, runbookPath);
  const relative = (value: string | undefined): string | undefined => (value === undefined ? undefined : sourcePath(source, io.cwd, value));
  const paths = evidencePaths(frontMatter, {
    primary: relative(values.primary),
    staging: relative(values.staging),
    exports: values.exports,
    oldActive: relative(values['old-active']),
    newActive: relative(values['new-active']),
    baseStaging: relative(values['base-staging']),
  });
  const evidence = await loadGateEvidence(source, paths, { loaders: directLoaders(source, { limits }), exportOptions: { limits } });
  const overridden = new Set(
    ([['primary', 'active.snapshot'], ['staging', 'staging.snapshot'], ['exports', 'staging.exports'], ['old-active', 'after.old-active'], ['new-active', 'after.new-active'], ['base-staging', 'base-staging']] as const)
      .filter(([option]) => values[option] !== undefined)
      .map(([, key]) => key),
  );
  for (const note of await unresolvedFrontMatterPaths(source, io.cwd, runbookPath, frontMatter, overridden)) io.stderr(`syncstage gate: ${note}\n`);
  for (const [part, message] of Object.entries(evidence.unreadable ?? {})) io.stderr(`syncstage gate: ${part} evidence unreadable (the prerequisites resting on it fail closed): ${message}\n`);

  const result = evaluatePrerequisites({ ...evidence, runbook: { path: runbookPath, text }, now, options });
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderGateMarkdown(result));
  return result.ok ? EXIT_OK : EXIT_CONDITION;
}

function parseGateArgs(argv: string[]) {
  return parseCommandArgs('gate', argv, {
    primary: { type: 'string' },
    staging: { type: 'string' },
    exports: { type: 'string' },
    'old-active': { type: 'string' },
    'new-active': { type: 'string' },
    'base-staging': { type: 'string' },
    now: { type: 'string' },
    'max-snapshot-age': { type: 'string' },
    'max-sync-age': { type: 'string' },
    format: { type: 'string' },
    ...LIMIT_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
}


function parseHours(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const hours = Number(value);
  if (value.trim() === '' || !Number.isFinite(hours) || hours <= 0) throw new UsageError(`${name}: expected a positive number of hours, got "${value}"`);
  return hours;
}
