/**
 * The fork-safe split's part 2 finds the pull request to review from GitHub's answer alone (issue 15 item 5): the
 * open pull requests of the base repository at the run's head owner and branch, kept only when their head is the
 * exact commit the run was for. The whole handler runs against dist/index.js in test/e2e/attacks-action.test.ts.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { pullRequestsAtHead } from '../../src/github/workflow-run.js';
import { API, testOctokit } from './helpers.js';

const HEAD = 'a'.repeat(40);
const repo = { owner: 'contoso', repo: 'sync' };
const pull = (number: number, sha: string, base: string) => ({ number, head: { sha, ref: 'failover', label: 'mallory:failover' }, base: { sha: `${base[0]}`.repeat(40), ref: base } });

describe('pullRequestsAtHead', () => {
  it('keeps the open pull requests whose head is the run\'s commit, with the base GitHub gives', async () => {
    nock(API)
      .get('/repos/contoso/sync/pulls')
      .query({ state: 'open', head: 'mallory:failover', per_page: 100 })
      .reply(200, [pull(7, HEAD, 'main'), pull(8, 'b'.repeat(40), 'main'), pull(9, HEAD, 'release')]);
    const found = await pullRequestsAtHead(testOctokit(), repo, { event: 'pull_request', head_sha: HEAD, head_branch: 'failover', head_repository: { owner: { login: 'mallory' } } });
    expect(found).toEqual([
      { number: 7, head: { sha: HEAD }, base: { sha: 'm'.repeat(40), ref: 'main' } },
      { number: 9, head: { sha: HEAD }, base: { sha: 'r'.repeat(40), ref: 'release' } },
    ]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('asks nothing when the run names no head branch or owner (a deleted fork): no pull request', async () => {
    const octokit = testOctokit();
    expect(await pullRequestsAtHead(octokit, repo, { event: 'pull_request', head_sha: HEAD, head_branch: null, head_repository: { owner: { login: 'mallory' } } })).toEqual([]);
    expect(await pullRequestsAtHead(octokit, repo, { event: 'pull_request', head_sha: HEAD, head_branch: 'failover', head_repository: null })).toEqual([]);
  });
});
