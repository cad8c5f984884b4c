import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  NAME_MAP_USAGE,
  readNameMapOptions
} from "./chunk-NRCVCVHH.js";
import {
  renderDriftMarkdown
} from "./chunk-XMJXO2RK.js";
import {
  diffServerSnapshots,
  loadServerSnapshot
} from "./chunk-SBY42SO4.js";
import {
  unmatchedMapEntries
} from "./chunk-FZGWJ4S2.js";
import {
  LIMIT_OPTIONS,
  limitsUsage,
  readLimitOptions,
  sourcePath
} from "./chunk-B7FHMQU2.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parseFailOn,
  parseFormat
} from "./chunk-CJNZHR3P.js";
import {
  DiskFileSource
} from "./chunk-FQ37H2IA.js";
import {
  InputError,
  failOnReasons
} from "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";

// src/report/drift-json.ts
function renderDriftJson(report) {
  const { schemaVersion, differences, productVersion, expected, ignored, primary, staging, missing, hidden } = report;
  return `${JSON.stringify({ schemaVersion, differences, productVersion, expected, ignored, primary, staging, missing, hidden: hidden ?? {} }, null, 2)}
`;
}

// src/cli/drift.ts
var DRIFT_USAGE = `Usage: syncstage drift PRIMARY STAGING [options]

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
async function runDrift(argv, io) {
  const parsed = parseCommandArgs("drift", argv, {
    format: { type: "string" },
    "fail-on": { type: "string" },
    map: { type: "string", multiple: true },
    "map-file": { type: "string" },
    "hide-default-rules": { type: "boolean" },
    "only-changes": { type: "boolean" },
    ignore: { type: "string", multiple: true },
    ...LIMIT_OPTIONS,
    help: { type: "boolean", short: "h" }
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(DRIFT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError(`drift: expected PRIMARY and STAGING folders, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}`);
  const format = parseFormat(values.format, ["markdown", "json"], "markdown");
  const failOn = parseFailOn(values["fail-on"], ["drift", "none"]);
  const limits = readLimitOptions(values);
  const source = new DiskFileSource(io.cwd);
  const { nameMap, givenBy } = await readNameMapOptions(values, source, io.cwd);
  const [primaryPath, stagingPath] = positionals;
  const primary = await loadSide(io.cwd, primaryPath, limits);
  const staging = await loadSide(io.cwd, stagingPath, limits);
  assertMapMatches(nameMap, givenBy, primary, primaryPath, staging, stagingPath);
  const report = diffServerSnapshots(primary, staging, {
    nameMap: Object.keys(nameMap).length > 0 ? nameMap : void 0,
    hideDefaultRules: values["hide-default-rules"] === true,
    onlyChanges: values["only-changes"] === true,
    ignorePaths: values.ignore
  });
  report.primary.path = primaryPath;
  report.staging.path = stagingPath;
  for (const [side, snapshot] of [["primary", primary], ["staging", staging]]) {
    report.missing.push(...snapshot.missing.filter((m) => !snapshot.config.missing.includes(m) && !m.startsWith("config/")).map((m) => `${side}: ${m}`));
  }
  for (const ignorePath of report.unmatchedIgnorePaths ?? []) {
    io.stderr(`syncstage drift: warning: --ignore "${ignorePath}" matches no difference; nothing was left out for it (paths look like connectors.<name>.runProfiles or settings.<parameter>)
`);
  }
  io.stdout(format === "json" ? renderDriftJson(report) : renderDriftMarkdown(report));
  return failOnReasons(failOn, { drift: report }).length > 0 ? EXIT_CONDITION : EXIT_OK;
}
function assertMapMatches(nameMap, givenBy, primary, primaryPath, staging, stagingPath) {
  const problems = unmatchedMapEntries(primary.config, staging.config, nameMap).map(
    ({ from, to, side }) => side === "primary" ? `${givenBy[from] ?? "--map"} ${from}=${to}: "${from}" occurs nowhere in the primary configuration (${primaryPath})` : `${givenBy[from] ?? "--map"} ${from}=${to}: "${to}" occurs nowhere in the staging configuration (${stagingPath})`
  );
  if (problems.length > 0) throw new UsageError(`drift: a name map that matches nothing maps nothing (a typo, or PRIMARY and STAGING swapped?):
  ${problems.join("\n  ")}`);
}
async function loadSide(cwd, osPath, limits) {
  const source = new DiskFileSource(cwd);
  const root = sourcePath(source, cwd, osPath);
  const snapshot = await loadServerSnapshot(source, root, limits);
  if (!snapshot.config) throw new InputError(source.describe(root), "the snapshot has no config/ folder (Get-ADSyncServerConfiguration output): there is no configuration to compare");
  return snapshot;
}
export {
  DRIFT_USAGE,
  runDrift
};
