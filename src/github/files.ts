/**
 * The FileSource over a repository at an exact commit, through the API: the tree once (recursive, or walked folder
 * by folder when GitHub truncates it), blobs streamed raw. The Action prefers its checkout when it is that exact
 * commit (src/github/sources.ts), since the disk is faster and has Git LFS files resolved.
 */
import type { FilesOctokit } from './octokit.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import picomatch from 'picomatch';
import { compileGlob } from '../files/glob.js';
import { InputError, isInputError } from '../errors.js';
import { attachedBudget, BUDGET_FILE } from './event-budget.js';
import { eventBlobs } from './blobs.js';
import { DiskFileSource } from '../files/disk.js';
import { decodeText, joinPath, type EntryKind, type FileSource } from '../files/source.js';
import { httpStatus } from './http-status.js';

/** Why a link is not read: its target may be anything, outside the repository too. */
export const SYMLINK_REFUSED = 'a symbolic link (git mode 120000): syncstage never follows links; commit the file itself';

/** GitHub's blob API serves files up to 100 MB. */
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;
/** Git LFS pointer files are small text files (the spec caps them under 1024 bytes). */
const LFS_POINTER_MAX_BYTES = 1024;
const LFS_POINTER_PREFIX = 'version https://git-lfs.github.com/spec/v1';
const SKIPPED_DIRS = new Set(['node_modules']);

type RepoParams = { owner: string; repo: string };

export type TreeEntry = { path?: string; type?: string; sha?: string; size?: number; mode?: string };


export interface RepoRef {
  owner: string;
  repo: string;
}

interface Entry {
  kind: EntryKind;
  sha: string;
  size: number;
  /** Git mode 120000: the blob is a link's target path, never the file's content. */
  link?: boolean;
}

/** Git's mode for a symbolic link. */
const SYMLINK_MODE = '120000';


/** The tree indexes listed during the event an Octokit serves (it lives as long as the event), by repository and commit. */
const EVENT_TREES = new WeakMap<object, Map<string, Promise<Map<string, Entry>>>>();

export interface ApiFileSourceOptions {
  /**
   * The Action's checkout (of another commit): a file there whose git blob id is the one this commit lists at the
   * same path is read from disk instead of fetched (src/github/blobs.ts).
   */
  checkout?: FileSource;
}

export class ApiFileSource implements FileSource {
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly #octokit: FilesOctokit;
  readonly #checkout: FileSource | undefined;
  #index: Promise<Map<string, Entry>> | undefined;

  constructor(octokit: FilesOctokit, repo: RepoRef, sha: string, options: ApiFileSourceOptions = {}) {
    this.#octokit = octokit;
    this.owner = repo.owner;
    this.repo = repo.repo;
    this.sha = sha;
    this.#checkout = options.checkout;
  }

  /** `owner/repo@abc1234`: how the commit is named in messages. */
  get label(): string {
    return `${this.owner}/${this.repo}@${this.sha.slice(0, 7)}`;
  }

  describe(file: string): string {
    return `${this.label}:${file}`;
  }

  /** Turns API failures into sentences a person can act on. */
  #explain(error: unknown, file: string | undefined): unknown {
    const where = file === undefined ? this.label : this.describe(file);
    // The per-event budget was spent on this read: the same reason, naming the file it was for.
    if (isInputError(error) && error.file === BUDGET_FILE) return new InputError(where, error.reason);
    const status = httpStatus(error);
    if (status === 403) {
      return new InputError(
        where,
        'GitHub refused to let this token read it (403). A pull request from a fork gets a read-only, limited GITHUB_TOKEN: use the fork-safe workflow (docs/workflows/fork-safe.md), or give the job `contents: read`',
      );
    }
    if (status === 404) return new InputError(where, file === undefined ? 'no such commit, or the token cannot see this repository (404)' : 'no such file at this commit');
    return error;
  }

  async #loadIndex(): Promise<Map<string, Entry>> {
    const index = new Map<string, Entry>();
    const add = (prefix: string, tree: TreeEntry[]): string[] => {
      const subtrees: string[] = [];
      for (const item of tree) {
        if (!item.path || !item.sha) continue;
        const full = joinPath(prefix, item.path);
        if (item.type === 'tree') {
          index.set(full, { kind: 'dir', sha: item.sha, size: 0 });
          subtrees.push(full);
        } else if (item.type === 'blob') {
          index.set(full, { kind: 'file', sha: item.sha, size: item.size ?? 0, ...(item.mode === SYMLINK_MODE ? { link: true } : {}) });
        }
      }
      return subtrees;
    };
    const params = { owner: this.owner, repo: this.repo };
    try {
      const { data } = await this.#octokit.rest.git.getTree({ ...params, tree_sha: this.sha, recursive: '1' });
      if (!data.truncated) {
        add('', data.tree);
        return index;
      }
      // Over GitHub's recursive limit (100,000 entries or 7 MB): walk one folder at a time instead.
      index.clear();
      const pending: { prefix: string; sha: string }[] = [{ prefix: '', sha: this.sha }];
      while (pending.length > 0) {
        const next = pending.pop()!;
        const level = await this.#octokit.rest.git.getTree({ ...params, tree_sha: next.sha });
        for (const dir of add(next.prefix, level.data.tree)) {
          if (!SKIPPED_DIRS.has(dir.split('/').pop() ?? '')) pending.push({ prefix: dir, sha: index.get(dir)!.sha });
        }
      }
      return index;
    } catch (error) {
      throw this.#explain(error, undefined);
    }
  }

  #entries(): Promise<Map<string, Entry>> {
    if (!this.#index) {
      // One listing per commit per event: the checks, the review and the base comparison each open a source at the
      // base commit, and a commit's tree never changes.
      let trees = EVENT_TREES.get(this.#octokit);
      if (!trees) EVENT_TREES.set(this.#octokit, (trees = new Map()));
      const key = `${this.owner}/${this.repo}@${this.sha}`.toLowerCase();
      let index = trees.get(key);
      if (!index) {
        const listing = this.#loadIndex();
        trees.set(key, listing);
        // A failed listing is not remembered: the next source asks again (and names the failure itself).
        listing.catch(() => trees.delete(key));
        index = listing;
      }
      this.#index = index;
    }
    return this.#index;
  }

  async kind(file: string): Promise<EntryKind | undefined> {
    const normalized = joinPath(file);
    if (normalized === '') return 'dir';
    return (await this.#entries()).get(normalized)?.kind;
  }

  async children(dir: string): Promise<{ name: string; kind: EntryKind }[]> {
    const prefix = joinPath(dir);
    const found: { name: string; kind: EntryKind }[] = [];
    for (const [entryPath, entry] of await this.#entries()) {
      const parent = entryPath.includes('/') ? entryPath.slice(0, entryPath.lastIndexOf('/')) : '';
      if (parent === prefix) found.push({ name: entryPath.slice(prefix === '' ? 0 : prefix.length + 1), kind: entry.kind });
    }
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async list(pattern: string): Promise<string[]> {
    const normalized = pattern.split('\\').join('/').replace(/^\.\//, '');
    if (!picomatch.scan(normalized).isGlob) return (await this.kind(normalized)) === 'file' ? [joinPath(normalized)] : [];
    // Globs may come from PR-controlled text: matched in linear time, refused over the limits (glob.ts).
    const isMatch = compileGlob(normalized, { dot: false });
    const found: string[] = [];
    for (const [entryPath, entry] of await this.#entries()) {
      if (entry.kind === 'file' && isMatch(entryPath) && !entryPath.split('/').some((part) => SKIPPED_DIRS.has(part))) found.push(entryPath);
    }
    return found.sort();
  }

  /** The git blob sha of a file at this commit: the same bytes in another commit have the same id. */
  async contentId(file: string): Promise<string | undefined> {
    const entry = (await this.#entries()).get(joinPath(file));
    return entry?.kind === 'file' ? entry.sha : undefined;
  }

  async #file(file: string): Promise<Entry> {
    const entry = (await this.#entries()).get(joinPath(file));
    if (!entry) throw new InputError(this.describe(file), 'no such file at this commit');
    if (entry.kind !== 'file') throw new InputError(this.describe(file), 'a folder, not a file');
    if (entry.link) throw new InputError(this.describe(file), SYMLINK_REFUSED);
    if (entry.size > MAX_BLOB_BYTES) throw new InputError(this.describe(file), `the file is ${entry.size} bytes, over the 100 MB GitHub's API serves: check the repository out instead`);
    return entry;
  }

  async #fetchBlob(file: string, entry: Entry): Promise<Readable> {
    attachedBudget(this.#octokit)?.chargeBytes(entry.size, this.describe(file));
    try {
      const { data } = await this.#octokit.rest.git.getBlob({
        owner: this.owner,
        repo: this.repo,
        file_sha: entry.sha,
        headers: { accept: 'application/vnd.github.raw' },
        // Keep the body as a stream: export files run to hundreds of MB.
        request: { parseSuccessResponseBody: false, fetch: fetchKeepingResponse(defaultFetch(this.#octokit)) },
      });
      return toReadable(data);
    } catch (error) {
      throw this.#explain(error, file);
    }
  }

  /** The blob through the event's store: fetched at most once per event, or read from the checkout (blobs.ts). */
  #blob(file: string, entry: Entry): Promise<Readable> {
    return eventBlobs(this.#octokit).open({
      owner: this.owner,
      repo: this.repo,
      sha: entry.sha,
      size: entry.size,
      path: joinPath(file),
      ...(this.#checkout ? { checkout: this.#checkout } : {}),
      fetch: () => this.#fetchBlob(file, entry),
    });
  }

  async open(file: string): Promise<Readable> {
    const entry = await this.#file(file);
    const stream = await this.#blob(file, entry);
    if (entry.size >= LFS_POINTER_MAX_BYTES) return stream;
    const bytes = await readAll(stream);
    if (isLfsPointer(bytes)) {
      throw new InputError(
        this.describe(file),
        'is a Git LFS pointer, not the file: check the repository out with `actions/checkout` and `lfs: true` (at the commit reviewed), or commit the file without LFS (gzip keeps exports small)',
      );
    }
    return Readable.from([bytes]);
  }

  async readText(file: string, maxBytes = 64 * 1024 * 1024): Promise<string> {
    const entry = await this.#file(file);
    if (entry.size > maxBytes) throw new InputError(this.describe(file), `the file is ${entry.size} bytes, over the ${maxBytes}-byte limit for this kind of file`);
    return decodeText(await readAll(await this.open(file)), this.describe(file));
  }
}

export function isLfsPointer(bytes: Buffer): boolean {
  return bytes.length < LFS_POINTER_MAX_BYTES && bytes.subarray(0, LFS_POINTER_PREFIX.length).toString('utf8') === LFS_POINTER_PREFIX;
}

/**
 * undici cancels the body of a Response garbage-collected before its body was read, and Octokit hands over the
 * body without its Response: under GC the blob then reads as empty. Here the body keeps its Response alive.
 */
const RESPONSES = new WeakMap<object, Response>();

function fetchKeepingResponse(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.body) RESPONSES.set(response.body, response);
    return response;
  };
}

/** The fetch the Octokit was configured with (a proxy's, say), else the global one. */
function defaultFetch(octokit: FilesOctokit): typeof fetch {
  const configured = (octokit as { request?: { endpoint?: { DEFAULTS?: { request?: { fetch?: typeof fetch } } } } }).request?.endpoint?.DEFAULTS?.request?.fetch;
  return configured ?? globalThis.fetch;
}

/** The raw body as Octokit hands it over with parseSuccessResponseBody: false (a web stream), or already read. */
function toReadable(data: unknown): Readable {
  if (data instanceof Readable) return data;
  if (data && typeof (data as ReadableStream).getReader === 'function') return Readable.fromWeb(data as import('node:stream/web').ReadableStream);
  if (typeof data === 'string') return Readable.from([Buffer.from(data, 'utf8')]);
  if (data instanceof ArrayBuffer) return Readable.from([Buffer.from(data)]);
  if (ArrayBuffer.isView(data)) return Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  throw new Error('unexpected blob response body');
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const SHA_PATTERN = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The git folder of a checkout: `.git` itself, or where a `.git` file (worktree, submodule) points. */
async function gitDirOf(workspace: string): Promise<string | undefined> {
  const dotGit = path.join(workspace, '.git');
  const pointer = await readOptional(dotGit);
  if (pointer === undefined) return (await readOptional(path.join(dotGit, 'HEAD'))) === undefined ? undefined : dotGit;
  const match = /^gitdir:\s*(.+)$/m.exec(pointer);
  return match?.[1] ? path.resolve(workspace, match[1].trim()) : undefined;
}

async function resolveRef(gitDir: string, ref: string): Promise<string | undefined> {
  // A linked worktree keeps its HEAD but shares refs with the main repository (named in `commondir`).
  const common = (await readOptional(path.join(gitDir, 'commondir')))?.trim();
  const dirs = common ? [gitDir, path.resolve(gitDir, common)] : [gitDir];
  for (const dir of dirs) {
    const loose = (await readOptional(path.join(dir, ...ref.split('/'))))?.trim();
    if (loose && SHA_PATTERN.test(loose)) return loose;
    const packed = await readOptional(path.join(dir, 'packed-refs'));
    for (const line of packed?.split(/\r?\n/) ?? []) {
      const [sha, name] = line.split(' ');
      if (name === ref && sha && SHA_PATTERN.test(sha)) return sha;
    }
  }
  return undefined;
}

/** The commit a checkout is at, read from its `.git` files (no git process); undefined when it cannot tell. */
export async function readCheckoutHead(workspace: string): Promise<string | undefined> {
  const gitDir = await gitDirOf(workspace);
  if (!gitDir) return undefined;
  const head = (await readOptional(path.join(gitDir, 'HEAD')))?.trim();
  if (!head) return undefined;
  if (SHA_PATTERN.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  return ref ? resolveRef(gitDir, ref) : undefined;
}

export type { FilesOctokit };
