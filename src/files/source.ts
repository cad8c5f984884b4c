/**
 * Where bytes come from, hidden from the core: the disk (CLI, the Action's checkout) or the GitHub API at an
 * exact SHA (the App, the Action when the checkout is not the commit wanted). Paths are POSIX-style and relative
 * to the source's root, whatever the platform.
 */
import type { Readable } from 'node:stream';

export type EntryKind = 'file' | 'dir';

export interface FileSource {
  /** Files (not folders) whose path matches the glob, sorted. A plain path matches itself. */
  list(pattern: string): Promise<string[]>;
  /** Direct children of a folder: names, sorted; empty when the folder is missing. */
  children(dir: string): Promise<{ name: string; kind: EntryKind }[]>;
  kind(path: string): Promise<EntryKind | undefined>;
  /** A stream of the file's bytes. Rejects with an InputError when the file is missing or unreadable. */
  open(path: string): Promise<Readable>;
  /** The file as text (UTF-8, BOM removed), refused over maxBytes. */
  readText(path: string, maxBytes?: number): Promise<string>;
  /** How a path is named in messages: `examples/a.xml`, or `owner/repo@abc1234:examples/a.xml`. */
  describe(path: string): string;
}

/** Joins POSIX path segments, dropping empty ones and `.`. */
export function joinPath(...parts: string[]): string {
  return parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

export function baseName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
