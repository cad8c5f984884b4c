/** The FileSource over a folder on disk: the CLI's working directory, the Action's checkout. */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { decodeText, joinPath, type EntryKind, type FileSource } from './source.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export class DiskFileSource implements FileSource {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Maps a source path (POSIX, relative) to an OS path under the root; absolute paths are taken as given. */
  resolve(file: string): string {
    if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return file;
    return path.join(this.root, ...file.split('/'));
  }

  /** Turns an OS path (relative to cwd or absolute) into a source path when it is under the root. */
  relative(osPath: string): string {
    const absolute = path.resolve(osPath);
    const relative = path.relative(this.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
    return relative.split(path.sep).join('/');
  }

  describe(file: string): string {
    return file;
  }

  async kind(file: string): Promise<EntryKind | undefined> {
    try {
      const info = await stat(this.resolve(file));
      return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  async children(dir: string): Promise<{ name: string; kind: EntryKind }[]> {
    try {
      const entries = await readdir(this.resolve(dir), { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() || entry.isDirectory())
        .map((entry) => ({ name: entry.name, kind: (entry.isDirectory() ? 'dir' : 'file') as EntryKind }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
  }

  async list(pattern: string): Promise<string[]> {
    const normalized = pattern.split('\\').join('/').replace(/^\.\//, '');
    if (!picomatch.scan(normalized).isGlob) {
      return (await this.kind(normalized)) === 'file' ? [normalized] : [];
    }
    const { base } = picomatch.scan(normalized);
    const isMatch = picomatch(normalized, { dot: false });
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await this.children(dir)) {
        const child = joinPath(dir, entry.name);
        if (entry.kind === 'dir') {
          if (!SKIPPED_DIRS.has(entry.name)) await walk(child);
        } else if (isMatch(child)) {
          found.push(child);
        }
      }
    };
    await walk(base);
    return found.sort();
  }

  async open(file: string): Promise<Readable> {
    const osPath = this.resolve(file);
    const info = await stat(osPath).catch(() => undefined);
    if (!info) throw new InputError(file, 'no such file');
    if (!info.isFile()) throw new InputError(file, 'not a file');
    // 64 KiB reads; a small file gets a buffer its own size (+1 to see the end in one read), not 64 KiB.
    return createReadStream(osPath, { highWaterMark: Math.min(64 * 1024, info.size + 1) });
  }

  async readText(file: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
    const osPath = this.resolve(file);
    const info = await stat(osPath).catch(() => undefined);
    if (!info?.isFile()) throw new InputError(file, 'no such file');
    if (info.size > maxBytes) throw new InputError(file, `the file is ${info.size} bytes, over the ${maxBytes}-byte limit for this kind of file`);
    return decodeText(await readFile(osPath), file);
  }
}
