import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const FIXTURE = new URL('../fixtures/csexport-golden/', import.meta.url);
const NAME = 'contoso.onmicrosoft.com - AAD.xml';

describe('syncstage identities', () => {
  it('writes processedbatch1.csv byte for byte', async () => {
    const dir = tempDir();
    copyFileSync(new URL(NAME, FIXTURE), path.join(dir, NAME));
    const run = await runCli(['identities', NAME, '--out-dir', 'out {1}'], { cwd: dir });
    expect(run).toEqual({ code: 0, stderr: '', stdout: `13 objects in 1 file(s) in ${path.join(dir, 'out {1}')}: processedbatch1.csv\n` });
    expect(readFileSync(path.join(dir, 'out {1}', 'processedbatch1.csv'), 'utf8')).toBe(readFileSync(new URL('processedbatch1.csv', FIXTURE), 'utf8'));
  });

  it('splits into batches of --batch-size, each with its header', async () => {
    const dir = tempDir();
    const run = await runCli(['identities', '-', '--batch-size', '5'], { cwd: dir, stdin: readFileSync(new URL(NAME, FIXTURE)) });
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['processedbatch1.csv', 'processedbatch2.csv', 'processedbatch3.csv']);
    const third = readFileSync(path.join(dir, 'processedbatch3.csv'), 'utf8').split('\n');
    expect(third[0]).toBe('"ID","Type","DN","operation","UPN","displayName","sourceAnchor","alias","primarySMTP","onPremisesSamAccountName","mail"');
    expect(third).toHaveLength(5); // header + 3 rows + final newline
  });

  it('leaves no batch behind on bad input', async () => {
    const dir = tempDir();
    const good = readFileSync(new URL(NAME, FIXTURE), 'utf8');
    writeFileSync(path.join(dir, 'cut.xml'), good.slice(0, good.indexOf('{0A000013')));
    const run = await runCli(['identities', 'cut.xml', '--batch-size', '2'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cut\.xml:\d+:\d+: the file ends before <\/cs-objects>: it is truncated\n$/);
    expect(readdirSync(dir)).toEqual(['cut.xml']);
    expect(existsSync(path.join(dir, 'processedbatch1.csv'))).toBe(false);
  });
});
