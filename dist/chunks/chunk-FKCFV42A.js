import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-CJNZHR3P.js";
import {
  connectorFromFileName,
  isExportFile,
  isSnapshotFolder,
  listSnapshotExports,
  readManifest,
  require_picomatch,
  snapshotFolderConnectors,
  withConfiguredKinds
} from "./chunk-GY4DR7JZ.js";
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
async function resolveExportInputs(source, cwd, args, connector) {
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
        refs.push(...withConfiguredKinds(renamed, await snapshotFolderConnectors(source, file)));
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

export {
  STDIN,
  isGlob,
  sourcePath,
  resolveExportInputs,
  resolveRunbookArgs
};
