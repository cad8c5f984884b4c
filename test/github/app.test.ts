import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { InputError } from '../../src/errors.js';
import { API, fixture, testProbot } from './helpers.js';
import { mockChecks, mockConfig, mockPull, mockPullFiles, recorder, REPO_PATH } from './nock-github.js';
import { stubDeps, stubRuntimeOf } from './app-stubs.js';
import { gate, result } from './stubs.js';

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const MG_HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

async function receive(name: string, payload: unknown, deps: ReturnType<typeof stubDeps>['deps']): Promise<void> {
  const probot = testProbot();
  await probot.load(syncstageApp(deps, { runtime: stubRuntimeOf(deps)! }));
  await probot.receive({ name, id: crypto.randomUUID(), payload } as never);
}

describe('pull_request', () => {
  it("hands the review the syncstage/review check run's page, which the comment's first screen links", async () => {
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready' }));
    mockConfig(null);
    mockPullFiles(42, []);
    let id = 0;
    nock(API)
      .post(`${REPO_PATH}/check-runs`)
      .times(2)
      .reply(201, () => ((id += 1), { id, html_url: `https://github.com/contoso/identity-sync/runs/${id}` }));
    await receive('pull_request', fixture('pull_request.opened.json'), deps);
    expect(calls.runs).toEqual([{ url: 'https://github.com/contoso/identity-sync/runs/1', label: 'check run' }]);
  });

  it.each(['opened', 'synchronize', 'reopened', 'edited', 'ready_for_review'])('%s: the review and both checks on the head SHA', async (action) => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready', gates: [gate(false, 'docs/failover-runbook.md')] }));
    mockConfig(null);
    mockPullFiles(42, ['docs/failover-runbook.md', 'README.md']);
    mockChecks(recorded, 2);
    const payload = fixture<{ action: string; changes?: unknown }>(action === 'synchronize' ? 'pull_request.synchronize.json' : 'pull_request.opened.json');
    payload.action = action;
    // An edit is reviewed when it moved the base branch (GitHub's `changes.base`).
    if (action === 'edited') payload.changes = { base: { ref: { from: 'develop' }, sha: { from: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' } } };
    await receive('pull_request', payload, deps);
    expect(calls.reviews).toBe(1);
    // The head once, with the base handed over (the switch impact tells persistent exports from new ones there),
    // then the base on its own, for the comment's "since main": its runbooks are not the gate's.
    expect(calls.verified.map((call) => [call.sha, call.inputs.runbookFiles, call.inputs.runbooks])).toEqual([
      [HEAD, ['docs/failover-runbook.md'], []],
      [BASE, [], []],
    ]);
    expect(calls.verified.map((call) => call.base)).toEqual([BASE, undefined]);
    // Default fail-on (threshold,errors): no threshold exceeded and no input error, so the review check passes while
    // its title says "not ready"; the gate fails on the unsatisfied prerequisites regardless of fail-on.
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion, check.output.title, check.details_url])).toEqual([
      ['syncstage/review', HEAD, 'success', 'not ready', 'https://github.com/contoso/identity-sync/pull/42'],
      ['syncstage/failover-prerequisites', HEAD, 'failure', '5 of 7 prerequisites satisfied', 'https://github.com/contoso/identity-sync/pull/42'],
    ]);
  });

  it('issue 12: edited with only a new title or body: no request, nothing judged, nothing posted (the head\'s review stands)', async () => {
    const { deps, calls } = stubDeps();
    for (const changes of [{ title: { from: 'SYNC02 snapshot' } }, { body: { from: '' } }]) {
      const payload = fixture<{ action: string; changes?: unknown }>('pull_request.opened.json');
      payload.action = 'edited';
      payload.changes = changes;
      // No interceptor: any request would fail the test (test/setup.ts closes the network).
      await receive('pull_request', payload, deps);
    }
    expect(calls.verified).toEqual([]);
    expect(calls.reviews).toBe(0);
  });

  it('gives a PR without a runbook a passing gate', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockConfig('runbooks: [runbooks/*.md]\n');
    mockPullFiles(42, ['docs/failover-runbook.md']);
    mockChecks(recorded, 2);
    await receive('pull_request', fixture('pull_request.opened.json'), deps);
    expect([calls.verified[0]!.inputs.runbookFiles, calls.verified[0]!.inputs.runbooks]).toEqual([[], []]);
    expect(recorded.checks[1]).toMatchObject({ name: 'syncstage/failover-prerequisites', conclusion: 'success', output: { title: 'no runbook in this PR' } });
  });

  it('fails both checks on an invalid config, naming the key', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockConfig('comment: sometimes\n');
    mockChecks(recorded, 2);
    await receive('pull_request', fixture('pull_request.opened.json'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.checks.map((check) => [check.name, check.conclusion, check.output.title])).toEqual([
      ['syncstage/review', 'failure', 'invalid .github/syncstage.yml: contoso/identity-sync@89e6c98:.github/syncstage.yml: "comment" must be one of update, recreate, new, off'],
      ['syncstage/failover-prerequisites', 'failure', 'invalid .github/syncstage.yml: contoso/identity-sync@89e6c98:.github/syncstage.yml: "comment" must be one of update, recreate, new, off'],
    ]);
    // Named as read: at the pull request's base, where the rules come from.
    expect(recorded.checks[0]!.output.summary).toContain('contoso/identity-sync@89e6c98:.github/syncstage.yml: "comment" must be one of update, recreate, new, off');
  });

  it('fails both checks when a file is missing', async () => {
    const recorded = recorder();
    const { deps } = stubDeps(new InputError('exports/contoso.xml', 'file not found at this commit'));
    mockConfig(null);
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    await receive('pull_request', fixture('pull_request.opened.json'), deps);
    expect(recorded.checks.map((check) => check.conclusion)).toEqual(['failure', 'failure']);
    expect(recorded.checks[1]!.output.summary).toContain('exports/contoso.xml: file not found at this commit');
  });

  it('still runs the review when the checks fail, and reports the failure', async () => {
    const { deps, calls } = stubDeps(result());
    mockConfig(null);
    mockPullFiles(42, []);
    nock(API).post(`${REPO_PATH}/check-runs`).reply(500, { message: 'Server Error' });
    await expect(receive('pull_request', fixture('pull_request.opened.json'), deps)).rejects.toThrow('Server Error');
    expect(calls.reviews).toBe(1);
  });

  it('ignores actions it does not handle (closed)', async () => {
    const { deps, calls } = stubDeps();
    const payload = fixture<{ action: string }>('pull_request.opened.json');
    payload.action = 'closed';
    await receive('pull_request', payload, deps);
    expect(calls.verified).toEqual([]);
    expect(calls.reviews).toBe(0);
  });
});

describe('check_run.rerequested', () => {
  it('re-evaluates the check run\'s head SHA for its pull request', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ gates: [gate(true)] }));
    mockConfig(null);
    mockPullFiles(42, ['docs/failover-runbook.md']);
    mockChecks(recorded, 2);
    await receive('check_run', fixture('check_run.rerequested.json'), deps);
    expect(calls.verified.map((call) => call.sha)).toEqual([HEAD]);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion])).toEqual([
      ['syncstage/review', HEAD, 'success'],
      ['syncstage/failover-prerequisites', HEAD, 'success'],
    ]);
  });

  it('finds the pull request of a fork commit through the commit', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    const payload = fixture<{ check_run: { pull_requests: unknown[] } }>('check_run.rerequested.json');
    payload.check_run.pull_requests = [];
    nock(API).get(`${REPO_PATH}/commits/${HEAD}/pulls`).reply(200, [{ number: 42, state: 'open', base: { sha: BASE } }, { number: 7, state: 'closed', base: { sha: BASE } }]);
    mockConfig(null);
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    await receive('check_run', payload, deps);
    expect(calls.verified.map((call) => call.sha)).toEqual([HEAD]);
    expect(recorded.checks).toHaveLength(2);
  });

  it('fails both checks saying why for a commit in no open pull request: "Re-run" never does nothing', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    const payload = fixture<{ check_run: { pull_requests: unknown[] } }>('check_run.rerequested.json');
    payload.check_run.pull_requests = [];
    nock(API).get(`${REPO_PATH}/commits/${HEAD}/pulls`).reply(200, [{ number: 7, state: 'closed' }]);
    mockChecks(recorded, 2);
    await receive('check_run', payload, deps);
    expect(calls.verified).toEqual([]);
    const why = 'no open pull request has commit 3f78685, so there is no change to judge: re-run the checks from an open pull request, or push to it';
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion, check.output.title, check.output.summary])).toEqual([
      ['syncstage/review', HEAD, 'failure', `re-run not possible: ${why}`, `re-run not possible:\n\n\`\`\`\n${why}\n\`\`\``],
      ['syncstage/failover-prerequisites', HEAD, 'failure', `re-run not possible: ${why}`, `re-run not possible:\n\n\`\`\`\n${why}\n\`\`\``],
    ]);
  });

  it('ignores other checks', async () => {
    const { deps, calls } = stubDeps();
    const payload = fixture<{ check_run: { name: string } }>('check_run.rerequested.json');
    payload.check_run.name = 'build';
    await receive('check_run', payload, deps);
    expect(calls.verified).toEqual([]);
  });
});

/**
 * "Re-run" on a check of a merge-queue entry's commit (`gh-readonly-queue/main/pr-42-...`): GitHub lists no pull
 * request with it, and none is associated with the commit. The payloads are @octokit/webhooks-examples' own
 * (check_run.rerequested, check_suite.rerequested), with the repository and the queue's branch and SHA put in.
 */
describe('issue 12: re-run in a merge queue', () => {
  it('check_run.rerequested: judges the queue commit for the pull request its branch names, as merge_group does', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready', gates: [gate(false, 'docs/failover-runbook.md')] }));
    mockConfig(null);
    // GitHub lists no pull request with a queue commit: its base is the queue commit's first parent (merge_group's
    // base_sha), where the rules and the earlier snapshots are read.
    nock(API).get(`${REPO_PATH}/commits/${MG_HEAD}`).reply(200, { sha: MG_HEAD, parents: [{ sha: BASE }] });
    mockPullFiles(42, ['docs/failover-runbook.md']);
    mockChecks(recorded, 2);
    await receive('check_run', fixture('check_run.rerequested.merge-queue.json'), deps);
    expect(calls.verified.map((call) => [call.sha, call.inputs.runbookFiles])).toEqual([[MG_HEAD, ['docs/failover-runbook.md']]]);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion, check.details_url])).toEqual([
      ['syncstage/review', MG_HEAD, 'success', 'https://github.com/contoso/identity-sync/pull/42'],
      ['syncstage/failover-prerequisites', MG_HEAD, 'failure', 'https://github.com/contoso/identity-sync/pull/42'],
    ]);
  });

  it('check_suite.rerequested ("Re-run all checks") on the queue commit: the same', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockConfig(null);
    nock(API).get(`${REPO_PATH}/commits/${MG_HEAD}`).reply(200, { sha: MG_HEAD, parents: [{ sha: BASE }] });
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    await receive('check_suite', fixture('check_suite.rerequested.merge-queue.json'), deps);
    expect(calls.verified.map((call) => call.sha)).toEqual([MG_HEAD]);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion])).toEqual([
      ['syncstage/review', MG_HEAD, 'success'],
      ['syncstage/failover-prerequisites', MG_HEAD, 'success'],
    ]);
  });

  it('a queue branch that names no pull request: both checks fail naming the branch, nothing is judged', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    const payload = fixture<{ check_run: { check_suite: { head_branch: string } } }>('check_run.rerequested.merge-queue.json');
    payload.check_run.check_suite.head_branch = 'gh-readonly-queue/main/batch-7';
    mockChecks(recorded, 2);
    await receive('check_run', payload, deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.checks.map((check) => [check.head_sha, check.conclusion, check.output.title.split(':')[0]])).toEqual([
      [MG_HEAD, 'failure', 're-run not possible'],
      [MG_HEAD, 'failure', 're-run not possible'],
    ]);
    expect(recorded.checks[1]!.output.summary).toContain('the merge-queue branch gh-readonly-queue/main/batch-7 names no pull request (expected gh-readonly-queue/<base>/pr-<number>-<sha>)');
  });
});

describe('check_suite.rerequested', () => {
  it('re-evaluates the suite\'s head SHA ("Re-run all checks")', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockConfig(null);
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    await receive('check_suite', fixture('check_suite.rerequested.json'), deps);
    expect(calls.verified.map((call) => call.sha)).toEqual([HEAD]);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.details_url])).toEqual([
      ['syncstage/review', HEAD, 'https://github.com/contoso/identity-sync/pull/42'],
      ['syncstage/failover-prerequisites', HEAD, 'https://github.com/contoso/identity-sync/pull/42'],
    ]);
  });
});

describe('merge_group.checks_requested', () => {
  it('evaluates the merge group head with the runbooks it changes', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready', gates: [gate(false, 'docs/failover-runbook.md')] }));
    // fail-on as a YAML list: unsatisfied prerequisites fail the review check too.
    mockConfig('fail-on: [threshold, errors, prerequisites]\n');
    // The queue entry's own pull request (gh-readonly-queue/main/pr-42-...): its files, paginated, not the
    // comparison with the base (which GitHub cuts at 300 files).
    nock(API)
      .get(`${REPO_PATH}/pulls/42/files`)
      .query({ per_page: '100' })
      .reply(200, [{ filename: 'docs/failover-runbook.md', status: 'added' }, { filename: 'docs/old-runbook.md', status: 'removed' }]);
    mockChecks(recorded, 2);
    await receive('merge_group', fixture('merge_group.checks_requested.json'), deps);
    expect(calls.verified.map((call) => [call.sha, call.inputs.runbookFiles, call.base])).toEqual([[MG_HEAD, ['docs/failover-runbook.md'], BASE]]);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion])).toEqual([
      ['syncstage/review', MG_HEAD, 'failure'],
      ['syncstage/failover-prerequisites', MG_HEAD, 'failure'],
    ]);
    expect(recorded.checks[0]).not.toHaveProperty('details_url');
  });
});

describe('issue 15 item 4: the App\'s merge_group reads trusted settings', () => {
  it('reads .github/syncstage.yml at the queue\'s base commit (never the queue\'s head), once', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockConfig('runbooks: [docs/*.md]\n');
    nock(API).get(`${REPO_PATH}/pulls/42/files`).query({ per_page: '100' }).reply(200, [{ filename: 'docs/failover-runbook.md', status: 'added' }]);
    mockChecks(recorded, 2);
    await receive('merge_group', fixture('merge_group.checks_requested.json'), deps);
    // The settings' commit is opened first; it is the base, opened once for the settings and the comparison.
    expect(calls.opened.map((open) => open.sha)).toEqual([BASE, MG_HEAD]);
    expect(calls.verified[0]!.inputs.runbookFiles).toEqual(['docs/failover-runbook.md']);
  });
});

describe('other events', () => {
  it('are ignored without a call', async () => {
    const { deps, calls } = stubDeps();
    await receive('issues', { action: 'opened', issue: { number: 1 }, repository: fixture<{ repository: unknown }>('pull_request.opened.json').repository, installation: { id: 1 } }, deps);
    await receive('push', { ref: 'refs/heads/main', repository: fixture<{ repository: unknown }>('pull_request.opened.json').repository, installation: { id: 1 } }, deps);
    expect(calls.verified).toEqual([]);
  });
});
