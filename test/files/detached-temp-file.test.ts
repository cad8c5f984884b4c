import { existsSync, readdirSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DetachedTempFile } from '../../src/files/detached-temp-file.js';
import { FileDetailSpool } from '../../src/impact/spool.js';
import { installExitCleanup, onExit, runExitCleanups, type ExitingProcess } from '../../src/cli/exit-cleanup.js';
import { tempDir } from '../support/cli.js';

/** os.tmpdir() follows TMPDIR (TMP/TEMP on Windows): a private one shows exactly what a spool leaves behind. */
let privateTmp = '';
const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
beforeEach(() => {
  privateTmp = tempDir();
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = privateTmp;
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  runExitCleanups();
});

const refuse = () => {
  throw Object.assign(new Error('EPERM: operation not permitted, unlink'), { code: 'EPERM' });
};

describe('temporary files with personal data leave nothing behind', () => {
  it('is gone from the temp folder as soon as it is open, and still reads and writes through its descriptor', () => {
    const file = new DetachedTempFile('syncstage-impact-');
    expect(readdirSync(privateTmp)).toEqual([]);
    expect(file.leftBehind).toBeUndefined();
    writeSync(file.fd, 'Megan Bowen', 0);
    const buffer = Buffer.alloc(11);
    readSync(file.fd, buffer, 0, 11, 0);
    expect(buffer.toString()).toBe('Megan Bowen');
    file.close();
    file.close();
  });

  it('where the open file cannot be removed (Windows), keeps its folder until close, then removes it', () => {
    const spool = new FileDetailSpool(refuse);
    const folder = spool.leftBehind as string;
    expect(readdirSync(privateTmp)).toEqual([path.basename(folder)]);
    expect(path.basename(folder)).toMatch(/^syncstage-impact-/);
    const at = spool.put('{"displayName":"Megan Bowen"}');
    expect(spool.get(at.at, at.length)).toBe('{"displayName":"Megan Bowen"}');
    spool.dispose();
    spool.dispose();
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('the CLI removes it on SIGINT/SIGTERM/SIGHUP (exit 130/143/129) and on exit, each cleanup once', () => {
    const listeners = new Map<string, () => void>();
    const exits: number[] = [];
    const messages: string[] = [];
    const proc: ExitingProcess = {
      on: (event, listener) => listeners.set(event, listener),
      once: (event, listener) => listeners.set(event, listener),
      exit: (code) => void exits.push(code),
    };
    installExitCleanup(proc, (text) => void messages.push(text));
    expect([...listeners.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM', 'exit']);

    const left = new DetachedTempFile('syncstage-csv-', refuse);
    const folder = left.leftBehind as string;
    onExit(() => left.close());
    let forgotten = 0;
    const forget = onExit(() => void (forgotten += 1));
    forget();
    expect(existsSync(folder)).toBe(true);
    listeners.get('SIGINT')?.();
    expect(existsSync(folder)).toBe(false);
    expect(forgotten).toBe(0);
    expect(exits).toEqual([130]);
    expect(messages).toEqual(['\nsyncstage: interrupted (SIGINT); temporary files removed\n']);

    const again = new DetachedTempFile('syncstage-impact-', refuse);
    onExit(() => again.close());
    listeners.get('exit')?.();
    expect(readdirSync(privateTmp)).toEqual([]);
    listeners.get('SIGTERM')?.();
    expect(exits).toEqual([130, 143]);
  });
});
