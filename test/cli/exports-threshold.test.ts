/**
 * The accidental-delete threshold never passes silently: the Entra ID connector is told from the file's own content
 * when nothing names it, an unknown kind is judged as Entra ID and said, contradictions are errors, and the
 * arithmetic reads as what it is.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { exportsSchemaErrors } from '../support/schema.js';

const hexDn = (i: number) => `CN={${Buffer.from(`U${i}`, 'utf8').toString('hex').toUpperCase()}}`;
const adDn = (i: number) => `CN=User ${i},OU=Users,DC=contoso,DC=com`;

/** `count` pending deletes, one cs-object each, the DN of object i from `dn`; `extra` goes into each <cs-object ...>. */
function deletes(count: number, dn: (i: number) => string, extra = '', child = ''): string {
  const objects = Array.from(
    { length: count },
    (_, i) => `<cs-object cs-dn="${dn(i)}" id="{${i}}" object-type="user"${extra}>${child}<unapplied-export><delta operation="delete" dn="${dn(i)}"/></unapplied-export></cs-object>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\r\n<cs-objects>\r\n${objects.join('\r\n')}\r\n</cs-objects>\r\n`;
}

const UNKNOWN = 'connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json';
const UNKNOWN_MARKDOWN = '⚠️ connector kind unknown: judged as Entra ID for the threshold; name it with \\-\\-connector or in snapshot\\.json\\.';

let dir: string;

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'export.xml'), deletes(300, hexDn));
  writeFileSync(path.join(dir, 'big.xml'), deletes(6939, hexDn));
  writeFileSync(path.join(dir, 'empty.xml'), '<?xml version="1.0"?>\r\n<cs-objects/>\r\n');
  writeFileSync(path.join(dir, 'contoso.onmicrosoft.com - AAD.xml'), deletes(300, adDn));
  writeFileSync(path.join(dir, 'ad.xml'), deletes(3, adDn));
  writeFileSync(path.join(dir, 'mixed.xml'), deletes(2, (i) => (i === 0 ? hexDn(i) : adDn(i))));
  writeFileSync(path.join(dir, 'ma-attribute.xml'), deletes(3, hexDn, ' ma-name="contoso.onmicrosoft.com - AAD"'));
  writeFileSync(path.join(dir, 'ma-element.xml'), deletes(300, () => '', '', '<ma-name>contoso.onmicrosoft.com - AAD</ma-name>'));
});

describe('the Entra ID connector told from the file content', () => {
  it('exits 1 for 300 deletes in a CN={hex} file named export.xml over --deletion-threshold 100', async () => {
    const run = await runCli(['exports', 'export.xml', '--deletion-threshold', '100', '--fail-on', 'threshold'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('syncstage: --fail-on: threshold: export: 300 deletes, over the limit of 100 (set by the --deletion-threshold option)\n');
    expect(run.stdout).toContain(
      '**300 pending exports to export: 0 adds, 0 updates, 300 deletes; 300 deletes, over the limit of 100 \\(set by the \\-\\-deletion\\-threshold option\\)**\n\nEntra ID connector \\(told by the file\'s content\\)\\.\n',
    );
    const json = await runCli(['exports', 'export.xml', '--deletion-threshold', '100', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.connectors[0]).toMatchObject({ connector: 'export', isEntraConnector: true, connectorKind: { kind: 'entra', source: 'content' } });
    expect(report.threshold).toEqual({ limit: 100, source: 'option', setBy: 'cli-option', deletes: 300, exceeded: true, applies: true });
    expect(exportsSchemaErrors(report)).toEqual([]);
  });

  it('reads ma-name as an attribute or as an element', async () => {
    const element = await runCli(['exports', 'ma-element.xml', '--deletion-threshold', '100', '--fail-on', 'threshold', '--format', 'json'], { cwd: dir });
    expect(element.code).toBe(1);
    expect(JSON.parse(element.stdout).connectors[0].connectorKind).toEqual({ kind: 'entra', source: 'content' });
    const attribute = await runCli(['exports', 'ma-attribute.xml', '--connector', 'contoso.onmicrosoft.com - AAD', '--format', 'json'], { cwd: dir });
    expect(attribute.code, attribute.stderr).toBe(0);
    expect(JSON.parse(attribute.stdout).connectors[0].connectorKind).toEqual({ kind: 'entra', source: 'option' });
  });

  it('lets content win over the file name: AD DNs in a file named "... - AAD" are not judged by the threshold', async () => {
    const run = await runCli(['exports', 'contoso.onmicrosoft.com - AAD.xml', '--deletion-threshold', '100', '--fail-on', 'threshold', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout).connectors[0];
    expect(summary.connectorKind).toEqual({ kind: 'other', source: 'content' });
    expect(summary.threshold).toEqual({ limit: 100, source: 'option', setBy: 'cli-option', deletes: 0, exceeded: false, applies: false });
    const markdown = await runCli(['exports', 'contoso.onmicrosoft.com - AAD.xml'], { cwd: dir });
    expect(markdown.stdout).toContain('**300 pending exports to contoso\\.onmicrosoft\\.com \\- AAD: 0 adds, 0 updates, 300 deletes**\n\nnot the Entra ID connector \\(told by the file\'s content\\): the accidental\\-delete threshold does not apply\\.');
  });
});

describe('the arithmetic', () => {
  it('says "6,939 deletes, over the limit of 500", never "EXCEEDED by 6,939"', async () => {
    const run = await runCli(['exports', 'big.xml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**6,939 pending exports to big: 0 adds, 0 updates, 6,939 deletes; 6,939 deletes, over the limit of 500 \\(the default\\)**');
    expect(run.stdout).not.toMatch(/exceeded/i);
    const failing = await runCli(['exports', 'big.xml', '--fail-on', 'threshold'], { cwd: dir });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe('syncstage: --fail-on: threshold: big: 6,939 deletes, over the limit of 500 (the default)\n');
  });

  it('is over only when deletes are more than the limit (Entra Connect stops an export at deletes > threshold)', async () => {
    const at = await runCli(['exports', 'export.xml', '--deletion-threshold', '300', '--fail-on', 'threshold'], { cwd: dir });
    expect(at.code).toBe(0);
    expect(at.stdout).toContain('; 300 deletes, within the limit of 300 \\(set by the \\-\\-deletion\\-threshold option\\)**');
    const under = await runCli(['exports', 'export.xml', '--deletion-threshold', '299', '--fail-on', 'threshold'], { cwd: dir });
    expect(under.code).toBe(1);
  });
});

describe('a connector whose kind cannot be told', () => {
  it('is judged as Entra ID and the report says so, in Markdown and JSON, from a file or standard input', async () => {
    const run = await runCli(['exports', 'empty.xml', '--fail-on', 'threshold'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`**0 pending exports to empty: 0 adds, 0 updates, 0 deletes; 0 deletes, within the limit of 500 \\(the default\\)**\n\n${UNKNOWN_MARKDOWN}\n\nNo pending exports.`);
    for (const args of [['empty.xml'], ['-']]) {
      const json = await runCli(['exports', ...args, '--format', 'json'], { cwd: dir, stdin: readFileSync(path.join(dir, 'empty.xml')) });
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout);
      expect(report.connectors[0].connectorKind).toEqual({ kind: 'unknown', source: 'none', note: UNKNOWN });
      expect(report.connectors[0].isEntraConnector).toBe(false);
      expect(report.connectors[0].threshold).toEqual({ limit: 500, source: 'default', deletes: 0, exceeded: false, applies: true });
      expect(report.connectorKind).toEqual({ kind: 'unknown', source: 'connectors' });
      expect(exportsSchemaErrors(report)).toEqual([]);
    }
  });

  it('is told once named: --entra, or a connector name that says Entra ID', async () => {
    const entra = await runCli(['exports', 'empty.xml', '--entra', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(entra.stdout).connectors[0].connectorKind).toEqual({ kind: 'entra', source: 'option' });
    const named = await runCli(['exports', 'empty.xml', '--connector', 'contoso.onmicrosoft.com - AAD', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(named.stdout).connectors[0].connectorKind).toEqual({ kind: 'entra', source: 'option' });
    // A name that says nothing of the kind leaves it unknown: still judged, still said.
    const vague = await runCli(['exports', 'empty.xml', '--connector', 'corp'], { cwd: dir });
    expect(vague.stdout).toContain(UNKNOWN_MARKDOWN);
  });
});

describe('content that cannot be trusted fails closed (exit 2, nothing on stdout)', () => {
  it('refuses a file that mixes the Entra ID connector’s DNs with another connector’s', async () => {
    const run = await runCli(['exports', 'mixed.xml', '--format', 'json'], { cwd: dir });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mixed.xml:4:84: this file mixes two connectors: an earlier object\'s DN has the Entra ID connector\'s form CN={hex}, but this object\'s DN is not of the Entra ID connector\'s form CN={hex}; export one connector per file (csexport "<connector>" <file> /f:x)\n',
    });
  });

  it('refuses content that contradicts --entra, --connector or ma-name', async () => {
    const entra = await runCli(['exports', 'ad.xml', '--entra'], { cwd: dir });
    expect(entra).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ad.xml:3:84: --entra says the Entra ID connector, but this object\'s DN is not of the Entra ID connector\'s form CN={hex}: name the right connector for this file\n',
    });
    const named = await runCli(['exports', 'ad.xml', '--connector', 'contoso.onmicrosoft.com - AAD'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      'ad.xml:3:84: --connector "contoso.onmicrosoft.com - AAD" says the Entra ID connector, but this object\'s DN is not of the Entra ID connector\'s form CN={hex}: name the right connector for this file\n',
    );
    const maName = await runCli(['exports', 'ma-attribute.xml', '--connector', 'corp.contoso.com'], { cwd: dir });
    expect(maName.code).toBe(2);
    expect(maName.stderr).toBe('ma-attribute.xml:3:97: the object\'s ma-name "contoso.onmicrosoft.com - AAD" differs from the connector name "corp.contoso.com" given by --connector: name the right connector for this file\n');
  });

  it('refuses a snapshot whose configuration says the file is another connector’s', async () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const snapshot = path.join(dir, 'swapped');
    cpSync(path.join(repo, 'examples/staging'), snapshot, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(snapshot, 'snapshot.json'), 'utf8'));
    manifest.exports = { 'contoso.onmicrosoft.com - AAD.xml': 'contoso.com', 'contoso.com.xml': 'contoso.onmicrosoft.com - AAD' };
    writeFileSync(path.join(snapshot, 'snapshot.json'), JSON.stringify(manifest));
    const run = await runCli(['exports', 'swapped'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'swapped/exports/contoso.com.xml:3:114: the server configuration (connector "contoso.onmicrosoft.com - AAD") says the Entra ID connector, but this object\'s DN is not of the Entra ID connector\'s form CN={hex}: name the right connector for this file\n',
    );
    // No DN value in the message: an AD DN holds people's names, and errors show even when reports are redacted.
    expect(run.stderr).not.toContain('OU=');
  });
});
