import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  dict,
  ruleKey
} from "./chunk-FQ37H2IA.js";
import {
  InputError
} from "./chunk-XGP4FN77.js";

// src/config/name-map.ts
function parseNameMap(lines, where) {
  const map = dict();
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const equals = line.indexOf("=");
    const from = equals > 0 ? line.slice(0, equals).trim() : "";
    const to = equals > 0 ? line.slice(equals + 1).trim() : "";
    if (!from || !to) throw new InputError(where, `expected "primary-name=staging-name", got "${line}"`, { line: index + 1, column: 1 });
    map[from] = to;
  });
  return map;
}
function applyNameMap(config, nameMap) {
  const entries = Object.entries(nameMap).filter(([from]) => from !== "").sort((a, b) => b[0].length - a[0].length);
  if (entries.length === 0) return config;
  const pattern = new RegExp(entries.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  const lookup = new Map(entries.map(([from, to]) => [from.toLowerCase(), to]));
  const mapString = (value) => value.replace(pattern, (match) => lookup.get(match.toLowerCase()) ?? match);
  const walk = (value) => {
    if (typeof value === "string") return mapString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [mapString(key), walk(item)]));
    return value;
  };
  const mapped = walk(config);
  mapped.connectors = Object.fromEntries(Object.values(mapped.connectors).map((connector) => [connector.name.toLowerCase(), connector]));
  mapped.rules = Object.fromEntries(
    Object.values(mapped.rules).map((rule) => {
      const key = ruleKey(rule.connector, rule.name, rule.direction, rule.linkType);
      return [key, { ...rule, key }];
    })
  );
  return mapped;
}
function namesNotFound(config, names) {
  const wanted = new Set(names.filter((name) => name !== "").map((name) => name.toLowerCase()));
  const check = (value) => {
    if (wanted.size === 0) return;
    const lower = value.toLowerCase();
    for (const name of wanted) if (lower.includes(name)) wanted.delete(name);
  };
  const walk = (value) => {
    if (wanted.size === 0) return;
    if (typeof value === "string") check(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        check(key);
        walk(item);
      }
    }
  };
  walk(config);
  return names.filter((name) => wanted.has(name.toLowerCase()));
}
function unmatchedMapEntries(primary, staging, nameMap) {
  const entries = Object.entries(nameMap);
  if (entries.length === 0) return [];
  const missingFrom = new Set(namesNotFound(primary, entries.map(([from]) => from)));
  const missingTo = new Set(namesNotFound(staging, entries.map(([, to]) => to)));
  return entries.flatMap(([from, to]) => [
    ...missingFrom.has(from) ? [{ from, to, side: "primary" }] : [],
    ...missingTo.has(to) ? [{ from, to, side: "staging" }] : []
  ]);
}

export {
  parseNameMap,
  applyNameMap,
  unmatchedMapEntries
};
