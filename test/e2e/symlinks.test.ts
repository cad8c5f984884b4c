/**
 * Issue 15 item 11, as a runner runs the Action (`node dist/index.js`, fake GitHub on loopback): symbolic links a
 * pull request commits are never followed. A snapshot's `settings -> <outside dir>` (the attack copied
 * ~/.docker/config.json into report.json) and a runbook linked to a YAML file outside the repository (its first
 * key leaked into the comment): nothing from outside reaches report.json, the comment or the summary, and the
 * gate fails naming the link.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGitHub } from './fake-github.js';
import { actionGitHub, runnerEnvironment } from './action-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EVENT = path.join(ROOT, 'test/fixtures/events/pull_request.opened.json');
const payload = JSON.parse(readFileSync(EVENT, 'utf8'));
const HEAD = payload.pull_request.head.sha as string;
const BASE = payload.pull_request.base.sha as string;
const DIST = path.join(ROOT, 'dist/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'syncstage-e2e-links-'));
const REPO_FIXTURE = path.join(work, 'repo');
cpSync(path.join(ROOT, 'examples'), path.join(REPO_FIXTURE, 'examples'), { recursive: true });

/** The runner's secrets outside the checkout, as a PR author would aim at them. */
const OUTSIDE = path.join(work, 'outside');
const SECRET = 'c2VjcmV0LWF1dGgtdG9rZW4tZG8tbm90LWxlYWs';
mkdirSync(path.join(OUTSIDE, 'docker'), { recursive: true });
writeFileSync(path.join(OUTSIDE, 'docker/config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: SECRET } } }));
writeFileSync(path.join(OUTSIDE, 'secret.yml'), `leaked-${SECRET}: 1\n`);

function workspaceAtHead(): string {
  const workspace = mkdtempSync(path.join(work, 'workspace-'));
  cpSync(REPO_FIXTURE, workspace, { recursive: true });
  mkdirSync(path.join(workspace, '.git'));
  writeFileSync(path.join(workspace, '.git/HEAD'), `${HEAD}\n`);
  return workspace;
}

async function runAction(github: FakeGitHub, workspace: string): Promise<{ code: number | null; stdout: string; report: string; summary: string }> {
  const { files, env: runnerEnv } = runnerEnvironment(github, work, workspace);
  const env = {
    ...runnerEnv,
  };
  const child = spawn(process.execPath, [DIST], { cwd: workspace, env });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const output = readFileSync(files.GITHUB_OUTPUT, 'utf8');
  const reportPath = /^report<<(\S+)\n([\s\S]*?)\n\1$/m.exec(output)?.[2];
  let report = '';
  try {
    report = reportPath ? readFileSync(reportPath, 'utf8') : '';
  } catch {
    report = '';
  }
  return { code, stdout, report, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe('the Action never follows a symbolic link from the checkout', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = actionGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
  });
  afterAll(() => github.stop());

  it('a snapshot folder `settings -> <outside>`: nothing from outside in report.json or the comment; the link is named', async () => {
    const workspace = workspaceAtHead();
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
    const workspace = workspaceAtHead();
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
