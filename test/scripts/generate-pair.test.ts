/**
 * `npm run generate` in pair mode honours every option it accepts or refuses it: --utf16 and --gzip encode every
 * file of the pair (as the single mode does), and the base options come together and only with --active-out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AAD = 'contoso.onmicrosoft.com - AAD';

function generate(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function snapshotFolder(root: string, role: 'active' | 'staging', file: string): string {
  mkdirSync(path.join(root, 'exports'), { recursive: true });
  writeFileSync(path.join(root, 'snapshot.json'), JSON.stringify({ server: role === 'active' ? 'SYNC01' : 'SYNC02', role, exports: { [file]: AAD } }));
  return path.join(root, 'exports', file);
}

describe('npm run generate, pair mode', () => {
  it('writes every file gzipped UTF-16 with --utf16 --gzip, and syncstage impact finds the truth it printed', async () => {
    const dir = tempDir();
    const out = {
      staging: snapshotFolder(path.join(dir, 'staging'), 'staging', 'aad.xml.gz'),
      active: snapshotFolder(path.join(dir, 'active'), 'active', 'aad.xml.gz'),
      baseStaging: snapshotFolder(path.join(dir, 'base-staging'), 'staging', 'aad.xml.gz'),
      baseActive: snapshotFolder(path.join(dir, 'base-active'), 'active', 'aad.xml.gz'),
    };
    const run = generate(['--objects', '300', '--seed', '3', '--utf16', '--gzip', '--out', out.staging, '--active-out', out.active, '--base-staging-out', out.baseStaging, '--base-active-out', out.baseActive]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const file of Object.values(out)) {
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      const xml = gunzipSync(bytes);
      expect([...xml.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      expect(xml.subarray(2).toString('utf16le')).toMatch(/^<\?xml version="1\.0" encoding="utf-16"\?>\r\n<cs-objects>/);
    }
    const truth = JSON.parse(run.stdout);
    const impact = await runCli([
      'impact',
      '--active', path.join(dir, 'active'),
      '--staging', path.join(dir, 'staging'),
      '--base-active', path.join(dir, 'base-active'),
      '--base-staging', path.join(dir, 'base-staging'),
      '--format', 'json',
    ]);
    expect(impact.stderr).toBe('');
    const report = JSON.parse(impact.stdout);
    const counts = (classes: Record<string, { count: number }>) => ['stagingOnly', 'same', 'different', 'activeOnly'].map((name) => classes[name]?.count);
    expect(counts(report.switchImpact)).toEqual(counts(truth.classes));
    expect(counts(truth.classes).every((n) => n > 0)).toBe(true);
    expect(report.switchImpact.persistent).toEqual(truth.persistent);
  });

  it('refuses a base option without the other or without --active-out: exit 2, no file written', () => {
    const dir = tempDir();
    const file = (name: string) => path.join(dir, name);
    const withoutActive = generate(['--objects', '10', '--out', file('s.xml'), '--base-staging-out', file('bs.xml')]);
    expect(withoutActive.code).toBe(2);
    expect(withoutActive.stdout).toBe('');
    expect(withoutActive.stderr).toMatch(/^--base-staging-out and --base-active-out are pair mode: they need --active-out \(and --out\)\n/);

    const oneBase = generate(['--objects', '10', '--out', file('s.xml'), '--active-out', file('a.xml'), '--base-staging-out', file('bs.xml')]);
    expect(oneBase.code).toBe(2);
    expect(oneBase.stdout).toBe('');
    expect(oneBase.stderr).toMatch(/^--base-staging-out and --base-active-out go together \(the base snapshots of both servers\)\n/);

    const otherBase = generate(['--objects', '10', '--out', file('s.xml'), '--active-out', file('a.xml'), '--base-active-out', file('ba.xml')]);
    expect(otherBase.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(file('s.xml'))).toBe(false);
  });
});
