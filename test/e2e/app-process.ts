/**
 * The built App (`node dist/server.js`) as its own process, against the local fake GitHub of fake-github.ts
 * (GHE_HOST/GHE_PROTOCOL point Probot at it), with webhooks signed as GitHub signs them. The repository is
 * examples/ plus a config file at every commit, and the pull request's head adds the files a test gives. For the
 * attack tests (test/e2e/attacks-app.test.ts); the same setup as test/e2e/server.test.ts's built-server block.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { FakeGitHub } from './fake-github.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SECRET = 'e2e-webhook-secret-attacks';
export const TOKEN = 'ghs_e2eInstallationTokenAttacks0123456789';
export const REPO = '/api/v3/repos/contoso/identity-sync';
export const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
export const BASE = '89e6c98d92887913cadf06b2adb97f26cde4849b';
export const MAIN = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
/** The login GitHub gives the App's installation token (its slug, `[bot]`). */
export const APP_LOGIN = 'syncstage[bot]';
const CONFIG_YAML = 'primary: examples/primary\nstaging: examples/staging\n';
/** The App's private key (the fake GitHub takes any JWT whose issuer is the App's id). */
export const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/webhooks', name), 'utf8')) as Record<string, unknown>;
}

export function signed(event: string, payload: unknown, secret = SECRET): RequestInit {
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

export async function freePort(): Promise<number> {
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

/**
 * GitHub for one pull request (#42, head HEAD, base BASE, changing no file until a test says so) and one issue (#17),
 * as the App's process sees it (GitHub Enterprise Server layout): the App `syncstage` (id 1) installed as 51234567,
 * whose token is TOKEN; the head commit is examples/ plus `headFiles`; `main` is MAIN; alice-admin may write.
 */
export function appGitHub(headFiles = new Map<string, Buffer>()): FakeGitHub {
  return new FakeGitHub({
    prefix: '/api/v3',
    app: { id: 1, slug: 'syncstage', installations: { 51234567: TOKEN } },
    commits: { [BASE]: repositoryFiles(), [MAIN]: repositoryFiles(), [HEAD]: new Map([...repositoryFiles(), ...headFiles]) },
    branches: { main: MAIN },
    pulls: [{ number: 42, state: 'open', head: { sha: HEAD, ref: 'failover-sync02', label: 'contoso:failover-sync02' }, base: { sha: BASE, ref: 'main' }, files: [] }],
    collaborators: { 'alice-admin': 'write' },
  });
}

/** The sticky comment's writes on PR #42 since the last reset: created or edited. */
export function stickyWrites(github: FakeGitHub): string[] {
  return [...github.requestsTo('POST', `${REPO}/issues/42/comments`), ...github.requestsTo('PATCH', `${REPO}/issues/comments/`)].map((r) => (r.body as { body: string }).body);
}

export function commentsPosted(github: FakeGitHub, issue: number): string[] {
  return github.requestsTo('POST', `${REPO}/issues/${issue}/comments`).map((r) => (r.body as { body: string }).body);
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts dist/server.js against `githubHost`, judging at `now`, and waits for /healthz. */
/** The App's environment for a server on `port` against the fake GitHub at `githubHost`, judging at `now`; JSON logs. */
export function appEnvironment(port: number, githubHost: string, now: string, logLevel = 'info'): Record<string, string> {
  return { APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', GHE_HOST: githubHost, GHE_PROTOCOL: 'http', LOG_LEVEL: logLevel, LOG_FORMAT: 'json', SYNCSTAGE_NOW: now };
}

export async function startServer(githubHost: string, now: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const variables = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'PORT', 'HOST', 'GHE_HOST', 'GHE_PROTOCOL', 'LOG_LEVEL', 'LOG_FORMAT', 'SYNCSTAGE_NOW'];
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !variables.includes(name.toUpperCase())));
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: ROOT,
    env: { ...base, ...appEnvironment(port, githubHost, now), ...env },
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
