import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  parseNameMap
} from "./chunk-FZGWJ4S2.js";
import {
  sourcePath
} from "./chunk-B7FHMQU2.js";
import {
  UsageError
} from "./chunk-CJNZHR3P.js";

// src/cli/name-map-option.ts
var MAX_MAP_FILE_BYTES = 1024 * 1024;
var NAME_MAP_USAGE = `  --map A=B                a name that differs on purpose (primary A is staging B), e.g. contoso.com=contoso-dev.com;
                           repeatable
  --map-file FILE          A=B lines (# comments allowed)`;
async function readNameMapOptions(values, source, cwd) {
  const nameMap = {};
  const givenBy = {};
  if (values["map-file"] !== void 0) {
    const file = sourcePath(source, cwd, values["map-file"]);
    const fromFile = parseNameMap((await source.readText(file, MAX_MAP_FILE_BYTES)).split(/\r?\n/), source.describe(file));
    Object.assign(nameMap, fromFile);
    for (const name of Object.keys(fromFile)) givenBy[name] = `--map-file ${source.describe(file)}`;
  }
  for (const entry of values.map ?? []) {
    if (!/^[^=]+=.+$/.test(entry.trim())) throw new UsageError(`--map: expected primary-name=staging-name, got "${entry}"`);
    const parsed = parseNameMap([entry], "--map");
    Object.assign(nameMap, parsed);
    for (const name of Object.keys(parsed)) givenBy[name] = "--map";
  }
  return { nameMap, givenBy };
}

export {
  NAME_MAP_USAGE,
  readNameMapOptions
};
