/**
 * Issue 15 item 10: a budget per event. Reads of repository content through the API (trees, blobs) and the bytes of
 * blobs are counted per event; past the limit a read is an InputError naming the file and the limit, so the review
 * fails naming it instead of running for minutes or passing on a partial read. Writes are never counted.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { eventBudget, DEFAULT_EVENT_LIMITS } from '../../src/github/event-budget.js';
import { ApiFileSource } from '../../src/github/files.js';
import { API, testOctokit } from '../github/helpers.js';
import { mockTree } from '../github/nock-github.js';

const SHA = 'a'.repeat(40);
const FILES = ['a.xml', 'b.xml', 'c.xml', 'd.xml'];

function mockFilesTree(): void {
  mockTree(SHA, FILES.map((path, index) => ({ path, type: 'blob', mode: '100644', sha: `b${index}`, size: 40 })), '/repos/o/r');
}

function mockBlob(index: number): void {
  nock(API).get(`/repos/o/r/git/blobs/b${index}`).reply(200, 'x'.repeat(40), { 'content-type': 'application/vnd.github.raw' });
}

describe('the per-event budget', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_EVENT_LIMITS).toEqual({ maxContentRequests: 1_000, maxBlobBytes: 512 * 1024 * 1024 });
  });

  it('content reads past the limit are refused before any request, naming the file and the limit', async () => {
    const octokit = testOctokit();
    const budget = eventBudget(octokit, { maxContentRequests: 3, maxBlobBytes: 1_000_000 });
    const source = new ApiFileSource(octokit, { owner: 'o', repo: 'r' }, SHA);
    mockFilesTree();
    mockBlob(0);
    mockBlob(1);
    expect(await source.readText('a.xml')).toHaveLength(40);
    expect(await source.readText('b.xml')).toHaveLength(40);
    // The tree and two blobs: the budget is spent; the third blob is never requested (no interceptor: nock would fail).
    await expect(source.readText('c.xml')).rejects.toThrow(`o/r@aaaaaaa:c.xml: this event needed more than 3 reads of repository content (trees, blobs), the limit per event`);
    expect(budget.requests).toBe(3);
  });

  it('bytes past the limit are refused before the blob is fetched', async () => {
    const octokit = testOctokit();
    eventBudget(octokit, { maxContentRequests: 100, maxBlobBytes: 100 });
    const source = new ApiFileSource(octokit, { owner: 'o', repo: 'r' }, SHA);
    mockFilesTree();
    mockBlob(0);
    mockBlob(1);
    await source.readText('a.xml');
    await source.readText('b.xml');
    await expect(source.readText('c.xml')).rejects.toThrow('o/r@aaaaaaa:c.xml: reading it would take this event past 100 bytes of files read through the API, the limit per event');
  });

  it('writes are not counted: the failure can still be posted', async () => {
    const octokit = testOctokit();
    const budget = eventBudget(octokit, { maxContentRequests: 0, maxBlobBytes: 0 });
    nock(API).post(`/repos/o/r/statuses/${SHA}`).reply(201, {});
    await octokit.rest.repos.createCommitStatus({ owner: 'o', repo: 'r', sha: SHA, state: 'failure', context: 'x' });
    expect(budget.requests).toBe(0);
  });
});
