/**
 * Analyses of export files kept by content id (the git blob sha a FileSource at a commit knows): the base and the
 * head of an unchanged file, and the same file in the next event, are parsed once. A summary depends only on the
 * bytes, the connector and the analysis options, which make the key; it is small (counters and bounded samples).
 * Least recently used entries go first; a failed analysis is not kept, so its error is said again, naming the file
 * as it was asked for.
 */
import type { PendingExportSummary } from './types.js';

export class SummaryCache {
  readonly #entries = new Map<string, Promise<PendingExportSummary>>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }

  /** The summary under `key`, computed by `analyze` when missing. Callers get their own copy. */
  async summary(key: string, analyze: () => Promise<PendingExportSummary>): Promise<PendingExportSummary> {
    let pending = this.#entries.get(key);
    if (pending) {
      this.#entries.delete(key); // most recently used goes last
    } else {
      pending = analyze();
      pending.catch(() => {
        if (this.#entries.get(key) === pending) this.#entries.delete(key);
      });
    }
    this.#entries.set(key, pending);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
    return structuredClone(await pending);
  }
}
