import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-GGI5VKWD.js";

// src/verify/fail-on.ts
var FAIL_ON_CONDITIONS = ["threshold", "errors", "risky", "drift", "prerequisites", "not-ready", "none"];
var sum = (values) => values.reduce((total, value) => total + value, 0);
function failOnReasons(conditions, subject) {
  const wants = new Set(conditions);
  if (wants.has("none")) return [];
  const reasons = [];
  const summaries = subject.exports ?? [];
  const exceeded = summaries.filter((summary) => summary.threshold.exceeded);
  if (wants.has("threshold") && exceeded.length > 0) {
    const worst = exceeded.reduce((a, b) => b.threshold.deletes > a.threshold.deletes ? b : a);
    reasons.push(`threshold: ${worst.threshold.deletes} deletes to Entra ID exceed the limit of ${worst.threshold.limit}`);
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

// src/cli/common.ts
import { parseArgs } from "node:util";
var EXIT_OK = 0;
var EXIT_CONDITION = 1;
var EXIT_BAD_INPUT = 2;
var UsageError = class extends Error {
  name = "UsageError";
};
function parseFailOn(value, allowed) {
  const result = /* @__PURE__ */ new Set();
  if (value === void 0 || value.trim() === "") return result;
  for (const raw of value.split(",")) {
    const item = raw.trim().toLowerCase();
    if (item === "") continue;
    if (!allowed.includes(item)) {
      throw new UsageError(`--fail-on: unknown condition "${raw.trim()}" (expected a comma-separated list of ${allowed.join(", ")})`);
    }
    result.add(item);
  }
  if (result.has("none")) return /* @__PURE__ */ new Set();
  return result;
}
function parseFormat(value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (!allowed.includes(value)) throw new UsageError(`--format: expected one of ${allowed.join(", ")}, got "${value}"`);
  return value;
}
function parsePositiveInteger(name, value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name}: expected a whole number, got "${value}"`);
  return Number.parseInt(value, 10);
}
function reportError(error, io) {
  if (error instanceof UsageError) {
    io.stderr(`syncstage: ${error.message}
Run "syncstage --help" for usage.
`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof InputError) {
    io.stderr(`${error.message}
`);
    return EXIT_BAD_INPUT;
  }
  io.stderr(`syncstage: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
  return EXIT_BAD_INPUT;
}
function parseCommandArgs(command, args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${error.message}`);
  }
}

export {
  FAIL_ON_CONDITIONS,
  failOnReasons,
  EXIT_OK,
  EXIT_CONDITION,
  EXIT_BAD_INPUT,
  UsageError,
  parseFailOn,
  parseFormat,
  parsePositiveInteger,
  reportError,
  parseCommandArgs
};
