/**
 * `syncstage exports FILE...`: pending exports of one or more connectors, as Markdown (the PR comment), JSON
 * (schemas/exports.schema.json) or CSV (the CSExportAnalyzer view). Nothing reaches stdout until every file
 * is read: bad input gives `FILE:line:column: reason` on stderr, exit 2, and no partial report.
 */
import { Readable } from 'node:stream';
import { analyzeExportStream, type ExportStreamOptions } from '../exports/analyze.js';
import { aggregateSummaries } from '../exports/aggregate.js';
import { JSON_LIST_LIMIT, type ExportAnalysisOptions, type PendingExportReport, type PendingExportSummary } from '../exports/types.js';
import { DiskFileSource } from '../files/disk.js';
import { exportCsvHeader, exportCsvRows } from '../report/exports-csv.js';
import { exportsJsonChunks } from '../report/exports-json.js';
import { renderExportsMarkdown } from '../report/exports-markdown.js';
import { failOnReasons } from '../verify/fail-on.js';
import { redactExportReport } from '../redact/redact.js';
import { redactorFor } from './redaction.js';
import { snapshotFolderThreshold } from '../snapshot/export-files.js';
import { EXIT_CONDITION, EXIT_OK, parseFailOn, parseFormat, parsePositiveInteger, UsageError, type CliIO, type FailOnCondition, parseCommandArgs } from './common.js';
import { resolveExportInputs, STDIN } from './inputs.js';
import { createProgress } from './progress.js';
import { CsvSpool } from './csv-spool.js';
import { LIMIT_OPTIONS, limitsUsage, readLimitOptions } from './limit-options.js';

export const EXPORTS_HELP = `Usage: syncstage exports FILE... [options]

Reviews pending exports (csexport "<connector>" export.xml /f:x). FILE may be an .xml or .xml.gz file, a glob
("exports/*.xml"), a folder of export files, a server snapshot folder (its exports/), or - for standard input.
One file is one connector, named by --connector, the snapshot manifest, or the file name. The accidental-delete
threshold applies to the Entra ID connector, told from --entra, the snapshot's configuration, the name given, the
file's own content (connector-space DNs CN={hex}, ma-name), then the file name; a file whose kind cannot be told is
judged as Entra ID, and the report says so. Content that contradicts what names the file is an error (exit 2).

Options:
  --format markdown|json|csv     markdown (default): the pull-request comment; json: schemas/exports.schema.json,
                                 every delete and risky object up to 5,000 per list (the rest counted in
                                 "omitted"); csv: one row per attribute change and per delete (CSExportAnalyzer
                                 view) with old and new values and the risk kind
  --deletion-threshold N         accidental-delete limit for the Entra ID connector; wins over a snapshot's
                                 configured value (default: that value, else 500); exceeded when deletes > N
  --connector NAME               the connector of a single FILE
  --entra                        the files are the Entra ID connector's (their content must agree)
  --sensitive-attributes a,b     attributes whose changes are risky (default: sourceAnchor, userPrincipalName,
                                 onPremisesImmutableId, cloudAnchor, accountEnabled, cloudFiltered, proxyAddresses)
  --fail-on LIST                 exit 1 when a condition holds: threshold, errors, risky, none (comma-separated)
  --redact                       replace UPNs, mail addresses, display names and DN names with keyed hashes
                                 (key: environment variable SYNCSTAGE_REDACT_KEY, at least 16 characters)
${limitsUsage(33)}
  -h, --help                     this help

Exit codes: 0 done; 1 a --fail-on condition holds; 2 bad usage or bad input.
`;

const FORMATS = ['markdown', 'json', 'csv'] as const;
const FAIL_ON: readonly FailOnCondition[] = ['threshold', 'errors', 'risky', 'none'];

export async function runExports(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('exports', argv, {
    format: { type: 'string' },
    'deletion-threshold': { type: 'string' },
    connector: { type: 'string' },
    entra: { type: 'boolean' },
    'sensitive-attributes': { type: 'string' },
    'fail-on': { type: 'string' },
    redact: { type: 'boolean' },
    ...LIMIT_OPTIONS,
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXPORTS_HELP);
    return EXIT_OK;
  }
  const format = parseFormat(values.format, FORMATS, 'markdown');
  const redactor = redactorFor(values.redact, io.env);
  const failOn = parseFailOn(values['fail-on'], FAIL_ON);
  const limits = readLimitOptions(values);
  const options: ExportAnalysisOptions = { limits };
  const threshold = parsePositiveInteger('--deletion-threshold', values['deletion-threshold']);
  if (threshold !== undefined) {
    options.deletionThreshold = threshold;
    options.deletionThresholdSetBy = 'cli-option';
  }
  if (values.entra) options.entraConnector = true;
  // The JSON is the file an operator works from: it lists every delete and risky object, up to a bound.
  if (format === 'json') {
    options.deleteSampleSize = JSON_LIST_LIMIT;
    options.riskySampleSize = JSON_LIST_LIMIT;
  }
  if (values['sensitive-attributes'] !== undefined) {
    const list = values['sensitive-attributes'].split(',').map((name) => name.trim()).filter(Boolean);
    if (list.length === 0) throw new UsageError('--sensitive-attributes: expected a comma-separated list of attribute names');
    options.sensitiveAttributes = list;
  }
  if (positionals.length === 0) throw new UsageError('exports: give at least one export file, folder, glob or - (standard input)');
  if (positionals.filter((arg) => arg === STDIN).length > 1) throw new UsageError('exports: standard input (-) can be read once only');

  const source = new DiskFileSource(io.cwd);
  const { files, snapshots } = await resolveExportInputs(source, io.cwd, positionals, values.connector, limits);
  // A snapshot folder carries its server's accidental-delete setting: used unless --deletion-threshold is given.
  for (const folder of snapshots) {
    const reading = await snapshotFolderThreshold(source, folder, limits);
    if (reading.configuredThreshold || reading.unreadableThreshold !== undefined) {
      Object.assign(options, reading);
      break;
    }
  }
  const progress = createProgress(io);
  const spool = format === 'csv' ? new CsvSpool() : undefined;
  try {
    const streamOptions: ExportStreamOptions = {
      ...options,
      onBytes: (file, n) => progress.bytes(file, n),
      onObject: (file, n) => progress.objects(file, n),
      onChange: spool ? (change) => spool.write(exportCsvRows(change, redactor)) : undefined,
    };
    const summaries: PendingExportSummary[] = [];
    for (const ref of files) {
      const stream = ref.path === STDIN ? toReadable(io.stdin) : await source.open(ref.path);
      const name = ref.path === STDIN ? '<stdin>' : source.describe(ref.path);
      summaries.push(await analyzeExportStream(stream, name, ref, streamOptions));
    }
    progress.done();
    const aggregated = aggregateSummaries(summaries, options);
    const report = redactor ? redactExportReport(aggregated, redactor) : aggregated;
    if (format === 'json') for (const chunk of exportsJsonChunks(report)) io.stdout(chunk);
    else if (format === 'markdown') io.stdout(renderExportsMarkdown(report));
    else if (spool) {
      io.stdout(exportCsvHeader());
      spool.copyTo(io.stdout);
    }
    const reasons = failOnReasons(failOn, { exports: [report, ...report.connectors] });
    if (reasons.length > 0) {
      io.stderr(`syncstage: --fail-on: ${reasons.join('; ')}\n`);
      return EXIT_CONDITION;
    }
    return EXIT_OK;
  } finally {
    progress.done();
    spool?.dispose();
  }
}

export function toReadable(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : Readable.from(stream as AsyncIterable<Buffer>);
}
