import { describe, expect, it } from 'vitest';
import { evaluatePrerequisites, type GateInput } from '../../src/gate/evaluate.js';
import type { PrerequisiteResult } from '../../src/gate/types.js';
import { ALL_TICKED, config, difference, drift, exportsReport, healthyInput, NOW, run, runbook, snapshot, summary } from './builders.js';

function row(input: GateInput, id: string): PrerequisiteResult {
  const found = evaluatePrerequisites(input).prerequisites.find((prerequisite) => prerequisite.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}
const untick = (id: string) => runbook(ALL_TICKED.filter((other) => other !== id));
const withRunbook = (text: string, overrides: Partial<GateInput> = {}) => healthyInput({ runbook: { path: 'runbooks/failover.md', text }, ...overrides });

describe('evaluatePrerequisites: pre-switch', () => {
  it('passes with every prerequisite satisfied', () => {
    const result = evaluatePrerequisites(healthyInput());
    expect(result.prerequisites.map((p) => [p.id, p.status])).toEqual(ALL_TICKED.map((id) => [id, 'satisfied']));
    expect(result).toMatchObject({ ok: true, satisfied: 8, total: 8, title: '8 of 8 prerequisites satisfied', stage: 'pre-switch', runbook: 'runbooks/failover.md' });
  });

  it('counts unticked items as unsatisfied even when the evidence holds', () => {
    const result = evaluatePrerequisites(withRunbook(runbook(['one-active', 'one-staging', 'staging-synced', 'initial-sync', 'delete-protection'])));
    expect(result.title).toBe('5 of 8 prerequisites satisfied');
    expect(result.ok).toBe(false);
    const exports = result.prerequisites.find((p) => p.id === 'exports-verified')!;
    expect(exports).toMatchObject({ status: 'unsatisfied', ticked: false });
    expect(exports.evidence.at(-1)).toBe('the evidence holds, but the item is not ticked');
    expect(result.prerequisites.find((p) => p.id === 'health-agent')!.evidence).toEqual(['manual item: not ticked']);
  });

  it('reports an item missing from the runbook', () => {
    const text = runbook().replace(/.*`no-drift`\n/, '');
    expect(row(withRunbook(text), 'no-drift')).toMatchObject({ status: 'unsatisfied', ticked: false });
    expect(row(withRunbook(text), 'no-drift').evidence[0]).toBe('no checklist item `no-drift` in the runbook');
  });

  describe('one-active', () => {
    it('is contradicted when the active server is in staging mode, and unsatisfied when unticked', () => {
      const primary = snapshot('SYNC01', false, { config: config('SYNC01', true) });
      expect(row(healthyInput({ primary }), 'one-active')).toEqual({
        id: 'one-active',
        title: 'One currently active sync server',
        status: 'contradicted',
        ticked: true,
        evidence: ['active snapshot is SYNC01 (snapshot.json and MV.xml agree)', 'active MV.xml StagingMode True, expected False', 'active scheduler StagingModeEnabled False'],
      });
      expect(row(healthyInput({ primary, runbook: { path: 'r.md', text: untick('one-active') } }), 'one-active').status).toBe('unsatisfied');
    });

    it('is contradicted when MV.xml and the scheduler disagree', () => {
      const primary = snapshot('SYNC01', false, { scheduler: { ...snapshot('SYNC01', false).scheduler, stagingModeEnabled: true } });
      expect(row(healthyInput({ primary }), 'one-active').evidence).toContain('active scheduler StagingModeEnabled True, expected False');
      expect(row(healthyInput({ primary }), 'one-active').status).toBe('contradicted');
    });

    it('is contradicted when the snapshot is of another server than the runbook names', () => {
      const primary = snapshot('SYNC03', false);
      expect(row(healthyInput({ primary }), 'one-active').evidence).toContain('active snapshot.json server is SYNC03, the runbook names SYNC01');
    });

    it('is contradicted when both snapshots come from one server', () => {
      const staging = snapshot('SYNC01', true);
      const result = row(healthyInput({ staging }), 'one-active');
      expect(result.status).toBe('contradicted');
      expect(result.evidence).toContain('the active and staging snapshots are both from sync01: two snapshots of one server');
    });

    it('fails closed when the snapshot is missing, unreadable, undated or stale', () => {
      expect(row(healthyInput({ primary: undefined }), 'one-active')).toMatchObject({ status: 'unsatisfied', evidence: ['active snapshot not given'] });
      expect(row(healthyInput({ unreadable: { primary: 'snapshots/SYNC01/scheduler.json: not valid JSON' } }), 'one-active').evidence).toEqual([
        'active snapshot unreadable: snapshots/SYNC01/scheduler.json: not valid JSON',
      ]);
      // Undated or stale: the row cannot be satisfied, and it still shows what the snapshot says.
      const undated = snapshot('SYNC01', false, { manifest: { server: 'SYNC01' } });
      expect(row(healthyInput({ primary: undated }), 'one-active')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'active snapshot snapshots/SYNC01 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
          'active snapshot is SYNC01 (snapshot.json and MV.xml agree)',
          'active MV.xml StagingMode False',
          'active scheduler StagingModeEnabled False',
        ],
      });
      const stale = healthyInput({ now: new Date('2026-11-25T12:00:00Z') });
      expect(row(stale, 'one-active')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'active snapshot captured 2026-11-24T10:00:00Z is stale: 26 h old, over the 24 h limit, so it cannot satisfy this item',
          'active snapshot is SYNC01 (snapshot.json and MV.xml agree)',
          'active MV.xml StagingMode False',
          'active scheduler StagingModeEnabled False',
        ],
      });
      expect(row({ ...stale, options: { maxSnapshotAgeHours: 48 } }, 'one-active').status).toBe('satisfied');
    });

    it('is contradicted by what an undated or stale snapshot shows: age never hides a contradiction', () => {
      const inStagingMode = config('SYNC01', true);
      const undated = snapshot('SYNC01', false, { manifest: { server: 'SYNC01' }, config: inStagingMode });
      expect(row(healthyInput({ primary: undated }), 'one-active')).toMatchObject({
        status: 'contradicted',
        evidence: [
          'active snapshot snapshots/SYNC01 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
          'active snapshot is SYNC01 (snapshot.json and MV.xml agree)',
          'active MV.xml StagingMode True, expected False',
          'active scheduler StagingModeEnabled False',
        ],
      });
      const stale = healthyInput({ primary: snapshot('SYNC01', false, { config: inStagingMode }), now: new Date('2026-11-26T10:00:00Z') });
      expect(row(stale, 'one-active').status).toBe('contradicted');
      expect(row(stale, 'one-active').evidence[0]).toBe('active snapshot captured 2026-11-24T10:00:00Z is stale: 48 h old, over the 24 h limit, so it cannot satisfy this item');
      expect(row({ ...stale, runbook: { path: 'r.md', text: untick('one-active') } }, 'one-active').status).toBe('unsatisfied');
    });

    it('fails closed when StagingMode is absent', () => {
      const primary = snapshot('SYNC01', false, { config: { ...config('SYNC01', false), globalSettings: {} } });
      expect(row(healthyInput({ primary }), 'one-active')).toMatchObject({ status: 'unsatisfied' });
      expect(row(healthyInput({ primary }), 'one-active').evidence).toContain('active MV.xml has no Microsoft.Synchronize.StagingMode');
    });
  });

  describe('one-staging', () => {
    it('is contradicted when the staging server is active, and a wrong manifest role is named', () => {
      const staging = snapshot('SYNC02', false);
      const result = row(healthyInput({ staging }), 'one-staging');
      expect(result.status).toBe('contradicted');
      expect(result.evidence).toEqual([
        'staging snapshot is SYNC02 (snapshot.json and MV.xml agree)',
        'staging snapshot.json says role "active", the runbook says staging',
        'staging MV.xml StagingMode False, expected True',
        'staging scheduler StagingModeEnabled False, expected True',
      ]);
    });
  });

  describe('staging-synced', () => {
    it('is contradicted when the last successful sync is too old', () => {
      const staging = snapshot('SYNC02', true, { runHistory: [run('contoso.com', 'Delta Synchronization', '2026-11-24T06:00:00Z'), run('contoso.com', 'Delta Synchronization', '2026-11-24T09:00:00Z', 'stopped-server-down')] });
      expect(row(healthyInput({ staging }), 'staging-synced')).toMatchObject({
        status: 'contradicted',
        evidence: ['staging scheduler SyncCycleEnabled True', 'last successful Delta Synchronization (contoso.com) ended 2026-11-24T06:00:00Z, 6 h before the check: over the 3 h limit'],
      });
      expect(row({ ...healthyInput({ staging }), options: { maxSyncAgeHours: 8 } }, 'staging-synced').status).toBe('satisfied');
    });

    it('measures a stale snapshot\'s last sync to its capture time: staleness alone never contradicts it', () => {
      const late = new Date('2026-11-27T10:00:00Z');
      expect(row(healthyInput({ now: late }), 'staging-synced')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'staging snapshot captured 2026-11-24T10:00:00Z is stale: 72 h old, over the 24 h limit, so it cannot satisfy this item',
          'staging scheduler SyncCycleEnabled True',
          'last successful Delta Synchronization (contoso.com) ended 2026-11-24T09:50:00Z, 0.2 h before the snapshot was captured',
        ],
      });
      const stalled = snapshot('SYNC02', true, { runHistory: [run('contoso.com', 'Delta Synchronization', '2026-11-24T04:00:00Z')] });
      expect(row(healthyInput({ staging: stalled, now: late }), 'staging-synced')).toMatchObject({
        status: 'contradicted',
        evidence: [
          'staging snapshot captured 2026-11-24T10:00:00Z is stale: 72 h old, over the 24 h limit, so it cannot satisfy this item',
          'staging scheduler SyncCycleEnabled True',
          'last successful Delta Synchronization (contoso.com) ended 2026-11-24T04:00:00Z, 6 h before the snapshot was captured: over the 3 h limit',
        ],
      });
    });

    it('cannot tell an undated snapshot\'s sync age when it is over the limit as of the check', () => {
      const undated = snapshot('SYNC02', true, { manifest: { server: 'SYNC02', role: 'staging' } });
      expect(row(healthyInput({ staging: undated }), 'staging-synced')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'staging snapshot snapshots/SYNC02 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
          'staging scheduler SyncCycleEnabled True',
          'last successful Delta Synchronization (contoso.com) ended 2026-11-24T09:50:00Z, 2.2 h before the check',
        ],
      });
      expect(row(healthyInput({ staging: undated, now: new Date('2026-11-26T10:00:00Z') }), 'staging-synced')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'staging snapshot snapshots/SYNC02 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
          'staging scheduler SyncCycleEnabled True',
          'last successful Delta Synchronization (contoso.com) ended 2026-11-24T09:50:00Z, 48.2 h before the check: over the 3 h limit, but the snapshot is undated, so how long before its capture cannot be told',
        ],
      });
      const disabled = { ...undated, scheduler: { ...undated.scheduler, syncCycleEnabled: false } };
      expect(row(healthyInput({ staging: disabled }), 'staging-synced').status).toBe('contradicted');
    });

    it('is contradicted when the scheduler is disabled or no sync succeeded', () => {
      const disabled = snapshot('SYNC02', true, { scheduler: { ...snapshot('SYNC02', true).scheduler, syncCycleEnabled: false } });
      expect(row(healthyInput({ staging: disabled }), 'staging-synced').evidence[0]).toBe('staging scheduler SyncCycleEnabled False');
      const none = snapshot('SYNC02', true, { runHistory: [run('contoso.com', 'Delta Import', '2026-11-24T09:00:00Z')] });
      expect(row(healthyInput({ staging: none }), 'staging-synced')).toMatchObject({ status: 'contradicted' });
      expect(row(healthyInput({ staging: none }), 'staging-synced').evidence[1]).toBe('staging run history (1 runs) has no successful synchronization run');
    });

    it('falls back to the scheduler, labelled weaker, without run history', () => {
      const staging = snapshot('SYNC02', true, { runHistory: undefined });
      expect(row(healthyInput({ staging }), 'staging-synced')).toMatchObject({
        status: 'satisfied',
        evidence: [
          'staging scheduler SyncCycleEnabled True',
          'weaker evidence (no run history): NextSyncCycleStartTimeInUTC 2026-11-24T10:20:00Z minus the 30 min interval puts the last cycle\'s start at 2026-11-24T09:50:00Z, 2.2 h before the check; it does not say the cycle succeeded',
        ],
      });
      const bare = snapshot('SYNC02', true, { runHistory: undefined, scheduler: undefined });
      expect(row(healthyInput({ staging: bare }), 'staging-synced')).toMatchObject({
        status: 'unsatisfied',
        evidence: ['staging scheduler.json missing', 'staging run-history.json missing, and the scheduler gives no next cycle time and interval to fall back on'],
      });
    });

    it('reads PowerShell /Date(ms)/ run dates', () => {
      const staging = snapshot('SYNC02', true, { runHistory: [{ connectorName: 'contoso.com', runProfileName: 'Full Synchronization', result: 'success', endDate: `/Date(${Date.parse('2026-11-24T11:00:00Z')})/` }] });
      expect(row(healthyInput({ staging }), 'staging-synced').evidence[1]).toBe('last successful Full Synchronization (contoso.com) ended 2026-11-24T11:00:00Z, 1 h before the check');
    });
  });

  describe('initial-sync', () => {
    const ruleDrift = drift([difference('d-rule000001', 'sync-rules')]);
    const ack = '- [x] ack drift d-rule000001: new rule being tested on staging';

    it('is contradicted when a rule change has no full runs after it', () => {
      const result = row(withRunbook(runbook(ALL_TICKED, ack), { drift: ruleDrift }), 'initial-sync');
      expect(result.status).toBe('contradicted');
      expect(result.evidence).toEqual([
        'sync rules or scope changed: sync-rules Microsoft.Synchronize.TimeInterval value (d-rule000001)',
        'no successful run in the run history for contoso.com: Full Import, contoso.com: Full Synchronization, contoso.onmicrosoft.com - AAD: Full Import, contoso.onmicrosoft.com - AAD: Full Synchronization',
        "weaker evidence: the change first shows in this snapshot, so whether the full runs came after it cannot be told; the base branch's staging snapshot would tell",
      ]);
    });

    it('is satisfied when full import and full sync ran on every connector after the base snapshot that showed the change', () => {
      const runs = ['contoso.com', 'AAD'].flatMap((c) => [run(c, 'Full Import', '2026-11-24T08:00:00Z'), run(c, 'Full Synchronization', '2026-11-24T08:30:00Z')]);
      const staging = snapshot('SYNC02', true, { runHistory: runs });
      const input = withRunbook(runbook(ALL_TICKED, ack), { drift: ruleDrift, staging, base: { stagingCapturedAt: '2026-11-24T07:00:00Z', ruleChanges: [] } });
      expect(row(input, 'initial-sync')).toMatchObject({
        status: 'satisfied',
        evidence: [
          'sync rules or scope changed: sync-rules Microsoft.Synchronize.TimeInterval value (d-rule000001)',
          'Full Import and Full Synchronization ran on 2 connector(s) after 2026-11-24T07:00:00Z (first snapshot showing the change)',
        ],
      });
      const early = withRunbook(runbook(ALL_TICKED, ack), { drift: ruleDrift, staging, base: { stagingCapturedAt: '2026-11-24T08:15:00Z', ruleChanges: [] } });
      expect(row(early, 'initial-sync').status).toBe('contradicted');
    });

    it('is contradicted while an Initial cycle is still pending', () => {
      const staging = snapshot('SYNC02', true, { scheduler: { ...snapshot('SYNC02', true).scheduler, nextSyncCyclePolicyType: 'Initial' } });
      expect(row(healthyInput({ staging }), 'initial-sync')).toMatchObject({
        status: 'contradicted',
        evidence: ['staging scheduler NextSyncCyclePolicyType Initial: an initial sync cycle is still pending', 'no change to sync rules or scope'],
      });
    });

    it('sees changes against the base branch, and fails closed without any comparison', () => {
      const result = row(healthyInput({ base: { stagingCapturedAt: '2026-11-23T10:00:00Z', ruleChanges: ['scope OU=Sales added'] } }), 'initial-sync');
      expect(result.evidence[0]).toBe('sync rules or scope changed: since the base branch: scope OU=Sales added');
      expect(result.status).toBe('contradicted');
      expect(row(healthyInput({ drift: undefined }), 'initial-sync')).toMatchObject({
        status: 'unsatisfied',
        evidence: ['no drift report and no base-branch comparison: whether sync rules or scope changed cannot be told'],
      });
    });
  });

  describe('delete-protection', () => {
    it('is contradicted when protection is off or the threshold is zero; unsatisfied when unknown', () => {
      const off = snapshot('SYNC02', true, { config: config('SYNC02', true, { 'Microsoft.OptionalFeature.ExportDeletionThreshold': 'False' }) });
      expect(row(healthyInput({ staging: off }), 'delete-protection')).toMatchObject({
        status: 'contradicted',
        evidence: ['staging Microsoft.OptionalFeature.ExportDeletionThreshold False: accidental-delete protection is off'],
      });
      const zero = snapshot('SYNC02', true, { config: config('SYNC02', true, { 'Microsoft.OptionalFeature.ExportDeletionThresholdValue': '0' }) });
      expect(row(healthyInput({ staging: zero }), 'delete-protection').evidence).toEqual(['staging Microsoft.OptionalFeature.ExportDeletionThresholdValue 0: no threshold']);
      const noConfig = snapshot('SYNC02', true, { config: undefined });
      expect(row(healthyInput({ staging: noConfig }), 'delete-protection')).toMatchObject({ status: 'unsatisfied', evidence: ['staging configuration (MV.xml) missing'] });
    });
  });

  describe('exports-verified', () => {
    it('is contradicted over the threshold', () => {
      const over = summary('contoso.onmicrosoft.com - AAD', 612, true);
      const exports = exportsReport({ connectors: [over], threshold: over.threshold });
      expect(row(healthyInput({ exports }), 'exports-verified')).toMatchObject({
        status: 'contradicted',
        evidence: ['1 export file(s) in the staging snapshot, captured with its configuration', 'contoso.onmicrosoft.com - AAD: 612 deletes, over the limit of 500 (from the snapshot configuration)', 'no risky changes'],
      });
    });

    it('cannot be satisfied, nor contradicted, on a configured threshold that cannot be read', () => {
      const base = summary('contoso.onmicrosoft.com - AAD', 612);
      const unreadable = 'snapshots/SYNC02/config/GlobalSettings/MV.xml: Microsoft.OptionalFeature.ExportDeletionThresholdValue "lots" is not a whole number';
      const threshold = { limit: 500, source: 'default' as const, deletes: 612, exceeded: true, applies: true, unreadable };
      const connector = { ...base, threshold };
      expect(row(healthyInput({ exports: exportsReport({ connectors: [connector], threshold }) }), 'exports-verified')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          '1 export file(s) in the staging snapshot, captured with its configuration',
          `contoso.onmicrosoft.com - AAD: 612 deletes, not judged: the snapshot configuration's accidental-delete threshold cannot be read (${unreadable}); over the default limit of 500`,
          'no risky changes',
        ],
      });
    });

    it('names each connector judged by the threshold, and says when its kind was unknown', () => {
      const known = summary('contoso.onmicrosoft.com - AAD', 500);
      const unknown = { ...summary('export', 12), isEntraConnector: false, connectorKind: { kind: 'unknown' as const, source: 'none' as const, note: 'connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json' } };
      const exports = exportsReport({ connectors: [known, unknown] });
      expect(row(healthyInput({ exports }), 'exports-verified').evidence[1]).toBe(
        'contoso.onmicrosoft.com - AAD: 500 deletes, within the limit of 500 (from the snapshot configuration); export: 12 deletes, within the limit of 500 (from the snapshot configuration) (connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json)',
      );
      const over = { ...unknown, threshold: { ...unknown.threshold, deletes: 6939, exceeded: true } };
      expect(row(healthyInput({ exports: exportsReport({ connectors: [known, over], threshold: over.threshold }) }), 'exports-verified')).toMatchObject({
        status: 'contradicted',
        evidence: [
          '1 export file(s) in the staging snapshot, captured with its configuration',
          'export: 6,939 deletes, over the limit of 500 (from the snapshot configuration) (connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json)',
          'no risky changes',
        ],
      });
    });

    it('needs each risky kind acknowledged with a reason', () => {
      const risky = [
        { kind: 'anchor-flip' as const, count: 4, examples: [] },
        { kind: 'sensitive-attribute' as const, attribute: 'userPrincipalName', count: 2, examples: [] },
      ];
      const exports = exportsReport({ risky });
      const open = row(healthyInput({ exports }), 'exports-verified');
      expect(open.status).toBe('contradicted');
      expect(open.evidence.slice(2)).toEqual(['risky anchor-flip (4 objects) not acknowledged', 'risky sensitive-attribute userPrincipalName (2 objects) not acknowledged']);
      const acks = '- [x] ack risky anchor-flip: HR re-hires\n- [x] ack risky sensitive-attribute userPrincipalName: UPN suffix move';
      const acked = row(withRunbook(runbook(ALL_TICKED, acks), { exports }), 'exports-verified');
      expect(acked.status).toBe('satisfied');
      expect(acked.evidence.slice(2)).toEqual(['risky anchor-flip (4) acknowledged on line 20: HR re-hires', 'risky sensitive-attribute userPrincipalName (2) acknowledged on line 21: UPN suffix move']);
      const noReason = row(withRunbook(runbook(ALL_TICKED, '- [x] ack risky anchor-flip\n- [x] ack risky sensitive-attribute: all'), { exports }), 'exports-verified');
      expect(noReason.evidence.slice(2)).toEqual(['risky anchor-flip (4 objects) not acknowledged', 'risky sensitive-attribute userPrincipalName (2) acknowledged on line 21: all']);
    });

    it('fails closed without export files, and ties outside files to a capture time', () => {
      expect(row(healthyInput({ exports: undefined }), 'exports-verified')).toMatchObject({ status: 'unsatisfied', evidence: ['no pending-export files for the staging server (csexport /f:x)'] });
      const viaApi = exportsReport({ files: ['contoso/ops@abc1234:snapshots/SYNC02/exports/aad.xml.gz'] });
      expect(row(healthyInput({ exports: viaApi }), 'exports-verified').evidence[0]).toBe('1 export file(s) in the staging snapshot, captured with its configuration');
      const outside = exportsReport({ files: ['elsewhere/aad.xml'] });
      expect(row(healthyInput({ exports: outside }), 'exports-verified').evidence[0]).toBe(
        'export files are outside the staging snapshot and their capture time is unknown: they cannot be tied to the configuration snapshot',
      );
      expect(row(healthyInput({ exports: outside, exportsCapturedAt: '2026-11-24T09:00:00Z' }), 'exports-verified')).toMatchObject({ status: 'contradicted' });
      expect(row(healthyInput({ exports: outside, exportsCapturedAt: '2026-11-24T09:00:00Z' }), 'exports-verified').evidence[0]).toBe(
        'export files captured 2026-11-24T09:00:00Z, before the configuration snapshot (2026-11-24T10:00:00Z)',
      );
      expect(row(healthyInput({ exports: outside, exportsCapturedAt: '2026-11-24T10:30:00Z' }), 'exports-verified').status).toBe('satisfied');
      expect(row(healthyInput({ exports: undefined, unreadable: { exports: 'aad.xml:1:5: not XML' } }), 'exports-verified')).toMatchObject({
        status: 'unsatisfied',
        evidence: ['pending exports unreadable: aad.xml:1:5: not XML'],
      });
    });

    it('judges the files that were read beside one that was not: unsatisfied, or contradicted by what the others show', () => {
      const unreadable = { exports: 'snapshots/SYNC02/exports/ad.xml:1:5: not XML' };
      expect(row(healthyInput({ unreadable }), 'exports-verified')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'pending exports unreadable: snapshots/SYNC02/exports/ad.xml:1:5: not XML',
          '1 export file(s) in the staging snapshot, captured with its configuration',
          'contoso.onmicrosoft.com - AAD: 3 deletes, within the limit of 500 (from the snapshot configuration)',
          'no risky changes',
        ],
      });
      const over = summary('contoso.onmicrosoft.com - AAD', 700, true);
      const exceeded = exportsReport({ connectors: [over], threshold: over.threshold });
      expect(row(healthyInput({ unreadable, exports: exceeded }), 'exports-verified')).toMatchObject({
        status: 'contradicted',
        evidence: [
          'pending exports unreadable: snapshots/SYNC02/exports/ad.xml:1:5: not XML',
          '1 export file(s) in the staging snapshot, captured with its configuration',
          'contoso.onmicrosoft.com - AAD: 700 deletes, over the limit of 500 (from the snapshot configuration)',
          'no risky changes',
        ],
      });
    });

    it('cannot be satisfied by a stale staging snapshot, and still reports its exports', () => {
      const staging = snapshot('SYNC02', true, { manifest: { server: 'SYNC02', role: 'staging', capturedAt: '2026-11-22T10:00:00.000Z' } });
      expect(row(healthyInput({ staging }), 'exports-verified')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'staging snapshot captured 2026-11-22T10:00:00Z is stale: 50 h old, over the 24 h limit, so it cannot satisfy this item',
          '1 export file(s) in the staging snapshot, captured with its configuration',
          'contoso.onmicrosoft.com - AAD: 3 deletes, within the limit of 500 (from the snapshot configuration)',
          'no risky changes',
        ],
      });
    });
  });

  describe('no-drift', () => {
    it('needs every difference acknowledged by id, and reports unknown ids', () => {
      const report = drift([difference('d-aaaaaaaaaa'), difference('d-bbbbbbbbbb')]);
      const open = row(healthyInput({ drift: report }), 'no-drift');
      expect(open).toMatchObject({ status: 'contradicted' });
      expect(open.evidence).toEqual([
        '2 difference(s) not acknowledged: d-aaaaaaaaaa (settings: Microsoft.Synchronize.TimeInterval value), d-bbbbbbbbbb (settings: Microsoft.Synchronize.TimeInterval value)',
      ]);
      const acks = '- [x] ack drift d-aaaaaaaaaa: interval tuned\n- [x] ack drift D-BBBBBBBBBB: same\n- [x] ack drift d-cccccccccc: typo';
      const acked = row(withRunbook(runbook(ALL_TICKED, acks), { drift: report }), 'no-drift');
      expect(acked).toMatchObject({ status: 'satisfied', evidence: ['2 of 2 difference(s) acknowledged', 'line 22 acknowledges unknown drift id d-cccccccccc'] });
    });

    it('cannot be satisfied by a report from stale snapshots', () => {
      expect(row(healthyInput({ now: new Date('2026-11-25T12:00:00Z') }), 'no-drift')).toMatchObject({
        status: 'unsatisfied',
        evidence: [
          'active snapshot captured 2026-11-24T10:00:00Z is stale: 26 h old, over the 24 h limit, so it cannot satisfy this item',
          'staging snapshot captured 2026-11-24T10:00:00Z is stale: 26 h old, over the 24 h limit, so it cannot satisfy this item',
          'no configuration drift between the servers',
        ],
      });
    });

    it('stays contradicted by the differences stale or undated snapshots show', () => {
      const six = drift(['d-0000000001', 'd-0000000002', 'd-0000000003', 'd-0000000004', 'd-0000000005', 'd-0000000006'].map((id) => difference(id)));
      const stale = row(healthyInput({ drift: six, now: new Date('2026-11-30T10:00:00Z') }), 'no-drift');
      expect(stale.status).toBe('contradicted');
      expect(stale.evidence).toEqual([
        'active snapshot captured 2026-11-24T10:00:00Z is stale: 144 h old, over the 24 h limit, so it cannot satisfy this item',
        'staging snapshot captured 2026-11-24T10:00:00Z is stale: 144 h old, over the 24 h limit, so it cannot satisfy this item',
        '6 difference(s) not acknowledged: d-0000000001 (settings: Microsoft.Synchronize.TimeInterval value), d-0000000002 (settings: Microsoft.Synchronize.TimeInterval value), d-0000000003 (settings: Microsoft.Synchronize.TimeInterval value), d-0000000004 (settings: Microsoft.Synchronize.TimeInterval value), d-0000000005 (settings: Microsoft.Synchronize.TimeInterval value) and 1 more',
      ]);
      // Bare Get-ADSyncServerConfiguration folders: no snapshot.json, no capture time.
      const bare = (server: string, staging: boolean) => snapshot(server, staging, { bare: true, manifest: undefined });
      const undated = row(healthyInput({ primary: bare('SYNC01', false), staging: bare('SYNC02', true), drift: six }), 'no-drift');
      expect(undated.status).toBe('contradicted');
      expect(undated.evidence.slice(0, 2)).toEqual([
        'active snapshot snapshots/SYNC01 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
        'staging snapshot snapshots/SYNC02 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
      ]);
      expect(undated.evidence[2]).toMatch(/^6 difference\(s\) not acknowledged: /);
      const acknowledged = row(
        healthyInput({ drift: six, now: new Date('2026-11-30T10:00:00Z'), runbook: { path: 'r.md', text: runbook(ALL_TICKED, six.differences.map((d) => `- [x] ack drift ${d.id}: expected`).join('\n')) } }),
        'no-drift',
      );
      expect(acknowledged).toMatchObject({ status: 'unsatisfied' });
      expect(acknowledged.evidence.at(-1)).toBe('6 of 6 difference(s) acknowledged');
    });

    it('fails closed without a report or with an incomplete one', () => {
      expect(row(healthyInput({ drift: undefined }), 'no-drift')).toMatchObject({ status: 'unsatisfied', evidence: ['no drift report (both server configurations are needed)'] });
      expect(row(healthyInput({ drift: { ...drift(), missing: ['staging config/Connectors'] } }), 'no-drift')).toMatchObject({
        status: 'unsatisfied',
        evidence: ['configuration incomplete: staging config/Connectors missing', 'no configuration drift between the servers'],
      });
    });
  });

  it('lists checklist notes: acks without a reason, duplicate and unknown ids', () => {
    const result = evaluatePrerequisites(withRunbook(runbook(ALL_TICKED, '- [x] ack drift d-1\n- [x] typo `one-actve`\n- [x] again `no-drift`\n- [ ] later `switch-order`')));
    expect(result.notes).toEqual([
      'line 20: acknowledgement without a reason is not an acknowledgement',
      'id `no-drift` appears 2 times (lines 18, 22)',
      'line 21: item id `one-actve` matches no prerequisite',
    ]);
    expect(evaluatePrerequisites(healthyInput()).notes).toBeUndefined();
  });

  describe('checklist traps through the gate', () => {
    it('does not count items in code fences or comments, and needs every copy of a duplicate ticked', () => {
      const text = runbook(ALL_TICKED.filter((id) => id !== 'health-agent'), '```\n- [x] health `health-agent`\n```\n<!--\n- [x] health `health-agent`\n-->');
      expect(row(withRunbook(text), 'health-agent')).toMatchObject({ status: 'unsatisfied', ticked: false });
      const duplicate = row(withRunbook(runbook(ALL_TICKED, '- [ ] again `one-active`')), 'one-active');
      expect(duplicate).toMatchObject({ status: 'unsatisfied', ticked: false });
      expect(duplicate.evidence[0]).toBe('item `one-active` appears 2 times (lines 12, 20): counted as ticked only when every copy is');
    });
  });
});

describe('evaluatePrerequisites: post-switch', () => {
  const POST = ['switch-order', 'never-two-active', 'first-export', 'post-checks'];
  const postRunbook = (ticked = POST) =>
    `---\nstage: post-switch\nactive: {server: SYNC01, snapshot: pre/SYNC01}\nstaging: {server: SYNC02, snapshot: pre/SYNC02}\nafter: {old-active: post/SYNC01, new-active: post/SYNC02}\n---\n${POST.map((id) => `- [${ticked.includes(id) ? 'x' : ' '}] ${id} \`${id}\``).join('\n')}\n`;
  const at = (snap: ReturnType<typeof snapshot>, capturedAt: string) => ({ ...snap, manifest: { ...snap.manifest, capturedAt } });
  const exportRun = (result: string, end = '2026-11-24T11:30:00Z') => run('contoso.onmicrosoft.com - AAD', 'Export', end, result);
  const postInput = (overrides: Partial<GateInput> = {}): GateInput => ({
    runbook: { path: 'runbooks/failover.md', text: postRunbook() },
    primary: at(snapshot('SYNC01', false), '2026-11-24T09:00:00Z'),
    staging: at(snapshot('SYNC02', true), '2026-11-24T09:05:00Z'),
    after: {
      oldActive: at(snapshot('SYNC01', true), '2026-11-24T11:00:00Z'),
      newActive: at(snapshot('SYNC02', false, { runHistory: [exportRun('success')] }), '2026-11-24T11:45:00Z'),
    },
    now: NOW,
    ...overrides,
  });

  it('passes when the old active went to staging first and the first export succeeded', () => {
    const result = evaluatePrerequisites(postInput());
    expect(result).toMatchObject({ stage: 'post-switch', ok: true, title: '4 of 4 prerequisites satisfied' });
    expect(result.prerequisites.map((p) => [p.id, p.status, p.evidence])).toEqual([
      ['switch-order', 'satisfied', ['SYNC01 in staging mode at 2026-11-24T11:00:00Z', 'SYNC02 active at 2026-11-24T11:45:00Z', 'SYNC01 was switched to staging mode before SYNC02 went active']],
      ['never-two-active', 'satisfied', ['4 snapshots in capture order: never more than one active server']],
      ['first-export', 'satisfied', ['first Export after 2026-11-24T09:05:00Z: contoso.onmicrosoft.com - AAD at 2026-11-24T11:25:00Z, result success']],
      ['post-checks', 'satisfied', ['ticked by a person on line 10 (manual item: no evidence file)']],
    ]);
  });

  it('judges undated snapshots after the switch on their modes, and cannot tell their order', () => {
    const undated = (snap: ReturnType<typeof snapshot>) => ({ ...snap, manifest: { server: snap.manifest!.server } });
    const after = { oldActive: undated(snapshot('SYNC01', true)), newActive: undated(snapshot('SYNC02', true, { runHistory: [exportRun('success')] })) };
    const order = evaluatePrerequisites(postInput({ after })).prerequisites[0]!;
    expect(order).toMatchObject({ id: 'switch-order', status: 'contradicted' });
    expect(order.evidence).toEqual([
      'old active (after switch) snapshot snapshots/SYNC01 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
      'new active (after switch) snapshot snapshots/SYNC02 has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item',
      'SYNC01 in staging mode',
      'SYNC02 snapshot after the switch is still in staging mode',
      "the order of SYNC01's and SYNC02's snapshots cannot be told without both capture times",
    ]);
  });

  it('is contradicted when the new active snapshot predates the old active\'s staging snapshot', () => {
    const after = { oldActive: at(snapshot('SYNC01', true), '2026-11-24T11:50:00Z'), newActive: at(snapshot('SYNC02', false, { runHistory: [exportRun('success')] }), '2026-11-24T11:45:00Z') };
    const result = evaluatePrerequisites(postInput({ after }));
    expect(result.prerequisites[0]!.status).toBe('contradicted');
    expect(result.prerequisites[0]!.evidence.at(-1)).toBe("SYNC01's staging-mode snapshot (2026-11-24T11:50:00Z) is not earlier than SYNC02's active snapshot (2026-11-24T11:45:00Z): the order cannot be shown");
    expect(result.prerequisites[1]).toMatchObject({
      status: 'contradicted',
      evidence: ['two active servers at 2026-11-24T11:45:00Z: SYNC01 before the switch (2026-11-24T09:00:00Z) and SYNC02 after the switch (2026-11-24T11:45:00Z)'],
    });
  });

  it('is contradicted when the old active is still active after the switch', () => {
    const after = { oldActive: at(snapshot('SYNC01', false), '2026-11-24T11:00:00Z'), newActive: postInput().after!.newActive };
    const result = evaluatePrerequisites(postInput({ after }));
    expect(result.prerequisites[0]!.evidence[0]).toBe('SYNC01 snapshot after the switch is not in staging mode');
    expect(result.prerequisites[1]!.status).toBe('contradicted');
  });

  it('is contradicted when the first export stopped on the deletion threshold', () => {
    const newActive = at(snapshot('SYNC02', false, { runHistory: [exportRun('stopped-deletion-threshold-exceeded'), exportRun('success', '2026-11-24T11:40:00Z')] }), '2026-11-24T11:45:00Z');
    const result = row(postInput({ after: { ...postInput().after, newActive } }), 'first-export');
    expect(result).toMatchObject({
      status: 'contradicted',
      evidence: ['first Export after 2026-11-24T09:05:00Z: contoso.onmicrosoft.com - AAD at 2026-11-24T11:25:00Z, result stopped-deletion-threshold-exceeded'],
    });
    const adFirst = at(snapshot('SYNC02', false, { runHistory: [run('contoso.com', 'Export', '2026-11-24T10:00:00Z'), exportRun('stopped-deletion-threshold-exceeded')] }), '2026-11-24T11:45:00Z');
    expect(row(postInput({ after: { ...postInput().after, newActive: adFirst } }), 'first-export').status).toBe('contradicted');
    const unnamed = at(snapshot('SYNC02', false, { runHistory: [{ connectorName: 'X', runProfileName: 'Export', result: 'success', startDate: '2026-11-24T10:00:00Z' }] }), '2026-11-24T11:45:00Z');
    expect(row(postInput({ after: { ...postInput().after, newActive: unnamed } }), 'first-export').evidence).toEqual([
      "the Entra ID connector cannot be told from the run history: every connector's exports are judged",
      'first Export after 2026-11-24T09:05:00Z: X at 2026-11-24T10:00:00Z, result success',
    ]);
    const none = at(snapshot('SYNC02', false, { runHistory: [run('AAD', 'Export', '2026-11-24T08:00:00Z')] }), '2026-11-24T11:45:00Z');
    expect(row(postInput({ after: { ...postInput().after, newActive: none } }), 'first-export').evidence).toEqual(['SYNC02 run history shows no Export run after 2026-11-24T09:05:00Z']);
  });

  it('fails closed without the snapshots after the switch, and unticked items stay unsatisfied', () => {
    const result = evaluatePrerequisites(postInput({ after: undefined }));
    expect(result.prerequisites.map((p) => p.status)).toEqual(['unsatisfied', 'unsatisfied', 'unsatisfied', 'satisfied']);
    expect(result.prerequisites[0]!.evidence).toEqual(['old active (after switch) snapshot not given', 'new active (after switch) snapshot not given']);
    expect(result.prerequisites[2]!.evidence).toEqual(['new active server run-history.json missing']);
    expect(evaluatePrerequisites(postInput({ runbook: { path: 'r.md', text: postRunbook(['switch-order']) } })).title).toBe('1 of 4 prerequisites satisfied');
    expect(evaluatePrerequisites(postInput({ unreadable: { newActive: 'post/SYNC02/snapshot.json: not valid JSON' } })).prerequisites[0]!.evidence[0]).toBe(
      'new active snapshot after the switch unreadable: post/SYNC02/snapshot.json: not valid JSON',
    );
  });
});
