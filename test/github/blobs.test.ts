import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { gitBlobId } from '../../src/files/git-blob-id.js';
import { BlobCache, eventBlobs, MAX_CONCURRENT_BLOB_FETCHES } from '../../src/github/blobs.js';
import { ApiFileSource } from '../../src/github/files.js';
import { API, testOctokit } from './helpers.js';
import { mockTree } from './nock-github.js';

const REPO = { owner: 'contoso', repo: 'sync' };
const BASE = '2'.repeat(40);
const HEAD = '1'.repeat(40);
const SAME = Buffer.from('<cs-objects/>\n');
const CHANGED_AT_BASE = Buffer.from('primary: old\n');
const CHANGED_AT_HEAD = Buffer.from('primary: new\n');

function tree(sha: string, files: Record<string, Buffer>) {
  return mockTree(sha, Object.entries(files).map(([file, bytes]) => ({ path: file, type: 'blob', mode: '100644', sha: gitBlobId(bytes), size: bytes.length })), '/repos/contoso/sync');
}

/** GET git/blobs/:sha, counting each fetch: the test asserts how often a blob was asked for. */
function blobs(files: Buffer[], fetched: string[]) {
  for (const bytes of files) {
    nock(API)
      .get(`/repos/contoso/sync/git/blobs/${gitBlobId(bytes)}`)
      .reply(200, () => {
        fetched.push(gitBlobId(bytes));
        return bytes;
      })
      .persist();
  }
}

async function text(source: ApiFileSource | DiskFileSource, file: string): Promise<string> {
  return source.readText(file);
}

describe('gitBlobId', () => {
  it('is the id git gives the bytes (git hash-object)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'syncstage-blob-id-'));
    const file = path.join(dir, 'export.xml');
    const bytes = Buffer.from('<?xml version="1.0"?>\n<cs-objects>é</cs-objects>\n');
    writeFileSync(file, bytes);
    expect(gitBlobId(bytes)).toBe(execFileSync('git', ['hash-object', file], { encoding: 'utf8' }).trim());
    expect(gitBlobId(Buffer.alloc(0))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });
});

describe('one event\'s blobs (issue 12: API economy)', () => {
  it('a blob two commits share is fetched once per event: base and head read through one client', async () => {
    const fetched: string[] = [];
    tree(BASE, { 'exports/a.xml': SAME, 'config.yml': CHANGED_AT_BASE });
    tree(HEAD, { 'exports/a.xml': SAME, 'config.yml': CHANGED_AT_HEAD });
    blobs([SAME, CHANGED_AT_BASE, CHANGED_AT_HEAD], fetched);
    const octokit = testOctokit();
    const base = new ApiFileSource(octokit, REPO, BASE);
    const head = new ApiFileSource(octokit, REPO, HEAD);
    // Concurrent reads of the same blob share one fetch too.
    const read = await Promise.all([text(head, 'exports/a.xml'), text(base, 'exports/a.xml'), text(head, 'config.yml'), text(base, 'config.yml'), text(head, 'exports/a.xml')]);
    expect(read).toEqual([SAME.toString(), SAME.toString(), 'primary: new\n', 'primary: old\n', SAME.toString()]);
    expect(fetched.sort()).toEqual([gitBlobId(SAME), gitBlobId(CHANGED_AT_BASE), gitBlobId(CHANGED_AT_HEAD)].sort());
    expect(eventBlobs(octokit).fetched).toBe(3);
  });

  it('an event has at most 16 blob requests in flight (GitHub\'s secondary limits), however many files are read at once', async () => {
    const files = Array.from({ length: 40 }, (_, index) => Buffer.from(`<cs-objects>${index}</cs-objects>`));
    tree(BASE, Object.fromEntries(files.map((bytes, index) => [`exports/${index}.xml`, bytes])));
    const fetched: string[] = [];
    blobs(files, fetched);
    const octokit = testOctokit();
    const base = new ApiFileSource(octokit, REPO, BASE);
    await Promise.all(files.map((_, index) => text(base, `exports/${index}.xml`)));
    expect(fetched).toHaveLength(40);
    expect(eventBlobs(octokit).peakConcurrency).toBe(MAX_CONCURRENT_BLOB_FETCHES);
  });

  it('another event (another client) fetches again, unless the App\'s cache, kept across events, has it', async () => {
    const fetched: string[] = [];
    tree(BASE, { 'exports/a.xml': SAME });
    tree(BASE, { 'exports/a.xml': SAME });
    tree(BASE, { 'exports/a.xml': SAME });
    blobs([SAME], fetched);
    const cache = new BlobCache();
    const first = testOctokit();
    eventBlobs(first, cache);
    await text(new ApiFileSource(first, REPO, BASE), 'exports/a.xml');
    const second = testOctokit();
    eventBlobs(second, cache);
    await text(new ApiFileSource(second, REPO, BASE), 'exports/a.xml');
    expect(fetched).toHaveLength(1);
    // Without the shared cache, each event has its own.
    await text(new ApiFileSource(testOctokit(), REPO, BASE), 'exports/a.xml');
    expect(fetched).toHaveLength(2);
  });

  it('the cache is keyed by repository: another repository\'s tree listing the same id fetches it from there', async () => {
    const cache = new BlobCache();
    const octokit = testOctokit();
    eventBlobs(octokit, cache);
    tree(BASE, { 'a.xml': SAME });
    nock(API).get(`/repos/contoso/sync/git/blobs/${gitBlobId(SAME)}`).reply(200, SAME);
    await text(new ApiFileSource(octokit, REPO, BASE), 'a.xml');
    nock(API).get(`/repos/fabrikam/other/git/trees/${BASE}`).query({ recursive: '1' }).reply(200, { sha: BASE, truncated: false, tree: [{ path: 'a.xml', type: 'blob', sha: gitBlobId(SAME), size: SAME.length }] });
    const other = nock(API).get(`/repos/fabrikam/other/git/blobs/${gitBlobId(SAME)}`).reply(200, SAME);
    await text(new ApiFileSource(octokit, { owner: 'fabrikam', repo: 'other' }, BASE), 'a.xml');
    expect(other.isDone()).toBe(true);
  });

  it('a base file the checkout has with the same bytes at the same path is read from disk; a changed one is fetched', async () => {
    const checkoutDir = mkdtempSync(path.join(tmpdir(), 'syncstage-checkout-'));
    writeFileSync(path.join(checkoutDir, 'a.xml'), SAME);
    writeFileSync(path.join(checkoutDir, 'config.yml'), CHANGED_AT_HEAD);
    const fetched: string[] = [];
    tree(BASE, { 'a.xml': SAME, 'config.yml': CHANGED_AT_BASE });
    blobs([CHANGED_AT_BASE], fetched);
    const base = new ApiFileSource(testOctokit(), REPO, BASE, { checkout: new DiskFileSource(checkoutDir, { confined: true }) });
    expect(await text(base, 'a.xml')).toBe(SAME.toString());
    expect(await text(base, 'config.yml')).toBe('primary: old\n');
    expect(fetched).toEqual([gitBlobId(CHANGED_AT_BASE)]);
  });
});

describe('BlobCache', () => {
  it('keeps at most maxBytes, dropping the least recently used first, and never a blob over maxEntryBytes', () => {
    const cache = new BlobCache({ maxBytes: 10, maxEntryBytes: 6 });
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    cache.get('a');
    cache.set('c', Buffer.alloc(4));
    expect([cache.get('a')?.length, cache.get('b'), cache.get('c')?.length, cache.bytes]).toEqual([4, undefined, 4, 8]);
    cache.set('big', Buffer.alloc(7));
    expect([cache.get('big'), cache.bytes]).toEqual([undefined, 8]);
  });
});
