/**
 * A server snapshot: what an operator commits for one sync server (docs/formats.md §5). Each part is optional;
 * what is missing is listed in `missing`, never guessed.
 */
import type { ServerConfig } from '../config/types.js';
import type { ExportFileRef } from '../exports/types.js';

export interface SnapshotManifest {
  server?: string;
  role?: 'active' | 'staging';
  /** UTC ISO 8601; the time that counts for the snapshot. */
  capturedAt?: string;
  connectVersion?: string;
  /** File under exports/ -> connector name. */
  exports?: Record<string, string>;
}

export interface SchedulerState {
  syncCycleEnabled?: boolean;
  stagingModeEnabled?: boolean;
  schedulerSuspended?: boolean;
  maintenanceEnabled?: boolean;
  syncCycleInProgress?: boolean;
  nextSyncCyclePolicyType?: 'Delta' | 'Initial' | string;
  /** ISO 8601 UTC. */
  nextSyncCycleStartTimeInUTC?: string;
  /** Seconds. */
  currentlyEffectiveSyncCycleInterval?: number;
  allowedSyncCycleInterval?: number;
  customizedSyncCycleInterval?: number;
  purgeRunHistoryInterval?: number;
}

export interface RunHistoryEntry {
  runHistoryId?: string;
  connectorId?: string;
  connectorName?: string;
  runProfileName?: string;
  runNumber?: number;
  isRunComplete?: boolean;
  /** success, completed-*-errors, stopped-*, e.g. stopped-deletion-threshold-exceeded. */
  result?: string;
  /** ISO 8601 UTC. */
  startDate?: string;
  endDate?: string;
}

// Defined with the exports it names: snapshot/ depends on exports/, never the other way round.
export type { ExportFileRef };

export interface ServerSnapshot {
  /** Source path of the folder. */
  root: string;
  /** True when the folder is a bare Get-ADSyncServerConfiguration export, not a §5 snapshot. */
  bare: boolean;
  manifest?: SnapshotManifest;
  config?: ServerConfig;
  scheduler?: SchedulerState;
  runHistory?: RunHistoryEntry[];
  exportFiles: ExportFileRef[];
  /** Parts not present, in words: "scheduler.json", "run-history.json", "config/GlobalSettings/MV.xml", ... */
  missing: string[];
  /** Set when MV.xml's Microsoft.Synchronize.StagingMode and the scheduler's StagingModeEnabled disagree (a finding in itself). */
  stagingModeConflict?: { globalSetting: string; scheduler: boolean };
}
