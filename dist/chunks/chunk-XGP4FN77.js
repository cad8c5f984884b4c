import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);

// src/clock.ts
var PINNED_CLOCK_VARIABLE = "SYNCSTAGE_NOW";
var ISO_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
function parseIsoTime(value) {
  if (!ISO_TIME_WITH_ZONE.test(value)) return void 0;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? void 0 : time;
}
var ClockError = class extends Error {
  name = "ClockError";
};
var systemClock = { now: () => /* @__PURE__ */ new Date() };
function clockFromEnvironment(env) {
  const value = env[PINNED_CLOCK_VARIABLE];
  if (value === void 0 || value === "") return systemClock;
  const pinnedAt = parseIsoTime(value.trim());
  if (!pinnedAt) throw new ClockError(`${PINNED_CLOCK_VARIABLE} must be an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), not ${JSON.stringify(value)}; it is for tests only: unset it`);
  const at = pinnedAt.getTime();
  return { now: () => new Date(at), pinnedAt };
}
function pinnedClockWarning(pinnedAt) {
  return `${PINNED_CLOCK_VARIABLE} pins the clock to ${pinnedAt.toISOString()}: every staleness and sync-age judgment is made as of that time, not now. For tests only: unset it in production.`;
}

// src/errors.ts
var InputError = class extends Error {
  name = "InputError";
  file;
  position;
  reason;
  constructor(file, reason, position) {
    super(position ? `${file}:${position.line}:${position.column}: ${reason}` : `${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
    this.position = position;
  }
};
function isInputError(error) {
  return error instanceof InputError;
}

// src/exports/threshold-text.ts
var formatCount = (n) => n.toLocaleString("en-US");
function deletesCounted(threshold, breakdown) {
  const deletes = `${formatCount(threshold.deletes)} ${threshold.deletes === 1 ? "delete" : "deletes"}`;
  if (!breakdown || breakdown.deleteAdds === 0 || breakdown.deletes + breakdown.deleteAdds !== threshold.deletes) return deletes;
  return `${deletes} (${formatCount(breakdown.deletes)} ${breakdown.deletes === 1 ? "delete" : "deletes"} + ${formatCount(breakdown.deleteAdds)} ${breakdown.deleteAdds === 1 ? "delete-add" : "delete-adds"})`;
}
function thresholdComparison(threshold, breakdown) {
  const deletes = deletesCounted(threshold, breakdown);
  return `${deletes}, ${threshold.deletes > threshold.limit ? "over" : "within"} the limit of ${formatCount(threshold.limit)}`;
}
var LIMIT_SOURCES = {
  option: "set by the deletion-threshold option",
  configuration: "from the snapshot configuration",
  default: "the default"
};
var LIMIT_SETTERS = {
  "cli-option": "set by the --deletion-threshold option",
  "action-input": "set by the Action's deletion-threshold input",
  "settings-file": "set by deletion-threshold in .github/syncstage.yml"
};
function thresholdLimitSource(threshold) {
  if (threshold.source === "option" && threshold.setBy !== void 0) return LIMIT_SETTERS[threshold.setBy];
  return LIMIT_SOURCES[threshold.source];
}
function describeThreshold(threshold, breakdown) {
  if (threshold.unreadable !== void 0) {
    const deletes = deletesCounted(threshold, breakdown);
    const against = `${threshold.deletes > threshold.limit ? "over" : "within"} the default limit of ${formatCount(threshold.limit)}`;
    return `${deletes}, not judged: the snapshot configuration's accidental-delete threshold cannot be read (${threshold.unreadable}); ${against}`;
  }
  const described = `${thresholdComparison(threshold, breakdown)} (${thresholdLimitSource(threshold)})`;
  if (threshold.protectionEnabled !== false) return described;
  if (threshold.deletes > threshold.limit) return `${described}, and accidental-delete protection is off: nothing will stop them`;
  return `${described}; accidental-delete protection is off in the snapshot configuration`;
}
function thresholdFails(threshold) {
  return threshold.exceeded || threshold.applies && threshold.unreadable !== void 0;
}
var KIND_SOURCES = {
  option: "named with --connector or --entra",
  configuration: "told by the server configuration",
  manifest: "named in snapshot.json",
  content: "told by the file's content",
  "file-name": "told by the file name",
  none: "nothing tells it",
  connectors: "one of the connectors is"
};
function describeConnectorKind(kind) {
  if (kind.kind === "unknown") return kind.note ?? "connector kind unknown: judged as Entra ID for the threshold";
  if (kind.kind === "entra") return `Entra ID connector (${KIND_SOURCES[kind.source]})`;
  return `not the Entra ID connector (${KIND_SOURCES[kind.source]}): the accidental-delete threshold does not apply`;
}

// src/verify/fail-on.ts
var FAIL_ON_CONDITIONS = ["threshold", "errors", "risky", "drift", "prerequisites", "not-ready", "none"];
var sum = (values) => values.reduce((total, value) => total + value, 0);
function failOnReasons(conditions, subject) {
  const wants = new Set(conditions);
  if (wants.has("none")) return [];
  const reasons = [];
  const summaries = subject.exports ?? [];
  const exceeded = summaries.filter((summary) => thresholdFails(summary.threshold));
  if (wants.has("threshold") && exceeded.length > 0) {
    const connectors = exceeded.filter((summary) => summary.connector !== "total");
    const worst = (connectors.length > 0 ? connectors : exceeded).reduce((a, b) => b.threshold.deletes > a.threshold.deletes ? b : a);
    const kind = worst.connectorKind.kind === "unknown" ? ` (${describeConnectorKind(worst.connectorKind)})` : "";
    reasons.push(`threshold: ${worst.connector}: ${describeThreshold(worst.threshold)}${kind}`);
  }
  const counted = summaries.slice(0, 1);
  const exportErrors = sum(counted.map((summary) => sum(Object.values(summary.errors))));
  const unreadable = subject.unreadable ?? 0;
  if (wants.has("errors") && (exportErrors > 0 || unreadable > 0)) {
    const parts = [exportErrors > 0 ? `${exportErrors} object(s) with export errors` : "", unreadable > 0 ? `${unreadable} file(s) could not be read` : ""].filter(Boolean);
    reasons.push(`errors: ${parts.join(", ")}`);
  }
  const risky = sum(counted.map((summary) => sum(summary.risky.map((group) => group.count))));
  if (wants.has("risky") && risky > 0) reasons.push(`risky: ${risky} risky change(s)`);
  const drift = subject.drift;
  const violated = drift?.expected.filter((expectation) => !expectation.ok).length ?? 0;
  if (wants.has("drift") && drift && (drift.differences.length > 0 || violated > 0)) {
    reasons.push(`drift: ${drift.differences.length} difference(s) between the primary and the staging server${violated > 0 ? `, ${violated} failed expectation(s)` : ""}`);
  }
  const unmet = (subject.gates ?? []).filter((gate) => !gate.ok);
  if (wants.has("prerequisites") && unmet.length > 0) reasons.push(`prerequisites: ${unmet.map((gate) => `${gate.runbook}: ${gate.title}`).join("; ")}`);
  if (wants.has("not-ready") && subject.verdict === "not-ready") reasons.push("not-ready: the staging server is not ready to switch");
  return reasons;
}
function failOnSubject(result) {
  return {
    exports: result.exports ? [result.exports, ...result.exports.connectors] : [],
    ...result.drift ? { drift: result.drift } : {},
    gates: result.gates,
    verdict: result.verdict
  };
}

export {
  parseIsoTime,
  ClockError,
  systemClock,
  clockFromEnvironment,
  pinnedClockWarning,
  InputError,
  isInputError,
  formatCount,
  thresholdLimitSource,
  describeThreshold,
  thresholdFails,
  describeConnectorKind,
  FAIL_ON_CONDITIONS,
  failOnReasons,
  failOnSubject
};
