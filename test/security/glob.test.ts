/**
 * Issue 15 item 8: globs from PR-controlled text (a runbook's `staging.exports`, a command's `exports=`) are matched
 * in linear time and bounded; a refused glob fails the gate naming it.
 */
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { afterEach, describe, expect, it } from 'vitest';
import { compileGlob, MAX_GLOB_LENGTH, MAX_GLOB_WILDCARDS } from '../../src/files/glob.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { runCli } from '../support/cli.js';
import { put, removeWorkspaces, workspace } from '../hostile/support.js';
import { timeCase } from './linear-time.js';

afterEach(removeWorkspaces);

const PRE = fileURLToPath(new URL('../fixtures/gate/pre', import.meta.url));

const PATHS = [
  'a.xml', '.hidden.xml', 'exports/aad.xml', 'exports/AAD.XML', 'exports/sub/ad.xml', 'exports/.x/ad.xml', 'snap/SYNC02 {staging}/exports/a.xml',
  'snap/SYNC02/exports/a.xml.gz', 'x/y/z/a.xml', 'exports/b1.xml', 'exports/bx.xml', 'exports/[a].xml', 'runbooks/2026/failover.md', 'a/b', 'a',
];
const PATTERNS = [
  '*.xml', '**/*.xml', 'exports/*.xml', 'exports/**', '**', 'exports/b?.xml', 'exports/b[0-9].xml', 'exports/b[!0-9].xml', 'exports/b[^0-9].xml', 'exports/{aad,b1}.xml',
  'snap/*/exports/*.{xml,xml.gz}', 'snap/SYNC02 {staging}/exports/*.xml', 'x/**/a.xml', '**/a.xml', 'a/**', '*', 'exports/*', 'runbooks/**/*.md',
];

describe('compileGlob', () => {
  it('agrees with picomatch on the globs syncstage documents', () => {
    for (const pattern of PATTERNS) {
      for (const dot of [false, true]) {
        const ours = compileGlob(pattern, { dot });
        const theirs = picomatch(pattern, { dot });
        for (const file of PATHS) expect([pattern, dot, file, ours(file)]).toEqual([pattern, dot, file, theirs(file)]);
      }
    }
  });

  it('matches case-insensitively on request (runbook globs)', () => {
    expect(compileGlob('runbooks/**/*.md', { nocase: true, dot: true })('Runbooks/2026/.Failover.MD')).toBe(true);
    expect(compileGlob('runbooks/**/*.md')('Runbooks/2026/Failover.MD')).toBe(false);
  });

  it('*a*a*a*a*a*a*a*a*a*a*.xml against a 50-character name: answered at once (was minutes)', () => {
    const match = compileGlob('*a*a*a*a*a*a*a*a*a*a*.xml');
    const start = performance.now();
    expect(match('a'.repeat(50))).toBe(false);
    expect(match(`${'a'.repeat(49)}.xml`)).toBe(true);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('the same glob against a 1 MiB name runs in linear time', { timeout: 90_000 }, async () => {
    const timing = await timeCase(fileURLToPath(new URL('./regex-cases.ts', import.meta.url)), 'glob: *a*a*a*a*a*a*a*a*a*a*.xml against a long name');
    expect(timing.elapsedMs, `${timing.elapsedMs.toFixed(0)} ms, budget ${timing.budgetMs.toFixed(0)} ms`).toBeLessThan(timing.budgetMs);
  });

  it('refuses globs over the limits, naming them', () => {
    const long = `${'a'.repeat(MAX_GLOB_LENGTH)}*.xml`;
    expect(() => compileGlob(long)).toThrow(/glob refused: 1029 characters, over the 1024-character limit/);
    const stars = `${'*a'.repeat(MAX_GLOB_WILDCARDS + 1)}.xml`;
    expect(() => compileGlob(stars)).toThrow(`${stars.slice(0, 120)}…: glob refused: 65 wildcards, over the limit of 64`);
    expect(() => compileGlob('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}.xml')).toThrow('glob refused: its {…} alternatives expand to more than 64 patterns');
  });

  it('refuses an over-limit glob from the file sources too', async () => {
    const dir = workspace();
    put(dir, 'exports/a.xml', '<cs-objects/>');
    await expect(new DiskFileSource(dir).list(`exports/${'*a'.repeat(70)}.xml`)).rejects.toThrow(/glob refused: 70 wildcards/);
  });
});

describe('a runbook whose staging.exports glob is refused', () => {
  it('fails the gate, naming the glob (never a skip)', async () => {
    const dir = workspace();
    const glob = `${'*a'.repeat(70)}.xml`;
    put(
      dir,
      'runbook.md',
      `---\nactive: {server: SYNC01, snapshot: ${PRE}/SYNC01}\nstaging: {server: SYNC02, snapshot: ${PRE}/SYNC02, exports: "${glob}"}\n---\n\n- [x] Pending exports verified \`exports-verified\`\n`,
    );
    put(dir, 'x.xml', '<cs-objects/>');
    const run = await runCli(['gate', 'runbook.md', '--now', '2026-11-24T11:00:00Z', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { ok: boolean; prerequisites: { id: string; status: string; evidence: string[] }[] };
    expect(result.ok).toBe(false);
    const exportsVerified = result.prerequisites.find((p) => p.id === 'exports-verified')!;
    expect(exportsVerified.status).not.toBe('satisfied');
    expect(exportsVerified.evidence.join('\n')).toContain(`glob refused: 70 wildcards, over the limit of 64`);
    expect(exportsVerified.evidence.join('\n')).toContain(glob.slice(0, 40));
  });
});
