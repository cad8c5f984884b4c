/**
 * The built App (`node dist/server.js`) as its own process, against the local fake GitHub of fake-github-app.ts
 * (GHE_HOST/GHE_PROTOCOL point Probot at it), with webhooks signed as GitHub signs them. The repository is
 * examples/ plus a config file at every commit, and the pull request's head adds the files a test gives. For the
 * attack tests (test/e2e/attacks-app.test.ts); the same setup as test/e2e/server.test.ts's built-server block.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { FakeGitHub, FakeRepository } from './fake-github-app.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SECRET = 'e2e-webhook-secret-attacks';
export const TOKEN = 'ghs_e2eInstallationTokenAttacks0123456789';
export const REPO = '/api/v3/repos/contoso/identity-sync';
export const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
export const BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';
export const MAIN = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
export const APP_LOGIN = 'syncstage[bot]';
const CONFIG_YAML = 'primary: examples/primary\nstaging: examples/staging\n';
const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/webhooks', name), 'utf8')) as Record<string, unknown>;
}

export function signed(event: string, payload: unknown): RequestInit {
  const body = JSON.stringify(payload);
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** examples/ as committed, plus the config file: the repository's files at every commit of the fake. */
export function repositoryFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>([['.github/syncstage.yml', Buffer.from(CONFIG_YAML)]]);
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else files.set(rel, readFileSync(path.join(ROOT, rel)));
    }
  };
  walk('examples');
  return files;
}

export interface Scenario {
  /** Files GET /pulls/42/files lists. */
  changedFiles: string[];
}

type Comment = { id: number; node_id: string; body: string; user: { login: string; type: string }; created_at: string };

/**
 * GitHub for one pull request (#42, head HEAD, base BASE) and one issue (#17): the head commit is examples/ plus
 * `headFiles`; every other route answers as GitHub does for a repository where alice-admin may write.
 */
export function appGitHub(scenario: Scenario, headFiles: Map<string, Buffer>): FakeGitHub {
  const github = new FakeGitHub();
  const repository = new FakeRepository(REPO);
  for (const sha of [BASE, MAIN]) repository.commit(sha, repositoryFiles());
  repository.commit(HEAD, new Map([...repositoryFiles(), ...headFiles]));
  const comments: Comment[] = [];
  let nextComment = 7000;
  github.route((r) => (r.method === 'POST' && r.path === '/api/v3/app/installations/51234567/access_tokens' ? { status: 201, body: { token: TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' } } : undefined));
  github.route((r) => (r.method === 'GET' && r.path === '/api/v3/app' ? { status: 200, body: { id: 1, slug: 'syncstage', name: 'syncstage' } } : undefined));
  github.route((r) => {
    // GitHub Enterprise Server's GraphQL endpoint (either prefix): whether syncstage's comments are minimized.
    if (r.method !== 'POST' || (r.path !== '/api/graphql' && r.path !== '/api/v3/graphql')) return undefined;
    const ids = ((r.body as { variables?: { ids?: string[] } }).variables?.ids ?? []) as string[];
    return { status: 200, body: { data: { nodes: ids.map((id) => ({ id, isMinimized: false })) } } };
  });
  github.route((r) => (r.method === 'POST' && /\/issues\/comments\/\d+\/reactions$/.test(r.path) ? { status: 201, body: { id: 1 } } : undefined));
  github.route((r) => {
    const match = new RegExp(`^${REPO}/collaborators/([^/]+)/permission$`).exec(r.path);
    if (r.method !== 'GET' || !match) return undefined;
    const role = match[1] === 'alice-admin' ? 'write' : 'read';
    return { status: 200, body: { permission: role, role_name: role, user: { login: match[1], permissions: { pull: true, push: role === 'write', maintain: false, admin: false } } } };
  });
  github.route((r) => (r.method === 'GET' && r.path === `${REPO}/contents/.github%2Fsyncstage.yml` ? { status: 200, raw: CONFIG_YAML, contentType: 'text/plain; charset=utf-8' } : undefined));
  github.route((r) => (r.method === 'GET' && r.path === `${REPO}/commits/main` ? { status: 200, body: { sha: MAIN, commit: { message: 'main' } } } : undefined));
  github.route((r) => (r.method === 'GET' && r.path === `${REPO}/pulls/42` ? { status: 200, body: { number: 42, state: 'open', head: { sha: HEAD, ref: 'failover-sync02' }, base: { sha: BASE, ref: 'main' } } } : undefined));
  github.route((r) => (r.method === 'GET' && r.path.startsWith(`${REPO}/pulls/42/files`) ? { status: 200, body: scenario.changedFiles.map((filename) => ({ filename, status: 'modified' })) } : undefined));
  github.route((r) => (r.method === 'GET' && r.path.startsWith(`${REPO}/issues/42/comments`) ? { status: 200, body: comments } : undefined));
  github.route((r) => (r.method === 'POST' && r.path === `${REPO}/check-runs` ? { status: 201, body: { id: 1, html_url: null } } : undefined));
  github.route((r) => {
    const match = new RegExp(`^${REPO}/issues/(\\d+)/comments$`).exec(r.path);
    if (r.method !== 'POST' || !match) return undefined;
    const id = nextComment++;
    const comment = { id, node_id: `IC_${id}`, body: (r.body as { body: string }).body, user: { login: APP_LOGIN, type: 'Bot' }, created_at: '2026-11-24T12:00:00Z' };
    if (match[1] === '42') comments.push(comment);
    return { status: 201, body: comment };
  });
  github.route((r) => {
    const match = new RegExp(`^${REPO}/issues/comments/(\\d+)$`).exec(r.path);
    if (r.method !== 'PATCH' || !match) return undefined;
    const comment = comments.find((c) => c.id === Number(match[1]));
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    comment.body = (r.body as { body: string }).body;
    return { status: 200, body: comment };
  });
  github.route(repository.route);
  return github;
}

export type CheckRunBody = { name: string; head_sha: string; conclusion: string; output: { title: string; summary: string } };

export function checkRuns(github: FakeGitHub): CheckRunBody[] {
  return github.requests('POST', `${REPO}/check-runs`).map((r) => r.body as CheckRunBody);
}

/** The sticky comment's writes on PR #42 since the last reset: created or edited. */
export function stickyWrites(github: FakeGitHub): string[] {
  return [...github.requests('POST', `${REPO}/issues/42/comments`), ...github.requests('PATCH', `${REPO}/issues/comments/`)].map((r) => (r.body as { body: string }).body);
}

export function commentsPosted(github: FakeGitHub, issue: number): string[] {
  return github.requests('POST', `${REPO}/issues/${issue}/comments`).map((r) => (r.body as { body: string }).body);
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts dist/server.js against `githubHost`, judging at `now`, and waits for /healthz. */
export async function startServer(githubHost: string, now: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const variables = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'PORT', 'HOST', 'GHE_HOST', 'GHE_PROTOCOL', 'LOG_LEVEL', 'LOG_FORMAT', 'SYNCSTAGE_NOW'];
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !variables.includes(name.toUpperCase())));
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: ROOT,
    env: { ...base, APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', GHE_HOST: githubHost, GHE_PROTOCOL: 'http', LOG_LEVEL: 'info', LOG_FORMAT: 'json', SYNCSTAGE_NOW: now, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, process: child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`server did not start: ${output}`);
}

/** Polls /healthz every 25 ms while `work` runs: the longest answer, in ms (how long the event loop stalled at most). */
export async function slowestHealth<T>(url: string, work: () => Promise<T>): Promise<{ result: T; slowestMs: number }> {
  let slowestMs = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/healthz`);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    return { result: await work(), slowestMs };
  } finally {
    running = false;
    await poll;
  }
}
