// The Action's handler set, routed by the adapter exactly as in a run: which event reaches which handler.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { runAction, runAppInAction } from '../../src/github/action-adapter.js';
import { actionApp } from '../../src/main.js';
import { createActionApp } from '../../src/github/action-app.js';
import { API } from '../github/helpers.js';
import { BASE, HEAD, recordingIO, stubDeps, type VerifyCall } from '../github/review-fixtures.js';
import type { AppDeps } from '../../src/github/deps.js';
import { stubDeps as appStubDeps } from '../github/app-stubs.js';
import { fixture } from '../github/helpers.js';
import { mockComment, mockConfig, mockSettingsCommit, mockPermission, mockPull, mockPullFiles, mockReactions, mockTree, recorder, REPO_PATH } from '../github/nock-github.js';
import { gate, result } from '../github/stubs.js';
import { fakeCore } from './fake-core.js';

const repository = { name: 'sync', owner: { login: 'contoso' } };
const pr = { number: 7, head: { sha: HEAD }, base: { sha: BASE, ref: 'main' } };

async function run(eventName: string, payload: object, deps?: (io: ReturnType<typeof recordingIO>, calls: VerifyCall[]) => AppDeps) {
  const dir = await mkdtemp(path.join(tmpdir(), 'event-'));
  await writeFile(path.join(dir, 'event.json'), JSON.stringify(payload));
  const env = { INPUT_TOKEN: 't', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_RUN_ID: '1', INPUT_COMMENT: 'off', GITHUB_SHA: HEAD, INPUT_EXPORTS: '*.xml' };
  const io = recordingIO(env);
  const calls: VerifyCall[] = [];
  const core = fakeCore();
  await runAppInAction(createActionApp(deps ? deps(io, calls) : stubDeps(io, [result()], calls)), env, { core });
  return { io, calls, core };
}

/** The repository of the events below. */
const SYNC = '/repos/contoso/sync';

describe('createActionApp routing', () => {
  it.each(['pull_request', 'pull_request_target'])('%s reviews the PR head and posts the gate status', async (eventName) => {
    mockTree(HEAD, [], SYNC);
    mockTree(BASE, [], SYNC);
    mockPullFiles(7, [
      ['runbooks/switch.md', 'modified'],
      ['docs/failover-runbook.md', 'added'],
      ['docs/retired-runbook.md', 'removed'],
      ['README.md', 'modified'],
    ], SYNC);
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, { state: 'success', context: 'syncstage/failover-prerequisites', description: 'no runbook in this PR', target_url: 'https://github.com/contoso/sync/actions/runs/1' })
      .reply(201, {});
    const { calls, core } = await run(eventName, { action: 'synchronize', pull_request: pr, repository });
    expect(core.failed).toEqual([]);
    expect(calls.map((call) => call.label)).toEqual([`contoso/sync@${HEAD.slice(0, 7)}:x`, `contoso/sync@${BASE.slice(0, 7)}:x`]);
    // The gate judges the runbooks the PR adds or modifies (default globs), by name, at the head only: the base
    // side serves the comparison of exports and configurations.
    expect(calls.map((call) => [call.inputs.runbookFiles, call.inputs.runbooks])).toEqual([
      [['docs/failover-runbook.md', 'runbooks/switch.md'], []],
      [[], []],
    ]);
  });

  it('ignores a closed pull request', async () => {
    const { calls, core } = await run('pull_request', { action: 'closed', pull_request: pr, repository });
    expect(calls).toEqual([]);
    expect(core.failed).toEqual([]);
  });

  it('issue 12: edited with only a new title: no request, no status, nothing judged; a moved base is reviewed', async () => {
    const titleOnly = await run('pull_request', { action: 'edited', changes: { title: { from: 'old' } }, pull_request: pr, repository });
    expect([titleOnly.calls, titleOnly.core.failed]).toEqual([[], []]);
    mockTree(HEAD, [], SYNC);
    mockTree(BASE, [], SYNC);
    mockPullFiles(7, [], SYNC);
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
    const baseMoved = await run('pull_request', { action: 'edited', changes: { base: { ref: { from: 'develop' } } }, pull_request: pr, repository });
    expect(baseMoved.calls.map((call) => call.label)).toEqual([`contoso/sync@${HEAD.slice(0, 7)}:x`, `contoso/sync@${BASE.slice(0, 7)}:x`]);
  });

  it('merge_group.checks_requested posts the gate status on the queue commit', async () => {
    mockTree(HEAD, [], SYNC);
    mockTree(BASE, [], SYNC);
    nock(API)
      .get(`/repos/contoso/sync/compare/${BASE}...${HEAD}`)
      .query({ per_page: 100 })
      .reply(200, { files: [{ filename: 'ops/runbooks/failover.md', status: 'added' }, { filename: 'exports/aad.xml', status: 'modified' }] });
    nock(API)
      .post(`/repos/contoso/sync/statuses/${HEAD}`, { state: 'success', context: 'syncstage/failover-prerequisites', description: 'no runbook in this PR', target_url: 'https://github.com/contoso/sync/actions/runs/1' })
      .reply(201, {});
    const { calls, core } = await run('merge_group', { action: 'checks_requested', merge_group: { head_sha: HEAD, head_ref: 'refs/heads/custom-queue/main', base_sha: BASE, base_ref: 'refs/heads/main' }, repository });
    expect(core.failed).toEqual([]);
    expect(calls.map((call) => call.label)).toEqual([`contoso/sync@${HEAD.slice(0, 7)}:x`, `contoso/sync@${BASE.slice(0, 7)}:x`]);
    expect(calls[0]!.inputs.runbookFiles).toEqual(['ops/runbooks/failover.md']);
  });

  it.each(['push', 'workflow_dispatch'])('%s writes the summary only', async (eventName) => {
    mockTree(HEAD, [], SYNC);
    const { io, calls } = await run(eventName, { after: HEAD, ref: 'refs/heads/main', repository });
    expect(calls).toHaveLength(1);
    expect(io.summaries).toEqual(['summary: ready']);
  });

  it('issue_comment without the command does nothing', async () => {
    const { deps: commandDeps, calls: commandCalls } = appStubDeps(result());
    const { calls, core } = await run(
      'issue_comment',
      {
        action: 'created',
        comment: { body: 'looks good', user: { login: 'megan', type: 'User' }, author_association: 'MEMBER' },
        issue: { number: 7, pull_request: {} },
        repository,
      },
      (io) => ({ ...commandDeps, io }),
    );
    expect(calls).toEqual([]);
    expect(commandCalls.verified).toEqual([]);
    expect(core.failed).toEqual([]);
  });

  it("issue_comment.created /verify-staging goes to the App's handler and posts commit statuses on the pinned head", async () => {
    const PR_HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
    const COMMAND_URL = 'https://github.com/contoso/identity-sync/pull/42#issuecomment-2501234567';
    const recorded = recorder();
    const statuses: Record<string, unknown>[] = [];
    const { deps: commandDeps, calls: commandCalls } = appStubDeps(result({ verdict: 'not-ready', gates: [gate(false, 'docs/failover-runbook.md')] }));
    mockReactions(recorded, 2501234567, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockPull(42, PR_HEAD);
    mockPullFiles(42, ['docs/failover-runbook.md', 'README.md']);
    nock(API)
      .post(`${REPO_PATH}/statuses/${PR_HEAD}`)
      .times(2)
      .reply(201, (_uri, body) => {
        statuses.push(body as Record<string, unknown>);
        return { id: statuses.length };
      });
    mockComment(recorded, 42);
    const payload = fixture<{ comment: { body: string } }>('issue_comment.created.pr.json');
    payload.comment.body = '/verify-staging';
    const { calls, core } = await run('issue_comment', payload, (io) => ({ ...commandDeps, io }));

    expect(core.failed).toEqual([]);
    expect(calls).toEqual([]); // the command's own verify, not the review's
    expect(commandCalls.verified.map((call) => [call.sha, call.inputs.runbookFiles])).toEqual([[PR_HEAD, ['docs/failover-runbook.md']]]);
    expect(statuses).toEqual([
      { context: 'syncstage/review', state: 'success', description: 'not ready', target_url: COMMAND_URL },
      { context: 'syncstage/failover-prerequisites', state: 'failure', description: '5 of 7 prerequisites satisfied', target_url: COMMAND_URL },
    ]);
    expect(recorded.comments).toEqual([`**not ready** at \`${PR_HEAD}\` ([command](${COMMAND_URL}))`]);
    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
  });

  it('a bad input fails the step with the input named, before any request', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'event-'));
    await writeFile(path.join(dir, 'event.json'), JSON.stringify({ after: HEAD, repository }));
    const env = { INPUT_TOKEN: 't', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path.join(dir, 'event.json'), INPUT_COMMENT: 'loud' };
    const core = fakeCore();
    await runAction(() => createActionApp(stubDeps(recordingIO(env), [result()])), env, { core });
    expect(core.failed).toEqual(['input "comment": expected one of update, recreate, new, off, got "loud"']);
  });
});

describe("the Action's redaction key", () => {
  const PR_HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
  const KEY = 'k'.repeat(16);

  async function verifyStagingWithRedaction(key: string) {
    const recorded = recorder();
    const statuses: Record<string, unknown>[] = [];
    mockReactions(recorded, 2501234567, ['eyes', 'rocket']);
    // No settings file at the pull request's base (mockPull's), where the command reads them.
    mockSettingsCommit('contoso', 'identity-sync', '89e6c98d92887913cadf06b2adb97f26cde4849b', null);
    mockPermission('alice-admin', 'write');
    mockPull(42, PR_HEAD);
    // Not Markdown: nothing to read for a runbook's front matter (the tree is empty).
    mockPullFiles(42, ['src/app.ts']);
    mockTree(PR_HEAD, [], REPO_PATH);
    nock(API)
      .post(`${REPO_PATH}/statuses/${PR_HEAD}`)
      .times(2)
      .reply(201, (_uri, body) => (statuses.push(body as Record<string, unknown>), { id: statuses.length }));
    mockComment(recorded, 42);
    const payload = fixture<{ comment: { body: string } }>('issue_comment.created.pr.json');
    payload.comment.body = '/verify-staging';
    const dir = await mkdtemp(path.join(tmpdir(), 'event-'));
    await writeFile(path.join(dir, 'event.json'), JSON.stringify(payload));
    const env = {
      INPUT_TOKEN: 't',
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_RUN_ID: '1',
      INPUT_REDACT: 'true',
      'INPUT_REDACT-KEY': key,
    };
    const core = fakeCore();
    await runAction(actionApp(recordingIO(env), () => new Date('2026-11-24T09:00:00Z')), env, { core });
    return { core, statuses, recorded };
  }

  it('reaches the verification on the /verify-staging path as a typed value, and is masked', async () => {
    const { core, statuses, recorded } = await verifyStagingWithRedaction(KEY);
    expect(core.failed).toEqual([]);
    expect(core.secrets).toEqual(['t', KEY]);
    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
    expect(statuses.map((status) => [status.context, status.description])).toEqual([
      // The verification ran with redaction on (it refuses to start without the key): the empty tree is what it reports.
      ['syncstage/review', 'not ready: unreadable input: contoso/identity-sync@3f78685:**/exports/*.xml: no pending-export file (.xml or .xml.gz) matches this path or …'],
      ['syncstage/failover-prerequisites', 'no runbook in this PR'],
    ]);
    expect(recorded.comments.join('\n')).not.toContain('no key was given');
    expect(JSON.stringify([core.lines, recorded.comments, statuses])).not.toContain(KEY);
  });
});
