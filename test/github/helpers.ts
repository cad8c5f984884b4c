import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';

export const API = 'https://api.github.com';

let cachedKey: string | undefined;
/** A throwaway RSA key, generated once per test file. */
export function privateKey(): string {
  cachedKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return cachedKey;
}

/**
 * Retries and throttling off. A function, not an object: Probot passes its own `throttle` options to the
 * constructor, which would replace an object default wholesale (and throttle writes to one a second).
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

/** An Octokit as handlers get it, without retries or throttling, authenticated with a fixed token. */
export function testOctokit(): InstanceType<typeof ProbotOctokit> {
  return new TestOctokit({ auth: 'test' });
}

export function testProbot(): Probot {
  return new Probot({ appId: 1, privateKey: privateKey(), githubToken: 'test', Octokit: TestOctokit, logLevel: 'fatal' });
}

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/webhooks/${name}`, import.meta.url), 'utf8')) as T;
}
export function comment(id: number, login: string, body: string, createdAt = `2026-11-24T10:00:${String(id % 60).padStart(2, '0')}Z`) {
  return { id, node_id: `IC_${id}`, body, created_at: createdAt, user: { login } };
}

/** GraphQL `query { viewer { login } }`, answered as GitHub answers it for the token: who the token is. */
export function mockViewer(login: string) {
  return nock(API)
    .post('/graphql', (body: { query?: string }) => /\bviewer\s*\{\s*login\s*\}/.test(body.query ?? ''))
    .reply(200, { data: { viewer: { login } } });
}

/** GraphQL `nodes(ids:)`, asked for exactly `ids`: none of those comments is minimized (hidden). */
export function noneMinimized(ids: string[]) {
  return nock(API)
    .post('/graphql', (body: { variables?: { ids?: string[] } }) => JSON.stringify(body.variables?.ids) === JSON.stringify(ids))
    .reply(200, { data: { nodes: ids.map((id) => ({ id, isMinimized: false })) } });
}
