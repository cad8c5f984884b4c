import { describe, expect, it } from 'vitest';
import { parseRunHistory } from '../../src/snapshot/run-history.js';
import { parseScheduler } from '../../src/snapshot/scheduler.js';
import { psDate, psTimeSpan } from '../../src/snapshot/powershell-json.js';
import { InputError } from '../../src/errors.js';

describe('PowerShell ConvertTo-Json values', () => {
  it('reads both date forms as ISO UTC', () => {
    expect(psDate('/Date(1732440000000)/')).toBe('2024-11-24T09:20:00.000Z');
    expect(psDate('/Date(1732440000000+0100)/')).toBe('2024-11-24T09:20:00.000Z');
    expect(psDate('2026-11-24T07:20:00Z')).toBe('2026-11-24T07:20:00.000Z');
    expect(psDate('2026-11-24T08:20:00+01:00')).toBe('2026-11-24T07:20:00.000Z');
    expect(psDate('2026-11-24T07:20:00.1234567')).toBe('2026-11-24T07:20:00.123Z');
    expect(psDate({ value: '/Date(0)/', DateTime: 'Thursday, January 1, 1970' })).toBe('1970-01-01T00:00:00.000Z');
    expect(psDate('yesterday')).toBeUndefined();
    expect(psDate(42)).toBeUndefined();
  });

  it('reads TimeSpans as seconds', () => {
    expect(psTimeSpan({ Ticks: 18000000000, TotalSeconds: 1800 })).toBe(1800);
    expect(psTimeSpan({ Ticks: 18000000000 })).toBe(1800);
    expect(psTimeSpan('00:30:00')).toBe(1800);
    expect(psTimeSpan('7.00:00:00')).toBe(604800);
    expect(psTimeSpan('00:00:01.5')).toBe(1.5);
    expect(psTimeSpan('soon')).toBeUndefined();
  });
});

describe('parseScheduler', () => {
  it('reads Get-ADSyncScheduler | ConvertTo-Json (Windows PowerShell shape)', () => {
    const state = parseScheduler(
      {
        AllowedSyncCycleInterval: { Ticks: 18000000000, TotalSeconds: 1800 },
        CurrentlyEffectiveSyncCycleInterval: { Ticks: 18000000000, TotalSeconds: 1800 },
        CustomizedSyncCycleInterval: null,
        NextSyncCyclePolicyType: 1,
        NextSyncCycleStartTimeInUTC: '/Date(1732440000000)/',
        PurgeRunHistoryInterval: { Ticks: 6048000000000, TotalSeconds: 604800 },
        SyncCycleEnabled: true,
        MaintenanceEnabled: true,
        StagingModeEnabled: false,
        SchedulerSuspended: false,
        SyncCycleInProgress: false,
        SomethingNew: 'kept out, no crash',
      },
      'scheduler.json',
    );
    expect(state).toEqual({
      allowedSyncCycleInterval: 1800,
      currentlyEffectiveSyncCycleInterval: 1800,
      nextSyncCyclePolicyType: 'Delta',
      nextSyncCycleStartTimeInUTC: '2024-11-24T09:20:00.000Z',
      purgeRunHistoryInterval: 604800,
      syncCycleEnabled: true,
      maintenanceEnabled: true,
      stagingModeEnabled: false,
      schedulerSuspended: false,
      syncCycleInProgress: false,
    });
  });

  it('accepts the older IsStagingModeEnabled, strings, and missing fields', () => {
    expect(parseScheduler({ IsStagingModeEnabled: 'True', CurrentlyEffectiveSyncCycleInterval: '00:30:00', NextSyncCyclePolicyType: 'Initial' }, 'x')).toEqual({
      stagingModeEnabled: true,
      currentlyEffectiveSyncCycleInterval: 1800,
      nextSyncCyclePolicyType: 'Initial',
    });
  });

  it('refuses what is not an object, naming the file', () => {
    expect(() => parseScheduler([1, 2], 'snap/scheduler.json')).toThrow(InputError);
    expect(() => parseScheduler('x', 'snap/scheduler.json')).toThrow(/^snap\/scheduler\.json: expected the JSON object/);
  });
});

describe('parseRunHistory', () => {
  const run = {
    RunHistoryId: 'a1',
    ConnectorId: '{B891884F-051E-4A83-95AF-2544101C9083}',
    ConnectorName: 'contoso.onmicrosoft.com - AAD',
    RunProfileName: 'Export',
    RunNumber: 4105,
    IsRunComplete: true,
    Result: 'stopped-deletion-threshold-exceeded',
    StartDate: '/Date(1732440000000)/',
    EndDate: '2024-11-24T09:21:00Z',
    RunStepResults: [{ StepNumber: 1 }],
  };

  it('reads an array, or the single object ConvertTo-Json writes for one run', () => {
    const expected = {
      runHistoryId: 'a1',
      connectorId: '{B891884F-051E-4A83-95AF-2544101C9083}',
      connectorName: 'contoso.onmicrosoft.com - AAD',
      runProfileName: 'Export',
      runNumber: 4105,
      isRunComplete: true,
      result: 'stopped-deletion-threshold-exceeded',
      startDate: '2024-11-24T09:20:00.000Z',
      endDate: '2024-11-24T09:21:00.000Z',
    };
    expect(parseRunHistory([run, run], 'h')).toEqual([expected, expected]);
    expect(parseRunHistory(run, 'h')).toEqual([expected]);
  });

  it('accepts missing fields and an empty history', () => {
    expect(parseRunHistory([{ Result: 'success' }], 'h')).toEqual([{ result: 'success' }]);
    expect(parseRunHistory([], 'h')).toEqual([]);
    expect(parseRunHistory(null, 'h')).toEqual([]);
  });

  it('names the run that is not an object', () => {
    expect(() => parseRunHistory([run, 'x'], 'snap/run-history.json')).toThrow('snap/run-history.json: run 2 is not a JSON object');
  });
});
