/**
 * Local debugging with GitHub's own tool (issue 12): `npx @github/local-action run . src/main.ts .env` imports
 * src/main.ts, puts its own @actions/core in place and calls run(). This runs exactly that command, against the fake
 * GitHub, on this repository's examples, as docs/local-debugging.md tells a person to.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarker } from '../../src/github/comments.js';
import type { FakeGitHub } from './fake-github.js';
import { actionGitHub, BASE, EVENT, HEAD, ROOT } from './action-process.js';

const LOCAL_ACTION = path.join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('src/main.ts', () => {
  it('does nothing when imported: no run, no ::error:: for the missing runner environment', async () => {
    const imported = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "const main = await import('./src/main.ts'); console.log(typeof main.run);"], {});
    expect(imported).toEqual({ code: 0, output: 'function\n' });
  }, 60_000);
});

describe('npx @github/local-action run . src/main.ts .env', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'syncstage-local-action-'));
  const repository = path.join(work, 'repository');
  cpSync(path.join(ROOT, 'examples'), path.join(repository, 'examples'), { recursive: true });
  let github: FakeGitHub;
  beforeAll(async () => {
    github = actionGitHub({ [BASE]: repository });
    await github.start();
  });
  afterAll(() => github.stop());

  it('runs the Action on the examples: the outputs, the sticky comment on the head, the gate status', async () => {
    const workspace = path.join(work, 'workspace');
    cpSync(repository, workspace, { recursive: true });
    mkdirSync(path.join(workspace, '.git'));
    writeFileSync(path.join(workspace, '.git/HEAD'), `${HEAD}\n`);
    const summary = path.join(work, 'summary.md');
    writeFileSync(summary, '');
    // The .env a person writes for a local run (docs/local-debugging.md): the inputs, the event, where GitHub is.
    const dotenv = path.join(work, '.env');
    writeFileSync(
      dotenv,
      [
        'INPUT_TOKEN=ghs_e2eToken',
        'INPUT_EXPORTS=examples/staging/exports/*.xml',
        'INPUT_PRIMARY=examples/primary',
        'INPUT_STAGING=examples/staging',
        'INPUT_COMMENT=update',
        'INPUT_FAIL-ON=threshold',
        'GITHUB_EVENT_NAME=pull_request',
        `GITHUB_EVENT_PATH=${EVENT}`,
        `GITHUB_WORKSPACE=${workspace}`,
        `GITHUB_API_URL=${github.url}`,
        'GITHUB_REPOSITORY=contoso/identity-sync',
        `GITHUB_STEP_SUMMARY=${summary}`,
        `RUNNER_TEMP=${work}`,
        'SYNCSTAGE_NOW=2026-11-24T12:00:00Z',
      ].join('\n'),
    );
    const local = await run(process.execPath, [LOCAL_ACTION, 'run', '.', 'src/main.ts', dotenv], {});
    expect(local.code, local.output).toBe(0);
    // local-action's own @actions/core printed these: the run went through its stub, not the real module.
    for (const [name, value] of Object.entries({ adds: '55', updates: '131', deletes: '24', 'drift-count': '2', 'comment-id': '1000' })) {
      expect(local.output).toContain(`::set-output name=${name}::${value}\n`);
    }
    expect(local.output).not.toContain('::error::');
    const comments = github.comments.get(42) ?? [];
    expect(comments).toHaveLength(1);
    expect(parseMarker(comments[0]!.body)).toMatchObject({ kind: 'review', sha: HEAD });
    expect(github.statuses).toEqual([{ sha: HEAD, body: expect.objectContaining({ context: 'syncstage/failover-prerequisites', state: 'success', description: 'no runbook in this PR' }) }]);
    expect(readFileSync(summary, 'utf8')).toContain('not ready');
  }, 180_000);
});
