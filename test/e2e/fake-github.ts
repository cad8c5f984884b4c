/**
 * The one local stand-in for GitHub's API used by every end-to-end test: the built Action (`node dist/index.js`,
 * GITHUB_API_URL pointing here) and the built App (`node dist/server.js`, GHE_HOST pointing here, so the GitHub
 * Enterprise Server layout: REST under /api/v3, GraphQL at /api/graphql). nock cannot reach into another process.
 *
 * It behaves as GitHub does where syncstage depends on it (/work/shared/docs/github.md):
 * - tokens are identities: GITHUB_TOKEN is github-actions[bot]; an App's installation token, minted for the App's JWT
 *   at POST /app/installations/:id/access_tokens, is `<slug>[bot]`; comments are written by the token's login and
 *   GraphQL `viewer` answers it; an unknown token gets 401;
 * - trees and blobs are addressed by git's own blob id (sha1 of `blob <size>\0` and the bytes), so the same bytes at
 *   two commits are one blob; raw reads come back as `application/vnd.github.v3.raw; charset=utf-8`;
 * - a required check is judged by the newest check run of its name on a SHA (`newestCheckRun`);
 * - a known route for something that is not there answers 404;
 * - a request no route models answers 501 and fails the test loudly: `stop()` throws naming every such request.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const OWNER = 'contoso';
export const REPO_NAME = 'identity-sync';
/** The token GitHub's runner hands the Action as `${{ github.token }}` in these tests. */
export const GITHUB_TOKEN = 'ghs_e2eToken';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent (with the /api/v3 prefix on GitHub Enterprise Server). */
  path: string;
  body: any;
  authorization?: string;
  accept?: string;
}

export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: string };
  created_at: string;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  head: { sha: string; ref: string; label: string };
  base: { sha: string; ref: string };
  /** The files the pull request changes (GET /pulls/:n/files). */
  files: string[];
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status?: string;
  conclusion: string;
  details_url?: string;
  output: { title: string; summary: string };
}

/** The files of a commit: path -> bytes, or a folder on disk read when GitHub is asked (its files at that moment). */
export type CommitFiles = Map<string, Buffer> | string;

export interface AppRegistration {
  id: number;
  slug: string;
  /** installation id -> the token GitHub mints for it. */
  installations: Record<number, string>;
}

export interface FakeGitHubOptions {
  /** '' (api.github.com, the Action) or '/api/v3' (GitHub Enterprise Server, the App). */
  prefix?: '' | '/api/v3';
  /** commit SHA -> its files. */
  commits?: Record<string, CommitFiles>;
  /** branch -> commit SHA (GET /commits/:ref, and the default branch's files for the contents API). */
  branches?: Record<string, string>;
  pulls?: FakePull[];
  /** The GitHub App whose JWT this GitHub accepts (the App's process), if any. */
  app?: AppRegistration;
  /** login -> role (read, triage, write, maintain, admin); anyone else reads, as on a public repository. */
  collaborators?: Record<string, string>;
}

type Reply = { status: number; body?: unknown; raw?: Buffer | string; contentType?: string };

interface Request extends RecordedRequest {
  url: URL;
  /** The path below the prefix and `/repos/contoso/identity-sync`, or undefined when the request is not for it. */
  repoPath?: string;
  login?: string;
}

const NOT_FOUND: Reply = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
/** Comments are stamped by a clock of the fake's own, one second apart: ordered, and the same on every run. */
const COMMENT_CLOCK_START = Date.parse('2026-11-24T12:00:00Z');

/** The id git gives a blob: sha1 of `blob <size>\0` and the content. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Every file below `root` (links followed, as a checkout holds them), keyed by its slash-separated path. */
export function filesOfFolder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full));
    }
  };
  walk(root);
  return files;
}

/** The login GitHub shows for a role's `permission` field (the legacy one: maintain reads as write, triage as read). */
function legacyPermission(role: string): string {
  return role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
}

export class FakeGitHub {
  readonly prefix: '' | '/api/v3';
  readonly requests: RecordedRequest[] = [];
  /** Requests no route models: each fails the test (stop() throws). */
  readonly unmatched: string[] = [];
  readonly commits = new Map<string, CommitFiles>();
  readonly branches = new Map<string, string>();
  readonly pulls = new Map<number, FakePull>();
  readonly comments = new Map<number, FakeComment[]>();
  readonly checkRuns: FakeCheckRun[] = [];
  readonly statuses: { sha: string; body: any }[] = [];
  readonly reactions: { commentId: number; content: string }[] = [];
  readonly collaborators: Map<string, string>;
  /** Token -> login, as GitHub knows them. */
  readonly identities = new Map<string, string>([[GITHUB_TOKEN, 'github-actions[bot]']]);
  readonly #app: AppRegistration | undefined;
  readonly #blobs = new Map<string, Buffer>();
  readonly #waiters = new Set<() => void>();
  #server: Server | undefined;
  #nextComment = 1000;
  #commentClock = 0;

  constructor(options: FakeGitHubOptions = {}) {
    this.prefix = options.prefix ?? '';
    for (const [sha, files] of Object.entries(options.commits ?? {})) this.commits.set(sha, files);
    for (const [branch, sha] of Object.entries(options.branches ?? {})) this.branches.set(branch, sha);
    for (const pull of options.pulls ?? []) this.pulls.set(pull.number, pull);
    this.collaborators = new Map(Object.entries(options.collaborators ?? {}));
    this.#app = options.app;
  }

  /** The pull request numbered `number` (it must exist). */
  pull(number: number): FakePull {
    const pull = this.pulls.get(number);
    if (!pull) throw new Error(`fake GitHub has no pull request #${number}`);
    return pull;
  }

  /** The API's base URL (GITHUB_API_URL for the Action). */
  get url(): string {
    return `http://${this.host}${this.prefix}`;
  }

  /** host:port (GHE_HOST for the App). */
  get host(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake GitHub is not started');
    return `127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
  }

  /** Stops listening; throws when any request matched no route (a call the test did not expect GitHub to get). */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    if (this.unmatched.length > 0) throw new Error(`fake GitHub got requests it has no route for:\n${this.unmatched.join('\n')}`);
  }

  /**
   * Forgets the requests received and the check runs, statuses and reactions posted (between tests or events sharing
   * one server); the repository, its pull requests and their comments stay, as they do on GitHub.
   */
  reset(): void {
    this.requests.length = 0;
    this.checkRuns.length = 0;
    this.statuses.length = 0;
    this.reactions.length = 0;
  }

  /**
   * Resolves once `done()` holds, checked now and after every request this GitHub answers: the signal that a process
   * has made the calls a test waits for. Rejects after `timeoutMs` (a real timeout, not a pause), saying what it
   * waited for.
   */
  until(done: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`fake GitHub: waited ${timeoutMs} ms for ${what}; got ${this.requests.length} requests:\n${this.calls({ query: true }).slice(-30).join('\n')}`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  /** `METHOD /path` of every request, in order; query strings only when asked for. */
  calls(options: { query?: boolean } = {}): string[] {
    return this.requests.map((r) => `${r.method} ${options.query ? r.path : r.path.split('?')[0]}`);
  }

  /** The requests with this method whose path starts with `pathPrefix` (query strings included). */
  requestsTo(method: string, pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  }

  /** The blob ids fetched (GET git/blobs/:sha), in order: each at most once per event is the goal (issue 12). */
  blobFetches(): string[] {
    return this.requests.flatMap((r) => (r.method === 'GET' ? (/\/git\/blobs\/([0-9a-f]+)$/.exec(r.path.split('?')[0]!)?.slice(1) ?? []) : []));
  }

  /** GraphQL `viewer` questions received (who is this token?). */
  viewerQueries(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && /\/graphql$/.test(r.path) && /\bviewer\b/.test(String(r.body?.query)));
  }

  /** The check run a required check is judged by: the newest of that name on that SHA. */
  newestCheckRun(sha: string, name: string): FakeCheckRun | undefined {
    return this.checkRuns.filter((run) => run.head_sha === sha && run.name === name).at(-1);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, body, authorization: req.headers.authorization, accept: req.headers.accept };
    this.requests.push(recorded);
    const reply = this.#answer({ ...recorded, url });
    if (reply.raw !== undefined) res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/octet-stream' }).end(reply.raw);
    else if (reply.body === undefined) res.writeHead(reply.status).end();
    else res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
    for (const waiter of [...this.#waiters]) waiter();
  }

  #answer(request: Request): Reply {
    const route = `${request.method} ${request.url.pathname}`;
    if (!request.url.pathname.startsWith(`${this.prefix}/`) && !(this.prefix === '/api/v3' && request.url.pathname === '/api/graphql')) return this.#unmatched(route);
    const credential = (request.authorization ?? '').replace(/^(token|bearer) /i, '');
    const apiPath = request.url.pathname === '/api/graphql' ? '/graphql' : request.url.pathname.slice(this.prefix.length);
    if (apiPath === '/app' || apiPath.startsWith('/app/')) return this.#appRoute(request, apiPath, credential);
    request.login = this.identities.get(credential);
    if (!request.login) return { status: 401, body: { message: 'Bad credentials' } };
    if (apiPath === '/graphql' && request.method === 'POST') return this.#graphql(request);
    const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(apiPath);
    if (repoMatch) {
      // Another repository (e.g. Probot's organisation-wide `.github` repository): not there.
      if (repoMatch[1] !== OWNER || repoMatch[2] !== REPO_NAME) return NOT_FOUND;
      request.repoPath = repoMatch[3] ?? '';
      return this.#repoRoute(request) ?? this.#unmatched(route);
    }
    return this.#unmatched(route);
  }

  #unmatched(route: string): Reply {
    this.unmatched.push(route);
    console.error(`fake GitHub: no route for ${route}`);
    return { status: 501, body: { message: `fake GitHub has no route for ${route}` } };
  }

  #appRoute(request: Request, apiPath: string, credential: string): Reply {
    const app = this.#app;
    if (!app) return this.#unmatched(`${request.method} ${request.url.pathname}`);
    // The App's own routes need its JWT (RS256, `iss` the App's id); an installation token gets 401, as on GitHub.
    let issuer: unknown;
    try {
      issuer = JSON.parse(Buffer.from(credential.split('.')[1] ?? '', 'base64url').toString('utf8')).iss;
    } catch {
      issuer = undefined;
    }
    if (!/^bearer /i.test(request.authorization ?? '') || String(issuer) !== String(app.id)) return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
    if (request.method === 'GET' && apiPath === '/app') return { status: 200, body: { id: app.id, slug: app.slug, name: app.slug } };
    const minted = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(apiPath);
    if (request.method === 'POST' && minted) {
      const token = app.installations[Number(minted[1])];
      if (!token) return NOT_FOUND;
      this.identities.set(token, `${app.slug}[bot]`);
      return { status: 201, body: { token, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' } };
    }
    return this.#unmatched(`${request.method} ${request.url.pathname}`);
  }

  #graphql(request: Request): Reply {
    const query = String(request.body?.query ?? '');
    if (/\bviewer\s*\{\s*login\s*\}/.test(query)) return { status: 200, body: { data: { viewer: { login: request.login } } } };
    if (/\bnodes\s*\(\s*ids:/.test(query)) {
      const known = new Set([...this.comments.values()].flat().map((comment) => comment.node_id));
      const ids = (request.body?.variables?.ids ?? []) as string[];
      return { status: 200, body: { data: { nodes: ids.map((id) => (known.has(id) ? { id, isMinimized: false } : null)) } } };
    }
    return this.#unmatched(`POST graphql ${query.slice(0, 80)}`);
  }

  #repoRoute(request: Request): Reply | undefined {
    const { method, url } = request;
    const route = `${method} ${request.repoPath}`;
    let match: RegExpExecArray | null;

    // Git data: trees and blobs by SHA.
    if ((match = /^GET \/git\/trees\/([0-9a-f]{40})$/.exec(route))) {
      const files = this.#files(match[1]!);
      if (!files) return NOT_FOUND;
      const recursive = url.searchParams.has('recursive');
      return { status: 200, body: { sha: match[1], url: '', truncated: false, tree: this.#tree(files).filter((entry) => recursive || !entry.path.includes('/')) } };
    }
    if ((match = /^GET \/git\/blobs\/([0-9a-f]{40})$/.exec(route))) {
      const content = this.#blob(match[1]!);
      if (!content) return NOT_FOUND;
      if (request.accept?.includes('application/vnd.github.raw')) return { status: 200, raw: content, contentType: 'application/vnd.github.v3.raw; charset=utf-8' };
      return { status: 200, body: { sha: match[1], node_id: '', size: content.length, url: '', encoding: 'base64', content: content.toString('base64') } };
    }
    if ((match = /^GET \/contents\/(.+)$/.exec(route))) {
      const sha = this.#resolve(url.searchParams.get('ref') ?? 'main');
      const content = sha === undefined ? undefined : this.#files(sha)?.get(decodeURIComponent(match[1]!));
      if (!content) return NOT_FOUND;
      if (request.accept?.includes('application/vnd.github.raw') || request.accept?.includes('application/vnd.github.v3.raw')) return { status: 200, raw: content, contentType: 'application/vnd.github.v3.raw; charset=utf-8' };
      return { status: 200, body: { type: 'file', path: decodeURIComponent(match[1]!), sha: gitBlobSha(content), size: content.length, encoding: 'base64', content: content.toString('base64') } };
    }
    if ((match = /^GET \/commits\/(.+)$/.exec(route))) {
      const sha = this.#resolve(decodeURIComponent(match[1]!));
      if (sha === undefined) return { status: 422, body: { message: `No commit found for SHA: ${decodeURIComponent(match[1]!)}` } };
      return { status: 200, body: { sha, commit: { message: sha } } };
    }

    // Pull requests.
    if (route === 'GET /pulls') {
      const head = url.searchParams.get('head');
      const state = url.searchParams.get('state') ?? 'open';
      return { status: 200, body: [...this.pulls.values()].filter((pull) => (state === 'all' || pull.state === state) && (head === null || pull.head.label === head)).map((pull) => this.#pullBody(pull)) };
    }
    if ((match = /^GET \/pulls\/(\d+)$/.exec(route))) {
      const pull = this.pulls.get(Number(match[1]));
      return pull ? { status: 200, body: this.#pullBody(pull) } : NOT_FOUND;
    }
    if ((match = /^GET \/pulls\/(\d+)\/files$/.exec(route))) {
      const pull = this.pulls.get(Number(match[1]));
      return pull ? { status: 200, body: pull.files.map((filename) => ({ filename, status: 'modified' })) } : NOT_FOUND;
    }

    // Issue comments and their reactions.
    if ((match = /^GET \/issues\/(\d+)\/comments$/.exec(route))) return { status: 200, body: this.comments.get(Number(match[1])) ?? [] };
    if ((match = /^POST \/issues\/(\d+)\/comments$/.exec(route))) {
      const id = this.#nextComment++;
      const login = request.login!;
      const created: FakeComment = { id, node_id: `IC_${id}`, body: request.body.body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }, created_at: new Date(COMMENT_CLOCK_START + 1000 * this.#commentClock++).toISOString() };
      const list = this.comments.get(Number(match[1])) ?? [];
      list.push(created);
      this.comments.set(Number(match[1]), list);
      return { status: 201, body: { ...created, html_url: `https://github.com/${OWNER}/${REPO_NAME}/issues/${match[1]}#issuecomment-${id}` } };
    }
    if ((match = /^(PATCH|DELETE) \/issues\/comments\/(\d+)$/.exec(route))) {
      const id = Number(match[2]);
      for (const list of this.comments.values()) {
        const index = list.findIndex((comment) => comment.id === id);
        if (index < 0) continue;
        if (match[1] === 'DELETE') {
          list.splice(index, 1);
          return { status: 204 };
        }
        list[index]!.body = request.body.body;
        return { status: 200, body: list[index] };
      }
      return NOT_FOUND;
    }
    if ((match = /^POST \/issues\/comments\/(\d+)\/reactions$/.exec(route))) {
      this.reactions.push({ commentId: Number(match[1]), content: request.body.content });
      return { status: 201, body: { id: this.reactions.length, content: request.body.content, user: { login: request.login } } };
    }

    // Checks, statuses, permissions.
    if (route === 'POST /check-runs') {
      const run: FakeCheckRun = { ...request.body, id: this.checkRuns.length + 1 };
      this.checkRuns.push(run);
      return { status: 201, body: { ...run, html_url: `https://github.com/${OWNER}/${REPO_NAME}/runs/${run.id}` } };
    }
    if ((match = /^POST \/statuses\/([0-9a-f]{40})$/.exec(route))) {
      this.statuses.push({ sha: match[1]!, body: request.body });
      return { status: 201, body: { id: this.statuses.length, ...request.body } };
    }
    if ((match = /^GET \/collaborators\/([^/]+)\/permission$/.exec(route))) {
      const login = decodeURIComponent(match[1]!);
      const role = this.collaborators.get(login) ?? 'read';
      const write = ['write', 'maintain', 'admin'].includes(role);
      return {
        status: 200,
        body: { permission: legacyPermission(role), role_name: role, user: { login, type: 'User', permissions: { pull: true, triage: role !== 'read', push: write, maintain: role === 'maintain' || role === 'admin', admin: role === 'admin' } } },
      };
    }
    return undefined;
  }

  #pullBody(pull: FakePull): unknown {
    const { files: _files, ...body } = pull;
    return { ...body, html_url: `https://github.com/${OWNER}/${REPO_NAME}/pull/${pull.number}` };
  }

  /** A branch name or a full SHA of a known commit -> the SHA. */
  #resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    return this.branches.get(ref.replace(/^refs\/heads\//, ''));
  }

  /** A blob of any commit (GitHub serves one by its id alone, whether or not a tree naming it was read). */
  #blob(sha: string): Buffer | undefined {
    if (!this.#blobs.has(sha)) for (const commit of this.commits.keys()) this.#tree(this.#files(commit)!);
    return this.#blobs.get(sha);
  }

  #files(sha: string): Map<string, Buffer> | undefined {
    const files = this.commits.get(sha);
    return typeof files === 'string' ? filesOfFolder(files) : files;
  }

  #tree(files: Map<string, Buffer>): { path: string; mode: string; type: string; sha: string; size?: number }[] {
    const dirs = new Set<string>();
    for (const file of files.keys()) {
      const parts = file.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    }
    const entries = [
      ...[...dirs].map((dir) => ({ path: dir, mode: '040000', type: 'tree', sha: createHash('sha1').update(`tree ${dir}`).digest('hex') })),
      ...[...files].map(([file, content]) => {
        // Content-addressed, as git names blobs: the same bytes at two commits are one blob.
        const sha = gitBlobSha(content);
        this.#blobs.set(sha, content);
        return { path: file, mode: '100644', type: 'blob', sha, size: content.length };
      }),
    ];
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
