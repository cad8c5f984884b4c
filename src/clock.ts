/**
 * The time every judgment is made at ("is this snapshot stale?", "did the staging server sync recently?"). The App and
 * the Action take it from the system clock, unless SYNCSTAGE_NOW pins it: for tests only, so the same snapshots get
 * the same verdict on any day. A pinned clock is announced with one warning line at start, so it cannot be left on in
 * production unseen; a value that is not an ISO 8601 time with a zone stops the start (fail closed).
 */

export const PINNED_CLOCK_VARIABLE = 'SYNCSTAGE_NOW';

/** An ISO 8601 date and time with a zone: the only form of a time syncstage accepts from a person. */
const ISO_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseIsoTime(value: string): Date | undefined {
  if (!ISO_TIME_WITH_ZONE.test(value)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

export class ClockError extends Error {
  override readonly name = 'ClockError';
}

export interface Clock {
  now: () => Date;
  /** Set when SYNCSTAGE_NOW pins the clock: the time every judgment is made at. */
  pinnedAt?: Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The clock the environment asks for: the system's, or the time SYNCSTAGE_NOW pins. Throws ClockError on a bad value. */
export function clockFromEnvironment(env: Record<string, string | undefined>): Clock {
  const value = env[PINNED_CLOCK_VARIABLE];
  if (value === undefined || value === '') return systemClock;
  const pinnedAt = parseIsoTime(value.trim());
  if (!pinnedAt) throw new ClockError(`${PINNED_CLOCK_VARIABLE} must be an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), not ${JSON.stringify(value)}; it is for tests only: unset it`);
  const at = pinnedAt.getTime();
  return { now: () => new Date(at), pinnedAt };
}

/** The one line a pinned clock is announced with. */
export function pinnedClockWarning(pinnedAt: Date): string {
  return `${PINNED_CLOCK_VARIABLE} pins the clock to ${pinnedAt.toISOString()}: every staleness and sync-age judgment is made as of that time, not now. For tests only: unset it in production.`;
}
