/** verifyStaging on the example servers: the verdict, its reasons, the gate, and what it refuses. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { readActionInputs } from '../../src/github/inputs.js';
import { configFileToSettings, mergeSettings, settingsToVerificationInputs } from '../../src/github/settings.js';
import { renderReview } from '../../src/report/review.js';
import { configChangesSince, compareExportReports, describeMovement } from '../../src/verify/compare.js';
import { failOnReasons } from '../../src/verify/fail-on.js';
import { verifyStaging } from '../../src/verify/verify.js';
import type { VerificationInputs } from '../../src/verify/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const source = new DiskFileSource(ROOT);
const NOW = new Date('2026-11-24T09:00:00Z');
const EXAMPLE: VerificationInputs = {
  primary: 'examples/primary',
  staging: 'examples/staging',
  exports: [],
  runbooks: ['examples/runbooks/failover-2026-11-24.md'],
  now: NOW,
};

describe('verifyStaging on the example servers', () => {
  it('is not ready, for the reasons an operator must act on, in order', async () => {
    const result = await verifyStaging(source, EXAMPLE);
    expect(result.verdict).toBe('not-ready');
    expect(result.inputErrors).toEqual([]);
    expect(result.reasons).toEqual([
      'contoso.com: 2 export errors',
      'contoso.com: 15 risky changes to review',
      'contoso.onmicrosoft.com - AAD: 8 export errors',
      'contoso.onmicrosoft.com - AAD: 33 risky changes to review',
      '2 configuration differences between the primary and the staging server',
      'examples/runbooks/failover-2026-11-24.md: 4 of 8 prerequisites satisfied',
    ]);
    expect(result.exports?.operations).toEqual({ add: 55, update: 109, delete: 24, replace: 22, 'delete-add': 7 });
    // The threshold comes from the staging server's configuration, not the default.
    expect(result.exports?.connectors.find((c) => c.isEntraConnector)?.threshold).toMatchObject({ limit: 500, source: 'configuration', exceeded: false });
    expect(result.gates.map((gate) => gate.prerequisites.map((p) => `${p.id}:${p.status}`))).toEqual([
      ['one-active:satisfied', 'one-staging:satisfied', 'staging-synced:satisfied', 'initial-sync:unsatisfied', 'delete-protection:satisfied', 'exports-verified:unsatisfied', 'no-drift:contradicted', 'health-agent:unsatisfied'],
    ]);
  });

  it('takes the staging snapshot’s export files when no glob is given, named by its manifest', async () => {
    const result = await verifyStaging(source, { ...EXAMPLE, runbooks: [] });
    expect(result.exports?.connectors.map((c) => c.connector)).toEqual(['contoso.com', 'contoso.onmicrosoft.com - AAD']);
  });

  it('collects unreadable input instead of stopping, and is never ready then', async () => {
    const result = await verifyStaging(source, { ...EXAMPLE, exports: ['examples/nowhere/*.xml'], runbooks: [] });
    expect(result.verdict).toBe('not-ready');
    expect(result.inputErrors.map((error) => error.message)).toEqual(['examples/nowhere/*.xml: no pending-export file (.xml or .xml.gz) matches this path or pattern']);
    expect(result.reasons[0]).toBe('unreadable input: examples/nowhere/*.xml: no pending-export file (.xml or .xml.gz) matches this path or pattern');
    expect(result.reasons).toContain('no pending-export file of the staging server was analysed');
  });

  it('refuses to run with redaction on and no key', async () => {
    await expect(verifyStaging(source, { ...EXAMPLE, redact: true })).rejects.toThrow('redaction is on but no key was given');
  });

  it('redacts names with the key, and never reports the key', async () => {
    const result = await verifyStaging(source, { ...EXAMPLE, runbooks: [], redact: true, redactKey: 'a key of sixteen chars or more' });
    const text = JSON.stringify(result.exports) + renderReview(result);
    const clear = (await verifyStaging(source, { ...EXAMPLE, runbooks: [] })).exports!.deletes.sample.map((identity) => identity.upn).filter(Boolean) as string[];
    expect(clear.length).toBeGreaterThan(0);
    for (const upn of clear) expect(text).not.toContain(upn);
    expect(JSON.stringify(result.inputs)).not.toContain('a key of sixteen');
  });
});

describe('comparing with the base branch', () => {
  it('says how the pending exports moved, per connector', async () => {
    const head = await verifyStaging(source, { ...EXAMPLE, runbooks: [] });
    const base = structuredClone(head);
    const aad = base.exports!.connectors.find((c) => c.isEntraConnector)!;
    aad.operations = { ...aad.operations, delete: (aad.operations.delete ?? 0) - 5, add: (aad.operations.add ?? 0) + 2 };
    const [, moved] = compareExportReports(base.exports!, head.exports!);
    expect(describeMovement(moved!, 'main')).toBe('−2 adds, +5 deletes since main');
  });

  it('shows the configuration change a PR makes to one server, and nothing when it makes none', async () => {
    const head = await verifyStaging(source, { ...EXAMPLE, runbooks: [] });
    expect(configChangesSince(head, head)).toEqual([]);
    // The base branch had the primary's configuration on the staging side: the PR removed a custom rule there.
    const base = { ...head, configs: { staging: head.configs!.primary! } };
    const changes = configChangesSince(base, head);
    expect(changes.map((change) => [change.server, change.report.differences.length])).toEqual([['staging (SYNC02)', 2]]);
    const markdown = renderReview(head, { configChanges: changes });
    expect(markdown).toContain('## Configuration change in this pull request: staging \\(SYNC02\\)');
    expect(markdown).toContain("**2 changes** to this server's configuration: make the same change on the other server before a failover.");
    expect(markdown).toMatch(/\| Id +\| Change +\| Subject +\| Field +\| Base branch +\| This pull request +\|/);
  });
});

describe('failOnReasons', () => {
  it('names each condition that holds, and nothing with none', async () => {
    const result = await verifyStaging(source, EXAMPLE);
    const subject = { exports: [result.exports!, ...result.exports!.connectors], drift: result.drift, gates: result.gates, verdict: result.verdict };
    expect(failOnReasons(['threshold', 'errors', 'risky', 'drift', 'prerequisites', 'not-ready'], subject)).toEqual([
      'errors: 10 object(s) with export errors',
      'risky: 48 risky change(s)',
      'drift: 2 difference(s) between the primary and the staging server',
      'prerequisites: examples/runbooks/failover-2026-11-24.md: 4 of 8 prerequisites satisfied',
      'not-ready: the staging server is not ready to switch',
    ]);
    expect(failOnReasons(['errors', 'none'], subject)).toEqual([]);
  });
});

describe('the accidental-delete threshold in the verification and its review', () => {
  /** A copy of examples/ whose staging MV.xml says protection `enabled` with threshold `value`. */
  function examplesWith(enabled: string, value: string): DiskFileSource {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    const mv = path.join(dir, 'examples/staging/config/GlobalSettings/MV.xml');
    const xml = readFileSync(mv, 'utf8')
      .replace(/(ExportDeletionThreshold" [^>]*>)True</, `$1${enabled}<`)
      .replace(/(ExportDeletionThresholdValue" [^>]*>)500</, `$1${value}<`);
    writeFileSync(mv, xml);
    return new DiskFileSource(dir);
  }

  it('is never ready when protection is off and the deletes are over the configured value, and every place says nothing will stop them', async () => {
    const result = await verifyStaging(examplesWith('False', '5'), EXAMPLE);
    const sentence = 'contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 5 (from the snapshot configuration), and accidental-delete protection is off: nothing will stop them';
    expect(result.verdict).toBe('not-ready');
    expect(result.reasons).toContain(sentence);
    expect(result.exports?.threshold).toEqual({ limit: 5, source: 'configuration', deletes: 23, exceeded: true, applies: true, protectionEnabled: false });
    expect(failOnReasons(['threshold'], { exports: [result.exports!, ...result.exports!.connectors] })).toEqual([`threshold: ${sentence}`]);
    const row = result.gates[0]?.prerequisites.find((p) => p.id === 'exports-verified');
    // The runbook names the active server: the gate judges the deletes the switch itself exports, by the same rule.
    expect(row?.status).not.toBe('satisfied');
    expect(row?.evidence[1]).toBe(
      "switch impact judged (the active server's exports paired with the staging server's): 7 deletes to Entra ID that the switch itself exports (stagingOnly + different); 16 pending on both servers (same) not counted: 7 deletes (5 deletes + 2 delete-adds), over the limit of 5 (from the snapshot configuration), and accidental-delete protection is off: nothing will stop them",
    );
    expect(renderReview(result)).toContain('23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), over the limit of 5 \\(from the snapshot configuration\\), and accidental\\-delete protection is off: nothing will stop them');
  });

  it('lets an explicit deletion threshold win over the staging configuration, and the review says which limit was used', async () => {
    const result = await verifyStaging(source, { ...EXAMPLE, runbooks: [], deletionThreshold: 3 });
    expect(result.reasons).toContain('contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 3 (set by the deletion-threshold option)');
    expect(result.exports?.threshold).toMatchObject({ limit: 3, source: 'option', deletes: 23, exceeded: true });
    const review = renderReview(result);
    expect(review).toContain('23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), over the limit of 3 \\(set by the deletion\\-threshold option\\)');
    expect(failOnReasons(['threshold'], { exports: [result.exports!, ...result.exports!.connectors] })).toEqual([
      'threshold: contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 3 (set by the deletion-threshold option)',
    ]);
    const configured = await verifyStaging(source, { ...EXAMPLE, runbooks: [] });
    expect(renderReview(configured)).toContain('23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), within the limit of 500 \\(from the snapshot configuration\\)');
  });

  it('is never ready, and the gate row cannot be satisfied, when the staging configuration’s threshold cannot be read', async () => {
    const result = await verifyStaging(examplesWith('True', 'lots'), EXAMPLE);
    const unreadable = 'examples/staging/config/GlobalSettings/MV.xml: Microsoft.OptionalFeature.ExportDeletionThresholdValue "lots" is not a whole number';
    expect(result.exports?.threshold).toEqual({ limit: 500, source: 'default', deletes: 23, exceeded: false, applies: true, unreadable });
    expect(result.verdict).toBe('not-ready');
    expect(result.reasons).toContain(
      `contoso.onmicrosoft.com - AAD: 23 deletes, not judged: the snapshot configuration's accidental-delete threshold cannot be read (${unreadable}); within the default limit of 500`,
    );
    const row = result.gates[0]?.prerequisites.find((p) => p.id === 'exports-verified');
    expect(row?.status).toBe('unsatisfied');
    expect(row?.evidence[1]).toBe(
      `switch impact judged (the active server's exports paired with the staging server's): 7 deletes to Entra ID that the switch itself exports (stagingOnly + different); 16 pending on both servers (same) not counted: 7 deletes (5 deletes + 2 delete-adds), not judged: the snapshot configuration's accidental-delete threshold cannot be read (${unreadable}); within the default limit of 500`,
    );
    // Without the active server's exports the gate judges every pending delete, and still cannot be satisfied.
    const stagingOnly = await verifyStaging(examplesWith('True', 'lots'), { ...EXAMPLE, primary: undefined, runbooks: [] });
    expect(stagingOnly.reasons).toContain(
      `contoso.onmicrosoft.com - AAD: 23 deletes, not judged: the snapshot configuration's accidental-delete threshold cannot be read (${unreadable}); within the default limit of 500`,
    );
  });

  it('says what set an explicit limit: the CLI option, the Action input, or .github/syncstage.yml', async () => {
    const run = async (settingsLayers: Parameters<typeof mergeSettings>) => {
      const inputs = settingsToVerificationInputs(mergeSettings(...settingsLayers), NOW);
      const result = await verifyStaging(source, { ...EXAMPLE, ...inputs, primary: 'examples/primary', staging: 'examples/staging', exports: [], runbooks: [] });
      return { threshold: result.exports?.threshold, review: renderReview(result), reasons: result.reasons };
    };
    const fromFile = await run([configFileToSettings({ 'deletion-threshold': 3 })]);
    expect(fromFile.threshold).toMatchObject({ limit: 3, source: 'option', setBy: 'settings-file' });
    expect(fromFile.reasons).toContain('contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 3 (set by deletion-threshold in .github/syncstage.yml)');
    expect(fromFile.review).toContain('23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), over the limit of 3 \\(set by deletion\\-threshold in \\.github/syncstage\\.yml\\)');
    // The Action's input wins over the file, and says so.
    const fromInput = await run([configFileToSettings({ 'deletion-threshold': 3 }), readActionInputs({ 'INPUT_DELETION-THRESHOLD': '4' }).settings]);
    expect(fromInput.threshold).toMatchObject({ limit: 4, source: 'option', setBy: 'action-input' });
    expect(fromInput.reasons).toContain("contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 4 (set by the Action's deletion-threshold input)");
    // An input left out keeps the file's value, and the file's words.
    const fileUnderEmptyInputs = await run([configFileToSettings({ 'deletion-threshold': 3 }), readActionInputs({}).settings]);
    expect(fileUnderEmptyInputs.threshold).toMatchObject({ limit: 3, setBy: 'settings-file' });
    const cli = await verifyStaging(source, { ...EXAMPLE, runbooks: [], deletionThreshold: 3, deletionThresholdSetBy: 'cli-option' });
    expect(cli.reasons).toContain('contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 3 (set by the --deletion-threshold option)');
  });

  it('judges a file of unknown connector kind as Entra ID, and the review says so', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.xml'), '<cs-objects/>');
    const result = await verifyStaging(new DiskFileSource(dir), { exports: ['empty.xml'], runbooks: [], now: NOW });
    expect(result.inputErrors).toEqual([]);
    // verify has no --connector (nor have the Action and the App): the advice names snapshot.json's map.
    const note = 'connector kind unknown: judged as Entra ID for the threshold; name its connector in snapshot.json\'s "exports" map (the file in that snapshot\'s exports/ folder)';
    expect(result.exports?.connectors[0]?.connectorKind).toEqual({ kind: 'unknown', source: 'none', note });
    expect(result.exports?.connectors[0]?.threshold).toMatchObject({ applies: true, exceeded: false });
    expect(renderReview(result)).toContain('⚠️ connector kind unknown: judged as Entra ID for the threshold; name its connector in snapshot\\.json\'s "exports" map \\(the file in that snapshot\'s exports/ folder\\)\\.');
    expect(renderReview(result)).not.toContain('connector or');
  });

  it('is never ready when the export content contradicts the staging configuration', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'mixed.xml'), '<cs-objects><cs-object cs-dn="CN={41}" id="1" object-type="user"/><cs-object cs-dn="CN=B,DC=contoso,DC=com" id="2" object-type="user"/></cs-objects>');
    const result = await verifyStaging(new DiskFileSource(dir), { exports: ['mixed.xml'], runbooks: [], now: NOW });
    expect(result.verdict).toBe('not-ready');
    expect(result.reasons[0]).toMatch(/^unreadable input: mixed\.xml:1:\d+: this file mixes two connectors: an earlier object's DN has the Entra ID connector's form CN=\{hex\}, but this object's DN is not/);
  });
});
