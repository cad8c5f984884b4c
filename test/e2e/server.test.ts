/**
 * End to end: the server runs as its own process, GitHub is a local HTTP server (GHE_HOST/GHE_PROTOCOL point
 * Probot at it), webhooks arrive over HTTP signed with the secret. The first block runs the server code with stub
 * analysis (test/e2e/fixtures/stub-server.ts); the last runs the built dist/server.js, which needs src/server.ts
 * and the real dependencies (integration), and is skipped until they exist.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github-app.js';

const SECRET = 'e2e-webhook-secret-5f2c';
const TOKEN = 'ghs_e2eInstallationToken0123456789abcdef';
const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const REPO = '/api/v3/repos/contoso/identity-sync';
const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/webhooks/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Running {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_VARIABLES = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'PORT', 'HOST', 'GHE_HOST', 'GHE_PROTOCOL', 'LOG_LEVEL', 'LOG_FORMAT'];

/** The test's environment (Windows needs SystemRoot and friends) without any server setting, plus `env`. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVER_VARIABLES.includes(name.toUpperCase())));
  return { ...base, ...env };
}

function spawnServer(args: string[], env: NodeJS.ProcessEnv): Running {
  let output = '';
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function waitForHealth(url: string, running: Running): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (running.process.exitCode !== null) throw new Error(`server exited: ${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start: ${running.output()}`);
}

function signed(event: string, payload: unknown, secret = SECRET): RequestInit {
  const body = JSON.stringify(payload);
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
  };
}

function fakeGitHub(): FakeGitHub {
  const github = new FakeGitHub();
  github.route((r) => (r.method === 'POST' && r.path === '/api/v3/app/installations/51234567/access_tokens' ? { status: 201, body: { token: TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' } } : undefined));
  github.route((r) => (r.method === 'POST' && /\/issues\/comments\/\d+\/reactions$/.test(r.path) ? { status: 201, body: { id: 1 } } : undefined));
  github.route((r) => (r.method === 'GET' && r.path === `${REPO}/collaborators/alice-admin/permission` ? { status: 200, body: { permission: 'write', role_name: 'maintain', user: { login: 'alice-admin', permissions: { push: true, maintain: true } } } } : undefined));
  github.route((r) => (r.method === 'GET' && r.path === `${REPO}/pulls/42` ? { status: 200, body: { number: 42, head: { sha: HEAD, ref: 'failover-sync02' }, base: { ref: 'main' } } } : undefined));
  github.route((r) => (r.method === 'GET' && r.path.startsWith(`${REPO}/pulls/42/files`) ? { status: 200, body: [] } : undefined));
  github.route((r) => (r.method === 'POST' && r.path === `${REPO}/check-runs` ? { status: 201, body: { id: 1, html_url: null } } : undefined));
  github.route((r) => (r.method === 'POST' && r.path === `${REPO}/issues/42/comments` ? { status: 201, body: { id: 99 } } : undefined));
  return github;
}

describe('server process (stub analysis)', () => {
  const github = fakeGitHub();
  let running: Running;
  let url: string;

  beforeAll(async () => {
    const host = await github.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    running = spawnServer(['--import', 'tsx', 'test/e2e/fixtures/stub-server.ts'], {
      APP_ID: '1',
      PRIVATE_KEY: KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'trace',
      LOG_FORMAT: 'json',
    });
    await waitForHealth(url, running);
  });

  afterAll(async () => {
    running?.process.kill('SIGTERM');
    await running?.exited;
    await github.stop();
  });

  it('answers the health check', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a webhook with a bad signature: 400, nothing reaches GitHub', async () => {
    const before = github.received.length;
    const response = await fetch(`${url}/api/github/webhooks`, signed('issue_comment', fixture('issue_comment.created.pr.json'), 'not-the-secret'));
    expect(response.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(github.received.length).toBe(before);
  });

  it('runs /verify-staging in a PR: 👀, checks on the pinned SHA, one reply, 🚀', async () => {
    const response = await fetch(`${url}/api/github/webhooks`, signed('issue_comment', fixture('issue_comment.created.pr.json')));
    expect(response.status).toBe(200);
    expect(github.requests('POST', `${REPO}/issues/comments/2501234567/reactions`).map((r) => (r.body as { content: string }).content)).toEqual(['eyes', 'rocket']);
    expect(github.requests('POST', `${REPO}/check-runs`).map((r) => [(r.body as { name: string }).name, (r.body as { head_sha: string }).head_sha, (r.body as { conclusion: string }).conclusion])).toEqual([
      // "not ready", but no fail-on condition (default threshold,errors) holds in the stub's result: the review passes.
      ['syncstage/review', HEAD, 'success'],
      ['syncstage/failover-prerequisites', HEAD, 'success'],
    ]);
    const replies = github.requests('POST', `${REPO}/issues/42/comments`).map((r) => (r.body as { body: string }).body);
    expect(replies).toEqual([`**not ready** (judged \`${HEAD}\`, [command](https://github.com/contoso/identity-sync/pull/42#issuecomment-2501234567))\n\n- stub: 3 deletions over the threshold`]);
    const authorised = github.received.filter((r) => r.path.startsWith(REPO));
    expect(authorised.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('logs no secret: webhook secret, private key, installation token', () => {
    const output = running.output();
    expect(output).toContain('syncstage listening');
    for (const secret of [SECRET, TOKEN, 'PRIVATE KEY', KEY.split('\n')[1]!]) expect(output).not.toContain(secret);
  });
});

describe('server process configuration', () => {
  it('refuses to start without a webhook secret', async () => {
    const running = spawnServer(['--import', 'tsx', 'test/e2e/fixtures/stub-server.ts'], { APP_ID: '1', PRIVATE_KEY: KEY, PORT: String(await freePort()) });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('WEBHOOK_SECRET must be set: the server refuses to accept unsigned webhooks');
    expect(running.output()).not.toContain(KEY.split('\n')[1]!);
  });
});

const built = existsSync(`${ROOT}src/server.ts`) && existsSync(`${ROOT}src/github/real-deps.ts`);

describe.skipIf(!built)('built dist/server.js (needs src/server.ts and real deps: integration)', () => {
  it('starts, answers /healthz and refuses a bad signature', async () => {
    const build = spawnServer(['scripts/build.mjs'], {});
    expect(await build.exited).toBe(0);
    const github = fakeGitHub();
    const host = await github.start();
    const port = await freePort();
    const running = spawnServer(['dist/server.js'], { APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', GHE_HOST: host, GHE_PROTOCOL: 'http' });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, running);
      const response = await fetch(`${url}/api/github/webhooks`, signed('issue_comment', fixture('issue_comment.created.pr.json'), 'wrong'));
      expect(response.status).toBe(400);
      expect(github.received).toEqual([]);
    } finally {
      running.process.kill('SIGTERM');
      await running.exited;
      await github.stop();
    }
  });
});
