/**
 * loadServerSnapshot: one sync server as committed by an operator (docs/formats.md §5), or a bare
 * Get-ADSyncServerConfiguration folder. Every part is optional; what is absent is listed in `missing`, never
 * guessed. Parts that are present but broken are InputErrors naming the file.
 */
import type { ReadLimits } from '../xml/read-limits.js';
import { InputError } from '../errors.js';
import { parseJson } from '../files/json.js';
import { joinPath, type FileSource } from '../files/source.js';
import { loadServerConfig } from '../config/load.js';
import { STAGING_MODE_PARAMETER } from '../config/noise.js';
import { parseSynchronizationPolicy } from '../config/settings-json.js';
import type { Expectation } from '../config/types.js';
import { isSnapshotFolder, listSnapshotExports, readManifest } from './manifest.js';
import { parseRunHistory } from './run-history.js';
import { parseScheduler } from './scheduler.js';
import type { ServerSnapshot } from './types.js';
import { dict } from '../dict.js';

const CONFIG_PARTS = ['Connectors', 'GlobalSettings', 'SynchronizationRules'];
const JSON_LIMIT = 32 * 1024 * 1024;

/** `limits`: the gzip ceiling its configuration files are read under; unset, the defaults. */
export async function loadServerSnapshot(source: FileSource, root: string, limits?: ReadLimits): Promise<ServerSnapshot> {
  const where = source.describe(root || '.');
  const kind = await source.kind(root);
  if (kind !== 'dir') {
    const what = kind === 'file' ? 'a file, not a folder' : 'no such folder';
    throw new InputError(where, `${what}: expected a server snapshot folder (snapshot.json, config/, ...) or a Get-ADSyncServerConfiguration export folder`);
  }
  const names = new Set((await source.children(root)).map((entry) => entry.name));
  if (CONFIG_PARTS.some((part) => names.has(part)) && !(await isSnapshotFolder(source, root))) {
    const config = await loadServerConfig(source, root, limits);
    return { root, bare: true, config, exportFiles: [], missing: [...config.missing] };
  }
  if (!(await isSnapshotFolder(source, root))) {
    throw new InputError(where, 'neither a server snapshot (snapshot.json, config/, exports/) nor a Get-ADSyncServerConfiguration export (Connectors/, GlobalSettings/, SynchronizationRules/)');
  }

  const snapshot: ServerSnapshot = { root, bare: false, exportFiles: [], missing: [] };
  snapshot.manifest = await readManifest(source, root);
  if (!snapshot.manifest) snapshot.missing.push('snapshot.json');

  const configDir = joinPath(root, 'config');
  if ((await source.kind(configDir)) === 'dir') {
    snapshot.config = await loadServerConfig(source, configDir, limits);
    snapshot.missing.push(...snapshot.config.missing.map((part) => `config/${part}`));
    if (snapshot.manifest?.connectVersion) snapshot.config.connectVersion = snapshot.manifest.connectVersion;
  } else {
    snapshot.missing.push('config/');
  }

  const settingsFiles = (await source.children(joinPath(root, 'settings'))).filter((entry) => entry.kind === 'file' && /\.json$/i.test(entry.name));
  if (settingsFiles.length === 0) snapshot.missing.push('settings/*.json');
  for (const entry of settingsFiles) {
    const file = joinPath(root, 'settings', entry.name);
    const policy = parseSynchronizationPolicy(await source.readText(file, JSON_LIMIT), source.describe(file));
    if (snapshot.config) (snapshot.config.settings ??= dict<string>())[entry.name] = policy.raw;
    snapshot.missing.push(...policy.missingKeys.map((key) => `settings/${entry.name}: ${key}`));
  }

  const scheduler = await readJson(source, joinPath(root, 'scheduler.json'));
  if (scheduler === undefined) snapshot.missing.push('scheduler.json');
  else snapshot.scheduler = parseScheduler(scheduler.value, scheduler.where);

  const history = await readJson(source, joinPath(root, 'run-history.json'));
  if (history === undefined) snapshot.missing.push('run-history.json');
  else snapshot.runHistory = parseRunHistory(history.value, history.where);

  snapshot.exportFiles = await listSnapshotExports(source, root, snapshot.manifest);

  const globalStaging = snapshot.config?.globalSettings[STAGING_MODE_PARAMETER];
  const schedulerStaging = snapshot.scheduler?.stagingModeEnabled;
  if (globalStaging !== undefined && schedulerStaging !== undefined && /^true$/i.test(globalStaging.trim()) !== schedulerStaging) {
    snapshot.stagingModeConflict = { globalSetting: globalStaging, scheduler: schedulerStaging };
  }
  return snapshot;
}

/** Findings about one snapshot on its own, for DriftReport.expected: MV.xml and the scheduler must agree on staging mode. */
export function snapshotExpectations(snapshot: ServerSnapshot, server: 'primary' | 'staging'): Expectation[] {
  const conflict = snapshot.stagingModeConflict;
  if (!conflict) return [];
  return [
    {
      name: 'StagingModeConsistent',
      server,
      expected: `scheduler StagingModeEnabled ${conflict.globalSetting}`,
      actual: `scheduler StagingModeEnabled ${conflict.scheduler ? 'True' : 'False'}`,
      ok: false,
      message: `${server === 'staging' ? 'the staging server' : 'the primary server'} disagrees with itself: MV.xml StagingMode is ${conflict.globalSetting} but Get-ADSyncScheduler says StagingModeEnabled ${conflict.scheduler ? 'True' : 'False'}; re-collect the snapshot or check the server`,
    },
  ];
}

async function readJson(source: FileSource, file: string): Promise<{ value: unknown; where: string } | undefined> {
  if ((await source.kind(file)) !== 'file') return undefined;
  const where = source.describe(file);
  return { value: parseJson(await source.readText(file, JSON_LIMIT), where), where };
}
