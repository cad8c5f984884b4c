// Collect-SyncstageSnapshot.ps1 has never run here (no PowerShell): these tests hold the fixtures the gate tests use
// to the shape the script writes, so the two cannot drift apart unnoticed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/snapshot/manifest.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = readFileSync(path.join(ROOT, 'scripts/Collect-SyncstageSnapshot.ps1'), 'utf8');
const FIXTURES = ['pre/SYNC01', 'pre/SYNC02', 'post/SYNC01', 'post/SYNC02'].map((folder) => path.join(ROOT, 'test/fixtures/gate', folder));
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('Collect-SyncstageSnapshot.ps1 and the fixtures agree', () => {
  it('says plainly that it has not been run', () => {
    expect(script).toMatch(/NOT RUN: PowerShell and the ADSync module were not available/);
  });

  it('writes the files and manifest keys of formats §5', () => {
    for (const name of ["'snapshot.json'", "'scheduler.json'", "'run-history.json'", "'config'", "'exports'", "'settings'"]) expect(script).toContain(name);
    for (const key of ['server', 'role', 'capturedAt', 'connectVersion', 'exports']) expect(script).toMatch(new RegExp(`^\\s+${key}\\s+= `, 'm'));
    // UTC ISO 8601 in the invariant culture: ':' in a .NET format string is the culture's time separator otherwise.
    expect(script).toContain(`ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", [Globalization.CultureInfo]::InvariantCulture)`);
    expect(script).toContain("'/f:x'");
    expect(script).toContain('Get-ADSyncRunProfileResult -NumberRequested $RunHistoryCount) -Depth 4');
    expect(script).toContain('Get-ADSyncScheduler | ConvertTo-Json');
  });

  it('collects the pending exports on the active server too (the switch impact pairs both servers\' exports)', () => {
    expect(script).toContain('-Role active -Compress');
    // The export loop does not depend on the role.
    const loop = script.slice(script.indexOf('# exports/:'), script.indexOf('# snapshot.json last'));
    expect(loop).toContain('& $csexport $connector.Name $file');
    expect(loop).not.toContain('$Role');
  });

  for (const folder of FIXTURES) {
    const name = path.relative(path.join(ROOT, 'test/fixtures/gate'), folder);
    it(`${name} has the script's layout`, () => {
      const manifest = json(path.join(folder, 'snapshot.json')) as Record<string, unknown>;
      expect(Object.keys(manifest)).toEqual(['server', 'role', 'capturedAt', 'connectVersion', 'exports']);
      expect(manifest.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const parsed = parseManifest(manifest, name);
      expect(readFileSync(path.join(folder, 'config/GlobalSettings/MV.xml'), 'utf8')).toContain(`<saved-mv-configuration server='${parsed.server}'`);
      expect(existsSync(path.join(folder, 'config/Connectors'))).toBe(true);
      expect(existsSync(path.join(folder, 'config/SynchronizationRules'))).toBe(true);

      const scheduler = json(path.join(folder, 'scheduler.json')) as Record<string, unknown>;
      for (const key of ['CurrentlyEffectiveSyncCycleInterval', 'NextSyncCyclePolicyType', 'NextSyncCycleStartTimeInUTC', 'SyncCycleEnabled', 'StagingModeEnabled']) expect(scheduler).toHaveProperty(key);
      expect(scheduler.StagingModeEnabled).toBe(parsed.role === 'staging');

      const history = json(path.join(folder, 'run-history.json')) as Record<string, unknown>[];
      expect(Array.isArray(history)).toBe(true);
      for (const entry of history) {
        expect(Object.keys(entry)).toEqual(['RunHistoryId', 'ConnectorId', 'ConnectorName', 'RunProfileId', 'RunProfileName', 'RunNumber', 'Username', 'IsRunComplete', 'Result', 'CurrentStepNumber', 'TotalSteps', 'StartDate', 'EndDate', 'RunStepResults']);
        expect(entry.StartDate).toMatch(/^\/Date\(\d+\)\/$/);
      }

      const exportsDir = path.join(folder, 'exports');
      const files = existsSync(exportsDir) ? readdirSync(exportsDir).sort() : [];
      expect(Object.keys(parsed.exports ?? {}).sort()).toEqual(files);
      for (const file of files) expect(file).toMatch(/^[A-Za-z0-9._-]+\.xml(\.gz)?$/);
    });
  }
});
