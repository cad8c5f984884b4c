import { describe, expect, it } from 'vitest';
import { diffServerConfigs, pathPattern } from '../../src/config/diff.js';
import { differenceId } from '../../src/config/ids.js';
import { applyNameMap, parseNameMap } from '../../src/config/name-map.js';
import { describeJoin, describeScope } from '../../src/config/rule-text.js';
import { parseSynchronizationPolicy } from '../../src/config/settings-json.js';
import type { ServerConfig, SyncRule } from '../../src/config/types.js';

function rule(overrides: Partial<SyncRule>): SyncRule {
  return {
    key: '',
    name: 'In from AD - User Custom',
    connector: 'contoso.com',
    direction: 'Inbound',
    linkType: 'Join',
    precedence: 50,
    disabled: false,
    outOfBox: false,
    scope: [],
    join: [],
    mappings: [],
    ...overrides,
  };
}

function config(rules: SyncRule[], settings: Record<string, string> = {}): ServerConfig {
  return {
    globalSettings: { 'Microsoft.Synchronize.StagingMode': 'False', ...settings },
    connectors: { 'contoso.com': { name: 'contoso.com', category: 'AD', isEntraConnector: false, partitions: [], attributeInclusion: [], runProfiles: [] } },
    rules: Object.fromEntries(rules.map((r) => [`${r.connector.toLowerCase()}|${r.name}|${r.direction}|${r.linkType}`, { ...r, key: `${r.connector.toLowerCase()}|${r.name}|${r.direction}|${r.linkType}` }])),
    missing: [],
  };
}

describe('diff options', () => {
  it('--ignore paths: * matches names with dots, a path ignores what is under it', () => {
    expect(pathPattern('connectors.*.runProfiles').test('connectors.contoso.com.runProfiles.Full Import')).toBe(true);
    expect(pathPattern('settings.Microsoft.Synchronize.TimeInterval').test('settings.Microsoft.Synchronize.TimeInterval')).toBe(true);
    expect(pathPattern('settings.Microsoft.Synchronize.Time').test('settings.Microsoft.Synchronize.TimeInterval')).toBe(false);
    expect(pathPattern('RULES.*').test('rules.contoso.com.X.disabled')).toBe(true);
  });

  it('custom rule precedence is drift; scoping order is not', () => {
    const a = config([rule({ scope: [[{ attribute: 'a', operator: 'EQUAL', value: '1' }, { attribute: 'b', operator: 'ISNOTNULL', value: '' }]] })]);
    const b = config([rule({ precedence: 60, scope: [[{ attribute: 'b', operator: 'ISNOTNULL', value: '' }, { attribute: 'a', operator: 'EQUAL', value: '1' }]] })], { 'Microsoft.Synchronize.StagingMode': 'True' });
    const report = diffServerConfigs(a, b);
    expect(report.differences.map((d) => [d.field, d.primary, d.staging])).toEqual([['precedence', '50', '60']]);
  });

  it('an out-of-box rule whose tag base changed is drift, not product version', () => {
    const a = config([rule({ outOfBox: true, immutableTag: 'Microsoft.InfromADUserJoin.003', precedence: 100 })]);
    const b = config([rule({ outOfBox: true, immutableTag: 'Microsoft.SomethingElse.003', precedence: 120 })]);
    const report = diffServerConfigs(a, b);
    expect(report.differences.map((d) => d.field)).toEqual(['immutableTag']);
    expect(report.productVersion).toEqual([{ subject: 'In from AD - User Custom', connector: 'contoso.com', field: 'precedence', primary: '100', staging: '120' }]);
  });

  it('the name map applies to keys, names and values of the primary side', () => {
    const a = applyNameMap(config([rule({ connector: 'contoso.com', mappings: [{ destination: 'upn', sources: [], expression: '[x] & "@contoso.com"', executeOnce: false }] })]), { 'contoso.com': 'contoso-dev.com' });
    expect(Object.keys(a.connectors)).toEqual(['contoso-dev.com']);
    expect(Object.keys(a.rules)).toEqual(['contoso-dev.com|In from AD - User Custom|Inbound|Join']);
    expect(Object.values(a.rules)[0]?.mappings[0]?.expression).toBe('[x] & "@contoso-dev.com"');
  });

  it('parses name-map lines and names a bad one', () => {
    expect(parseNameMap(['# c', '', 'a.com = b.com', 'DC=a=DC=b'], 'm')).toEqual({ 'a.com': 'b.com', DC: 'a=DC=b' });
    expect(() => parseNameMap(['ok=1', 'broken'], 'names.map')).toThrow('names.map:2:1: expected "primary-name=staging-name", got "broken"');
  });

  it('ids are short sha256 hashes of category, connector, subject, field', () => {
    expect(differenceId('sync-rules', 'contoso.com', 'X', 'disabled')).toMatch(/^d-[0-9a-f]{10}$/);
    expect(differenceId('sync-rules', 'Contoso.COM', 'X', 'disabled')).toBe(differenceId('sync-rules', 'contoso.com', 'X', 'disabled'));
    expect(differenceId('sync-rules', 'contoso.com', 'X', 'description')).not.toBe(differenceId('sync-rules', 'contoso.com', 'X', 'disabled'));
  });

  it('describes scoping and join groups order-free', () => {
    expect(describeScope([[{ attribute: 'b', operator: 'EQUAL', value: '2' }], [{ attribute: 'a', operator: 'ISNULL', value: '' }]])).toBe('(a ISNULL) OR (b EQUAL 2)');
    expect(describeJoin([])).toBe('(none)');
    expect(describeJoin([[{ csAttribute: 'mail', mvAttribute: 'mail', caseSensitive: true }]])).toBe('mail = mail (case-sensitive)');
  });
});

describe('settings JSON', () => {
  it('is lenient: unknown keys kept, missing ones reported', () => {
    const policy = parseSynchronizationPolicy('{"policyMetadata":{"azureADConnectVersion":"2.4.27.0"},"deploymentMetadata":{"hostName":"SYNC01"},"extra":1}', 'p.json');
    expect(policy).toEqual({
      raw: { policyMetadata: { azureADConnectVersion: '2.4.27.0' }, deploymentMetadata: { hostName: 'SYNC01' }, extra: 1 },
      connectVersion: '2.4.27.0',
      hostName: 'SYNC01',
      missingKeys: ['onpremisesDirectoryPolicy', 'azureDirectoryPolicy'],
    });
    expect(parseSynchronizationPolicy('[1]', 'p.json').missingKeys).toHaveLength(4);
    expect(() => parseSynchronizationPolicy('{', 'p.json')).toThrow(/^p\.json:1:2: not valid JSON/);
  });
});

describe('the Connect version', () => {
  it('comes from the manifests when both have one, else from ServerConfigurationVersion; a mismatch is one finding', () => {
    const a = { ...config([], { 'Microsoft.Synchronize.ServerConfigurationVersion': '2.4.27.0' }), connectVersion: '2.4.27.0' };
    const b = { ...config([], { 'Microsoft.Synchronize.StagingMode': 'True', 'Microsoft.Synchronize.ServerConfigurationVersion': '2.4.27.0' }), connectVersion: '2.4.131.0' };
    const report = diffServerConfigs(a, b);
    expect(report.differences.map((d) => [d.category, d.subject, d.primary, d.staging])).toEqual([['version', 'Entra Connect Sync version', '2.4.27.0', '2.4.131.0']]);
    const same = diffServerConfigs(a, { ...b, connectVersion: undefined });
    expect(same.differences).toEqual([]);
  });
});
