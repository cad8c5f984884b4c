/** The FileSource over a folder on disk: the CLI's working directory, the Action's checkout. */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { decodeText, joinPath, type EntryKind, type FileSource } from './source.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** Why a link is not read: in a checkout, its target may be anywhere on the runner (a PR can commit one). */
const LINK_REFUSED = 'a symbolic link: syncstage never follows links; commit the file itself';

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

  /** The file's own entry (lstat): a symbolic link is refused, never followed. */
  async #regularFile(file: string): Promise<{ osPath: string; size: number }> {
    const osPath = this.resolve(file);
    const info = await lstat(osPath).catch(() => undefined);
    if (!info) throw new InputError(file, 'no such file');
    if (info.isSymbolicLink()) throw new InputError(file, LINK_REFUSED);
    if (!info.isFile()) throw new InputError(file, 'not a file');
    return { osPath, size: info.size };
  }

  async open(file: string): Promise<Readable> {
    const { osPath } = await this.#regularFile(file);
    return createReadStream(osPath, { highWaterMark: 256 * 1024 });
  }

  async readText(file: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
    const { osPath, size } = await this.#regularFile(file);
    if (size > maxBytes) throw new InputError(file, `the file is ${size} bytes, over the ${maxBytes}-byte limit for this kind of file`);
    return decodeText(await readFile(osPath), file);
  }
}
