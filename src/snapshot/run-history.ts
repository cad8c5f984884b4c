/** run-history.json: `Get-ADSyncRunProfileResult | ConvertTo-Json` (an array, or one object for one run) -> RunHistoryEntry[]. */
import { InputError } from '../errors.js';
import { psBoolean, psDate, psNumber, psString } from './powershell-json.js';
import type { RunHistoryEntry } from './types.js';

export function parseRunHistory(raw: unknown, where: string): RunHistoryEntry[] {
  const items = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
  return items.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new InputError(where, `run ${index + 1} is not a JSON object`);
    const record = item as Record<string, unknown>;
    const entry: RunHistoryEntry = {
      runHistoryId: psString(record.RunHistoryId),
      connectorId: psString(record.ConnectorId),
      connectorName: psString(record.ConnectorName),
      runProfileName: psString(record.RunProfileName),
      runNumber: psNumber(record.RunNumber),
      isRunComplete: psBoolean(record.IsRunComplete),
      result: psString(record.Result),
      startDate: psDate(record.StartDate),
      endDate: psDate(record.EndDate),
    };
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as RunHistoryEntry;
  });
}
