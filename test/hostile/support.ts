/** Shared by the hostile-input tests: workspaces, seeded randomness, and the "bad input" assertion. */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { random } from '../../scripts/lib/csexport-generator.js';
import { tempDir, type CliRun } from '../support/cli.js';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS = path.join(HERE, 'corpus');
export const FIXTURES = path.join(HERE, '..', 'fixtures');
export const GOLDEN_EXPORT = path.join(FIXTURES, 'csexport-golden', 'contoso.onmicrosoft.com - AAD.xml');
export const CONTOSO = path.join(FIXTURES, 'contoso-server-config');

export { random };

export function corpus(...parts: string[]): Buffer {
  return readFileSync(path.join(CORPUS, ...parts));
}

const created: string[] = [];

/** Removes the workspaces made so far (afterEach): some hold 10 MB files. */
export function removeWorkspaces(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A temporary repository: SYNC01 (active) and SYNC02 (staging) snapshots from the gate fixture, and runbook.md
 * naming them. Returns its path.
 */
export function workspace(): string {
  const dir = tempDir('syncstage-hostile-');
  created.push(dir);
  cpSync(path.join(FIXTURES, 'gate', 'pre', 'SYNC01'), path.join(dir, 'SYNC01'), { recursive: true });
  cpSync(path.join(FIXTURES, 'gate', 'pre', 'SYNC02'), path.join(dir, 'SYNC02'), { recursive: true });
  const runbook = readFileSync(path.join(FIXTURES, 'gate', 'runbook-pre.md'), 'utf8').replaceAll('test/fixtures/gate/pre/', '');
  writeFileSync(path.join(dir, 'runbook.md'), runbook);
  return dir;
}

export function put(dir: string, file: string, bytes: Buffer | string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), bytes);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Exit 2, nothing on stdout, and a first stderr line `FILE:line:column: reason` (or `FILE: reason` when
 * `position` is false) naming the file.
 */
export function expectBadInput(run: CliRun, file: string, options: { position?: boolean; stdout?: 'empty' | 'report' } = {}): void {
  const context = `stderr: ${run.stderr.slice(0, 400)}\nstdout: ${run.stdout.slice(0, 200)}`;
  expect(run.stderr, context).not.toMatch(/unexpected error/);
  expect(run.code, context).toBe(2);
  if ((options.stdout ?? 'empty') === 'empty') expect(run.stdout, context).toBe('');
  else expect(run.stdout, context).toMatch(/not ready/i);
  const line = run.stderr.split('\n').find((text) => text.startsWith(file)) ?? run.stderr.split('\n')[0] ?? '';
  const pattern = options.position === false ? `^${escapeRegExp(file)}(:\\d+:\\d+)?: \\S` : `^${escapeRegExp(file)}:\\d+:\\d+: \\S`;
  expect(line, context).toMatch(new RegExp(pattern));
}

/**
 * The gate fails closed on unreadable evidence by design (test/cli/gate.test.ts): exit 1, the full report on
 * stdout with the prerequisites resting on it unmet, and the file's `FILE:line:column: reason` on stderr.
 */
export function expectFailClosed(run: CliRun, file: string, options: { position?: boolean } = {}): void {
  const context = `stderr: ${run.stderr.slice(0, 400)}\nstdout: ${run.stdout.slice(0, 200)}`;
  expect(run.stderr, context).not.toMatch(/unexpected error/);
  expect(run.code, context).toBe(1);
  expect(run.stdout, context).not.toBe('');
  const pattern = options.position === false ? `${escapeRegExp(file)}(:\\d+:\\d+)?: \\S` : `${escapeRegExp(file)}:\\d+:\\d+: \\S`;
  expect(run.stderr, context).toMatch(new RegExp(pattern));
}

/** Offsets to cut a file at: seeded, strictly inside [1, end). */
export function cutOffsets(seed: number, end: number, count: number): number[] {
  const next = random(seed);
  const offsets = new Set<number>([1, 2, 7, Math.floor(end / 2), end - 1]);
  while (offsets.size < count) offsets.add(1 + Math.floor(next() * (end - 1)));
  return [...offsets].filter((n) => n >= 1 && n < end).sort((a, b) => a - b);
}

export function randomBytes(seed: number, length: number): Buffer {
  const next = random(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = Math.floor(next() * 256);
  return bytes;
}
