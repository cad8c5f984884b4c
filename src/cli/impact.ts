/**
 * `syncstage impact --active SNAPSHOT --staging SNAPSHOT`: what the failover itself changes, from both servers'
 * pending exports paired per object (docs/switch-impact.md). Nothing reaches stdout until every file is read:
 * bad input gives `FILE:line:column: reason` on stderr, exit 2, and no partial report.
 */
import { namesAConnector } from '../impact/target.js';
import { readNameMapOptions } from './name-map-option.js';
import { DiskFileSource } from '../files/disk.js';
import { pairSwitchImpact, type ImpactInputs } from '../impact/pair.js';
import { FileDetailSpool, type DetailSpool } from '../impact/spool.js';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { loadImpactSides } from '../impact/side.js';
import { impactCsvHeader, impactCsvRow } from '../report/impact-csv.js';
import { renderImpactJson } from '../report/impact-json.js';
import { renderImpactMarkdown } from '../report/impact-markdown.js';
import { redactImpactObject, redactImpactReport } from '../redact/redact-impact.js';
import { redactorFor } from './redaction.js';
import { EXIT_OK, parseCommandArgs, parseFormat, parsePositiveInteger, UsageError, type CliIO } from './common.js';
import { CsvSpool } from './csv-spool.js';
import { LIMIT_OPTIONS, limitsUsage, readLimitOptions } from './limit-options.js';
import { onExit } from './exit-cleanup.js';
import { sourcePath } from './inputs.js';
import { createProgress } from './progress.js';

export const IMPACT_USAGE = `Usage: syncstage impact --active SNAPSHOT --staging SNAPSHOT [options]

What switching the staging server to active will change in Entra ID (and AD), compared with letting the active
server carry on: both servers' pending exports (each snapshot's exports/, named by its snapshot.json) are paired
per object and classified:
  stagingOnly   pending on staging only: what the switch itself will export
  same          pending on both, the same change: the active server exports it anyway
  different     pending on both, another operation or other values: the servers disagree
  activeOnly    pending on the active server only: may be lost by the switch

Options:
  --active DIR             snapshot folder of the active server (with its exports/)
  --staging DIR            snapshot folder of the staging server (with its exports/)
  --base-active DIR        an earlier snapshot of the active server (e.g. the base branch's): persistent vs new
  --base-staging DIR       an earlier snapshot of the staging server (give both base folders or neither)
  --map A=B                a name that differs on purpose (active A is staging B), e.g. a connector
                           contoso.com=contoso-dev.com; repeatable
  --map-file FILE          A=B lines (# comments allowed)
  --format FORMAT          markdown (default), json (schemas/impact.schema.json) or csv (one row per export)
  --sample-size N          objects listed per class (default 20)
  --redact                 names, DNs and attribute values as keyed hashes (key: SYNCSTAGE_REDACT_KEY)
${limitsUsage(27)}
  -h, --help               this help

Exit codes: 0 done; 2 bad usage or bad input (FILE:line:col: message on stderr).
`;

export async function runImpact(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('impact', argv, {
    active: { type: 'string' },
    staging: { type: 'string' },
    'base-active': { type: 'string' },
    'base-staging': { type: 'string' },
    map: { type: 'string', multiple: true },
    'map-file': { type: 'string' },
    format: { type: 'string' },
    'sample-size': { type: 'string' },
    redact: { type: 'boolean' },
    ...LIMIT_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(IMPACT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`impact: unexpected argument "${positionals[0]}" (snapshot folders are given with --active and --staging)`);
  if (!values.active || !values.staging) throw new UsageError('impact: give both --active and --staging snapshot folders');
  if ((values['base-active'] === undefined) !== (values['base-staging'] === undefined)) throw new UsageError('impact: give both --base-active and --base-staging, or neither');
  const format = parseFormat(values.format, ['markdown', 'json', 'csv'] as const, 'markdown');
  const sampleSize = parsePositiveInteger('--sample-size', values['sample-size']);
  const redactor = redactorFor(values.redact, io.env);
  const limits = readLimitOptions(values);

  const source = new DiskFileSource(io.cwd);
  const toSource = (value: string) => sourcePath(source, io.cwd, value);
  const { nameMap } = await readNameMapOptions(values, source, io.cwd);

  refuseOneFolderForBoth(io.cwd, values.active, values.staging, '--active', '--staging');
  const inputs: ImpactInputs = { ...(await loadImpactSides(source, toSource(values.active), toSource(values.staging))), nameMap, limits };
  refuseUnmatchedMap(nameMap, inputs, values.active, values.staging);
  if (values['base-active'] !== undefined && values['base-staging'] !== undefined) {
    refuseOneFolderForBoth(io.cwd, values['base-active'], values['base-staging'], '--base-active', '--base-staging');
    inputs.base = await loadImpactSides(source, toSource(values['base-active']), toSource(values['base-staging']));
  }
  if (sampleSize !== undefined) inputs.sampleSize = sampleSize;
  inputs.spool = detailSpoolRemovedOnExit;
  const progress = createProgress(io);
  const spool = format === 'csv' ? new CsvSpool() : undefined;
  try {
    inputs.onBytes = (file, n) => progress.bytes(file, n);
    if (spool) inputs.onExport = (className, object) => spool.write(impactCsvRow(className, redactor ? redactImpactObject(object(), redactor) : object()));
    const paired = await pairSwitchImpact(source, inputs);
    const report = redactor ? redactImpactReport(paired, redactor) : paired;
    progress.done();
    if (format === 'json') io.stdout(renderImpactJson(report));
    else if (format === 'markdown') io.stdout(`${renderImpactMarkdown(report)}\n`);
    else if (spool) {
      io.stdout(impactCsvHeader());
      spool.copyTo(io.stdout);
    }
    return EXIT_OK;
  } finally {
    progress.done();
    spool?.dispose();
  }
}

/**
 * One folder given as both servers pairs every export with itself: "Switching will export 0 changes", a clean bill
 * of health that says nothing. Compared after resolving links, case-insensitively (Windows and macOS folders).
 */
function refuseOneFolderForBoth(cwd: string, activeArg: string, stagingArg: string, activeOption: string, stagingOption: string): void {
  const resolved = (arg: string): string => {
    const absolute = path.resolve(cwd, arg);
    try {
      return realpathSync.native(absolute);
    } catch {
      return absolute;
    }
  };
  const folder = resolved(activeArg);
  if (folder.toLowerCase() === resolved(stagingArg).toLowerCase()) {
    throw new UsageError(`impact: ${activeOption} and ${stagingOption} name the same folder (${folder}): give the active server's snapshot and the staging server's`);
  }
}

/** The pairing's detail spool, removed by the exit cleanup too where it could not be detached (interrupted runs). */
function detailSpoolRemovedOnExit(): DetailSpool {
  const spool = new FileDetailSpool();
  const forget = onExit(() => spool.dispose());
  return {
    put: (text) => spool.put(text),
    get: (at, length) => spool.get(at, length),
    dispose: () => {
      spool.dispose();
      forget();
    },
  };
}

/**
 * A --map entry whose name no export file of its side carries maps nothing: the pairing it was given for is not what
 * was asked (a typo, or the sides swapped). Refused, naming the entry and the side, as `syncstage drift` refuses it.
 */
function refuseUnmatchedMap(nameMap: Readonly<Record<string, string>>, inputs: Pick<ImpactInputs, 'active' | 'staging'>, activePath: string, stagingPath: string): void {
  const problems = Object.entries(nameMap).flatMap(([from, to]) => [
    ...(namesAConnector(inputs.active.files, from) ? [] : [`--map ${from}=${to}: no export file of the active server (${activePath}) is for a connector named "${from}"`]),
    ...(namesAConnector(inputs.staging.files, to) ? [] : [`--map ${from}=${to}: no export file of the staging server (${stagingPath}) is for a connector named "${to}"`]),
  ]);
  if (problems.length > 0) throw new UsageError(`impact: a name map that matches nothing maps nothing (a typo, or --active and --staging swapped?):\n  ${problems.join('\n  ')}`);
}
