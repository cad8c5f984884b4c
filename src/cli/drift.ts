/**
 * `syncstage drift PRIMARY STAGING`: configuration drift between the active and the staging server.
 * Each side is a server snapshot folder (docs/formats.md §5) or a bare Get-ADSyncServerConfiguration folder.
 */
import { unmatchedMapEntries } from '../config/name-map.js';
import { NAME_MAP_USAGE, readNameMapOptions } from './name-map-option.js';
import { InputError } from '../errors.js';
import { DiskFileSource } from '../files/disk.js';
import { loadServerSnapshot } from '../snapshot/load.js';
import type { ServerSnapshot } from '../snapshot/types.js';
import { renderDriftMarkdown } from '../report/drift-markdown.js';
import { renderDriftJson } from '../report/drift-json.js';
import { diffServerSnapshots } from '../snapshot/drift.js';
import { failOnReasons } from '../verify/fail-on.js';
import { EXIT_CONDITION, EXIT_OK, parseFailOn, parseFormat, UsageError, type CliIO, parseCommandArgs } from './common.js';
import { sourcePath } from './inputs.js';
import { LIMIT_OPTIONS, limitsUsage, readLimitOptions } from './limit-options.js';
import type { ReadLimits } from '../xml/read-limits.js';

export const DRIFT_USAGE = `Usage: syncstage drift PRIMARY STAGING [options]

Compares the configuration of the active (PRIMARY) and the staging (STAGING) sync server. Each is a server
snapshot folder (snapshot.json, config/, scheduler.json, ...) or a bare Get-ADSyncServerConfiguration folder.
Per-server noise (GUIDs, timestamps, cookies, last DC, server name, connector-name case) is ignored and counted;
StagingMode is checked (False on the active server, True on the staging one) instead of compared.

Options:
  --format markdown|json   output format (default markdown)
  --fail-on drift|none     exit 1 when there is drift: a difference, or a failed expectation
                           (a server in the wrong staging mode, MV.xml and scheduler disagreeing)
${NAME_MAP_USAGE}
  --hide-default-rules     leave out differences in out-of-box sync rules (counted under "hidden")
  --only-changes           only values changed on both sides, not things added or removed
  --ignore PATH            leave out differences under PATH, e.g. "connectors.*.runProfiles" or
                           "settings.Microsoft.Synchronize.TimeInterval"; * matches anything; repeatable
${limitsUsage(27)}
  -h, --help               this help

Exit codes: 0 done; 1 --fail-on drift and drift found; 2 bad usage or bad input (FILE:line:col: message on stderr).
`;

export async function runDrift(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('drift', argv, {
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    map: { type: 'string', multiple: true },
    'map-file': { type: 'string' },
    'hide-default-rules': { type: 'boolean' },
    'only-changes': { type: 'boolean' },
    ignore: { type: 'string', multiple: true },
    ...LIMIT_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(DRIFT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError(`drift: expected PRIMARY and STAGING folders, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
  const format = parseFormat(values.format, ['markdown', 'json'] as const, 'markdown');
  const failOn = parseFailOn(values['fail-on'], ['drift', 'none']);
  const limits = readLimitOptions(values);

  const source = new DiskFileSource(io.cwd);
  const { nameMap, givenBy } = await readNameMapOptions(values, source, io.cwd);

  const [primaryPath, stagingPath] = positionals as [string, string];
  const primary = await loadSide(io.cwd, primaryPath, limits);
  const staging = await loadSide(io.cwd, stagingPath, limits);
  assertMapMatches(nameMap, givenBy, primary, primaryPath, staging, stagingPath);
  const report = diffServerSnapshots(primary, staging, {
    nameMap: Object.keys(nameMap).length > 0 ? nameMap : undefined,
    hideDefaultRules: values['hide-default-rules'] === true,
    onlyChanges: values['only-changes'] === true,
    ignorePaths: values.ignore,
  });
  report.primary.path = primaryPath;
  report.staging.path = stagingPath;
  // Parts of the snapshots drift does not compare (scheduler, run history, settings JSON), listed for the reader.
  for (const [side, snapshot] of [['primary', primary], ['staging', staging]] as const) {
    report.missing.push(...snapshot.missing.filter((m) => !snapshot.config.missing.includes(m) && !m.startsWith('config/')).map((m) => `${side}: ${m}`));
  }

  // An --ignore that matches nothing hides nothing: the report stays whole, so a warning (likely a typo), not an error.
  for (const ignorePath of report.unmatchedIgnorePaths ?? []) {
    io.stderr(`syncstage drift: warning: --ignore "${ignorePath}" matches no difference; nothing was left out for it (paths look like connectors.<name>.runProfiles or settings.<parameter>)\n`);
  }
  io.stdout(format === 'json' ? renderDriftJson(report) : renderDriftMarkdown(report));
  return failOnReasons(failOn, { drift: report }).length > 0 ? EXIT_CONDITION : EXIT_OK;
}

/**
 * Every mapped name must occur in its side's configuration: a map that matches nothing lines nothing up, and every
 * connector and rule it was meant to pair would show as removed and added. That is an operator error (a typo, the
 * sides swapped): refused, naming the entry, rather than a report of drift the map was given to explain.
 */
function assertMapMatches(
  nameMap: Readonly<Record<string, string>>,
  givenBy: Readonly<Record<string, string>>,
  primary: ServerSnapshot & { config: NonNullable<ServerSnapshot['config']> },
  primaryPath: string,
  staging: ServerSnapshot & { config: NonNullable<ServerSnapshot['config']> },
  stagingPath: string,
): void {
  const problems = unmatchedMapEntries(primary.config, staging.config, nameMap).map(({ from, to, side }) =>
    side === 'primary'
      ? `${givenBy[from] ?? '--map'} ${from}=${to}: "${from}" occurs nowhere in the primary configuration (${primaryPath})`
      : `${givenBy[from] ?? '--map'} ${from}=${to}: "${to}" occurs nowhere in the staging configuration (${stagingPath})`,
  );
  if (problems.length > 0) throw new UsageError(`drift: a name map that matches nothing maps nothing (a typo, or PRIMARY and STAGING swapped?):\n  ${problems.join('\n  ')}`);
}

/** A folder outside the working directory is read and named by its absolute path (sourcePath keeps it absolute). */
async function loadSide(cwd: string, osPath: string, limits: ReadLimits): Promise<ServerSnapshot & { config: NonNullable<ServerSnapshot['config']> }> {
  const source = new DiskFileSource(cwd);
  const root = sourcePath(source, cwd, osPath);
  const snapshot = await loadServerSnapshot(source, root, limits);
  if (!snapshot.config) throw new InputError(source.describe(root), 'the snapshot has no config/ folder (Get-ADSyncServerConfiguration output): there is no configuration to compare');
  return snapshot as ServerSnapshot & { config: NonNullable<ServerSnapshot['config']> };
}

