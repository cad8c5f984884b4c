import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/cli/common.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The time in-process CLI runs judge at when they give no --now: the example snapshots' morning, never the wall clock. */
export const TEST_NOW = '2026-11-24T09:00:00Z';

/** Runs `syncstage ...args` in-process with a fake terminal. */
export async function runCli(args: string[], options: { cwd?: string; stdin?: Buffer | string; tty?: boolean; env?: Record<string, string>; now?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: options.tty ?? false,
    cwd: options.cwd ?? process.cwd(),
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    now: () => new Date(options.now ?? TEST_NOW),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'syncstage-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
