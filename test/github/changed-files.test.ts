import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { comparedFiles, mergeQueuePullNumber, pullRequestFiles } from '../../src/github/changed-files.js';
import { API, testOctokit } from './helpers.js';

const REPO = { owner: 'contoso', repo: 'sync' };

describe('mergeQueuePullNumber', () => {
  it('reads the pull request of a merge-queue entry from its ref, and nothing else', () => {
    expect(mergeQueuePullNumber('refs/heads/gh-readonly-queue/main/pr-42-89e6c98d92887913cadf06b2adb97f26cde4849b')).toBe(42);
    expect(mergeQueuePullNumber('refs/heads/gh-readonly-queue/release/2026-11/pr-7-abc123')).toBe(7);
    expect(mergeQueuePullNumber('refs/heads/custom-queue/main')).toBeUndefined();
    expect(mergeQueuePullNumber('refs/heads/gh-readonly-queue/main/pr-x-abc')).toBeUndefined();
  });
});

/** `GET /pulls/7/files`, `count` files over pages of 100 linked as GitHub links them. */
function mockPullFiles(count: number): void {
  const pages = Math.max(1, Math.ceil(count / 100));
  for (let page = 1; page <= pages; page++) {
    const files = Array.from({ length: Math.min(100, count - (page - 1) * 100) }, (_, i) => ({ filename: `f/${(page - 1) * 100 + i}.txt`, status: i === 0 ? 'removed' : 'added' }));
    const next: Record<string, string> = page < pages ? { link: `<${API}/repos/contoso/sync/pulls/7/files?per_page=100&page=${page + 1}>; rel="next"` } : {};
    nock(API)
      .get('/repos/contoso/sync/pulls/7/files')
      .query(page === 1 ? { per_page: 100 } : { per_page: 100, page })
      .reply(200, files, next);
  }
}

describe('pullRequestFiles', () => {
  it('lists what the pull request adds or changes, removed files left out', async () => {
    mockPullFiles(250);
    const files = await pullRequestFiles(testOctokit(), REPO, 7);
    expect(files).toHaveLength(247);
    expect(files).not.toContain('f/0.txt');
  });

  it("a list that reaches GitHub's 3,000-file cap is an error naming it, never a shorter list", async () => {
    mockPullFiles(3000);
    await expect(pullRequestFiles(testOctokit(), REPO, 7)).rejects.toThrow(
      'pull request #7: GitHub lists at most 3,000 changed files here and this change reaches that limit, so a runbook among the others could not be seen: split the change',
    );
  });
});

describe('comparedFiles', () => {
  it("a comparison that reaches GitHub's 300-file cap is an error naming it", async () => {
    const base = '2'.repeat(40);
    const head = '1'.repeat(40);
    nock(API)
      .get(`/repos/contoso/sync/compare/${base}...${head}`)
      .query({ per_page: 100 })
      .reply(200, { files: Array.from({ length: 300 }, (_, i) => ({ filename: `f/${i}.txt`, status: 'added' })) });
    await expect(comparedFiles(testOctokit(), REPO, base, head)).rejects.toThrow('2222222...1111111: GitHub lists at most 300 changed files here');
  });
});
