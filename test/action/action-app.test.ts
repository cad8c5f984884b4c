// The Action's handler set, routed by the adapter exactly as in a run: which event reaches which handler.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { runAppInAction } from '../../src/github/action-adapter.js';
import { createActionApp } from '../../src/github/action-app.js';
import { API } from '../github/helpers.js';
import { BASE, HEAD, recordingIO, result, stubDeps, type VerifyCall } from '../github/review-fixtures.js';
import { fakeCore } from './fake-core.js';

const repository = { name: 'sync', owner: { login: 'contoso' } };
const pr = { number: 7, head: { sha: HEAD }, base: { sha: BASE, ref: 'main' } };

async function run(eventName: string, payload: object) {
  const dir = await mkdtemp(path.join(tmpdir(), 'event-'));
  await writeFile(path.join(dir, 'event.json'), JSON.stringify(payload));
  const env = { INPUT_TOKEN: 't', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_RUN_ID: '1', INPUT_COMMENT: 'off', GITHUB_SHA: HEAD, INPUT_EXPORTS: '*.xml' };
  const io = recordingIO(env);
  const calls: VerifyCall[] = [];
  const core = fakeCore();
  await runAppInAction(createActionApp(stubDeps(io, [result()], calls)), env, { core });
  return { io, calls, core };
}

function emptyTree(sha: string) {
  nock(API).get(`/repos/contoso/sync/git/trees/${sha}`).query({ recursive: '1' }).reply(200, { sha, truncated: false, tree: [] });
}

describe('createActionApp routing', () => {
  it.each(['pull_request', 'pull_request_target'])('%s reviews the PR head and posts the gate status', async (eventName) => {
    emptyTree(HEAD);
    emptyTree(BASE);
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
    const { calls, core } = await run(eventName, { action: 'synchronize', pull_request: pr, repository });
    expect(core.failed).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it('ignores a closed pull request', async () => {
    const { calls, core } = await run('pull_request', { action: 'closed', pull_request: pr, repository });
    expect(calls).toEqual([]);
    expect(core.failed).toEqual([]);
  });

  it('merge_group.checks_requested posts the gate status on the queue commit', async () => {
    emptyTree(HEAD);
    emptyTree(BASE);
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
    const { calls } = await run('merge_group', { action: 'checks_requested', merge_group: { head_sha: HEAD, base_sha: BASE, base_ref: 'refs/heads/main' }, repository });
    expect(calls).toHaveLength(2);
  });

  it.each(['push', 'workflow_dispatch'])('%s writes the summary only', async (eventName) => {
    emptyTree(HEAD);
    const { io, calls } = await run(eventName, { after: HEAD, ref: 'refs/heads/main', repository });
    expect(calls).toHaveLength(1);
    expect(io.summaries).toEqual(['summary: ready']);
  });

  it('issue_comment without the command does nothing', async () => {
    const { calls, core } = await run('issue_comment', {
      action: 'created',
      comment: { body: 'looks good', user: { login: 'megan', type: 'User' }, author_association: 'MEMBER' },
      issue: { number: 7, pull_request: {} },
      repository,
    });
    expect(calls).toEqual([]);
    expect(core.failed).toEqual([]);
  });

  it('a bad input fails the step with the input named, before any request', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'event-'));
    await writeFile(path.join(dir, 'event.json'), JSON.stringify({ after: HEAD, repository }));
    const env = { INPUT_TOKEN: 't', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path.join(dir, 'event.json'), INPUT_COMMENT: 'loud' };
    const core = fakeCore();
    await runAppInAction(createActionApp(stubDeps(recordingIO(env), [result()])), env, { core });
    expect(core.failed).toEqual(['input "comment": expected one of update, recreate, new, off, got "loud"']);
  });
});
