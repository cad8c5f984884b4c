/** --redact on every command that writes identities: no name, UPN or mail address of the golden file survives. */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/redact/redact.js';
import { runCli, tempDir } from '../support/cli.js';

const GOLDEN = new URL('../fixtures/csexport-golden/contoso.onmicrosoft.com - AAD.xml', import.meta.url);
const NAME = 'contoso.onmicrosoft.com - AAD.xml';
const KEY = 'a redaction key of some length';
const env = { SYNCSTAGE_REDACT_KEY: KEY };
/** Names, UPNs and mail addresses that stand in the golden file's holograms and deltas. */
const PERSONAL = ['Megan', 'Diego', 'Johanna', 'Grady', 'adele@contoso.com', 'megan.bowen@fabrikam.com', 'lee@contoso.com', 'Siciliani'];

let dir: string;
beforeAll(() => {
  dir = tempDir();
  copyFileSync(GOLDEN, path.join(dir, NAME));
});

describe('--redact', () => {
  it.each([['markdown'], ['json'], ['csv']])('keeps names out of the %s report and keeps the counts', async (format) => {
    const run = await runCli(['exports', NAME, '--format', format, '--redact'], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    for (const value of PERSONAL) expect(run.stdout, value).not.toContain(value);
    if (format === 'json') expect(JSON.parse(run.stdout)).toMatchObject({ objects: 13, deletes: { count: 2 } });
    // The same person maps to the same token, so a reviewer can still follow one object.
    if (format !== 'markdown') expect(run.stdout).toContain(createRedactor(KEY).value('megan.bowen@fabrikam.com'));
  });

  it('keeps names out of the identities files', async () => {
    const out = path.join(dir, 'identities');
    const run = await runCli(['identities', NAME, '--out-dir', out, '--redact'], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    const csv = readdirSync(out).map((file) => readFileSync(path.join(out, file), 'utf8')).join('');
    expect(csv.split('\r\n')[0] ?? csv.split('\n')[0]).toContain('"UPN"');
    for (const value of PERSONAL) expect(csv, value).not.toContain(value);
  });

  it('refuses to run without a key rather than print the names', async () => {
    const run = await runCli(['exports', NAME, '--redact'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--redact needs the key in the environment variable SYNCSTAGE_REDACT_KEY');
  });
});
