/**
 * Ctrl-C during `syncstage impact` (the built CLI, a real process): the temporary files that hold the active
 * server's export details (names, UPNs, values; unredacted) and the CSV rows leave nothing in the temp folder.
 * The child gets a private TMPDIR so what it leaves there can be listed. Linux only: the test watches the child's
 * open files in /proc to interrupt it once it is reading (no fixed sleep).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCsExportPair } from '../../scripts/generate.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'syncstage-e2e-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generatedPair(objects: number): Promise<{ active: string; staging: string }> {
  const roots = { active: path.join(work, 'active'), staging: path.join(work, 'staging') };
  for (const [role, root] of Object.entries(roots)) {
    mkdirSync(path.join(root, 'exports'), { recursive: true });
    writeFileSync(path.join(root, 'snapshot.json'), JSON.stringify({ server: role === 'active' ? 'SYNC01' : 'SYNC02', role, exports: { 'aad.xml': 'contoso.onmicrosoft.com - AAD' } }));
  }
  await writeCsExportPair({ active: path.join(roots.active, 'exports/aad.xml'), staging: path.join(roots.staging, 'exports/aad.xml') }, { objects, seed: 5 });
  return roots;
}

/** The child's open files whose path names a syncstage temporary folder (deleted or not). */
function openSpools(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => /syncstage-(impact|csv)-/.test(target));
  } catch {
    return [];
  }
}

describe.skipIf(!existsSync('/proc/self/fd'))('syncstage impact interrupted (built CLI, Linux)', () => {
  it('removes its temporary files on SIGINT: exit 130, nothing left in its TMPDIR, nothing on stdout', async () => {
    const pair = await generatedPair(10_000);
    const privateTmp = mkdtempSync(path.join(work, 'tmp-'));
    const child = spawn(process.execPath, [CLI, 'impact', '--active', pair.active, '--staging', pair.staging, '--format', 'csv'], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: privateTmp, TMP: privateTmp, TEMP: privateTmp },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    let exited = false;
    void closed.then(() => (exited = true));

    // Interrupt once the detail spool is open: the active server's export is being read into it.
    let spools: string[] = [];
    while (!exited && !spools.some((target) => target.includes('syncstage-impact-'))) {
      spools = openSpools(child.pid as number);
      await delay(5);
    }
    expect(exited).toBe(false);
    child.kill('SIGINT');
    const { code, signal } = await closed;

    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).toContain('syncstage: interrupted (SIGINT); temporary files removed');
    expect(stdout).toBe('');
    expect(spools.every((target) => target.startsWith(privateTmp))).toBe(true);
    expect(readdirSync(privateTmp)).toEqual([]);
  }, 120_000);
});
