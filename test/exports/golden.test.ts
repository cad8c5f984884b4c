import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateCsExportString } from '../../scripts/lib/csexport-generator.js';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { expectGolden, GOLDEN_XML } from '../support/golden.js';

describe('golden csexport fixture', () => {
  it('summarizes exactly as expected.json', async () => {
    const summary = await analyzeExportStream(createReadStream(GOLDEN_XML), 'golden.xml', 'contoso.onmicrosoft.com - AAD');
    expectGolden(summary);
    expect(summary.isEntraConnector).toBe(true);
    expect(summary.deletes.sample.map((d) => d.displayName)).toEqual(['Diego Siciliani', 'Johanna Lorenz']);
    expect(summary.errorSample[0]).toMatchObject({ errorName: 'AttributeValueMustBeUnique', errorType: 'cd-error', retryCount: 4, detail: 'proxyAddresses SMTP:lee@contoso.com is already used' });
    expect(summary.renameSample[0]?.newDn).toBe('CN={4130313041}');
  });

  it('reports the five risky changes the fixture README lists', async () => {
    const summary = await analyzeExportStream(createReadStream(GOLDEN_XML), 'golden.xml', 'contoso.onmicrosoft.com - AAD');
    const lines = summary.risky.flatMap((group) => group.examples.map((e) => `${group.kind}|${group.attribute ?? ''}|${e.identity.displayName}|${e.detail}`));
    expect(lines).toEqual([
      'anchor-flip||Johanna Lorenz|deleted and added again with the same userPrincipalName johanna@contoso.com: sourceAnchor A012-old -> A012-new',
      'delete-add||Grady Archie|deleted in Entra ID, then created anew (delete-add)',
      'sensitive-attribute|accountEnabled|LAPTOP-0042|accountEnabled -> false',
      'sensitive-attribute|userPrincipalName|Megan Bowen|userPrincipalName megan@contoso.com -> megan.bowen@fabrikam.com',
      'proxy-address-removal|proxyAddresses|Alex Wilber (Sales)|proxyAddresses removed: smtp:alex.old@contoso.com',
    ]);
    expect(summary.risky.map((g) => g.count)).toEqual([1, 1, 1, 1, 1]);
  });

  it('does not apply the threshold to a connector whose content is not Entra ID, nor report delete-add as a risk there', async () => {
    const { xml } = generateCsExportString({ objects: 60, seed: 7, connector: 'ad' });
    const summary = await analyzeExportStream(Readable.from([xml]), 'contoso.com.xml', { connector: 'contoso.com', connectorSource: 'manifest' });
    expect(summary.connectorKind).toEqual({ kind: 'other', source: 'content' });
    expect(summary.isEntraConnector).toBe(false);
    expect(summary.operations['delete-add']).toBe(2);
    expect(summary.threshold).toEqual({ limit: 500, source: 'default', deletes: 0, exceeded: false, applies: false });
    expect(summary.risky.map((g) => g.kind)).not.toContain('delete-add');
  });

  it('takes an explicit option over the configuration, then the configuration over the default, and says which', async () => {
    const summary = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'x', { entraConnector: true, deletionThreshold: 10, configuredThreshold: { enabled: true, limit: 2 } });
    expect(summary.threshold).toEqual({ limit: 10, source: 'option', deletes: 3, exceeded: false, applies: true, protectionEnabled: true });
    const configured = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'x', { entraConnector: true, configuredThreshold: { enabled: true, limit: 2 } });
    expect(configured.threshold).toEqual({ limit: 2, source: 'configuration', deletes: 3, exceeded: true, applies: true, protectionEnabled: true });
    // An explicit option judges the deletes even when the server's protection is off.
    const off = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'x', { entraConnector: true, deletionThreshold: 2, configuredThreshold: { enabled: false, limit: 2 } });
    expect(off.threshold).toEqual({ limit: 2, source: 'option', deletes: 3, exceeded: true, applies: true, protectionEnabled: false });
    const option = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'x', { entraConnector: true, deletionThreshold: 3 });
    expect(option.threshold).toEqual({ limit: 3, source: 'option', deletes: 3, exceeded: false, applies: true });
  });
});

describe('multi-byte text split across chunks', () => {
  it('keeps 2-, 3- and 4-byte characters whole when fed 1 byte at a time', async () => {
    const name = 'Zoë 東京 👩‍💻';
    const xml = Buffer.from(`<cs-objects><cs-object id="1" object-type="user"><unapplied-export><delta operation="delete" dn="CN=x"/></unapplied-export><synchronized-hologram><entry dn="CN=x"><attr name="displayName" type="string" multivalued="false"><value>${name}</value></attr></entry></synchronized-hologram></cs-object></cs-objects>`);
    const summary = await analyzeExportStream(Readable.from(Array.from(xml, (b) => Buffer.from([b]))), 'u.xml', 'x');
    expect(summary.deletes.sample[0]?.displayName).toBe(name);
  });
});
