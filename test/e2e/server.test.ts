/**
 * End to end: the server runs as its own process, GitHub is a local HTTP server (GHE_HOST/GHE_PROTOCOL point
 * Probot at it), webhooks arrive over HTTP signed with the secret. The first block runs the server code with stub
 * analysis (test/e2e/fixtures/stub-server.ts); the last runs the built dist/server.js: the real analysis and
 * renderers, the files of examples/ read through the (fake) API's trees and blobs at exact commit SHAs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_LOGIN, appEnvironment, appGitHub, BASE, commentsPosted, fixture, freePort, HEAD, KEY, MAIN, REPO, ROOT, SECRET, signed, TOKEN } from './app-process.js';
import type { FakeComment, FakeGitHub } from './fake-github.js';
import { commentKey } from '../../src/github/comments.js';

interface Running {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once the process has written `text` (a log line naming a delivery: the signal that it was handled). */
  written: (text: string, timeoutMs?: number) => Promise<void>;
}

const SERVER_VARIABLES = ['APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'PORT', 'HOST', 'GHE_HOST', 'GHE_PROTOCOL', 'LOG_LEVEL', 'LOG_FORMAT', 'SYNCSTAGE_NOW'];
/**
 * The time the servers judge at: the morning after the example snapshots were captured (2026-11-24T07:30Z), so their
 * verdicts are the same on any day. SYNC02's last sync ended 06:48:30Z, 5.2 h before: over the 3 h default.
 */
const PINNED_NOW = '2026-11-24T12:00:00Z';

/** The test's environment (Windows needs SystemRoot and friends) without any server setting, plus `env`. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVER_VARIABLES.includes(name.toUpperCase())));
  return { ...base, ...env };
}

function spawnServer(args: string[], env: NodeJS.ProcessEnv): Running {
  let output = '';
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const written = (text: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.includes(text)) return;
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        resolve();
      };
      // A real timeout: the line never came.
      const timer = setTimeout(() => reject(new Error(`the server did not write ${JSON.stringify(text)} in ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      check();
    });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output, exited, written };
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

describe('server process (stub analysis)', () => {
  const github = appGitHub();
  let running: Running;
  let url: string;

  beforeAll(async () => {
    await github.start();
    const host = github.host;
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    running = spawnServer(['--import', 'tsx', 'test/e2e/fixtures/stub-server.ts'], appEnvironment(port, host, PINNED_NOW, 'trace'));
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

  it('refuses a webhook with a bad signature: 401, nothing reaches GitHub', async () => {
    const before = github.requests.length;
    const request = signed('issue_comment', fixture('issue_comment.created.pr.json'), 'not-the-secret');
    const response = await fetch(`${url}/api/github/webhooks`, request);
    expect(response.status).toBe(401);
    // The server's line for this delivery says it was refused: whatever it would have asked GitHub, it has by now.
    await running.written(`"delivery":"${(request.headers as Record<string, string>)['x-github-delivery']}"`);
    expect(github.requests.length).toBe(before);
  });

  it('runs /verify-staging in a PR: 👀, checks on the pinned SHA, one reply, 🚀', async () => {
    const response = await fetch(`${url}/api/github/webhooks`, signed('issue_comment', fixture('issue_comment.created.pr.json')));
    expect(response.status).toBe(200);
    expect(github.requestsTo('POST', `${REPO}/issues/comments/2501234567/reactions`).map((r) => (r.body as { content: string }).content)).toEqual(['eyes', 'rocket']);
    expect(github.requestsTo('POST', `${REPO}/check-runs`).map((r) => [(r.body as { name: string }).name, (r.body as { head_sha: string }).head_sha, (r.body as { conclusion: string }).conclusion])).toEqual([
      // "not ready", but no fail-on condition (default threshold,errors) holds in the stub's result: the review passes.
      ['syncstage/review', HEAD, 'success'],
      ['syncstage/failover-prerequisites', HEAD, 'success'],
    ]);
    const replies = github.requestsTo('POST', `${REPO}/issues/42/comments`).map((r) => (r.body as { body: string }).body);
    expect(replies).toEqual([`**not ready** (judged \`${HEAD}\`, [command](https://github.com/contoso/identity-sync/pull/42#issuecomment-2501234567))\n\n- stub: 3 deletions over the threshold`]);
    const authorised = github.requests.filter((r) => r.path.startsWith(REPO));
    expect(authorised.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('logs no secret: webhook secret, private key, installation token', () => {
    const output = running.output();
    expect(output).toContain('syncstage listening');
    for (const secret of [SECRET, TOKEN, 'PRIVATE KEY', KEY.split('\n')[1]!]) expect(output).not.toContain(secret);
  });
});

describe('server process configuration', () => {
  it('refuses to start with a SYNCSTAGE_NOW that is not an ISO 8601 time with a zone', async () => {
    for (const value of ['yesterday', '2026-11-24T12:00:00', '2026-13-40T12:00:00Z']) {
      const running = spawnServer(['--import', 'tsx', 'test/e2e/fixtures/stub-server.ts'], { APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: SECRET, PORT: String(await freePort()), SYNCSTAGE_NOW: value });
      expect(await running.exited, value).toBe(1);
      // One line, in the LOG_FORMAT asked for (pretty by default: the level, then the sentence).
      expect(running.output()).toBe(
        `FATAL: syncstage server: SYNCSTAGE_NOW must be an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), not ${JSON.stringify(value)}; it is for tests only: unset it\n`,
      );
    }
  });

  it('refuses to start without a webhook secret', async () => {
    const running = spawnServer(['--import', 'tsx', 'test/e2e/fixtures/stub-server.ts'], { APP_ID: '1', PRIVATE_KEY: KEY, PORT: String(await freePort()) });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('WEBHOOK_SECRET must be set: the server refuses to accept unsigned webhooks');
    expect(running.output()).not.toContain(KEY.split('\n')[1]!);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The built server, for real: dist/server.js, the real verification of examples/, files through trees and blobs.
// ---------------------------------------------------------------------------------------------------------------

/** The commit `main` resolves to, and the PR's base: the same files at other SHAs, so which SHA was read shows. */
const RUNBOOK = 'examples/runbooks/failover-2026-11-24.md';
const BROKEN_RUNBOOK = 'runbooks/2026-12-01-failover.md';
// Outside the default runbook globs (any name with "runbook", any file in a runbooks folder).
const MOVED_RUNBOOK = 'docs/failover-2026-11-24.md';

/** The PR's head also adds a runbook whose front matter does not parse (judged only when the PR lists it as changed),
 * and the example runbook again outside the runbook globs (issue 15 item 2): judged by its front matter when listed. */
const HEAD_FILES = new Map([
  [BROKEN_RUNBOOK, Buffer.from('---\nsyncstage: failover\nactive: [SYNC01\n---\n')],
  [MOVED_RUNBOOK, readFileSync(path.join(ROOT, RUNBOOK))],
]);


function reactions(github: FakeGitHub): string[] {
  return github.requestsTo('POST', `${REPO}/issues/comments/2501234567/reactions`).map((r) => (r.body as { content: string }).content);
}


/** The fixture with another comment author (sender and comment.user). */
function commentBy(name: string, login: string): Record<string, unknown> {
  const payload = fixture(name) as { sender: { login: string }; comment: { user: { login: string } } };
  payload.sender.login = login;
  payload.comment.user.login = login;
  return payload as unknown as Record<string, unknown>;
}

/** The server's resident memory in kB (Linux: /proc/<pid>/status), or undefined elsewhere. */
function residentKb(pid: number): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(status, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

/** Runs `work` while sampling the process's resident memory every 20 ms; the peak growth over the start, in MB. */
async function peakGrowthMb<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; growthMb: number | undefined }> {
  const start = residentKb(pid);
  let peak = start ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, residentKb(pid) ?? 0)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, residentKb(pid) ?? 0);
    return { result, growthMb: start === undefined ? undefined : (peak - start) / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

/** 26 MiB: over GitHub's 25 MB cap however a megabyte is counted. */
const OVERSIZED = 26 * 1024 * 1024;

describe('built dist/server.js: the real analysis of examples/ through the API', () => {
  const github = appGitHub(HEAD_FILES);
  let running: Running;
  let url: string;
  /** The fake GitHub's host:port, for a second server process. */
  let githubHost: string;

  const deliver = async (event: string, payload: unknown, secret?: string): Promise<Response> => fetch(`${url}/api/github/webhooks`, signed(event, payload, secret));

  beforeAll(async () => {
    await github.start();
    const host = github.host;
    githubHost = host;
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    running = spawnServer(['dist/server.js'], appEnvironment(port, host, PINNED_NOW, 'trace'));
    await waitForHealth(url, running);
  }, 120_000);

  afterAll(async () => {
    running?.process.kill('SIGTERM');
    await running?.exited;
    await github.stop();
  });

  beforeEach(() => {
    github.reset();
    github.comments.clear();
    github.pull(42).files = [];
  });

  /** Every request except blob reads (there are dozens; counted apart), without the /api/v3 prefix. */
  const calls = () => github.calls({ query: true }).filter((call) => !call.includes('/git/blobs/')).map((call) => call.replace('/api/v3/repos/contoso/identity-sync', ''));
  const blobReads = () => github.requestsTo('GET', `${REPO}/git/blobs/`);
  const TOKEN_CALL = 'POST /api/v3/app/installations/51234567/access_tokens';
  // The example data's numbers (node dist/cli.js verify --primary examples/primary --staging examples/staging):
  // 217 pending exports, 2 drift findings. The Markdown escapes '-' and '.'.
  const EXPORT_LINE = '**217 pending exports to 2 connectors: 55 adds, 131 updates \\(22 replaces\\), 24 deletes, 7 delete\\-adds; 8 renames';
  const DRIFT_IDS = ['d-f966163fbe', 'd-dc2a26a8e1'];

  // Refusals first: no handler of an earlier delivery can still be talking to the fake GitHub.
  /** The JSON log lines written since `from` (an offset into the output) for this delivery id. */
  const linesFor = (from: number, delivery: string): Record<string, unknown>[] =>
    running
      .output()
      .slice(from)
      .split('\n')
      .filter((line) => line.includes(delivery))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('refuses a bad signature and a missing one: 401, one log line each, nothing reaches GitHub', async () => {
    const from = running.output().length;
    const bad = signed('issue_comment', fixture('issue_comment.created.pr.json'), 'not-the-secret');
    const badId = (bad.headers as Record<string, string>)['x-github-delivery']!;
    const refused = await fetch(`${url}/api/github/webhooks`, bad);
    expect([refused.status, await refused.json()]).toEqual([401, { error: 'X-Hub-Signature-256 does not match the body and the webhook secret' }]);
    const unsigned = signed('issue_comment', fixture('issue_comment.created.pr.json'));
    delete (unsigned.headers as Record<string, string>)['x-hub-signature-256'];
    const unsignedId = (unsigned.headers as Record<string, string>)['x-github-delivery']!;
    const missing = await fetch(`${url}/api/github/webhooks`, unsigned);
    expect([missing.status, await missing.json()]).toEqual([401, { error: 'no X-Hub-Signature-256 header' }]);
    // Each delivery's log line is the signal that the server is done with it.
    await running.written(`"delivery":"${badId}"`);
    await running.written(`"delivery":"${unsignedId}"`);
    expect(github.requests).toEqual([]);
    expect(linesFor(from, badId)).toEqual([expect.objectContaining({ level: 40, event: 'issue_comment', delivery: badId, status: 401, msg: 'webhook refused: X-Hub-Signature-256 does not match the body and the webhook secret' })]);
    expect(linesFor(from, unsignedId)).toEqual([expect.objectContaining({ level: 40, event: 'issue_comment', delivery: unsignedId, status: 401, msg: 'webhook refused: no X-Hub-Signature-256 header' })]);
    // Two short lines, and nothing of the payload (the comment's author, the repository) or of the signature.
    const written = running.output().slice(from);
    expect(written.split('\n').filter(Boolean)).toHaveLength(2);
    for (const fromPayload of ['alice-admin', 'identity-sync', '/verify-staging', (bad.headers as Record<string, string>)['x-hub-signature-256']!]) expect(written).not.toContain(fromPayload);
  }, 30_000);

  it('refuses a 26 MB unsigned POST with 413 without reading it: one log line, memory flat', async () => {
    const from = running.output().length;
    const delivery = crypto.randomUUID();
    const started = Date.now();
    const { result: response, growthMb } = await peakGrowthMb(running.process.pid!, () =>
      fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        body: Buffer.alloc(OVERSIZED, 'x'),
        headers: { 'content-type': 'application/json', 'x-github-event': 'issue_comment', 'x-github-delivery': delivery, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      }),
    );
    expect([response.status, await response.json()]).toEqual([413, { error: "body of 26.0 MB is over GitHub's webhook limit of 25.0 MB" }]);
    expect(Date.now() - started).toBeLessThan(10_000);
    if (growthMb !== undefined) expect(growthMb).toBeLessThan(40);
    expect(linesFor(from, delivery)).toEqual([expect.objectContaining({ level: 40, event: 'issue_comment', delivery, status: 413 })]);
    expect(running.output().length - from).toBeLessThan(1_000);
    expect(github.requests).toEqual([]);
  }, 30_000);

  it('stops reading a chunked 26 MB body at 25 MB: 413, one log line, memory bounded by the cap', async () => {
    const from = running.output().length;
    const delivery = crypto.randomUUID();
    const chunk = Buffer.alloc(1024 * 1024, 'y');
    let sent = 0;
    // No Content-Length: the server has to count.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= OVERSIZED) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const { result: response, growthMb } = await peakGrowthMb(running.process.pid!, () =>
      fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': delivery, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/^body is over GitHub's webhook limit of 25\.0 MB \(stopped reading at 25\.\d MB\)$/) });
    // 25 MB held at most, plus what Node and V8 take to hold it.
    if (growthMb !== undefined) expect(growthMb).toBeLessThan(120);
    expect(linesFor(from, delivery)).toEqual([expect.objectContaining({ level: 40, event: 'push', delivery, status: 413 })]);
    expect(running.output().slice(from)).not.toContain('yyyy');
  }, 30_000);

  it('answers 405 to other methods on the webhook path, 404 elsewhere, and keeps /healthz', async () => {
    expect((await fetch(`${url}/api/github/webhooks`)).status).toBe(405);
    expect((await fetch(`${url}/api/github/webhooks/../../etc`)).status).toBe(404);
    expect((await fetch(`${url}/`, { method: 'POST', body: '{}' })).status).toBe(404);
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('/verify-staging in an issue: 👀, main resolved to a SHA, the tree read at it, one reply with the real analysis, 🚀, no checks', async () => {
    const response = await deliver('issue_comment', fixture('issue_comment.created.issue.json'));
    expect(response.status).toBe(200);
    // The default branch comes from the payload (repository.default_branch), resolved through GET /commits/:ref
    // once: the settings are read in its tree (before the permission check: the allowlist is there), then judged there.
    expect(calls().filter((call) => call !== TOKEN_CALL)).toEqual([
      'POST /issues/comments/2501234567/reactions',
      'GET /commits/main',
      `GET /git/trees/${MAIN}?recursive=1`,
      'GET /collaborators/alice-admin/permission',
      'POST /issues/17/comments',
      'POST /issues/comments/2501234567/reactions',
    ]);
    expect(reactions(github)).toEqual(['eyes', 'rocket']);
    // Blobs: raw bytes, each file of the commit read once at most (dedupe: the same content is one blob).
    expect(blobReads().length).toBeGreaterThan(40);
    expect(blobReads().every((r) => r.accept === 'application/vnd.github.raw')).toBe(true);
    const [reply, ...others] = commentsPosted(github, 17);
    expect(others).toEqual([]);
    expect(reply).toMatch(new RegExp(`^⛔ \\*\\*not ready\\*\\*: \\[/verify-staging\\]\\(https://github\\.com/contoso/identity-sync/issues/17#issuecomment-2501234567\\) on \`${MAIN}\``));
    expect(reply).toContain(EXPORT_LINE);
    expect(reply).toContain('[2 configuration differences between the active and the staging server](#syncstage-drift)');
    for (const id of DRIFT_IDS) expect(reply).toContain(id);
    // The fix this test found: no file of the commit read as empty (src/github/files.ts, undici + GC).
    expect(reply).not.toContain('unreadable input');
    expect(github.requestsTo('POST', `${REPO}/check-runs`)).toEqual([]);
    expect(github.requests.filter((r) => r.path.startsWith(REPO)).every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  }, 30_000);

  it('/verify-staging in a PR: the head SHA pinned, the tree read at it, both checks on it, the reply, 🚀', async () => {
    const response = await deliver('issue_comment', fixture('issue_comment.created.pr.json'));
    expect(response.status).toBe(200);
    expect(calls().filter((call) => call !== TOKEN_CALL)).toEqual([
      'POST /issues/comments/2501234567/reactions',
      // The head pinned and the settings read at the pull request's base, before the permission check.
      'GET /pulls/42',
      `GET /git/trees/${BASE}?recursive=1`,
      'GET /collaborators/alice-admin/permission',
      'GET /pulls/42/files?per_page=100',
      `GET /git/trees/${HEAD}?recursive=1`,
      'POST /check-runs',
      'POST /check-runs',
      'POST /issues/42/comments',
      'POST /issues/comments/2501234567/reactions',
    ]);
    expect(reactions(github)).toEqual(['eyes', 'rocket']);
    const [review, gate] = github.checkRuns;
    // Export errors are "errors" in the default fail-on (threshold,errors): the review check fails.
    expect(review).toMatchObject({ name: 'syncstage/review', head_sha: HEAD, status: 'completed', conclusion: 'failure', details_url: 'https://github.com/contoso/identity-sync/pull/42#issuecomment-2501234567' });
    expect(review!.output.title).toBe('not ready: contoso.com: 2 export errors');
    expect(review!.output.summary).toContain(EXPORT_LINE);
    expect(gate).toMatchObject({ name: 'syncstage/failover-prerequisites', head_sha: HEAD, conclusion: 'success', output: { title: 'no runbook in this PR' } });
    const replies = commentsPosted(github, 42);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(new RegExp(`^⛔ \\*\\*not ready\\*\\*: \\[/verify-staging\\]\\(https://github\\.com/contoso/identity-sync/pull/42#issuecomment-2501234567\\) on \`${HEAD}\``));
    for (const id of DRIFT_IDS) expect(replies[0]).toContain(id);
  }, 30_000);

  it('/verify-staging in a PR that changes the runbook: the gate judges it and fails', async () => {
    github.pull(42).files = [RUNBOOK, 'examples/staging/snapshot.json'];
    const response = await deliver('issue_comment', fixture('issue_comment.created.pr.json'));
    expect(response.status).toBe(200);
    expect(reactions(github)).toEqual(['eyes', 'rocket']);
    const gate = github.checkRuns.find((check) => check.name === 'syncstage/failover-prerequisites')!;
    expect(gate).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    // The runbook ticks 6 of its 8 items. The gate judges them as of the pinned clock (SYNCSTAGE_NOW, 4.5 h after the
    // capture): SYNC02's last sync is 5.2 h old (over the 3 h default), so the ticked `staging-synced` is contradicted,
    // as is the ticked `no-drift` (2 differences); `initial-sync`, `exports-verified` and `health-agent` are unticked.
    expect(gate.output.title).toBe('3 of 8 prerequisites satisfied');
    expect(gate.output.summary).toContain(`Runbook \`contoso/identity-sync@${HEAD.slice(0, 7)}:${RUNBOOK}\``);
    expect(gate.output.summary).toContain('**Not ready to switch.** contradicted by the evidence: `staging-synced`, `no-drift`; unsatisfied: `initial-sync`, `exports-verified`, `health-agent`.');
    expect(gate.output.summary).toContain('5\\.2 h before the check: over the 3 h limit');
  }, 30_000);

  it('/verify-staging runbook=runbooks/nope.md in a PR: the newer gate check is a failure naming the path, not success', async () => {
    const payload = fixture('issue_comment.created.pr.json') as { comment: { body: string } };
    payload.comment.body = '/verify-staging runbook=runbooks/nope.md';
    const response = await deliver('issue_comment', payload);
    expect(response.status).toBe(200);
    expect(reactions(github)).toEqual(['eyes', 'rocket']);
    // runbook= names a runbook besides the PR's own: the PR's files are still listed.
    expect(calls()).toContain('GET /pulls/42/files?per_page=100');
    const [review, gate] = github.checkRuns;
    expect(review).toMatchObject({ name: 'syncstage/review', head_sha: HEAD, conclusion: 'failure' });
    expect(gate).toMatchObject({ name: 'syncstage/failover-prerequisites', head_sha: HEAD, conclusion: 'failure', output: { title: 'cannot judge runbooks/nope.md: no such file at this commit' } });
    expect(gate!.output.summary).toContain('### `runbooks/nope.md`: cannot be judged');
    // A required check is judged by the newest run of its name on the SHA: this failure.
    expect(github.newestCheckRun(HEAD, 'syncstage/failover-prerequisites')).toBe(gate);
    const replies = commentsPosted(github, 42);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('runbooks/nope.md: no such file at this commit');
  }, 30_000);

  it('refuses a user with read access: 👀, a polite refusal, 👎, only the settings read, no checks', async () => {
    const response = await deliver('issue_comment', commentBy('issue_comment.created.issue.json', 'bob-reader'));
    expect(response.status).toBe(200);
    expect(calls().filter((call) => call !== TOKEN_CALL)).toEqual([
      'POST /issues/comments/2501234567/reactions',
      // The settings (the allowlist) at the default branch: nothing else is read.
      'GET /commits/main',
      `GET /git/trees/${MAIN}?recursive=1`,
      'GET /collaborators/bob-reader/permission',
      'POST /issues/17/comments',
      'POST /issues/comments/2501234567/reactions',
    ]);
    expect(reactions(github)).toEqual(['eyes', '-1']);
    expect(commentsPosted(github, 17)).toEqual([
      '@bob-reader — reply to [this `/verify-staging`](https://github.com/contoso/identity-sync/issues/17#issuecomment-2501234567)\n\nSorry, nothing was run: `/verify-staging` needs write, maintain or admin access to this repository, and your role here is `read`.',
    ]);
    // At most the settings file (the App's blob cache may hold it from an earlier event).
    expect(blobReads().length).toBeLessThanOrEqual(1);
  }, 30_000);

  it('pull_request.opened: the sticky review comment (marker, kind review) and both checks on the head', async () => {
    const response = await deliver('pull_request', fixture('pull_request.opened.json'));
    expect(response.status).toBe(200);
    const seen = calls().filter((call) => call !== TOKEN_CALL);
    // Judged once, published many (issue 12): the settings from the base's tree, each tree and the PR's files listed
    // once, then the check runs and the comment.
    expect([...seen].sort()).toEqual(
      [
        'GET /api/v3/app',
        `GET /git/trees/${HEAD}?recursive=1`,
        `GET /git/trees/${BASE}?recursive=1`,
        'GET /pulls/42/files?per_page=100',
        'POST /api/graphql',
        'POST /check-runs',
        'POST /check-runs',
        'GET /issues/42/comments?per_page=100',
        // The PR's head, asked right before writing: a review of an older push is never posted over the current one.
        'GET /pulls/42',
        'POST /issues/42/comments',
        'GET /issues/42/comments?per_page=100',
      ].sort(),
    );
    expect(github.checkRuns.map((check) => [check.name, check.head_sha, check.conclusion, check.output.title])).toEqual([
      ['syncstage/review', HEAD, 'failure', 'not ready: contoso.com: 2 export errors'],
      ['syncstage/failover-prerequisites', HEAD, 'success', 'no runbook in this PR'],
    ]);
    const [comment, ...others] = commentsPosted(github, 42);
    expect(others).toEqual([]);
    const marker = /^<!-- syncstage:(\{.*?\}) -->\n/.exec(comment!);
    expect(marker).not.toBeNull();
    expect(JSON.parse(marker![1]!)).toMatchObject({ kind: 'review', v: 1, sha: HEAD });
    // The comment names the commit it judged.
    expect(comment).toContain(`## syncstage: staging review at \`${HEAD.slice(0, 12)}\``);
    expect(comment).toContain('⛔ **not ready**');
    expect(comment).toContain(EXPORT_LINE);
    // The base (89e6c98) was verified too, for the comparison.
    expect(comment).toContain('### Since main');
    expect(comment).not.toContain('unreadable input');
    // Issue 12: no blob fetched twice (the App's cache holds what the events above fetched; a cold process below).
    const fetched = blobReads().map((r) => r.path.split('/').pop()!);
    expect(fetched.filter((sha, index) => fetched.indexOf(sha) !== index)).toEqual([]);
  }, 30_000);

  // The App finds its own sticky comment by its bot login (GET /app with the app's JWT -> syncstage[bot]) and marker.
  it('pull_request.synchronize edits the sticky comment the App posted instead of posting another', async () => {
    // Its key: the repository and the App's login (issue 15 item 12). A comment of its own that quotes a marker
    // later in the body (6000) is not the sticky comment.
    const key = commentKey(['app', 'contoso/identity-sync', APP_LOGIN]);
    const own: FakeComment[] = [
      { id: 6000, node_id: 'IC_6000', body: `quoted: <!-- syncstage:{"kind":"review","v":1,"key":"${key}"} -->`, user: { login: APP_LOGIN, type: 'Bot' }, created_at: '2026-11-24T19:00:00Z' },
      { id: 6001, node_id: 'IC_6001', body: `<!-- syncstage:{"kind":"review","v":1,"key":"${key}","sha":"${BASE}"} -->\nold`, user: { login: APP_LOGIN, type: 'Bot' }, created_at: '2026-11-24T20:00:00Z' },
    ];
    github.comments.set(42, own);
    const response = await deliver('pull_request', fixture('pull_request.synchronize.json'));
    expect(response.status).toBe(200);
    expect(github.requestsTo('PATCH', `${REPO}/issues/comments/6000`)).toEqual([]);
    expect(github.requestsTo('DELETE', `${REPO}/issues/comments/6000`)).toEqual([]);
    expect(github.requestsTo('PATCH', `${REPO}/issues/comments/6001`)).toHaveLength(1);
    expect(github.requestsTo('POST', `${REPO}/issues/42/comments`)).toEqual([]);
  }, 30_000);

  // After the tests that watch the App ask GitHub for its login: the answer is cached for the process.
  it('pull_request.opened adding a runbook with malformed front matter: the gate check fails naming the file and the reason', async () => {
    github.pull(42).files = [BROKEN_RUNBOOK];
    const response = await deliver('pull_request', fixture('pull_request.opened.json'));
    // 202 when the handling outlasts the webhook middleware's wait (a loaded machine): then wait for its writes, so
    // nothing of this delivery lands in the next test.
    expect([200, 202]).toContain(response.status);
    await github.until(() => github.checkRuns.length >= 2 && commentsPosted(github, 42).length >= 1, 'both checks and the comment', 30_000);
    expect(commentsPosted(github, 42)).toHaveLength(1);
    const gate = github.checkRuns.find((check) => check.name === 'syncstage/failover-prerequisites');
    expect(gate).toMatchObject({
      head_sha: HEAD,
      conclusion: 'failure',
      output: { title: `cannot judge ${BROKEN_RUNBOOK}:3:16: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]` },
    });
    expect(gate!.output.summary).toContain(`### \`${BROKEN_RUNBOOK}\`: cannot be judged`);
  }, 60_000);

  it('issue 15 item 2: pull_request.opened adding a runbook outside the globs (docs/failover-2026-11-24.md): the gate judges it', async () => {
    github.pull(42).files = [MOVED_RUNBOOK];
    const response = await deliver('pull_request', fixture('pull_request.opened.json'));
    expect([200, 202]).toContain(response.status);
    await github.until(() => github.checkRuns.length >= 2 && commentsPosted(github, 42).length >= 1, 'both checks and the comment', 30_000);
    const gate = github.checkRuns.find((check) => check.name === 'syncstage/failover-prerequisites')!;
    expect(gate).toMatchObject({ head_sha: HEAD, conclusion: 'failure', output: { title: '3 of 8 prerequisites satisfied' } });
    expect(gate.output.summary).toContain(`Runbook \`contoso/identity-sync@${HEAD.slice(0, 7)}:${MOVED_RUNBOOK}\``);
  }, 60_000);

  it('announces the pinned clock once, as a warning', () => {
    const pinned = running.output().split('\n').filter((line) => line.includes('SYNCSTAGE_NOW'));
    expect(pinned).toHaveLength(1);
    // Pretty (`WARN (probot): ...`) or JSON (`"level":40`), whichever LOG_FORMAT the server honours.
    expect(pinned[0]).toMatch(/^WARN \(|"level":40/);
    expect(pinned[0]).toContain('SYNCSTAGE_NOW pins the clock to 2026-11-24T12:00:00.000Z: every staleness and sync-age judgment is made as of that time, not now. For tests only: unset it in production.');
  });

  it('logs no secret: webhook secret, private key, installation token', () => {
    const output = running.output();
    expect(output).toContain('syncstage listening');
    expect(output).toContain('/verify-staging answered');
    for (const secret of [SECRET, TOKEN, 'PRIVATE KEY', KEY.split('\n')[1]!, KEY.split('\n')[5]!]) expect(output).not.toContain(secret);
  });

  it('LOG_FORMAT=json: everything the server wrote (trace level, every test above) is one JSON object per line', () => {
    const lines = running.output().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(20);
    const notJson = lines.filter((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return typeof parsed !== 'object' || parsed === null || typeof (parsed as { level?: unknown }).level !== 'number';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
  });

  it('issue 12, API economy: a fresh App process fetches each blob once per event, none again on the next push, nothing on a title edit', async () => {
    const port = await freePort();
    const fresh = spawnServer(['dist/server.js'], appEnvironment(port, githubHost, PINNED_NOW));
    const freshUrl = `http://127.0.0.1:${port}`;
    /** Delivers an event and waits for the writes that end its handling (202 when it outlasts the webhook's wait). */
    const deliverAndWait = async (event: string, payload: unknown, done: () => boolean): Promise<void> => {
      const response = await fetch(`${freshUrl}/api/github/webhooks`, signed(event, payload));
      expect([200, 202]).toContain(response.status);
      await github.until(done, `the writes that end ${event}`);
    };
    try {
      await waitForHealth(freshUrl, fresh);
      // Its last request: whether the comment it created is minimized (GraphQL), after creating it.
      await deliverAndWait('pull_request', fixture('pull_request.opened.json'), () => github.checkRuns.length >= 2 && github.requestsTo('POST', '/api/graphql').length >= 1);
      const fetched = blobReads().map((r) => r.path.split('/').pop()!);
      // Head and base share all but two files: each blob once (before issue 12: 310 calls, 297 blob fetches of 144
      // blobs).
      expect(fetched.filter((sha, index) => fetched.indexOf(sha) !== index)).toEqual([]);
      expect(fetched.length).toBeGreaterThan(100);
      // The rest: the token, GET /app, two trees, the PR's files (once: judged once), its head, two check runs, the
      // comment (list, create, list again, minimized?); the settings file is one of the blobs.
      expect(github.requests.length).toBe(fetched.length + 12);
      expect(github.requests.length).toBeLessThan(160);

      // The next push to the same files: the App's cache (kept across events, bounded) has every blob (before: 295
      // blob fetches).
      github.reset();
      await deliverAndWait('pull_request', fixture('pull_request.synchronize.json'), () => github.checkRuns.length >= 2 && github.requestsTo('PATCH', `${REPO}/issues/comments/`).length >= 1);
      expect(github.checkRuns).toHaveLength(2);
      expect(blobReads()).toEqual([]);

      // A new title: no request at all (the head's checks and review stand; before: 305 calls).
      github.reset();
      const edited = { ...fixture('pull_request.opened.json'), action: 'edited', changes: { title: { from: 'SYNC02 snapshot' } } };
      const response = await fetch(`${freshUrl}/api/github/webhooks`, signed('pull_request', edited));
      expect(response.status).toBe(200);
      // The App's line saying it let the edit stand is the signal that it is done with the event.
      await fresh.written('pull_request.edited changed neither the head nor the base');
      expect(github.requests).toEqual([]);
    } finally {
      fresh.process.kill('SIGTERM');
      await fresh.exited;
    }
  }, 180_000);

  // Issue 15 item 10: a flood of signed deliveries degrades into waiting and 503s, not into memory growth. A second
  // server with 1 delivery at once and 2 waiting gets 8 pull_request deliveries at the same moment.
  it('a flood of deliveries: 1 handled at once, 2 queued, the other 5 answered 503 (redeliverable); the served ones post their checks', async () => {
    const port = await freePort();
    const floodUrl = `http://127.0.0.1:${port}`;
    const host = githubHost;
    const flooded = spawnServer(['dist/server.js'], { ...appEnvironment(port, host, PINNED_NOW), SYNCSTAGE_CONCURRENT_DELIVERIES: '1', SYNCSTAGE_QUEUED_DELIVERIES: '2' });
    try {
      await waitForHealth(floodUrl, flooded);
      const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${floodUrl}/api/github/webhooks`, signed('pull_request', fixture('pull_request.opened.json')))));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 503)).toHaveLength(5);
      expect(statuses.filter((status) => status === 200 || status === 202)).toHaveLength(3);
      const refused = responses.find((response) => response.status === 503)!;
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toEqual({ error: "the server is busy: 1 deliveries are being handled and 2 are waiting (or their bodies fill the queue); redeliver this one later (the app's Advanced settings)" });
      await github.until(() => github.checkRuns.length >= 6, 'the served deliveries\' six checks');
      // Three deliveries served, one after the other: two checks each, none lost.
      expect(github.checkRuns).toHaveLength(6);
      const queued = flooded.output().split('\n').filter((line) => line.includes('webhook queued'));
      expect(queued).toHaveLength(2);
    } finally {
      flooded.process.kill('SIGTERM');
      await flooded.exited;
    }
  }, 120_000);
});
