// The pull request's syncstage: labels: exactly the HTTP calls made (nock fails any other), what holds, and that a
// failed label update fails the step without hiding a failing review.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/config/types.js';
import { labelFailure, labelsFor, MANAGED_LABELS, syncLabels } from '../../src/github/labels.js';
import { API, testOctokit } from './helpers.js';
import { BASE, HEAD, recordingIO, stubDeps, actionMergeGroup, actionPullRequest, actionPush } from './review-fixtures.js';
import { mockTree } from './nock-github.js';
import { result } from './stubs.js';

const LABELS = '/repos/contoso/sync/issues/7/labels';
const issue = { owner: 'contoso', repo: 'sync', issueNumber: 7 };
const named = (...names: string[]) => names.map((name, id) => ({ id, name, color: 'ededed' }));

afterEach(() => {
  // Every mocked call was made: a test that expects a call cannot pass without it.
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('labelsFor', () => {
  it('names what holds, in a fixed order', () => {
    const drift: DriftReport = {
      schemaVersion: 1,
      primary: {},
      staging: {},
      differences: [{ id: 'd-1', category: 'scope', kind: 'added', subject: 'OU=Disabled Users', field: 'containerExclusion' }],
      productVersion: [],
      expected: [],
      ignored: {},
      missing: [],
    };
    expect(labelsFor(result())).toEqual(['syncstage:deletes']);
    expect(labelsFor(result({ verdict: 'not-ready', drift }))).toEqual(['syncstage:not-ready', 'syncstage:deletes', 'syncstage:drift']);
    expect(labelsFor({ verdict: 'ready', exports: undefined, drift: undefined })).toEqual([]);
    const risky = result();
    risky.exports!.risky = [{ kind: 'delete-add', count: 1, examples: [] }];
    risky.exports!.operations = { update: 3 };
    expect(labelsFor(risky)).toEqual(['syncstage:risky']);
    expect(MANAGED_LABELS).toEqual(['syncstage:not-ready', 'syncstage:deletes', 'syncstage:drift', 'syncstage:risky']);
  });
});

describe('syncLabels', () => {
  it('adds the labels that hold in one POST, after one listing', async () => {
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, named('bug'));
    nock(API).post(LABELS, { labels: ['syncstage:not-ready', 'syncstage:deletes'] }).reply(200, named('bug', 'syncstage:not-ready', 'syncstage:deletes'));
    expect(await syncLabels(testOctokit(), issue, ['syncstage:not-ready', 'syncstage:deletes'])).toEqual({ added: ['syncstage:not-ready', 'syncstage:deletes'], removed: [] });
  });

  it('removes the managed labels that no longer hold, one DELETE each, and touches no other label', async () => {
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, named('syncstage:not-ready', 'syncstage:drift', 'syncstage:deletes', 'syncstage:custom', 'needs-review'));
    nock(API).delete(`${LABELS}/syncstage%3Anot-ready`).reply(200, []);
    // Gone meanwhile (another run removed it): what was wanted.
    nock(API).delete(`${LABELS}/syncstage%3Adrift`).reply(404, { message: 'Label does not exist' });
    expect(await syncLabels(testOctokit(), issue, ['syncstage:deletes'])).toEqual({ added: [], removed: ['syncstage:not-ready', 'syncstage:drift'] });
  });

  it('makes no call but the listing when the labels already match', async () => {
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, named('syncstage:deletes', 'bug'));
    expect(await syncLabels(testOctokit(), issue, ['syncstage:deletes'])).toEqual({ added: [], removed: [] });
  });

  it('reads every page of labels before deciding', async () => {
    const many = Array.from({ length: 100 }, (_, i) => `label-${i}`);
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, named(...many));
    nock(API).get(LABELS).query({ per_page: 100, page: 2 }).reply(200, named('syncstage:deletes'));
    expect(await syncLabels(testOctokit(), issue, ['syncstage:deletes'])).toEqual({ added: [], removed: [] });
  });

  it('throws on any other failure, and the message names the status and the permission', async () => {
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, []);
    nock(API).post(LABELS).reply(403, { message: 'Resource not accessible by integration' });
    const error = await syncLabels(testOctokit(), issue, ['syncstage:drift']).catch((caught: unknown) => caught);
    const message = labelFailure(error);
    expect(message).toMatch(/^could not update the pull request's labels \(HTTP 403: Resource not accessible by integration/);
    expect(message).toMatch(
      /\): the token needs pull-requests: write to label a pull request and issues: write to create a label the repository does not have yet \(a pull request from a fork gets a read-only token\); the labels on the pull request may be stale, so the step fails$/,
    );
  });
});

describe('the review with labels: true', () => {
  const repository = { name: 'sync', owner: { login: 'contoso' } };
  const payload = { action: 'synchronize', pull_request: { number: 7, head: { sha: HEAD }, base: { sha: BASE, ref: 'main' } }, repository };
  const env = { INPUT_EXPORTS: 'examples/**/*.xml', INPUT_COMMENT: 'off', INPUT_LABELS: 'true', 'INPUT_FAIL-ON': 'not-ready' };
  const log = { info: () => {}, warn: () => {} };

  function commitTrees() {
    for (const sha of [HEAD, BASE]) mockTree(sha, [], '/repos/contoso/sync');
    nock(API).get('/repos/contoso/sync/pulls/7/files').query({ per_page: 100 }).reply(200, []);
    nock(API).post(`/repos/contoso/sync/statuses/${HEAD}`).reply(201, {});
  }

  it('labels the pull request from the result, and the step passes', async () => {
    commitTrees();
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, named('syncstage:not-ready'));
    nock(API).post(LABELS, { labels: ['syncstage:deletes'] }).reply(200, []);
    nock(API).delete(`${LABELS}/syncstage%3Anot-ready`).reply(200, []);
    const io = recordingIO(env);
    await actionPullRequest({ payload, octokit: testOctokit(), log }, stubDeps(io, [result()]));
    expect(io.failures).toEqual([]);
  });

  it('makes no label call with labels off', async () => {
    commitTrees();
    const io = recordingIO({ ...env, INPUT_LABELS: 'false' });
    await actionPullRequest({ payload, octokit: testOctokit(), log }, stubDeps(io, [result({ verdict: 'not-ready' })]));
    expect(io.failures).toEqual(['syncstage: not-ready: the staging server is not ready to switch (fail-on: not-ready)']);
  });

  it('fails a passing review when the labels cannot be set, naming why', async () => {
    commitTrees();
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(403, { message: 'Resource not accessible by integration' });
    const io = recordingIO(env);
    const warnings: string[] = [];
    await actionPullRequest({ payload, octokit: testOctokit(), log: { info: () => {}, warn: (message) => void warnings.push(message) } }, stubDeps(io, [result()]));
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^syncstage: could not update the pull request's labels \(HTTP 403: Resource not accessible by integration/);
    expect(io.failures[0]).toContain('the token needs pull-requests: write');
    expect(warnings).toEqual([io.failures[0]!.replace(/^syncstage: /, '')]);
  });

  it('keeps a failing review failing, with both reasons, when the labels cannot be set either', async () => {
    commitTrees();
    nock(API).get(LABELS).query({ per_page: 100, page: 1 }).reply(200, []);
    nock(API).post(LABELS, { labels: ['syncstage:not-ready', 'syncstage:deletes'] }).reply(403, { message: 'Resource not accessible by integration' });
    const io = recordingIO(env);
    await actionPullRequest({ payload, octokit: testOctokit(), log }, stubDeps(io, [result({ verdict: 'not-ready' })]));
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^syncstage: not-ready: the staging server is not ready to switch \(fail-on: not-ready\); could not update the pull request's labels \(HTTP 403: /);
  });
});
