/**
 * Issue 15, the attacks of a pull-request author, reproduced against the built Action as a runner runs it
 * (`node dist/index.js`, a fake GitHub on loopback; test/e2e/action-process.ts). Each test asserts the safe outcome
 * users see: the posted gate status, the comment, the step's exit code, the child's peak memory and time. Times and
 * memory are bounded as ratios against a baseline run measured in the same test (the machine is shared), never as
 * wall-clock limits alone.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { BASE, HEAD, commentOn42, repositoryFixture, runAction, workFolder, workspaceAtHead } from './action-process.js';

const work = workFolder('syncstage-e2e-attacks-');
const REPO = repositoryFixture(work);
const RUNBOOK = 'examples/runbooks/failover-2026-11-24.md';
const EXAMPLE_RUNBOOK = readFileSync(path.join(REPO, RUNBOOK), 'utf8');
/** The morning after the example snapshots (as the other e2e tests judge). */
const MORNING_AFTER = '2026-11-24T12:00:00Z';
/** A week after the example snapshots: every snapshot is stale at the trusted 24 h limit. */
const WEEK_LATER = '2026-12-01T12:00:00Z';
const GATE = 'syncstage/failover-prerequisites';

let github: FakeGitHub;
beforeAll(async () => {
  github = new FakeGitHub({ [BASE]: REPO });
  await github.start();
});
afterAll(() => github.stop());

/** A fresh checkout of the head with `files` written over it (path -> content). */
function headWith(files: Record<string, string | Buffer>): string {
  const workspace = workspaceAtHead(work, REPO);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  return workspace;
}

/** The gate statuses and comment a run posted, forgetting them for the next run. */
function posted(): { statuses: { state: string; description: string }[]; comment: string } {
  const statuses = github.statuses.filter((status) => status.body.context === GATE).map((status) => ({ state: status.body.state as string, description: status.body.description as string }));
  const comment = commentOn42(github);
  github.statuses.length = 0;
  github.comments.clear();
  return { statuses, comment };
}

describe('issue 15 item 3: the runbook does not set its own limits', () => {
  it('max-snapshot-age-hours / max-sync-age-hours: 10000 in the PR\'s runbook leave the posted gate as it was, and the comment says they were ignored', async () => {
    github.changedFiles = [RUNBOOK];
    const plainRun = await runAction(github, work, headWith({}), WEEK_LATER);
    const plain = posted();
    const loosenedRunbook = EXAMPLE_RUNBOOK.replace('syncstage: failover\n', 'syncstage: failover\nmax-snapshot-age-hours: 10000\nmax-sync-age-hours: 10000\n');
    expect(loosenedRunbook).not.toBe(EXAMPLE_RUNBOOK);
    const loosenedRun = await runAction(github, work, headWith({ [RUNBOOK]: loosenedRunbook }), WEEK_LATER);
    const loosened = posted();

    expect(plainRun.code, plainRun.stdout).toBe(0);
    expect(loosenedRun.code, loosenedRun.stdout).toBe(0);
    // Week-old snapshots: stale at the trusted 24 h, so no ticked item resting on them is satisfied (honoured, the
    // runbook's own limits would make the same snapshots count as fresh again).
    expect(plain.statuses).toEqual([{ state: 'failure', description: '0 of 8 prerequisites satisfied' }]);
    expect(loosened.statuses).toEqual(plain.statuses);
    expect(loosened.comment).toContain("max\\-snapshot\\-age\\-hours: 10000 would loosen the trusted limit of 24 h: ignored");
    expect(plain.comment).not.toContain('would loosen');
  }, 120_000);
});

/** The head of a csexport whose one group's pending delta adds `count` members, gzipped as it is written. */
async function writeHugeObject(file: string, count: number): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const gzip = createGzip({ level: 1 });
  const out = gzip.pipe(createWriteStream(file));
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<cs-objects>\n<cs-object cs-dn="CN=G1,OU=Sync,DC=contoso,DC=com" id="{00000001-0000-4000-8000-000000000001}" object-type="group">');
  await write('<unapplied-export><delta operation="update" dn="CN=G1,OU=Sync,DC=contoso,DC=com"><attr name="member" type="string" multivalued="true" operation="update">');
  for (let from = 0; from < count; from += 10_000) {
    let piece = '';
    for (let i = from; i < Math.min(count, from + 10_000); i += 1) piece += `<value operation="add">m${i}</value>`;
    await write(piece);
  }
  await write('</attr></delta></unapplied-export><connector>1</connector><connector-state>normal</connector-state><export-delta-operation>modify</export-delta-operation></cs-object>\n</cs-objects>\n');
  gzip.end();
  await once(out, 'close');
}

describe('issue 15 item 6: one object with millions of values', () => {
  it('3,000,000 values in one object: peak memory stays near a small export\'s, and the comment says what was capped', async () => {
    const VALUES = 3_000_000;
    const small = headWith({ 'hostile/contoso.com.xml.gz': gzipSync(readFileSync(path.join(REPO, 'examples/staging/exports/contoso.com.xml'))) });
    const huge = headWith({});
    await writeHugeObject(path.join(huge, 'hostile/contoso.com.xml.gz'), VALUES);
    const inputs = { INPUT_EXPORTS: 'hostile/*.xml.gz' };
    const baseline = await runAction(github, work, small, MORNING_AFTER, { inputs });
    github.comments.clear();
    const attack = await runAction(github, work, huge, MORNING_AFTER, { inputs });
    const comment = commentOn42(github);
    github.comments.clear();
    github.statuses.length = 0;

    expect(baseline.code, baseline.stdout).toBe(0);
    expect(attack.code, attack.stdout).toBe(0);
    expect(comment).toContain(`${(VALUES - 10_000).toLocaleString('en-US')} values past the per-object caps (10,000 per attribute, 50,000 per object) were counted but not kept`);
    console.log(`item 6: baseline ${Math.round(baseline.durationMs)} ms, ${baseline.peakRssKb} kB; ${VALUES} values ${Math.round(attack.durationMs)} ms, ${attack.peakRssKb} kB`);
    if (baseline.peakRssKb !== undefined && attack.peakRssKb !== undefined) {
      // Kept whole, a value costs ~70-90 bytes (the attack: 20 M values, 1.8 GB), so 3 M values would add ~200 MB;
      // capped, the object costs a constant.
      expect(attack.peakRssKb).toBeLessThan(baseline.peakRssKb * 1.5);
    }
  }, 180_000);
});

/**
 * A gzip bomb: a csexport's opening, then `gib` GiB of blanks, as concatenated gzip members (one 16 MiB member of
 * blanks compresses to ~16 KB; gunzip reads every member), so the 2 MB file is written in milliseconds.
 */
function gzipBomb(gib: number): Buffer {
  const blanks = gzipSync(Buffer.alloc(16 * 1024 * 1024, ' '), { level: 9 });
  const head = gzipSync('<?xml version="1.0" encoding="utf-8"?>\n<cs-objects>\n');
  return Buffer.concat([head, ...Array.from({ length: gib * 64 }, () => blanks)]);
}

describe('issue 15 item 7: decompression without a ceiling', () => {
  it('a 2 MB .xml.gz inflating to 2 GiB is refused naming the file and the limit, the step fails, in the time of a small export', async () => {
    const small = headWith({ 'hostile/contoso.com.xml.gz': gzipSync(readFileSync(path.join(REPO, 'examples/staging/exports/contoso.com.xml'))) });
    const bomb = gzipBomb(2);
    const bombed = headWith({ 'hostile/contoso.com.xml.gz': bomb });
    const inputs = { INPUT_EXPORTS: 'hostile/*.xml.gz' };
    const baseline = await runAction(github, work, small, MORNING_AFTER, { inputs });
    github.comments.clear();
    github.statuses.length = 0;
    const attack = await runAction(github, work, bombed, MORNING_AFTER, { inputs });
    const comment = commentOn42(github);
    github.comments.clear();
    github.statuses.length = 0;
    console.log(`item 7: ${bomb.length} bytes; baseline ${Math.round(baseline.durationMs)} ms, ${baseline.peakRssKb} kB; bomb ${Math.round(attack.durationMs)} ms, ${attack.peakRssKb} kB`);

    expect(baseline.code, baseline.stdout).toBe(0);
    // Input that could not be read fails the step whatever fail-on says; the comment names the file and the limit.
    expect(attack.code, attack.stdout).toBe(1);
    const refusal = 'hostile/contoso.com.xml.gz: inflates past 200 times its compressed size (a decompression bomb?): refused';
    expect(attack.stdout).toContain(`::error::syncstage: 1 input(s) could not be read: ${refusal}`);
    expect(comment).toContain('⛔ **not ready**: 1 unreadable input; no pending exports analysed');
    expect(comment).toContain(`- \`${refusal}\``);
    // Refused once 64 MiB were inflated: the 2 GiB are never read (inflated, they took ~12 s a GiB in the attack).
    expect(attack.durationMs).toBeLessThan(baseline.durationMs * 2);
    if (baseline.peakRssKb !== undefined && attack.peakRssKb !== undefined) expect(attack.peakRssKb).toBeLessThan(baseline.peakRssKb * 1.5);
  }, 180_000);
});

describe('issue 15 item 9: regular expressions on PR text', () => {
  it('a runbook of just under 1 MiB with a long run of blanks after a task (the quadratic trailing-id pattern) is judged in the time of a 1 MiB plain one', async () => {
    const size = 1024 * 1024 - EXAMPLE_RUNBOOK.length - 64;
    github.changedFiles = [RUNBOOK];
    // The same length of text the patterns scan straight through, then the attack: `- [x] a ` and a run of blanks.
    const plainRun = await runAction(github, work, headWith({ [RUNBOOK]: `${EXAMPLE_RUNBOOK}\n- [x] a ${'a'.repeat(size)}x\n` }), MORNING_AFTER);
    const plain = posted();
    const attackRun = await runAction(github, work, headWith({ [RUNBOOK]: `${EXAMPLE_RUNBOOK}\n- [x] a ${' \t'.repeat(size / 2)}x\n` }), MORNING_AFTER);
    const attack = posted();
    console.log(`item 9: plain ${Math.round(plainRun.durationMs)} ms; blanks ${Math.round(attackRun.durationMs)} ms`);

    expect(plainRun.code, plainRun.stdout).toBe(0);
    expect(attackRun.code, attackRun.stdout).toBe(0);
    expect(plain.statuses).toEqual([{ state: 'failure', description: '3 of 8 prerequisites satisfied' }]);
    expect(attack.statuses).toEqual(plain.statuses);
    // Quadratic, 103 KB of blanks blocked the App for 31-47 s: 1 MiB would take hours.
    expect(attackRun.durationMs).toBeLessThan(plainRun.durationMs * 2);
  }, 180_000);
});
