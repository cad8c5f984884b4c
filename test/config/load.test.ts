import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { InputError } from '../../src/errors.js';

const repo = new DiskFileSource(process.cwd());
const FIXTURE = 'test/fixtures/contoso-server-config';

describe('loadServerConfig on the real Contoso export', async () => {
  const config = await loadServerConfig(repo, FIXTURE);

  it('reads MV.xml (single-quoted attributes) and its global parameters, noise apart', () => {
    expect(config.server).toBe('CONTOSO-SYNC01');
    expect(config.exportDate).toBe('2016-05-03 14:28:09.784');
    expect(Object.keys(config.globalSettings)).toHaveLength(36);
    expect(config.globalSettings['Microsoft.Synchronize.StagingMode']).toBe('False');
    expect(config.globalSettings['Microsoft.SynchronizationOption.AnchorAttribute']).toBe('objectGUID');
    expect(config.globalSettings['Microsoft.Synchronize.NextStartTime']).toBeUndefined();
    expect(config.noise).toContainEqual({ kind: 'nextStartTime', path: 'mv:parameter:Microsoft.Synchronize.NextStartTime', value: 'Tue, 03 May 2016 14:39:16 GMT' });
    expect(config.missing).toEqual([]);
  });

  it('reads connectors by lower-case name, schema skipped', () => {
    expect(Object.keys(config.connectors)).toEqual(['contoso.com', 'contoso.onmicrosoft.com - aad']);
    const ad = config.connectors['contoso.com'];
    expect(ad).toMatchObject({ name: 'contoso.com', category: 'AD', isEntraConnector: false, passwordHashSync: false });
    expect(ad?.partitions).toEqual([
      {
        name: 'DC=contoso,DC=com',
        selected: true,
        objectClasses: ['computer', 'contact', 'foreignSecurityPrincipal', 'group', 'inetOrgPerson', 'msDS-Device', 'user', 'container', 'domainDNS', 'organizationalUnit'],
        inclusions: ['OU=CORP,DC=contoso,DC=com'],
        exclusions: ['DC=contoso,DC=com'],
      },
    ]);
    expect(ad?.attributeInclusion).toHaveLength(132);
    expect(ad?.attributeInclusion).toContain('userPrincipalName');
    expect(ad?.runProfiles.map((p) => p.name)).toEqual(['Full Import', 'Full Synchronization', 'Delta Import', 'Delta Synchronization', 'Export']);
    expect(ad?.runProfiles[2]?.steps).toEqual(['delta-import (to-cs) on DC=contoso,DC=com']);
    expect(ad?.parameters?.['forest-name']).toBe('contoso.com');
    expect(ad?.parameters?.['forest-login-user']).toBeUndefined();
    const entra = config.connectors['contoso.onmicrosoft.com - aad'];
    expect(entra).toMatchObject({ category: 'Extensible2', isEntraConnector: true });
    expect(entra?.partitions[0]).toMatchObject({ name: 'default', inclusions: [], exclusions: [] });
  });

  it('records the per-server values as noise', () => {
    const kinds = (config.noise ?? []).reduce<Record<string, number>>((acc, n) => ({ ...acc, [n.kind]: (acc[n.kind] ?? 0) + 1 }), {});
    expect(kinds).toMatchObject({ serverName: 1, exportDate: 1, nextStartTime: 1, cookie: 2, lastDc: 1, serviceAccount: 4 });
    expect(config.noise).toContainEqual({ kind: 'guid', path: 'connector:contoso.com:id', value: '{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}' });
  });

  it('reads sync rules keyed by connector name + name + direction + link type', () => {
    expect(Object.keys(config.rules)).toHaveLength(62);
    const rule = config.rules['contoso.onmicrosoft.com - aad|Out to AAD - Group Join|Outbound|Provision'];
    expect(rule).toMatchObject({ connector: 'contoso.onmicrosoft.com - AAD', precedence: 139, outOfBox: true, immutableTag: 'Microsoft.OuttoAADGroupJoin.006', disabled: false, sourceObjectType: 'group', targetObjectType: 'group' });
    expect(rule?.scope).toHaveLength(4);
    expect(rule?.scope[0]?.[0]).toEqual({ attribute: 'cloudFiltered', operator: 'NOTEQUAL', value: 'True' });
    expect(rule?.join).toEqual([[{ csAttribute: 'sourceAnchor', mvAttribute: 'sourceAnchor', caseSensitive: false }]]);
    expect(rule?.mappings.find((m) => m.destination === 'dn')).toEqual({ destination: 'dn', sources: ['sourceAnchor'], expression: '"CN={" & ConvertToUTF8Hex([sourceAnchor]) & "}"', mergeType: 'Update', executeOnce: false });
    expect(rule?.other).toEqual({ softDeleteExpiryInterval: '00:00:00', EnablePasswordSync: 'false' });
    expect(Object.values(config.rules).some((r) => r.mappings.some((m) => m.executeOnce))).toBe(true);
    expect(Object.values(config.rules).some((r) => r.join.some((g) => g.some((c) => c.caseSensitive)))).toBe(true);
  });
});

describe('loadServerConfig on bad input', () => {
  it('a missing folder', async () => {
    await expect(loadServerConfig(repo, 'test/fixtures/nope')).rejects.toThrow(new InputError('test/fixtures/nope', expect.any(String) as unknown as string).constructor);
    await expect(loadServerConfig(repo, 'test/fixtures/nope')).rejects.toThrow(/^test\/fixtures\/nope: no such folder/);
  });

  it('a folder that is not an export', async () => {
    await expect(loadServerConfig(repo, 'test/xml')).rejects.toThrow(/^test\/xml: not a Get-ADSyncServerConfiguration export/);
  });
});
