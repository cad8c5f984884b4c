/**
 * `syncstage verify`: the whole staging verification on disk, printing what a pull request gets.
 * The same verifyStaging() the Action and the App run.
 */
import { DiskFileSource } from '../files/disk.js';
import { renderReview } from '../report/review.js';
import { verifyStaging } from '../verify/verify.js';
import { failOnReasons, failOnSubject } from '../verify/fail-on.js';
import { REDACT_KEY_VARIABLE, redactorFor } from './redaction.js';
import { EXIT_CONDITION, EXIT_OK, FAIL_ON_CONDITIONS, parseFailOn, parseFormat, parseNowOption, parsePositiveInteger, UsageError, type CliIO, parseCommandArgs } from './common.js';
import { resolveRunbookArgs, sourcePath } from './inputs.js';
import { NAME_MAP_USAGE, readNameMapOptions } from './name-map-option.js';
import { unresolvedRunbookPaths } from './runbook-paths.js';
import { LIMIT_OPTIONS, limitsUsage, readLimitOptions } from './limit-options.js';

export const VERIFY_USAGE = `Usage: syncstage verify [--primary DIR] [--staging DIR] [--exports PATH|GLOB]... [--runbook PATH|GLOB]...
                        [--deletion-threshold N] [--sensitive-attributes A,B] [--now ISO-TIME]
                        [--map A=B]... [--map-file FILE] [--format markdown|json] [--fail-on LIST]

The full verification before a failover: pending exports of the staging server (its exports/ folder, or
--exports), the switch impact when the primary snapshot has its exports/ too (what the failover itself will
export), configuration drift between the primary and the staging server, and the failover prerequisites
of each runbook. Prints the Markdown a pull request gets (or JSON).

  --primary DIR            snapshot folder (or bare Get-ADSyncServerConfiguration folder) of the active server
  --staging DIR            snapshot folder of the staging server
  --exports PATH|GLOB      pending-export files or folders (default: the staging snapshot's exports/)
  --runbook PATH|GLOB      failover runbooks to evaluate; each must exist and be judged (else exit 2)
  --deletion-threshold N   accidental-delete limit; wins over the staging configuration's value (default: that value, else 500)
  --sensitive-attributes   comma-separated attributes whose changes are risky
  --now ISO-TIME           evaluate as of this time (default: now)
${NAME_MAP_USAGE}
                           (drift and the switch impact's connector pairing read the primary's names through it)
  --format FORMAT          markdown (default) or json
  --fail-on LIST           comma-separated: not-ready, threshold, errors, risky, drift, prerequisites, none
                           (default: not-ready)
  --redact                 UPNs, mail addresses, names and DN names as keyed hashes (key: SYNCSTAGE_REDACT_KEY)
${limitsUsage(27)}

Exit codes: 0 ready (or no --fail-on condition holds); 1 a --fail-on condition holds; 2 bad usage or input that
cannot be read (a named runbook, folder or export file that is missing or cannot be judged).
`;

export async function runVerify(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, {
    primary: { type: 'string' },
    staging: { type: 'string' },
    exports: { type: 'string', multiple: true },
    runbook: { type: 'string', multiple: true },
    'deletion-threshold': { type: 'string' },
    'sensitive-attributes': { type: 'string' },
    now: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    redact: { type: 'boolean' },
    map: { type: 'string', multiple: true },
    'map-file': { type: 'string' },
    ...LIMIT_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  if (positionals.length > 0) throw new UsageError(`verify: unexpected argument "${positionals[0]}" (folders and files are given with --primary, --staging, --exports, --runbook)`);
  if (values.help) {
    io.stdout(VERIFY_USAGE);
    return EXIT_OK;
  }
  const format = parseFormat(values.format, ['markdown', 'json'] as const, 'markdown');
  const failOn = parseFailOn(values['fail-on'] ?? 'not-ready', FAIL_ON_CONDITIONS);
  const now = parseNowOption(values.now, io.now);
  const limits = readLimitOptions(values);
  if (!values.primary && !values.staging && !values.exports && !values.runbook) throw new UsageError('verify: give at least --staging (or --exports / --runbook)');

  const source = new DiskFileSource(io.cwd);
  const toSource = (value: string) => sourcePath(source, io.cwd, value);
  const { nameMap } = await readNameMapOptions(values, source, io.cwd);
  const runbookFiles = await resolveRunbookArgs(source, io.cwd, values.runbook ?? []);
  const result = await verifyStaging(source, {
    primary: values.primary === undefined ? undefined : toSource(values.primary),
    staging: values.staging === undefined ? undefined : toSource(values.staging),
    exports: (values.exports ?? []).map(toSource),
    runbooks: [],
    runbookFiles,
    deletionThreshold: parsePositiveInteger('--deletion-threshold', values['deletion-threshold']),
    deletionThresholdSetBy: 'cli-option',
    sensitiveAttributes: values['sensitive-attributes']?.split(',').map((name) => name.trim()).filter(Boolean),
    now,
    limits,
    ...(Object.keys(nameMap).length > 0 ? { nameMap } : {}),
    ...(values.redact ? { redact: true, redactKey: redactKey(io.env) } : {}),
  });

  io.stdout(format === 'json' ? `${JSON.stringify(toJson(result), null, 2)}\n` : `${renderReview(result)}\n`);
  const overridden = new Set([...(values.primary !== undefined ? ['active.snapshot'] : []), ...(values.staging !== undefined ? ['staging.snapshot'] : [])]);
  for (const note of await unresolvedRunbookPaths(source, io.cwd, runbookFiles, overridden)) io.stderr(`syncstage verify: ${note}\n`);
  // Unreadable input is bad input: exit 2, after the report says which files (it is marked "not ready").
  if (result.inputErrors.length > 0) {
    for (const error of result.inputErrors) io.stderr(`${error.message}\n`);
    return 2;
  }
  const reasons = failOnReasons(failOn, failOnSubject(result));
  if (reasons.length === 0) return EXIT_OK;
  io.stderr(`syncstage: --fail-on: ${reasons.join('; ')}\n`);
  return EXIT_CONDITION;
}

function toJson(result: Awaited<ReturnType<typeof verifyStaging>>) {
  return {
    schemaVersion: 1,
    verdict: result.verdict,
    reasons: result.reasons,
    inputErrors: result.inputErrors.map((error) => ({ file: error.file, line: error.position?.line, column: error.position?.column, message: error.reason })),
    exports: result.exports,
    ...(result.impact ? { switchImpact: result.impact } : {}),
    drift: result.drift,
    gates: result.gates,
  };
}

/** The key, checked as --redact checks it everywhere (present, long enough). */
function redactKey(env: Record<string, string | undefined>): string {
  redactorFor(true, env);
  return env[REDACT_KEY_VARIABLE] as string;
}
