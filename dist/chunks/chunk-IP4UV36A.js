import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  DEFAULT_VALUE_CAPS,
  DELTA_OPERATIONS,
  identityLabel
} from "./chunk-QUBPHFZH.js";
import {
  details,
  escapeText,
  formatNumber,
  mermaidLabel,
  plural,
  table
} from "./chunk-X5JHRE6F.js";
import {
  describeConnectorKind,
  describeThreshold
} from "./chunk-AYEKLC3Z.js";

// src/exports/counts.ts
function countOperations(operations, ...names) {
  return names.reduce((sum, name) => sum + (operations?.[name] ?? 0), 0);
}

// src/report/exports-markdown.ts
var MARKDOWN_EXAMPLES = 5;
var SHOWN_OPERATIONS = DELTA_OPERATIONS.filter((op) => op !== "none");
var RISK_TITLES = {
  "anchor-flip": "Deleted and added again with the same UPN or mail (sourceAnchor flip)",
  "delete-add": "Deleted and re-created in Entra ID (delete-add)",
  "sensitive-attribute": "Sensitive attribute changed",
  "proxy-address-removal": "proxyAddresses values removed"
};
function count(summary, operation) {
  return countOperations(summary.operations, operation);
}
function exportsVerdict(summary) {
  const parts = [plural(count(summary, "add"), "add"), plural(count(summary, "update") + count(summary, "replace"), "update"), plural(count(summary, "delete"), "delete")];
  if (count(summary, "delete-add") > 0) parts.push(plural(count(summary, "delete-add"), "delete-add"));
  if (summary.renames > 0) parts.push(plural(summary.renames, "rename"));
  const target = summary.connector === "total" ? `${plural("connectors" in summary ? summary.connectors.length : 0, "connector")}` : summary.connector;
  let line = `${plural(summary.objects, "pending export")} to ${target}: ${parts.join(", ")}`;
  if (summary.threshold.applies) line += `; ${describeThreshold(summary.threshold)}`;
  return line;
}
function operationsTable(summary) {
  const used = SHOWN_OPERATIONS.filter((op) => count(summary, op) > 0);
  const types = Object.keys(summary.objectTypes).sort();
  const rows = types.map((type) => {
    const counts = summary.objectTypes[type] ?? {};
    return [type, ...used.map((op) => counts[op] ?? 0), used.reduce((n, op) => n + (counts[op] ?? 0), 0)];
  });
  rows.push(["Total", ...used.map((op) => count(summary, op)), summary.objects]);
  return table(["Object type", ...used, "Total"], rows, ["l", ...used.map(() => "r"), "r"]);
}
function riskySection(summary) {
  if (summary.risky.length === 0) return "No risky changes.";
  const rows = summary.risky.flatMap(
    (group) => group.examples.slice(0, MARKDOWN_EXAMPLES).map((example, index) => [
      index === 0 ? `${RISK_TITLES[group.kind]}${group.attribute && group.kind === "sensitive-attribute" ? `: ${group.attribute}` : ""}` : "",
      index === 0 ? group.count : void 0,
      identityLabel(example.identity),
      example.identity.upn ?? "",
      example.detail
    ])
  );
  const shown = summary.risky.reduce((n, g) => n + Math.min(g.examples.length, MARKDOWN_EXAMPLES), 0);
  const total = summary.risky.reduce((n, g) => n + g.count, 0);
  const more = total > shown ? `

${plural(total - shown, "more risky change")} not listed (see --format json or csv).` : "";
  return `**${plural(total, "risky change")}**

${table(["Risk", "Objects", "Object", "UPN", "Change"], rows, ["l", "r", "l", "l", "l"])}${more}`;
}
function errorsSection(summary) {
  const names = Object.keys(summary.errors).sort();
  if (names.length === 0) return void 0;
  const total = names.reduce((n, name) => n + (summary.errors[name] ?? 0), 0);
  const counts = table(["Export error", "Objects"], names.map((name) => [name, summary.errors[name]]), ["l", "r"]);
  const examples = table(
    ["Object", "Error", "Retries", "Detail"],
    summary.errorSample.map((e) => [identityLabel(e.identity), e.errorName, e.retryCount, e.detail ?? ""]),
    ["l", "l", "r", "l"]
  );
  return `**${plural(total, "export error")}**

${counts}

${details(`Objects in error (first ${summary.errorSample.length})`, examples)}`;
}
function deletesSection(summary) {
  if (summary.deletes.count === 0) return void 0;
  const rows = summary.deletes.sample.map((d) => [identityLabel(d), d.upn ?? "", d.sourceAnchor ?? "", d.objectType, d.dn]);
  const shown = summary.deletes.sample.length < summary.deletes.count ? ` (first ${formatNumber(summary.deletes.sample.length)})` : "";
  return details(`${plural(summary.deletes.count, "delete")}${shown}`, table(["Object", "UPN", "sourceAnchor", "Type", "DN"], rows));
}
function attributesSection(summary) {
  const names = Object.keys(summary.attributes).sort((a, b) => (summary.attributes[b] ?? 0) - (summary.attributes[a] ?? 0) || (a < b ? -1 : 1));
  if (names.length === 0) return void 0;
  const rows = names.map((name) => {
    const mv = summary.multiValued[name];
    return [name, summary.attributes[name], mv ? mv.added : "", mv ? mv.removed : ""];
  });
  return details(`${plural(names.length, "attribute")} changed`, table(["Attribute", "Objects", "Values added", "Values removed"], rows, ["l", "r", "r", "r"]));
}
function chart(summary) {
  const slices = [];
  for (const type of Object.keys(summary.objectTypes).sort()) {
    for (const op of SHOWN_OPERATIONS) {
      const n = summary.objectTypes[type]?.[op] ?? 0;
      if (n > 0) slices.push(`    "${mermaidLabel(`${type} ${op}`)}" : ${n}`);
    }
  }
  if (slices.length === 0) return void 0;
  return details("Operations by object type (chart)", ["```mermaid", "pie showData", "    title Pending exports by object type and operation", ...slices, "```"].join("\n"));
}
function connectorKindLine(summary) {
  const kind = summary.connectorKind;
  const text = escapeText(`${describeConnectorKind(kind)}.`);
  return kind.kind === "unknown" ? `\u26A0\uFE0F ${text}` : text;
}
function connectorSection(summary, heading) {
  const parts = [`${heading} ${escapeText(summary.connector)}`, `**${escapeText(exportsVerdict(summary))}**`, connectorKindLine(summary)];
  if (summary.objects === 0) {
    parts.push("No pending exports.");
  } else {
    parts.push(operationsTable(summary), riskySection(summary));
  }
  const optional = [errorsSection(summary), deletesSection(summary), attributesSection(summary), summary.objects > 0 ? chart(summary) : void 0];
  for (const part of optional) if (part) parts.push(part);
  const other = summary.otherExports;
  if (other.escrowed + other.unconfirmed > 0) {
    parts.push(`Also ${plural(other.escrowed, "escrowed export")} and ${plural(other.unconfirmed, "unconfirmed export")} (sent, awaiting a confirming import; not counted above).`);
  }
  if (summary.oversizedValues > 0) parts.push(`${plural(summary.oversizedValues, "value")} over the size limit were counted but not kept.`);
  if (summary.cappedValues > 0) {
    parts.push(`${plural(summary.cappedValues, "value")} past the per-object caps (${formatNumber(DEFAULT_VALUE_CAPS.maxValuesPerAttribute)} per attribute, ${formatNumber(DEFAULT_VALUE_CAPS.maxValuesPerObject)} per object) were counted but not kept: they are in the counts above, not compared value by value.`);
  }
  return parts.join("\n\n");
}
function renderExportsMarkdown(report) {
  const parts = ["## Pending exports"];
  if (report.connectors.length === 1 && report.connectors[0]) {
    parts.push(connectorSection(report.connectors[0], "###"));
  } else {
    parts.push(`**${escapeText(exportsVerdict(report))}**`);
    for (const connector of report.connectors) parts.push(connectorSection(connector, "###"));
  }
  return `${parts.join("\n\n")}
`;
}

export {
  countOperations,
  exportsVerdict,
  renderExportsMarkdown
};
