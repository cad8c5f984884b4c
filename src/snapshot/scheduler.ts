/** scheduler.json: `Get-ADSyncScheduler | ConvertTo-Json` -> SchedulerState. Unknown or unreadable fields are left out. */
import { InputError } from '../errors.js';
import { psBoolean, psDate, psString, psTimeSpan } from './powershell-json.js';
import type { SchedulerState } from './types.js';

export function parseScheduler(raw: unknown, where: string): SchedulerState {
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(where, 'expected the JSON object of Get-ADSyncScheduler | ConvertTo-Json');
  const record = value as Record<string, unknown>;
  const state: SchedulerState = {
    syncCycleEnabled: psBoolean(record.SyncCycleEnabled),
    // Older builds call it IsStagingModeEnabled.
    stagingModeEnabled: psBoolean(record.StagingModeEnabled ?? record.IsStagingModeEnabled),
    schedulerSuspended: psBoolean(record.SchedulerSuspended),
    maintenanceEnabled: psBoolean(record.MaintenanceEnabled),
    syncCycleInProgress: psBoolean(record.SyncCycleInProgress),
    nextSyncCyclePolicyType: policyType(record.NextSyncCyclePolicyType),
    nextSyncCycleStartTimeInUTC: psDate(record.NextSyncCycleStartTimeInUTC),
    currentlyEffectiveSyncCycleInterval: psTimeSpan(record.CurrentlyEffectiveSyncCycleInterval),
    allowedSyncCycleInterval: psTimeSpan(record.AllowedSyncCycleInterval),
    customizedSyncCycleInterval: psTimeSpan(record.CustomizedSyncCycleInterval),
    purgeRunHistoryInterval: psTimeSpan(record.PurgeRunHistoryInterval),
  };
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as SchedulerState;
}

/** ConvertTo-Json writes enums as numbers unless -EnumsAsStrings: 0 Unspecified, 1 Delta, 2 Initial. */
function policyType(value: unknown): string | undefined {
  if (typeof value === 'number') return ['Unspecified', 'Delta', 'Initial'][value] ?? String(value);
  return psString(value);
}
