// The built CLI as a process: what an operator runs on the sync server.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = 'dist/cli.js';

describe.skipIf(!existsSync(CLI))('dist/cli.js drift', () => {
  it('reports the examples as JSON and exits 1 with --fail-on drift', async () => {
    const failure = await run(process.execPath, [CLI, 'drift', 'examples/primary/config', 'examples/staging/config', '--format', 'json', '--fail-on', 'drift']).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure ? failure.code : 0).toBe(1);
    const report = JSON.parse(failure.stdout);
    expect(report.differences.map((d: { field: string }) => d.field)).toEqual(['containerExclusion', 'rule']);
    expect(failure.stderr).toBe('');
  });

  it('exits 2 with the file named on stderr for bad input', async () => {
    const failure = await run(process.execPath, [CLI, 'drift', 'examples/primary', 'examples/none']).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect([('code' in failure && failure.code) || 0, failure.stdout]).toEqual([2, '']);
    expect(failure.stderr).toMatch(/^examples\/none: no such folder/);
  });
});

describe.skipIf(!existsSync(CLI))('dist/cli.js in a pipeline', () => {
  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'exports', 'examples/staging', '--format', 'csv']);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read the first chunk, then close our end, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
