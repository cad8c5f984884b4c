/**
 * A server snapshot folder (docs/formats.md §5): `snapshot.json`, `config/`, `settings/`, `scheduler.json`,
 * `run-history.json`, `exports/`. This module reads the manifest and finds the export files; the rest of the
 * snapshot is loaded by snapshot/load.ts.
 */
import { InputError } from '../errors.js';
import { parseJson } from '../files/json.js';
import { baseName, joinPath, type FileSource } from '../files/source.js';
import type { ExportFileRef, SnapshotManifest } from './types.js';
import { dict } from '../dict.js';

export const MANIFEST_FILE = 'snapshot.json';
const EXPORT_FILE = /\.xml(\.gz)?$/i;

/** Whether a folder is a §5 snapshot (has a manifest, an exports/ or a config/ folder). */
export async function isSnapshotFolder(source: FileSource, root: string): Promise<boolean> {
  const names = new Set((await source.children(root)).map((entry) => entry.name));
  return names.has(MANIFEST_FILE) || names.has('exports') || names.has('config');
}

/** Reads `snapshot.json`; undefined when absent. Bad JSON or wrong types are InputErrors naming the key. */
export async function readManifest(source: FileSource, root: string): Promise<SnapshotManifest | undefined> {
  const file = joinPath(root, MANIFEST_FILE);
  if ((await source.kind(file)) !== 'file') return undefined;
  const where = source.describe(file);
  const raw = parseJson(await source.readText(file, 1024 * 1024), where);
  return parseManifest(raw, where);
}

export function parseManifest(raw: unknown, where: string): SnapshotManifest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(where, 'the manifest must be a JSON object');
  const value = raw as Record<string, unknown>;
  const manifest: SnapshotManifest = {};
  const text = (key: string): string | undefined => {
    const field = value[key];
    if (field === undefined || field === null) return undefined;
    if (typeof field !== 'string') throw new InputError(where, `"${key}" must be a string`);
    return field;
  };
  manifest.server = text('server');
  const role = text('role');
  if (role !== undefined) {
    if (role !== 'active' && role !== 'staging') throw new InputError(where, `"role" must be "active" or "staging", got "${role}"`);
    manifest.role = role;
  }
  const capturedAt = text('capturedAt');
  if (capturedAt !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(capturedAt) || Number.isNaN(Date.parse(capturedAt))) {
      throw new InputError(where, `"capturedAt" must be an ISO 8601 time with a zone (e.g. 2026-11-24T08:00:00Z), got "${capturedAt}"`);
    }
    manifest.capturedAt = new Date(capturedAt).toISOString();
  }
  manifest.connectVersion = text('connectVersion');
  if (value.exports !== undefined) {
    if (typeof value.exports !== 'object' || value.exports === null || Array.isArray(value.exports)) throw new InputError(where, '"exports" must map file names to connector names');
    const exports = dict<string>();
    for (const [fileName, connector] of Object.entries(value.exports as Record<string, unknown>)) {
      if (typeof connector !== 'string' || connector.trim() === '') throw new InputError(where, `"exports"."${fileName}" must be a connector name`);
      exports[fileName] = connector;
    }
    manifest.exports = exports;
  }
  return manifest;
}

/** The connector a file stands for when nothing names it: the file name without .xml / .xml.gz. */
export function connectorFromFileName(path: string): string {
  return baseName(path).replace(EXPORT_FILE, '');
}

export function isExportFile(path: string): boolean {
  return EXPORT_FILE.test(path);
}

/**
 * The export files of a snapshot folder (its exports/), named by the manifest where it says. A file the manifest
 * names that is not there is an error: that connector's pending exports would otherwise go unjudged in silence.
 */
export async function listSnapshotExports(source: FileSource, root: string, manifest?: SnapshotManifest): Promise<ExportFileRef[]> {
  const dir = joinPath(root, 'exports');
  const files = (await source.children(dir)).filter((entry) => entry.kind === 'file' && isExportFile(entry.name));
  const present = new Set(files.map((entry) => entry.name));
  for (const [named, connector] of Object.entries(manifest?.exports ?? {})) {
    const name = named.startsWith('exports/') ? named.slice('exports/'.length) : named;
    if (!present.has(name)) {
      throw new InputError(source.describe(joinPath(root, MANIFEST_FILE)), `names the export file exports/${name} (connector "${connector}"), which is not in ${source.describe(dir)}: its pending exports cannot be judged`);
    }
  }
  return files.map((entry): ExportFileRef => {
    const path = joinPath(dir, entry.name);
    const named = manifest?.exports?.[entry.name] ?? manifest?.exports?.[`exports/${entry.name}`];
    return named !== undefined ? { path, connector: named, connectorSource: 'manifest' } : { path, connector: connectorFromFileName(entry.name), connectorSource: 'file-name' };
  });
}
