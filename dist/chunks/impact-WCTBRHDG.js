import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  CsvSpool,
  createProgress,
  csvLine
} from "./chunk-DQCOHKZM.js";
import {
  onExit
} from "./chunk-HXCP3CTC.js";
import {
  describeExport,
  redactImpactObject,
  redactImpactReport,
  renderImpactMarkdown
} from "./chunk-HZZFRPN5.js";
import {
  FileDetailSpool,
  loadImpactSides,
  namesAConnector,
  pairSwitchImpact
} from "./chunk-RIV2F3BZ.js";
import {
  redactorFor
} from "./chunk-RXFLYGFL.js";
import "./chunk-TGO2PSWY.js";
import {
  DELTA_OPERATIONS
} from "./chunk-SY3FYCIP.js";
import {
  readNameMapOptions
} from "./chunk-NRCVCVHH.js";
import "./chunk-FZGWJ4S2.js";
import {
  LIMIT_OPTIONS,
  limitsUsage,
  readLimitOptions,
  sourcePath
} from "./chunk-B7FHMQU2.js";
import {
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parseFormat,
  parsePositiveInteger
} from "./chunk-CJNZHR3P.js";
import {
  DiskFileSource
} from "./chunk-FQ37H2IA.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";

// src/cli/impact.ts
import { realpathSync } from "node:fs";
import path from "node:path";

// src/report/impact-csv.ts
var IMPACT_CSV_COLUMNS = ["Class", "Connector", "ObjectType", "DN", "DisplayName", "UPN", "StagingOperation", "ActiveOperation", "StagingExport", "ActiveExport", "SinceBase", "NotComparedBecause"];
var CRLF = "\r\n";
var CSV_CHANGES = 50;
function impactCsvHeader() {
  return csvLine(IMPACT_CSV_COLUMNS, CRLF);
}
function impactCsvRow(className, object) {
  const active = className === "same" ? object.staging : object.active;
  return csvLine(
    [
      className,
      object.connector,
      object.objectType,
      object.dn,
      object.displayName ?? "",
      object.upn ?? "",
      object.staging?.operation ?? "",
      active?.operation ?? "",
      object.staging ? describeExport(object.staging, CSV_CHANGES) : "",
      active ? describeExport(active, CSV_CHANGES) : "",
      object.persistent === void 0 ? "" : object.persistent ? "persistent" : "new",
      // Why a pair is `different` without its values having been compared (e.g. a value over the size cap).
      object.uncomparable ?? ""
    ],
    CRLF
  );
}

// src/report/impact-json.ts
function operations(counts) {
  const out = {};
  for (const operation of DELTA_OPERATIONS) if (counts[operation] !== void 0) out[operation] = counts[operation];
  return out;
}
function byName(map, value) {
  const out = {};
  for (const key of Object.keys(map).sort()) out[key] = value(map[key]);
  return out;
}
function stableClass(value) {
  return { count: value.count, operations: operations(value.operations), byConnector: byName(value.byConnector, (types) => byName(types, operations)), objects: value.objects };
}
function stableNew(value) {
  return { count: value.count, operations: operations(value.operations), objects: value.objects };
}
function impactJsonValue(report) {
  const impact = report.switchImpact;
  const value = {
    ...report,
    switchImpact: {
      stagingOnly: stableClass(impact.stagingOnly),
      same: stableClass(impact.same),
      different: stableClass(impact.different),
      activeOnly: stableClass(impact.activeOnly),
      ...impact.persistent ? { persistent: impact.persistent } : {}
    }
  };
  if (report.newSinceBase) value.newSinceBase = { active: stableNew(report.newSinceBase.active), staging: stableNew(report.newSinceBase.staging) };
  return value;
}
function renderImpactJson(report) {
  return `${JSON.stringify(impactJsonValue(report), null, 2)}
`;
}

// src/cli/impact.ts
var IMPACT_USAGE = `Usage: syncstage impact --active SNAPSHOT --staging SNAPSHOT [options]

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
async function runImpact(argv, io) {
  const { values, positionals } = parseCommandArgs("impact", argv, {
    active: { type: "string" },
    staging: { type: "string" },
    "base-active": { type: "string" },
    "base-staging": { type: "string" },
    map: { type: "string", multiple: true },
    "map-file": { type: "string" },
    format: { type: "string" },
    "sample-size": { type: "string" },
    redact: { type: "boolean" },
    ...LIMIT_OPTIONS,
    help: { type: "boolean", short: "h" }
  });
  if (values.help) {
    io.stdout(IMPACT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`impact: unexpected argument "${positionals[0]}" (snapshot folders are given with --active and --staging)`);
  if (!values.active || !values.staging) throw new UsageError("impact: give both --active and --staging snapshot folders");
  if (values["base-active"] === void 0 !== (values["base-staging"] === void 0)) throw new UsageError("impact: give both --base-active and --base-staging, or neither");
  const format = parseFormat(values.format, ["markdown", "json", "csv"], "markdown");
  const sampleSize = parsePositiveInteger("--sample-size", values["sample-size"]);
  const redactor = redactorFor(values.redact, io.env);
  const limits = readLimitOptions(values);
  const source = new DiskFileSource(io.cwd);
  const toSource = (value) => sourcePath(source, io.cwd, value);
  const { nameMap } = await readNameMapOptions(values, source, io.cwd);
  refuseOneFolderForBoth(io.cwd, values.active, values.staging, "--active", "--staging");
  const inputs = { ...await loadImpactSides(source, toSource(values.active), toSource(values.staging)), nameMap, limits };
  refuseUnmatchedMap(nameMap, inputs, values.active, values.staging);
  if (values["base-active"] !== void 0 && values["base-staging"] !== void 0) {
    refuseOneFolderForBoth(io.cwd, values["base-active"], values["base-staging"], "--base-active", "--base-staging");
    inputs.base = await loadImpactSides(source, toSource(values["base-active"]), toSource(values["base-staging"]));
  }
  if (sampleSize !== void 0) inputs.sampleSize = sampleSize;
  inputs.spool = detailSpoolRemovedOnExit;
  const progress = createProgress(io);
  const spool = format === "csv" ? new CsvSpool() : void 0;
  try {
    inputs.onBytes = (file, n) => progress.bytes(file, n);
    if (spool) inputs.onExport = (className, object) => spool.write(impactCsvRow(className, redactor ? redactImpactObject(object(), redactor) : object()));
    const paired = await pairSwitchImpact(source, inputs);
    const report = redactor ? redactImpactReport(paired, redactor) : paired;
    progress.done();
    if (format === "json") io.stdout(renderImpactJson(report));
    else if (format === "markdown") io.stdout(`${renderImpactMarkdown(report)}
`);
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
function refuseOneFolderForBoth(cwd, activeArg, stagingArg, activeOption, stagingOption) {
  const resolved = (arg) => {
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
function detailSpoolRemovedOnExit() {
  const spool = new FileDetailSpool();
  const forget = onExit(() => spool.dispose());
  return {
    put: (text) => spool.put(text),
    get: (at, length) => spool.get(at, length),
    dispose: () => {
      spool.dispose();
      forget();
    }
  };
}
function refuseUnmatchedMap(nameMap, inputs, activePath, stagingPath) {
  const problems = Object.entries(nameMap).flatMap(([from, to]) => [
    ...namesAConnector(inputs.active.files, from) ? [] : [`--map ${from}=${to}: no export file of the active server (${activePath}) is for a connector named "${from}"`],
    ...namesAConnector(inputs.staging.files, to) ? [] : [`--map ${from}=${to}: no export file of the staging server (${stagingPath}) is for a connector named "${to}"`]
  ]);
  if (problems.length > 0) throw new UsageError(`impact: a name map that matches nothing maps nothing (a typo, or --active and --staging swapped?):
  ${problems.join("\n  ")}`);
}
export {
  IMPACT_USAGE,
  runImpact
};
