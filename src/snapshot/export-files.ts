/**
 * Which pending-export files a verification reads, and the options they are judged by. Shared by
 * `syncstage verify`/the GitHub review and by the failover gate, so both name connectors and pick the
 * accidental-delete limit the same way.
 */
import type { ReadLimits } from '../xml/read-limits.js';
import { InputError } from '../errors.js';
import type { ExportAnalysisOptions } from '../exports/types.js';
import { joinPath, trimTrailingSlashes, type FileSource } from '../files/source.js';
import { parseConnector } from '../config/connectors.js';
import { parseGlobalSettings } from '../config/global-settings.js';
import { GLOBAL_SETTINGS_FILE } from '../config/load.js';
import type { ConnectorConfig } from '../config/types.js';
import { connectorFromFileName, isExportFile, isSnapshotFolder, listSnapshotExports, readManifest } from './manifest.js';
import type { ExportFileRef, ServerSnapshot } from './types.js';
import { dict } from '../dict.js';

export const DELETE_PROTECTION_SETTING = 'Microsoft.OptionalFeature.ExportDeletionThreshold';
export const DELETE_THRESHOLD_SETTING = 'Microsoft.OptionalFeature.ExportDeletionThresholdValue';

/** The server's accidental-delete setting as read: the threshold, or why it cannot be read; empty when none is given. */
export type ConfiguredThresholdReading = Pick<ExportAnalysisOptions, 'configuredThreshold' | 'unreadableThreshold'>;

/** The staging server's own accidental-delete setting, when its configuration gives one. */
export function configuredThreshold(snapshot: ServerSnapshot | undefined): ConfiguredThresholdReading {
  if (!snapshot?.config) return {};
  return thresholdFromSettings(snapshot.config.globalSettings, joinPath(snapshot.root, snapshot.bare ? '' : 'config', GLOBAL_SETTINGS_FILE));
}

/**
 * The accidental-delete setting of a snapshot folder, read from its MV.xml alone (cheap: no connector or rule
 * files), for `syncstage exports SNAPSHOT`. Empty when the folder has no configuration.
 */
export async function snapshotFolderThreshold(source: FileSource, root: string, limits?: ReadLimits): Promise<ConfiguredThresholdReading> {
  for (const file of [joinPath(root, 'config', GLOBAL_SETTINGS_FILE), joinPath(root, GLOBAL_SETTINGS_FILE)]) {
    if ((await source.kind(file)) === 'file') return thresholdFromSettings((await parseGlobalSettings(source, file, limits)).parameters, source.describe(file));
  }
  return {};
}

/**
 * The two parameters as a threshold. Neither given: nothing (the default applies, and the report says so). One missing,
 * or a value that is not True/False or a whole number: unreadable, naming the file, the parameter and the value; never
 * the default in silence, as the server's own limit may be lower.
 */
function thresholdFromSettings(settings: Record<string, string>, file: string): ConfiguredThresholdReading {
  const enabled = settings[DELETE_PROTECTION_SETTING];
  const value = settings[DELETE_THRESHOLD_SETTING];
  if (enabled === undefined && value === undefined) return {};
  const problems: string[] = [];
  const protection = enabled?.trim().toLowerCase();
  if (enabled === undefined) problems.push(`${DELETE_PROTECTION_SETTING} is missing`);
  else if (protection !== 'true' && protection !== 'false') problems.push(`${DELETE_PROTECTION_SETTING} ${JSON.stringify(enabled)} is not True or False`);
  if (value === undefined) problems.push(`${DELETE_THRESHOLD_SETTING} is missing`);
  else if (!/^\d+$/.test(value.trim())) problems.push(`${DELETE_THRESHOLD_SETTING} ${JSON.stringify(value)} is not a whole number`);
  if (problems.length > 0 || value === undefined) return { unreadableThreshold: `${file}: ${problems.join('; ')}` };
  return { configuredThreshold: { enabled: protection === 'true', limit: Number.parseInt(value.trim(), 10) } };
}

/**
 * The connectors of a snapshot folder's configuration (config/Connectors/*.xml, or Connectors/ of a bare export),
 * keyed by lower-case name, for `syncstage exports SNAPSHOT`: they say which file is the Entra ID connector's.
 * Undefined when the folder has no Connectors/.
 */
export async function snapshotFolderConnectors(source: FileSource, root: string, limits?: ReadLimits): Promise<Record<string, ConnectorConfig> | undefined> {
  for (const dir of [joinPath(root, 'config', 'Connectors'), joinPath(root, 'Connectors')]) {
    if ((await source.kind(dir)) !== 'dir') continue;
    const connectors = dict<ConnectorConfig>();
    for (const entry of await source.children(dir)) {
      if (entry.kind !== 'file' || !/\.xml$/i.test(entry.name)) continue;
      const { connector } = await parseConnector(source, joinPath(dir, entry.name), limits);
      connectors[connector.name.toLowerCase()] = connector;
    }
    return connectors;
  }
  return undefined;
}

/**
 * Each file's kind as the server configuration declares it, for the files whose connector it names (by name,
 * case-insensitive): the configuration wins over the file's content, which must agree.
 */
export function withConfiguredKinds(refs: ExportFileRef[], connectors: Record<string, ConnectorConfig> | undefined): ExportFileRef[] {
  if (!connectors) return refs;
  return refs.map((ref) => {
    const configured = connectors[ref.connector.trim().toLowerCase()];
    if (!configured || ref.declaredKind) return ref;
    return { ...ref, declaredKind: { kind: configured.isEntraConnector ? 'entra' : 'other', source: 'configuration' } };
  });
}

/** The caller's options for a verification's export analysis. */
export type ThresholdOptions = Pick<ExportAnalysisOptions, 'deletionThreshold' | 'deletionThresholdSetBy' | 'sensitiveAttributes' | 'limits'>;

/** Options for analysing a server's exports: an explicit deletion-threshold option wins over its configuration's. */
export function exportOptionsFor(staging: ServerSnapshot | undefined, options: ThresholdOptions = {}): ExportAnalysisOptions {
  return {
    // Files here are named by snapshot.json or their file name: there is no --connector to advise.
    connectorNaming: 'manifest',
    ...(options.deletionThreshold !== undefined ? { deletionThreshold: options.deletionThreshold } : {}),
    ...(options.deletionThreshold !== undefined && options.deletionThresholdSetBy !== undefined ? { deletionThresholdSetBy: options.deletionThresholdSetBy } : {}),
    ...(options.sensitiveAttributes !== undefined ? { sensitiveAttributes: options.sensitiveAttributes } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
    ...configuredThreshold(staging),
  };
}

/**
 * Export files from plain paths, globs and folders (a §5 snapshot folder: its exports/; any other folder: the
 * .xml/.xml.gz files in it). A file under `<snapshot>/exports/` is named by that snapshot's manifest, else by
 * its file name. With no patterns, the staging snapshot's own exports. A path that matches nothing is an
 * error, and so are globs when none of them matches anything: a review that silently read no file would look
 * complete. (One glob of several may match nothing: the defaults name both .xml and .xml.gz.)
 * Files in the active server's snapshot (`active`, or any snapshot whose manifest says `"role": "active"`) that a
 * glob matched are left out (the default globs match both servers' exports folders): they are what the active server would export (the switch impact
 * pairs them), not the staging server's. Files and folders named outright are read as asked.
 */
export async function resolveExportFiles(source: FileSource, patterns: readonly string[], staging?: ServerSnapshot, active?: ServerSnapshot): Promise<ExportFileRef[]> {
  const refs = new Map<string, ExportFileRef>();
  const activeExports = active && !active.bare ? `${joinPath(active.root, 'exports')}/` : undefined;
  const add = (ref: ExportFileRef, byGlob: boolean) => {
    if (byGlob && activeExports !== undefined && ref.path.startsWith(activeExports)) return;
    if (!refs.has(ref.path)) refs.set(ref.path, ref);
  };
  if (patterns.length === 0 && staging) staging.exportFiles.forEach((ref) => add(ref, false));
  let unmatchedGlob: string | undefined;
  for (const pattern of patterns) {
    const trimmed = pattern.length > 1 ? trimTrailingSlashes(pattern) : pattern;
    if ((await source.kind(trimmed)) === 'dir') {
      if (await isSnapshotFolder(source, trimmed)) {
        (await listSnapshotExports(source, trimmed, await readManifest(source, trimmed))).forEach((ref) => add(ref, false));
      } else {
        for (const entry of await source.children(trimmed)) {
          if (entry.kind === 'file' && isExportFile(entry.name)) add({ path: `${trimmed}/${entry.name}`, connector: connectorFromFileName(entry.name), connectorSource: 'file-name' }, false);
        }
      }
      continue;
    }
    const matches = (await source.list(trimmed)).filter(isExportFile);
    if (matches.length === 0 && /[*?[{]/.test(trimmed)) unmatchedGlob ??= trimmed;
    else if (matches.length === 0) throw new InputError(source.describe(trimmed), 'no pending-export file (.xml or .xml.gz) matches this path or pattern');
    const byGlob = /[*?[{]/.test(trimmed);
    for (const path of matches) {
      const owner = await exportFileOwner(source, path);
      // A glob over the repository also finds snapshots whose manifest says they are the active server's.
      if (byGlob && owner.role === 'active') continue;
      add({ path, connector: owner.connector, connectorSource: owner.connectorSource }, byGlob);
    }
  }
  if (refs.size === 0 && unmatchedGlob !== undefined) throw new InputError(source.describe(unmatchedGlob), 'no pending-export file (.xml or .xml.gz) matches this path or pattern');
  return withConfiguredKinds([...refs.values()], staging?.config?.connectors);
}

/** The connector of a file under `<snapshot>/exports/` (from the manifest, else the file name) and the snapshot's role. */
async function exportFileOwner(source: FileSource, path: string): Promise<{ connector: string; connectorSource: 'manifest' | 'file-name'; role?: 'active' | 'staging' }> {
  const match = /^(?:(.*)\/)?exports\/([^/]+)$/.exec(path);
  if (match) {
    const manifest = await readManifest(source, match[1] ?? '').catch(() => undefined);
    const named = manifest?.exports?.[match[2] as string] ?? manifest?.exports?.[`exports/${match[2]}`];
    const role = manifest?.role ? { role: manifest.role } : {};
    if (named) return { connector: named, connectorSource: 'manifest', ...role };
    return { connector: connectorFromFileName(path), connectorSource: 'file-name', ...role };
  }
  return { connector: connectorFromFileName(path), connectorSource: 'file-name' };
}
