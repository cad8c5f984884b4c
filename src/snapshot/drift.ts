/**
 * Drift between two server snapshots: the configuration diff, completed with what only the snapshots know (paths,
 * server names from the manifests, each snapshot's own consistency, the roles they declare). One function for
 * `syncstage drift`, the review and the gate, so all three report the same findings.
 */
import { diffServerConfigs } from '../config/diff.js';
import type { DriftOptions, DriftReport, Expectation, ServerConfig } from '../config/types.js';
import { snapshotExpectations } from './load.js';
import type { ServerSnapshot } from './types.js';

export type SnapshotWithConfig = ServerSnapshot & { config: ServerConfig };

export function diffServerSnapshots(primary: SnapshotWithConfig, staging: SnapshotWithConfig, options: DriftOptions = {}): DriftReport {
  const report = diffServerConfigs(primary.config, staging.config, options);
  report.primary.path = primary.root;
  report.staging.path = staging.root;
  report.primary.server = primary.manifest?.server ?? report.primary.server;
  report.staging.server = staging.manifest?.server ?? report.staging.server;
  const extra: Expectation[] = [...snapshotExpectations(primary, 'primary'), ...snapshotExpectations(staging, 'staging')];
  for (const [snapshot, server, role] of [[primary, 'primary', 'active'], [staging, 'staging', 'staging']] as const) {
    const declared = snapshot.manifest?.role;
    if (declared !== undefined && declared !== role) {
      extra.push({ name: 'Role', server, expected: role, actual: declared, ok: false, message: `snapshot.json of the ${server} server says role "${declared}": are the primary and the staging server swapped?` });
    }
  }
  report.expected.push(...extra);
  return report;
}

export function hasConfig(snapshot: ServerSnapshot | undefined): snapshot is SnapshotWithConfig {
  return snapshot?.config !== undefined;
}
