/**
 * A bare Get-ADSyncServerConfiguration folder -> ServerConfig (names, not GUIDs). Connectors are keyed by
 * lower-case name; rules by connector name + rule name + direction + link type, their connector GUID resolved to
 * the connector's name. All I/O goes through the FileSource handed in.
 */
import type { ReadLimits } from '../xml/read-limits.js';
import { InputError } from '../errors.js';
import { joinPath, type FileSource } from '../files/source.js';
import { parseConnector, type ParsedConnector } from './connectors.js';
import { parseGlobalSettings } from './global-settings.js';
import { GLOBAL_NOISE } from './noise.js';
import { parseSyncRule } from './rules.js';
import type { NoiseValue, ServerConfig, SyncRule } from './types.js';
import { dict } from '../dict.js';

export const CONNECTORS_DIR = 'Connectors';
export const GLOBAL_SETTINGS_FILE = 'GlobalSettings/MV.xml';
export const RULES_DIR = 'SynchronizationRules';

/** Files parsed at once: enough to overlap I/O, few enough to keep open handles low. */
const CONCURRENCY = 16;

export function ruleKey(connector: string, name: string, direction: string, linkType: string): string {
  return [connector.toLowerCase(), name, direction, linkType].join('|');
}

/** `limits`: the gzip ceiling each configuration file is read under; unset, the defaults. */
export async function loadServerConfig(source: FileSource, dir: string, limits?: ReadLimits): Promise<ServerConfig> {
  const kind = await source.kind(dir);
  if (kind !== 'dir') {
    const what = kind === 'file' ? 'a file, not a folder' : 'no such folder';
    throw new InputError(source.describe(dir || '.'), `${what}: expected a Get-ADSyncServerConfiguration export folder (Connectors/, GlobalSettings/MV.xml, SynchronizationRules/)`);
  }
  const names = new Set((await source.children(dir)).map((entry) => entry.name));
  if (!names.has(CONNECTORS_DIR) && !names.has('GlobalSettings') && !names.has(RULES_DIR)) {
    throw new InputError(source.describe(dir || '.'), 'not a Get-ADSyncServerConfiguration export: it has none of Connectors/, GlobalSettings/, SynchronizationRules/');
  }
  const missing: string[] = [];
  const noise: NoiseValue[] = [];

  const mvFile = joinPath(dir, GLOBAL_SETTINGS_FILE);
  if ((await source.kind(mvFile)) !== 'file') {
    throw new InputError(source.describe(mvFile), 'missing: the global settings (StagingMode, optional features, anchor) are in this file; export the configuration again with Get-ADSyncServerConfiguration');
  }
  const global = await parseGlobalSettings(source, mvFile, limits);
  if (global.server) noise.push({ kind: 'serverName', path: 'mv:server', value: global.server });
  if (global.exportDate) noise.push({ kind: 'exportDate', path: 'mv:export-date', value: global.exportDate });
  if (global.version) noise.push({ kind: 'version', path: 'mv:version', value: global.version });
  const globalSettings = dict<string>();
  for (const [name, value] of Object.entries(global.parameters)) {
    const kind = GLOBAL_NOISE[name];
    if (kind) noise.push({ kind, path: `mv:parameter:${name}`, value });
    else globalSettings[name] = value;
  }

  const connectorFiles = await xmlFiles(source, joinPath(dir, CONNECTORS_DIR));
  if (!names.has(CONNECTORS_DIR)) missing.push(`${CONNECTORS_DIR}/`);
  const parsedConnectors = await mapLimited(connectorFiles, (file) => parseConnector(source, file, limits));
  const connectors: ServerConfig['connectors'] = dict();
  const byId = new Map<string, ParsedConnector>();
  for (const parsed of parsedConnectors) {
    const key = parsed.connector.name.toLowerCase();
    const clash = connectors[key];
    if (clash) throw new InputError(parsed.connector.file ?? '', `connector name "${parsed.connector.name}" is also used by ${clash.file}: names must be unique`);
    connectors[key] = parsed.connector;
    byId.set(parsed.id, parsed);
    noise.push(...parsed.noise);
  }

  const ruleFiles = await xmlFiles(source, joinPath(dir, RULES_DIR));
  if (!names.has(RULES_DIR)) missing.push(`${RULES_DIR}/`);
  const parsedRules = await mapLimited(ruleFiles, (file) => parseSyncRule(source, file, limits));
  const rules = dict<SyncRule>();
  for (const parsed of parsedRules) {
    const owner = byId.get(parsed.connectorId);
    if (!owner) {
      throw new InputError(parsed.rule.file ?? '', `rule "${parsed.rule.name}" points to connector ${parsed.connectorId}, which is not in ${source.describe(joinPath(dir, CONNECTORS_DIR))}`);
    }
    const connector = owner.connector.name;
    const key = ruleKey(connector, parsed.rule.name, parsed.rule.direction, parsed.rule.linkType);
    const clash = rules[key];
    if (clash) {
      throw new InputError(parsed.rule.file ?? '', `rule "${parsed.rule.name}" (${parsed.rule.direction}, ${parsed.rule.linkType}, connector ${connector}) is defined twice: also in ${clash.file}; rules are matched between servers by this name, so it must be unique`);
    }
    rules[key] = { key, connector, ...parsed.rule };
    for (const item of parsed.noise) noise.push({ kind: item.kind, path: `rule:${key}:${item.field}`, value: item.value });
  }

  return { server: global.server, exportDate: global.exportDate, globalSettings, connectors, rules, missing, noise };
}

async function xmlFiles(source: FileSource, dir: string): Promise<string[]> {
  return (await source.children(dir)).filter((entry) => entry.kind === 'file' && /\.xml$/i.test(entry.name)).map((entry) => joinPath(dir, entry.name));
}

/** Maps in file order with at most CONCURRENCY in flight; the first failure wins. */
async function mapLimited<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
