import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  InputError,
  parseIsoTime
} from "./chunk-XGP4FN77.js";

// src/cli/suggest.ts
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}
function closestName(typed, known) {
  const lower = typed.toLowerCase();
  if (lower.replace(/^-+/, "") === "") return void 0;
  const exact = known.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  const prefixed = known.filter((name) => name.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.min(3, Math.max(1, Math.floor(lower.replace(/^-+/, "").length / 3)));
  let best;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
function didYouMean(typed, known) {
  const name = closestName(typed, known);
  return name === void 0 ? "" : ` (did you mean ${name}?)`;
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
function parseNowOption(value, clock) {
  if (value === void 0) return clock();
  const time = parseIsoTime(value);
  if (!time) throw new UsageError(`--now: expected an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), got "${value}"`);
  return time;
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
    throw new UsageError(`${command}: ${describeParseError(error, options)}`);
  }
}
function describeParseError(error, options) {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown === void 0 || error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return message;
  const known = Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...option.short ? [`-${option.short}`] : []]);
  const typed = unknown.split("=")[0];
  const suggestion = didYouMean(typed, known.filter((name) => name.startsWith("--") === typed.startsWith("--")));
  return `unknown option "${unknown}"${suggestion || ` (a file whose name starts with "-" goes after "--": -- "${unknown}")`}`;
}

export {
  didYouMean,
  EXIT_OK,
  EXIT_CONDITION,
  EXIT_BAD_INPUT,
  UsageError,
  parseFailOn,
  parseFormat,
  parsePositiveInteger,
  parseNowOption,
  reportError,
  parseCommandArgs
};
