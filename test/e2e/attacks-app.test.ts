/**
 * Issue 15, the attacks of a pull-request author, reproduced against the built App as a server process
 * (`node dist/server.js`, a fake GitHub on loopback, signed webhooks; test/e2e/app-process.ts): PR content that
 * stalled the event loop (a hostile glob in a runbook's front matter, a runbook that made a pattern quadratic) and
 * command values echoed raw in replies. Times are ratios against a baseline delivery measured in the same test
 * (the machine is shared), and /healthz is polled throughout: the App serves other installations meanwhile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appGitHub, commentsPosted, fixture, HEAD, ROOT, type RunningServer, signed, slowestHealth, startServer, stickyWrites } from './app-process.js';

const RUNBOOK = 'examples/runbooks/failover-2026-11-24.md';
const EXAMPLE_RUNBOOK = readFileSync(path.join(ROOT, RUNBOOK), 'utf8');
const EXPORT = readFileSync(path.join(ROOT, 'examples/staging/exports/contoso.com.xml'));
/** 21 wildcards (the limit is 64): a backtracking matcher tries ~C(50,20) ways against a 50-character name. */
const HOSTILE_GLOB = `hostile/${'*a'.repeat(20)}*.xml`;
const GLOB_RUNBOOK_PATH = 'runbooks/glob-failover.md';
const LONG_RUNBOOK_PATH = 'runbooks/long-failover.md';
const GLOB_RUNBOOK = EXAMPLE_RUNBOOK.replace('  snapshot: examples/staging\n', `  snapshot: examples/staging\n  exports: "${HOSTILE_GLOB}"\n`);
/** Just under the 1 MiB runbook limit: a task, then a run of blanks (the trailing-id pattern was quadratic on it). */
const LONG_RUNBOOK = `${EXAMPLE_RUNBOOK}\n- [x] a ${' \t'.repeat((1024 * 1024 - EXAMPLE_RUNBOOK.length - 64) / 2)}x\n`;

const headFiles = new Map<string, Buffer>([
  [GLOB_RUNBOOK_PATH, Buffer.from(GLOB_RUNBOOK)],
  [LONG_RUNBOOK_PATH, Buffer.from(LONG_RUNBOOK)],
  // Names of 40-50 `a`s: the attack's (the glob matched them for 10-14 s, and for over 200 s at 50 characters).
  ...Array.from({ length: 11 }, (_, i): [string, Buffer] => [`hostile/${'a'.repeat(40 + i)}`, EXPORT]),
  [`hostile/${'a'.repeat(49)}.xml`, EXPORT],
]);

const github = appGitHub(headFiles);
let server: RunningServer;

beforeAll(async () => {
  await github.start();
  server = await startServer(github.host, '2026-11-24T12:00:00Z');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await github.stop();
});

beforeEach(() => {
  github.reset();
  github.pull(42).files = [];
});

/** A pull_request.opened delivery for a PR changing `files`, until both checks and the comment are posted. */
async function review(files: string[]): Promise<{ durationMs: number; slowestHealthMs: number; gate: { conclusion: string; title: string }; summary: string }> {
  github.reset();
  github.pull(42).files = files;
  const started = performance.now();
  const { slowestMs } = await slowestHealth(server.url, async () => {
    const response = await fetch(`${server.url}/api/github/webhooks`, signed('pull_request', fixture('pull_request.opened.json')));
    expect([200, 202], server.output().slice(-3000)).toContain(response.status);
    await github.until(() => github.checkRuns.length >= 2 && stickyWrites(github).length >= 1, 'both checks and the sticky comment', 120_000);
  });
  const durationMs = performance.now() - started;
  const gate = github.checkRuns.find((check) => check.name === 'syncstage/failover-prerequisites');
  expect(gate, server.output().slice(-2000)).toBeDefined();
  expect(gate!.head_sha).toBe(HEAD);
  return { durationMs, slowestHealthMs: slowestMs, gate: { conclusion: gate!.conclusion, title: gate!.output.title }, summary: gate!.output.summary };
}

describe('issue 15 items 8 and 9: PR content does not stall the App', () => {
  it('a runbook whose staging.exports is *a*a*…*.xml over names of 40-50 `a`s, and a 1 MiB runbook of blanks: reviewed in the time of the plain runbook, /healthz answering throughout', async () => {
    const plain = await review([RUNBOOK]);
    const glob = await review([GLOB_RUNBOOK_PATH]);
    const long = await review([LONG_RUNBOOK_PATH]);
    console.log(
      `items 8, 9 (App): plain ${Math.round(plain.durationMs)} ms (slowest /healthz ${Math.round(plain.slowestHealthMs)} ms); glob ${Math.round(glob.durationMs)} ms (${Math.round(glob.slowestHealthMs)} ms); 1 MiB runbook ${Math.round(long.durationMs)} ms (${Math.round(long.slowestHealthMs)} ms)`,
    );
    expect(plain.gate).toEqual({ conclusion: 'failure', title: '3 of 8 prerequisites satisfied' });
    // The glob was applied (the export file it matched lies outside the staging snapshot, which the evidence says);
    // the runbook is judged like the plain one.
    expect(glob.summary).toContain('export files are outside the staging snapshot');
    expect(plain.summary).not.toContain('export files are outside the staging snapshot');
    expect(glob.gate).toEqual(plain.gate);
    expect(long.gate).toEqual(plain.gate);
    // The attack stalled the event loop 10-14 s (40 `a`s) and over 200 s (50): a backtracking match of one name
    // blocks everything. Linear, each review takes about the plain one's time and the loop never stalls for as long
    // as a whole plain review takes.
    for (const attack of [glob, long]) {
      expect(attack.durationMs).toBeLessThan(plain.durationMs * 3);
      expect(attack.slowestHealthMs).toBeLessThan(plain.durationMs);
    }
  }, 300_000);
});

describe('issue 15 item 13: replies echo nothing raw', () => {
  /** The reply to `/verify-staging ...` in issue #17 from alice-admin (write access). */
  async function reply(body: string): Promise<string> {
    const payload = fixture('issue_comment.created.issue.json') as { comment: { body: string } };
    payload.comment.body = body;
    const response = await fetch(`${server.url}/api/github/webhooks`, signed('issue_comment', payload));
    expect(response.status).toBe(200);
    const replies = commentsPosted(github, 17);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  }

  /** The reply outside fenced blocks and code spans: what GitHub renders as Markdown (mentions, HTML). */
  const rendered = (text: string): string => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');

  it('ref=@contoso/sync-admins pings nobody: the only mention is the command\'s author', async () => {
    const text = await reply('/verify-staging ref=@contoso/sync-admins');
    expect(text.startsWith('@alice-admin')).toBe(true);
    expect(text).toContain('while resolving `@contoso/sync-admins`');
    expect(rendered(text).match(/@[A-Za-z0-9]/g)).toEqual(['@a']);
  }, 30_000);

  it('ref=<img/src=x>: the HTML stays text in "while resolving" and in the fenced error', async () => {
    const text = await reply('/verify-staging ref=<img/src=x>');
    expect(text).toContain('**`/verify-staging` failed** while resolving &lt;img/src=x&gt;:');
    expect(text).toContain('```\nref=<img/src=x>: no branch, tag or commit of this repository has that name\n```');
    expect(rendered(text)).not.toMatch(/<img/i);
  }, 30_000);

  it('"ref=<img src=x>" (quoted, with a space): refused as a ref name, the value not echoed at all', async () => {
    const text = await reply('/verify-staging "ref=<img src=x>"');
    expect(text).toContain('**Nothing was run:** `ref=` is not a valid branch, tag or SHA name');
    expect(text).not.toMatch(/<img/i);
  }, 30_000);
});
