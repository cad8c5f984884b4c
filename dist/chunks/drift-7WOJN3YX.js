import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  DRIFT_CATEGORY_ORDER,
  diffServerConfigs,
  loadServerSnapshot,
  parseNameMap,
  snapshotExpectations
} from "./chunk-PPXZN4NS.js";
import "./chunk-AHY7V7OR.js";
import {
  DiskFileSource,
  codeBlock,
  codeSpan,
  details,
  escapeText,
  formatNumber,
  plural,
  rawTable
} from "./chunk-BBM6FSNZ.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseFailOn,
  parseFormat
} from "./chunk-SRXYHMOI.js";
import {
  InputError
} from "./chunk-GGI5VKWD.js";
import "./chunk-TJQ7GH6D.js";

// src/cli/drift.ts
import path from "node:path";
import { parseArgs } from "node:util";

// src/report/drift-markdown.ts
var CATEGORY_TITLES = {
  version: "Connect version",
  identity: "Identity (anchor, UPN, join)",
  features: "Optional features",
  scope: "Scope (partitions, containers, object types)",
  "sync-rules": "Sync rules",
  connectors: "Connectors",
  settings: "Other settings"
};
var NOISE_WORDS = {
  guid: "GUIDs",
  timestamp: "timestamps",
  version: "internal versions",
  cookie: "cookies/watermarks",
  lastDc: "last DC",
  nextStartTime: "next start time",
  serverName: "server name",
  exportDate: "export date",
  serviceAccount: "service accounts",
  connectorNameCase: "connector-name case",
  serverState: "scheduler state flags"
};
var LONG_VALUE = 80;
function renderDriftMarkdown(report, options = {}) {
  const out = [];
  const primaryName = report.primary.server ?? "primary";
  const stagingName = report.staging.server ?? "staging";
  out.push(`## ${options.heading !== void 0 ? escapeText(options.heading) : `Configuration drift: ${escapeText(primaryName)} (active) vs ${escapeText(stagingName)} (staging)`}`);
  const failed = report.expected.filter((e) => !e.ok);
  out.push(
    report.differences.length === 0 ? `**No configuration drift.**${failed.length > 0 ? ` But ${plural(failed.length, "expectation")} failed (below).` : ""}` : `**${plural(report.differences.length, "difference")}** between the active and the staging server: make the same change on both before a failover.`
  );
  if (report.differences.length > 0) {
    const rows = DRIFT_CATEGORY_ORDER.map((category) => [category, report.differences.filter((d) => d.category === category).length]).filter(([, count]) => count > 0).map(([category, count]) => [escapeText(CATEGORY_TITLES[category]), formatNumber(count)]);
    out.push(rawTable(["Category", "Differences"], rows, ["l", "r"]));
  }
  out.push("### Expectations");
  out.push(report.expected.map((e) => `- ${e.ok ? "\u2705" : "\u274C"} ${escapeText(e.message)}`).join("\n") || "- (none checked)");
  for (const category of DRIFT_CATEGORY_ORDER) {
    const items = report.differences.filter((d) => d.category === category);
    if (items.length > 0) out.push(renderCategory(category, items));
  }
  if (report.productVersion.length > 0) {
    const rules = /* @__PURE__ */ new Map();
    for (const change of report.productVersion) {
      const key = `${change.connector ?? ""}\0${change.subject}`;
      const row = rules.get(key) ?? { subject: change.subject, connector: change.connector ?? "" };
      row[change.field] = `${codeSpan(change.primary)} \u2192 ${codeSpan(change.staging)}`;
      rules.set(key, row);
    }
    const rows = [...rules.values()].map((r) => [escapeText(r.subject), escapeText(r.connector), r.precedence ?? "", r.immutableTag ?? ""]);
    out.push(
      details(
        `Product version: ${plural(rules.size, "out-of-box rule")} changed only by an upgrade (precedence, immutable-tag version), not drift`,
        rawTable(["Rule", "Connector", "Precedence (active \u2192 staging)", "Immutable tag (active \u2192 staging)"], rows)
      )
    );
  }
  const ignored = Object.entries(report.ignored).filter(([, n]) => n > 0);
  if (ignored.length > 0) {
    out.push(`Ignored as per-server noise: ${ignored.map(([kind, n]) => `${NOISE_WORDS[kind] ?? escapeText(kind)} ${formatNumber(n)}`).join(", ")}.`);
  }
  const hidden = Object.entries(report.hidden ?? {}).filter(([, n]) => n > 0);
  if (hidden.length > 0) out.push(`Left out on request: ${hidden.map(([reason, n]) => `${escapeText(reason)} ${formatNumber(n)}`).join(", ")}.`);
  if (report.missing.length > 0) out.push(`Missing parts (not compared):
${report.missing.map((m) => `- ${escapeText(m)}`).join("\n")}`);
  return `${out.join("\n\n")}
`;
}
function renderCategory(category, items) {
  const blocks = [];
  const rows = items.map((d) => {
    const long = isLong(d);
    if (long) blocks.push(renderLong(d));
    return [
      codeSpan(d.id),
      d.kind,
      `${escapeText(d.subject)}${d.connector && d.connector !== d.subject ? ` (${escapeText(d.connector)})` : ""}`,
      escapeText(d.field),
      long ? "(below)" : cell(d.primary),
      long ? "(below)" : cell(d.staging)
    ];
  });
  return [`### ${escapeText(CATEGORY_TITLES[category])}`, rawTable(["Id", "Change", "Subject", "Field", "Active", "Staging"], rows), ...blocks].join("\n\n");
}
function isLong(d) {
  return d.format === "expression" || (d.primary ?? "").length > LONG_VALUE || (d.staging ?? "").length > LONG_VALUE || /[\r\n]/.test(`${d.primary ?? ""}${d.staging ?? ""}`);
}
function renderLong(d) {
  const side = (label, value) => `${label}:

${value === void 0 ? "(absent)" : codeBlock(value)}`;
  return [`**${escapeText(d.subject)}**, ${escapeText(d.field)} (${codeSpan(d.id)}):`, side("Active", d.primary), side("Staging", d.staging)].join("\n\n");
}
function cell(value) {
  return value === void 0 ? "(absent)" : codeSpan(value);
}

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
  --map A=B                a name that differs on purpose (primary A is staging B), e.g. contoso.com=contoso-dev.com;
                           repeatable
  --map-file FILE          A=B lines (# comments allowed)
  --hide-default-rules     leave out differences in out-of-box sync rules (counted under "hidden")
  --only-changes           only values changed on both sides, not things added or removed
  --ignore PATH            leave out differences under PATH, e.g. "connectors.*.runProfiles" or
                           "settings.Microsoft.Synchronize.TimeInterval"; * matches anything; repeatable
  -h, --help               this help

Exit codes: 0 done; 1 --fail-on drift and drift found; 2 bad usage or bad input (FILE:line:col: message on stderr).
`;
async function runDrift(argv, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        "fail-on": { type: "string" },
        map: { type: "string", multiple: true },
        "map-file": { type: "string" },
        "hide-default-rules": { type: "boolean" },
        "only-changes": { type: "boolean" },
        ignore: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(DRIFT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError(`drift: expected PRIMARY and STAGING folders, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}`);
  const format = parseFormat(values.format, ["markdown", "json"], "markdown");
  const failOn = parseFailOn(values["fail-on"], ["drift", "none"]);
  const source = new DiskFileSource(io.cwd);
  const nameMap = {};
  if (values["map-file"] !== void 0) {
    const file = source.relative(values["map-file"]);
    Object.assign(nameMap, parseNameMap((await source.readText(file, 1024 * 1024)).split(/\r?\n/), source.describe(file)));
  }
  for (const entry of values.map ?? []) {
    try {
      Object.assign(nameMap, parseNameMap([entry], "--map"));
    } catch (error) {
      throw new UsageError(`--map: expected primary-name=staging-name, got "${entry}"`);
    }
  }
  const [primaryPath, stagingPath] = positionals;
  const primary = await loadSide(io.cwd, primaryPath);
  const staging = await loadSide(io.cwd, stagingPath);
  const report = diffServerConfigs(primary.config, staging.config, {
    nameMap: Object.keys(nameMap).length > 0 ? nameMap : void 0,
    hideDefaultRules: values["hide-default-rules"] === true,
    onlyChanges: values["only-changes"] === true,
    ignorePaths: values.ignore
  });
  completeReport(report, primary, staging, primaryPath, stagingPath);
  io.stdout(format === "json" ? renderDriftJson(report) : renderDriftMarkdown(report));
  const drift = report.differences.length > 0 || report.expected.some((e) => !e.ok);
  return failOn.has("drift") && drift ? EXIT_CONDITION : EXIT_OK;
}
var AbsoluteDiskFileSource = class extends DiskFileSource {
  describe(file) {
    return path.join(this.root, ...file.split("/"));
  }
};
async function loadSide(cwd, osPath) {
  const absolute = path.resolve(cwd, osPath);
  const relative = path.relative(path.resolve(cwd), absolute);
  const inside = !relative.startsWith("..") && !path.isAbsolute(relative);
  const source = inside ? new DiskFileSource(cwd) : new AbsoluteDiskFileSource(path.parse(absolute).root);
  const root = inside ? relative.split(path.sep).join("/") : path.relative(path.parse(absolute).root, absolute).split(path.sep).join("/");
  const snapshot = await loadServerSnapshot(source, root);
  if (!snapshot.config) throw new InputError(source.describe(root), "the snapshot has no config/ folder (Get-ADSyncServerConfiguration output): there is no configuration to compare");
  return snapshot;
}
function completeReport(report, primary, staging, primaryPath, stagingPath) {
  report.primary.path = primaryPath;
  report.staging.path = stagingPath;
  report.primary.server = primary.manifest?.server ?? report.primary.server;
  report.staging.server = staging.manifest?.server ?? report.staging.server;
  const extra = [...snapshotExpectations(primary, "primary"), ...snapshotExpectations(staging, "staging")];
  for (const [snapshot, server, role] of [[primary, "primary", "active"], [staging, "staging", "staging"]]) {
    const declared = snapshot.manifest?.role;
    if (declared !== void 0 && declared !== role) {
      extra.push({ name: "Role", server, expected: role, actual: declared, ok: false, message: `snapshot.json of the ${server} argument says role "${declared}": are PRIMARY and STAGING swapped?` });
    }
  }
  report.expected.push(...extra);
  report.missing.push(
    ...primary.missing.filter((m) => !primary.config?.missing.includes(m) && !m.startsWith("config/")).map((m) => `primary: ${m}`),
    ...staging.missing.filter((m) => !staging.config?.missing.includes(m) && !m.startsWith("config/")).map((m) => `staging: ${m}`)
  );
}
export {
  DRIFT_USAGE,
  runDrift
};
