/**
 * A budget per event (issue 15 item 10): what one webhook delivery or one Action run may read of a repository
 * through the API. 1,000 tiny export files once made one `pull_request` event issue 2,287 blob requests over two
 * minutes; with the budget the event stops at the limit and fails its checks naming it, never a silent partial review:
 * every read past the limit is an InputError naming the limit, so the file it was for is unreadable, the review check
 * fails ("unreadable input") and the gate fails (evidence it could not weigh).
 *
 * Counted: content reads (git trees and blobs, the contents API), and the bytes of blobs fetched. Not counted: the
 * writes that report the outcome (check runs, statuses, comments) and the few reads that find the comment to edit,
 * so the failure naming the limit can still be posted.
 */
import type { HookedOctokit } from './octokit.js';
import { InputError } from '../errors.js';

export interface EventLimits {
  /** Content reads (trees, blobs, contents) one event may make. */
  maxContentRequests: number;
  /** Bytes of blobs one event may fetch. */
  maxBlobBytes: number;
}

export const DEFAULT_EVENT_LIMITS: EventLimits = {
  maxContentRequests: 1_000,
  maxBlobBytes: 512 * 1024 * 1024,
};

/** How each limit is set: the App's environment variable, the Action's input, the unit, the accepted range. */
export interface EventLimitSetting {
  name: keyof EventLimits;
  variable: string;
  input: string;
  unit: string;
  /** Bytes per unit (MiB), or 1. */
  scale: number;
  default: number;
  min: number;
  max: number;
}

export const EVENT_LIMIT_SETTINGS: readonly EventLimitSetting[] = [
  { name: 'maxContentRequests', variable: 'SYNCSTAGE_EVENT_CONTENT_READS', input: 'event-content-reads', unit: 'reads', scale: 1, default: DEFAULT_EVENT_LIMITS.maxContentRequests, min: 1, max: 100_000 },
  { name: 'maxBlobBytes', variable: 'SYNCSTAGE_EVENT_BLOB_MIB', input: 'event-blob-mib', unit: 'MiB', scale: 1024 * 1024, default: DEFAULT_EVENT_LIMITS.maxBlobBytes / (1024 * 1024), min: 1, max: 65_536 },
];

/** The `file` of the InputError a spent budget raises; a file source names the file instead (src/github/files.ts). */
export const BUDGET_FILE = 'the per-event budget';

/** What raises each limit where the run is configured, for the failure that names it. */
export type EventLimitSetters = Record<keyof EventLimits, string>;

/** The App's: its operator's environment. */
export const APP_EVENT_LIMIT_SETTERS: EventLimitSetters = {
  maxContentRequests: 'SYNCSTAGE_EVENT_CONTENT_READS on the App\'s server',
  maxBlobBytes: 'SYNCSTAGE_EVENT_BLOB_MIB on the App\'s server',
};

/** The Action's: its inputs (one run is one event). */
export const ACTION_EVENT_LIMIT_SETTERS: EventLimitSetters = {
  maxContentRequests: 'the event-content-reads input',
  maxBlobBytes: 'the event-blob-mib input',
};

export class EventBudget {
  #requests = 0;
  #bytes = 0;
  constructor(
    readonly limits: EventLimits = DEFAULT_EVENT_LIMITS,
    readonly setters: EventLimitSetters = APP_EVENT_LIMIT_SETTERS,
  ) {}

  get requests(): number {
    return this.#requests;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** One content read; an InputError naming the limit once it is spent. */
  chargeRequest(): void {
    if (this.#requests >= this.limits.maxContentRequests) {
      throw new InputError(
        BUDGET_FILE,
        `this event needed more than ${this.limits.maxContentRequests.toLocaleString('en-US')} reads of repository content (trees, blobs), the limit per event (raised with ${this.setters.maxContentRequests}): the files past it were not read, so the review is incomplete and fails; commit fewer, larger export files (gzip keeps them small)`,
      );
    }
    this.#requests++;
  }

  /** A blob of `size` bytes about to be fetched; an InputError naming the limit when it would go over. */
  chargeBytes(size: number, what: string): void {
    if (this.#bytes + size > this.limits.maxBlobBytes) {
      throw new InputError(
        what,
        `reading it would take this event past ${formatMiB(this.limits.maxBlobBytes)} of files read through the API, the limit per event (raised with ${this.setters.maxBlobBytes}): not read, so the review is incomplete and fails`,
      );
    }
    this.#bytes += size;
  }
}

function formatMiB(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes >= mib ? `${(bytes / mib).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

const budgets = new WeakMap<object, EventBudget>();

/** A content read: what the budget counts. Matched against Octokit's route templates, never against PR text. */
const CONTENT_ROUTE = /\/git\/(?:trees|blobs)\/|\/contents\//;

/**
 * The budget of the event this Octokit serves, created and hooked on first use. Probot gives each delivery its own
 * installation Octokit, and an Action run is one event: one budget per event.
 */
export function eventBudget(octokit: object, limits: EventLimits = DEFAULT_EVENT_LIMITS, setters: EventLimitSetters = APP_EVENT_LIMIT_SETTERS): EventBudget {
  let budget = budgets.get(octokit);
  if (!budget) {
    const created = new EventBudget(limits, setters);
    budget = created;
    budgets.set(octokit, created);
    const hooked = octokit as Partial<HookedOctokit>;
    hooked.hook?.before('request', (options) => {
      if ((options.method ?? 'GET').toUpperCase() === 'GET' && CONTENT_ROUTE.test(options.url ?? '')) created.chargeRequest();
    });
  }
  return budget;
}

/** The budget already attached to this Octokit, if any (a file source charges the bytes it fetches to it). */
export function attachedBudget(octokit: object): EventBudget | undefined {
  return budgets.get(octokit);
}
