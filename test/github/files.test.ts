import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { ApiFileSource, isLfsPointer, readCheckoutHead } from '../../src/github/files.js';
import { checkoutSources } from '../../src/github/sources.js';
import { API, testOctokit } from './helpers.js';

const SHA = 'a'.repeat(40);
const REPO = { owner: 'contoso', repo: 'sync' };
const TREE = [
  { path: 'examples', type: 'tree', sha: 't1' },
  { path: 'examples/staging', type: 'tree', sha: 't2' },
  { path: 'examples/staging/exports', type: 'tree', sha: 't3' },
  { path: 'examples/staging/exports/aad.xml', type: 'blob', sha: 'b1', size: 2048 },
  { path: 'examples/staging/exports/ad.xml', type: 'blob', sha: 'b2', size: 11 },
  { path: 'examples/staging/big.xml', type: 'blob', sha: 'b3', size: 200 * 1024 * 1024 },
  { path: 'examples/lfs.xml', type: 'blob', sha: 'b4', size: 130 },
  { path: 'README.md', type: 'blob', sha: 'b5', size: 5 },
];
const LFS = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

function treeReply(tree = TREE, truncated = false) {
  return nock(API).get(`/repos/contoso/sync/git/trees/${SHA}`).query({ recursive: '1' }).reply(200, { sha: SHA, truncated, tree });
}

function blobReply(sha: string, body: string) {
  return nock(API)
    .get(`/repos/contoso/sync/git/blobs/${sha}`)
    .matchHeader('accept', 'application/vnd.github.raw')
    .reply(200, body, { 'content-type': 'application/vnd.github.raw' });
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

describe('ApiFileSource', () => {
  it('lists with globs, children and kinds from one recursive tree request', async () => {
    treeReply();
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    expect(await source.list('examples/**/exports/*.xml')).toEqual(['examples/staging/exports/aad.xml', 'examples/staging/exports/ad.xml']);
    expect(await source.list('./README.md')).toEqual(['README.md']);
    expect(await source.list('missing.md')).toEqual([]);
    expect(await source.children('examples/staging')).toEqual([
      { name: 'big.xml', kind: 'file' },
      { name: 'exports', kind: 'dir' },
    ]);
    expect(await source.kind('examples')).toBe('dir');
    expect(await source.kind('nope')).toBeUndefined();
    expect(source.describe('README.md')).toBe('contoso/sync@aaaaaaa:README.md');
  });

  it('names a file\'s bytes by its blob sha (folders and missing paths have none)', async () => {
    treeReply();
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    expect(await source.contentId('examples/staging/exports/aad.xml')).toBe('b1');
    expect(await source.contentId('./examples/staging/exports/ad.xml')).toBe('b2');
    expect(await source.contentId('examples/staging')).toBeUndefined();
    expect(await source.contentId('nope.xml')).toBeUndefined();
  });

  it('streams a blob raw, and reads text without a BOM', async () => {
    treeReply();
    blobReply('b1', 'x'.repeat(2048));
    blobReply('b2', '\ufeff<hello/>');
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    expect((await text(await source.open('examples/staging/exports/aad.xml'))).length).toBe(2048);
    expect(await source.readText('examples/staging/exports/ad.xml')).toBe('<hello/>');
  });

  it('refuses text that is not valid UTF-8, naming the file at its commit, rather than replacing the bytes', async () => {
    treeReply();
    nock(API)
      .get('/repos/contoso/sync/git/blobs/b5')
      .reply(200, Buffer.from([0x68, 0x69, 0xc3, 0x28, 0x0a]), { 'content-type': 'application/vnd.github.raw' });
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    await expect(source.readText('README.md')).rejects.toThrow(/^contoso\/sync@aaaaaaa:README\.md:1:3: .*UTF-8/);
  });

  it('walks folder by folder when GitHub truncates the recursive tree', async () => {
    treeReply([], true);
    nock(API)
      .get(`/repos/contoso/sync/git/trees/${SHA}`)
      .reply(200, { sha: SHA, truncated: false, tree: [{ path: 'examples', type: 'tree', sha: 't1' }, { path: 'a.md', type: 'blob', sha: 'b9', size: 1 }] });
    nock(API).get('/repos/contoso/sync/git/trees/t1').reply(200, { sha: 't1', truncated: false, tree: [{ path: 'x.xml', type: 'blob', sha: 'b8', size: 3 }] });
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    expect(await source.list('**/*')).toEqual(['a.md', 'examples/x.xml']);
  });

  it('recognises a Git LFS pointer and says how to get the file', async () => {
    treeReply();
    blobReply('b4', LFS);
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    const error = await source.open('examples/lfs.xml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^contoso\/sync@aaaaaaa:examples\/lfs.xml: is a Git LFS pointer.*lfs: true/);
    expect(isLfsPointer(Buffer.from(LFS))).toBe(true);
    expect(isLfsPointer(Buffer.from('<xml/>'))).toBe(false);
  });

  it('names owner/repo@sha7:path for a file missing at the ref, and refuses files over 100 MB', async () => {
    treeReply();
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    await expect(source.open('examples/none.xml')).rejects.toThrow('contoso/sync@aaaaaaa:examples/none.xml: no such file at this commit');
    await expect(source.readText('examples')).rejects.toThrow('a folder, not a file');
    await expect(source.open('examples/staging/big.xml')).rejects.toThrow(/over the 100 MB/);
  });

  it('turns a 403 (fork token) into a readable message pointing at the fork-safe workflow', async () => {
    nock(API).get(`/repos/contoso/sync/git/trees/${SHA}`).query({ recursive: '1' }).reply(403, { message: 'Resource not accessible by integration' });
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    const error = await source.list('**/*.xml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/contoso\/sync@aaaaaaa: GitHub refused .*403.*fork-safe/);
  });

  it('a 403 on a blob names the file', async () => {
    treeReply();
    nock(API).get('/repos/contoso/sync/git/blobs/b1').reply(403, { message: 'Forbidden' });
    const source = new ApiFileSource(testOctokit(), REPO, SHA);
    await expect(source.open('examples/staging/exports/aad.xml')).rejects.toThrow(/aad.xml: GitHub refused/);
  });

  it('a 404 on the tree says the commit is unknown', async () => {
    nock(API).get(`/repos/contoso/sync/git/trees/${SHA}`).query({ recursive: '1' }).reply(404, { message: 'Not Found' });
    await expect(new ApiFileSource(testOctokit(), REPO, SHA).kind('x')).rejects.toThrow(/no such commit/);
  });
});

async function checkout(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'syncstage-checkout-'));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

describe('readCheckoutHead', () => {
  const B = 'b'.repeat(40);
  it('reads a detached HEAD (actions/checkout of a SHA)', async () => {
    expect(await readCheckoutHead(await checkout({ '.git/HEAD': `${SHA}\n` }))).toBe(SHA);
  });
  it('follows a branch to a loose ref, then to packed-refs', async () => {
    expect(await readCheckoutHead(await checkout({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${B}\n` }))).toBe(B);
    expect(await readCheckoutHead(await checkout({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/packed-refs': `# pack-refs\n${B} refs/heads/main\n` }))).toBe(B);
  });
  it('follows a .git file to a linked worktree and its commondir', async () => {
    const root = await checkout({
      'main/.git/packed-refs': `${B} refs/heads/feature\n`,
      'main/.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n',
      'main/.git/worktrees/wt/commondir': '../..\n',
      'wt/.git': 'gitdir: ../main/.git/worktrees/wt\n',
    });
    expect(await readCheckoutHead(path.join(root, 'wt'))).toBe(B);
  });
  it('is undefined without a repository or for an unborn branch', async () => {
    expect(await readCheckoutHead(await checkout({ 'a.txt': 'x' }))).toBeUndefined();
    expect(await readCheckoutHead(await checkout({ '.git/HEAD': 'ref: refs/heads/main\n' }))).toBeUndefined();
  });
});

describe('checkoutSources (the Action)', () => {
  it('uses the checkout when it is the commit wanted, the API otherwise', async () => {
    const root = await checkout({ '.git/HEAD': `${SHA}\n` });
    const octokit = testOctokit();
    const open = checkoutSources(root);
    expect(await open(octokit, REPO, SHA.toUpperCase())).toBeInstanceOf(DiskFileSource);
    expect(await open(octokit, REPO, 'c'.repeat(40))).toBeInstanceOf(ApiFileSource);
    expect(await checkoutSources(undefined)(octokit, REPO, SHA)).toBeInstanceOf(ApiFileSource);
  });
});
