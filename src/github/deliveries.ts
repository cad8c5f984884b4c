/**
 * Webhook replays: GitHub's X-GitHub-Delivery id is unique per delivery (a manual "Redeliver" reuses it). The
 * ids of recent deliveries are remembered, bounded (least recently seen dropped first), so a replayed delivery
 * is ignored with a log line instead of running twice. A delivery whose handling failed is forgotten, so a
 * "Redeliver" after an outage runs it. In memory: one server process; restarts forget.
 */
export const DEFAULT_DELIVERY_MEMORY = 10_000;

export class DeliveryLog {
  readonly #ids = new Map<string, true>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_DELIVERY_MEMORY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.#capacity = capacity;
  }

  /** True when `id` was seen before (and keeps it fresh); otherwise remembers it and returns false. */
  seen(id: string): boolean {
    if (this.#ids.has(id)) {
      this.#ids.delete(id);
      this.#ids.set(id, true);
      return true;
    }
    this.#ids.set(id, true);
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.keys().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
    return false;
  }

  /** Forgets a delivery whose handling failed, so GitHub's "Redeliver" can run it again. */
  forget(id: string): void {
    this.#ids.delete(id);
  }

  get size(): number {
    return this.#ids.size;
  }
}
