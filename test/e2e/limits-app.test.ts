/**
 * The App's read limits against the built server (`node dist/server.js`, a fake GitHub on loopback, signed
 * webhooks): its operator's SYNCSTAGE_MAX_INFLATED_MIB refuses a pull request's .xml.gz past it, and the checks name
 * the file, the limit and the variable that raises it (issue 15 item 7, configurable).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appGitHub, fixture, HEAD, ROOT, type RunningServer, signed, startServer, stickyWrites } from './app-process.js';

/** The example export, gzipped with 2 MiB of blanks after its root: genuine XML that inflates past a 1 MiB ceiling. */
const PADDED = gzipSync(Buffer.concat([readFileSync(path.join(ROOT, 'examples/staging/exports/contoso.com.xml')), Buffer.alloc(2 * 1024 * 1024, 0x20)]));
const FILE = 'hostile/exports/contoso.com.xml.gz';

const github = appGitHub(new Map([[FILE, PADDED]]));
let server: RunningServer;

beforeAll(async () => {
  await github.start();
  server = await startServer(github.host, '2026-11-24T12:00:00Z', { SYNCSTAGE_MAX_INFLATED_MIB: '1' });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await github.stop();
});

describe('SYNCSTAGE_MAX_INFLATED_MIB=1 (the App\'s ceiling)', () => {
  it('a pull request\'s 2 MiB .xml.gz is refused: the review check fails naming the file, the limit and the variable', async () => {
    github.reset();
    github.pull(42).files = [FILE];
    const response = await fetch(`${server.url}/api/github/webhooks`, signed('pull_request', fixture('pull_request.opened.json')));
    expect([200, 202], server.output().slice(-3000)).toContain(response.status);
    await github.until(() => github.checkRuns.length >= 2 && stickyWrites(github).length >= 1, 'both checks and the comment', 120_000);
    const review = github.newestCheckRun(HEAD, 'syncstage/review');
    expect(review, server.output().slice(-2000)).toBeDefined();
    expect(review!.head_sha).toBe(HEAD);
    expect(review!.conclusion).toBe('failure');
    const refusal = `${FILE}: inflates to more than 1 MiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise SYNCSTAGE_MAX_INFLATED_MIB on the App's server (its operator's setting; .github/syncstage.yml may only lower it)`;
    // Markdown escapes punctuation; the sentence is the same once unescaped.
    expect(review!.output.summary.replace(/\\(.)/g, '$1')).toContain(refusal);
    expect(stickyWrites(github)[0]!.replace(/\\(.)/g, '$1')).toContain(refusal);
  }, 180_000);
});
