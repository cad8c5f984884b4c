import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  InputError,
  parseIsoTime
} from "./chunk-AYEKLC3Z.js";

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
    throw new UsageError(`${command}: ${error.message}`);
  }
}

export {
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
