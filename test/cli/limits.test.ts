/**
 * The read limits on the command line (issue 15 items 6 and 7, configurable): every command that reads export or
 * configuration files takes --max-inflated-mib, --max-inflation-ratio, --max-values-per-attribute and
 * --max-values-per-object, documents them with their defaults, refuses a bad value naming the option and the value
 * (exit 2, before reading anything), and a lowered limit refuses or caps, naming the file and the option.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const COMMANDS = ['exports', 'identities', 'drift', 'verify', 'impact', 'gate'] as const;

/** Arguments that get each command past its own checks up to reading files (which need not exist). */
const ARGS: Record<(typeof COMMANDS)[number], string[]> = {
  exports: ['nowhere.xml'],
  identities: ['nowhere.xml'],
  drift: ['nowhere-a', 'nowhere-b'],
  verify: ['--staging', 'nowhere'],
  impact: ['--active', 'nowhere-a', '--staging', 'nowhere-b'],
  gate: ['nowhere.md'],
};

const OPTIONS = [
  ['--max-inflated-mib', 'a whole number from 1 to 1,048,576 (MiB; default 8,192)', 'default 8192'],
  ['--max-inflation-ratio', 'a whole number from 2 to 100,000 (times; default 200)', 'default 200'],
  ['--max-values-per-attribute', 'a whole number from 1 to 10,000,000 (values; default 10,000)', 'default 10000'],
  ['--max-values-per-object', 'a whole number from 1 to 10,000,000 (values; default 50,000)', 'default 50000'],
] as const;

const BAD_VALUES = ['0', '-1', '1.5', 'lots', '99999999999'];

/** The examples' two snapshots, copied; `mutate` changes the copy. */
function snapshots(): { dir: string; primary: string; staging: string } {
  const dir = tempDir('syncstage-limits-');
  cpSync(path.resolve('examples/primary'), path.join(dir, 'primary'), { recursive: true });
  cpSync(path.resolve('examples/staging'), path.join(dir, 'staging'), { recursive: true });
  return { dir, primary: path.join(dir, 'primary'), staging: path.join(dir, 'staging') };
}

/** The file, gzipped with 2 MiB of whitespace after its root: genuine XML that inflates past a 1 MiB ceiling. */
function gzipPadded(file: string): void {
  writeFileSync(file, gzipSync(Buffer.concat([readFileSync(file), Buffer.alloc(2 * 1024 * 1024, 0x20)])));
}

const EXPORT_FILE = 'exports/contoso.onmicrosoft.com - AAD.xml';
const MV_FILE = 'config/GlobalSettings/MV.xml';

describe.each(COMMANDS)('syncstage %s', (command) => {
  it('--help documents every limit with its default', async () => {
    const help = await runCli([command, '--help']);
    expect(help.code).toBe(0);
    for (const [option, , shown] of OPTIONS) expect(help.stdout).toMatch(new RegExp(`^  ${option} N\\s[^\\n]*(\\n\\s+[^\\n]*)?\\(${shown}\\)$`, 'm'));
  });

  it.each(OPTIONS.flatMap(([option, expected]) => BAD_VALUES.map((value) => [option, expected, value] as const)))('%s %s: exit 2 naming the option and the value', async (option, expected, value) => {
    const run = await runCli([command, ...ARGS[command], `${option}=${value}`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`syncstage: ${option}: expected ${expected}, got "${value}"\nRun "syncstage --help" for usage.\n`);
  });
});

describe('a lowered --max-inflated-mib', () => {
  const refusal = (file: string) =>
    `${file}: inflates to more than 1 MiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise --max-inflated-mib`;

  it('exports and identities: refuse the export file, naming it and the option; the default reads it', async () => {
    const { dir, staging } = snapshots();
    gzipPadded(path.join(staging, EXPORT_FILE));
    const file = `staging/${EXPORT_FILE}`;
    for (const command of ['exports', 'identities'] as const) {
      const extra = command === 'identities' ? ['--out-dir', path.join(dir, 'out')] : [];
      const refused = await runCli([command, file, '--max-inflated-mib', '1', ...extra], { cwd: dir });
      expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, '', `${refusal(file)}\n`]);
      expect((await runCli([command, file, ...extra], { cwd: dir })).code).toBe(0);
    }
  });

  it('drift: refuses a configuration file, naming it and the option', async () => {
    const { dir, staging } = snapshots();
    gzipPadded(path.join(staging, MV_FILE));
    const refused = await runCli(['drift', 'primary', 'staging', '--max-inflated-mib', '1'], { cwd: dir });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, '', `${refusal(`staging/${MV_FILE}`)}\n`]);
    expect((await runCli(['drift', 'primary', 'staging'], { cwd: dir })).code).toBe(0);
  });

  it('verify and impact: the file is unreadable input (exit 2), named with the option', async () => {
    const { dir, staging } = snapshots();
    gzipPadded(path.join(staging, EXPORT_FILE));
    const verify = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', '--max-inflated-mib', '1'], { cwd: dir });
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain(`${refusal(`staging/${EXPORT_FILE}`)}\n`);
    const impact = await runCli(['impact', '--active', 'primary', '--staging', 'staging', '--max-inflated-mib', '1'], { cwd: dir });
    expect([impact.code, impact.stdout, impact.stderr]).toEqual([2, '', `${refusal(`staging/${EXPORT_FILE}`)}\n`]);
  });

  it('gate: the exports evidence is unreadable, naming the file and the option, and the gate says no', async () => {
    const { dir, staging } = snapshots();
    gzipPadded(path.join(staging, EXPORT_FILE));
    const runbook = readFileSync(path.resolve('examples/runbooks/failover-2026-11-24.md'), 'utf8').replace('examples/primary', 'primary').replace('examples/staging', 'staging');
    writeFileSync(path.join(dir, 'failover.md'), runbook);
    const gate = await runCli(['gate', 'failover.md', '--max-inflated-mib', '1'], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain(`syncstage gate: exports evidence unreadable (the prerequisites resting on it fail closed): ${refusal(`staging/${EXPORT_FILE}`)}\n`);
  });
});

describe('trusted settings only', () => {
  it('a runbook cannot set limits: its front matter refuses the key, naming it', async () => {
    const dir = tempDir('syncstage-limits-');
    writeFileSync(path.join(dir, 'failover.md'), '---\nsyncstage: failover\nactive:\n  server: A\n  snapshot: a\nstaging:\n  server: B\n  snapshot: b\nlimits:\n  max-inflated-mib: 1048576\n---\n');
    const gate = await runCli(['gate', 'failover.md'], { cwd: dir });
    expect([gate.code, gate.stdout, gate.stderr]).toEqual([2, '', 'failover.md:9:1: front matter: limits: unknown key (expected syncstage, stage, active, staging, after, base-staging, max-snapshot-age-hours, max-sync-age-hours)\n']);
  });
});

describe('a lowered --max-values-per-attribute', () => {
  it('keeps fewer values and the report says how many were counted past the caps, and the options that raise them', async () => {
    const dir = tempDir('syncstage-limits-');
    const members = Array.from({ length: 25 }, (_, i) => `<value operation="add">CN=m${i}</value>`).join('');
    writeFileSync(
      path.join(dir, 'contoso.com.xml'),
      `<cs-objects><cs-object id="{1}" object-type="group" cs-dn="CN=g"><unapplied-export><delta operation="update" dn="CN=g"><attr name="member" type="string" multivalued="true" operation="update">${members}</attr></delta></unapplied-export></cs-object></cs-objects>`,
    );
    const json = await runCli(['exports', 'contoso.com.xml', '--format', 'json', '--max-values-per-attribute', '10'], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { cappedValues: number; valueCaps: unknown; multiValued: unknown };
    expect(report.cappedValues).toBe(15);
    expect(report.multiValued).toEqual({ member: { added: 25, removed: 0 } });
    expect(report.valueCaps).toEqual({ maxValuesPerAttribute: 10, maxValuesPerObject: 50_000, raisedBy: '--max-values-per-attribute and --max-values-per-object' });
    const markdown = await runCli(['exports', 'contoso.com.xml', '--max-values-per-attribute', '10'], { cwd: dir });
    expect(markdown.stdout).toContain('15 values past the per-object caps (10 per attribute, 50,000 per object) were counted but not kept');
  });
});
