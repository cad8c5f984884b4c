/**
 * Turns command-line arguments into export files: plain files, `-` (standard input), globs (Windows shells do not
 * expand them), `.xml.gz`, plain folders of .xml files, and server snapshot folders (docs/formats.md §5: their
 * `exports/`, named by the manifest).
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { DiskFileSource } from '../files/disk.js';
import { InputError } from '../errors.js';
import { snapshotFolderConnectors, withConfiguredKinds } from '../snapshot/export-files.js';
import { connectorFromFileName, isExportFile, isSnapshotFolder, listSnapshotExports, readManifest } from '../snapshot/manifest.js';
import type { ExportFileRef } from '../snapshot/types.js';
import { UsageError } from './common.js';
import type { ReadLimits } from '../xml/read-limits.js';

export const STDIN = '-';

/** Whether an argument is a glob rather than a path (Windows paths keep their backslashes as separators). */
export function isGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg.replace(/\{[0-9A-Fa-f-]{36}\}/g, ''));
}

/** A source path for an OS path given on the command line (relative to cwd, or absolute; either separator). */
export function sourcePath(source: DiskFileSource, cwd: string, arg: string): string {
  const native = path.sep === '\\' ? arg : arg.split('\\').join('/');
  return source.relative(path.resolve(cwd, native));
}

/**
 * Globs whose folder part is a real folder are matched on the file name only: folder names such as
 * `SYNC02 {staging}` hold braces that a glob would read as alternatives.
 */
async function listGlob(source: DiskFileSource, pattern: string): Promise<string[]> {
  const slash = pattern.lastIndexOf('/');
  const folder = slash < 0 ? '' : pattern.slice(0, slash);
  const name = pattern.slice(slash + 1);
  if (folder !== '' && !/[*?]/.test(folder) && (await source.kind(folder)) === 'dir') {
    const isMatch = picomatch(name, { dot: false });
    return (await source.children(folder)).filter((entry) => entry.kind === 'file' && isMatch(entry.name)).map((entry) => `${folder}/${entry.name}`);
  }
  return source.list(pattern);
}

export interface ExportInputs {
  files: ExportFileRef[];
  /** The snapshot folders among the arguments (source paths): their configuration may set the threshold. */
  snapshots: string[];
}

export async function resolveExportInputs(source: DiskFileSource, cwd: string, args: readonly string[], connector?: string, limits?: ReadLimits): Promise<ExportInputs> {
  const refs: ExportFileRef[] = [];
  const snapshots: string[] = [];
  // --connector names the file (and wins); else the file name does, the weakest evidence of all.
  const named = (filePath: string, fallback: string): ExportFileRef =>
    connector !== undefined ? { path: filePath, connector, connectorSource: 'option' } : { path: filePath, connector: fallback, connectorSource: 'file-name' };
  for (const arg of args) {
    if (arg === STDIN) {
      refs.push(named(STDIN, 'stdin'));
      continue;
    }
    const file = sourcePath(source, cwd, arg);
    const kind = await source.kind(file);
    if (kind === 'file') {
      refs.push(named(file, connectorFromFileName(file)));
    } else if (kind === 'dir') {
      if (await isSnapshotFolder(source, file)) {
        snapshots.push(file);
        const found = await listSnapshotExports(source, file, await readManifest(source, file));
        if (found.length === 0) throw new InputError(arg, 'a server snapshot folder without export files in exports/ (csexport "<connector>" <file> /f:x)');
        const renamed = found.map((ref): ExportFileRef => (connector !== undefined ? { path: ref.path, connector, connectorSource: 'option' } : ref));
        refs.push(...withConfiguredKinds(renamed, await snapshotFolderConnectors(source, file, limits)));
      } else {
        const files = (await source.children(file)).filter((entry) => entry.kind === 'file' && isExportFile(entry.name));
        if (files.length === 0) throw new InputError(arg, 'a folder without .xml or .xml.gz export files');
        for (const entry of files) {
          const child = `${file === '' ? '' : `${file}/`}${entry.name}`;
          refs.push(named(child, connectorFromFileName(entry.name)));
        }
      }
    } else if (isGlob(arg)) {
      const pattern = path.isAbsolute(arg) || path.win32.isAbsolute(arg) ? sourcePath(source, cwd, arg) : arg.split('\\').join('/').replace(/^\.\//, '');
      const matches = (await listGlob(source, pattern)).filter(isExportFile);
      if (matches.length === 0) throw new InputError(arg, 'no .xml or .xml.gz file matches this pattern');
      refs.push(...matches.map((match) => named(match, connectorFromFileName(match))));
    } else {
      throw new InputError(arg, 'no such file or folder');
    }
  }
  if (refs.length === 0) throw new UsageError('give at least one export file, folder, glob or - (standard input)');
  if (connector && refs.length > 1) throw new UsageError('--connector names one file\'s connector: give a single file with it');
  return { files: refs, snapshots };
}

/**
 * `--runbook` arguments to the runbooks judged, by name: a path is judged (or fails) whether it exists or not; a glob
 * must match at least one file. A named runbook that resolves to nothing is an error, never an empty set.
 */
export async function resolveRunbookArgs(source: DiskFileSource, cwd: string, args: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const arg of args) {
    const file = sourcePath(source, cwd, arg);
    if (!isGlob(arg) || (await source.kind(file)) === 'file') {
      names.add(file);
      continue;
    }
    const pattern = path.isAbsolute(arg) || path.win32.isAbsolute(arg) ? file : arg.split('\\').join('/').replace(/^\.\//, '');
    const matches = await listGlob(source, pattern);
    if (matches.length === 0) throw new InputError(arg, 'no runbook matches this pattern (--runbook names files that must exist)');
    for (const match of matches) names.add(match);
  }
  return [...names];
}
