import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { loadServerSnapshot, snapshotExpectations } from '../../src/snapshot/load.js';
import { removeCopies } from '../config/helpers.js';

const repo = new DiskFileSource(process.cwd());
const temps: string[] = [];
afterAll(async () => {
  await removeCopies();
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function snapshotDir(files: Record<string, string>, withConfig = 'examples/staging/config'): Promise<{ source: DiskFileSource; root: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'syncstage-snapshot-'));
  temps.push(dir);
  if (withConfig) await cp(withConfig, path.join(dir, 'config'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return { source: new DiskFileSource(dir), root: '' };
}

describe('loadServerSnapshot', () => {
  it('reads the primary example snapshot: manifest, config, scheduler, run history; lists what is missing', async () => {
    const snapshot = await loadServerSnapshot(repo, 'examples/primary');
    expect(snapshot.bare).toBe(false);
    expect(snapshot.manifest).toEqual({
      server: 'SYNC01',
      role: 'active',
      capturedAt: '2026-11-24T07:20:00.000Z',
      connectVersion: '2.4.27.0',
      exports: { 'contoso.onmicrosoft.com - AAD.xml': 'contoso.onmicrosoft.com - AAD', 'contoso.com.xml': 'contoso.com' },
    });
    expect(snapshot.exportFiles.map((ref) => ref.connector)).toEqual(['contoso.com', 'contoso.onmicrosoft.com - AAD']);
    expect(snapshot.config?.connectVersion).toBe('2.4.27.0');
    expect(Object.keys(snapshot.config?.rules ?? {})).toHaveLength(64);
    expect(snapshot.scheduler).toMatchObject({ stagingModeEnabled: false, syncCycleEnabled: true, currentlyEffectiveSyncCycleInterval: 1800, nextSyncCycleStartTimeInUTC: '2026-11-24T07:50:00.000Z' });
    expect(snapshot.runHistory).toHaveLength(6);
    expect(snapshot.runHistory?.[0]).toMatchObject({ runProfileName: 'Export', result: 'success', startDate: '2026-11-24T06:55:00.000Z' });
    expect(snapshot.missing).toEqual(['settings/*.json']);
    expect(snapshot.stagingModeConflict).toBeUndefined();
  });

  it('reads a bare Get-ADSyncServerConfiguration folder', async () => {
    const snapshot = await loadServerSnapshot(repo, 'test/fixtures/contoso-server-config');
    expect(snapshot).toMatchObject({ bare: true, exportFiles: [], missing: [] });
    expect(snapshot.config?.server).toBe('CONTOSO-SYNC01');
  });

  it('lists every part that is absent, never guesses', async () => {
    const { source, root } = await snapshotDir({ 'snapshot.json': '{"server":"SYNC02","role":"staging"}' }, '');
    const snapshot = await loadServerSnapshot(source, root);
    expect(snapshot.missing).toEqual(['config/', 'settings/*.json', 'scheduler.json', 'run-history.json']);
    expect(snapshot.config).toBeUndefined();
  });

  it('exposes MV.xml StagingMode and the scheduler disagreeing', async () => {
    const { source, root } = await snapshotDir({ 'scheduler.json': '{"StagingModeEnabled": false, "SyncCycleEnabled": true}' });
    const snapshot = await loadServerSnapshot(source, root);
    expect(snapshot.stagingModeConflict).toEqual({ globalSetting: 'True', scheduler: false });
    expect(snapshotExpectations(snapshot, 'staging')).toEqual([expect.objectContaining({ name: 'StagingModeConsistent', server: 'staging', ok: false })]);
  });

  it('keeps the settings JSON leniently and reports its missing keys', async () => {
    const { source, root } = await snapshotDir({
      'settings/Exported-SynchronizationPolicy-20261124.json': JSON.stringify({ policyMetadata: { type: 'Exported', author: 'x' }, onpremisesDirectoryPolicy: [], somethingNew: { a: 1 } }),
    });
    const snapshot = await loadServerSnapshot(source, root);
    expect(snapshot.config?.settings?.['Exported-SynchronizationPolicy-20261124.json']).toMatchObject({ somethingNew: { a: 1 } });
    expect(snapshot.missing).toEqual([
      'snapshot.json',
      'settings/Exported-SynchronizationPolicy-20261124.json: deploymentMetadata',
      'settings/Exported-SynchronizationPolicy-20261124.json: azureDirectoryPolicy',
      'settings/Exported-SynchronizationPolicy-20261124.json: policyMetadata.azureADConnectVersion',
      'scheduler.json',
      'run-history.json',
    ]);
  });

  it('bad JSON is an InputError with the file, line and column', async () => {
    const { source, root } = await snapshotDir({ 'scheduler.json': '{\n  "SyncCycleEnabled": true,\n}' });
    await expect(loadServerSnapshot(source, root)).rejects.toThrow(/^scheduler\.json:3:1: not valid JSON/);
  });

  it('a missing folder is an InputError', async () => {
    await expect(loadServerSnapshot(repo, 'examples/nope')).rejects.toThrow(/^examples\/nope: no such folder/);
  });
});
