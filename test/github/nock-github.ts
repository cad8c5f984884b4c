/** nock helpers for the GitHub routes the app uses, recording request bodies so tests assert exact calls. */
import nock from 'nock';
import { beforeEach } from 'vitest';
import { gitBlobId } from '../../src/files/git-blob-id.js';
import { API } from './helpers.js';

export const REPO_PATH = '/repos/contoso/identity-sync';

export interface Recorded {
  reactions: string[];
  comments: string[];
  checks: { name: string; head_sha: string; conclusion: string; output: { title: string; summary: string }; details_url?: string }[];
}

export function recorder(): Recorded {
  return { reactions: [], comments: [], checks: [] };
}

export function mockReactions(recorded: Recorded, commentId: number, contents: string[]): void {
  for (const content of contents) {
    nock(API)
      .post(`${REPO_PATH}/issues/comments/${commentId}/reactions`, (body: { content: string }) => body.content === content)
      .reply(201, (_uri, body) => {
        recorded.reactions.push((body as { content: string }).content);
        return { id: 1, content };
      });
  }
}

/**
 * `.github/syncstage.yml` at the commit the settings are read at, as the stub sources of app-stubs.ts serve it (the
 * settings are read through the same FileSource as every file: src/github/settings-loader.ts). null: no file.
 * Reset before each test.
 */
let configYaml: string | null = null;

export function mockConfig(yaml: string | null): void {
  configYaml = yaml;
}

export function configAtTrustedCommit(): string | null {
  return configYaml;
}

beforeEach(() => {
  configYaml = null;
});

export function mockPermission(login: string, role: string): void {
  const write = ['write', 'maintain', 'admin'].includes(role);
  nock(API)
    .get(`${REPO_PATH}/collaborators/${login}/permission`)
    .reply(200, {
      permission: role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role,
      role_name: role,
      user: { login, type: 'User', permissions: { pull: true, triage: role !== 'read', push: write, maintain: role === 'maintain' || role === 'admin', admin: role === 'admin' } },
    });
}

export function mockComment(recorded: Recorded, issueNumber: number, status = 201): void {
  nock(API)
    .post(`${REPO_PATH}/issues/${issueNumber}/comments`)
    .reply(status, (_uri, body) => {
      recorded.comments.push((body as { body: string }).body);
      return status < 300 ? { id: 99, html_url: `https://github.com/contoso/identity-sync/issues/${issueNumber}#issuecomment-99` } : { message: 'Server Error' };
    });
}

export function mockPull(number: number, headSha: string): nock.Scope {
  return nock(API)
    .get(`${REPO_PATH}/pulls/${number}`)
    .reply(200, { number, state: 'open', html_url: `https://github.com/contoso/identity-sync/pull/${number}`, head: { ref: 'failover-sync02', sha: headSha }, base: { ref: 'main', sha: '89e6c98d92887913cadf06b2adb97f26cde4849b' } });
}

/** GET /pulls/:n/files (one page): each file a name (modified) or [name, status]. */
export function mockPullFiles(number: number, files: (string | [string, string])[], repoPath = REPO_PATH): nock.Scope {
  return nock(API)
    .get(`${repoPath}/pulls/${number}/files`)
    .query({ per_page: '100' })
    .reply(
      200,
      files.map((file, index) => {
        const [filename, status] = typeof file === 'string' ? [file, 'modified'] : file;
        return { sha: String(index), filename, status, additions: 1, deletions: 0, changes: 1 };
      }),
    );
}

export interface TreeEntry {
  path: string;
  type: string;
  sha: string;
  mode?: string;
  size?: number;
}

/** GET git/trees/:sha?recursive=1, whole (not truncated): `entries`, none by default. */
export function mockTree(sha: string, entries: TreeEntry[] = [], repoPath = REPO_PATH): nock.Scope {
  return nock(API).get(`${repoPath}/git/trees/${sha}`).query({ recursive: '1' }).reply(200, { sha, truncated: false, tree: entries });
}

export function mockCommit(ref: string, sha: string, status = 200): void {
  nock(API)
    .get(`${REPO_PATH}/commits/${encodeURIComponent(ref)}`)
    .reply(status, status === 200 ? { sha, commit: { message: 'x' } } : { message: 'No commit found for SHA: x' });
}

export function mockChecks(recorded: Recorded, count: number, status = 201): void {
  nock(API)
    .post(`${REPO_PATH}/check-runs`)
    .times(count)
    .reply(status, (_uri, body) => {
      if (status < 300) recorded.checks.push(body as Recorded['checks'][number]);
      return status < 300 ? { id: recorded.checks.length, html_url: null } : { message: 'Server Error' };
    });
}

/**
 * A commit whose tree holds only `.github/syncstage.yml` (or nothing, for null), as the real API source reads the
 * settings at the trusted commit (a pull request's base): the tree once, the file's blob by its git blob id.
 */
export function mockSettingsCommit(owner: string, repo: string, sha: string, yaml: string | null): void {
  const tree = yaml === null ? [] : [{ path: '.github/syncstage.yml', type: 'blob', mode: '100644', sha: gitBlobId(Buffer.from(yaml)), size: Buffer.byteLength(yaml) }];
  nock(API).get(`/repos/${owner}/${repo}/git/trees/${sha}`).query({ recursive: '1' }).reply(200, { sha, truncated: false, tree });
  if (yaml !== null) nock(API).get(`/repos/${owner}/${repo}/git/blobs/${tree[0]!.sha}`).reply(200, yaml, { 'content-type': 'application/vnd.github.raw' });
}
