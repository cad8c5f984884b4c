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

  it('says on stderr how many rows are "none" and why the exports total differs', async () => {
    const dir = tempDir();
    const golden = readFileSync(new URL(NAME, FIXTURE), 'utf8');
    const unchanged = (n: number) =>
      ` <cs-object cs-dn="CN={4130320${n}}" id="{0A000020-0000-4000-8000-00000000002${n}}" object-type="user">\n  <unapplied-export><delta operation="none" dn="CN={4130320${n}}"/></unapplied-export>\n </cs-object>\n`;
    writeFileSync(path.join(dir, 'with-none.xml'), golden.replace('</cs-objects>', `${unchanged(1)}${unchanged(2)}</cs-objects>`));
    const run = await runCli(['identities', 'with-none.xml'], { cwd: dir });
    expect(run).toEqual({
      code: 0,
      stdout: `15 objects in 1 file(s) in ${dir}: processedbatch1.csv\n`,
      stderr: 'syncstage identities: 2 of the 15 rows have operation "none" (an unapplied export that changes nothing, listed as csanalyzer.ps1 lists it); `syncstage exports` counts 13 pending exports\n',
    });
    expect(readFileSync(path.join(dir, 'processedbatch1.csv'), 'utf8')).toContain('"{0A000020-0000-4000-8000-000000000021}","user","CN={41303201}","none",');
    const exported = JSON.parse((await runCli(['exports', 'with-none.xml', '--format', 'json'], { cwd: dir })).stdout);
    expect(exported.objects).toBe(13);
    expect((await runCli(['identities', '--help'])).stdout).toContain('Rows whose operation is "none"');
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
