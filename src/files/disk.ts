/**
 * The FileSource over a folder on disk: the CLI's working directory, the Action's checkout.
 *
 * Symbolic links (issue 15 item 11): in a checkout they are the pull request's, and a link to `~/.docker` or a YAML
 * file outside the repository would carry the runner's files into the report and the comment. `confined: true` (the
 * Action) never follows one: every component of a path is lstat'ed under the root, files are opened with
 * O_NOFOLLOW where the platform has it, and a link where a file or folder is expected is an InputError naming it,
 * so evidence behind it fails closed. Absolute paths and paths that leave the root are refused the same way. The CLI
 * keeps the default (linked folders followed, absolute paths allowed): it reads the operator's own disk, where a link
 * to a share of snapshots is the operator's choice (docs/security.md). A file that is itself a link is refused in
 * both modes, so a runbook or an export behind a link fails the same way in every runtime.
 */
import { constants } from 'node:fs';
import { lstat, open as openFile, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { compileGlob } from './glob.js';
import { decodeText, joinPath, type EntryKind, type FileSource } from './source.js';
import { gitBlobIdOfStream } from './git-blob-id.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** Why a link is not read: in a checkout, its target may be anywhere on the runner (a PR can commit one). */
const LINK_REFUSED = 'a symbolic link: syncstage never follows links; commit the file itself';

/** O_NOFOLLOW where the platform has it (not on Windows, where the lstat walk alone refuses links). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export interface DiskFileSourceOptions {
  /** Never follow a symbolic link, never leave the root (the Action's checkout). Default false (the CLI). */
  confined?: boolean;
  /**
   * Name each file's bytes by its git blob id (contentId), hashed from the file on disk: the Action's checkout, whose
   * base commit is read through the API, where every file already has one. Costs one extra read of each export
   * (SHA-1 runs ~10x faster than the parse it may save). Default false (the CLI reads each file once anyway).
   */
  contentIds?: boolean;
}

export class DiskFileSource implements FileSource {
  readonly root: string;
  readonly confined: boolean;
  /** Present only with `contentIds: true`: a source without it makes no claim about its bytes. */
  readonly contentId?: (file: string) => Promise<string | undefined>;
  readonly #blobIds = new Map<string, Promise<string | undefined>>();

  constructor(root: string, options: DiskFileSourceOptions = {}) {
    this.root = path.resolve(root);
    this.confined = options.confined ?? false;
    if (options.contentIds) this.contentId = (file) => this.#blobId(file);
  }

  /**
   * The git blob id of the file's bytes as they are on disk: SHA-1 of `blob <size>\0` and the bytes, what
   * `git hash-object` prints. Equal to the blob id GitHub gives the same file at the base commit exactly when the
   * bytes are equal (a checkout converting line endings or an LFS file differs, and is simply analysed again).
   * The file is read once per path (the checkout does not change during a run); a file whose size changes while it
   * is read has no id (never shared).
   */
  #blobId(file: string): Promise<string | undefined> {
    let id = this.#blobIds.get(file);
    if (!id) {
      id = this.#hashBlob(file);
      this.#blobIds.set(file, id);
      id.catch(() => this.#blobIds.delete(file));
    }
    return id;
  }

  async #hashBlob(file: string): Promise<string | undefined> {
    const { handle, size } = await this.openFile(file);
    try {
      return await gitBlobIdOfStream(handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false }), size);
    } catch (error) {
      throw new InputError(file, `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    } finally {
      await handle.close();
    }
  }

  /** Maps a source path (POSIX, relative) to an OS path under the root; absolute paths are taken as given. */
  resolve(file: string): string {
    if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return file;
    return path.join(this.root, ...file.split('/'));
  }

  /**
   * Confined: the OS path of a source path after checking that it stays under the root and that no component is a
   * symbolic link (lstat, component by component). Unconfined: resolve().
   */
  private async safePath(file: string): Promise<string> {
    if (!this.confined) return this.resolve(file);
    if (path.isAbsolute(file) || path.win32.isAbsolute(file)) throw new InputError(file, 'an absolute path: only files of the repository are read here');
    const parts = file.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..')) throw new InputError(file, 'leaves the repository (`..`)');
    let current = this.root;
    for (const [index, part] of parts.entries()) {
      current = path.join(current, part);
      const info = await lstat(current).catch(() => undefined);
      if (!info) break;
      if (info.isSymbolicLink()) {
        throw new InputError(parts.slice(0, index + 1).join('/'), LINK_REFUSED);
      }
    }
    return current;
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
    const osPath = await this.safePath(file);
    try {
      const info = await (this.confined ? lstat : stat)(osPath);
      return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  async children(dir: string): Promise<{ name: string; kind: EntryKind }[]> {
    const osPath = await this.safePath(dir);
    try {
      const entries = await readdir(osPath, { withFileTypes: true });
      if (this.confined) {
        // A link inside an evidence folder is refused, not skipped: skipping would judge less than was committed.
        const link = entries.find((entry) => entry.isSymbolicLink());
        if (link) throw new InputError(joinPath(dir, link.name), LINK_REFUSED);
      }
      return entries
        .filter((entry) => entry.isFile() || entry.isDirectory())
        .map((entry) => ({ name: entry.name, kind: (entry.isDirectory() ? 'dir' : 'file') as EntryKind }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      if (error instanceof InputError) throw error;
      return [];
    }
  }

  async list(pattern: string): Promise<string[]> {
    const normalized = pattern.split('\\').join('/').replace(/^\.\//, '');
    if (!picomatch.scan(normalized).isGlob) {
      return (await this.kind(normalized)) === 'file' ? [normalized] : [];
    }
    const { base } = picomatch.scan(normalized);
    // Globs may come from PR-controlled text: matched in linear time, refused over the limits (glob.ts).
    const isMatch = compileGlob(normalized, { dot: false });
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await this.walkEntries(dir)) {
        const child = joinPath(dir, entry.name);
        if (entry.kind === 'link') {
          // Confined: a link the glob matches is evidence that cannot be read; one it does not match is none of ours.
          if (isMatch(child)) throw new InputError(child, LINK_REFUSED);
        } else if (entry.kind === 'dir') {
          if (!SKIPPED_DIRS.has(entry.name)) await walk(child);
        } else if (isMatch(child)) {
          found.push(child);
        }
      }
    };
    await walk(base);
    return found.sort();
  }

  /** Entries of a folder for a glob walk; confined, links are reported as links (never followed). */
  private async walkEntries(dir: string): Promise<{ name: string; kind: EntryKind | 'link' }[]> {
    if (!this.confined) return this.children(dir);
    const osPath = await this.safePath(dir);
    const entries = await readdir(osPath, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile() || entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => ({ name: entry.name, kind: entry.isSymbolicLink() ? ('link' as const) : entry.isDirectory() ? ('dir' as const) : ('file' as const) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The open file and its size; confined, opened with O_NOFOLLOW after the lstat walk. */
  private async openFile(file: string): Promise<{ handle: FileHandle; size: number }> {
    const osPath = await this.safePath(file);
    // Checked before opening: opening a FIFO would block. The file's own entry (lstat): a link is refused, never followed.
    const before = await lstat(osPath).catch(() => undefined);
    if (!before) throw new InputError(file, 'no such file');
    if (before.isSymbolicLink()) throw new InputError(file, LINK_REFUSED);
    if (!before.isFile()) throw new InputError(file, 'not a file');
    let handle: FileHandle;
    try {
      handle = await openFile(osPath, constants.O_RDONLY | (this.confined ? NO_FOLLOW : 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new InputError(file, LINK_REFUSED);
      throw new InputError(file, 'no such file');
    }
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      throw new InputError(file, 'not a file');
    }
    return { handle, size: info.size };
  }

  async open(file: string): Promise<Readable> {
    const { handle, size } = await this.openFile(file);
    // 64 KiB reads; a small file gets a buffer its own size (+1 to see the end in one read), not 64 KiB.
    return handle.createReadStream({ highWaterMark: Math.min(64 * 1024, size + 1) });
  }

  async readText(file: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
    const { handle, size } = await this.openFile(file);
    try {
      if (size > maxBytes) throw new InputError(file, `the file is ${size} bytes, over the ${maxBytes}-byte limit for this kind of file`);
      return decodeText(await handle.readFile(), file);
    } finally {
      await handle.close();
    }
  }
}
