import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  DRIFT_CATEGORY_ORDER
} from "./chunk-SBY42SO4.js";
import {
  codeBlock,
  codeSpan,
  details,
  escapeText,
  formatNumber,
  plural,
  rawTable
} from "./chunk-FQ37H2IA.js";

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
var DEFAULT_SIDES = { primary: "Active", staging: "Staging" };
function renderDriftMarkdown(report, options = {}) {
  const out = [];
  const sides = options.sides ?? DEFAULT_SIDES;
  const primaryName = report.primary.server ?? "primary";
  const stagingName = report.staging.server ?? "staging";
  out.push(`## ${options.heading !== void 0 ? escapeText(options.heading) : `Configuration drift: ${escapeText(primaryName)} (active) vs ${escapeText(stagingName)} (staging)`}`);
  const failed = report.expected.filter((e) => !e.ok);
  out.push(
    report.differences.length === 0 ? `**No configuration drift.**${failed.length > 0 ? ` But ${plural(failed.length, "expectation")} failed (below).` : ""}` : options.differencesSentence ? options.differencesSentence(report.differences.length) : `**${plural(report.differences.length, "difference")}** between the active and the staging server: make the same change on both before a failover.`
  );
  if (report.differences.length > 0) {
    const rows = DRIFT_CATEGORY_ORDER.map((category) => [category, report.differences.filter((d) => d.category === category).length]).filter(([, count]) => count > 0).map(([category, count]) => [escapeText(CATEGORY_TITLES[category]), formatNumber(count)]);
    out.push(rawTable(["Category", "Differences"], rows, ["l", "r"]));
  }
  if (!options.sides) {
    out.push("### Expectations");
    out.push(report.expected.map((e) => `- ${e.ok ? "\u2705" : "\u274C"} ${escapeText(e.message)}`).join("\n") || "- (none checked)");
  }
  for (const category of DRIFT_CATEGORY_ORDER) {
    const items = report.differences.filter((d) => d.category === category);
    if (items.length > 0) out.push(renderCategory(category, items, sides));
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
function renderCategory(category, items, sides) {
  const blocks = [];
  const rows = items.map((d) => {
    const long = isLong(d);
    if (long) blocks.push(renderLong(d, sides));
    return [
      codeSpan(d.id),
      d.kind,
      `${escapeText(d.subject)}${d.connector && d.connector !== d.subject ? ` (${escapeText(d.connector)})` : ""}`,
      escapeText(d.field),
      long ? "(below)" : cell(d.primary),
      long ? "(below)" : cell(d.staging)
    ];
  });
  return [`### ${escapeText(CATEGORY_TITLES[category])}`, rawTable(["Id", "Change", "Subject", "Field", escapeText(sides.primary), escapeText(sides.staging)], rows), ...blocks].join("\n\n");
}
function isLong(d) {
  return d.format === "expression" || (d.primary ?? "").length > LONG_VALUE || (d.staging ?? "").length > LONG_VALUE || /[\r\n]/.test(`${d.primary ?? ""}${d.staging ?? ""}`);
}
function renderLong(d, sides) {
  const side = (label, value) => `${label}:

${value === void 0 ? "(absent)" : codeBlock(value)}`;
  return [`**${escapeText(d.subject)}**, ${escapeText(d.field)} (${codeSpan(d.id)}):`, side(escapeText(sides.primary), d.primary), side(escapeText(sides.staging), d.staging)].join("\n\n");
}
function cell(value) {
  return value === void 0 ? "(absent)" : codeSpan(value);
}

export {
  renderDriftMarkdown
};
