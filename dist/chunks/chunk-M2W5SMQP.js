import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

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

// src/cli/common.ts
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

export {
  __require,
  __commonJS,
  __toESM,
  InputError,
  EXIT_OK,
  EXIT_CONDITION,
  EXIT_BAD_INPUT,
  UsageError,
  parseFailOn,
  parseFormat,
  reportError
};
