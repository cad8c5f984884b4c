import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffServerConfigs } from '../../src/config/diff.js';
import { loadServerConfig } from '../../src/config/load.js';
import type { DriftReport, ServerConfig } from '../../src/config/types.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { addCustomRule, adConnectorFile, copyContoso, editFile, reexportAsOtherServer, removeCopies, ruleFile, setGlobal } from './helpers.js';

const load = (dir: string) => loadServerConfig(new DiskFileSource(dir), '');

/** Primary: Contoso plus two custom rules. Staging: the same, exported from another server, in staging mode. */
async function pair(change?: (staging: string) => Promise<void>): Promise<{ primary: ServerConfig; staging: ServerConfig; report: DriftReport }> {
  const primaryDir = await copyContoso();
  const stagingDir = await copyContoso();
  for (const dir of [primaryDir, stagingDir]) {
    await addCustomRule(dir, { name: 'In from AD - User Custom Department', precedence: 50 });
    await addCustomRule(dir, { name: 'Out to AAD - User Custom Extension', connector: 'entra', direction: 'Outbound', precedence: 60 });
  }
  await reexportAsOtherServer(stagingDir);
  await setGlobal(stagingDir, 'Microsoft.Synchronize.StagingMode', 'True');
  if (change) await change(stagingDir);
  const primary = await load(primaryDir);
  const staging = await load(stagingDir);
  return { primary, staging, report: diffServerConfigs(primary, staging) };
}

afterAll(removeCopies);

describe('the same configuration exported from another server', () => {
  let report: DriftReport;
  beforeAll(async () => {
    ({ report } = await pair());
  });

  it('has zero differences', () => {
    expect(report.differences).toEqual([]);
  });

  it('reports the upgrade-only rule changes apart, never hidden', () => {
    expect(report.productVersion.filter((c) => c.field === 'precedence')).toHaveLength(62);
    expect(report.productVersion.filter((c) => c.field === 'immutableTag')).toHaveLength(62);
    expect(report.productVersion[0]).toMatchObject({ connector: expect.any(String), primary: expect.any(String), staging: expect.any(String) });
  });

  it('counts the noise it ignored, by kind', () => {
    expect(report.ignored).toMatchObject({ connectorNameCase: 1, serverName: 1, exportDate: 1, nextStartTime: 1, lastDc: 1, serviceAccount: 2 });
    expect(report.ignored.guid).toBeGreaterThan(64 * 2);
    expect(report.ignored.timestamp).toBeGreaterThan(4);
    expect(report.ignored.cookie).toBe(2);
  });

  it('checks StagingMode as an expectation, not a difference', () => {
    expect(report.expected.map((e) => [e.server, e.expected, e.actual, e.ok])).toEqual([
      ['primary', 'False', 'False', true],
      ['staging', 'True', 'True', true],
    ]);
  });
});

describe('each real change gives exactly the one finding a person would name', () => {
  it('a custom rule missing on the staging server', async () => {
    const { report } = await pair(async (dir) => {
      const { rm } = await import('node:fs/promises');
      await rm(await ruleFile(dir, 'In from AD - User Custom Department'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ category: 'sync-rules', kind: 'removed', subject: 'In from AD - User Custom Department', field: 'rule', connector: 'contoso.com' });
    expect(report.differences[0]?.primary).toContain('custom');
  });

  it('an attribute flow changed (both expressions kept)', async () => {
    const { report } = await pair(async (dir) => {
      await editFile(await ruleFile(dir, 'In from AD - User Custom Department'), (t) => t.replace('Left([department],64)', 'Left([department],32)'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({
      category: 'sync-rules',
      kind: 'changed',
      field: 'attributeFlow[extensionAttribute10]',
      format: 'expression',
      primary: 'IIF(IsPresent([department]),Left([department],64),NULL)',
      staging: 'IIF(IsPresent([department]),Left([department],32),NULL)',
    });
  });

  it('an out-of-box attribute flow changed is drift too', async () => {
    const { report } = await pair(async (dir) => {
      await editFile(await ruleFile(dir, 'In from AD - User Common'), (t) => t.replace('<dest>displayName</dest>', '<dest>displayNameX</dest>'));
    });
    expect(report.differences.map((d) => [d.kind, d.field])).toEqual([
      ['removed', 'attributeFlow[displayName]'],
      ['added', 'attributeFlow[displayNameX]'],
    ].sort((a, b) => (a[1] as string).localeCompare(b[1] as string)));
  });

  it('a scoping filter changed', async () => {
    const { report } = await pair(async (dir) => {
      await editFile(await ruleFile(dir, 'In from AD - User Custom Department'), (t) => t.replace('<csValue>Employee</csValue>', '<csValue>Contractor</csValue>'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ field: 'scopingFilter', primary: 'employeeType EQUAL Employee', staging: 'employeeType EQUAL Contractor' });
  });

  it('a rule disabled', async () => {
    const { report } = await pair(async (dir) => {
      await editFile(await ruleFile(dir, 'In from AD - User Join'), (t) => t.replace('<disabled>False</disabled>', '<disabled>True</disabled>'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ category: 'sync-rules', subject: 'In from AD - User Join', field: 'disabled', primary: 'false', staging: 'true' });
  });

  it('a container exclusion added', async () => {
    const { report } = await pair(async (dir) => {
      await editFile(await adConnectorFile(dir), (t) => t.replace('<exclusion>DC=contoso,DC=com</exclusion>', '<exclusion>DC=contoso,DC=com</exclusion><exclusion>OU=Disabled Users,OU=CORP,DC=contoso,DC=com</exclusion>'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ category: 'scope', kind: 'added', subject: 'OU=Disabled Users,OU=CORP,DC=contoso,DC=com', field: 'containerExclusion' });
  });

  it('password hash sync on one side only', async () => {
    const { report } = await pair(async (dir) => {
      await setGlobal(dir, 'Microsoft.OptionalFeature.PasswordHashSync', 'True');
      await editFile(await adConnectorFile(dir), (t) => t.replace('<password-hash-sync-config><enabled>0</enabled>', '<password-hash-sync-config><enabled>1</enabled>'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ category: 'features', subject: 'Microsoft.OptionalFeature.PasswordHashSync', primary: 'False', staging: 'True' });
  });

  it('password writeback on one side only', async () => {
    const { report } = await pair((dir) => setGlobal(dir, 'Microsoft.OptionalFeature.PasswordWriteback', 'True'));
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ category: 'features', kind: 'changed', subject: 'Microsoft.OptionalFeature.PasswordWriteback' });
  });

  it("a connector's selected attributes changed", async () => {
    const { report } = await pair(async (dir) => {
      await editFile(await adConnectorFile(dir), (t) => t.replace('<attribute>wWWHomePage</attribute>', '<attribute>wWWHomePage</attribute><attribute>employeeNumber</attribute>'));
    });
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatchObject({ category: 'connectors', kind: 'added', subject: 'Contoso.COM', field: 'attributeInclusion[employeeNumber]', staging: 'employeeNumber' });
  });

  it('staging server not in staging mode is a failed expectation, not a difference', async () => {
    const { report } = await pair((dir) => setGlobal(dir, 'Microsoft.Synchronize.StagingMode', 'False'));
    expect(report.differences).toEqual([]);
    expect(report.expected[1]).toMatchObject({ server: 'staging', ok: false, actual: 'False' });
  });

  it('a Connect version mismatch ranks first', async () => {
    const { report } = await pair(async (dir) => {
      await setGlobal(dir, 'Microsoft.Synchronize.ServerConfigurationVersion', '2.4.27.0');
      await setGlobal(dir, 'Microsoft.OptionalFeature.PasswordWriteback', 'True');
    });
    expect(report.differences.map((d) => d.category)).toEqual(['version', 'features']);
    expect(report.staging.version).toBe('2.4.27.0');
  });

  it('per-server scheduler flags are state, not drift', async () => {
    const { report } = await pair(async (dir) => {
      await setGlobal(dir, 'Microsoft.Synchronize.SchedulerSuspended', 'True');
      await setGlobal(dir, 'Microsoft.Synchronize.MaintenanceEnabled', 'False');
    });
    expect(report.differences).toEqual([]);
    expect(report.ignored.serverState).toBe(2);
  });
});

describe('ids', () => {
  it('are stable across runs and unique', async () => {
    const change = async (dir: string) => setGlobal(dir, 'Microsoft.OptionalFeature.PasswordWriteback', 'True');
    const a = (await pair(change)).report.differences.map((d) => d.id);
    const b = (await pair(change)).report.differences.map((d) => d.id);
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^d-[0-9a-f]{10}$/);
  });
});

