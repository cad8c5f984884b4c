/**
 * Issue 15 item 11, as a runner runs the Action (`node dist/index.js`, fake GitHub on loopback): symbolic links a
 * pull request commits are never followed. A snapshot's `settings -> <outside dir>` (the attack copied
 * ~/.docker/config.json into report.json) and a runbook linked to a YAML file outside the repository (its first
 * key leaked into the comment): nothing from outside reaches report.json, the comment or the summary, and the
 * gate fails naming the link.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { actionGitHub, BASE, repositoryFixture, runAction as runActionProcess, workFolder, workspaceAtHead } from './action-process.js';

const work = workFolder('syncstage-e2e-links-');
const REPO_FIXTURE = repositoryFixture(work);
/** The morning after the example snapshots (as the other e2e tests judge). */
const MORNING_AFTER = '2026-11-24T12:00:00Z';

/** The runner's secrets outside the checkout, as a PR author would aim at them. */
const OUTSIDE = path.join(work, 'outside');
const SECRET = 'c2VjcmV0LWF1dGgtdG9rZW4tZG8tbm90LWxlYWs';
mkdirSync(path.join(OUTSIDE, 'docker'), { recursive: true });
writeFileSync(path.join(OUTSIDE, 'docker/config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: SECRET } } }));
writeFileSync(path.join(OUTSIDE, 'secret.yml'), `leaked-${SECRET}: 1\n`);

/** `node dist/index.js` on `workspace`: what it printed, reported, summarised, and its exit code. */
async function runAction(github: FakeGitHub, workspace: string): Promise<{ code: number | null; stdout: string; report: string; summary: string }> {
  const run = await runActionProcess(github, work, workspace, MORNING_AFTER);
  return { code: run.code, stdout: run.stdout, report: run.report ?? '', summary: run.summary };
}

describe('the Action never follows a symbolic link from the checkout', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
  });
  afterAll(() => github.stop());

  it('a snapshot folder `settings -> <outside>`: nothing from outside in report.json or the comment; the link is named', async () => {
    const workspace = workspaceAtHead(work, REPO_FIXTURE);
    symlinkSync(path.join(OUTSIDE, 'docker'), path.join(workspace, 'examples/staging/settings'));
    const run = await runAction(github, workspace);
    const comments = (github.comments.get(42) ?? []).map((comment) => comment.body).join('\n');
    for (const text of [run.stdout, run.report, run.summary, comments]) expect(text).not.toContain(SECRET);
    expect(`${comments}\n${run.stdout}`).toContain('examples/staging/settings');
    expect(`${comments}\n${run.stdout}`).toContain('a symbolic link');
    // Input that could not be read fails the step whatever fail-on says; the verdict is "not ready" with the reason.
    expect(comments).toContain('⛔ **not ready**');
    expect(comments).toContain('[1 input could not be read](#syncstage-unreadable)');
    expect(comments).toContain('- `examples/staging/settings: a symbolic link: syncstage never follows links; commit the file itself`');
    expect(run.code).toBe(1);
  }, 120_000);

  it('a runbook linked to a YAML file outside the repository fails the gate, naming the link', async () => {
    const workspace = workspaceAtHead(work, REPO_FIXTURE);
    mkdirSync(path.join(workspace, 'runbooks'));
    symlinkSync(path.join(OUTSIDE, 'secret.yml'), path.join(workspace, 'runbooks/failover.md'));
    github.pull(42).files = ['runbooks/failover.md'];
    const before = github.statuses.length;
    const run = await runAction(github, workspace);
    const comments = (github.comments.get(42) ?? []).map((comment) => comment.body).join('\n');
    const statuses = github.statuses.slice(before);
    for (const text of [run.stdout, run.report, run.summary, comments, JSON.stringify(statuses)]) expect(text).not.toContain(SECRET);
    const gate = statuses.find((status) => status.body.context === 'syncstage/failover-prerequisites');
    expect(gate?.body.state).toBe('failure');
    expect(`${JSON.stringify(gate?.body)}\n${comments}\n${run.summary}`).toContain('runbooks/failover.md');
    expect(`${comments}\n${run.summary}\n${run.stdout}`).toContain('a symbolic link');
  }, 120_000);
});
