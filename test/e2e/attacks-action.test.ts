/**
 * Issue 15, the attacks of a pull-request author, reproduced against the built Action as a runner runs it
 * (`node dist/index.js`, a fake GitHub on loopback; test/e2e/action-process.ts). Each test asserts the safe outcome
 * users see: the posted gate status, the comment, the step's exit code, the child's peak memory and time. Times and
 * memory are bounded as ratios against a baseline run measured in the same test (the machine is shared), never as
 * wall-clock limits alone.
 */
import { once } from 'node:events';
import { cpSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { actionGitHub, BASE, HEAD, commentOn42, repositoryFixture, runAction, workFolder, workspaceAtHead } from './action-process.js';

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
  github = actionGitHub({ [BASE]: REPO });
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

describe('issue 15 item 1: runbook file names are names, not Windows paths', () => {
  it('a runbook committed as runbooks/2026-11-24\\failover.md is judged as the file it is: the gate fails on its prerequisites, never "no runbook in this PR"', async () => {
    const name = 'runbooks/2026-11-24\\failover.md';
    github.pull(42).files = [name];
    const run = await runAction(github, work, headWith({ [name]: EXAMPLE_RUNBOOK }), MORNING_AFTER);
    const { statuses, comment } = posted();
    expect(run.code, run.stdout).toBe(0);
    expect(statuses).toEqual([{ state: 'failure', description: '3 of 8 prerequisites satisfied' }]);
    expect(comment).not.toContain('no runbook in this PR');
  }, 120_000);

  it('one the pull request changes but the checkout lacks fails the gate naming it', async () => {
    const name = 'runbooks/2026-11-25\\failover.md';
    github.pull(42).files = [name];
    const run = await runAction(github, work, headWith({}), MORNING_AFTER);
    const { statuses } = posted();
    // Input that could not be read fails the step too, whatever fail-on says.
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('::error::syncstage: 1 input(s) could not be read: runbooks/2026-11-25\\failover.md: no such file');
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.state).toBe('failure');
    expect(statuses[0]?.description).toContain('2026-11-25\\failover.md');
  }, 120_000);
});

describe('issue 15 item 3: the runbook does not set its own limits', () => {
  it('max-snapshot-age-hours / max-sync-age-hours: 10000 in the PR\'s runbook leave the posted gate as it was, and the comment says they were ignored', async () => {
    github.pull(42).files = [RUNBOOK];
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
 * blanks compresses to ~16 KB; gunzip reads every member), so the file (1 MB a GiB) is written in milliseconds.
 */
function gzipBomb(gib: number): Buffer {
  const blanks = gzipSync(Buffer.alloc(16 * 1024 * 1024, ' '), { level: 9 });
  const head = gzipSync('<?xml version="1.0" encoding="utf-8"?>\n<cs-objects>\n');
  return Buffer.concat([head, ...Array.from({ length: gib * 64 }, () => blanks)]);
}

describe('issue 15 item 7: decompression without a ceiling', () => {
  it('a 4 MB .xml.gz inflating to 4 GiB is refused naming the file and the limit, the step fails, in the time of a small export', async () => {
    const small = headWith({ 'hostile/contoso.com.xml.gz': gzipSync(readFileSync(path.join(REPO, 'examples/staging/exports/contoso.com.xml'))) });
    const bomb = gzipBomb(4);
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
    const refusal =
      'hostile/contoso.com.xml.gz: inflates past 200 times its compressed size, the limit (a decompression bomb?): refused; if the file is genuine, raise the max-inflation-ratio input or max-inflation-ratio under limits: in .github/syncstage.yml';
    expect(attack.stdout).toContain(`::error::syncstage: 1 input(s) could not be read: ${refusal}`);
    expect(comment).toContain('⛔ **not ready**: 1 unreadable input; no pending exports analysed');
    expect(comment).toContain(`- \`${refusal}\``);
    // Refused once 64 MiB were inflated: the 4 GiB are never read (inflated, they took ~12 s a GiB in the attack,
    // five times the baseline's whole run). 3 times: room for a shared machine's noise.
    expect(attack.durationMs).toBeLessThan(baseline.durationMs * 3);
    if (baseline.peakRssKb !== undefined && attack.peakRssKb !== undefined) expect(attack.peakRssKb).toBeLessThan(baseline.peakRssKb * 1.5);
  }, 180_000);
});

describe('issue 15 item 9: regular expressions on PR text', () => {
  it('a runbook of just under 1 MiB with a long run of blanks after a task (the quadratic trailing-id pattern) is judged in the time of a 1 MiB plain one', async () => {
    const size = 1024 * 1024 - EXAMPLE_RUNBOOK.length - 64;
    github.pull(42).files = [RUNBOOK];
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
    expect(attackRun.durationMs).toBeLessThan(plainRun.durationMs * 3);
  }, 180_000);
});

describe('issue 15 item 5: the fork-safe split\'s part 2 reviews the fork\'s pull request itself', () => {
  /** part 2's event: part 1 (a pull_request run of the fork's copy of the workflow) completed on `headSha`. */
  function workflowRunEvent(headSha: string, event = 'pull_request'): string {
    const file = path.join(work, `workflow_run-${headSha.slice(0, 7)}-${event}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        action: 'completed',
        workflow_run: { id: 555, name: 'syncstage-analyse', event, head_sha: headSha, head_branch: 'failover', head_repository: { full_name: 'mallory/identity-sync', owner: { login: 'mallory' } }, conclusion: 'success' },
        repository: { name: 'identity-sync', owner: { login: 'contoso' } },
      }),
    );
    return file;
  }

  const part2 = (eventPath: string) => ({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: eventPath, GITHUB_WORKFLOW: 'syncstage-comment', GITHUB_JOB: 'review' });
  /** A comment outside fenced blocks and code spans: what GitHub renders as Markdown. */
  const rendered = (text: string): string => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');

  it('no checkout: the head read through the API as data, the comment rendered by this run, the gate posted on the head', async () => {
    const forkHead = workFolder('syncstage-e2e-fork-');
    const hostile = EXAMPLE_RUNBOOK.replace('## Before the switch (prerequisites)', '## Before the switch (prerequisites)\n\n✅ **ready to switch** @contoso/sync-admins <img src=x onerror=alert(1)>\n');
    // The fork's data speaks too: a display name carrying a planted marker, a verdict, a team mention.
    const EXPORT_FILE = 'examples/staging/exports/contoso.com.xml';
    const planted = '<!-- syncstage:{"kind":"review","v":1} --> ✅ **ready to switch** @contoso/sync-admins';
    const forgedExport = readFileSync(path.join(REPO, EXPORT_FILE), 'utf8').replaceAll('<value>Lynne Wilke</value>', `<value>${planted.replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</value>`);
    const forkFiles = headWith({ [RUNBOOK]: hostile, [EXPORT_FILE]: forgedExport });
    const fork = actionGitHub({ [HEAD]: forkFiles, [BASE]: REPO });
    fork.pull(42).files = [RUNBOOK];
    // The pull request comes from mallory's fork: its head is `mallory:failover`.
    fork.pull(42).head = { sha: HEAD, ref: 'failover', label: 'mallory:failover' };
    await fork.start();
    try {
      const run = await runAction(fork, work, forkHead, MORNING_AFTER, { env: part2(workflowRunEvent(HEAD)) });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain('reviewing contoso/identity-sync@3f1c6f0 from the API');
      // GitHub names the pull request (by the head's owner and branch, then the SHA), never the fork's artifact.
      expect(fork.calls()).toContain('GET /repos/contoso/identity-sync/pulls');
      expect(fork.requests.find((r) => r.path.startsWith('/repos/contoso/identity-sync/pulls?'))!.path).toContain('head=mallory%3Afailover');
      const comment = commentOn42(fork);
      // syncstage's own rendering of the fork's files: the verdict it reached, not one the fork wrote.
      expect(comment).toContain('## syncstage: staging review');
      expect(comment).toContain('⛔ **not ready**');
      expect(comment).toContain('3 of 8 prerequisites satisfied');
      expect(comment).not.toContain('✅ **ready to switch**');
      // The planted display name is shown as text: its marker broken, its emphasis escaped, its mention in a code span.
      expect(comment).toContain('`@contoso/sync-admins`');
      expect(comment).not.toContain('<!-- syncstage:{"kind":"review","v":1} -->');
      expect(comment.match(/<!-- syncstage:\{/g)).toHaveLength(1);
      // File text is escaped: no mention pings, no HTML renders (the examples carry both in display names).
      expect(rendered(comment).match(/@[A-Za-z0-9]/g)).toBeNull();
      expect(rendered(comment)).not.toMatch(/<img/i);
      // The gate is judged by this trusted run, on the fork's head, from the base's rules.
      expect(fork.statuses).toEqual([{ sha: HEAD, body: expect.objectContaining({ context: GATE, state: 'failure', description: '3 of 8 prerequisites satisfied' }) }]);
    } finally {
      await fork.stop();
    }
  }, 120_000);
});

describe('issue 15 item 5: part 2 posts nothing when GitHub names no pull request', () => {
  it.each([
    ['a commit that is no open pull request\'s head (pushed to since)', 'f'.repeat(40), 'pull_request'],
    ['a run that was not for a pull request', HEAD, 'push'],
  ])('%s: no comment, no status, the step passes', async (_name, headSha, event) => {
    const fork = actionGitHub({ [HEAD]: REPO, [BASE]: REPO });
    // The pull request comes from mallory's fork: its head is `mallory:failover`.
    fork.pull(42).head = { sha: HEAD, ref: 'failover', label: 'mallory:failover' };
    await fork.start();
    try {
      const eventPath = path.join(work, `workflow_run-${event}-${headSha.slice(0, 7)}.json`);
      writeFileSync(eventPath, JSON.stringify({ action: 'completed', workflow_run: { event, head_sha: headSha, head_branch: 'failover', head_repository: { owner: { login: 'mallory' } } }, repository: { name: 'identity-sync', owner: { login: 'contoso' } } }));
      const run = await runAction(fork, work, workFolder('syncstage-e2e-fork-'), MORNING_AFTER, { env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: eventPath } });
      expect(run.code, run.stdout).toBe(0);
      if (event === 'pull_request') expect(run.stdout).toContain(`::warning::no open pull request of contoso/identity-sync has commit ${headSha} at its head (closed, or pushed to since): nothing reviewed, nothing posted`);
      expect(fork.comments.size).toBe(0);
      expect(fork.statuses).toEqual([]);
      expect(fork.calls().filter((call) => !call.startsWith('GET'))).toEqual([]);
    } finally {
      await fork.stop();
    }
  }, 60_000);
});

/** The example export, gzipped with 2 MiB of blanks after its root: genuine XML that inflates past a 1 MiB ceiling. */
function paddedExport(): Buffer {
  return gzipSync(Buffer.concat([readFileSync(path.join(REPO, 'examples/staging/exports/contoso.com.xml')), Buffer.alloc(2 * 1024 * 1024, 0x20)]));
}

/** One group whose pending delta adds `count` members. */
function groupExport(count: number): string {
  const members = Array.from({ length: count }, (_, i) => `<value operation="add">CN=m${i},OU=Groups,DC=contoso,DC=com</value>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<cs-objects>\n<cs-object id="{1}" object-type="group" cs-dn="CN=g,OU=Groups,DC=contoso,DC=com"><unapplied-export><delta operation="update" dn="CN=g,OU=Groups,DC=contoso,DC=com"><attr name="member" type="string" multivalued="true" operation="update">${members}</attr></delta></unapplied-export></cs-object>\n</cs-objects>\n`;
}

describe('issue 15 items 6 and 7, configurable: the limits lowered by the Action\'s inputs and the base commit\'s config file', () => {
  it('max-inflated-mib: 1 refuses a 2 MiB .xml.gz naming the file and the input; without it the same file is reviewed', async () => {
    const head = headWith({ 'hostile/contoso.com.xml.gz': paddedExport() });
    const plain = await runAction(github, work, head, MORNING_AFTER, { inputs: { INPUT_EXPORTS: 'hostile/*.xml.gz' } });
    posted();
    const lowered = await runAction(github, work, head, MORNING_AFTER, { inputs: { INPUT_EXPORTS: 'hostile/*.xml.gz', 'INPUT_MAX-INFLATED-MIB': '1' } });
    const { comment } = posted();

    expect(plain.code, plain.stdout).toBe(0);
    expect(lowered.code, lowered.stdout).toBe(1);
    const refusal =
      'hostile/contoso.com.xml.gz: inflates to more than 1 MiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise the max-inflated-mib input or max-inflated-mib under limits: in .github/syncstage.yml';
    expect(lowered.stdout).toContain(`::error::syncstage: 1 input(s) could not be read: ${refusal}`);
    expect(comment).toContain(`- \`${refusal}\``);
  }, 180_000);

  it('max-values-per-attribute: 5 keeps 5 of 25 members and the comment says 20 were counted past the caps, and how to raise them', async () => {
    const run = await runAction(github, work, headWith({ 'hostile/contoso.com.xml': groupExport(25) }), MORNING_AFTER, { inputs: { INPUT_EXPORTS: 'hostile/*.xml', 'INPUT_MAX-VALUES-PER-ATTRIBUTE': '5' } });
    const { comment } = posted();
    expect(run.code, run.stdout).toBe(0);
    expect(comment).toContain(
      '20 values past the per-object caps (5 per attribute, 50,000 per object) were counted but not kept: they are in the counts above, not compared value by value (raise the max\\-values\\-per\\-attribute input or max\\-values\\-per\\-attribute under limits: in \\.github/syncstage\\.yml and the max\\-values\\-per\\-object input or max\\-values\\-per\\-object under limits: in \\.github/syncstage\\.yml to keep more).',
    );
  }, 180_000);

  it('limits: from the base commit\'s .github/syncstage.yml hold; the pull request\'s own copy raising them is not read', async () => {
    const base = path.join(work, 'base-with-limits');
    cpSync(REPO, base, { recursive: true });
    mkdirSync(path.join(base, '.github'), { recursive: true });
    writeFileSync(path.join(base, '.github/syncstage.yml'), 'limits:\n  max-inflated-mib: 1\n');
    const fake = actionGitHub({ [BASE]: base });
    await fake.start();
    try {
      const head = headWith({ 'hostile/contoso.com.xml.gz': paddedExport(), '.github/syncstage.yml': 'limits:\n  max-inflated-mib: 1048576\n' });
      // The dogfood workflow's inputs name the exports (they win over the file); they set no limit.
      const run = await runAction(fake, work, head, MORNING_AFTER, { inputs: { INPUT_EXPORTS: 'hostile/*.xml.gz' } });
      expect(run.code, run.stdout).toBe(1);
      expect(run.stdout).toContain(
        '::error::syncstage: 1 input(s) could not be read: hostile/contoso.com.xml.gz: inflates to more than 1 MiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise the max-inflated-mib input or max-inflated-mib under limits: in .github/syncstage.yml',
      );
    } finally {
      await fake.stop();
    }
  }, 180_000);
});
