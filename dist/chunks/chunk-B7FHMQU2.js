import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-CJNZHR3P.js";
import {
  READ_LIMITS,
  connectorFromFileName,
  isExportFile,
  isSnapshotFolder,
  isValidLimit,
  limitRangeText,
  listSnapshotExports,
  readLimitsFromSettings,
  readManifest,
  require_picomatch,
  snapshotFolderConnectors,
  withConfiguredKinds
} from "./chunk-FQ37H2IA.js";
import {
  InputError
} from "./chunk-XGP4FN77.js";
import {
  __toESM
} from "./chunk-TJQ7GH6D.js";

// src/cli/inputs.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import path from "node:path";
var STDIN = "-";
function isGlob(arg) {
  return /[*?[\]{}]/.test(arg.replace(/\{[0-9A-Fa-f-]{36}\}/g, ""));
}
function sourcePath(source, cwd, arg) {
  const native = path.sep === "\\" ? arg : arg.split("\\").join("/");
  return source.relative(path.resolve(cwd, native));
}
async function listGlob(source, pattern) {
  const slash = pattern.lastIndexOf("/");
  const folder = slash < 0 ? "" : pattern.slice(0, slash);
  const name = pattern.slice(slash + 1);
  if (folder !== "" && !/[*?]/.test(folder) && await source.kind(folder) === "dir") {
    const isMatch = (0, import_picomatch.default)(name, { dot: false });
    return (await source.children(folder)).filter((entry) => entry.kind === "file" && isMatch(entry.name)).map((entry) => `${folder}/${entry.name}`);
  }
  return source.list(pattern);
}
async function resolveExportInputs(source, cwd, args, connector, limits) {
  const refs = [];
  const snapshots = [];
  const named = (filePath, fallback) => connector !== void 0 ? { path: filePath, connector, connectorSource: "option" } : { path: filePath, connector: fallback, connectorSource: "file-name" };
  for (const arg of args) {
    if (arg === STDIN) {
      refs.push(named(STDIN, "stdin"));
      continue;
    }
    const file = sourcePath(source, cwd, arg);
    const kind = await source.kind(file);
    if (kind === "file") {
      refs.push(named(file, connectorFromFileName(file)));
    } else if (kind === "dir") {
      if (await isSnapshotFolder(source, file)) {
        snapshots.push(file);
        const found = await listSnapshotExports(source, file, await readManifest(source, file));
        if (found.length === 0) throw new InputError(arg, 'a server snapshot folder without export files in exports/ (csexport "<connector>" <file> /f:x)');
        const renamed = found.map((ref) => connector !== void 0 ? { path: ref.path, connector, connectorSource: "option" } : ref);
        refs.push(...withConfiguredKinds(renamed, await snapshotFolderConnectors(source, file, limits)));
      } else {
        const files = (await source.children(file)).filter((entry) => entry.kind === "file" && isExportFile(entry.name));
        if (files.length === 0) throw new InputError(arg, "a folder without .xml or .xml.gz export files");
        for (const entry of files) {
          const child = `${file === "" ? "" : `${file}/`}${entry.name}`;
          refs.push(named(child, connectorFromFileName(entry.name)));
        }
      }
    } else if (isGlob(arg)) {
      const pattern = path.isAbsolute(arg) || path.win32.isAbsolute(arg) ? sourcePath(source, cwd, arg) : arg.split("\\").join("/").replace(/^\.\//, "");
      const matches = (await listGlob(source, pattern)).filter(isExportFile);
      if (matches.length === 0) throw new InputError(arg, "no .xml or .xml.gz file matches this pattern");
      refs.push(...matches.map((match) => named(match, connectorFromFileName(match))));
    } else {
      throw new InputError(arg, "no such file or folder");
    }
  }
  if (refs.length === 0) throw new UsageError("give at least one export file, folder, glob or - (standard input)");
  if (connector && refs.length > 1) throw new UsageError("--connector names one file's connector: give a single file with it");
  return { files: refs, snapshots };
}
async function resolveRunbookArgs(source, cwd, args) {
  const names = /* @__PURE__ */ new Set();
  for (const arg of args) {
    const file = sourcePath(source, cwd, arg);
    if (!isGlob(arg) || await source.kind(file) === "file") {
      names.add(file);
      continue;
    }
    const pattern = path.isAbsolute(arg) || path.win32.isAbsolute(arg) ? file : arg.split("\\").join("/").replace(/^\.\//, "");
    const matches = await listGlob(source, pattern);
    if (matches.length === 0) throw new InputError(arg, "no runbook matches this pattern (--runbook names files that must exist)");
    for (const match of matches) names.add(match);
  }
  return [...names];
}

// src/cli/limit-options.ts
var LIMIT_OPTIONS = {
  "max-inflated-mib": { type: "string" },
  "max-inflation-ratio": { type: "string" },
  "max-values-per-attribute": { type: "string" },
  "max-values-per-object": { type: "string" }
};
var HELP = {
  maxInflatedBytes: "most a gzip file may inflate to, in MiB",
  maxInflationRatio: "most inflated bytes per compressed byte, past 64 MiB",
  maxValuesPerAttribute: "values an object keeps per attribute, the rest counted",
  maxValuesPerObject: "values an object keeps in all, the rest counted"
};
function limitsUsage(column) {
  return READ_LIMITS.map((spec) => {
    const flag = `  --${spec.setting} N`;
    const gap = flag.length < column - 1 ? " ".repeat(column - flag.length) : `
${" ".repeat(column)}`;
    return `${flag}${gap}${HELP[spec.name]} (default ${spec.default})`;
  }).join("\n");
}
function readLimitOptions(values) {
  const given = {};
  for (const spec of READ_LIMITS) {
    const raw = values[spec.setting];
    if (raw === void 0) continue;
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!isValidLimit(spec, value)) throw new UsageError(`--${spec.setting}: expected ${limitRangeText(spec)}, got ${JSON.stringify(raw)}`);
    given[spec.name] = value;
  }
  return readLimitsFromSettings(given, (spec) => `--${spec.setting}`);
}

export {
  STDIN,
  isGlob,
  sourcePath,
  resolveExportInputs,
  resolveRunbookArgs,
  LIMIT_OPTIONS,
  limitsUsage,
  readLimitOptions
};
