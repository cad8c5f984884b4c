/**
 * What a pull request changes, against its base branch: how the pending exports of each connector moved
 * ("+340 deletes since main"), for export files present on both sides.
 */
import { diffServerConfigs } from '../config/diff.js';
import type { DriftReport } from '../config/types.js';
import { countOperations } from '../exports/counts.js';
import type { PendingExportReport, PendingExportSummary } from '../exports/types.js';
import type { VerificationResult } from './types.js';

export interface ExportMovement {
  connector: string;
  /** Per word people use: adds, updates, deletes, delete-adds, renames, objects; head minus base. */
  changes: { label: string; delta: number }[];
}

const WORDS: { label: string; of: (summary: PendingExportSummary) => number }[] = [
  { label: 'adds', of: (s) => countOperations(s.operations, 'add') },
  { label: 'updates', of: (s) => countOperations(s.operations, 'update', 'replace') },
  { label: 'deletes', of: (s) => countOperations(s.operations, 'delete') },
  { label: 'delete-adds', of: (s) => countOperations(s.operations, 'delete-add') },
  { label: 'renames', of: (s) => s.renames },
  { label: 'export errors', of: (s) => Object.values(s.errors).reduce((a, b) => a + b, 0) },
];

/** Movements for the connectors present on both sides (by name, case-insensitively); zero moves are left out. */
export function compareExportReports(base: PendingExportReport, head: PendingExportReport): ExportMovement[] {
  const baseByName = new Map(base.connectors.map((summary) => [summary.connector.toLowerCase(), summary]));
  const movements: ExportMovement[] = [];
  for (const summary of head.connectors) {
    const before = baseByName.get(summary.connector.toLowerCase());
    if (!before) continue;
    const changes = WORDS.map(({ label, of }) => ({ label, delta: of(summary) - of(before) })).filter((change) => change.delta !== 0);
    movements.push({ connector: summary.connector, changes });
  }
  return movements;
}

/** "+340 deletes, -2 adds since main" or "unchanged since main". */
export function describeMovement(movement: ExportMovement, baseName: string): string {
  if (movement.changes.length === 0) return `unchanged since ${baseName}`;
  const parts = movement.changes.map(({ label, delta }) => `${delta > 0 ? '+' : '−'}${Math.abs(delta).toLocaleString('en-US')} ${label}`);
  return `${parts.join(', ')} since ${baseName}`;
}

export interface ConfigChange {
  /** "primary (SYNC01)" or "staging (SYNC02)". */
  server: string;
  report: DriftReport;
}

/**
 * What a pull request changes in each server's configuration snapshot: the base commit's configuration against the
 * head's, for the same server, through the drift engine (so GUIDs, timestamps and cookies stay noise). This is the
 * review of a configuration change before the same change is made on the other server.
 */
export function configChangesSince(base: VerificationResult, head: VerificationResult): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const side of ['primary', 'staging'] as const) {
    const before = base.configs?.[side];
    const after = head.configs?.[side];
    if (!before || !after) continue;
    const report = diffServerConfigs(before, after);
    if (report.differences.length === 0) continue;
    // Both sides are the same server: StagingMode is expected to be equal, not False/True.
    report.expected = [];
    changes.push({ server: after.server ? `${side} (${after.server})` : side, report });
  }
  return changes;
}
