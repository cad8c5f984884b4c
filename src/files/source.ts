/**
 * Where bytes come from, hidden from the core: the disk (CLI, the Action's checkout) or the GitHub API at an
 * exact SHA (the App, the Action when the checkout is not the commit wanted). Paths are POSIX-style and relative
 * to the source's root, whatever the platform.
 */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

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
  /**
   * An id of the file's bytes when the source knows one without reading them (the git blob sha at a commit):
   * equal ids, equal bytes. Analyses are shared by id.
   */
  contentId?(path: string): Promise<string | undefined>;
}

/** Joins POSIX path segments, dropping empty ones and `.`. */
export function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
  // An absolute POSIX path (a folder outside the source's root, given on the command line) stays absolute.
  return parts[0]?.startsWith('/') ? `/${joined}` : joined;
}

/**
 * The path without its trailing slashes. A loop, not `/\/+$/`: that regex restarts at every slash of a long run and
 * is quadratic on a PR-controlled path of many slashes.
 */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}

export function baseName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

/**
 * A small text file's bytes as a string: UTF-8 (BOM removed), or UTF-16 LE/BE with a BOM (what Windows
 * PowerShell 5.1's `>` writes). Bytes that are not valid in that encoding are an InputError at the first bad
 * character, never silently replaced.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const body = Buffer.from(bytes.subarray(2));
    if (be) body.subarray(0, body.length - (body.length % 2)).swap16();
    try {
      return new TextDecoder('utf-16le', { fatal: true }).decode(body);
    } catch {
      throw badBytes(new TextDecoder('utf-16le').decode(body), file, be ? 'UTF-16BE' : 'UTF-16LE');
    }
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) throw badBytes(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), file, 'UTF-8');
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

function badBytes(lossy: string, file: string, encoding: string): InputError {
  const at = Math.max(0, lossy.indexOf('\ufffd'));
  const before = lossy.slice(0, at).split('\n');
  return new InputError(file, `the bytes are not valid ${encoding} (check the file's encoding and its byte-order mark)`, {
    line: before.length,
    column: (before[before.length - 1]?.length ?? 0) + 1,
  });
}
