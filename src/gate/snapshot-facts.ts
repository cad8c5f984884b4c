/** What a server snapshot says about the server's role and age, read the same way by every prerequisite. */
import type { ServerSnapshot } from '../snapshot/types.js';

export const STAGING_MODE_SETTING = 'Microsoft.Synchronize.StagingMode';
export { DELETE_PROTECTION_SETTING, DELETE_THRESHOLD_SETTING } from '../snapshot/export-files.js';

export function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
}

/** StagingMode as MV.xml and the scheduler say it; either may be unknown. */
export function stagingModes(snapshot: ServerSnapshot): { config?: boolean; scheduler?: boolean } {
  return { config: parseBoolean(snapshot.config?.globalSettings[STAGING_MODE_SETTING]), scheduler: snapshot.scheduler?.stagingModeEnabled };
}

export function describeMode(staging: boolean | undefined): string {
  return staging === undefined ? 'unknown' : staging ? 'True' : 'False';
}

/** The snapshot's capture time, when the manifest gives a valid one. */
export function capturedAt(snapshot: ServerSnapshot | undefined): Date | undefined {
  const text = snapshot?.manifest?.capturedAt;
  if (!text) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** A run-history date: ISO or PowerShell's "/Date(ms)/" (docs/formats.md §3). */
export function parseRunDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value.trim());
  const time = ms ? new Date(Number(ms[1])) : new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

export function hoursBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / 3_600_000;
}

/** "2.5 h": one decimal, enough for a reviewer. */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10} h`;
}

export function iso(time: Date): string {
  return time.toISOString().replace(/\.000Z$/, 'Z');
}
