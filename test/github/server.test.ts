/**
 * The HTTP server in-process: health, signatures, replays, unknown events, and logs without secrets.
 * GitHub's API is nock; the installation token route is exercised (App auth, not a fixed token).
 */
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { createSyncstageServer } from '../../src/server/http.js';
import { readServerConfig } from '../../src/server/config.js';
import { stubDeps } from './app-stubs.js';
import { API, fixture, privateKey, TestOctokit } from './helpers.js';
import { mockCommit, mockComment, mockConfig, mockPermission, mockReactions, recorder, REPO_PATH } from './nock-github.js';
import { result } from './stubs.js';

const SECRET = 'webhook-secret-0123456789';
const TOKEN = 'ghs_installationToken0123456789abcdefABCDEF';

let server: Server;
let base: string;
let logs: string[];
let deps: ReturnType<typeof stubDeps>;

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function post(event: string, payload: unknown, headers: Record<string, string | undefined> = {}, delivery: string = crypto.randomUUID()): Promise<Response> {
  const body = JSON.stringify(payload);
  const all: Record<string, string | undefined> = { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': delivery, 'x-hub-signature-256': sign(body), ...headers };
  return fetch(`${base}/api/github/webhooks`, { method: 'POST', body, headers: Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)) });
}

beforeEach(async () => {
  logs = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  deps = stubDeps(result('ready'));
  const config = readServerConfig({ APP_ID: '1', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'trace', PORT: '0', HOST: '127.0.0.1' });
  ({ server } = await createSyncstageServer(syncstageApp(deps.deps), config, { log: pino({ level: 'trace' }, sink), Octokit: TestOctokit }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function mockInstallationToken(): void {
  nock(API).post('/app/installations/51234567/access_tokens').reply(201, { token: TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' });
}

describe('server', () => {
  it('answers the health check', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('runs a signed webhook with an installation token, and logs no secret', async () => {
    const recorded = recorder();
    mockInstallationToken();
    mockReactions(recorded, 2501234567, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', '89e6c98d92887913cadf06b2adb97f26cde4849b');
    mockComment(recorded, 17);
    const response = await post('issue_comment', fixture('issue_comment.created.issue.json'));
    expect(response.status).toBe(200);
    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
    expect(recorded.comments).toHaveLength(1);
    const text = logs.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [SECRET, TOKEN, 'PRIVATE KEY', privateKey().split('\n')[1]!]) expect(text).not.toContain(secret);
  });

  it('refuses a bad signature and a missing one: nothing runs, it is logged', async () => {
    const payload = fixture('issue_comment.created.issue.json');
    const bad = await post('issue_comment', payload, { 'x-hub-signature-256': sign(JSON.stringify(payload), 'wrong-secret') });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/signature does not match/i) });
    const missing = await post('issue_comment', payload, { 'x-hub-signature-256': undefined });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'Required headers missing: x-hub-signature-256' });
    expect(deps.calls.verified).toEqual([]);
    expect(logs.join('')).toMatch(/signature does not match/i);
    expect(logs.join('')).toContain('webhook refused: no X-Hub-Signature-256 header');
  });

  it('ignores a replayed delivery and says so in the log', async () => {
    const recorded = recorder();
    mockInstallationToken();
    mockReactions(recorded, 2501234567, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', '89e6c98d92887913cadf06b2adb97f26cde4849b');
    mockComment(recorded, 17);
    const payload = fixture('issue_comment.created.issue.json');
    expect((await post('issue_comment', payload, {}, 'delivery-42')).status).toBe(200);
    expect((await post('issue_comment', payload, {}, 'delivery-42')).status).toBe(200);
    expect(deps.calls.verified).toHaveLength(1);
    expect(logs.join('')).toContain('duplicate delivery ignored (replay)');
  });

  it('accepts and ignores events it does not handle, logging at debug', async () => {
    const payload = { action: 'created', starred_at: null, repository: fixture<{ repository: unknown }>('pull_request.opened.json').repository, sender: { login: 'x', type: 'User' } };
    expect((await post('star', payload)).status).toBe(200);
    expect(logs.join('')).toContain('event ignored: syncstage does not handle it');
    expect(deps.calls.verified).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    void REPO_PATH;
  });
});
