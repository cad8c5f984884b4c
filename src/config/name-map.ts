/**
 * Names that differ on purpose between the two servers (DEV/QA/PROD forests or tenants): every string of the
 * primary configuration has each mapped name replaced (case-insensitively) by the staging one before comparing,
 * keys included, so connectors, rules, DNs and expressions line up.
 */
import { InputError } from '../errors.js';
import { ruleKey } from './load.js';
import type { ServerConfig, SyncRule } from './types.js';
import { dict } from '../dict.js';

/** Parses "contoso.com=contoso-dev.com" lines (a --map value or a --map-file); # comments and blank lines skipped. */
export function parseNameMap(lines: readonly string[], where: string): Record<string, string> {
  const map = dict<string>();
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const from = equals > 0 ? line.slice(0, equals).trim() : '';
    const to = equals > 0 ? line.slice(equals + 1).trim() : '';
    if (!from || !to) throw new InputError(where, `expected "primary-name=staging-name", got "${line}"`, { line: index + 1, column: 1 });
    map[from] = to;
  });
  return map;
}

export function applyNameMap(config: ServerConfig, nameMap: Readonly<Record<string, string>>): ServerConfig {
  const entries = Object.entries(nameMap)
    .filter(([from]) => from !== '')
    .sort((a, b) => b[0].length - a[0].length);
  if (entries.length === 0) return config;
  const pattern = new RegExp(entries.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const lookup = new Map(entries.map(([from, to]) => [from.toLowerCase(), to]));
  const mapString = (value: string): string => value.replace(pattern, (match) => lookup.get(match.toLowerCase()) ?? match);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return mapString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [mapString(key), walk(item)]));
    return value;
  };
  const mapped = walk(config) as ServerConfig;
  // Keys are derived from names: rebuild them so the staging side's keys match.
  mapped.connectors = Object.fromEntries(Object.values(mapped.connectors).map((connector) => [connector.name.toLowerCase(), connector]));
  mapped.rules = Object.fromEntries(
    Object.values(mapped.rules).map((rule): [string, SyncRule] => {
      const key = ruleKey(rule.connector, rule.name, rule.direction, rule.linkType);
      return [key, { ...rule, key }];
    }),
  );
  return mapped;
}

/**
 * The names of a map that occur nowhere in a configuration (keys and values, case-insensitively): a map entry that
 * matches nothing maps nothing, so the comparison it was meant to line up is not what the operator asked for.
 */
export function namesNotFound(config: ServerConfig, names: readonly string[]): string[] {
  const wanted = new Set(names.filter((name) => name !== '').map((name) => name.toLowerCase()));
  const check = (value: string): void => {
    if (wanted.size === 0) return;
    const lower = value.toLowerCase();
    for (const name of wanted) if (lower.includes(name)) wanted.delete(name);
  };
  const walk = (value: unknown): void => {
    if (wanted.size === 0) return;
    if (typeof value === 'string') check(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        check(key);
        walk(item);
      }
    }
  };
  walk(config);
  return names.filter((name) => wanted.has(name.toLowerCase()));
}

/** A map entry one of whose names occurs nowhere in its side's configuration. */
export interface UnmatchedMapEntry {
  from: string;
  to: string;
  /** Which name is missing: the primary's (`from`) or the staging's (`to`). */
  side: 'primary' | 'staging';
}

/**
 * The entries of a name map that match nothing: `from` nowhere in the primary's configuration, or `to` nowhere in the
 * staging's. Such an entry maps nothing, so a comparison it was given to line up is not what the operator asked for
 * (a typo, or the sides swapped): every edge refuses it, naming the entry, rather than report around it.
 */
export function unmatchedMapEntries(primary: ServerConfig, staging: ServerConfig, nameMap: Readonly<Record<string, string>>): UnmatchedMapEntry[] {
  const entries = Object.entries(nameMap);
  if (entries.length === 0) return [];
  const missingFrom = new Set(namesNotFound(primary, entries.map(([from]) => from)));
  const missingTo = new Set(namesNotFound(staging, entries.map(([, to]) => to)));
  return entries.flatMap(([from, to]): UnmatchedMapEntry[] => [
    ...(missingFrom.has(from) ? [{ from, to, side: 'primary' as const }] : []),
    ...(missingTo.has(to) ? [{ from, to, side: 'staging' as const }] : []),
  ]);
}
