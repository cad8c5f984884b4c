/**
 * Issue 15 item 2: a runbook is a runbook wherever it is. A Markdown file the pull request adds or changes outside
 * the runbook globs is read for its front matter (at most 64 KiB of it) and judged when it says
 * `syncstage: failover`: moving the runbook to `docs/` no longer turns the gate into "no runbook in this PR".
 */
import { Readable } from 'node:stream';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { readActionInputs } from '../../src/github/inputs.js';
import { realActionDeps, realAppDeps } from '../../src/github/real-deps.js';
import { checksOnlyRuntime } from '../github/app-stubs.js';
import { changedRunbookInputs } from '../../src/github/command-inputs.js';
import { classifyCandidate, RUNBOOK_SNIFF_BYTES } from '../../src/verify/runbook-candidates.js';
import { API, fixture, testOctokit, testProbot } from '../github/helpers.js';
import { mockChecks, mockSettingsCommit, mockPullFiles, mockTree, recorder } from '../github/nock-github.js';
import { stubSource } from '../support/file-source.js';
import { actionPullRequest, recordingIO } from '../github/review-fixtures.js';

const NOW = new Date('2026-11-24T20:00:00Z');
const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const EMPTY_EXPORT = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n</cs-objects>\n');
const RUNBOOK = Buffer.from('---\nsyncstage: failover\nactive: {server: SYNC01}\nstaging: {server: SYNC02}\n---\n\n- [x] one-active\n');
const NOTES = Buffer.from('---\ntitle: notes\n---\n# Not a runbook\n');
const FILES: Record<string, Buffer> = { 'docs/failover-2026-11-24.md': RUNBOOK, 'docs/notes.md': NOTES };

function mockHeadTree(owner: string, repo: string): void {
  const entries = [{ path: 'exports/aad.xml', type: 'blob', mode: '100644', sha: 'export0', size: EMPTY_EXPORT.length }];
  nock(API).get(`/repos/${owner}/${repo}/git/blobs/export0`).optionally().reply(200, EMPTY_EXPORT, { 'content-type': 'application/vnd.github.raw' });
  Object.entries(FILES).forEach(([path, bytes], index) => {
    entries.push({ path, type: 'blob', mode: '100644', sha: `md${index}`, size: bytes.length });
    nock(API).get(`/repos/${owner}/${repo}/git/blobs/md${index}`).times(2).optionally().reply(200, bytes, { 'content-type': 'application/vnd.github.raw' });
  });
  mockTree(HEAD, entries, `/repos/${owner}/${repo}`);
}

describe('which changed files are read for a front matter', () => {
  it('Markdown outside the globs only; the globs\' runbooks are named as before', () => {
    expect(changedRunbookInputs(['runbooks/a.md', 'docs/failover.md', 'README.MD', 'src/x.ts', 'docs/y.markdown'], ['runbooks/*.md'])).toEqual({
      runbookFiles: ['runbooks/a.md'],
      runbookCandidates: ['README.MD', 'docs/failover.md', 'docs/y.markdown'],
    });
  });
});

describe('the Action: a runbook moved outside the globs', () => {
  const repository = { name: 'sync', owner: { login: 'contoso' } };
  const payload = { action: 'opened', pull_request: { number: 7, head: { sha: HEAD }, base: { sha: BASE, ref: 'main' } }, repository };

  async function review(listed: string[]): Promise<Record<string, unknown>> {
    mockHeadTree('contoso', 'sync');
    mockTree(BASE, [], '/repos/contoso/sync');
    nock(API).get('/repos/contoso/sync/pulls/7/files').query({ per_page: 100 }).reply(200, listed.map((filename) => ({ filename, status: 'added' })));
    let status: Record<string, unknown> = {};
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`, (body: Record<string, unknown>) => ((status = body), true)).reply(201, {});
    const io = recordingIO({ INPUT_COMMENT: 'off', INPUT_EXPORTS: 'exports/aad.xml', INPUT_RUNBOOKS: 'runbooks/*.md', 'INPUT_FAIL-ON': 'none' });
    await actionPullRequest({ payload, octokit: testOctokit(), log: { info: () => {}, warn: () => {} } }, realActionDeps(io, readActionInputs(io.env), { now: () => NOW }));
    return status;
  }

  it('docs/failover-2026-11-24.md with syncstage: failover is judged (before: "no runbook in this PR")', async () => {
    const status = await review(['docs/failover-2026-11-24.md', 'docs/notes.md']);
    expect(status).toMatchObject({ context: 'syncstage/failover-prerequisites', state: 'failure' });
    expect(status.description).not.toBe('no runbook in this PR');
    expect(status.description).toMatch(/^\d+ of \d+ prerequisites satisfied$/);
  });

  it('a Markdown file without a runbook front matter leaves "no runbook in this PR"', async () => {
    expect(await review(['docs/notes.md'])).toEqual({ context: 'syncstage/failover-prerequisites', state: 'success', description: 'no runbook in this PR' });
  });

  it('a changed Markdown file that cannot be read fails the gate naming it', async () => {
    const status = await review(['docs/gone.md']);
    expect(status).toMatchObject({ state: 'failure', description: expect.stringContaining('cannot judge docs/gone.md') });
    expect(status.description).toContain('could not be read to tell whether it is a failover runbook');
  });
});

describe('the App: a runbook moved outside the globs', () => {
  it('the gate check judges docs/failover-2026-11-24.md', async () => {
    const recorded = recorder();
    mockSettingsCommit('contoso', 'identity-sync', '89e6c98d92887913cadf06b2adb97f26cde4849b', 'exports: exports/aad.xml\nrunbooks: [runbooks/*.md]\n');
    mockPullFiles(42, ['docs/failover-2026-11-24.md']);
    mockHeadTree('contoso', 'identity-sync');
    mockChecks(recorded, 2);
    const probot = testProbot();
    const appDeps = realAppDeps({ now: () => NOW });
    await probot.load(syncstageApp(appDeps, { runtime: checksOnlyRuntime(appDeps) }));
    await probot.receive({ name: 'pull_request', id: crypto.randomUUID(), payload: fixture('pull_request.opened.json') } as never);
    const gate = recorded.checks.find((check) => check.name === 'syncstage/failover-prerequisites');
    expect(gate).toMatchObject({ head_sha: HEAD, conclusion: 'failure', output: { title: expect.stringMatching(/^\d+ of \d+ prerequisites satisfied$/) } });
    expect(gate!.output.summary).toContain('docs/failover-2026-11-24.md');
  });
});

describe('the read is bounded', () => {
  it('a 64 MiB Markdown file is read to at most 64 KiB plus one chunk', async () => {
    let served = 0;
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const source = stubSource({
      open: async () =>
        Readable.from(
          (function* () {
            for (let i = 0; i < 4096; i++) {
              served += chunk.length;
              yield chunk;
            }
          })(),
        ),
      describe: (path: string) => path,
    });
    expect(await classifyCandidate(source, 'docs/huge.md')).toEqual({ kind: 'not-a-runbook' });
    expect(served).toBeLessThanOrEqual(RUNBOOK_SNIFF_BYTES + 2 * chunk.length);
  });

  it('a front matter that does not close within 64 KiB is judged as a runbook (it cannot be told apart)', async () => {
    const text = `---\n${'x: y\n'.repeat(20_000)}`;
    const source = stubSource({ open: async () => Readable.from([Buffer.from(text)]), describe: (path: string) => path });
    expect(await classifyCandidate(source, 'docs/long.md')).toEqual({ kind: 'runbook' });
  });
});
