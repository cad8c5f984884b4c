import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isGlob } from '../../src/cli/inputs.js';
import { expectGolden } from '../support/golden.js';
import { runCli, tempDir } from '../support/cli.js';
import { exportsSchemaErrors } from '../support/schema.js';

const GOLDEN = new URL('../fixtures/csexport-golden/contoso.onmicrosoft.com - AAD.xml', import.meta.url);
const GOLDEN_NAME = 'contoso.onmicrosoft.com - AAD.xml';
let dir: string;

beforeAll(() => {
  dir = tempDir();
  copyFileSync(GOLDEN, path.join(dir, GOLDEN_NAME));
});

describe('syncstage exports', () => {
  it('prints the golden summary as JSON that the schema accepts', async () => {
    const run = await runCli(['exports', GOLDEN_NAME, '--format', 'json'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout);
    expectGolden(report);
    expect(report.connectors).toHaveLength(1);
    expectGolden(report.connectors[0]);
    expect(report.connectors[0].connector).toBe('contoso.onmicrosoft.com - AAD');
    expect(exportsSchemaErrors(report)).toEqual([]);
  });

  it('prints the PR comment in Markdown by default', async () => {
    const run = await runCli(['exports', GOLDEN_NAME], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '**13 pending exports to contoso\\.onmicrosoft\\.com \\- AAD: 4 adds, 6 updates \\(1 replace\\), 2 deletes, 1 delete\\-add; 1 rename; 3 deletes \\(2 deletes \\+ 1 delete\\-add\\), within the limit of 500 \\(the default\\)**\n\nEntra ID connector \\(told by the file\'s content\\)\\.\n',
    );
    expect(run.stdout).toContain('| user        |   3 |      3 |      2 |           1 |     9 |');
    expect(run.stdout).toContain('userPrincipalName `megan@contoso.com` \\-&gt; `megan.bowen@fabrikam.com`');
    expect(run.stdout).toContain('**2 deletes** by container');
  });

  it('writes the CSExportAnalyzer CSV view: CRLF, quoted, formulas neutralised, old and new values, the risk per row', async () => {
    const run = await runCli(['exports', GOLDEN_NAME, '--format', 'csv'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('"Connector","DN","ObjectType","Operation","OMODT","Attribute","AMODT","ValuesAdded","ValuesRemoved","NewDN","DisplayName","UPN","OldValue","NewValue","Risk"');
    expect(lines).toHaveLength(31); // header + 29 rows + final empty
    const rows = lines.slice(1, -1);
    // The README's five risky changes, each on its rows, with the values before (synchronized hologram) and after.
    expect(rows.filter((line) => !line.endsWith(',""'))).toEqual([
      '"contoso.onmicrosoft.com - AAD","CN={41303032}","user","update","Update","proxyAddresses","Update","2","1","","Alex Wilber (Sales)","alex@contoso.com","smtp:alex.old@contoso.com","smtp:alex.w@contoso.com; smtp:aw@contoso.com","proxy-address-removal"',
      '"contoso.onmicrosoft.com - AAD","CN={41303033}","user","update","Update","userPrincipalName","Update","","","","Megan Bowen","megan.bowen@fabrikam.com","megan@contoso.com","megan.bowen@fabrikam.com","sensitive-attribute"',
      '"contoso.onmicrosoft.com - AAD","CN={41303038}","user","delete-add","Delete","","","","","","Grady Archie","grady@contoso.com","","","delete-add"',
      '"contoso.onmicrosoft.com - AAD","CN={41303038}","user","delete-add","Add","displayName","Add","","","","Grady Archie","grady@contoso.com","","Grady Archie","delete-add"',
      '"contoso.onmicrosoft.com - AAD","CN={41303038}","user","delete-add","Add","sourceAnchor","Add","","","","Grady Archie","grady@contoso.com","","A008","delete-add"',
      '"contoso.onmicrosoft.com - AAD","CN={41303038}","user","delete-add","Add","userPrincipalName","Add","","","","Grady Archie","grady@contoso.com","","grady@contoso.com","delete-add"',
      '"contoso.onmicrosoft.com - AAD","CN={44303031}","device","update","Update","accountEnabled","Update","","","","LAPTOP-0042","","(unknown: no synchronized-hologram in the file)","false","sensitive-attribute"',
      '"contoso.onmicrosoft.com - AAD","CN={41303133}","user","add","Add","displayName","Add","","","","Johanna Lorenz","johanna@contoso.com","","Johanna Lorenz","anchor-flip"',
      '"contoso.onmicrosoft.com - AAD","CN={41303133}","user","add","Add","sourceAnchor","Add","","","","Johanna Lorenz","johanna@contoso.com","","A012-new","anchor-flip"',
      '"contoso.onmicrosoft.com - AAD","CN={41303133}","user","add","Add","userPrincipalName","Add","","","","Johanna Lorenz","johanna@contoso.com","","johanna@contoso.com","anchor-flip"',
    ]);
    // Deletes name the object by its UPN and display name (from the synchronized hologram).
    expect(lines).toContain('"contoso.onmicrosoft.com - AAD","CN={41303034}","user","delete","Delete","","","","","","Diego Siciliani","diego@contoso.com","","",""');
    // Multi-valued: the values removed and added; a replace: only what differs, before and after.
    expect(lines).toContain('"contoso.onmicrosoft.com - AAD","CN={47303032}","group","update","Update","member","Update","1","2","","All Staff","","CN={41303034}; CN={41303035}","CN={41303031}",""');
    expect(lines).toContain('"contoso.onmicrosoft.com - AAD","CN={43303031}","contact","replace","Update","telephoneNumber","Update","","","","Partner Desk","","\'+1 555 0199","\'+1 555 0100",""');
    expect(lines).toContain('"contoso.onmicrosoft.com - AAD","CN={41303130}","user","update","Update","department","Update","","","CN={4130313041}","\'@octocat `Lee` Gu","lee@contoso.com","(unknown: no synchronized-hologram in the file)","R&D <Labs>",""');
  });

  it('lists every delete and every risky object in the JSON, with omitted absent when all are listed', async () => {
    const report = JSON.parse((await runCli(['exports', GOLDEN_NAME, '--format', 'json'], { cwd: dir })).stdout);
    expect(report.deletes.count).toBe(2);
    expect(report.deletes.sample.map((d: { upn: string }) => d.upn)).toEqual(['diego@contoso.com', 'johanna@contoso.com']);
    expect('omitted' in report.deletes).toBe(false);
    expect(report.risky.map((g: { kind: string; attribute?: string; count: number; examples: unknown[]; omitted?: number }) => [g.kind, g.attribute, g.count, g.examples.length, g.omitted])).toEqual([
      ['anchor-flip', undefined, 1, 1, undefined],
      ['delete-add', undefined, 1, 1, undefined],
      ['sensitive-attribute', 'accountEnabled', 1, 1, undefined],
      ['sensitive-attribute', 'userPrincipalName', 1, 1, undefined],
      ['proxy-address-removal', 'proxyAddresses', 1, 1, undefined],
    ]);
  });

  it('exits 1 on a --fail-on condition, with the reason on stderr and the report on stdout', async () => {
    const run = await runCli(['exports', GOLDEN_NAME, '--format', 'json', '--deletion-threshold', '2', '--fail-on', 'threshold,errors'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).threshold).toEqual({ limit: 2, source: 'option', setBy: 'cli-option', deletes: 3, exceeded: true, applies: true });
    expect(run.stderr).toBe('syncstage: --fail-on: threshold: contoso.onmicrosoft.com - AAD: 3 deletes, over the limit of 2 (set by the --deletion-threshold option); errors: 1 object(s) with export errors\n');
    expect((await runCli(['exports', GOLDEN_NAME, '--fail-on', 'none'], { cwd: dir })).code).toBe(0);
  });

  it('refuses bad usage with exit 2', async () => {
    expect(await runCli(['exports', GOLDEN_NAME, '--fail-on', 'drift'], { cwd: dir })).toMatchObject({ code: 2, stdout: '' });
    expect(await runCli(['exports', GOLDEN_NAME, '--format', 'xml'], { cwd: dir })).toMatchObject({ code: 2, stdout: '' });
    expect(await runCli(['exports'], { cwd: dir })).toMatchObject({ code: 2, stdout: '' });
    const missing = await runCli(['exports', 'nope.xml'], { cwd: dir });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'nope.xml: no such file or folder\n' });
  });

  it('suggests the nearest option or command for a misspelled one', async () => {
    expect(await runCli(['exports', GOLDEN_NAME, '--formt', 'csv'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'syncstage: exports: unknown option "--formt" (did you mean --format?)\nRun "syncstage --help" for usage.\n',
    });
    expect((await runCli(['exports', GOLDEN_NAME, '--format=csv', '--deletion-treshold=3'], { cwd: dir })).stderr).toContain('unknown option "--deletion-treshold" (did you mean --deletion-threshold?)');
    expect((await runCli(['exports', GOLDEN_NAME, '--fail'], { cwd: dir })).stderr).toContain('unknown option "--fail" (did you mean --fail-on?)');
    const command = await runCli(['export', GOLDEN_NAME], { cwd: dir });
    expect([command.code, command.stdout]).toEqual([2, '']);
    expect(command.stderr.split('\n')[0]).toBe('syncstage: unknown command "export" (did you mean exports?)');
  });

  it('prints --help', async () => {
    const run = await runCli(['exports', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: syncstage exports FILE\.\.\. \[options\]/);
    expect((await runCli(['--help'])).stdout).toContain('  exports     review pending exports');
  });

  it('reads standard input, gzip and UTF-16 (LE and BE) to the same counts', async () => {
    const xml = readFileSync(GOLDEN);
    const text = xml.toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="utf-8"', 'encoding="utf-16"'), 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(path.join(dir, 'le.xml'), le);
    writeFileSync(path.join(dir, 'be.xml'), be);
    writeFileSync(path.join(dir, 'gz.xml.gz'), gzipSync(xml));
    for (const args of [['le.xml'], ['be.xml'], ['gz.xml.gz'], ['-']]) {
      const run = await runCli(['exports', ...args, '--format', 'json', '--entra'], { cwd: dir, stdin: xml });
      expect(run.stderr, args[0]).toBe('');
      expectGolden(JSON.parse(run.stdout));
    }
  });

  it('gives one summary per connector and a total for several files, globs and snapshot folders', async () => {
    const snapshot = path.join(dir, 'SYNC 02 {staging}');
    mkdirSync(path.join(snapshot, 'exports'), { recursive: true });
    copyFileSync(GOLDEN, path.join(snapshot, 'exports', 'aad.xml'));
    writeFileSync(path.join(snapshot, 'exports', 'ad.xml'), '<?xml version="1.0"?>\r\n<cs-objects/>\r\n');
    writeFileSync(path.join(snapshot, 'snapshot.json'), JSON.stringify({ server: 'SYNC02', role: 'staging', exports: { 'aad.xml': 'contoso.onmicrosoft.com - AAD', 'ad.xml': 'contoso.com' } }));
    const run = await runCli(['exports', 'SYNC 02 {staging}', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.connectors.map((c: { connector: string; objects: number }) => [c.connector, c.objects])).toEqual([
      ['contoso.onmicrosoft.com - AAD', 13],
      ['contoso.com', 0],
    ]);
    expectGolden(report);
    expect(report.connector).toBe('total');
    expect(exportsSchemaErrors(report)).toEqual([]);

    const glob = await runCli(['exports', 'SYNC 02 {staging}/exports/*.xml', GOLDEN_NAME, '--format', 'json'], { cwd: dir });
    expect(glob.stderr).toBe('');
    const total = JSON.parse(glob.stdout);
    expect(total.connectors.map((c: { connector: string }) => c.connector)).toEqual(['aad', 'ad', 'contoso.onmicrosoft.com - AAD']);
    expect(total.objects).toBe(26);
    // aad.xml is named by its file name alone: its CN={hex} DNs make it the Entra ID connector's too.
    expect(total.connectors.map((c: { connectorKind: { kind: string; source: string } }) => c.connectorKind)).toEqual([
      { kind: 'entra', source: 'content' },
      { kind: 'unknown', source: 'none', note: 'connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json' },
      { kind: 'entra', source: 'content' },
    ]);
    expect(total.threshold).toMatchObject({ deletes: 6, exceeded: false });

    const markdown = await runCli(['exports', 'SYNC 02 {staging}'], { cwd: dir });
    expect(markdown.stdout).toContain('**13 pending exports to 2 connectors: 4 adds, 6 updates \\(1 replace\\), 2 deletes, 1 delete\\-add; 1 rename; 3 deletes \\(2 deletes \\+ 1 delete\\-add\\), within the limit of 500 \\(the default\\)**');
    // snapshot.json names ad.xml "contoso.com", a name that tells no kind, and the file holds no object: judged as Entra ID, and said.
    expect(markdown.stdout).toContain(
      '### contoso\\.com\n\n**0 pending exports to contoso\\.com: 0 adds, 0 updates, 0 deletes; 0 deletes, within the limit of 500 \\(the default\\)**\n\n⚠️ connector kind unknown: judged as Entra ID for the threshold; name it with \\-\\-connector or in snapshot\\.json\\.\n\nNo pending exports.',
    );
  });

  it('accepts Windows-style paths with backslashes, spaces and braces', async () => {
    const folder = path.join(dir, 'SYNC03 {b}', 'exports');
    mkdirSync(folder, { recursive: true });
    copyFileSync(GOLDEN, path.join(folder, 'contoso.onmicrosoft.com - AAD.xml'));
    const windowsStyle = path.win32.join('SYNC03 {b}', 'exports', 'contoso.onmicrosoft.com - AAD.xml');
    expect(windowsStyle).toBe('SYNC03 {b}\\exports\\contoso.onmicrosoft.com - AAD.xml');
    for (const arg of [windowsStyle, 'SYNC03 {b}\\exports\\*.xml']) {
      const run = await runCli(['exports', arg, '--format', 'json'], { cwd: dir });
      expect(run.stderr, arg).toBe('');
      const report = JSON.parse(run.stdout);
      expect(report.connectors[0].connector).toBe('contoso.onmicrosoft.com - AAD');
      expectGolden(report);
    }
  });

  it('reports zero for <cs-objects/>', async () => {
    writeFileSync(path.join(dir, 'zero - AAD.xml'), '\ufeff<cs-objects/>');
    const run = await runCli(['exports', 'zero - AAD.xml', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ objects: 0, operations: {}, attributes: {}, deletes: { count: 0, sample: [] }, threshold: { deletes: 0, exceeded: false, applies: true } });
  });

  it.each([
    ['notxml.xml', 'hello world, not xml\n', 'notxml.xml:1:1: not XML: the file must begin with a tag ("<")'],
    ['truncated.xml', '<cs-objects>\n <cs-object id="1" object-type="user">\n  <unapplied-export><delta operation="add" dn="CN=a">', 'truncated.xml:3:53: the file ends before </cs-objects>: it is truncated'],
    ['wrongroot.xml', '<?xml version="1.0"?>\n<ma-data><x/></ma-data>', 'wrongroot.xml:2:9: unexpected root element <ma-data>, expected <cs-objects>'],
    ['mismatch.xml', '<cs-objects>\n <cs-object id="1"></cs-objekt>\n</cs-objects>', 'mismatch.xml:2:31: malformed XML: unexpected close tag'],
    ['doctype.xml', '<?xml version="1.0"?>\n<!DOCTYPE cs-objects [<!ENTITY x "y">]>\n<cs-objects/>', 'doctype.xml:2:1: a <!DOCTYPE> declaration is not accepted (DTDs and entities are refused, never expanded)'],
    ['empty.xml', '', 'empty.xml:1:1: the file is empty'],
    ['binary.xml', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x03, 0x80, 0x81, 0x00, 0x10]), 'binary.xml:1:4: the bytes are not valid UTF-8 (between byte 0 and 10; check the file\'s encoding and its byte-order mark)'],
    ['badop.xml', '<cs-objects><cs-object id="1"><unapplied-export><delta operation="modify" dn="x"/></unapplied-export></cs-object></cs-objects>', 'badop.xml:1:82: unknown delta operation "modify" (expected add, update, replace, delete, delete-add, none)'],
  ])('refuses %s with file:line:column, exit 2 and nothing on stdout', async (name, content, message) => {
    writeFileSync(path.join(dir, name), content);
    for (const format of ['markdown', 'json', 'csv']) {
      // The good file first: its report must not leak out when the second file is bad.
      const run = await runCli(['exports', GOLDEN_NAME, name, '--format', format], { cwd: dir });
      expect(run).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    }
  });

  it('escapes hostile display names in Markdown: no table break, no ping, no HTML', async () => {
    const hostile = '| @octocat <b>x</b> #12';
    const xml = `<cs-objects><cs-object id="{1}" object-type="user" cs-dn="CN={31}"><unapplied-export><delta operation="delete" dn="CN={31}"/></unapplied-export>
<synchronized-hologram><entry dn="CN={31}"><attr name="displayName" type="string" multivalued="false"><value>${hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</value></attr>
<attr name="userPrincipalName" type="string" multivalued="false"><value>x@contoso.com</value></attr></entry></synchronized-hologram></cs-object></cs-objects>`;
    writeFileSync(path.join(dir, 'hostile - AAD.xml'), xml);
    const run = await runCli(['exports', 'hostile - AAD.xml'], { cwd: dir });
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((line) => line.includes('octocat'));
    expect(row?.replace(/ +/g, ' ')).toBe('| \\| `@octocat` &lt;b&gt;x&lt;/b&gt; `#12` | `x@contoso.com` | | user | |');
    expect(run.stdout).not.toMatch(/(^|[^`])@octocat|<b>/);
    expect(run.stdout).not.toContain('\u200b');
  });

  it('shows progress on stderr only on a terminal', async () => {
    const quiet = await runCli(['exports', GOLDEN_NAME, '--format', 'json'], { cwd: dir, tty: false });
    expect(quiet.stderr).toBe('');
  });

  it('tells globs from Windows paths with braces', () => {
    expect(isGlob('exports\\*.xml')).toBe(true);
    expect(isGlob('C:\\Sync\\exports\\{B891884F-051E-4A83-95AF-2544101C9083}.xml')).toBe(false);
    expect(isGlob(path.win32.join('C:\\Program Files\\Sync', 'contoso.onmicrosoft.com - AAD.xml'))).toBe(false);
    expect(isGlob('exports/{a,b}.xml')).toBe(true);
  });
});

describe('exports of a snapshot folder', () => {
  const repo = path.resolve(import.meta.dirname, '../..');

  /** A copy of examples/staging whose MV.xml says protection `enabled` with threshold `value` (23 deletes to Entra ID). */
  function stagingWith(enabled: string, value: string): string {
    const root = path.join(tempDir(), 'staging');
    cpSync(path.join(repo, 'examples/staging'), root, { recursive: true });
    const mv = path.join(root, 'config/GlobalSettings/MV.xml');
    const xml = readFileSync(mv, 'utf8')
      .replace(/(ExportDeletionThreshold" [^>]*>)True</, `$1${enabled}<`)
      .replace(/(ExportDeletionThresholdValue" [^>]*>)500</, `$1${value}<`);
    writeFileSync(mv, xml);
    return root;
  }

  it('fails --fail-on threshold when protection is off and the deletes are over the configured value: nothing stops them', async () => {
    const staging = stagingWith('False', '20');
    const run = await runCli(['exports', staging, '--format', 'json', '--fail-on', 'threshold'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).threshold).toEqual({ limit: 20, source: 'configuration', deletes: 23, exceeded: true, applies: true, protectionEnabled: false });
    expect(run.stderr).toBe(
      'syncstage: --fail-on: threshold: contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 20 (from the snapshot configuration), and accidental-delete protection is off: nothing will stop them\n',
    );
    const markdown = await runCli(['exports', staging], { cwd: repo });
    expect(markdown.stdout).toContain('; 23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), over the limit of 20 \\(from the snapshot configuration\\), and accidental\\-delete protection is off: nothing will stop them**');
    // Within the limit it passes, and still says protection is off.
    const within = await runCli(['exports', staging, '--format', 'json', '--fail-on', 'threshold', '--deletion-threshold', '23'], { cwd: repo });
    expect(within.code, within.stderr).toBe(0);
    expect(JSON.parse(within.stdout).threshold).toEqual({ limit: 23, source: 'option', setBy: 'cli-option', deletes: 23, exceeded: false, applies: true, protectionEnabled: false });
  });

  it('judges deletes against the threshold in the snapshot’s own configuration, and says so', async () => {
    const run = await runCli(['exports', 'examples/staging', '--format', 'json', '--fail-on', 'threshold'], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.threshold).toEqual({ limit: 500, source: 'configuration', deletes: 23, exceeded: false, applies: true, protectionEnabled: true });
    // The configuration names both connectors: Extensible2 with the fixed GUID is Entra ID, the AD one is not.
    expect(report.connectors.map((c: { connector: string; connectorKind: unknown }) => [c.connector, c.connectorKind])).toEqual([
      ['contoso.com', { kind: 'other', source: 'configuration' }],
      ['contoso.onmicrosoft.com - AAD', { kind: 'entra', source: 'configuration' }],
    ]);
    const markdown = await runCli(['exports', 'examples/staging'], { cwd: repo });
    expect(markdown.stdout).toContain('**48 pending exports to contoso\\.com: 13 adds, 27 updates \\(4 replaces\\), 6 deletes, 2 delete\\-adds**\n\nnot the Entra ID connector \\(told by the server configuration\\): the accidental\\-delete threshold does not apply\\.');
    expect(markdown.stdout).toContain('; 23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), within the limit of 500 \\(from the snapshot configuration\\)**\n\nEntra ID connector \\(told by the server configuration\\)\\.');
  });

  it('fails --fail-on threshold, naming the file, the parameter and the value, when the configured threshold cannot be read', async () => {
    for (const [value, said] of [
      ['lots', 'Microsoft.OptionalFeature.ExportDeletionThresholdValue "lots" is not a whole number'],
      ['-5', 'Microsoft.OptionalFeature.ExportDeletionThresholdValue "-5" is not a whole number'],
      ['', 'Microsoft.OptionalFeature.ExportDeletionThresholdValue "" is not a whole number'],
    ]) {
      const staging = stagingWith('True', value);
      const mv = path.join(staging, 'config/GlobalSettings/MV.xml');
      const sentence = `23 deletes, not judged: the snapshot configuration's accidental-delete threshold cannot be read (${mv}: ${said}); within the default limit of 500`;
      const run = await runCli(['exports', staging, '--format', 'json', '--fail-on', 'threshold'], { cwd: repo });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`syncstage: --fail-on: threshold: contoso.onmicrosoft.com - AAD: ${sentence}\n`);
      const report = JSON.parse(run.stdout);
      expect(report.threshold).toEqual({ limit: 500, source: 'default', deletes: 23, exceeded: false, applies: true, unreadable: `${mv}: ${said}` });
      expect(exportsSchemaErrors(report)).toEqual([]);
      const markdown = await runCli(['exports', staging], { cwd: repo });
      expect(markdown.code).toBe(0);
      expect(markdown.stdout).toContain("23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), not judged: the snapshot configuration's accidental\\-delete threshold cannot be read");
    }
    // An explicit option gives the limit: the unreadable value is not used, and the run is judged on the option.
    const optioned = await runCli(['exports', stagingWith('True', 'lots'), '--format', 'json', '--fail-on', 'threshold', '--deletion-threshold', '30'], { cwd: repo });
    expect(optioned.code, optioned.stderr).toBe(0);
    expect(JSON.parse(optioned.stdout).threshold).toEqual({ limit: 30, source: 'option', setBy: 'cli-option', deletes: 23, exceeded: false, applies: true });
    // A protection flag that is neither True nor False is unreadable too.
    const flag = await runCli(['exports', stagingWith('Maybe', '500'), '--format', 'json', '--fail-on', 'threshold'], { cwd: repo });
    expect(flag.code).toBe(1);
    expect(JSON.parse(flag.stdout).threshold.unreadable).toMatch(/MV\.xml: Microsoft\.OptionalFeature\.ExportDeletionThreshold "Maybe" is not True or False$/);
  });

  it('lets an explicit --deletion-threshold win over the snapshot’s configuration, and says which limit was used', async () => {
    const run = await runCli(['exports', 'examples/staging', '--format', 'json', '--deletion-threshold', '3', '--fail-on', 'threshold'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).threshold).toEqual({ limit: 3, source: 'option', setBy: 'cli-option', deletes: 23, exceeded: true, applies: true, protectionEnabled: true });
    expect(run.stderr).toBe('syncstage: --fail-on: threshold: contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 3 (set by the --deletion-threshold option)\n');
    const markdown = await runCli(['exports', 'examples/staging', '--deletion-threshold', '3'], { cwd: repo });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('; 23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), over the limit of 3 \\(set by the \\-\\-deletion\\-threshold option\\)**');
    // A limit the deletes only reach is not exceeded: Entra Connect stops an export when deletes > threshold.
    const equal = await runCli(['exports', 'examples/staging', '--format', 'json', '--deletion-threshold', '23', '--fail-on', 'threshold'], { cwd: repo });
    expect(equal.code, equal.stderr).toBe(0);
    expect(JSON.parse(equal.stdout).threshold).toMatchObject({ limit: 23, source: 'option', setBy: 'cli-option', deletes: 23, exceeded: false });
  });
});
