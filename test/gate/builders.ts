/** Hand-built evidence for gate tests: a healthy pre-switch pair, each piece overridable. */
import type { DriftDifference, DriftReport, ServerConfig } from '../../src/config/types.js';
import type { PendingExportReport, PendingExportSummary } from '../../src/exports/types.js';
import type { GateInput } from '../../src/gate/evaluate.js';
import type { RunHistoryEntry, ServerSnapshot } from '../../src/snapshot/types.js';

export const NOW = new Date('2026-11-24T12:00:00Z');

export function config(server: string, staging: boolean, extra: Record<string, string> = {}): ServerConfig {
  return {
    server,
    globalSettings: {
      'Microsoft.Synchronize.StagingMode': staging ? 'True' : 'False',
      'Microsoft.OptionalFeature.ExportDeletionThreshold': 'True',
      'Microsoft.OptionalFeature.ExportDeletionThresholdValue': '500',
      ...extra,
    },
    connectors: {},
    rules: {},
    missing: [],
  };
}

export function run(connectorName: string, runProfileName: string, endDate: string, result = 'success'): RunHistoryEntry {
  const end = new Date(endDate);
  const connectorId = connectorName.endsWith('AAD') ? 'b891884f-051e-4a83-95af-2544101c9083' : '5c1e0a34-1111-4aaa-9bbb-0123456789ab';
  return { connectorName, connectorId, runProfileName, result, isRunComplete: true, startDate: new Date(end.getTime() - 5 * 60_000).toISOString(), endDate: end.toISOString() };
}

export function snapshot(server: string, staging: boolean, overrides: Partial<ServerSnapshot> = {}): ServerSnapshot {
  const root = `snapshots/${server}`;
  return {
    root,
    bare: false,
    manifest: { server, role: staging ? 'staging' : 'active', capturedAt: '2026-11-24T10:00:00.000Z', connectVersion: '2.4.27.0' },
    config: config(server, staging),
    scheduler: {
      syncCycleEnabled: true,
      stagingModeEnabled: staging,
      nextSyncCyclePolicyType: 'Delta',
      nextSyncCycleStartTimeInUTC: '2026-11-24T10:20:00Z',
      currentlyEffectiveSyncCycleInterval: 1800,
    },
    runHistory: [
      run('contoso.com', 'Delta Import', '2026-11-24T09:45:00Z'),
      run('contoso.com', 'Delta Synchronization', '2026-11-24T09:50:00Z'),
      run('contoso.onmicrosoft.com - AAD', 'Export', '2026-11-24T09:55:00Z'),
    ],
    exportFiles: [{ path: `${root}/exports/aad.xml.gz`, connector: 'contoso.onmicrosoft.com - AAD' }],
    missing: [],
    ...overrides,
  };
}

export function summary(connector: string, deletes = 3, exceeded = false): PendingExportSummary {
  return {
    schemaVersion: 1,
    connector,
    files: [`snapshots/SYNC02/exports/aad.xml.gz`],
    isEntraConnector: true,
    connectorKind: { kind: 'entra', source: 'configuration' },
    objects: 10,
    operations: { update: 7, delete: deletes },
    objectTypes: {},
    attributes: {},
    multiValued: {},
    renames: 0,
    renameSample: [],
    errors: {},
    errorSample: [],
    deletes: { count: deletes, sample: [] },
    risky: [],
    threshold: { limit: 500, source: 'configuration', deletes, exceeded, applies: true, protectionEnabled: true },
    otherExports: { escrowed: 0, unconfirmed: 0 },
    oversizedValues: 0,
    cappedValues: 0,
  };
}

export function exportsReport(overrides: Partial<PendingExportReport> = {}): PendingExportReport {
  const connector = summary('contoso.onmicrosoft.com - AAD');
  return { ...connector, connector: 'total', connectors: [connector], ...overrides };
}

export function difference(id: string, category: DriftDifference['category'] = 'settings'): DriftDifference {
  return { id, category, kind: 'changed', subject: 'Microsoft.Synchronize.TimeInterval', field: 'value', primary: '30', staging: '60' };
}

export function drift(differences: DriftDifference[] = []): DriftReport {
  return {
    schemaVersion: 1,
    primary: { server: 'SYNC01' },
    staging: { server: 'SYNC02' },
    differences,
    productVersion: [],
    expected: [],
    ignored: {},
    missing: [],
  };
}

export const ALL_TICKED = ['one-active', 'one-staging', 'staging-synced', 'initial-sync', 'delete-protection', 'exports-verified', 'no-drift', 'health-agent'];

export function runbook(ticked: readonly string[] = ALL_TICKED, extra = '', frontMatter = 'stage: pre-switch'): string {
  const items = ALL_TICKED.map((id) => `- [${ticked.includes(id) ? 'x' : ' '}] ${id} \`${id}\``).join('\n');
  return `---\n${frontMatter}\nactive:\n  server: SYNC01\n  snapshot: snapshots/SYNC01\nstaging:\n  server: SYNC02\n  snapshot: snapshots/SYNC02\n---\n# Failover\n\n${items}\n${extra}\n`;
}

export function healthyInput(overrides: Partial<GateInput> = {}): GateInput {
  return {
    runbook: { path: 'runbooks/failover.md', text: runbook() },
    primary: snapshot('SYNC01', false),
    staging: snapshot('SYNC02', true),
    drift: drift(),
    exports: exportsReport(),
    now: NOW,
    ...overrides,
  };
}
