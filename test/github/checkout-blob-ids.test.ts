/**
 * The Action's checkout names each file by its git blob id, so an export unchanged between the base (read through
 * the API, where every file has its blob sha) and the head (read from the checkout) is analysed once (issue 16).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { analyzeExportFiles } from '../../src/exports/analyze.js';
import { SummaryCache } from '../../src/exports/summary-cache.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { ApiFileSource } from '../../src/github/files.js';
import { checkoutSources } from '../../src/github/sources.js';
import { GOLDEN_XML } from '../support/golden.js';
import { API, testOctokit } from './helpers.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const REPO = { owner: 'contoso', repo: 'sync' };
const CONNECTOR = 'contoso.onmicrosoft.com - AAD';
const EXPORT = 'snapshots/staging/exports/aad.xml';
const goldenPath = fileURLToPath(GOLDEN_XML);
/** What git itself names the golden export's bytes. */
const GOLDEN_BLOB = execFileSync('git', ['hash-object', goldenPath], { encoding: 'utf8' }).trim();

async function checkout(files: Record<string, string>, exportFile?: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syncstage-blob-ids-'));
  await mkdir(path.join(root, '.git'), { recursive: true });
  await writeFile(path.join(root, '.git', 'HEAD'), `${HEAD}\n`);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  if (exportFile) {
    await mkdir(path.dirname(path.join(root, exportFile)), { recursive: true });
    await copyFile(goldenPath, path.join(root, exportFile));
  }
  return root;
}

function baseTree(sha: string, size: number) {
  return nock(API)
    .get(`/repos/contoso/sync/git/trees/${BASE}`)
    .query({ recursive: '1' })
    .reply(200, { sha: BASE, truncated: false, tree: [{ path: EXPORT, type: 'blob', sha, size }] });
}

describe('blob ids of the checkout', () => {
  it('are what `git hash-object` prints: SHA-1 of "blob <size>\\0" and the bytes', async () => {
    const root = await checkout({ 'hello.txt': 'hello\n', 'empty.txt': '', 'dir/x.txt': 'x' });
    const source = new DiskFileSource(root, { confined: true, contentIds: true });
    expect(await source.contentId?.('hello.txt')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(await source.contentId?.('empty.txt')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    const golden = await checkout({}, EXPORT);
    expect(await new DiskFileSource(golden, { contentIds: true }).contentId?.(EXPORT)).toBe(GOLDEN_BLOB);
    expect(GOLDEN_BLOB).toMatch(/^[0-9a-f]{40}$/);
  });

  it('are claimed only when asked for (the CLI reads each file once), and a missing file or a folder is an error naming it', async () => {
    const root = await checkout({ 'hello.txt': 'hello\n' });
    expect(new DiskFileSource(root).contentId).toBeUndefined();
    expect(new DiskFileSource(root, { confined: true }).contentId).toBeUndefined();
    const source = new DiskFileSource(root, { confined: true, contentIds: true });
    await expect(source.contentId?.('nope.xml')).rejects.toThrow(/^nope\.xml: no such file$/);
    await expect(source.contentId?.('.git')).rejects.toThrow(/^\.git: not a file$/);
  });

  it('are given by the Action\'s checkout source', async () => {
    const root = await checkout({ 'hello.txt': 'hello\n' });
    const source = await checkoutSources(root)(testOctokit(), REPO, HEAD);
    expect(source).toBeInstanceOf(DiskFileSource);
    expect(await source.contentId?.('hello.txt')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('an export unchanged between the base (API) and the head (checkout)', () => {
  it('is analysed once: the base blob is never downloaded, and each report names its own commit', async () => {
    const root = await checkout({}, EXPORT);
    const head = await checkoutSources(root)(testOctokit(), REPO, HEAD);
    const tree = baseTree(GOLDEN_BLOB, 1000);
    // No blob reply: a download of the base's copy would be an unmatched request, and the base unreadable.
    const base = new ApiFileSource(testOctokit(), REPO, BASE);
    const cache = new SummaryCache(8);
    const refs = [{ path: EXPORT, connector: CONNECTOR }];
    const fromHead = await analyzeExportFiles(head, refs, {}, cache);
    const fromBase = await analyzeExportFiles(base, refs, {}, cache);
    expect(fromHead.unreadable).toEqual([]);
    expect(fromBase.unreadable).toEqual([]);
    expect(tree.isDone()).toBe(true);
    expect(cache.size).toBe(1);
    expect(fromHead.report?.files).toEqual([EXPORT]);
    expect(fromBase.report?.files).toEqual([`contoso/sync@bbbbbbb:${EXPORT}`]);
    expect(fromBase.report?.objects).toBe(fromHead.report?.objects);
    expect(fromHead.report?.objects).toBeGreaterThan(0);
  });

  it('is analysed again when the bytes differ (one line ending changed): the base blob is downloaded', async () => {
    const root = await checkout({}, EXPORT);
    const head = await checkoutSources(root)(testOctokit(), REPO, HEAD);
    const golden = await import('node:fs').then((fs) => fs.readFileSync(goldenPath));
    const changed = Buffer.from(golden.toString('utf8').replace('\n', '\r\n'));
    const changedBlob = 'c'.repeat(40);
    baseTree(changedBlob, changed.length);
    const blob = nock(API).get(`/repos/contoso/sync/git/blobs/${changedBlob}`).reply(200, changed, { 'content-type': 'application/vnd.github.raw' });
    const base = new ApiFileSource(testOctokit(), REPO, BASE);
    const cache = new SummaryCache(8);
    const refs = [{ path: EXPORT, connector: CONNECTOR }];
    expect((await analyzeExportFiles(head, refs, {}, cache)).unreadable).toEqual([]);
    expect((await analyzeExportFiles(base, refs, {}, cache)).unreadable).toEqual([]);
    expect(blob.isDone()).toBe(true);
    expect(cache.size).toBe(2);
  });
});
