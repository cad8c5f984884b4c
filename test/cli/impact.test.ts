import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { writeCsExportPair } from '../../scripts/generate.js';
import { runCli, tempDir } from '../support/cli.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/impact.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);
const GOLDEN = new URL('../fixtures/impact/', import.meta.url);
const EXAMPLES = ['impact', '--active', 'examples/primary', '--staging', 'examples/staging'];

const AAD = 'contoso.onmicrosoft.com - AAD';

async function snapshot(dir: string, role: 'active' | 'staging', files: Record<string, string>, connectors: Record<string, string> = {}): Promise<string> {
  await mkdir(path.join(dir, 'exports'), { recursive: true });
  await writeFile(path.join(dir, 'snapshot.json'), JSON.stringify({ server: role === 'active' ? 'SYNC01' : 'SYNC02', role, exports: connectors }));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'exports', name), text);
  return dir;
}

const object = (id: string, dn: string, delta: string) =>
  `<cs-object cs-dn="${dn}" id="${id}" object-type="user"><unapplied-export>${delta}</unapplied-export><unapplied-export-hologram><entry dn="${dn}"><attr name="displayName" type="string" multivalued="false"><value>Megan Bowen</value></attr><attr name="userPrincipalName" type="string" multivalued="false"><value>megan@contoso.com</value></attr></entry></unapplied-export-hologram></cs-object>`;
const file = (...objects: string[]) => `<?xml version="1.0" encoding="utf-8"?>\n<cs-objects>\n${objects.join('\n')}\n</cs-objects>\n`;
const proxies = (values: string[]) => `<attr name="proxyAddresses" type="string" multivalued="true" operation="update">${values.map((v) => `<value operation="add">${v}</value>`).join('')}</attr>`;
const department = (value: string) => `<attr name="department" type="string" multivalued="false" operation="replace"><value>${value}</value></attr>`;

describe('syncstage impact on examples/ (golden)', () => {
  it('prints the Markdown section: headline, classes, the different objects first', async () => {
    const result = await runCli(EXAMPLES);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('**Switching will export 82 changes the active server would not: 27 adds, 46 updates, 7 deletes, 2 delete\\-adds.** The servers disagree on 39 of them');
    expect(result.stdout.indexOf('#### The servers disagree: 39 objects')).toBeLessThan(result.stdout.indexOf('Exported only because of the switch: 43 objects'));
    expect(result.stdout).toBe(await readFile(new URL('examples.md', GOLDEN), 'utf8'));
  });

  it('prints JSON that the schema accepts, with every class counted', async () => {
    const result = await runCli([...EXAMPLES, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    const { switchImpact } = report;
    expect([switchImpact.stagingOnly.count, switchImpact.same.count, switchImpact.different.count, switchImpact.activeOnly.count]).toEqual([43, 135, 39, 18]);
    expect(switchImpact.stagingOnly.operations).toEqual({ add: 15, update: 17, replace: 6, delete: 4, 'delete-add': 1 });
    expect(switchImpact.activeOnly.byConnector[AAD]).toEqual({ contact: { update: 1 }, device: { update: 2 }, user: { update: 7 } });
    expect(switchImpact.persistent).toBeUndefined();
    expect(report.notes[0]).toMatch(/^No base snapshots: transient exports/);
    expect(result.stdout).toBe(await readFile(new URL('examples.json', GOLDEN), 'utf8'));
  });

  it('writes one CSV row per paired export (the staging server\'s 217 and the active server\'s 18 of its own)', async () => {
    const result = await runCli([...EXAMPLES, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe('"Class","Connector","ObjectType","DN","DisplayName","UPN","StagingOperation","ActiveOperation","StagingExport","ActiveExport","SinceBase","NotComparedBecause"');
    // Rows start after a CRLF with the class (a quoted cell may hold a CRLF of its own: hostile display names).
    const rows = (name: string) => result.stdout.split(`\r\n"${name}",`).length - 1;
    expect([rows('stagingOnly'), rows('same'), rows('different'), rows('activeOnly')]).toEqual([43, 135, 39, 18]);
    // Hostile display names are neutralised as formulas: no cell starts with = + - @.
    expect(/,"[=+\-@]/.test(result.stdout)).toBe(false);
  });
});

describe('syncstage verify carries the switch impact', () => {
  it('as the same section in Markdown and as switchImpact in JSON (schemas/impact.schema.json)', async () => {
    const args = ['verify', '--primary', 'examples/primary', '--staging', 'examples/staging', '--now', '2026-11-24T09:00:00Z', '--fail-on', 'none'];
    const markdown = await runCli(args);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain((await readFile(new URL('examples.md', GOLDEN), 'utf8')).trimEnd());
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(validate(json.switchImpact) ? [] : validate.errors).toEqual([]);
    expect(json.switchImpact).toEqual(JSON.parse(await readFile(new URL('examples.json', GOLDEN), 'utf8')));
  });
});

describe('syncstage impact --redact', () => {
  it('hashes names, DNs and values in every format, and refuses without a key', async () => {
    const env = { SYNCSTAGE_REDACT_KEY: 'a-test-key-of-32-characters-long' };
    for (const format of ['markdown', 'json', 'csv']) {
      const result = await runCli([...EXAMPLES, '--redact', '--format', format], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(/Lynne Wilke|lynne\\?\.wilke1|Dept 3/);
      expect(result.stdout).toMatch(/~[0-9a-f]{10}/);
    }
    const json = JSON.parse((await runCli([...EXAMPLES, '--redact', '--format', 'json'], { env })).stdout);
    expect(json.switchImpact.different.count).toBe(39);
    const refused = await runCli([...EXAMPLES, '--redact']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
  });
});

describe('syncstage impact: pairing rules', () => {
  it('treats a per-server id, attribute order, value order and DN case as noise; another value is different, with both sides shown', async () => {
    const dir = tempDir();
    const active = await snapshot(path.join(dir, 'a'), 'active', {
      'aad.xml': file(
        object('{A-1}', 'cn={4d31}', `<delta operation="update" dn="cn={4d31}">${department('Sales')}${proxies(['smtp:b@contoso.com', 'smtp:a@contoso.com'])}</delta>`),
        object('{A-2}', 'CN={4D32}', `<delta operation="update" dn="CN={4D32}">${department('Sales')}</delta>`),
      ),
    }, { 'aad.xml': AAD });
    const staging = await snapshot(path.join(dir, 's'), 'staging', {
      'aad.xml': file(
        object('{S-1}', 'CN={4D31}', `<delta operation="update" dn="CN={4D31}">${proxies(['smtp:a@contoso.com', 'smtp:b@contoso.com'])}${department('Sales')}</delta>`),
        object('{S-2}', 'CN={4D32}', `<delta operation="update" dn="CN={4D32}">${department('Marketing')}</delta>`),
      ),
    }, { 'aad.xml': AAD });
    const result = await runCli(['impact', '--active', active, '--staging', staging, '--format', 'json']);
    expect(result.stderr).toBe('');
    const { switchImpact } = JSON.parse(result.stdout);
    expect([switchImpact.stagingOnly.count, switchImpact.same.count, switchImpact.different.count, switchImpact.activeOnly.count]).toEqual([0, 1, 1, 0]);
    expect(switchImpact.different.objects[0]).toMatchObject({
      dn: 'CN={4D32}',
      displayName: 'Megan Bowen',
      upn: 'megan@contoso.com',
      staging: { operation: 'update', changes: [{ attribute: 'department', new: ['Marketing'] }] },
      active: { operation: 'update', changes: [{ attribute: 'department', new: ['Sales'] }] },
    });
    await rm(dir, { recursive: true, force: true });
  });

  it('says in the CSV why a pair could not be compared (a value over the size cap), in the last column', async () => {
    const dir = tempDir();
    const huge = 'x'.repeat(70_000);
    const delta = (dn: string) => `<delta operation="update" dn="${dn}">${department(huge)}</delta>`;
    const active = await snapshot(path.join(dir, 'a'), 'active', { 'aad.xml': file(object('{A-1}', 'CN={4D31}', delta('CN={4D31}')), object('{A-2}', 'CN={4D32}', `<delta operation="update" dn="CN={4D32}">${department('Sales')}</delta>`)) }, { 'aad.xml': AAD });
    const staging = await snapshot(path.join(dir, 's'), 'staging', { 'aad.xml': file(object('{S-1}', 'CN={4D31}', delta('CN={4D31}')), object('{S-2}', 'CN={4D32}', `<delta operation="update" dn="CN={4D32}">${department('Sales')}</delta>`)) }, { 'aad.xml': AAD });
    const result = await runCli(['impact', '--active', active, '--staging', staging, '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]?.endsWith(',"SinceBase","NotComparedBecause"')).toBe(true);
    const different = lines.filter((line) => line.startsWith('"different",'));
    const same = lines.filter((line) => line.startsWith('"same",'));
    expect(different).toHaveLength(1);
    expect(different[0]).toMatch(/^"different","contoso\.onmicrosoft\.com - AAD","user","CN=\{4D31\}",.*,"","a value of department is over the size cap"$/);
    expect(same).toHaveLength(1);
    expect(same[0]?.endsWith(',"",""')).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });

  it('pairs connectors through --map; without it, a connector on one server only is an error naming it (exit 2)', async () => {
    const dir = tempDir();
    const delta = `<delta operation="update" dn="CN=Megan,OU=Sales,DC=contoso,DC=com">${department('Sales')}</delta>`;
    const active = await snapshot(path.join(dir, 'a'), 'active', { 'ad.xml': file(object('{A-1}', 'x', delta.replace('CN=Megan,OU=Sales', 'cn=megan, ou=sales'))) }, { 'ad.xml': 'contoso.com' });
    const staging = await snapshot(path.join(dir, 's'), 'staging', { 'ad.xml': file(object('{S-1}', 'x', delta)) }, { 'ad.xml': 'contoso-dev.com' });
    const unmapped = await runCli(['impact', '--active', active, '--staging', staging]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stdout).toBe('');
    expect(unmapped.stderr).toContain('the active server has an export file for connector "contoso.com" but the staging server has none (its connectors: "contoso-dev.com")');
    // A map whose staging name no staging export carries maps nothing: refused, naming the entry and the side.
    const mismapped = await runCli(['impact', '--active', active, '--staging', staging, '--map', 'contoso.com=fabrikam.com']);
    expect(mismapped.code).toBe(2);
    expect(mismapped.stdout).toBe('');
    expect(mismapped.stderr).toContain(`--map contoso.com=fabrikam.com: no export file of the staging server (${staging}) is for a connector named "fabrikam.com"`);
    // And an active name no active export carries (a typo, or the sides swapped).
    const swapped = await runCli(['impact', '--active', active, '--staging', staging, '--map', 'contoso-dev.com=contoso.com']);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain(`--map contoso-dev.com=contoso.com: no export file of the active server (${active}) is for a connector named "contoso-dev.com"`);
    const mapped = await runCli(['impact', '--active', active, '--staging', staging, '--map', 'contoso.com=contoso-dev.com', '--format', 'json']);
    expect(mapped.stderr).toBe('');
    const report = JSON.parse(mapped.stdout);
    expect(report.connectors).toEqual([{ connector: 'contoso-dev.com', activeName: 'contoso.com', isEntraConnector: false }]);
    expect(report.switchImpact.same.count).toBe(1);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an active snapshot without exports: exit 2, never an empty impact', async () => {
    const dir = tempDir();
    await cp('examples/primary', path.join(dir, 'primary'), { recursive: true });
    await rm(path.join(dir, 'primary', 'exports'), { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(dir, 'primary', 'snapshot.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.exports;
    await writeFile(path.join(dir, 'primary', 'snapshot.json'), JSON.stringify(manifest));
    const result = await runCli(['impact', '--active', path.join(dir, 'primary'), '--staging', path.resolve('examples/staging')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("the active server's snapshot has no pending-export files (exports/*.xml)");
    await rm(dir, { recursive: true, force: true });
  });

  it('reports malformed XML and a second export to one object with file:line:column (exit 2, nothing on stdout)', async () => {
    const dir = tempDir();
    const good = `<delta operation="update" dn="CN={4D31}">${department('Sales')}</delta>`;
    const staging = await snapshot(path.join(dir, 's'), 'staging', { 'aad.xml': file(object('{S-1}', 'CN={4D31}', good)) }, { 'aad.xml': AAD });
    const broken = await snapshot(path.join(dir, 'a'), 'active', { 'aad.xml': '<?xml version="1.0"?>\n<cs-objects>\n<cs-object id="1"><oops></cs-object>\n</cs-objects>\n' }, { 'aad.xml': AAD });
    const bad = await runCli(['impact', '--active', broken, '--staging', staging]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/a[\\/]exports[\\/]aad\.xml:3:\d+: malformed XML/);
    const twice = await snapshot(path.join(dir, 'a2'), 'active', { 'aad.xml': file(object('{A-1}', 'CN={4D31}', good), object('{A-2}', 'cn={4d31}', good)) }, { 'aad.xml': AAD });
    const duplicate = await runCli(['impact', '--active', twice, '--staging', staging]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/a2[\\/]exports[\\/]aad\.xml:4:\d+: a second pending export to CN=\{4D31\} on connector "contoso\.onmicrosoft\.com - AAD"/);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses one folder given as both servers, swapped roles and one server named on both sides (exit 2, nothing on stdout)', async () => {
    const same = await runCli(['impact', '--active', 'examples/staging', '--staging', 'examples/staging']);
    expect(same).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(`impact: --active and --staging name the same folder (${path.resolve('examples/staging')})`) });
    const spelledOtherwise = await runCli(['impact', '--active', 'examples/staging', '--staging', './EXAMPLES/../examples/Staging/']);
    expect(spelledOtherwise.code).toBe(2);
    expect(spelledOtherwise.stderr).toContain('name the same folder');

    const swapped = await runCli(['impact', '--active', 'examples/staging', '--staging', 'examples/primary']);
    expect(swapped.code).toBe(2);
    expect(swapped.stdout).toBe('');
    expect(swapped.stderr).toMatch(/^examples[\\/]staging[\\/]snapshot\.json: snapshot\.json of the active server says role "staging": are the active and the staging server swapped\?/m);

    const dir = tempDir();
    await cp('examples/primary', path.join(dir, 'primary'), { recursive: true });
    await cp('examples/staging', path.join(dir, 'staging'), { recursive: true });
    const stagingManifest = path.join(dir, 'staging', 'snapshot.json');
    await writeFile(stagingManifest, JSON.stringify({ ...JSON.parse(await readFile(stagingManifest, 'utf8')), role: 'active' }));
    const stagingSaysActive = await runCli(['impact', '--active', path.join(dir, 'primary'), '--staging', path.join(dir, 'staging')]);
    expect(stagingSaysActive.code).toBe(2);
    expect(stagingSaysActive.stderr).toContain(`${stagingManifest}: snapshot.json of the staging server says role "active": are the active and the staging server swapped?`);

    await writeFile(stagingManifest, JSON.stringify({ ...JSON.parse(await readFile(stagingManifest, 'utf8')), role: 'staging', server: 'sync01' }));
    const oneServer = await runCli(['impact', '--active', path.join(dir, 'primary'), '--staging', path.join(dir, 'staging')]);
    expect(oneServer.code).toBe(2);
    expect(oneServer.stdout).toBe('');
    expect(oneServer.stderr).toContain(`${stagingManifest}: snapshot.json of the staging server says server "sync01", as does the active server's (${path.join(dir, 'primary', 'snapshot.json')}): the same server given as both sides?`);

    const sameBase = await runCli([...EXAMPLES, '--base-active', 'examples/primary', '--base-staging', 'examples/primary/']);
    expect(sameBase.code).toBe(2);
    expect(sameBase.stderr).toContain('impact: --base-active and --base-staging name the same folder');
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await runCli(['impact', '--active', 'examples/primary'])).code).toBe(2);
    const oneBase = await runCli([...EXAMPLES, '--base-active', 'examples/primary']);
    expect(oneBase.code).toBe(2);
    expect(oneBase.stderr).toContain('give both --base-active and --base-staging, or neither');
    expect((await runCli([...EXAMPLES, '--format', 'xml'])).code).toBe(2);
  });
});

describe('syncstage impact with base snapshots (generated pair with known truth)', () => {
  it('counts persistent exports per class and lists what is newly pending on each server', async () => {
    const dir = tempDir();
    const roots = { staging: path.join(dir, 'staging'), active: path.join(dir, 'active'), baseStaging: path.join(dir, 'base-staging'), baseActive: path.join(dir, 'base-active') };
    for (const [key, root] of Object.entries(roots)) await snapshot(root, key.toLowerCase().includes('active') ? 'active' : 'staging', {}, { 'aad.xml': AAD });
    const truth = await writeCsExportPair(
      { staging: path.join(roots.staging, 'exports/aad.xml'), active: path.join(roots.active, 'exports/aad.xml'), baseStaging: path.join(roots.baseStaging, 'exports/aad.xml'), baseActive: path.join(roots.baseActive, 'exports/aad.xml') },
      { objects: 400, seed: 11 },
    );
    const result = await runCli(['impact', '--active', roots.active, '--staging', roots.staging, '--base-active', roots.baseActive, '--base-staging', roots.baseStaging, '--format', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.switchImpact.persistent).toEqual(truth.persistent);
    expect(report.newSinceBase.staging.count).toBe(truth.newSinceBase.staging.count);
    expect(report.newSinceBase.active.count).toBe(truth.newSinceBase.active.count);
    expect(report.newSinceBase.staging.objects[0].displayName).toEqual(expect.any(String));
    expect(report.notes.some((note: string) => note.startsWith('No base snapshots'))).toBe(false);
    const markdown = (await runCli(['impact', '--active', roots.active, '--staging', roots.staging, '--base-active', roots.baseActive, '--base-staging', roots.baseStaging])).stdout;
    expect(markdown).toContain('| Class ');
    expect(markdown).toContain('Persistent |');
    expect(markdown).toContain(`- Staging server: ${truth.newSinceBase.staging.count} exports newly pending`);
    // Only the CSV holds every export (the JSON keeps a sample); the newly pending lists have no complete view.
    expect(markdown).not.toContain('--format json');
    expect(markdown).toContain(`${truth.classes.same.count - 10} more objects not listed: \`syncstage impact --format csv\` writes every export, one row each.`);
    expect(markdown).toContain(`${truth.newSinceBase.staging.count - 10} more objects not listed.\n`);
    await rm(dir, { recursive: true, force: true });
  });
});
