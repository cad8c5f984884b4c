/**
 * The HTTP server in-process: health, signatures, bounds (body size, unverified bytes, slow clients), replays,
 * unknown events, and logs without secrets or payloads. GitHub's API is nock; the installation token route is
 * exercised (App auth, not a fixed token). Limits are lowered here (ServerOptions.limits) so that the bounds show
 * with small bodies and short waits; test/e2e/server.test.ts sends the real sizes to the built server.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { Writable } from 'node:stream';
import type { ApplicationFunction } from 'probot';
import nock from 'nock';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { createSyncstageServer, type ServerLimits } from '../../src/server/http.js';
import { readServerEnvironment } from '../../src/server/environment.js';
import { serializeError } from '../../src/server/log.js';
import { stubDeps } from './app-stubs.js';
import { API, fixture, privateKey, TestOctokit } from './helpers.js';
import { mockCommit, mockComment, mockConfig, mockPermission, mockReactions, recorder, REPO_PATH } from './nock-github.js';
import { result } from './stubs.js';

const SECRET = 'webhook-secret-0123456789';
const TOKEN = 'ghs_installationToken0123456789abcdefABCDEF';

let server: Server;
let base: string;
let logs: string[];
/** Called after every log line the server writes: what `logged` waits on. */
const logWaiters = new Set<() => void>();
let deps: ReturnType<typeof stubDeps>;

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function post(event: string, payload: unknown, headers: Record<string, string | undefined> = {}, delivery: string = crypto.randomUUID()): Promise<Response> {
  const body = JSON.stringify(payload);
  const all: Record<string, string | undefined> = { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': delivery, 'x-hub-signature-256': sign(body), ...headers };
  return fetch(`${base}/api/github/webhooks`, { method: 'POST', body, headers: Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)) });
}

async function stop(): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** (Re)starts the server with `appFn` (syncstage with stub deps by default) and `limits`; logs go to `logs`. */
async function listen(appFn?: ApplicationFunction, limits: Partial<ServerLimits> = {}): Promise<void> {
  if (server?.listening) await stop();
  logs = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      for (const waiter of [...logWaiters]) waiter();
      done();
    },
  });
  deps = stubDeps(result());
  const config = readServerEnvironment({ APP_ID: '1', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'trace', PORT: '0', HOST: '127.0.0.1' });
  // The serializers are the production ones: what a test sees in `logs` is what the server would write.
  const log = pino({ level: 'trace', serializers: { err: serializeError } }, sink);
  ({ server } = await createSyncstageServer(appFn ?? syncstageApp(deps.deps), config, { log, Octokit: TestOctokit, limits }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => listen());
afterEach(stop);

/** The log lines (pino JSON) whose message starts with `prefix`. */
function logLines(prefix: string): Record<string, unknown>[] {
  return logs
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => typeof line.msg === 'string' && line.msg.startsWith(prefix));
}

/** Resolves once the server has logged `count` lines starting with `prefix`: the signal that it is done with them. */
function logged(prefix: string, count = 1, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (logLines(prefix).length < count) return;
      clearTimeout(timer);
      logWaiters.delete(check);
      resolve();
    };
    // A real timeout: the line never came.
    const timer = setTimeout(() => {
      logWaiters.delete(check);
      reject(new Error(`not ${count} log line(s) starting with ${JSON.stringify(prefix)} in ${timeoutMs} ms:\n${logs.join('')}`));
    }, timeoutMs);
    logWaiters.add(check);
    check();
  });
}

const HEADERS = { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'delivery-big', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };

/** A raw POST whose body is written by `send`; resolves with the response (or the socket's error). */
function rawPost(headers: Record<string, string>, send: (write: (chunk: Buffer) => boolean) => void): Promise<{ status: number; body: string; response: IncomingMessage } | Error> {
  return new Promise((resolve) => {
    const request = httpRequest(`${base}/api/github/webhooks`, { method: 'POST', headers });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body, response }));
    });
    request.on('error', resolve);
    request.flushHeaders();
    send((chunk) => request.write(chunk));
  });
}

function mockInstallationToken(): void {
  nock(API).post('/app/installations/51234567/access_tokens').reply(201, { token: TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' });
}

describe('server', () => {
  it('answers the health check', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/healthz/`)).status).toBe(200);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/api/github/webhooks/`)).status).toBe(405);
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

  it('refuses a bad, a malformed and a missing signature: 401/400, nothing runs, one log line each without the payload', async () => {
    const payload = fixture('issue_comment.created.issue.json');
    const bad = await post('issue_comment', payload, { 'x-hub-signature-256': sign(JSON.stringify(payload), 'wrong-secret') }, 'delivery-bad');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'X-Hub-Signature-256 does not match the body and the webhook secret' });
    const malformed = await post('issue_comment', payload, { 'x-hub-signature-256': 'sha1=abc' }, 'delivery-malformed');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'X-Hub-Signature-256 is not "sha256=" and 64 hex digits' });
    const missing = await post('issue_comment', payload, { 'x-hub-signature-256': undefined }, 'delivery-missing');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'no X-Hub-Signature-256 header' });
    expect(deps.calls.verified).toEqual([]);
    expect(logLines('webhook refused').map((line) => [line.event, line.delivery, line.status, line.reason, line.level])).toEqual([
      ['issue_comment', 'delivery-bad', 401, 'X-Hub-Signature-256 does not match the body and the webhook secret', 40],
      ['issue_comment', 'delivery-malformed', 400, 'X-Hub-Signature-256 is not "sha256=" and 64 hex digits', 40],
      ['issue_comment', 'delivery-missing', 401, 'no X-Hub-Signature-256 header', 40],
    ]);
    // The payload's own text (the commenter, the repository) is nowhere in the log, nor is the signature.
    const text = logs.join('');
    for (const fromPayload of ['alice-admin', 'identity-sync', '/verify-staging', sign(JSON.stringify(payload), 'wrong-secret')]) expect(text).not.toContain(fromPayload);
    expect(logs).toHaveLength(3);
  });

  it('refuses what is not a webhook before reading a body: method, content type, delivery headers', async () => {
    const get = await fetch(`${base}/api/github/webhooks`);
    expect([get.status, get.headers.get('allow'), await get.json()]).toEqual([405, 'POST', { error: 'method GET is not allowed: webhooks are POSTed' }]);
    const form = await post('push', {}, { 'content-type': 'application/x-www-form-urlencoded' });
    expect([form.status, await form.json()]).toEqual([415, { error: 'Content-Type must be application/json (set it in the webhook settings)' }]);
    const anonymous = await post('push', {}, { 'x-github-delivery': undefined, 'x-github-event': undefined });
    expect([anonymous.status, await anonymous.json()]).toEqual([400, { error: 'missing header x-github-event, x-github-delivery' }]);
    const notJson = await fetch(`${base}/api/github/webhooks`, { method: 'POST', body: '{"action":', headers: { ...HEADERS, 'x-hub-signature-256': sign('{"action":') } });
    expect([notJson.status, await notJson.json()]).toEqual([400, { error: 'the body is not JSON' }]);
    expect(logLines('webhook refused').map((line) => line.status)).toEqual([405, 415, 400, 400]);
    expect(deps.calls.verified).toEqual([]);
  });

  it('answers 413 on a declared Content-Length over the limit without reading the body', async () => {
    await listen(undefined, { maxBodyBytes: 1024 });
    const response = await rawPost({ ...HEADERS, 'content-length': '1025' }, () => undefined);
    // The answer came although not one byte of the body was sent.
    expect(response).toMatchObject({ status: 413, body: JSON.stringify({ error: "body of 1,025 bytes is over GitHub's webhook limit of 1,024 bytes" }) });
    expect(logLines('webhook refused')).toEqual([expect.objectContaining({ event: 'push', delivery: 'delivery-big', status: 413 })]);
  });

  it('stops reading a chunked body at the first chunk over the limit: 413 while the client is still sending', async () => {
    await listen(undefined, { maxBodyBytes: 1024 });
    const response = await rawPost({ ...HEADERS, 'transfer-encoding': 'chunked' }, (write) => {
      write(Buffer.alloc(1000, 'a'));
      // The request is never ended: the 413 arrives before the body does.
      setTimeout(() => write(Buffer.alloc(100, 'b')), 50);
    });
    expect(response).toMatchObject({ status: 413, body: JSON.stringify({ error: "body is over GitHub's webhook limit of 1,024 bytes (stopped reading at 1,100 bytes)" }) });
    expect(logLines('webhook refused').map((line) => line.reason)).toEqual(["body is over GitHub's webhook limit of 1,024 bytes (stopped reading at 1,100 bytes)"]);
    expect(logs.join('')).not.toContain('aaaa');
  });

  it('never asks an Expect: 100-continue client for a body it refuses', async () => {
    await listen(undefined, { maxBodyBytes: 1024 });
    let continued = false;
    const response = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${base}/api/github/webhooks`, { method: 'POST', headers: { ...HEADERS, 'content-length': '5000', expect: '100-continue' } });
      request.on('continue', () => (continued = true));
      request.on('response', (r) => resolve(r.statusCode!));
      request.on('error', reject);
      request.flushHeaders();
    });
    expect([response, continued]).toEqual([413, false]);
  });

  it('holds at most maxUnverifiedBytes of unverified bodies across requests: 503 beyond', async () => {
    await listen(undefined, { maxUnverifiedBytes: 1500 });
    // The first body is half sent and held open; the second one does not fit beside it.
    const first = rawPost({ ...HEADERS, 'content-length': '2000', 'x-github-delivery': 'delivery-first' }, (write) => write(Buffer.alloc(1000, 'a')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await rawPost({ ...HEADERS, 'content-length': '1000', 'x-github-delivery': 'delivery-second' }, (write) => write(Buffer.alloc(1000, 'b')));
    expect(second).toMatchObject({ status: 503, body: JSON.stringify({ error: 'too many webhook bodies are being received at once; retry later' }) });
    expect((second as { response: IncomingMessage }).response.headers['retry-after']).toBe('10');
    server.closeAllConnections();
    await first;
  });

  it('issue 15 item 10: handles at most `running` deliveries at once, queues the rest, and answers 503 when the queue is full', async () => {
    let active = 0;
    let most = 0;
    let handled = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const appFn: ApplicationFunction = (app) => {
      app.onAny(async () => {
        active++;
        most = Math.max(most, active);
        await held;
        active--;
        handled++;
      });
    };
    await listen(appFn, { deliveries: { running: 2, waiting: 3, waitingBytes: 1024 * 1024 } });
    const first = Array.from({ length: 5 }, (_, index) => post('ping', { zen: 'x' }, {}, `delivery-${index}`));
    // Two run, three wait: the queue is full, the sixth is refused at once, with nothing run for it.
    await logged('webhook queued', 3);
    const refused = await post('ping', { zen: 'x' }, {}, 'delivery-refused');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual({ error: "the server is busy: 2 deliveries are being handled and 3 are waiting (or their bodies fill the queue); redeliver this one later (the app's Advanced settings)" });
    expect(active).toBe(2);
    release();
    expect((await Promise.all(first)).map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect([handled, most]).toEqual([5, 2]);
    expect(logLines('webhook refused').map((line) => [line.delivery, line.status])).toEqual([['delivery-refused', 503]]);
  });

  it('cuts off slow clients: headers that never end, a body that never comes (408)', async () => {
    await listen(undefined, { headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckMs: 50 });
    const slow = (text: string) =>
      new Promise<{ answer: string; ms: number }>((resolve) => {
        const started = Date.now();
        let answer = '';
        const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write(text));
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
        socket.on('error', () => undefined);
      });
    const headers = await slow('POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: push\r\n');
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(headers.ms).toBeLessThan(3000);
    const body = await slow(`POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\n${Object.entries(HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('')}Content-Length: 100\r\n\r\n{"a":`);
    expect(body.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(body.ms).toBeLessThan(3000);
    expect(deps.calls.verified).toEqual([]);
    await logged('webhook refused');
    // The headers never reached the route; the body did not arrive: one line, no status (Node answered the 408).
    expect(logLines('webhook refused').map(({ event, delivery, status, reason }) => ({ event, delivery, status, reason }))).toEqual([
      { event: 'push', delivery: 'delivery-big', status: undefined, reason: 'the body did not arrive in full (the connection closed or the request timed out)' },
    ]);
  });

  it('logs a failing handler without the payload: the error, the delivery id and the event name only', async () => {
    const failing: ApplicationFunction = (app) => {
      app.on('issues.opened', async () => {
        throw new Error('boom in the handler');
      });
    };
    await listen(failing);
    const payload = { action: 'opened', issue: { number: 1, title: 'secret-user-data-in-the-title' }, repository: { name: 'r', owner: { login: 'o' } }, installation: { id: 1 } };
    const response = await post('issues', payload, {}, 'delivery-fails');
    expect([response.status, await response.json()]).toEqual([500, { error: 'handling the delivery failed: the server log says why' }]);
    const text = logs.join('');
    expect(text).toContain('boom in the handler');
    expect(text).toContain('delivery-fails');
    expect(text).not.toContain('secret-user-data-in-the-title');
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
