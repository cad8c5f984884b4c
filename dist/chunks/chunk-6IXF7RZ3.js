import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  CsvSpool,
  createProgress,
  csvLine
} from "./chunk-DQCOHKZM.js";
import {
  redactorFor
} from "./chunk-RXFLYGFL.js";
import {
  renderExportsMarkdown
} from "./chunk-V6BOQP4V.js";
import {
  redactExportReport,
  redactIdentity
} from "./chunk-TGO2PSWY.js";
import {
  aggregateSummaries,
  analyzeExportStream
} from "./chunk-2YJQUTME.js";
import {
  DELTA_OPERATIONS,
  JSON_LIST_LIMIT
} from "./chunk-SY3FYCIP.js";
import {
  LIMIT_OPTIONS,
  STDIN,
  limitsUsage,
  readLimitOptions,
  resolveExportInputs
} from "./chunk-B7FHMQU2.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parseFailOn,
  parseFormat,
  parsePositiveInteger
} from "./chunk-CJNZHR3P.js";
import {
  DiskFileSource,
  snapshotFolderThreshold
} from "./chunk-FQ37H2IA.js";
import {
  failOnReasons
} from "./chunk-XGP4FN77.js";

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
  "UPN",
  "OldValue",
  "NewValue",
  "Risk"
];
var CRLF = "\r\n";
var CSV_VALUE_CELL_LIMIT = 32e3;
var VALUE_SEPARATOR = "; ";
var NOT_KEPT = "(not kept: over a value cap)";
function exportCsvHeader() {
  return csvLine(EXPORT_CSV_COLUMNS, CRLF);
}
var OMODT = { add: "Add", update: "Update", replace: "Update", delete: "Delete", "delete-add": "Add" };
function valueCell(values, total) {
  const notKept = Math.max(0, total - values.length);
  let cell = "";
  let listed = 0;
  for (const value of values) {
    const next = listed === 0 ? value : `${cell}${VALUE_SEPARATOR}${value}`;
    if (next.length > CSV_VALUE_CELL_LIMIT) break;
    cell = next;
    listed += 1;
  }
  if (listed === 0 && values.length > 0) {
    const first = values[0];
    cell = `${first.slice(0, CSV_VALUE_CELL_LIMIT)} \u2026 (${first.length - CSV_VALUE_CELL_LIMIT} more characters not shown)`;
    listed = 1;
  }
  const unlisted = values.length - listed;
  const notes = [...unlisted > 0 ? [`${unlisted} more value(s) not shown: over the cell limit`] : [], ...notKept > 0 ? [`${notKept} value(s) ${NOT_KEPT}`] : []];
  if (notes.length === 0) return cell;
  return cell === "" ? `(${notes.join("; ")})` : `${cell} \u2026 (${notes.join("; ")})`;
}
function changeValues(change, hasSynchronizedHologram, operation) {
  if (change.multivalued) return [valueCell(change.removedValues, change.removed), valueCell(change.addedValues, change.added)];
  const isNew = operation === "add" || operation === "delete-add";
  const old = isNew ? "" : change.before !== void 0 ? valueCell([change.before], 1) : hasSynchronizedHologram ? "" : "(unknown: no synchronized-hologram in the file)";
  const value = change.modification === "Delete" ? "" : change.after !== void 0 ? valueCell([change.after], 1) : change.added > 0 ? NOT_KEPT : "";
  return [old, value];
}
function exportCsvRows(change, redactor) {
  const { record, changes, connector, risks } = change;
  const delta = record.pending;
  if (!delta || delta.operation === "none") return "";
  const identity = redactor ? redactIdentity(change.identity, redactor) : change.identity;
  const dn = redactor ? redactor.dn(delta.dn) : delta.dn;
  const rawNewDn = delta.newDn !== void 0 && delta.newDn !== delta.dn ? delta.newDn : "";
  const newDn = redactor && rawNewDn ? redactor.dn(rawNewDn) : rawNewDn;
  const objectRisks = risks.filter((risk) => risk.attribute === void 0).map((risk) => risk.kind);
  const riskOf = (attribute) => [.../* @__PURE__ */ new Set([...objectRisks, ...risks.filter((risk) => risk.attribute !== void 0 && risk.attribute === attribute).map((risk) => risk.kind)])].join("; ");
  const redactValues = (values) => redactor ? values.map((value) => redactor.value(value)) : [...values];
  const row = (omodt2, attribute, amodt, added, removed, oldValue, newValue) => csvLine([connector, dn, record.objectType, delta.operation, omodt2, attribute, amodt, added, removed, newDn, identity.displayName ?? "", identity.upn ?? "", oldValue, newValue, riskOf(attribute)], CRLF);
  let out = "";
  if (delta.operation === "delete" || delta.operation === "delete-add") out += row("Delete", "", "", "", "", "", "");
  const omodt = OMODT[delta.operation] ?? "Update";
  const hasSynchronized = record.holograms.synchronized !== void 0;
  for (const c of changes) {
    const shown = redactor ? { ...c, before: c.before === void 0 ? void 0 : redactor.value(c.before), after: c.after === void 0 ? void 0 : redactor.value(c.after), removedValues: redactValues(c.removedValues), addedValues: redactValues(c.addedValues) } : c;
    const [oldValue, newValue] = changeValues(shown, hasSynchronized, delta.operation);
    out += row(omodt, c.name, c.modification, c.multivalued ? c.added : "", c.multivalued ? c.removed : "", oldValue, newValue);
  }
  if (changes.length === 0 && newDn !== "") out += row(omodt, "", "", "", "", "", "");
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
function* exportsJsonChunks(report) {
  yield* objectChunks(exportsJsonValue(report), 0, "\n");
}
function* objectChunks(value, depth, end) {
  const pad = "  ".repeat(depth + 1);
  const entries = Object.entries(value).filter(([, item]) => item !== void 0);
  if (entries.length === 0) {
    yield `{}${end}`;
    return;
  }
  yield "{\n";
  for (const [index, [key, item]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ",\n" : "\n";
    if (depth === 0 && key === "connectors" && Array.isArray(item) && item.length > 0) {
      yield `${pad}${JSON.stringify(key)}: [
`;
      for (const [position, connector] of item.entries()) {
        yield `${pad}  `;
        yield* objectChunks(connector, depth + 2, position < item.length - 1 ? ",\n" : "\n");
      }
      yield `${pad}]${comma}`;
    } else {
      yield `${pad}${JSON.stringify(key)}: `;
      yield indented(item, depth + 1);
      yield comma;
    }
  }
  yield `${"  ".repeat(depth)}}${end}`;
}
function indented(item, depth) {
  let wrapped = item;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  let cut = 0;
  for (let level = 0; level < depth; level++) cut += 2 * level + 2;
  return json.slice(cut + 2 * depth, json.length - cut);
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
    ...LIMIT_OPTIONS,
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
  const limits = readLimitOptions(values);
  const options = { limits };
  const threshold = parsePositiveInteger("--deletion-threshold", values["deletion-threshold"]);
  if (threshold !== void 0) {
    options.deletionThreshold = threshold;
    options.deletionThresholdSetBy = "cli-option";
  }
  if (values.entra) options.entraConnector = true;
  if (format === "json") {
    options.deleteSampleSize = JSON_LIST_LIMIT;
    options.riskySampleSize = JSON_LIST_LIMIT;
  }
  if (values["sensitive-attributes"] !== void 0) {
    const list = values["sensitive-attributes"].split(",").map((name) => name.trim()).filter(Boolean);
    if (list.length === 0) throw new UsageError("--sensitive-attributes: expected a comma-separated list of attribute names");
    options.sensitiveAttributes = list;
  }
  if (positionals.length === 0) throw new UsageError("exports: give at least one export file, folder, glob or - (standard input)");
  if (positionals.filter((arg) => arg === STDIN).length > 1) throw new UsageError("exports: standard input (-) can be read once only");
  const source = new DiskFileSource(io.cwd);
  const { files, snapshots } = await resolveExportInputs(source, io.cwd, positionals, values.connector, limits);
  for (const folder of snapshots) {
    const reading = await snapshotFolderThreshold(source, folder, limits);
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
    if (format === "json") for (const chunk of exportsJsonChunks(report)) io.stdout(chunk);
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
