/**
 * `syncstage verify --runbook` and `syncstage gate`: a runbook that is named but cannot be judged is exit 2 with the
 * file and the reason on stderr, never a report without it. Each reason the gate fails on in GitHub, on disk.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const NOW = ['--now', '2026-11-24T11:00:00Z'];
const EMPTY_EXPORT = '<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n</cs-objects>\n';
let repo: string;

beforeAll(() => {
  repo = tempDir('syncstage-runbooks-');
  mkdirSync(path.join(repo, 'runbooks'));
  mkdirSync(path.join(repo, 'exports'));
  writeFileSync(path.join(repo, 'exports/aad.xml'), EMPTY_EXPORT);
  writeFileSync(path.join(repo, 'runbooks/malformed.md'), '---\nsyncstage: failover\nactive: [SYNC01\n---\n');
  writeFileSync(path.join(repo, 'runbooks/stage.md'), '---\nstage: mid-switch\nactive: {server: SYNC01}\nstaging: {server: SYNC02}\n---\n');
  writeFileSync(path.join(repo, 'runbooks/latin1.md'), Buffer.concat([Buffer.from('---\nsyncstage: failover\n# Umschaltung '), Buffer.from([0xfc]), Buffer.from('ber SYNC02\n---\n')]));
  writeFileSync(path.join(repo, 'runbooks/huge.md'), `---\nsyncstage: failover\n---\n${'x'.repeat(1024 * 1024)}`);
  // A link to a file outside the repository: its content must never be read.
  const outside = path.join(tempDir('syncstage-outside-'), 'secret.yml');
  writeFileSync(outside, 'token: hunter2\n');
  symlinkSync(outside, path.join(repo, 'runbooks/link.md'));
});

const CASES = [
  ['malformed front matter', 'runbooks/malformed.md', 'runbooks/malformed.md:3:16: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ['an unknown stage', 'runbooks/stage.md', 'runbooks/stage.md:2:8: front matter: stage: must be "pre-switch" or "post-switch", got "mid-switch"'],
  ['bytes that are not UTF-8', 'runbooks/latin1.md', "runbooks/latin1.md:3:15: the bytes are not valid UTF-8 (check the file's encoding and its byte-order mark)"],
  ['a file over the size limit', 'runbooks/huge.md', 'runbooks/huge.md: the file is 1048604 bytes, over the 1048576-byte limit for this kind of file'],
  ['a symbolic link', 'runbooks/link.md', 'runbooks/link.md: a symbolic link: syncstage never follows links; commit the file itself'],
  ['a missing file', 'runbooks/nope.md', 'runbooks/nope.md: no such file'],
] as const;

describe('syncstage verify --runbook', () => {
  it.each(CASES)('%s: exit 2, the file and the reason on stderr and in the report', async (_name, runbook, message) => {
    const run = await runCli(['verify', '--exports', 'exports/aad.xml', '--runbook', runbook, ...NOW, '--fail-on', 'none'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.stdout).toContain(runbook);
    expect(run.stdout).not.toContain('hunter2');
  });

  it('a glob that matches nothing: exit 2 naming it, nothing on stdout', async () => {
    const run = await runCli(['verify', '--exports', 'exports/aad.xml', '--runbook', 'runbooks/*-failover.md', ...NOW], { cwd: repo });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'runbooks/*-failover.md: no runbook matches this pattern (--runbook names files that must exist)\n' });
  });

  it('a glob judges every file it matches: one that cannot be judged is exit 2', async () => {
    const run = await runCli(['verify', '--exports', 'exports/aad.xml', '--runbook', 'runbooks/m*.md', ...NOW, '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'not-ready', gates: [], inputErrors: [{ file: 'runbooks/malformed.md', line: 3, column: 16 }] });
  });

  it.each([
    ['--primary', 'snapshots/nope', 'snapshots/nope: no such folder'],
    ['--staging', 'snapshots/nope', 'snapshots/nope: no such folder'],
    ['--exports', 'exports/nope.xml', 'exports/nope.xml: no pending-export file (.xml or .xml.gz) matches this path or pattern'],
  ])('%s %s that resolves to nothing: exit 2 naming it', async (option, value, message) => {
    const run = await runCli(['verify', '--exports', 'exports/aad.xml', option, value, ...NOW, '--fail-on', 'none'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('syncstage gate RUNBOOK', () => {
  it.each(CASES)('%s: exit 2, FILE and reason on stderr, empty stdout', async (_name, runbook, message) => {
    const run = await runCli(['gate', runbook, ...NOW], { cwd: repo });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});
