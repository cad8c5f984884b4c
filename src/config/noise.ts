/**
 * What differs between two servers without being drift (docs/formats.md §2 "What differs ... without being drift").
 * Each item here burned users of older tools; the loaders record such values as NoiseValue (so they are counted,
 * never silently dropped), and the diff never compares them.
 */
import type { NoiseValue } from './types.js';

export type NoiseKind =
  | 'guid'
  | 'timestamp'
  | 'version'
  | 'cookie'
  | 'lastDc'
  | 'nextStartTime'
  | 'serverName'
  | 'exportDate'
  | 'serviceAccount'
  | 'connectorNameCase';

/** Connector (ma-data) leaf elements that are per server. */
export const CONNECTOR_NOISE: Readonly<Record<string, NoiseKind>> = {
  id: 'guid',
  'creation-time': 'timestamp',
  'last-modification-time': 'timestamp',
  version: 'version',
  'internal-version': 'version',
  'format-version': 'version',
};

/** Partition leaf elements (relative to partition/) that are per server. */
export const PARTITION_NOISE: Readonly<Record<string, NoiseKind>> = {
  id: 'guid',
  'creation-time': 'timestamp',
  'last-modification-time': 'timestamp',
  version: 'version',
  'custom-data/adma-partition-data/cookie': 'cookie',
  'custom-data/adma-partition-data/last-dc': 'lastDc',
  'custom-data/ecma-partition-data/water-mark': 'cookie',
  'custom-data/water-mark': 'cookie',
};

/** Connector private-configuration parameters that are per server (the sync service account differs per install). */
export const CONNECTOR_PARAMETER_NOISE: Readonly<Record<string, NoiseKind>> = {
  'forest-login-user': 'serviceAccount',
  username: 'serviceAccount',
  password: 'serviceAccount',
  cookie: 'cookie',
  'last-dc': 'lastDc',
};

/** Sync rule leaf elements that are per server. */
export const RULE_NOISE: Readonly<Record<string, NoiseKind>> = {
  id: 'guid',
  'internal-id': 'guid',
  version: 'version',
  'precedence-after': 'guid',
  'precedence-before': 'guid',
};

/** MV.xml global parameters that are per server and never drift. */
export const GLOBAL_NOISE: Readonly<Record<string, NoiseKind>> = {
  'Microsoft.Synchronize.NextStartTime': 'nextStartTime',
};

/**
 * Global parameters that are per-server *state* (docs/formats.md §3), read by the gate, never drift. Counted as
 * ignored under "serverState".
 */
export const SERVER_STATE_PARAMETERS: readonly string[] = [
  'Microsoft.Synchronize.SchedulerSuspended',
  'Microsoft.Synchronize.MaintenanceEnabled',
  'Microsoft.Synchronize.SyncCycleEnabled',
  'Microsoft.Synchronize.SyncCycleInProgress',
];

export const STAGING_MODE_PARAMETER = 'Microsoft.Synchronize.StagingMode';
export const SERVER_VERSION_PARAMETER = 'Microsoft.Synchronize.ServerConfigurationVersion';

/** Counts noise values present on both sides with different values, by kind. */
export function countNoise(primary: readonly NoiseValue[], staging: readonly NoiseValue[], into: Record<string, number>): void {
  const other = new Map(staging.map((item) => [item.path.toLowerCase(), item.value]));
  for (const item of primary) {
    const value = other.get(item.path.toLowerCase());
    if (value !== undefined && value !== item.value) into[item.kind] = (into[item.kind] ?? 0) + 1;
  }
}
