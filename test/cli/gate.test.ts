// Runs the real `syncstage gate` over the fixtures in test/fixtures/gate (the shape Collect-SyncstageSnapshot.ps1
// writes). Needs src/snapshot/load.ts, src/config/diff.ts and src/exports/analyze.ts from the other branches.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/cli/common.js';
import type { GateResult } from '../../src/gate/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRE = 'test/fixtures/gate/runbook-pre.md';
const POST = 'test/fixtures/gate/runbook-post.md';
const NOW = ['--now', '2026-11-24T11:00:00Z'];

async function gate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return gateIn(ROOT, ...args);
}

async function gateIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd, stdin: new PassThrough(), env: {}, now: () => new Date('2026-11-24T09:00:00Z') };
  const code = await main(['gate', ...args], io);
  return { code, stdout, stderr };
}

const statuses = (stdout: string) => (JSON.parse(stdout) as GateResult).prerequisites.map((p) => [p.id, p.status]);

describe('syncstage gate', () => {
  it('exits 0 when every prerequisite is satisfied, with the Markdown table', async () => {
    const { code, stdout, stderr } = await gate(PRE, ...NOW);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('### ✅ Failover gate (pre-switch): 8 of 8 prerequisites satisfied');
    expect(stdout).toContain('| ✅ satisfied | `one-active`');
  });

  it('lists every prerequisite with id, status and evidence in JSON', async () => {
    const { code, stdout } = await gate(PRE, ...NOW, '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as GateResult;
    expect(result).toMatchObject({ schemaVersion: 1, stage: 'pre-switch', runbook: PRE, ok: true, satisfied: 8, total: 8 });
    for (const prerequisite of result.prerequisites) expect(prerequisite.evidence.length).toBeGreaterThan(0);
    expect(result.prerequisites.find((p) => p.id === 'exports-verified')!.evidence).toEqual([
      '1 export file(s) in the staging snapshot, captured with its configuration',
      'contoso.onmicrosoft.com - AAD: 0 deletes, within the limit of 500 (from the snapshot configuration)',
      'no risky changes',
    ]);
  });

  it('judges at the injected clock without --now, never the wall clock', async () => {
    // The test's clock says 2026-11-24T09:00:00Z: the fixture snapshots (10:00Z) are 1 h in its future.
    const { code, stdout } = await gate(PRE, '--format', 'json');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as GateResult).prerequisites.find((p) => p.id === 'one-active')!.evidence[0]).toBe(
      'active snapshot captured 2026-11-24T10:00:00Z is in the future of the check (2026-11-24T09:00:00Z), so it cannot satisfy this item',
    );
  });

  it('exits 1 on stale snapshots and an old sync, and the limits are options', async () => {
    const late = await gate(PRE, '--now', '2026-11-26T11:00:00Z', '--format', 'json');
    expect(late.code).toBe(1);
    expect(statuses(late.stdout).filter(([, status]) => status === 'satisfied')).toEqual([['health-agent', 'satisfied']]);
    const strict = await gate(PRE, ...NOW, '--max-sync-age', '1', '--format', 'json');
    expect(strict.code).toBe(1);
    expect(statuses(strict.stdout)).toContainEqual(['staging-synced', 'contradicted']);
    const lenient = await gate(PRE, '--now', '2026-11-25T11:00:00Z', '--max-snapshot-age', '48', '--max-sync-age', '48');
    expect(lenient.code).toBe(0);
  });

  it('lets options override the front matter: the staging snapshot as the active one is contradicted', async () => {
    const { code, stdout } = await gate(PRE, ...NOW, '--primary', 'test/fixtures/gate/pre/SYNC02', '--format', 'json');
    expect(code).toBe(1);
    expect(statuses(stdout)).toContainEqual(['one-active', 'contradicted']);
  });

  it('fails closed when a snapshot folder is missing, naming it on stderr', async () => {
    const { code, stdout, stderr } = await gate(PRE, ...NOW, '--staging', 'test/fixtures/gate/nowhere', '--format', 'json');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^syncstage gate: staging evidence unreadable \(the prerequisites resting on it fail closed\): test\/fixtures\/gate\/nowhere: /);
    // The active server's own evidence still holds; everything resting on the staging server fails closed.
    expect(statuses(stdout).filter(([, status]) => status === 'satisfied')).toEqual([
      ['one-active', 'satisfied'],
      ['health-agent', 'satisfied'],
    ]);
  });

  it('run from another folder, says which directory the front-matter paths were resolved against and where they are', async () => {
    const elsewhere = path.join(ROOT, 'test');
    const { code, stderr } = await gateIn(elsewhere, path.join('fixtures', 'gate', 'runbook-pre.md'), ...NOW, '--staging', path.join('fixtures', 'gate', 'pre', 'SYNC02'));
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `syncstage gate: fixtures/gate/runbook-pre.md: active.snapshot "test/fixtures/gate/pre/SYNC01" was resolved against the working directory ${elsewhere} (front-matter paths are relative to the repository root, not to the runbook's folder) and is not there; it exists under ${ROOT}: run syncstage from there (the repository root)`,
    );
    // staging.snapshot was replaced by --staging: no note about it.
    expect(stderr).not.toContain('staging.snapshot');
  });

  it('checks the post-switch stage', async () => {
    const { code, stdout } = await gate(POST, '--now', '2026-11-24T12:00:00Z', '--format', 'json');
    expect(code).toBe(0);
    expect(statuses(stdout)).toEqual([
      ['switch-order', 'satisfied'],
      ['never-two-active', 'satisfied'],
      ['first-export', 'satisfied'],
      ['post-checks', 'satisfied'],
    ]);
  });

  it('exits 2 with FILE:line:col and empty stdout on a bad runbook', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'syncstage-gate-'));
    const file = path.join(dir, 'runbook.md');
    writeFileSync(file, '---\nstage: sideways\nactive: {server: A}\nstaging: {server: B}\n---\n');
    const { code, stdout, stderr } = await gate(file, ...NOW);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`${file}:2:8: front matter: stage: must be "pre-switch" or "post-switch", got "sideways"\n`);
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [[], [PRE, '--now', 'yesterday'], [PRE, '--format', 'csv'], [PRE, '--max-sync-age', '0'], [PRE, '--bogus'], ['test/fixtures/gate/none.md']]) {
      const { code, stdout } = await gate(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
    }
  });
});
