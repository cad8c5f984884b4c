import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  CsvSpool,
  createProgress,
  csvLine
} from "./chunk-3PRDYYZW.js";
import {
  redactorFor
} from "./chunk-F4EMLAI7.js";
import {
  renderExportsMarkdown
} from "./chunk-2SR3WB5L.js";
import {
  redactExportReport,
  redactIdentity
} from "./chunk-XZW4AGU5.js";
import {
  aggregateSummaries,
  analyzeExportStream
} from "./chunk-WVJP4Y6P.js";
import {
  DELTA_OPERATIONS
} from "./chunk-ROB4FAMG.js";
import {
  STDIN,
  resolveExportInputs
} from "./chunk-SHTO7N5Q.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parseFailOn,
  parseFormat,
  parsePositiveInteger
} from "./chunk-D6S2TCDS.js";
import {
  DiskFileSource,
  snapshotFolderThreshold
} from "./chunk-ZQCKNFMG.js";
import {
  failOnReasons
} from "./chunk-AYEKLC3Z.js";

// src/cli/exports.ts
import { Readable } from "node:stream";

// src/report/exports-csv.ts
var EXPORT_CSV_COLUMNS = [
  "Connector",
  "DN",
  "ObjectType",
  "Operation",
  "OMODT",
  "Attribute",
  "AMODT",
  "ValuesAdded",
  "ValuesRemoved",
  "NewDN",
  "DisplayName",
  "UPN"
];
var CRLF = "\r\n";
function exportCsvHeader() {
  return csvLine(EXPORT_CSV_COLUMNS, CRLF);
}
var OMODT = { add: "Add", update: "Update", replace: "Update", delete: "Delete", "delete-add": "Add" };
function exportCsvRows(change, redactor) {
  const { record, changes, connector } = change;
  const delta = record.pending;
  if (!delta || delta.operation === "none") return "";
  const identity = redactor ? redactIdentity(change.identity, redactor) : change.identity;
  const dn = redactor ? redactor.dn(delta.dn) : delta.dn;
  const rawNewDn = delta.newDn !== void 0 && delta.newDn !== delta.dn ? delta.newDn : "";
  const newDn = redactor && rawNewDn ? redactor.dn(rawNewDn) : rawNewDn;
  const row = (omodt2, attribute, amodt, added, removed) => csvLine([connector, dn, record.objectType, delta.operation, omodt2, attribute, amodt, added, removed, newDn, identity.displayName ?? "", identity.upn ?? ""], CRLF);
  let out = "";
  if (delta.operation === "delete" || delta.operation === "delete-add") out += row("Delete", "", "", "", "");
  const omodt = OMODT[delta.operation] ?? "Update";
  for (const c of changes) {
    out += row(omodt, c.name, c.modification, c.multivalued ? c.added : "", c.multivalued ? c.removed : "");
  }
  if (changes.length === 0 && newDn !== "") out += row(omodt, "", "", "", "");
  return out;
}

// src/report/exports-json.ts
function sortedKeys(map, value = (item) => item) {
  const out = {};
  for (const key of Object.keys(map).sort()) out[key] = value(map[key]);
  return out;
}
function operations(counts) {
  const out = {};
  for (const operation of DELTA_OPERATIONS) if (counts[operation] !== void 0) out[operation] = counts[operation];
  return out;
}
function stableSummary(summary) {
  return {
    ...summary,
    operations: operations(summary.operations),
    objectTypes: sortedKeys(summary.objectTypes, operations),
    attributes: sortedKeys(summary.attributes),
    multiValued: sortedKeys(summary.multiValued),
    errors: sortedKeys(summary.errors)
  };
}
function exportsJsonValue(report) {
  return { ...stableSummary(report), connectors: report.connectors.map(stableSummary) };
}
function renderExportsJson(report) {
  return `${JSON.stringify(exportsJsonValue(report), null, 2)}
`;
}

// src/cli/exports.ts
var EXPORTS_HELP = `Usage: syncstage exports FILE... [options]

Reviews pending exports (csexport "<connector>" export.xml /f:x). FILE may be an .xml or .xml.gz file, a glob
("exports/*.xml"), a folder of export files, a server snapshot folder (its exports/), or - for standard input.
One file is one connector, named by --connector, the snapshot manifest, or the file name. The accidental-delete
threshold applies to the Entra ID connector, told from --entra, the snapshot's configuration, the name given, the
file's own content (connector-space DNs CN={hex}, ma-name), then the file name; a file whose kind cannot be told is
judged as Entra ID, and the report says so. Content that contradicts what names the file is an error (exit 2).

Options:
  --format markdown|json|csv     markdown (default): the pull-request comment; json: schemas/exports.schema.json;
                                 csv: one row per attribute change and per delete (CSExportAnalyzer view)
  --deletion-threshold N         accidental-delete limit for the Entra ID connector; wins over a snapshot's
                                 configured value (default: that value, else 500); exceeded when deletes > N
  --connector NAME               the connector of a single FILE
  --entra                        the files are the Entra ID connector's (their content must agree)
  --sensitive-attributes a,b     attributes whose changes are risky (default: sourceAnchor, userPrincipalName,
                                 onPremisesImmutableId, cloudAnchor, accountEnabled, cloudFiltered, proxyAddresses)
  --fail-on LIST                 exit 1 when a condition holds: threshold, errors, risky, none (comma-separated)
  --redact                       replace UPNs, mail addresses, display names and DN names with keyed hashes
                                 (key: environment variable SYNCSTAGE_REDACT_KEY, at least 16 characters)
  -h, --help                     this help

Exit codes: 0 done; 1 a --fail-on condition holds; 2 bad usage or bad input.
`;
var FORMATS = ["markdown", "json", "csv"];
var FAIL_ON = ["threshold", "errors", "risky", "none"];
async function runExports(argv, io) {
  const parsed = parseCommandArgs("exports", argv, {
    format: { type: "string" },
    "deletion-threshold": { type: "string" },
    connector: { type: "string" },
    entra: { type: "boolean" },
    "sensitive-attributes": { type: "string" },
    "fail-on": { type: "string" },
    redact: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXPORTS_HELP);
    return EXIT_OK;
  }
  const format = parseFormat(values.format, FORMATS, "markdown");
  const redactor = redactorFor(values.redact, io.env);
  const failOn = parseFailOn(values["fail-on"], FAIL_ON);
  const options = {};
  const threshold = parsePositiveInteger("--deletion-threshold", values["deletion-threshold"]);
  if (threshold !== void 0) {
    options.deletionThreshold = threshold;
    options.deletionThresholdSetBy = "cli-option";
  }
  if (values.entra) options.entraConnector = true;
  if (values["sensitive-attributes"] !== void 0) {
    const list = values["sensitive-attributes"].split(",").map((name) => name.trim()).filter(Boolean);
    if (list.length === 0) throw new UsageError("--sensitive-attributes: expected a comma-separated list of attribute names");
    options.sensitiveAttributes = list;
  }
  if (positionals.length === 0) throw new UsageError("exports: give at least one export file, folder, glob or - (standard input)");
  if (positionals.filter((arg) => arg === STDIN).length > 1) throw new UsageError("exports: standard input (-) can be read once only");
  const source = new DiskFileSource(io.cwd);
  const { files, snapshots } = await resolveExportInputs(source, io.cwd, positionals, values.connector);
  for (const folder of snapshots) {
    const reading = await snapshotFolderThreshold(source, folder);
    if (reading.configuredThreshold || reading.unreadableThreshold !== void 0) {
      Object.assign(options, reading);
      break;
    }
  }
  const progress = createProgress(io);
  const spool = format === "csv" ? new CsvSpool() : void 0;
  try {
    const streamOptions = {
      ...options,
      onBytes: (file, n) => progress.bytes(file, n),
      onObject: (file, n) => progress.objects(file, n),
      onChange: spool ? (change) => spool.write(exportCsvRows(change, redactor)) : void 0
    };
    const summaries = [];
    for (const ref of files) {
      const stream = ref.path === STDIN ? toReadable(io.stdin) : await source.open(ref.path);
      const name = ref.path === STDIN ? "<stdin>" : source.describe(ref.path);
      summaries.push(await analyzeExportStream(stream, name, ref, streamOptions));
    }
    progress.done();
    const aggregated = aggregateSummaries(summaries, options);
    const report = redactor ? redactExportReport(aggregated, redactor) : aggregated;
    if (format === "json") io.stdout(renderExportsJson(report));
    else if (format === "markdown") io.stdout(renderExportsMarkdown(report));
    else if (spool) {
      io.stdout(exportCsvHeader());
      spool.copyTo(io.stdout);
    }
    const reasons = failOnReasons(failOn, { exports: [report, ...report.connectors] });
    if (reasons.length > 0) {
      io.stderr(`syncstage: --fail-on: ${reasons.join("; ")}
`);
      return EXIT_CONDITION;
    }
    return EXIT_OK;
  } finally {
    progress.done();
    spool?.dispose();
  }
}
function toReadable(stream) {
  return stream instanceof Readable ? stream : Readable.from(stream);
}

export {
  EXPORTS_HELP,
  runExports,
  toReadable
};
