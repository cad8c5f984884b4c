import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  impactHeadline,
  redactImpactReport,
  renderImpactMarkdown
} from "./chunk-HZZFRPN5.js";
import {
  directLoaders,
  evaluatePrerequisites,
  evidencePaths,
  isFailoverRunbook,
  loadGateEvidence,
  parseFrontMatter,
  renderGateMarkdown
} from "./chunk-27BQ6EPQ.js";
import {
  namesAConnector
} from "./chunk-RIV2F3BZ.js";
import {
  anchorTag,
  connectorAnchor,
  connectorsInOrder,
  exportsVerdict,
  renderExportsMarkdown,
  thresholdBreakdown
} from "./chunk-V6BOQP4V.js";
import {
  countOperations,
  createRedactor,
  redactExportReport,
  tallyOperations
} from "./chunk-TGO2PSWY.js";
import {
  renderDriftMarkdown
} from "./chunk-XMJXO2RK.js";
import {
  diffServerConfigs,
  diffServerSnapshots,
  hasConfig
} from "./chunk-SBY42SO4.js";
import {
  unmatchedMapEntries
} from "./chunk-FZGWJ4S2.js";
import {
  codeBlock,
  codeSpan,
  details,
  escapeText,
  exportOptionsFor,
  plural,
  resolveExportFiles
} from "./chunk-FQ37H2IA.js";
import {
  InputError,
  describeThreshold,
  formatCount,
  isInputError,
  thresholdFails,
  thresholdLimitSource
} from "./chunk-XGP4FN77.js";

// src/verify/compare.ts
var WORDS = [
  { label: "adds", of: (s) => countOperations(s.operations, "add") },
  { label: "updates", of: (s) => countOperations(s.operations, "update", "replace") },
  { label: "deletes", of: (s) => countOperations(s.operations, "delete") },
  { label: "delete-adds", of: (s) => countOperations(s.operations, "delete-add") },
  { label: "renames", of: (s) => s.renames },
  { label: "export errors", of: (s) => Object.values(s.errors).reduce((a, b) => a + b, 0) }
];
function compareExportReports(base, head) {
  const baseByName = new Map(base.connectors.map((summary) => [summary.connector.toLowerCase(), summary]));
  const movements = [];
  for (const summary of head.connectors) {
    const before = baseByName.get(summary.connector.toLowerCase());
    if (!before) continue;
    const changes = WORDS.map(({ label, of }) => ({ label, delta: of(summary) - of(before) })).filter((change) => change.delta !== 0);
    movements.push({ connector: summary.connector, changes });
  }
  return movements;
}
function describeMovement(movement, baseName) {
  if (movement.changes.length === 0) return `unchanged since ${baseName}`;
  const parts = movement.changes.map(({ label, delta }) => `${delta > 0 ? "+" : "\u2212"}${Math.abs(delta).toLocaleString("en-US")} ${label}`);
  return `${parts.join(", ")} since ${baseName}`;
}
function configChangesSince(base, head) {
  const changes = [];
  for (const side of ["primary", "staging"]) {
    const before = base.configs?.[side];
    const after = head.configs?.[side];
    if (!before || !after) continue;
    const report = diffServerConfigs(before, after);
    if (report.differences.length === 0) continue;
    report.expected = [];
    changes.push({ server: after.server ? `${side} (${after.server})` : side, report });
  }
  return changes;
}

// src/report/first-screen.ts
var ANCHORS = {
  unreadable: "syncstage-unreadable",
  drift: "syncstage-drift",
  gate: (index) => `syncstage-gate-${index + 1}`
};
var DANGER = ["threshold", "deletes", "identity", "gate", "drift", "errors", "risky", "unknown"];
var IDENTITY_ATTRIBUTES = /* @__PURE__ */ new Set(["sourceanchor", "userprincipalname", "onpremisesimmutableid", "cloudanchor"]);
function link(text, anchor) {
  return `[${text}](#${anchor})`;
}
function riskDanger(group) {
  if (group.kind === "delete-add") return "deletes";
  if (group.kind === "anchor-flip") return "identity";
  if (group.kind === "sensitive-attribute" && IDENTITY_ATTRIBUTES.has((group.attribute ?? "").toLowerCase())) return "identity";
  return "risky";
}
var RISK_WORDS = {
  "anchor-flip": (g) => `${plural(g.count, "sourceAnchor flip")} (deleted and added again with the same UPN or mail)`,
  "delete-add": (g) => `${plural(g.count, "delete-add")} (deleted in Entra ID, then created anew)`,
  "sensitive-attribute": (g) => `${plural(g.count, `${g.attribute ?? "sensitive attribute"} change`)}`,
  "proxy-address-removal": (g) => `${plural(g.count, "object")} losing proxyAddresses values`
};
function perConnector(entries, words, part) {
  const total = entries.reduce((n, e) => n + e.count, 0);
  const first = entries[0];
  const where = entries.length === 1 && first ? ` on ${escapeText(first.summary.connector)}` : ` (${entries.map((e) => `${formatCount(e.count)} on ${escapeText(e.summary.connector)}`).join(", ")})`;
  return `${link(escapeText(words(total)), connectorAnchor(first?.index ?? 0, part))}${where}`;
}
function exportReasons(result) {
  const reasons = [];
  const risks = /* @__PURE__ */ new Map();
  const errors = [];
  for (const { summary, index } of result.exports ? connectorsInOrder(result.exports) : []) {
    const { threshold } = summary;
    if (thresholdFails(threshold)) {
      reasons.push({ danger: "threshold", text: `${link(escapeText(describeThreshold(threshold, thresholdBreakdown(summary))), connectorAnchor(index, "deletes"))} on ${escapeText(summary.connector)}` });
    }
    for (const group of summary.risky) {
      const key = `${group.kind}\0${group.attribute ?? ""}`;
      const entry = risks.get(key) ?? { group, entries: [] };
      entry.entries.push({ summary, index, count: group.count });
      risks.set(key, entry);
    }
    const count = Object.values(summary.errors).reduce((a, b) => a + b, 0);
    if (count > 0) errors.push({ summary, index, count });
  }
  for (const { group, entries } of risks.values()) {
    reasons.push({ danger: riskDanger(group), text: perConnector(entries, (count) => RISK_WORDS[group.kind]({ ...group, count }), "risky") });
  }
  if (errors.length > 0) reasons.push({ danger: "errors", text: perConnector(errors, (count) => plural(count, "export error"), "errors") });
  return reasons;
}
function gateReasons(gate, index) {
  const contradicted = gate.prerequisites.filter((p) => p.status === "contradicted");
  if (contradicted.length === 0) return [];
  return [{ danger: "gate", text: `${link(escapeText(`${plural(contradicted.length, "gate prerequisite")} contradicted by the evidence`), ANCHORS.gate(index))}: ${contradicted.map((p) => codeSpan(p.id)).join(", ")}` }];
}
function blockingReasons(result) {
  const reasons = [];
  reasons.push(...exportReasons(result));
  result.gates.forEach((gate, index) => reasons.push(...gateReasons(gate, index)));
  if (result.drift) {
    const count = result.drift.differences.length;
    if (count > 0) reasons.push({ danger: "drift", text: link(escapeText(`${plural(count, "configuration difference")} between the active and the staging server`), ANCHORS.drift) });
    for (const expectation of result.drift.expected) if (!expectation.ok) reasons.push({ danger: "drift", text: `${link("expectation failed", ANCHORS.drift)}: ${escapeText(expectation.message)}` });
  } else if (result.reasons.some((reason) => reason.startsWith("drift not checked"))) {
    reasons.push({ danger: "unknown", text: "drift not checked: the configuration of both servers is needed" });
  }
  const unsatisfied = result.gates.flatMap((gate, index) => gate.ok || gate.prerequisites.some((p) => p.status === "contradicted") ? [] : [{ gate, index }]);
  for (const { gate, index } of unsatisfied) reasons.push({ danger: "gate", text: `${link(escapeText(`gate: ${gate.title}`), ANCHORS.gate(index))} (${codeSpan(gate.runbook)})` });
  if (!result.exports) reasons.push({ danger: "unknown", text: "no pending-export file of the staging server was analysed" });
  if (result.inputErrors.length > 0) reasons.push({ danger: "unknown", text: link(escapeText(`${plural(result.inputErrors.length, "input")} could not be read`), ANCHORS.unreadable) });
  return reasons.sort((a, b) => DANGER.indexOf(a.danger) - DANGER.indexOf(b.danger)).map((reason) => reason.text);
}
function deleteBanners(result) {
  const banners = [];
  result.exports?.connectors.forEach((summary, index) => {
    const { threshold } = summary;
    if (!threshold.applies || threshold.deletes === 0) return;
    const tally = tallyOperations(summary.operations);
    const where = summary.connectorKind.kind === "entra" ? "in Entra ID" : `by ${summary.connector} (judged as Entra ID: its kind is unknown)`;
    const parts = tally.deleteAdds > 0 && tally.deletions === threshold.deletes ? ` (${plural(tally.deletes, "delete")} + ${plural(tally.deleteAdds, "delete-add")})` : "";
    const over = threshold.deletes > threshold.limit;
    const against = threshold.unreadable !== void 0 ? `not judged: the configuration's threshold cannot be read` : `${over ? "over" : "within"} the accidental-delete limit of ${formatCount(threshold.limit)} (${thresholdLimitSource(threshold)})`;
    const off = threshold.protectionEnabled === false ? "; accidental-delete protection is off" : "";
    const text = `${formatCount(threshold.deletes)} ${threshold.deletes === 1 ? "object" : "objects"} will be deleted ${where}${parts}, ${against}${off}`;
    banners.push(`${over || threshold.unreadable !== void 0 ? "\u{1F6D1}" : "\u26A0\uFE0F"} **${link(escapeText(text), connectorAnchor(index, "deletes"))}**`);
  });
  return banners;
}
function gateLines(result) {
  if (result.gates.length === 0) return ["**Failover gate:** no failover runbook in this change"];
  return result.gates.map((gate, index) => {
    const ids = (status) => gate.prerequisites.filter((p) => p.status === status).map((p) => codeSpan(p.id));
    const contradicted = ids("contradicted");
    const unsatisfied = ids("unsatisfied");
    const parts = [link(escapeText(gate.title), ANCHORS.gate(index)), contradicted.length > 0 ? `contradicted: ${contradicted.join(", ")}` : "", unsatisfied.length > 0 ? `unsatisfied: ${unsatisfied.join(", ")}` : ""].filter(Boolean);
    return `${gate.ok ? "\u2705" : "\u274C"} **Failover gate** (${codeSpan(gate.runbook)}): ${parts.join("; ")}`;
  });
}

// src/report/review.ts
var SECTION_BREAK = "\n\n<!-- syncstage:section -->\n\n";
function renderVerdictLine(result) {
  return result.verdict === "ready" ? "\u2705 **ready to switch**" : "\u26D4 **not ready**";
}
function renderHeadline(result) {
  const parts = [result.exports ? exportsVerdict(result.exports) : "no pending exports analysed"];
  const unreadable = result.inputErrors.length;
  if (unreadable > 0) parts.unshift(`${unreadable.toLocaleString("en-US")} unreadable ${unreadable === 1 ? "input" : "inputs"}`);
  if (result.drift) {
    const count = result.drift.differences.length;
    parts.push(count === 0 ? "no drift" : `${count.toLocaleString("en-US")} drift ${count === 1 ? "difference" : "differences"}`);
  } else {
    parts.push("drift not checked");
  }
  for (const gate of result.gates) parts.push(`gate ${gate.title}`);
  return parts.join("; ");
}
function renderReview(result, context = {}) {
  const sections = [];
  const judged = context.sha ? ` at ${codeSpan(context.sha.slice(0, 12))}` : "";
  sections.push(renderFirstScreen(result, context, `## syncstage: staging review${judged}`));
  if (result.inputErrors.length > 0) {
    sections.push([anchorTag(ANCHORS.unreadable), "", "### Unreadable input", "", "These files could not be read; nothing in this report stands in for them.", "", ...result.inputErrors.map((error) => `- ${codeSpan(error.message)}`)].join("\n"));
  }
  if (result.impact) sections.push(renderImpactMarkdown(result.impact));
  else if (result.impactNotJudged) sections.push(["### Switch impact: not judged", "", escapeText(`${result.impactNotJudged}.`)].join("\n"));
  if (context.movements && context.movements.length > 0) {
    const base = context.baseName ?? "the base branch";
    sections.push(["### Since " + escapeText(base), "", ...context.movements.map((movement) => `- ${escapeText(movement.connector)}: ${escapeText(describeMovement(movement, base))}`)].join("\n"));
  }
  if (result.exports) sections.push(renderExportsMarkdown(result.exports, result.drift ? { drift: result.drift } : {}));
  if (result.drift) sections.push(`${anchorTag(ANCHORS.drift)}

${renderDriftMarkdown(result.drift, { heading: "Drift: primary vs staging" })}`);
  for (const change of context.configChanges ?? []) {
    sections.push(
      renderDriftMarkdown(change.report, {
        heading: `Configuration change in this pull request: ${change.server}`,
        sides: { primary: "Base branch", staging: "This pull request" },
        differencesSentence: (count) => `**${count === 1 ? "1 change" : `${count.toLocaleString("en-US")} changes`}** to this server's configuration: make the same change on the other server before a failover.`
      })
    );
  }
  result.gates.forEach((gate, index) => sections.push(`${anchorTag(ANCHORS.gate(index))}

${renderGateMarkdown(gate)}`));
  return sections.join(SECTION_BREAK);
}
function renderFirstScreen(result, context, heading) {
  const lines = [heading, "", `${renderVerdictLine(result)}: ${escapeText(renderHeadline(result))}`];
  for (const banner of deleteBanners(result)) lines.push("", banner);
  if (result.impact) lines.push("", `**${escapeText(impactHeadline(result.impact))}.**`);
  const reasons = blockingReasons(result);
  if (reasons.length > 0) lines.push("", "**Why not ready**, most dangerous first:", "", ...reasons.map((reason, index) => `${index + 1}. ${reason}`));
  lines.push("", ...gateLines(result).flatMap((line, index) => index === 0 ? [line] : ["", line]));
  const reviewed = [context.sha ? `Commit reviewed: ${codeSpan(context.sha)}` : "", context.run ? `[${escapeText(context.run.label)}](${context.run.url})` : ""].filter(Boolean);
  if (reviewed.length > 0) lines.push("", reviewed.join(" \xB7 "));
  const acks = result.gates.flatMap((gate) => (gate.toAcknowledge ?? []).map((open) => ({ gate, open })));
  if (acks.length > 0) {
    const runbooks = [...new Set(acks.map(({ gate }) => gate.runbook))];
    const body = [
      `Each risky kind and drift finding the runbook${runbooks.length === 1 ? ` ${codeSpan(runbooks[0] ?? "")}` : "s"} has not acknowledged. After checking it, tick a line like these in the runbook's checklist with the reason:`,
      "",
      codeBlock([...new Set(acks.map(({ open }) => `- [x] ${open.line}`))].join("\n"), "markdown")
    ].join("\n");
    lines.push("", details(`${acks.length === 1 ? "1 finding" : `${acks.length} findings`} to acknowledge in the runbook (the lines to paste)`, body));
  }
  return lines.join("\n");
}
function renderVerifyReply(result, context) {
  const asked = context.commandUrl ? `[/verify-staging](${context.commandUrl})` : "/verify-staging";
  const by = context.requestedBy ? ` requested by @${context.requestedBy}` : "";
  const sha = context.sha ? ` on ${codeSpan(context.sha)}` : "";
  return [`${renderVerdictLine(result)}: ${asked}${by}${sha}`, renderReview(result, { ...context, commandUrl: void 0 })].join("\n\n");
}

// src/verify/runbook-candidates.ts
var RUNBOOK_SNIFF_BYTES = 64 * 1024;
var MAX_RUNBOOK_CANDIDATES = 300;
async function readPrefix(source, path, limit) {
  const stream = await source.open(path);
  const chunks = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      chunks.push(bytes);
      length += bytes.length;
      if (length >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}
function opensUnclosedFrontMatter(text) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== "---") return false;
  return !lines.some((line, index) => index > 0 && (line.trim() === "---" || line.trim() === "..."));
}
async function classifyCandidate(source, path) {
  let prefix;
  try {
    prefix = await readPrefix(source, path, RUNBOOK_SNIFF_BYTES);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { kind: "unreadable", error: new InputError(error.file, `could not be read to tell whether it is a failover runbook: ${error.reason}`) };
  }
  const text = prefix.toString("utf8");
  const truncated = prefix.length >= RUNBOOK_SNIFF_BYTES;
  return isFailoverRunbook(text) || truncated && opensUnclosedFrontMatter(text) ? { kind: "runbook" } : { kind: "not-a-runbook" };
}
function tooManyCandidates(count) {
  return new InputError(
    "changed Markdown files",
    `${count} Markdown files outside the runbook globs are added or changed, over the limit of ${MAX_RUNBOOK_CANDIDATES} read to find failover runbooks: none of them was judged; name the runbooks with the runbooks: globs, or split the change`
  );
}

// src/verify/verdict.ts
function judge(inputs) {
  const reasons = [];
  for (const error of describeInputErrors(inputs.inputErrors)) reasons.push(error);
  if (!inputs.exports) reasons.push("no pending-export file of the staging server was analysed");
  for (const summary of inputs.exports?.connectors ?? []) {
    const { threshold } = summary;
    if (thresholdFails(threshold)) reasons.push(`${summary.connector}: ${describeThreshold(threshold)}`);
    const errors = Object.values(summary.errors).reduce((a, b) => a + b, 0);
    if (errors > 0) reasons.push(`${summary.connector}: ${errors.toLocaleString("en-US")} export ${errors === 1 ? "error" : "errors"}`);
    const risky = summary.risky.reduce((total, group) => total + group.count, 0);
    if (risky > 0) reasons.push(`${summary.connector}: ${risky.toLocaleString("en-US")} risky ${risky === 1 ? "change" : "changes"} to review`);
  }
  if (!inputs.drift) {
    if (!inputs.primary?.config || !inputs.staging?.config) reasons.push("drift not checked: the configuration of both servers is needed");
  } else {
    const count = inputs.drift.differences.length;
    if (count > 0) reasons.push(`${count.toLocaleString("en-US")} configuration ${count === 1 ? "difference" : "differences"} between the primary and the staging server`);
    for (const expectation of inputs.drift.expected) if (!expectation.ok) reasons.push(expectation.message);
  }
  for (const gate of inputs.gates) if (!gate.ok) reasons.push(`${gate.runbook}: ${gate.title}`);
  return { verdict: reasons.length === 0 ? "ready" : "not-ready", reasons };
}
function describeInputErrors(errors) {
  return errors.map((error) => `unreadable input: ${error.message}`);
}

// src/verify/verify.ts
var MAX_RUNBOOK_BYTES = 1024 * 1024;
async function verifyStaging(source, inputs, sources = {}) {
  const redactor = inputs.redact ? createRedactor(requireKey(inputs.redactKey)) : void 0;
  const inputErrors = [];
  const attempt = async (work) => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      if (!inputErrors.some((known) => known.message === error.message)) inputErrors.push(error);
      return void 0;
    }
  };
  const nameMap = inputs.nameMap && Object.keys(inputs.nameMap).length > 0 ? inputs.nameMap : void 0;
  const loaders = memoize(directLoaders(source, { ...sources.base ? { base: sources.base } : {}, ...nameMap ? { nameMap } : {}, ...inputs.limits ? { limits: inputs.limits } : {} }));
  const primary = inputs.primary ? await attempt(() => loaders.loadSnapshot(inputs.primary)) : void 0;
  const staging = inputs.staging ? await attempt(() => loaders.loadSnapshot(inputs.staging)) : void 0;
  const exportOptions = exportOptionsFor(staging, inputs);
  let exports;
  const files = await attempt(() => resolveExportFiles(source, inputs.exports, staging, primary));
  if (files && files.length > 0) {
    const analysis = await attempt(() => loaders.analyzeExports(files, exportOptions));
    exports = analysis?.report;
    inputErrors.push(...analysis?.unreadable ?? []);
  }
  let impact;
  let impactNotJudged;
  if (primary && staging && primary.exportFiles.length > 0) impact = await attempt(() => loaders.switchImpact(primary, staging));
  else if (primary && exports) {
    impactNotJudged = `the active server's snapshot (${source.describe(primary.root || ".")}) has no pending-export files (exports/): what the switch itself exports is not told apart from what the active server exports anyway, so every pending export and delete counts`;
  }
  let drift;
  if (hasConfig(primary) && hasConfig(staging)) {
    drift = diffServerSnapshots(primary, staging, nameMap ? { nameMap } : {});
    const unmatched = unmatchedMapEntries(primary.config, staging.config, nameMap ?? {}).filter(
      ({ from, to, side }) => side === "primary" ? !namesAConnector(primary.exportFiles, from) : !namesAConnector(staging.exportFiles, to)
    );
    for (const { from, to, side } of unmatched) {
      const name = side === "primary" ? from : to;
      const folder = source.describe((side === "primary" ? primary : staging).root || ".");
      inputErrors.push(new InputError(`name map ${from}=${to}`, `"${name}" occurs nowhere in the ${side === "primary" ? "primary (active)" : "staging"} configuration (${folder}): a typo, or the sides swapped? An entry that matches nothing maps nothing`));
    }
  }
  const gates = [];
  const unjudgedRunbooks = [];
  const candidates = await candidateRunbooks(source, inputs.runbookCandidates ?? []);
  for (const { path, error } of candidates.unreadable) {
    inputErrors.push(error);
    unjudgedRunbooks.push({ path, error });
  }
  if (candidates.overLimit) {
    inputErrors.push(candidates.overLimit);
    unjudgedRunbooks.push({ path: candidates.overLimit.file, error: candidates.overLimit });
  }
  for (const runbook of [.../* @__PURE__ */ new Set([...await runbooksToJudge(source, inputs), ...candidates.runbooks])].sort()) {
    try {
      gates.push(await evaluateRunbook(source, runbook, inputs, loaders));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push(error);
      unjudgedRunbooks.push({ path: runbook, error });
    }
  }
  const { verdict, reasons } = judge({ exports, drift, gates, inputErrors, primary, staging });
  if (redactor && exports) exports = redactExportReport(exports, redactor);
  if (redactor && impact) impact = redactImpactReport(impact, redactor);
  const { redactKey: _secret, ...shown } = inputs;
  const configs = { ...primary?.config ? { primary: primary.config } : {}, ...staging?.config ? { staging: staging.config } : {} };
  return { inputs: shown, exports, ...impact ? { impact } : {}, ...impactNotJudged ? { impactNotJudged } : {}, drift, gates, unjudgedRunbooks, inputErrors, verdict, reasons, configs };
}
async function runbooksToJudge(source, inputs) {
  const names = new Set(inputs.runbookFiles ?? []);
  for (const pattern of inputs.runbooks) for (const file of await source.list(pattern)) names.add(file);
  return [...names].sort();
}
async function candidateRunbooks(source, paths) {
  if (paths.length > MAX_RUNBOOK_CANDIDATES) return { runbooks: [], unreadable: [], overLimit: tooManyCandidates(paths.length) };
  const runbooks = [];
  const unreadable = [];
  for (const path of paths) {
    const verdict = await classifyCandidate(source, path);
    if (verdict.kind === "runbook") runbooks.push(path);
    if (verdict.kind === "unreadable") unreadable.push({ path, error: verdict.error });
  }
  return { runbooks, unreadable };
}
async function evaluateRunbook(source, path, inputs, loaders) {
  const text = await source.readText(path, MAX_RUNBOOK_BYTES);
  const { frontMatter } = parseFrontMatter(text, source.describe(path));
  const paths = evidencePaths(frontMatter, {
    ...inputs.primary ? { primary: inputs.primary } : {},
    ...inputs.staging ? { staging: inputs.staging } : {}
  });
  const evidence = await loadGateEvidence(source, paths, { loaders, exportOptions: inputs, ...inputs.nameMap && Object.keys(inputs.nameMap).length > 0 ? { driftOptions: { nameMap: inputs.nameMap } } : {} });
  return evaluatePrerequisites({ ...evidence, runbook: { path: source.describe(path), text }, now: inputs.now, ...inputs.gate ? { options: inputs.gate } : {} });
}
function memoize(loaders) {
  const snapshots = /* @__PURE__ */ new Map();
  const reports = /* @__PURE__ */ new Map();
  const impacts = /* @__PURE__ */ new Map();
  return {
    loadSnapshot(root) {
      let pending = snapshots.get(root);
      if (!pending) snapshots.set(root, pending = loaders.loadSnapshot(root));
      return pending;
    },
    analyzeExports(files, options) {
      const key = JSON.stringify([files, options]);
      let pending = reports.get(key);
      if (!pending) reports.set(key, pending = loaders.analyzeExports(files, options));
      return pending;
    },
    switchImpact(active, staging) {
      const key = JSON.stringify([active.root, staging.root]);
      let pending = impacts.get(key);
      if (!pending) impacts.set(key, pending = loaders.switchImpact(active, staging));
      return pending;
    }
  };
}
function requireKey(key) {
  if (!key) throw new InputError("redact", "redaction is on but no key was given (the redact-key input, or SYNCSTAGE_REDACT_KEY): refusing to write names in clear");
  return key;
}

export {
  compareExportReports,
  configChangesSince,
  renderReview,
  renderVerifyReply,
  verifyStaging
};
