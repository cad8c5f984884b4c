import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  parseNameMap
} from "./chunk-BUDM3N4Q.js";
import {
  sourcePath
} from "./chunk-SHTO7N5Q.js";
import {
  UsageError
} from "./chunk-D6S2TCDS.js";

// src/cli/name-map-option.ts
var MAX_MAP_FILE_BYTES = 1024 * 1024;
var NAME_MAP_USAGE = `  --map A=B                a name that differs on purpose (primary A is staging B), e.g. contoso.com=contoso-dev.com;
                           repeatable
  --map-file FILE          A=B lines (# comments allowed)`;
async function readNameMapOptions(values, source, cwd) {
  const nameMap = {};
  if (values["map-file"] !== void 0) {
    const file = sourcePath(source, cwd, values["map-file"]);
    Object.assign(nameMap, parseNameMap((await source.readText(file, MAX_MAP_FILE_BYTES)).split(/\r?\n/), source.describe(file)));
  }
  for (const entry of values.map ?? []) {
    if (!/^[^=]+=.+$/.test(entry.trim())) throw new UsageError(`--map: expected primary-name=staging-name, got "${entry}"`);
    Object.assign(nameMap, parseNameMap([entry], "--map"));
  }
  return nameMap;
}

export {
  NAME_MAP_USAGE,
  readNameMapOptions
};
