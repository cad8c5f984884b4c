/**
 * Blobs by git blob id, for the file sources of one event. Git names a file's bytes by their hash, so a blob two
 * commits share (a file unchanged between base and head) is the same blob: it is fetched from GitHub at most once per
 * event, not at all when the Action's checkout has the same bytes at the same path (its id is hashed locally), and the
 * App keeps a bounded cache of them across events, so the next push to a pull request fetches only what it changed.
 *
 * Each event's store is attached to the event's Octokit, as its budget is (event-budget.ts): Probot gives every
 * delivery its own installation Octokit, and an Action run is one event.
 */
import { Readable } from 'node:stream';
import type { FileSource } from '../files/source.js';
import { gitBlobIdOfStream } from '../files/git-blob-id.js';

export interface BlobCacheLimits {
  /** Bytes the cache holds at most; the least recently used blobs go first. */
  maxBytes: number;
  /** Blobs over this size are streamed and never kept (export files run to hundreds of MB). */
  maxEntryBytes: number;
}

/**
 * Blob requests one event has in flight at most: GitHub's secondary limits count concurrent requests (100 across the
 * API) and points per minute, so an event's reads queue here by design rather than retrying after a 403.
 */
export const MAX_CONCURRENT_BLOB_FETCHES = 16;

export const DEFAULT_BLOB_CACHE_LIMITS: BlobCacheLimits = {
  maxBytes: 128 * 1024 * 1024,
  maxEntryBytes: 16 * 1024 * 1024,
};

/**
 * A bounded least-recently-used cache of blob bytes, keyed by repository and blob id: a repository is only ever
 * served the blobs read from it, whatever another installation's trees list.
 */
export class BlobCache {
  readonly #entries = new Map<string, Buffer>();
  #bytes = 0;

  constructor(readonly limits: BlobCacheLimits = DEFAULT_BLOB_CACHE_LIMITS) {}

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): Buffer | undefined {
    const bytes = this.#entries.get(key);
    if (bytes) {
      // Most recently used last: Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, bytes);
    }
    return bytes;
  }

  set(key: string, bytes: Buffer): void {
    if (bytes.length > this.limits.maxEntryBytes || this.#entries.has(key)) return;
    this.#entries.set(key, bytes);
    this.#bytes += bytes.length;
    for (const [oldest, kept] of this.#entries) {
      if (this.#bytes <= this.limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= kept.length;
    }
  }
}

export interface BlobRequest {
  owner: string;
  repo: string;
  /** The git blob id the tree lists. */
  sha: string;
  /** Its size as the tree lists it. */
  size: number;
  /** Where the tree lists it: the checkout is looked at under the same path. */
  path: string;
  /** The checkout, when the event has one: a file there with the same blob id is read from disk. */
  checkout?: FileSource;
  /** Reads the blob from GitHub (the only request this store makes). */
  fetch(): Promise<Readable>;
}

/** The bytes of the checkout's file at `path` are this blob: its blob id (the source's own, else hashed here) is `sha`. */
async function checkoutHas(checkout: FileSource, path: string, sha: string, size: number): Promise<boolean> {
  try {
    if ((await checkout.kind(path)) !== 'file') return false;
    const known = await checkout.contentId?.(path);
    const id = known ?? (await gitBlobIdOfStream(await checkout.open(path), size));
    return id?.toLowerCase() === sha.toLowerCase();
  } catch {
    // The checkout is a shortcut only: a path it refuses (a link, say) is read from GitHub like any other.
    return false;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** One event's blobs: the cache (the App's, shared across events, or the event's own), the checkout, fetches in flight. */
export class EventBlobs {
  readonly #cache: BlobCache;
  readonly #inFlight = new Map<string, Promise<Buffer>>();
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  #fetched = 0;
  #peak = 0;

  constructor(cache: BlobCache = new BlobCache()) {
    this.#cache = cache;
  }

  /** The most blob requests this event had in flight at once (never over MAX_CONCURRENT_BLOB_FETCHES). */
  get peakConcurrency(): number {
    return this.#peak;
  }

  /** Runs `fetch` when fewer than MAX_CONCURRENT_BLOB_FETCHES of this event's blob requests are in flight. */
  async #limited<T>(fetch: () => Promise<T>): Promise<T> {
    if (this.#running >= MAX_CONCURRENT_BLOB_FETCHES) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
    this.#peak = Math.max(this.#peak, this.#running);
    try {
      return await fetch();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  /** Blobs this event fetched from GitHub. */
  get fetched(): number {
    return this.#fetched;
  }

  async open(request: BlobRequest): Promise<Readable> {
    const key = `${request.owner.toLowerCase()}/${request.repo.toLowerCase()}@${request.sha.toLowerCase()}`;
    const cached = this.#cache.get(key);
    if (cached) return Readable.from([cached]);
    if (request.checkout && (await checkoutHas(request.checkout, request.path, request.sha, request.size))) return request.checkout.open(request.path);
    // Too large to keep: streamed (read by one reader; a second reader of the same large blob fetches it again).
    if (request.size > this.#cache.limits.maxEntryBytes) {
      this.#fetched++;
      // The slot is held until GitHub answers; the body then streams to its one reader.
      return this.#limited(() => request.fetch());
    }
    let pending = this.#inFlight.get(key);
    if (!pending) {
      this.#fetched++;
      pending = this.#limited(async () => readAll(await request.fetch()));
      this.#inFlight.set(key, pending);
      pending.then(
        (bytes) => {
          this.#cache.set(key, bytes);
          this.#inFlight.delete(key);
        },
        () => this.#inFlight.delete(key),
      );
    }
    return Readable.from([await pending]);
  }
}

const stores = new WeakMap<object, EventBlobs>();

/**
 * The blob store of the event this Octokit serves, created on first use: with `cache` (the App's, across events)
 * when the caller attaches it first, else with a cache of its own that ends with the event.
 */
export function eventBlobs(octokit: object, cache?: BlobCache): EventBlobs {
  let store = stores.get(octokit);
  if (!store) {
    store = new EventBlobs(cache);
    stores.set(octokit, store);
  }
  return store;
}
