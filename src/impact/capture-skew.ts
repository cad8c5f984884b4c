/**
 * How far apart the two servers' snapshots were captured. `same` (pending on both, the active server exports it
 * anyway) only means that when both were taken after the same sync cycle: a day apart, an export pending on both may
 * long have been sent by one and not by the other. Past the limit, or when a capture time is unknown, nothing is
 * discounted as `same`.
 */
/** Two default sync cycles (30 minutes each): the collector runs on both servers "at about the same time". */
export const MAX_CAPTURE_SKEW_MINUTES = 60;

export type CaptureSkew = { comparable: true; minutes: number } | { comparable: false; why: string };

export function captureSkew(report: { active: { capturedAt?: string }; staging: { capturedAt?: string } }): CaptureSkew {
  const at = (value: string | undefined) => (value === undefined ? Number.NaN : Date.parse(value));
  const active = at(report.active.capturedAt);
  const staging = at(report.staging.capturedAt);
  const unknown = [Number.isNaN(active) ? "the active server's" : undefined, Number.isNaN(staging) ? "the staging server's" : undefined].filter(Boolean);
  if (unknown.length > 0) return { comparable: false, why: `${unknown.join(' and ')} capture time is unknown (capturedAt in snapshot.json)` };
  const minutes = Math.round(Math.abs(active - staging) / 60_000);
  if (minutes > MAX_CAPTURE_SKEW_MINUTES) return { comparable: false, why: `the snapshots were captured ${describeMinutes(minutes)} apart (more than ${MAX_CAPTURE_SKEW_MINUTES} minutes: not after the same sync cycle)` };
  return { comparable: true, minutes };
}

function describeMinutes(minutes: number): string {
  if (minutes < 120) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours < 48 ? `${Math.round(hours * 10) / 10} hours` : `${Math.round(hours / 24)} days`;
}
