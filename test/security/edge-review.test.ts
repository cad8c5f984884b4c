/**
 * Found by a cold review of the restructured GitHub edge (issue 12): an edited command authorised as its author, a
 * merge-queue re-run judged by the pull request's stale base, and a stale run overwriting the current head's comment.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { renderMarker, upsertStickyComment } from '../../src/github/comments.js';
import { API, comment, fixture, noneMinimized, testOctokit, testProbot } from '../github/helpers.js';
import { mockChecks, mockComment, mockConfig, mockPermission, mockPull, mockPullFiles, recorder, REPO_PATH } from '../github/nock-github.js';
import { stubDeps, stubRuntimeOf } from '../github/app-stubs.js';
import { gate, result } from '../github/stubs.js';

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const PR_COMMENT_ID = 2501234567;
const MG_HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** The queue's base, as its branch names it: gh-readonly-queue/main/pr-42-<this>. */
const QUEUE_BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';
/** The pull request's recorded base.sha: main when #42 was last pushed, before main tightened its rules. */
const STALE_PR_BASE = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';

describe('an edited /verify-staging is authorised as its editor, not as the comment\'s author', () => {
  it('a writer outside the allowlist who edits an allowlisted person\'s command is refused', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ gates: [gate(true)] }));
    mockConfig('verify-on-edit: true\nallowlist:\n  users: [alice-admin]\n');
    const payload = fixture<{ action: string; comment: { body: string }; sender: { login: string; type: string } }>('issue_comment.created.pr.json');
    payload.action = 'edited';
    payload.comment.body = '/verify-staging staging=snapshots/some-old-good-snapshot';
    // GitHub: whoever has write access may edit anyone's comment; the editor is the sender, the author stays alice.
    payload.sender = { login: 'mallory', type: 'User' };
    nock(API).post(`${REPO_PATH}/issues/comments/${PR_COMMENT_ID}/reactions`).times(2).reply(201, (_u, body) => (recorded.reactions.push((body as { content: string }).content), { id: 1 }));
    mockPull(42, HEAD);
    nock(API).get(`${REPO_PATH}/collaborators/mallory/permission`).optionally().reply(200, { permission: 'write', role_name: 'write', user: { login: 'mallory', permissions: { push: true } } });
    nock(API).get(`${REPO_PATH}/collaborators/alice-admin/permission`).optionally().reply(200, { permission: 'write', role_name: 'write', user: { login: 'alice-admin', permissions: { push: true } } });
    nock(API).get(`${REPO_PATH}/pulls/42/files`).query({ per_page: '100' }).optionally().reply(200, []);
    nock(API).post(`${REPO_PATH}/check-runs`).optionally().times(2).reply(201, (_u, body) => (recorded.checks.push(body as never), { id: 1 }));
    mockComment(recorded, 42);
    const probot = testProbot();
    await probot.load(syncstageApp(deps));
    await probot.receive({ name: 'issue_comment', id: crypto.randomUUID(), payload } as never);
    expect(calls.verified).toEqual([]);
    expect(recorded.checks).toEqual([]);
    expect(recorded.comments[0]).toContain('Sorry, nothing was run');
    nock.cleanAll();
  });
});

describe('a re-run in the merge queue reads the rules at the queue\'s base, not the pull request\'s stale base.sha', () => {
  it('judges the queue commit with the settings of the queue base, as merge_group does', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockConfig(null);
    // GET /pulls/42: base.sha is main when #42 was last pushed to (GitHub does not move it when main moves).
    nock(API)
      .get(`${REPO_PATH}/pulls/42`)
      .optionally()
      .reply(200, { number: 42, state: 'open', head: { ref: 'x', sha: 'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c' }, base: { ref: 'main', sha: STALE_PR_BASE } });
    nock(API).get(`${REPO_PATH}/commits/${MG_HEAD}`).optionally().reply(200, { sha: MG_HEAD, parents: [{ sha: QUEUE_BASE }] });
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    const probot = testProbot();
    await probot.load(syncstageApp(deps, { runtime: stubRuntimeOf(deps)! }));
    await probot.receive({ name: 'check_run', id: crypto.randomUUID(), payload: fixture('check_run.rerequested.merge-queue.json') } as never);
    // As merge_group.checks_requested for this very commit: never STALE_PR_BASE (older, possibly looser rules).
    expect(calls.opened[0]!.sha).toBe(QUEUE_BASE);
    nock.cleanAll();
  });
});

describe('two runs creating the sticky comment at once: the stale run never overwrites the current head\'s comment', () => {
  it('a review of a commit that is no longer the head never edits the comment the current head\'s run created', async () => {
    const LIST = '/repos/o/r/issues/7/comments';
    const BOT = 'github-actions[bot]';
    const ofB = renderMarker({ kind: 'review', v: 1, key: 'k1', sha: 'B' });
    // Run A (head A): finds nothing, asks the head (still A), then B is pushed and run B creates comment 20 first.
    let asked = 0;
    const refuseWrite = async () => (asked++ === 0 ? undefined : 'head is now B');
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, []);
    nock(API).post(LIST).reply(201, comment(21, BOT, 'A', '2026-11-24T10:00:05Z'));
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(20, BOT, ofB, '2026-11-24T10:00:04Z'), comment(21, BOT, renderMarker({ kind: 'review', v: 1, key: 'k1', sha: 'A' }), '2026-11-24T10:00:05Z')]);
    noneMinimized(['IC_20', 'IC_21']);
    nock(API).delete('/repos/o/r/issues/comments/21').reply(204);
    let overwrote = false;
    nock(API).patch('/repos/o/r/issues/comments/20').optionally().reply(200, () => ((overwrote = true), comment(20, BOT, 'A')));
    await upsertStickyComment(testOctokit(), { owner: 'o', repo: 'r', issueNumber: 7, kind: 'review', mode: 'update', authors: [BOT], key: 'k1', sha: 'A', inputHash: 'h', render: () => 'review of A', refuseWrite });
    expect(overwrote).toBe(false);
    nock.cleanAll();
  });
});
