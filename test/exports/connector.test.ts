/** Telling the Entra ID connector: declared kinds, the file's content, the file name, and what contradicts. */
import { describe, expect, it } from 'vitest';
import { ConnectorKindTracker, declaredKind, isEntraConnectorDn, isEntraConnectorName, kindOfDn } from '../../src/exports/connector.js';
import type { CsObjectRecord } from '../../src/exports/parse.js';
import type { ConnectorRef } from '../../src/exports/types.js';

function record(csDn: string, options: { maName?: string; deltaDn?: string } = {}): CsObjectRecord {
  return {
    id: '{1}',
    objectType: 'user',
    csDn,
    maName: options.maName,
    position: { line: 1, column: 1 },
    pending: { operation: 'delete', dn: options.deltaDn ?? csDn, newDn: undefined, attributes: [] },
    escrowed: false,
    unconfirmed: false,
    holograms: {},
    error: undefined,
    oversizedValues: 0,
    cappedValues: 0,
  };
}

function judge(ref: ConnectorRef, records: CsObjectRecord[]): { reasons: (string | undefined)[]; kind: ReturnType<ConnectorKindTracker['finish']> } {
  const tracker = new ConnectorKindTracker(ref);
  const reasons = records.map((r) => tracker.observe(r));
  return { reasons, kind: tracker.finish() };
}

const HEX = 'CN={4A6F686E}';
const AD = 'CN=John,OU=Users,DC=contoso,DC=com';

describe('connector-space DNs', () => {
  it('knows the Entra ID connector’s CN={hex} form and nothing else', () => {
    expect(isEntraConnectorDn('CN={4A6F686E}')).toBe(true);
    expect(isEntraConnectorDn('cn={4a6f686e}')).toBe(true);
    expect(isEntraConnectorDn(' CN={00} ')).toBe(true);
    expect(isEntraConnectorDn('CN={}')).toBe(false);
    expect(isEntraConnectorDn('CN={4A6F},OU=x')).toBe(false);
    expect(isEntraConnectorDn('CN={4A6G}')).toBe(false);
    expect(isEntraConnectorDn('CN=John,DC=contoso,DC=com')).toBe(false);
    expect(isEntraConnectorDn('{B891884F-051E-4A83-95AF-2544101C9083}')).toBe(false);
    expect(kindOfDn('')).toBeUndefined();
    expect(kindOfDn('12345')).toBe('other');
  });

  it('knows Entra ID connector names', () => {
    expect(isEntraConnectorName('contoso.onmicrosoft.com - AAD')).toBe(true);
    expect(isEntraConnectorName('AAD')).toBe(true);
    expect(isEntraConnectorName('export')).toBe(false);
    expect(isEntraConnectorName('contoso.com')).toBe(false);
  });
});

describe('the kind, strongest evidence first', () => {
  it('is declared by --entra or the configuration, else by a given Entra ID name, never by a file name', () => {
    expect(declaredKind({ connector: 'x', declaredKind: { kind: 'other', source: 'configuration' } })).toEqual({ kind: 'other', source: 'configuration' });
    expect(declaredKind({ connector: 'a - AAD', connectorSource: 'manifest' })).toEqual({ kind: 'entra', source: 'manifest' });
    expect(declaredKind({ connector: 'a - AAD' })).toEqual({ kind: 'entra', source: 'option' });
    expect(declaredKind({ connector: 'a - AAD', connectorSource: 'file-name' })).toBeUndefined();
    expect(declaredKind({ connector: 'contoso.com', connectorSource: 'manifest' })).toBeUndefined();
  });

  it('is told by the content when nothing declares it', () => {
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record(HEX), record(HEX)])).toEqual({ reasons: [undefined, undefined], kind: { kind: 'entra', source: 'content' } });
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record(AD)])).toEqual({ reasons: [undefined], kind: { kind: 'other', source: 'content' } });
    // An Entra ID ma-name tells it even without a DN.
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record('', { maName: 'contoso.onmicrosoft.com - AAD' })]).kind).toEqual({ kind: 'entra', source: 'content' });
  });

  it('lets content win over the file name', () => {
    expect(judge({ connector: 'contoso.onmicrosoft.com - AAD', connectorSource: 'file-name' }, [record(AD)]).kind).toEqual({ kind: 'other', source: 'content' });
  });

  it('falls back to the file name, then to unknown with the note', () => {
    expect(judge({ connector: 'zero - AAD', connectorSource: 'file-name' }, []).kind).toEqual({ kind: 'entra', source: 'file-name' });
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record('')]).kind).toEqual({
      kind: 'unknown',
      source: 'none',
      note: 'connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json',
    });
    // Where there is no --connector (verify, the gate, the Action, the App), the advice names snapshot.json's map only.
    const tracker = new ConnectorKindTracker({ connector: 'export', connectorSource: 'file-name' });
    expect(tracker.finish('manifest')).toEqual({
      kind: 'unknown',
      source: 'none',
      note: 'connector kind unknown: judged as Entra ID for the threshold; name its connector in snapshot.json\'s "exports" map (the file in that snapshot\'s exports/ folder)',
    });
  });

  it('keeps the declared kind when the content agrees', () => {
    expect(judge({ connector: 'x', declaredKind: { kind: 'entra', source: 'configuration' } }, [record(HEX)]).kind).toEqual({ kind: 'entra', source: 'configuration' });
    expect(judge({ connector: 'contoso.com', connectorSource: 'manifest', declaredKind: { kind: 'other', source: 'configuration' } }, [record(AD)]).kind).toEqual({ kind: 'other', source: 'configuration' });
  });
});

describe('content that cannot be trusted', () => {
  it('names a file that shows both kinds, at the first object that does', () => {
    const { reasons } = judge({ connector: 'export', connectorSource: 'file-name' }, [record(HEX), record(HEX), record(AD), record(AD)]);
    expect(reasons.slice(0, 2)).toEqual([undefined, undefined]);
    expect(reasons[2]).toBe(
      'this file mixes two connectors: an earlier object\'s DN has the Entra ID connector\'s form CN={hex}, but this object\'s DN is not of the Entra ID connector\'s form CN={hex}; export one connector per file (csexport "<connector>" <file> /f:x)',
    );
    // Within one object too: a CN={hex} cs-dn with an AD delta DN.
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record(HEX, { deltaDn: AD })]).reasons[0]).toMatch(/^this file mixes two connectors/);
    // An Entra ID ma-name on AD DNs.
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record(AD, { maName: 'contoso.onmicrosoft.com - AAD' })]).reasons[0]).toMatch(/^this file mixes two connectors: an earlier object's ma-name "contoso\.onmicrosoft\.com - AAD" names an Entra ID connector, but this object's DN is not/);
  });

  it('names content that contradicts the configuration, the manifest or --connector', () => {
    expect(judge({ connector: 'contoso.com', connectorSource: 'manifest', declaredKind: { kind: 'other', source: 'configuration' } }, [record(HEX)]).reasons[0]).toBe(
      'the server configuration (connector "contoso.com") says a connector other than Entra ID, but this object\'s DN has the Entra ID connector\'s form CN={hex}: name the right connector for this file',
    );
    expect(judge({ connector: 'a - AAD', connectorSource: 'manifest' }, [record(AD)]).reasons[0]).toBe(
      'snapshot.json (connector "a - AAD") says the Entra ID connector, but this object\'s DN is not of the Entra ID connector\'s form CN={hex}: name the right connector for this file',
    );
    expect(judge({ connector: 'corp', connectorSource: 'manifest' }, [record(HEX, { maName: 'Corp ' })]).reasons[0]).toBeUndefined();
    expect(judge({ connector: 'corp', connectorSource: 'manifest' }, [record(HEX, { maName: 'fabrikam' })]).reasons[0]).toBe(
      'the object\'s ma-name "fabrikam" differs from the connector name "corp" given by snapshot.json: name the right connector for this file',
    );
    // A file name is no declaration: a different ma-name is no contradiction.
    expect(judge({ connector: 'export', connectorSource: 'file-name' }, [record(HEX, { maName: 'fabrikam' })]).reasons[0]).toBeUndefined();
  });
});
