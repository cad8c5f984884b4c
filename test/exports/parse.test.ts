import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { parseCsExport, type CsObjectRecord } from '../../src/exports/parse.js';

const object = (inner: string, attrs = 'id="{1}" object-type="user" cs-dn="CN=a"') => `<cs-object ${attrs}>${inner}</cs-object>`;
const file = (...objects: string[]) => `<?xml version="1.0"?>\r\n<cs-objects>\r\n${objects.join('\r\n')}\r\n</cs-objects>\r\n`;

async function records(xml: string): Promise<CsObjectRecord[]> {
  const out: CsObjectRecord[] = [];
  await parseCsExport(Readable.from([Buffer.from(xml)]), 'p.xml', (r) => void out.push(r));
  return out;
}

describe('csexport parsing details', () => {
  it('reads both export-errordetail forms and a bare cd-error', async () => {
    const xml = file(
      object('<export-errordetail error-type="cd-error" retry-count="2"><export-status><cd-error><error-code>0x1</error-code><error-literal>Lit</error-literal><error-name>InvalidSoftMatch</error-name><server-error-detail>dup</server-error-detail></cd-error></export-status></export-errordetail>'),
      object('<export-errordetail error-type="cd-error"><export-error><cd-error><error-name>LargeObject</error-name></cd-error></export-error></export-errordetail>'),
      object('<export-errordetail error-type="permission-issue"><cd-error><error-literal>ObjectTypeMismatch</error-literal></cd-error></export-errordetail>'),
      object('<export-errordetail error-type="unexpected-error"/>'),
    );
    expect((await records(xml)).map((r) => [r.error?.errorName, r.error?.errorType, r.error?.detail])).toEqual([
      ['InvalidSoftMatch', 'cd-error', 'dup'],
      ['LargeObject', 'cd-error', undefined],
      ['ObjectTypeMismatch', 'permission-issue', undefined],
      ['unexpected-error', 'unexpected-error', undefined],
    ]);
  });

  it('ignores none, counts unconfirmed apart, and skips unknown elements', async () => {
    const xml = file(
      object('<unapplied-export><delta operation="none" dn="CN=a"/></unapplied-export><mystery><deep><attr name="x"><value>1</value></attr></deep></mystery>'),
      object('<unconfirmed-export><delta operation="update" dn="CN=b"><attr name="department" operation="replace"><value>x</value></attr></delta></unconfirmed-export>', 'id="{2}" object-type="user"'),
    );
    const summary = await analyzeExportStream(Readable.from([xml]), 'p.xml', 'contoso.com');
    expect(summary).toMatchObject({ objects: 0, operations: {}, attributes: {}, otherExports: { escrowed: 0, unconfirmed: 1 } });
  });

  it('counts what a replace of a multi-valued attribute and an attribute delete really change', async () => {
    const xml = file(
      object(`<unapplied-export><delta operation="replace" dn="CN=a">
<attr name="proxyAddresses" type="string" multivalued="true"><value>SMTP:a@x.com</value><value>smtp:new@x.com</value></attr>
<attr name="title" type="string" multivalued="false"><value>Same</value></attr></delta></unapplied-export>
<synchronized-hologram><entry dn="CN=a"><attr name="proxyAddresses" multivalued="true"><value>smtp:old@x.com</value><value>SMTP:a@x.com</value></attr>
<attr name="title"><value>Same</value></attr><attr name="userPrincipalName"><value>a@x.com</value></attr></entry></synchronized-hologram>`),
      object(`<unapplied-export><delta operation="update" dn="CN=b"><attr name="accountEnabled" type="boolean" multivalued="false" operation="delete"/></delta></unapplied-export>
<synchronized-hologram><entry dn="CN=b"><attr name="accountEnabled"><value>true</value></attr></entry></synchronized-hologram>`, 'id="{2}" object-type="user"'),
    );
    const summary = await analyzeExportStream(Readable.from([xml]), 'p.xml', 'contoso.com');
    expect(summary.attributes).toEqual({ proxyAddresses: 1, accountEnabled: 1 });
    expect(summary.multiValued).toEqual({ proxyAddresses: { added: 1, removed: 1 } });
    expect(summary.risky.map((g) => `${g.kind}:${g.examples[0]?.detail}`)).toEqual([
      'sensitive-attribute:accountEnabled true -> (cleared)',
      'proxy-address-removal:proxyAddresses removed: smtp:old@x.com',
    ]);
  });

  it('keeps base64 and hex values as written, and DN values of dn-attr', async () => {
    const [record] = await records(file(object(`<unapplied-export><delta operation="add" dn="CN=a">
<attr name="objectSid" type="binary" multivalued="false"><value encoding="base64">AQUAAAAAAAUVAAAA</value></attr>
<attr name="flags" type="integer" multivalued="false"><value>0xffffffff80000002</value></attr>
<dn-attr name="manager" multivalued="false"><dn-value><dn>CN=Boss,OU=x</dn><anchor encoding="base64">QQ==</anchor></dn-value></dn-attr></delta></unapplied-export>`)));
    expect(record?.pending?.attributes.map((a) => [a.name, a.reference, a.encoding, a.values.map((v) => v.value)])).toEqual([
      ['objectSid', false, 'base64', ['AQUAAAAAAAUVAAAA']],
      ['flags', false, undefined, ['0xffffffff80000002']],
      ['manager', true, undefined, ['CN=Boss,OU=x']],
    ]);
  });
});
