/**
 * The Action as a runner runs it (`node dist/index.js` in a child process, the runner's environment, INPUT_* from the
 * dogfood workflow), measured: how long the child ran and its peak resident memory (VmHWM from /proc/<pid>/status,
 * read until it exits). For the attack tests (test/e2e/attacks-action.test.ts), whose bounds are ratios against a
 * baseline run measured the same way in the same test.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CommitFiles, FakeGitHub, GITHUB_TOKEN } from './fake-github.js';
import { runnerInputs } from './runner-inputs.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'dist/index.js');
export const EVENT = path.join(ROOT, 'test/fixtures/events/pull_request.opened.json');
const payload = JSON.parse(readFileSync(EVENT, 'utf8'));
export const HEAD = payload.pull_request.head.sha as string;
export const BASE = payload.pull_request.base.sha as string;

/**
 * GitHub as the Action's token sees it (api.github.com layout; GITHUB_TOKEN is github-actions[bot]): `commits`, and
 * the event's pull request #42 (head HEAD, base BASE, open, changing no file until a test says so).
 */
export function actionGitHub(commits: Record<string, CommitFiles>): FakeGitHub {
  const head = payload.pull_request.head as { ref: string; label: string };
  return new FakeGitHub({ commits, pulls: [{ number: 42, state: 'open', head: { sha: HEAD, ref: head.ref, label: head.label }, base: { sha: BASE, ref: 'main' }, files: [] }] });
}

/** A folder of its own under the OS temp folder, for one test file's workspaces and runners. */
export function workFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** The repository the Action reviews (examples/ as committed), copied into `work`: the base commit's tree too. */
export function repositoryFixture(work: string): string {
  const repo = path.join(work, 'repo');
  cpSync(path.join(ROOT, 'examples'), path.join(repo, 'examples'), { recursive: true });
  return repo;
}

/** A checkout of the PR head: the fixture's files, and .git/HEAD naming the head, so the Action reads them from disk. */
export function workspaceAtHead(work: string, repo: string): string {
  const workspace = mkdtempSync(path.join(work, 'workspace-'));
  cpSync(repo, workspace, { recursive: true });
  mkdirSync(path.join(workspace, '.git'));
  writeFileSync(path.join(workspace, '.git/HEAD'), `${HEAD}\n`);
  return workspace;
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  summary: string;
  /** The JSON report the step wrote (outputs.report), when it wrote one. */
  report: string | undefined;
  durationMs: number;
  /** Peak resident set size of the child in kB (VmHWM), or undefined where /proc is not there. */
  peakRssKb: number | undefined;
}

function highWaterKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the runner gives a JavaScript action for a `pull_request` event: its own temp folder (HOME, RUNNER_TEMP), the
 * output and summary files, the event payload, the workspace, the fake GitHub's URL, and the dogfood workflow's inputs.
 */
export function runnerEnvironment(github: { url: string }, work: string, workspace: string, token = GITHUB_TOKEN): { runner: string; files: { GITHUB_OUTPUT: string; GITHUB_STEP_SUMMARY: string }; env: Record<string, string> } {
  const runner = mkdtempSync(path.join(work, 'runner-'));
  const files = { GITHUB_OUTPUT: path.join(runner, 'output'), GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: EVENT,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'contoso/identity-sync',
    GITHUB_RUN_ID: '777',
    GITHUB_SHA: 'feedface'.repeat(5),
    RUNNER_TEMP: runner,
    ...files,
    ...runnerInputs(token),
  };
  return { runner, files, env };
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** `node dist/index.js` as the runner starts it for a `pull_request` event, judging at `now` (SYNCSTAGE_NOW). */
export async function runAction(github: FakeGitHub, work: string, workspace: string, now: string, options: RunOptions = {}): Promise<MeasuredRun> {
  const { runner, files, env: runnerEnv } = runnerEnvironment(github, work, workspace);
  const env = {
    ...runnerEnv,
    SYNCSTAGE_NOW: now,
    ...options.inputs,
    ...options.env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [DIST], { cwd: workspace, env });
  let peakRssKb: number | undefined;
  const sample = () => {
    const kb = child.pid === undefined ? undefined : highWaterKb(child.pid);
    if (kb !== undefined) peakRssKb = Math.max(peakRssKb ?? 0, kb);
  };
  const sampler = setInterval(sample, 10);
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const durationMs = performance.now() - started;
  const outputs = readFileSync(files.GITHUB_OUTPUT, 'utf8');
  const reportPath = /^report<<(\S+)\n(.*)\n\1$/m.exec(outputs)?.[2];
  return {
    code,
    stdout,
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    report: reportPath && existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined,
    durationMs,
    peakRssKb,
  };
}

/** The body of the one comment the run left on PR #42 (the fake GitHub keeps them). */
export function commentOn42(github: FakeGitHub): string {
  const comments = github.comments.get(42) ?? [];
  if (comments.length !== 1) throw new Error(`expected one comment on #42, found ${comments.length}`);
  return comments[0]!.body;
}
