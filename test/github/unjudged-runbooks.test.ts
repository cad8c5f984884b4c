/**
 * A runbook that cannot be judged fails `syncstage/failover-prerequisites`, in the Action (commit status) and in the
 * App (check run, `/verify-staging`), naming the file and the reason: the real verification over the API at the
 * head SHA, GitHub mocked with nock. "no runbook in this PR" only when no runbook was touched or named.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { readActionInputs } from '../../src/github/inputs.js';
import { realActionDeps, realAppDeps } from '../../src/github/real-deps.js';
import { checksOnlyRuntime } from './app-stubs.js';
import { API, fixture, testOctokit, testProbot } from './helpers.js';
import { mockChecks, mockComment, mockSettingsCommit, mockPermission, mockPull, mockPullFiles, mockReactions, mockTree, recorder } from './nock-github.js';
import { actionPullRequest, recordingIO } from './review-fixtures.js';

const NOW = new Date('2026-11-24T20:00:00Z');
/** The head of the webhook fixtures' pull request 42 (contoso/identity-sync). */
const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';

interface RunbookCase {
  name: string;
  path: string;
  /** The blob's bytes; undefined when the file source refuses before reading it. */
  bytes?: Buffer;
  /** Tree entry fields (mode, size) when they are the point. */
  entry?: { mode?: string; size?: number };
  /** Absent from the tree although the pull request lists it. */
  absent?: boolean;
  /** The gate's one-line description (status) and title (check run). */
  headline: string;
}

const VALID_FRONT_MATTER = '---\nsyncstage: failover\nactive: {server: SYNC01}\nstaging: {server: SYNC02}\n---\n\n- [ ] one-active\n';

const CASES: RunbookCase[] = [
  {
    name: 'malformed front matter',
    path: 'runbooks/malformed.md',
    bytes: Buffer.from('---\nsyncstage: failover\nactive: [SYNC01\n---\n'),
    headline: 'cannot judge runbooks/malformed.md:3:16: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'an unknown stage',
    path: 'runbooks/stage.md',
    bytes: Buffer.from('---\nstage: mid-switch\nactive: {server: SYNC01}\nstaging: {server: SYNC02}\n---\n'),
    headline: 'cannot judge runbooks/stage.md:2:8: front matter: stage: must be "pre-switch" or "post-switch", got "mid-switch"',
  },
  {
    name: 'bytes that are not UTF-8',
    path: 'runbooks/latin1.md',
    bytes: Buffer.concat([Buffer.from('---\nsyncstage: failover\n# Umschaltung '), Buffer.from([0xfc]), Buffer.from('ber SYNC02\n---\n')]),
    headline: "cannot judge runbooks/latin1.md:3:15: the bytes are not valid UTF-8 (check the file's encoding and its byte-order mark)",
  },
  {
    name: 'a file over the runbook size limit',
    path: 'runbooks/huge.md',
    entry: { size: 2 * 1024 * 1024 },
    headline: 'cannot judge runbooks/huge.md: the file is 2097152 bytes, over the 1048576-byte limit for this kind of file',
  },
  {
    name: 'a symbolic link (mode 120000)',
    path: 'runbooks/link.md',
    entry: { mode: '120000', size: 16 },
    headline: 'cannot judge runbooks/link.md: a symbolic link (git mode 120000): syncstage never follows links; commit the file itself',
  },
  {
    name: 'a listed file missing from the tree',
    path: 'runbooks/gone.md',
    absent: true,
    headline: 'cannot judge runbooks/gone.md: no such file at this commit',
  },
];

/** An export file with nothing pending: the review reads it, so no other input is unreadable. */
const EMPTY_EXPORT = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n</cs-objects>\n');

const README = Buffer.from('# syncstage\n\nNot a runbook.\n');

/** The head's tree with the runbooks and an empty export file, their blobs served raw. */
function mockHeadTree(owner: string, repo: string, sha: string, runbooks: RunbookCase[], exportRead = true): void {
  const entries = [
    { path: 'exports/aad.xml', type: 'blob', mode: '100644', sha: 'export0', size: EMPTY_EXPORT.length },
    { path: 'README.md', type: 'blob', mode: '100644', sha: 'readme0', size: README.length },
  ];
  // A changed Markdown file outside the runbook globs is read for a runbook's front matter (issue 15 item 2).
  nock(API).get(`/repos/${owner}/${repo}/git/blobs/readme0`).optionally().reply(200, README, { 'content-type': 'application/vnd.github.raw' });
  if (exportRead) nock(API).get(`/repos/${owner}/${repo}/git/blobs/export0`).reply(200, EMPTY_EXPORT, { 'content-type': 'application/vnd.github.raw' });
  runbooks.forEach((runbook, index) => {
    if (runbook.absent) return;
    const blob = `blob${index}`;
    entries.push({ path: runbook.path, type: 'blob', mode: runbook.entry?.mode ?? '100644', sha: blob, size: runbook.entry?.size ?? runbook.bytes!.length });
    if (runbook.bytes) nock(API).get(`/repos/${owner}/${repo}/git/blobs/${blob}`).reply(200, runbook.bytes, { 'content-type': 'application/vnd.github.raw' });
  });
  mockTree(sha, entries, `/repos/${owner}/${repo}`);
}

describe('the Action: a pull request whose runbook cannot be judged', () => {
  const repository = { name: 'sync', owner: { login: 'contoso' } };
  const payload = { action: 'opened', pull_request: { number: 7, head: { sha: HEAD }, base: { sha: BASE, ref: 'main' } }, repository };

  async function review(runbooks: RunbookCase[], listed: string[]): Promise<{ status: Record<string, unknown>; warnings: string[] }> {
    mockHeadTree('contoso', 'sync', HEAD, runbooks);
    mockTree(BASE, [], '/repos/contoso/sync');
    nock(API)
      .get('/repos/contoso/sync/pulls/7/files')
      .query({ per_page: 100 })
      .reply(200, listed.map((filename) => ({ filename, status: 'added' })));
    let status: Record<string, unknown> = {};
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, (body: Record<string, unknown>) => ((status = body), true))
      .reply(201, {});
    const io = recordingIO({ INPUT_COMMENT: 'off', INPUT_EXPORTS: 'exports/aad.xml', 'INPUT_FAIL-ON': 'none' });
    await actionPullRequest({ payload, octokit: testOctokit(), log: { info: () => {}, warn: () => {} } }, realActionDeps(io, readActionInputs(io.env), { now: () => NOW }));
    return { status, warnings: io.warnings };
  }

  it.each(CASES)('$name: the status is failure naming the file and the reason', async (runbook) => {
    const { status, warnings } = await review([runbook], ['README.md', runbook.path]);
    expect(status).toEqual({ state: 'failure', context: 'syncstage/failover-prerequisites', description: runbook.headline });
    // The same reason is in the job log, with the file named as the API source names it.
    expect(warnings).toContainEqual(expect.stringContaining(runbook.path));
  });

  it('several at once: one failure listing each', async () => {
    const [malformed, link] = [CASES[0]!, CASES[4]!];
    const { status } = await review([malformed, link], [malformed.path, link.path]);
    // Both named, the first reason whole; GitHub's 140 characters cut the rest (the job log has each in full).
    expect(status).toMatchObject({
      state: 'failure',
      description: 'cannot judge 2 runbooks: runbooks/link.md: a symbolic link (git mode 120000): syncstage never follows links; commit the file itself; runboo…',
    });
  });

  it('a runbook whose name holds a backslash is read by that name and judged (issue 15 item 1)', async () => {
    const named: RunbookCase = { name: 'backslash', path: 'runbooks/2026-11-24\\failover.md', bytes: Buffer.from(VALID_FRONT_MATTER), headline: '' };
    const { status } = await review([named], [named.path]);
    expect(status).toMatchObject({ state: 'failure', description: expect.stringMatching(/^0 of \d+ prerequisites satisfied$/) });
  });

  it('a file matching the globs that is no runbook fails too, and says so', async () => {
    const notes: RunbookCase = { name: 'notes', path: 'docs/runbooks/README.md', bytes: Buffer.from('# How we write runbooks\n'), headline: '' };
    const { status } = await review([notes], [notes.path]);
    expect(status).toMatchObject({
      state: 'failure',
      description: 'cannot judge docs/runbooks/README.md:1:1: the runbook must start with YAML front matter between "---" lines (see docs/failover-gate.md)',
    });
  });

  it('no runbook among the changed files: success "no runbook in this PR"', async () => {
    const { status } = await review([], ['README.md']);
    expect(status).toEqual({ state: 'success', context: 'syncstage/failover-prerequisites', description: 'no runbook in this PR' });
  });
});

describe('the App: a pull request whose runbook cannot be judged', () => {
  async function receivePullRequest(runbooks: RunbookCase[], listed: string[]) {
    const recorded = recorder();
    mockSettingsCommit('contoso', 'identity-sync', BASE, 'exports: exports/aad.xml\n');
    mockPullFiles(42, listed);
    mockHeadTree('contoso', 'identity-sync', HEAD, runbooks);
    mockChecks(recorded, 2);
    const probot = testProbot();
    const appDeps = realAppDeps({ now: () => NOW });
    await probot.load(syncstageApp(appDeps, { runtime: checksOnlyRuntime(appDeps) }));
    await probot.receive({ name: 'pull_request', id: crypto.randomUUID(), payload: fixture('pull_request.opened.json') } as never);
    return recorded;
  }

  it.each(CASES)('$name: the check run is failure, its title and summary name the file and the reason', async (runbook) => {
    const recorded = await receivePullRequest([runbook], ['README.md', runbook.path]);
    const gate = recorded.checks.find((check) => check.name === 'syncstage/failover-prerequisites');
    expect(gate).toMatchObject({ head_sha: HEAD, conclusion: 'failure', output: { title: runbook.headline } });
    expect(gate!.output.summary).toContain(`### \`${runbook.path}\`: cannot be judged`);
    expect(gate!.output.summary).toContain(runbook.headline.replace('cannot judge ', ''));
    // The review check fails too: the file is unreadable input.
    expect(recorded.checks.find((check) => check.name === 'syncstage/review')).toMatchObject({ conclusion: 'failure' });
  });

  it('a runbook whose name holds a backslash is read by that name and judged (issue 15 item 1)', async () => {
    const named: RunbookCase = { name: 'backslash', path: 'runbooks/2026-11-24\\failover.md', bytes: Buffer.from(VALID_FRONT_MATTER), headline: '' };
    const recorded = await receivePullRequest([named], [named.path]);
    const gate = recorded.checks.find((check) => check.name === 'syncstage/failover-prerequisites');
    expect(gate).toMatchObject({ conclusion: 'failure', output: { title: expect.stringMatching(/^0 of \d+ prerequisites satisfied$/) } });
    expect(gate!.output.summary).toContain('runbooks/2026-11-24\\failover.md');
  });

  it("a file list at GitHub's 3,000-file cap: both checks fail naming it (a runbook may be among the unlisted)", async () => {
    const recorded = recorder();
    mockSettingsCommit('contoso', 'identity-sync', BASE, null);
    mockPullFiles(42, Array.from({ length: 3000 }, (_, i) => `data/${i}.csv`));
    mockChecks(recorded, 2);
    const probot = testProbot();
    const appDeps = realAppDeps({ now: () => NOW });
    await probot.load(syncstageApp(appDeps, { runtime: checksOnlyRuntime(appDeps) }));
    await probot.receive({ name: 'pull_request', id: crypto.randomUUID(), payload: fixture('pull_request.opened.json') } as never);
    expect(recorded.checks.map((check) => [check.name, check.conclusion, check.output.title])).toEqual([
      ['syncstage/review', 'failure', expect.stringMatching(/^unreadable input: pull request #42: GitHub lists at most 3,000 changed files/)],
      ['syncstage/failover-prerequisites', 'failure', expect.stringMatching(/^unreadable input: pull request #42: GitHub lists at most 3,000 changed files/)],
    ]);
    expect(recorded.checks[1]!.output.summary).toContain('pull request #42: GitHub lists at most 3,000 changed files here');
  });

  it('no runbook among the changed files: success "no runbook in this PR"', async () => {
    const recorded = await receivePullRequest([], ['README.md']);
    expect(recorded.checks.find((check) => check.name === 'syncstage/failover-prerequisites')).toMatchObject({ conclusion: 'success', output: { title: 'no runbook in this PR' } });
  });
});

describe('/verify-staging with a named input that resolves to nothing', () => {
  const COMMENT_ID = 2501234567;

  async function command(body: string, exportRead = true, pullRequest: { files: string[]; runbooks: RunbookCase[] } = { files: ['README.md'], runbooks: [] }) {
    const recorded = recorder();
    mockReactions(recorded, COMMENT_ID, ['eyes', 'rocket']);
    // The settings at the pull request's base, read through the same API source as every file.
    mockSettingsCommit('contoso', 'identity-sync', BASE, 'exports: exports/aad.xml\n');
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    // The runbooks the pull request changes are always judged: runbook= names one besides them, never instead.
    mockPullFiles(42, pullRequest.files);
    mockHeadTree('contoso', 'identity-sync', HEAD, pullRequest.runbooks, exportRead);
    // A command naming folders or exports answers its asker only: no checks (src/github/verify-command.ts).
    if (!/\b(primary|staging|exports)=/.test(body)) mockChecks(recorded, 2);
    mockComment(recorded, 42);
    const payload = fixture<{ comment: { body: string } }>('issue_comment.created.pr.json');
    payload.comment.body = body;
    const probot = testProbot();
    await probot.load(syncstageApp(realAppDeps({ now: () => NOW })));
    await probot.receive({ name: 'issue_comment', id: crypto.randomUUID(), payload } as never);
    return recorded;
  }

  it('runbook=runbooks/nope.md: the newer gate check is a failure naming the path, never success', async () => {
    const recorded = await command('/verify-staging runbook=runbooks/nope.md');
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion, check.output.title])).toEqual([
      ['syncstage/review', HEAD, 'failure', 'not ready: unreadable input: contoso/identity-sync@3f78685:runbooks/nope.md: no such file at this commit'],
      ['syncstage/failover-prerequisites', HEAD, 'failure', 'cannot judge runbooks/nope.md: no such file at this commit'],
    ]);
    expect(recorded.comments).toHaveLength(1);
    expect(recorded.comments[0]).toContain('runbooks/nope.md');
    expect(recorded.comments[0]).toContain('no such file at this commit');
  });

  it('runbook= never replaces the runbooks the PR changes: a broken runbook of the PR still fails the newer gate check', async () => {
    const broken = CASES[0]!;
    const recorded = await command('/verify-staging runbook=docs/other.md', true, { files: ['README.md', broken.path], runbooks: [broken] });
    const gate = recorded.checks.find((check) => check.name === 'syncstage/failover-prerequisites');
    expect(gate).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    expect(gate!.output.title).toMatch(/^cannot judge 2 runbooks: docs\/other\.md: no such file at this commit; runbooks\/malformed\.md:3:16: front matter/);
  });

  it('runbook= names a file and not a glob: runbook=runbooks/*.md fails, naming it', async () => {
    const recorded = await command("/verify-staging 'runbook=runbooks/*.md'");
    expect(recorded.checks[1]).toMatchObject({ conclusion: 'failure', output: { title: 'cannot judge runbooks/*.md: no such file at this commit' } });
  });

  it.each([
    ['primary=snapshots/nope', 'snapshots/nope: no such folder', true],
    ['staging=snapshots/nope', 'snapshots/nope: no such folder', true],
    ['exports=exports/nope.xml', 'exports/nope.xml: no pending-export file (.xml or .xml.gz) matches this path or pattern', false],
    ['exports=exports/*.xml.gz', 'exports/*.xml.gz: no pending-export file (.xml or .xml.gz) matches this path or pattern', false],
  ] as const)('%s: the reply names it, "not ready", and the pull request\'s checks are left as its own run posted them', async (argument, reason, exportRead) => {
    const recorded = await command(`/verify-staging ${argument}`, exportRead);
    expect(recorded.checks).toEqual([]);
    expect(recorded.comments[0]).toContain(reason);
    expect(recorded.comments[0]).toContain('not ready');
    expect(recorded.comments[0]).toContain('were not changed:');
  });
});
