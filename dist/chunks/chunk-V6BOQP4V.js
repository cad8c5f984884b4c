import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  TALLY_COLUMNS,
  tallyOperations
} from "./chunk-TGO2PSWY.js";
import {
  valueCapsReport
} from "./chunk-2YJQUTME.js";
import {
  DELTA_OPERATIONS,
  identityLabel
} from "./chunk-SY3FYCIP.js";
import {
  codeSpan,
  details,
  escapeText,
  formatNumber,
  mermaidLabel,
  plural,
  rawTable,
  table
} from "./chunk-FQ37H2IA.js";
import {
  describeConnectorKind,
  describeThreshold
} from "./chunk-XGP4FN77.js";

// src/report/delete-scope.ts
var SCOPE_FIELDS = {
  containerExclusion: { added: "excluded on the staging server", removed: "excluded on the active server only" },
  containerInclusion: { added: "included on the staging server only", removed: "not included on the staging server" }
};
function normalized(dn) {
  return dn.replace(/\s*,\s*/g, ",").toLowerCase();
}
function scopeFindingFor(container, differences) {
  if (container === "") return void 0;
  const under = normalized(container);
  let best;
  for (const difference of differences) {
    const what = SCOPE_FIELDS[difference.field]?.[difference.kind];
    if (difference.category !== "scope" || what === void 0) continue;
    const scope = normalized(difference.subject);
    if (under !== scope && !under.endsWith(`,${scope}`)) continue;
    if (!best || difference.subject.length > best.container.length) best = { id: difference.id, what, container: difference.subject };
  }
  return best;
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
function connectorAnchor(index, part) {
  return `syncstage-exports-${index + 1}${part ? `-${part}` : ""}`;
}
function anchorTag(name) {
  return `<a name="${name}"></a>`;
}
function connectorsInOrder(report) {
  const rank = (summary) => summary.connectorKind.kind === "entra" ? 0 : summary.connectorKind.kind === "unknown" ? 1 : 2;
  return report.connectors.map((summary, index) => ({ summary, index })).sort((a, b) => rank(a.summary) - rank(b.summary) || a.index - b.index);
}
function thresholdBreakdown(summary) {
  const applying = "connectors" in summary && summary.connector === "total" ? summary.connectors.filter((c) => c.threshold.applies) : [summary];
  const tallies = applying.map((c) => tallyOperations(c.operations));
  return { deletes: tallies.reduce((n, t) => n + t.deletes, 0), deleteAdds: tallies.reduce((n, t) => n + t.deleteAdds, 0) };
}
function exportsVerdict(summary) {
  const tally = tallyOperations(summary.operations);
  const parts = [plural(tally.adds, "add"), `${plural(tally.updates, "update")}${tally.replaces > 0 ? ` (${plural(tally.replaces, "replace")})` : ""}`, plural(tally.deletes, "delete")];
  if (tally.deleteAdds > 0) parts.push(plural(tally.deleteAdds, "delete-add"));
  const target = summary.connector === "total" ? `${plural("connectors" in summary ? summary.connectors.length : 0, "connector")}` : summary.connector;
  let line = `${plural(summary.objects, "pending export")} to ${target}: ${parts.join(", ")}`;
  if (summary.renames > 0) line += `; ${plural(summary.renames, "rename")}`;
  if (summary.threshold.applies) line += `; ${describeThreshold(summary.threshold, thresholdBreakdown(summary))}`;
  return line;
}
function operationsTable(summary) {
  const total = tallyOperations(summary.operations);
  const used = TALLY_COLUMNS.filter((column) => column.of(total) > 0);
  const types = Object.keys(summary.objectTypes).sort();
  const rows = types.map((type) => {
    const tally = tallyOperations(summary.objectTypes[type]);
    return [type, ...used.map((column) => column.of(tally)), used.reduce((n, column) => n + column.of(tally), 0)];
  });
  rows.push(["Total", ...used.map((column) => column.of(total)), summary.objects]);
  const notes = [];
  if (total.replaces > 0) notes.push(`update counts ${plural(total.replaces, "replace")}: the whole object rewritten (only the attributes that differ from the synchronized hologram are counted as changed).`);
  if (total.deleteAdds > 0) notes.push(`A delete-add deletes the object, then creates it anew: counted once, apart from adds and deletes.`);
  const rendered = table(["Object type", ...used.map((column) => column.header), "Total"], rows, ["l", ...used.map(() => "r"), "r"]);
  return notes.length > 0 ? `${rendered}

${notes.map(escapeText).join(" ")}` : rendered;
}
function connectorsTable(report) {
  const total = tallyOperations(report.operations);
  const used = TALLY_COLUMNS.filter((column) => column.of(total) > 0);
  const rows = connectorsInOrder(report).map(({ summary, index }) => {
    const tally = tallyOperations(summary.operations);
    return [`[${escapeText(summary.connector)}](#${connectorAnchor(index)})`, ...used.map((column) => formatNumber(column.of(tally))), formatNumber(summary.objects), formatNumber(summary.renames)];
  });
  rows.push(["Total", ...used.map((column) => formatNumber(column.of(total))), formatNumber(report.objects), formatNumber(report.renames)]);
  return rawTable(["Connector", ...used.map((column) => column.header), "Total", "renamed"], rows, ["l", ...used.map(() => "r"), "r", "r"]);
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
function deletesSection(summary, options) {
  if (summary.deletes.count === 0) return void 0;
  const containers = Object.entries(summary.deletes.containers ?? {}).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const lines = [];
  for (const [container, count] of containers) {
    const finding = scopeFindingFor(container, options.drift?.differences ?? []);
    const place = container === "" ? "in no known container (the file names no on-premises DN)" : `under ${codeSpan(container)}`;
    const why = finding ? `: ${escapeText(finding.what)}, drift ${codeSpan(finding.id)}` : "";
    lines.push(`- **${plural(count, "delete")}** ${place}${why}`);
  }
  const rows = summary.deletes.sample.map((d) => ({ d, container: deleteContainerOf(d) })).sort((a, b) => a.container < b.container ? -1 : a.container > b.container ? 1 : 0).map(({ d }) => [identityLabel(d), d.upn ?? "", d.onPremisesDistinguishedName ?? (isCloudDn(d.dn) ? "" : d.dn), d.objectType, d.sourceAnchor ?? ""]);
  const shown = summary.deletes.sample.length < summary.deletes.count ? ` (first ${formatNumber(summary.deletes.sample.length)}; every one in --format json or csv)` : "";
  const body = [lines.join("\n"), details(`The deleted objects${shown}`, table(["Object", "UPN", "On-premises DN", "Type", "sourceAnchor"], rows))].filter(Boolean).join("\n\n");
  return `**${escapeText(plural(summary.deletes.count, "delete"))}** by container

${body}`;
}
function isCloudDn(dn) {
  return /^CN=\{[0-9A-F]+\}$/i.test(dn);
}
function deleteContainerOf(identity) {
  return identity.onPremisesDistinguishedName ?? (isCloudDn(identity.dn) ? "" : identity.dn);
}
function renamesSection(summary) {
  if (summary.renames === 0) return void 0;
  const rows = summary.renameSample.map((r) => [identityLabel(r.identity), r.identity.operation, r.identity.dn, r.newDn]);
  const shown = summary.renameSample.length < summary.renames ? ` (first ${formatNumber(summary.renameSample.length)})` : "";
  return details(`${plural(summary.renames, "rename")}: exports that also give the object a new DN${shown}`, table(["Object", "Operation", "DN", "New DN"], rows));
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
function connectorSection(summary, index, options) {
  const parts = [`${anchorTag(connectorAnchor(index))}

### ${escapeText(summary.connector)}`, `**${escapeText(exportsVerdict(summary))}**`, connectorKindLine(summary)];
  if (summary.objects === 0) {
    parts.push("No pending exports.");
  } else {
    parts.push(operationsTable(summary), `${anchorTag(connectorAnchor(index, "risky"))}

${riskySection(summary)}`);
  }
  const errors = errorsSection(summary);
  const deletes = deletesSection(summary, options);
  const optional = [
    deletes ? `${anchorTag(connectorAnchor(index, "deletes"))}

${deletes}` : void 0,
    errors ? `${anchorTag(connectorAnchor(index, "errors"))}

${errors}` : void 0,
    renamesSection(summary),
    attributesSection(summary),
    summary.objects > 0 ? chart(summary) : void 0
  ];
  for (const part of optional) if (part) parts.push(part);
  const other = summary.otherExports;
  if (other.escrowed + other.unconfirmed > 0) {
    parts.push(`Also ${plural(other.escrowed, "escrowed export")} and ${plural(other.unconfirmed, "unconfirmed export")} (sent, awaiting a confirming import; not counted above).`);
  }
  if (summary.oversizedValues > 0) parts.push(`${plural(summary.oversizedValues, "value")} over the size limit were counted but not kept.`);
  if (summary.cappedValues > 0) {
    const caps = summary.valueCaps ?? valueCapsReport(void 0);
    parts.push(
      `${plural(summary.cappedValues, "value")} past the per-object caps (${formatNumber(caps.maxValuesPerAttribute)} per attribute, ${formatNumber(caps.maxValuesPerObject)} per object) were counted but not kept: they are in the counts above, not compared value by value (raise ${escapeText(caps.raisedBy)} to keep more).`
    );
  }
  return parts.join("\n\n");
}
function renderExportsMarkdown(report, options = {}) {
  const parts = ["## Pending exports"];
  if (report.connectors.length === 1 && report.connectors[0]) {
    parts.push(connectorSection(report.connectors[0], 0, options));
  } else {
    parts.push(`**${escapeText(exportsVerdict(report))}**`, connectorsTable(report));
    for (const { summary, index } of connectorsInOrder(report)) parts.push(connectorSection(summary, index, options));
  }
  return `${parts.join("\n\n")}
`;
}

export {
  connectorAnchor,
  anchorTag,
  connectorsInOrder,
  thresholdBreakdown,
  exportsVerdict,
  renderExportsMarkdown
};
