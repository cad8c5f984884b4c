/**
 * The active server's exports while the staging server's are read: one slot per export in typed arrays (digest,
 * where its details wait, operation, object type, flags), found by target key. About 100 bytes an export with
 * its key, instead of an object per export: what keeps a 500,000-object pair in bounded memory.
 */
import { DELTA_OPERATIONS, type DeltaOperation } from '../exports/types.js';

const DIGEST_BYTES = 20;
const PERSISTENT = 1;
const MATCHED = 2;
/** The staging server has an export at this slot's key (paired or not): a second one there is a duplicate. */
const STAGING_SEEN = 4;
/** A key the staging server exports and the active server does not (no slot). */
export const STAGING_ONLY_SLOT = -1;

export interface ActiveSlot {
  slot: number;
  operation: DeltaOperation;
  objectType: string;
  at: number;
  length: number;
  persistent: boolean;
  matched: boolean;
  stagingSeen: boolean;
  uncomparable: string | undefined;
  /** The delta's anchor, when the file gives one. */
  anchor: string | undefined;
}

export class ActiveStore {
  private readonly slots = new Map<string, number>();
  private capacity = 1024;
  private count = 0;
  private digests = Buffer.alloc(this.capacity * DIGEST_BYTES);
  private at = new Float64Array(this.capacity);
  private length = new Uint32Array(this.capacity);
  private operation = new Uint8Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private type = new Uint16Array(this.capacity);
  private readonly types: string[] = [];
  private readonly typeIndex = new Map<string, number>();
  private readonly uncomparable = new Map<number, string>();
  private readonly anchors = new Map<number, string>();

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The slot of a key: a number >= 0, STAGING_ONLY_SLOT, or undefined when the key was never seen. */
  slotOf(key: string): number | undefined {
    return this.slots.get(key);
  }

  markStagingOnly(key: string): void {
    this.slots.set(key, STAGING_ONLY_SLOT);
  }

  add(key: string, entry: { digest: Buffer; at: number; length: number; operation: DeltaOperation; objectType: string; persistent: boolean; uncomparable: string | undefined; anchor: string | undefined }): void {
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    entry.digest.copy(this.digests, slot * DIGEST_BYTES, 0, DIGEST_BYTES);
    this.at[slot] = entry.at;
    this.length[slot] = entry.length;
    this.operation[slot] = DELTA_OPERATIONS.indexOf(entry.operation);
    let type = this.typeIndex.get(entry.objectType);
    if (type === undefined) {
      type = this.types.length;
      this.types.push(entry.objectType);
      this.typeIndex.set(entry.objectType, type);
    }
    this.type[slot] = type;
    this.flags[slot] = entry.persistent ? PERSISTENT : 0;
    if (entry.uncomparable !== undefined) this.uncomparable.set(slot, entry.uncomparable);
    if (entry.anchor !== undefined) this.anchors.set(slot, entry.anchor);
    this.slots.set(key, slot);
  }

  sameDigest(slot: number, digest: Buffer): boolean {
    return this.digests.compare(digest, 0, DIGEST_BYTES, slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES) === 0;
  }

  match(slot: number): void {
    this.flags[slot] = (this.flags[slot] as number) | MATCHED;
  }

  markStagingSeen(slot: number): void {
    this.flags[slot] = (this.flags[slot] as number) | STAGING_SEEN;
  }

  read(slot: number): ActiveSlot {
    const flags = this.flags[slot] as number;
    return {
      slot,
      operation: DELTA_OPERATIONS[this.operation[slot] as number] as DeltaOperation,
      objectType: this.types[this.type[slot] as number] as string,
      at: this.at[slot] as number,
      length: this.length[slot] as number,
      persistent: (flags & PERSISTENT) !== 0,
      matched: (flags & MATCHED) !== 0,
      stagingSeen: (flags & STAGING_SEEN) !== 0,
      uncomparable: this.uncomparable.get(slot),
      anchor: this.anchors.get(slot),
    };
  }

  /** Keys and slots in insertion (file) order, staging-only marks left out. */
  *activeSlots(): Generator<[string, number]> {
    for (const entry of this.slots) if (entry[1] !== STAGING_ONLY_SLOT) yield entry;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const digests = Buffer.alloc(capacity * DIGEST_BYTES);
    this.digests.copy(digests);
    this.digests = digests;
    const widen = <T extends Float64Array | Uint32Array | Uint8Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.at = widen(this.at, (n) => new Float64Array(n));
    this.length = widen(this.length, (n) => new Uint32Array(n));
    this.operation = widen(this.operation, (n) => new Uint8Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.type = widen(this.type, (n) => new Uint16Array(n));
    this.capacity = capacity;
  }
}
