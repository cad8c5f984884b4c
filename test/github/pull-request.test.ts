import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commentKey, parseMarker, renderMarker } from '../../src/github/comments.js';
import { API, comment, mockViewer, noneMinimized, testOctokit } from './helpers.js';
import { BASE, HEAD, recordingIO, stubDeps, type VerifyCall, actionMergeGroup, actionPullRequest, actionPush } from './review-fixtures.js';
import { mockPullFiles, mockTree } from './nock-github.js';
import { gate, result } from './stubs.js';

const BOT = 'github-actions[bot]';
const repository = { name: 'sync', owner: { login: 'contoso' } };
const prPayload = { action: 'opened', pull_request: { number: 7, head: { sha: HEAD }, base: { sha: BASE, ref: 'main' } }, repository };
/** The repository of the events below. */
const SYNC = '/repos/contoso/sync';
const COMMENTS = '/repos/contoso/sync/issues/7/comments';
/** The Action's sticky-comment key in these tests' runner (no GITHUB_WORKFLOW / GITHUB_JOB set). */
const ACTION_KEY = commentKey(['action', 'contoso/sync', '', '']);
const CONFIG = JSON.stringify({ deletionThreshold: 100, comment: 'update' });

function tree(sha: string, withConfig = true) {
  const entries = [
    { path: 'examples/exports/aad.xml', type: 'blob', sha: `x${sha.slice(0, 3)}`, size: 2000 },
    ...(withConfig ? [{ path: '.github/syncstage.yml', type: 'blob', sha: `cfg${sha.slice(0, 3)}`, size: CONFIG.length }] : []),
  ];
  return mockTree(sha, entries, SYNC);
}

/** GET pulls/7: the PR's head as GitHub says it now, asked right before the sticky comment is written. */
function headIs(sha: string) {
  return nock(API).get('/repos/contoso/sync/pulls/7').reply(200, { number: 7, state: 'open', head: { sha }, base: { sha: BASE, ref: 'main' } });
}

function configBlob(sha: string) {
  return nock(API).get(`/repos/contoso/sync/git/blobs/cfg${sha.slice(0, 3)}`).reply(200, CONFIG);
}

const log = { info: () => {}, warn: () => {} };
const env = { INPUT_EXPORTS: 'examples/**/*.xml', 'INPUT_FAIL-ON': 'threshold,prerequisites', GITHUB_RUN_ID: '99', GITHUB_SERVER_URL: 'https://github.com' };

describe('handlePullRequestReview', () => {
  it('reviews head and base through the API, creates the sticky comment, sets outputs, posts the gate status', async () => {
    const calls: VerifyCall[] = [];
    const io = recordingIO(env);
    const deps = stubDeps(io, [result(), result({ verdict: 'not-ready' })], calls);
    let body = '';
    let status: Record<string, unknown> = {};

    tree(HEAD);
    tree(BASE);
    // The rules come from the base: a pull request cannot change the config it is judged by.
    configBlob(BASE);
    mockPullFiles(7, [['examples/exports/aad.xml', 'modified'], ['README.md', 'modified']], SYNC);
    mockViewer(BOT);
    nock(API).get(COMMENTS).query({ per_page: 100 }).reply(200, []);
    headIs(HEAD);
    nock(API)
      .post(COMMENTS, (b: { body: string }) => ((body = b.body), true))
      .reply(201, comment(500, BOT, 'x'));
    nock(API).get(COMMENTS).query({ per_page: 100 }).reply(200, [comment(500, BOT, renderMarker({ kind: 'review', v: 1, key: ACTION_KEY }))]);
    noneMinimized(['IC_500']);
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, (b: Record<string, unknown>) => ((status = b), true))
      .reply(201, {});

    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, deps);

    expect(calls.map((c) => c.label)).toEqual([`contoso/sync@${HEAD.slice(0, 7)}:x`, `contoso/sync@${BASE.slice(0, 7)}:x`]);
    // The head's verification reads the base's snapshots too (persistent vs new); the base's own needs no base.
    expect(calls.map((c) => c.base)).toEqual([`contoso/sync@${BASE.slice(0, 7)}:x`, undefined]);
    expect(calls[0]!.files).toEqual(['examples/exports/aad.xml']);
    expect(calls[0]!.inputs).toMatchObject({ exports: ['examples/**/*.xml'], deletionThreshold: 100, runbooks: [], runbookFiles: [], now: new Date('2026-11-24T12:00:00Z') });
    expect(parseMarker(body)).toMatchObject({ kind: 'review', v: 1, sha: HEAD });
    expect(body).toContain('comment: ready (base not-ready on main) budget');
    // The first screen names the commit reviewed and links the workflow run that reviewed it.
    expect(body).toContain(` sha ${HEAD} workflow run https://github.com/contoso/sync/actions/runs/99`);
    expect(io.outputs).toEqual({ adds: '3', updates: '1191', deletes: '11', 'delete-adds': '1', 'threshold-exceeded': 'false', 'drift-count': '0', report: '/tmp/report.json', 'comment-file': '/tmp/comment.md', 'comment-id': '500' });
    expect(io.summaries).toEqual(['summary: ready vs main']);
    expect(status).toEqual({
      state: 'success',
      context: 'syncstage/failover-prerequisites',
      description: 'no runbook in this PR',
      target_url: 'https://github.com/contoso/sync/actions/runs/99',
    });
    expect(io.failures).toEqual([]);
  });

  it('uses the checkout when it is the head commit, fails per fail-on and posts a failing gate', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const workspace = await mkdtemp(path.join(tmpdir(), 'ws-'));
    await mkdir(path.join(workspace, '.git'));
    await writeFile(path.join(workspace, '.git/HEAD'), `${HEAD}\n`);
    const calls: VerifyCall[] = [];
    const io = recordingIO({ ...env, GITHUB_WORKSPACE: workspace, INPUT_COMMENT: 'off' });
    const failing = result({ gates: [gate(false)], verdict: 'not-ready', reasons: ['x'] });
    failing.exports!.threshold = { ...failing.exports!.threshold, deletes: 612, exceeded: true };
    const deps = stubDeps(io, [failing], calls);
    tree(BASE);
    configBlob(BASE);
    mockPullFiles(7, [
      ['docs/runbooks/switch.md', 'modified'],
      ['ops/old-runbook.md', 'removed'],
      ['ops/failover-runbook.md', 'added'],
      ['docs/notes.md', 'modified'],
    ], SYNC);
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, { state: 'failure', context: 'syncstage/failover-prerequisites', description: '5 of 7 prerequisites satisfied', target_url: 'https://github.com/contoso/sync/actions/runs/99' })
      .reply(201, {});
    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, deps);
    expect(calls[0]!.label).toBe('x');
    // Only the runbooks the PR adds or modifies (default globs), sorted; a removed runbook is not evidence.
    expect(calls[0]!.inputs.runbookFiles).toEqual(['docs/runbooks/switch.md', 'ops/failover-runbook.md']);
    expect(io.outputs['threshold-exceeded']).toBe('true');
    expect(io.outputs['comment-id']).toBeUndefined();
    expect(io.failures).toEqual(['syncstage: threshold: total: 612 deletes, over the limit of 500 (the default); prerequisites: docs/failover.md: 5 of 7 prerequisites satisfied (fail-on: threshold,prerequisites)']);
  });

  it('the redact-key input reaches the verification as a typed value when redact is on, and only then', async () => {
    for (const redact of ['true', 'false']) {
      const calls: VerifyCall[] = [];
      const io = recordingIO({ ...env, INPUT_COMMENT: 'off', INPUT_REDACT: redact, 'INPUT_REDACT-KEY': 'a-key-of-16-chars' });
      tree(HEAD, false);
      tree(BASE, false);
      mockPullFiles(7, [], SYNC);
      nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
      await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, stubDeps(io, [result()], calls));
      expect(calls.map((call) => call.inputs.redactKey)).toEqual(redact === 'true' ? ['a-key-of-16-chars', 'a-key-of-16-chars'] : [undefined, undefined]);
    }
  });

  it('a config path the workflow names must be there: the gate fails naming it', async () => {
    const io = recordingIO({ ...env, INPUT_COMMENT: 'off', INPUT_CONFIG: '.github/sync-rules.yml' });
    tree(BASE);
    let status: Record<string, unknown> = {};
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, (body: Record<string, unknown>) => ((status = body), true))
      .reply(201, {});
    await expect(actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, stubDeps(io, [result()]))).rejects.toThrow(
      'input "config": contoso/sync@2222222:.github/sync-rules.yml is not there (expected the path of the config file in the repository, or leave the input out for .github/syncstage.yml)',
    );
    expect(status).toMatchObject({ state: 'failure', description: expect.stringMatching(/^unreadable input: input "config": contoso\/sync@2222222:\.github\/sync-rules\.yml is not there/) });
  });

  it('under pull_request_target reads the config from the base, never the head', async () => {
    const calls: VerifyCall[] = [];
    const io = recordingIO({ ...env, GITHUB_EVENT_NAME: 'pull_request_target', INPUT_COMMENT: 'off' });
    const deps = stubDeps(io, [result()], calls);
    tree(BASE); // one tree request serves both the config and the base side of the comparison
    configBlob(BASE);
    tree(HEAD, false);
    mockPullFiles(7, [['runbook.md', 'added']], SYNC);
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, deps);
    expect(calls[0]!.inputs.deletionThreshold).toBe(100);
    expect(calls[0]!.inputs.runbookFiles).toEqual(['runbook.md']);
  });

  it('a fork token (403) on the comment and the status is a warning, and the summary is still written', async () => {
    const io = recordingIO({ ...env, INPUT_COMMENT: 'update' });
    const deps = stubDeps(io, [result()]);
    tree(HEAD, false);
    tree(BASE, false);
    mockPullFiles(7, [], SYNC);
    mockViewer(BOT);
    nock(API).get(COMMENTS).query({ per_page: 100 }).reply(200, []);
    headIs(HEAD);
    nock(API).post(COMMENTS).reply(403, { message: 'Resource not accessible by integration' });
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(403, { message: 'Resource not accessible by integration' });
    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, deps);
    expect(io.summaries).toHaveLength(1);
    expect(io.warnings).toHaveLength(2);
    // The gate's status is published first, then the comment.
    expect(io.warnings[0]).toMatch(/could not post the syncstage\/failover-prerequisites status \(403\).*fork-safe/);
    expect(io.warnings[1]).toMatch(/could not comment on the pull request \(403\).*fork-safe/);
    expect(io.failures).toEqual([]);
  });

  it('an unreadable base commit (where the rules are read) stops the review and fails the gate, naming why', async () => {
    const io = recordingIO({ ...env, INPUT_COMMENT: 'off' });
    const deps = stubDeps(io, [result()]);
    // Nothing of the head is read: without its rules, the review does not start.
    nock(API).get(`/repos/contoso/sync/git/trees/${BASE}`).query({ recursive: '1' }).reply(404, { message: 'Not Found' });
    let status: Record<string, unknown> = {};
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, (body: Record<string, unknown>) => ((status = body), true))
      .reply(201, {});
    await expect(actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, deps)).rejects.toThrow(/2222222/);
    expect(status).toMatchObject({ state: 'failure', context: 'syncstage/failover-prerequisites' });
    expect(String(status.description)).toMatch(/^unreadable input: .*2222222/);
    expect(io.summaries).toEqual([]);
  });
});

describe('other events', () => {
  it('push: job summary and outputs only, no comment, no status', async () => {
    const io = recordingIO({ ...env });
    const calls: VerifyCall[] = [];
    tree(HEAD, false);
    await actionPush({ payload: { after: HEAD, repository }, octokit: testOctokit(), log }, stubDeps(io, [result()], calls));
    expect(calls).toHaveLength(1);
    expect(io.summaries).toEqual(['summary: ready']);
  });

  it('workflow_dispatch: the commit is GITHUB_SHA', async () => {
    const io = recordingIO({ ...env, GITHUB_SHA: HEAD });
    tree(HEAD, false);
    await actionPush({ payload: { repository }, octokit: testOctokit(), log }, stubDeps(io, [result()]));
    expect(io.outputs.adds).toBe('3');
  });

  it('merge_group: the gate status on the queue commit', async () => {
    const io = recordingIO({ ...env });
    const calls: VerifyCall[] = [];
    tree(HEAD, false);
    tree(BASE, false);
    nock(API)
      .get(`/repos/contoso/sync/compare/${BASE}...${HEAD}`)
      .query({ per_page: 100 })
      .reply(200, {
        files: [
          { filename: 'runbooks/failover.md', status: 'modified' },
          { filename: 'docs/gone-runbook.md', status: 'removed' },
          { filename: 'src/app.ts', status: 'added' },
        ],
      });
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, { state: 'success', context: 'syncstage/failover-prerequisites', description: 'no runbook in this PR', target_url: 'https://github.com/contoso/sync/actions/runs/99' })
      .reply(201, {});
    await actionMergeGroup({ payload: { merge_group: { head_sha: HEAD, head_ref: 'refs/heads/custom-queue/main', base_sha: BASE, base_ref: 'refs/heads/main' }, repository }, octokit: testOctokit(), log }, stubDeps(io, [result()], calls));
    expect(calls[0]!.inputs.runbookFiles).toEqual(['runbooks/failover.md']);
    expect(io.summaries).toEqual(['summary: ready vs main']);
  });
});

describe('issue 15 item 4: merge_group reads the trusted settings', () => {
  it('the config comes from the queue\'s base: a head that narrows runbooks: still has its runbook judged', async () => {
    const io = recordingIO({ ...env });
    const calls: VerifyCall[] = [];
    // Both trees hold a config file, but only the base's blob is served: reading the head's would fail the test.
    tree(HEAD);
    tree(BASE);
    nock(API).get(`/repos/contoso/sync/git/blobs/cfg${BASE.slice(0, 3)}`).reply(200, JSON.stringify({ runbooks: ['runbooks/*.md'] }));
    nock(API)
      .get(`/repos/contoso/sync/compare/${BASE}...${HEAD}`)
      .query({ per_page: 100 })
      .reply(200, { files: [{ filename: 'runbooks/failover.md', status: 'modified' }, { filename: '.github/syncstage.yml', status: 'modified' }] });
    const status = nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`, (body: { state: string }) => body.state === 'failure').reply(201, {});
    await actionMergeGroup(
      { payload: { merge_group: { head_sha: HEAD, head_ref: 'refs/heads/custom-queue/main', base_sha: BASE, base_ref: 'refs/heads/main' }, repository }, octokit: testOctokit(), log },
      stubDeps(io, [result({ verdict: 'not-ready', gates: [gate(false)] })], calls),
    );
    expect(calls[0]!.inputs.runbookFiles).toEqual(['runbooks/failover.md']);
    expect(status.isDone()).toBe(true);
  });
});

describe('issue 12: no stale sticky comment', () => {
  const B = '3'.repeat(40);

  /**
   * One pull request as GitHub keeps it: its head, and its comments (list, create, edit), answered from this state
   * for any number of clients, as two App instances with no shared memory would see it.
   */
  function pullRequestOnGitHub(head: string, options: { edits: boolean }) {
    const state = { head, comments: [] as ReturnType<typeof comment>[], writes: [] as string[] };
    nock(API).get('/repos/contoso/sync/pulls/7').reply(200, () => ({ number: 7, state: 'open', head: { sha: state.head }, base: { sha: BASE, ref: 'main' } })).persist();
    nock(API).get(COMMENTS).query({ per_page: 100 }).reply(200, () => state.comments).persist();
    nock(API)
      .post(COMMENTS)
      .reply(201, (_uri, body) => {
        const created = comment(500 + state.comments.length, BOT, (body as { body: string }).body);
        state.comments.push(created);
        state.writes.push(`POST ${parseMarker(created.body)?.sha}`);
        return created;
      })
      .persist();
    // Only where an edit is expected: an interceptor left unused fails the test (test/setup.ts).
    if (options.edits) nock(API)
      .patch(/\/repos\/contoso\/sync\/issues\/comments\/\d+$/)
      .reply(200, (uri, body) => {
        const target = state.comments.find((c) => uri.endsWith(`/${c.id}`))!;
        target.body = (body as { body: string }).body;
        state.writes.push(`PATCH ${parseMarker(target.body)?.sha}`);
        return target;
      })
      .persist();
    nock(API)
      .post('/graphql', (body: { query?: string }) => /isMinimized/.test(body.query ?? ''))
      .reply(200, () => ({ data: { nodes: state.comments.map((c) => ({ id: c.node_id, isMinimized: false })) } }))
      .persist();
    nock(API).post(/\/repos\/contoso\/sync\/statuses\/[0-9a-f]{40}$/).reply(201, {}).persist();
    mockPullFiles(7, [], SYNC).persist();
    tree(BASE).persist();
    configBlob(BASE).persist();
    return state;
  }

  it('opened for A (slow) then synchronize for B: B\'s review stays, A\'s writes nothing, whatever the order they finish in', async () => {
    const github = pullRequestOnGitHub(HEAD, { edits: false });
    // A's head tree is answered only once B's review is done: A is the slow one, without a timer.
    let releaseA!: () => void;
    const bDone = new Promise<void>((resolve) => (releaseA = resolve));
    nock(API)
      .get(`/repos/contoso/sync/git/trees/${HEAD}`)
      .query({ recursive: '1' })
      .reply(async () => {
        await bDone;
        return [200, { sha: HEAD, truncated: false, tree: [{ path: 'examples/exports/aad.xml', type: 'blob', sha: 'xa', size: 10 }] }];
      });
    tree(B);
    const infoA: string[] = [];
    const ioA = recordingIO({ ...env, INPUT_COMMENT: 'update' });
    const ioB = recordingIO({ ...env, INPUT_COMMENT: 'update' });
    mockViewer(BOT);
    mockViewer(BOT);
    // Two clients: two runs (or App instances) that share nothing but GitHub.
    const runA = actionPullRequest({ payload: prPayload, octokit: testOctokit(), log: { info: (m: string) => void infoA.push(m), warn: () => {} } }, stubDeps(ioA, [result({ verdict: 'not-ready' })]));
    github.head = B;
    const payloadB = { ...prPayload, action: 'synchronize', pull_request: { ...prPayload.pull_request, head: { sha: B } } };
    await actionPullRequest({ payload: payloadB, octokit: testOctokit(), log }, stubDeps(ioB, [result()]));
    releaseA();
    await runA;

    expect(github.writes).toEqual([`POST ${B}`]);
    expect(github.comments).toHaveLength(1);
    expect(parseMarker(github.comments[0]!.body)).toMatchObject({ kind: 'review', sha: B });
    expect(github.comments[0]!.body).toContain('comment: ready');
    expect(ioB.outputs['comment-id']).toBe('500');
    expect(ioA.outputs).not.toHaveProperty('comment-id');
    expect(infoA).toContain(`the review of ${HEAD.slice(0, 7)} is not posted: pull request #7's head is now ${B.slice(0, 7)}, and the comment shows the review of the current head only`);
  });

  it('a review of the head that finishes after an older one edits that older one\'s comment', async () => {
    const github = pullRequestOnGitHub(HEAD, { edits: true });
    tree(HEAD);
    tree(B);
    mockViewer(BOT);
    mockViewer(BOT);
    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, stubDeps(recordingIO({ ...env, INPUT_COMMENT: 'update' }), [result({ verdict: 'not-ready' })]));
    github.head = B;
    const payloadB = { ...prPayload, action: 'synchronize', pull_request: { ...prPayload.pull_request, head: { sha: B } } };
    await actionPullRequest({ payload: payloadB, octokit: testOctokit(), log }, stubDeps(recordingIO({ ...env, INPUT_COMMENT: 'update' }), [result()]));
    expect(github.writes).toEqual([`POST ${HEAD}`, `PATCH ${B}`]);
    expect(github.comments.map((c) => parseMarker(c.body)?.sha)).toEqual([B]);
  });
});

describe('whose comments are ours', () => {
  const APP = 'syncstage-contoso[bot]';
  const marked = renderMarker({ kind: 'review', v: 1, key: ACTION_KEY });

  it('asks GitHub once per client who the token is (GraphQL viewer), whatever its prefix', async () => {
    const { viewerLogin } = await import('../../src/github/publish/sticky-comment.js');
    const octokit = testOctokit();
    const asked = mockViewer(APP);
    expect(await viewerLogin(octokit)).toBe(APP);
    expect(await viewerLogin(octokit)).toBe(APP);
    expect(asked.isDone()).toBe(true);
    // A second question would find no interceptor and fail: the answer is cached.
  });

  it('an App installation token edits its own comment and leaves a marked comment by anyone else alone', async () => {
    const io = recordingIO({ ...env, INPUT_COMMENT: 'update' });
    tree(HEAD, false);
    tree(BASE, false);
    mockPullFiles(7, [], SYNC);
    mockViewer(APP);
    const foreign = [comment(301, BOT, marked), comment(302, 'mallory', marked)];
    nock(API).get(COMMENTS).query({ per_page: 100 }).reply(200, [...foreign, comment(303, APP, marked)]);
    noneMinimized(['IC_303']);
    headIs(HEAD);
    const edited = nock(API).patch('/repos/contoso/sync/issues/comments/303').reply(200, comment(303, APP, marked));
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, stubDeps(io, [result()]));
    expect(edited.isDone()).toBe(true);
    expect(io.outputs['comment-id']).toBe('303');
    expect(io.warnings).toEqual([]);
  });

  it.each(['update', 'recreate'])('when GitHub cannot say who the token is (%s): a new comment, a warning, nothing edited or deleted', async (mode) => {
    const io = recordingIO({ ...env, INPUT_COMMENT: mode });
    tree(HEAD, false);
    tree(BASE, false);
    mockPullFiles(7, [], SYNC);
    nock(API).post('/graphql').reply(403, { message: 'Resource not accessible by integration' });
    // No list, PATCH or DELETE interceptor: any of them would fail the test.
    headIs(HEAD);
    nock(API).post(COMMENTS).reply(201, comment(900, BOT, marked));
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
    await actionPullRequest({ payload: prPayload, octokit: testOctokit(), log }, stubDeps(io, [result()]));
    expect(io.outputs['comment-id']).toBe('900');
    expect(io.warnings).toHaveLength(1);
    expect(io.warnings[0]).toMatch(
      /^could not ask GitHub who the token is \(Resource not accessible by integration.*\): posting a new comment instead of editing the earlier one, so that no one else's comment is edited or deleted$/,
    );
    expect(io.failures).toEqual([]);
  });
});
