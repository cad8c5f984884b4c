import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/cli/common.js';
import { DRIFT_USAGE } from '../../src/cli/drift.js';
import { addCustomRule, copyContoso, editFile, removeCopies, ruleFile, setGlobal } from '../config/helpers.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd: process.cwd(), stdin: Readable.from([]), env: {}, now: () => new Date('2026-11-24T09:00:00Z') };
  const code = await main(['drift', ...argv], io);
  return { code, stdout, stderr };
}

const FIXTURE = 'test/fixtures/contoso-server-config';

afterAll(removeCopies);

describe('syncstage drift', () => {
  it('prints the Markdown report of a server against itself: no drift, the staging-mode expectation fails', async () => {
    const result = await run(FIXTURE, FIXTURE);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `## Configuration drift: CONTOSO\\-SYNC01 (active) vs CONTOSO\\-SYNC01 (staging)

**No configuration drift.** But 1 expectation failed (below).

### Expectations

- ✅ the primary \\(active\\) server has StagingMode False, as expected
- ❌ the staging server is NOT in staging mode \\(StagingMode False\\): two active servers export at once, which is unsupported
`,
    });
  });

  it('exits 1 with --fail-on drift when an expectation fails, 0 with --fail-on none', async () => {
    expect((await run(FIXTURE, FIXTURE, '--fail-on', 'drift')).code).toBe(1);
    expect((await run(FIXTURE, FIXTURE, '--fail-on', 'none')).code).toBe(0);
  });

  it('reports the two deliberate drifts of the examples as JSON', async () => {
    // The bare config folders: the snapshot manifests (another command's demo data) may add a version and a role.
    const result = await run('examples/primary/config', 'examples/staging/config', '--format', 'json', '--fail-on', 'drift');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'differences', 'productVersion', 'expected', 'ignored', 'primary', 'staging', 'missing', 'hidden']);
    expect(report.schemaVersion).toBe(1);
    expect(report.differences.map((d: { category: string; kind: string; subject: string; field: string }) => [d.category, d.kind, d.subject, d.field])).toEqual([
      ['scope', 'added', 'OU=Disabled Users,OU=CORP,DC=contoso,DC=com', 'containerExclusion'],
      ['sync-rules', 'removed', 'Out to AAD - User Custom Extension', 'rule'],
    ]);
    expect(report.productVersion).toEqual([]);
    expect(report.expected.every((e: { ok: boolean }) => e.ok)).toBe(true);
    expect(report.primary).toEqual({ server: 'SYNC01', version: '1.1.130.0', path: 'examples/primary/config' });
    expect(report.ignored.guid).toBeGreaterThan(100);
  });

  it('--only-changes and --ignore leave differences out and count them', async () => {
    const only = JSON.parse((await run('examples/primary/config', 'examples/staging/config', '--format', 'json', '--only-changes')).stdout);
    expect(only.differences).toEqual([]);
    expect(only.hidden).toEqual({ onlyChanges: 2 });
    const ignored = JSON.parse((await run('examples/primary/config', 'examples/staging/config', '--format', 'json', '--ignore', 'connectors.*.partitions')).stdout);
    expect(ignored.differences.map((d: { field: string }) => d.field)).toEqual(['rule']);
    expect(ignored.hidden).toEqual({ ignorePaths: 1 });
  });

  it('--hide-default-rules leaves out drift in out-of-box rules only', async () => {
    const staging = await copyContoso();
    await setGlobal(staging, 'Microsoft.Synchronize.StagingMode', 'True');
    await editFile(await ruleFile(staging, 'In from AD - User Join'), (t) => t.replace('<disabled>False</disabled>', '<disabled>True</disabled>'));
    await addCustomRule(staging, { name: 'In from AD - User Custom' });
    const shown = JSON.parse((await run(FIXTURE, staging, '--format', 'json')).stdout);
    expect(shown.differences).toHaveLength(2);
    const hidden = JSON.parse((await run(FIXTURE, staging, '--format', 'json', '--hide-default-rules')).stdout);
    expect(hidden.differences.map((d: { subject: string }) => d.subject)).toEqual(['In from AD - User Custom']);
    expect(hidden.hidden).toEqual({ defaultRules: 1 });
  });

  it('--map and --map-file line up names that differ on purpose', async () => {
    const staging = await copyContoso();
    await setGlobal(staging, 'Microsoft.Synchronize.StagingMode', 'True');
    for (const sub of ['Connectors', 'SynchronizationRules', 'GlobalSettings']) {
      for (const name of await readdir(path.join(staging, sub))) {
        const file = path.join(staging, sub, name);
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replaceAll('contoso.com', 'contoso-dev.com'));
      }
    }
    const unmapped = JSON.parse((await run(FIXTURE, staging, '--format', 'json')).stdout);
    expect(unmapped.differences.length).toBeGreaterThan(0);
    const mapped = await run(FIXTURE, staging, '--format', 'json', '--map', 'contoso.com=contoso-dev.com', '--fail-on', 'drift');
    expect(JSON.parse(mapped.stdout).differences).toEqual([]);
    expect(mapped.code).toBe(0);
    const mapFile = path.join(staging, 'names.map');
    await writeFile(mapFile, '# DEV forest\ncontoso.com = contoso-dev.com\n');
    expect(JSON.parse((await run(FIXTURE, staging, '--format', 'json', '--map-file', mapFile)).stdout).differences).toEqual([]);
  });

  it('refuses a --map or --map-file entry that matches nothing, naming it and the side (exit 2, nothing on stdout)', async () => {
    const typo = await run('examples/primary/config', 'examples/staging/config', '--map', 'contosso.com=contoso.com');
    expect(typo).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'syncstage: drift: a name map that matches nothing maps nothing (a typo, or PRIMARY and STAGING swapped?):\n' +
        '  --map contosso.com=contoso.com: "contosso.com" occurs nowhere in the primary configuration (examples/primary/config)\n' +
        'Run "syncstage --help" for usage.\n',
    });
    const staging = await copyContoso();
    const mapFile = path.join(staging, 'names.map');
    await writeFile(mapFile, 'contoso.com=contoso-qa.com\n');
    const wrongTarget = await run(FIXTURE, FIXTURE, '--map-file', mapFile);
    expect([wrongTarget.code, wrongTarget.stdout]).toEqual([2, '']);
    expect(wrongTarget.stderr).toContain(`  --map-file ${mapFile} contoso.com=contoso-qa.com: "contoso-qa.com" occurs nowhere in the staging configuration (${FIXTURE})\n`);
  });

  it('warns on stderr about an --ignore that matches no difference, and still reports everything', async () => {
    const result = await run('examples/primary/config', 'examples/staging/config', '--format', 'json', '--ignore', 'conectors.*.partitions', '--ignore', 'connectors.*.partitions');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'syncstage drift: warning: --ignore "conectors.*.partitions" matches no difference; nothing was left out for it (paths look like connectors.<name>.runProfiles or settings.<parameter>)\n',
    );
    expect(JSON.parse(result.stdout).hidden).toEqual({ ignorePaths: 1 });
  });

  it('reads snapshot folders: server names from the manifests, scheduler and run history beside', async () => {
    const report = JSON.parse((await run('examples/primary', 'examples/staging', '--format', 'json')).stdout);
    expect(report.primary).toMatchObject({ server: 'SYNC01', path: 'examples/primary' });
    expect(report.differences.filter((d: { category: string }) => d.category !== 'version').map((d: { field: string }) => d.field)).toEqual(['containerExclusion', 'rule']);
    expect(report.missing).toContain('primary: settings/*.json');
  });

  it('prints its help', async () => {
    expect(await run('--help')).toEqual({ code: 0, stdout: DRIFT_USAGE, stderr: '' });
  });
});

describe('syncstage drift: bad input is exit 2, a message naming the file, nothing on stdout', () => {
  it('a missing folder', async () => {
    const result = await run(FIXTURE, 'no/such/folder');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^no\/such\/folder: no such folder/);
  });

  it('an existing file where a folder is expected says so, not "no such folder"', async () => {
    const result = await run(FIXTURE, 'examples/staging/snapshot.json');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'examples/staging/snapshot.json: a file, not a folder: expected a server snapshot folder (snapshot.json, config/, ...) or a Get-ADSyncServerConfiguration export folder\n',
    });
  });

  it('a misspelled option gets the nearest one', async () => {
    expect(await run(FIXTURE, FIXTURE, '--fromat', 'json')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'syncstage: drift: unknown option "--fromat" (did you mean --format?)\nRun "syncstage --help" for usage.\n',
    });
    expect((await run(FIXTURE, FIXTURE, '--only-change')).stderr).toContain('unknown option "--only-change" (did you mean --only-changes?)');
    expect((await run(FIXTURE, FIXTURE, '--zzz')).stderr).toContain('unknown option "--zzz" (a file whose name starts with "-" goes after "--": -- "--zzz")');
  });

  it('a missing MV.xml', async () => {
    const staging = await copyContoso();
    await rm(path.join(staging, 'GlobalSettings', 'MV.xml'));
    const result = await run(FIXTURE, staging);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(`${path.join(staging, 'GlobalSettings', 'MV.xml')}: missing`);
  });

  it('malformed XML, with line and column', async () => {
    const staging = await copyContoso();
    const file = await ruleFile(staging, 'In from AD - User Join');
    await editFile(file, (t) => t.replace('</direction>', '</directon>'));
    const result = await run(FIXTURE, staging);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: malformed XML`));
  });

  it('a rule pointing to an unknown connector', async () => {
    const staging = await copyContoso();
    const file = await ruleFile(staging, 'In from AD - User Join');
    await editFile(file, (t) => t.replace(/<connector>[^<]*<\/connector>/, '<connector>{11111111-2222-3333-4444-555555555555}</connector>'));
    const result = await run(FIXTURE, staging);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(`${file}: rule "In from AD - User Join" points to connector {11111111-2222-3333-4444-555555555555}`);
  });

  it('duplicate rule names', async () => {
    const staging = await copyContoso();
    await addCustomRule(staging, { name: 'In from AD - Custom' });
    await addCustomRule(staging, { name: 'In from AD - Custom' });
    const result = await run(FIXTURE, staging);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(/rule "In from AD - Custom" \(Inbound, Join, connector contoso\.com\) is defined twice/);
  });

  it('a folder that is no configuration export', async () => {
    const result = await run(FIXTURE, 'test/xml');
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(/^test\/xml: neither a server snapshot/);
  });

  it('bad usage', async () => {
    const one = await run(FIXTURE);
    expect([one.code, one.stdout]).toEqual([2, '']);
    expect(one.stderr).toContain('expected PRIMARY and STAGING');
    expect((await run(FIXTURE, FIXTURE, '--fail-on', 'threshold')).code).toBe(2);
    expect((await run(FIXTURE, FIXTURE, '--map', 'nonsense')).code).toBe(2);
  });
});


describe('the JSON output', () => {
  it('validates against schemas/drift.schema.json', async () => {
    const ajv = await import('ajv');
    const Ajv = ajv.default as unknown as typeof ajv.Ajv;
    const schema = JSON.parse(await readFile('schemas/drift.schema.json', 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const args of [['examples/primary', 'examples/staging'], [FIXTURE, FIXTURE, '--only-changes']]) {
      const report = JSON.parse((await run(...args, '--format', 'json')).stdout);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
