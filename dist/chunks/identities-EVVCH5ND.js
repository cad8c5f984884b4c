import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  toReadable
} from "./chunk-6IXF7RZ3.js";
import {
  csvLine
} from "./chunk-DQCOHKZM.js";
import "./chunk-HXCP3CTC.js";
import {
  redactorFor
} from "./chunk-RXFLYGFL.js";
import "./chunk-V6BOQP4V.js";
import {
  redactIdentity
} from "./chunk-TGO2PSWY.js";
import "./chunk-2YJQUTME.js";
import {
  identityOf,
  parseCsExport
} from "./chunk-SY3FYCIP.js";
import {
  LIMIT_OPTIONS,
  STDIN,
  limitsUsage,
  readLimitOptions,
  sourcePath
} from "./chunk-B7FHMQU2.js";
import {
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parsePositiveInteger
} from "./chunk-CJNZHR3P.js";
import {
  DiskFileSource,
  formatNumber
} from "./chunk-FQ37H2IA.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";

// src/cli/identities.ts
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// src/exports/identities.ts
async function readExportIdentities(stream, file, onIdentity, options = {}) {
  let count = 0;
  await parseCsExport(
    stream,
    file,
    (record) => {
      if (!record.pending) return;
      count += 1;
      onIdentity(identityOf(record));
    },
    options
  );
  return count;
}

// src/report/identities-csv.ts
var IDENTITY_CSV_COLUMNS = ["ID", "Type", "DN", "operation", "UPN", "displayName", "sourceAnchor", "alias", "primarySMTP", "onPremisesSamAccountName", "mail"];
function identitiesCsvHeader() {
  return csvLine(IDENTITY_CSV_COLUMNS);
}
function identityCsvRow(identity) {
  return csvLine([
    identity.id,
    identity.objectType,
    identity.dn,
    identity.operation,
    identity.upn ?? "",
    identity.displayName ?? "",
    identity.sourceAnchor ?? "",
    identity.alias ?? "",
    identity.primarySmtp ?? "",
    identity.onPremisesSamAccountName ?? "",
    identity.mail ?? ""
  ]);
}
function batchFileName(batch) {
  return `processedbatch${batch}.csv`;
}

// src/cli/identities.ts
var IDENTITIES_HELP = `Usage: syncstage identities FILE [--batch-size 1000] [--out-dir DIR]

Writes the identities of every object with a pending export (csexport /f:x file, .xml or .xml.gz, or - for
standard input) as processedbatch1.csv, processedbatch2.csv, ... in DIR (default: the current folder), with the
columns of csanalyzer.ps1: ID, Type, DN, operation, UPN, displayName, sourceAnchor, alias, primarySMTP,
onPremisesSamAccountName, mail. Cells starting with = + - @ get a leading ' (spreadsheet formulas).

Rows whose operation is "none": objects with an unapplied export whose delta changes nothing (csexport lists
them; csanalyzer.ps1 writes them, and so does this command). \`syncstage exports\` counts only deltas that change
something, so its total is this row count minus the "none" rows; stderr says how many there are. Objects with only
an escrowed or unconfirmed export (already sent) are in neither.

Options:
  --batch-size N   objects per file (default 1000)
  --out-dir DIR    where to write the files
  --redact         UPNs, mail addresses, names and DN names as keyed hashes (key: SYNCSTAGE_REDACT_KEY)
${limitsUsage(19)}
  -h, --help       this help
`;
async function runIdentities(argv, io) {
  const parsed = parseCommandArgs("identities", argv, { "batch-size": { type: "string" }, "out-dir": { type: "string" }, redact: { type: "boolean" }, ...LIMIT_OPTIONS, help: { type: "boolean", short: "h" } });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IDENTITIES_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError("identities: give exactly one export file (or - for standard input)");
  const batchSize = parsePositiveInteger("--batch-size", values["batch-size"]) ?? 1e3;
  const redactor = redactorFor(values.redact, io.env);
  const limits = readLimitOptions(values);
  if (batchSize < 1) throw new UsageError("--batch-size: expected at least 1");
  const outDir = path.resolve(io.cwd, values["out-dir"] ?? ".");
  const arg = positionals[0];
  const source = new DiskFileSource(io.cwd);
  const file = arg === STDIN ? STDIN : sourcePath(source, io.cwd, arg);
  const stream = arg === STDIN ? toReadable(io.stdin) : await source.open(file);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  let rows = "";
  let inBatch = 0;
  const flush = () => {
    if (inBatch === 0) return;
    const name = batchFileName(written.length + 1);
    writeFileSync(path.join(outDir, `${name}.partial`), identitiesCsvHeader() + rows);
    written.push(name);
    rows = "";
    inBatch = 0;
  };
  let count;
  let unchanged = 0;
  try {
    count = await readExportIdentities(stream, arg === STDIN ? "<stdin>" : source.describe(file), (identity) => {
      if (identity.operation === "none") unchanged += 1;
      rows += identityCsvRow(redactor ? redactIdentity(identity, redactor) : identity);
      inBatch += 1;
      if (inBatch === batchSize) flush();
    }, { limits });
    flush();
  } catch (error) {
    for (const name of written) rmSync(path.join(outDir, `${name}.partial`), { force: true });
    throw error;
  }
  for (const name of written) renameSync(path.join(outDir, `${name}.partial`), path.join(outDir, name));
  io.stdout(
    count === 0 ? "No objects with a pending export: no file written.\n" : `${formatNumber(count)} objects in ${written.length} file(s) in ${outDir}: ${written.join(", ")}
`
  );
  if (unchanged > 0) {
    io.stderr(
      `syncstage identities: ${formatNumber(unchanged)} of the ${formatNumber(count)} rows have operation "none" (an unapplied export that changes nothing, listed as csanalyzer.ps1 lists it); \`syncstage exports\` counts ${formatNumber(count - unchanged)} pending exports
`
    );
  }
  return EXIT_OK;
}
export {
  IDENTITIES_HELP,
  runIdentities
};
