/**
 * How much text a summary may keep in its lists of objects (deletes, risky objects, errors, renames). The lists are
 * bounded by count, but one hostile object may carry 64 KiB in every identity field: the budget bounds the
 * characters too, so the lists of `exports --format json` (5,000 objects each) stay in tens of megabytes. Past it, objects
 * are counted and not listed; the summary says how many were left out (`omitted`).
 */
import type { ObjectIdentity } from './types.js';

/** Characters a summary keeps in all its lists: 8 Mi (8-16 MB of strings), above what 30,000 real identities take. */
export const DEFAULT_KEPT_CHARACTERS = 8 * 1024 * 1024;

export class KeptBudget {
  private used = 0;

  constructor(private readonly limit: number = DEFAULT_KEPT_CHARACTERS) {}

  /** Takes `characters` from the budget when they fit; false (and nothing taken) when they do not. */
  take(characters: number): boolean {
    if (this.used + characters > this.limit) return false;
    this.used += characters;
    return true;
  }
}

/** The characters an identity keeps. */
export function identityCharacters(identity: ObjectIdentity): number {
  let total = 0;
  for (const value of Object.values(identity)) if (typeof value === 'string') total += value.length;
  return total;
}
