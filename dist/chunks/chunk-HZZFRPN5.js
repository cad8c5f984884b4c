import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  PAIRED_OPERATIONS,
  switchCounts
} from "./chunk-RIV2F3BZ.js";
import {
  TALLY_COLUMNS,
  tallyOperations
} from "./chunk-TGO2PSWY.js";
import {
  details,
  escapeText,
  formatNumber,
  plural,
  table
} from "./chunk-FQ37H2IA.js";

// src/report/impact-text.ts
var CHANGES_SHOWN = 4;
var MARKDOWN_VALUE_CHARS = 80;
function shorten(value, max) {
  if (max === void 0 || value.length <= max) return value;
  return `${value.slice(0, max)}\u2026 (${value.length.toLocaleString("en-US")} characters)`;
}
function describeChange(change, maxValue) {
  const values = (list) => (list ?? []).map((value) => shorten(value, maxValue)).join(", ");
  const parts = [];
  if (change.added || change.removed) {
    if (change.added) parts.push(`+${values(change.added)}`);
    if (change.removed) parts.push(`-${values(change.removed)}`);
  } else if (change.modification === "delete") {
    parts.push(change.old ? `${values(change.old)} -> (cleared)` : "cleared");
  } else if (change.old) {
    parts.push(`${values(change.old)} -> ${values(change.new)}`);
  } else if (change.new) {
    parts.push(values(change.new));
  }
  if (change.omitted) parts.push(`(+${change.omitted} more)`);
  return parts.length > 0 ? `${change.attribute} ${parts.join(" ")}` : change.attribute;
}
function describeExport(serverExport, limit = CHANGES_SHOWN, maxValue) {
  if (!serverExport) return "nothing pending";
  const shown = serverExport.changes.slice(0, limit).map((change) => describeChange(change, maxValue));
  const more2 = serverExport.changes.length - shown.length;
  if (more2 > 0) shown.push(`and ${more2} more`);
  const rename = serverExport.newDn !== void 0 ? ` (rename to ${serverExport.newDn})` : "";
  return `${serverExport.operation}${rename}${shown.length > 0 ? `: ${shown.join("; ")}` : ""}`;
}

// src/report/impact-markdown.ts
function cell(serverExport) {
  return describeExport(serverExport, void 0, MARKDOWN_VALUE_CHARS);
}
var MARKDOWN_IMPACT_OBJECTS = 10;
var CLASS_TITLES = {
  different: "Different (the servers disagree)",
  stagingOnly: "Staging only (the switch exports it)",
  activeOnly: "Active only (may be lost by the switch)",
  same: "Same on both (exported anyway)"
};
var CLASS_ORDER = ["different", "stagingOnly", "activeOnly", "same"];
function impactHeadline(report) {
  const counts = switchCounts(report.switchImpact);
  const deleteAdds = counts.deleteAdds > 0 ? `, ${plural(counts.deleteAdds, "delete-add")}` : "";
  return `Switching will export ${plural(counts.changes, "change")} the active server would not: ${plural(counts.adds, "add")}, ${plural(counts.updates, "update")}, ${plural(counts.deletes, "delete")}${deleteAdds}`;
}
function label(object) {
  return object.displayName ?? object.upn ?? object.dn;
}
function more(value, shown, everyExportInCsv) {
  const rest = value.count - shown;
  if (rest <= 0) return "";
  return `

${plural(rest, "more object")} not listed${everyExportInCsv ? ": `syncstage impact --format csv` writes every export, one row each" : ""}.`;
}
function classTable(report) {
  const persistent = report.switchImpact.persistent;
  const header = ["Class", "Exports", ...TALLY_COLUMNS.map((column) => column.header), ...persistent ? ["Persistent"] : []];
  const rows = CLASS_ORDER.map((name) => {
    const value = report.switchImpact[name];
    const tally = tallyOperations(value.operations);
    return [CLASS_TITLES[name], value.count, ...TALLY_COLUMNS.map((column) => column.of(tally)), ...persistent ? [persistent[name]] : []];
  });
  const counts = switchCounts(report.switchImpact);
  rows.push(["Exported because of the switch (different + staging only)", counts.changes, counts.adds, counts.updates, counts.deletes, counts.deleteAdds, ...persistent ? [persistent.different + persistent.stagingOnly] : []]);
  return table(header, rows, ["l", "r", ...TALLY_COLUMNS.map(() => "r"), ...persistent ? ["r"] : []]);
}
function persistentCell(object) {
  return object.persistent === void 0 ? "" : object.persistent ? "persistent" : "new";
}
function objectsTable(value, name, withBase) {
  const shown = value.objects.slice(0, MARKDOWN_IMPACT_OBJECTS);
  const extra = withBase ? ["Since base"] : [];
  if (name === "different") {
    const rows2 = shown.map((o) => [o.connector, label(o), o.upn ?? "", cell(o.staging), `${cell(o.active)}${o.uncomparable ? ` (not compared: ${o.uncomparable})` : ""}`, ...withBase ? [persistentCell(o)] : []]);
    return table(["Connector", "Object", "UPN", "Staging would export", "Active would export", ...extra], rows2) + more(value, shown.length, true);
  }
  const rows = shown.map((o) => [o.connector, label(o), o.upn ?? "", cell(name === "activeOnly" ? o.active : o.staging), ...withBase ? [persistentCell(o)] : []]);
  return table(["Connector", "Object", "UPN", name === "activeOnly" ? "Active would export" : "Export", ...extra], rows) + more(value, shown.length, true);
}
function byConnectorTable(report) {
  const rows = [];
  for (const name of CLASS_ORDER) {
    const value = report.switchImpact[name];
    for (const connector of Object.keys(value.byConnector).sort()) {
      const types = value.byConnector[connector] ?? {};
      for (const type of Object.keys(types).sort()) {
        const tally = tallyOperations(types[type]);
        rows.push([name, connector, type, ...TALLY_COLUMNS.map((column) => column.of(tally))]);
      }
    }
  }
  return table(["Class", "Connector", "Object type", ...TALLY_COLUMNS.map((column) => column.header)], rows, ["l", "l", "l", ...TALLY_COLUMNS.map(() => "r")]);
}
function newSinceBaseSection(report) {
  const news = report.newSinceBase;
  if (!news) return void 0;
  const lines = ["#### Newly pending since the base snapshots", ""];
  for (const [role, value] of [["staging", news.staging], ["active", news.active]]) {
    const ops = PAIRED_OPERATIONS.filter((op) => (value.operations[op] ?? 0) > 0).map((op) => `${formatNumber(value.operations[op] ?? 0)} ${op}`);
    lines.push(`- ${role === "staging" ? "Staging" : "Active"} server: ${plural(value.count, "export")} newly pending${ops.length > 0 ? ` (${ops.join(", ")})` : ""}.`);
  }
  for (const [role, value] of [["Staging", news.staging], ["Active", news.active]]) {
    if (value.objects.length === 0) continue;
    const shown = value.objects.slice(0, MARKDOWN_IMPACT_OBJECTS);
    const rows = shown.map((o) => [o.connector, label(o), o.upn ?? "", cell(o.staging ?? o.active)]);
    lines.push("", details(`${role} server: newly pending objects`, table(["Connector", "Object", "UPN", "Export"], rows) + more(value, shown.length, false)));
  }
  return lines.join("\n");
}
function renderImpactMarkdown(report, options = {}) {
  const impact = report.switchImpact;
  const counts = switchCounts(impact);
  const withBase = impact.persistent !== void 0;
  const side = (role, server) => `${role} ${escapeText(server.server ?? server.snapshot)}${server.capturedAt ? ` (captured ${escapeText(server.capturedAt)})` : ""}`;
  const lines = [options.heading ?? "### Switch impact", ""];
  lines.push(`**${escapeText(impactHeadline(report))}.**${counts.different > 0 ? ` ${escapeText(`The servers disagree on ${formatNumber(counts.different)} of them: the staging server would write something else.`)}` : ""}`);
  lines.push("", `${side("Active", report.active)} vs ${side("staging", report.staging)}; ${escapeText(plural(report.connectors.length, "connector"))} paired: ${report.connectors.map((c) => escapeText(c.activeName ? `${c.connector} (active: ${c.activeName})` : c.connector)).join(", ")}.`);
  lines.push("", classTable(report));
  if (impact.different.count > 0) lines.push("", `#### The servers disagree: ${escapeText(plural(impact.different.count, "object"))}`, "", objectsTable(impact.different, "different", withBase));
  if (impact.stagingOnly.count > 0) lines.push("", details(`Exported only because of the switch: ${plural(impact.stagingOnly.count, "object")}`, objectsTable(impact.stagingOnly, "stagingOnly", withBase), true));
  if (impact.activeOnly.count > 0) lines.push("", details(`Pending only on the active server: ${plural(impact.activeOnly.count, "object")} (lost by the switch unless the staging server already holds them)`, objectsTable(impact.activeOnly, "activeOnly", withBase)));
  if (impact.same.count > 0) lines.push("", details(`Same on both servers: ${plural(impact.same.count, "object")} (the active server exports these anyway)`, objectsTable(impact.same, "same", withBase)));
  lines.push("", details("By connector and object type", byConnectorTable(report)));
  const news = newSinceBaseSection(report);
  if (news) lines.push("", news);
  if (report.notes.length > 0) lines.push("", ...report.notes.map((note) => `- ${escapeText(note)}`));
  return lines.join("\n");
}

// src/redact/redact-impact.ts
function redactChange(change, redactor) {
  const hash = (values) => values?.map((value) => redactor.value(value));
  const out = { ...change };
  for (const field of ["old", "new", "added", "removed"]) {
    const values = hash(change[field]);
    if (values) out[field] = values;
  }
  return out;
}
function redactExport(value, redactor) {
  if (!value) return void 0;
  const out = { ...value, changes: value.changes.map((change) => redactChange(change, redactor)) };
  if (value.newDn !== void 0) out.newDn = redactor.dn(value.newDn);
  return out;
}
function redactImpactObject(object, redactor) {
  const out = { ...object, dn: redactor.dn(object.dn) };
  if (object.displayName !== void 0) out.displayName = redactor.value(object.displayName);
  if (object.upn !== void 0) out.upn = redactor.value(object.upn);
  const staging = redactExport(object.staging, redactor);
  const active = redactExport(object.active, redactor);
  if (staging) out.staging = staging;
  if (active) out.active = active;
  return out;
}
function redactClass(value, redactor) {
  return { ...value, objects: value.objects.map((object) => redactImpactObject(object, redactor)) };
}
function redactImpactReport(report, redactor) {
  const impact = report.switchImpact;
  const out = {
    ...report,
    switchImpact: {
      ...impact,
      stagingOnly: redactClass(impact.stagingOnly, redactor),
      same: redactClass(impact.same, redactor),
      different: redactClass(impact.different, redactor),
      activeOnly: redactClass(impact.activeOnly, redactor)
    }
  };
  if (report.newSinceBase) out.newSinceBase = { active: redactClass(report.newSinceBase.active, redactor), staging: redactClass(report.newSinceBase.staging, redactor) };
  return out;
}

export {
  describeExport,
  impactHeadline,
  renderImpactMarkdown,
  redactImpactObject,
  redactImpactReport
};
