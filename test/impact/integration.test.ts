/** The switch impact where it shows: verify, the review, the gate's exports-verified row and the Action outputs. */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { evaluatePrerequisites } from '../../src/gate/evaluate.js';
import { reviewOutputs } from '../../src/github/outcome.js';
import { emptyClass } from '../../src/impact/classes.js';
import type { SwitchImpactReport } from '../../src/impact/types.js';
import { escapeText } from '../../src/report/markdown-text.js';
import { renderReview, renderVerifyReply } from '../../src/report/review.js';
import { verifyStaging } from '../../src/verify/verify.js';
import type { VerificationInputs } from '../../src/verify/types.js';
import { exportsReport, healthyInput } from '../gate/builders.js';
import { tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AAD = 'contoso.onmicrosoft.com - AAD';
const EXAMPLE: VerificationInputs = { primary: 'examples/primary', staging: 'examples/staging', exports: [], runbooks: ['examples/runbooks/failover-2026-11-24.md'], now: new Date('2026-11-24T09:00:00Z') };

/** `captured`: the two snapshots' capture times (active, staging); by default ten minutes apart, after one sync cycle. */
function impact(deletes: { stagingOnly?: number; same?: number; different?: number }, captured: [string | undefined, string | undefined] = ['2026-11-24T07:20:00Z', '2026-11-24T07:30:00Z']): SwitchImpactReport {
  const classes = { stagingOnly: emptyClass(), same: emptyClass(), different: emptyClass(), activeOnly: emptyClass() };
  for (const name of ['stagingOnly', 'same', 'different'] as const) {
    const count = deletes[name] ?? 0;
    classes[name] = { count, operations: { delete: count }, byConnector: { [AAD]: { user: { delete: count } }, 'contoso.com': { user: { delete: 1000 } } }, objects: [] };
  }
  return {
    schemaVersion: 1,
    active: { snapshot: 'snapshots/SYNC01', files: [], ...(captured[0] ? { capturedAt: captured[0] } : {}) },
    staging: { snapshot: 'snapshots/SYNC02', files: [], ...(captured[1] ? { capturedAt: captured[1] } : {}) },
    connectors: [{ connector: AAD, isEntraConnector: true }, { connector: 'contoso.com', isEntraConnector: false }],
    switchImpact: classes,
    sampleSize: 20,
    notes: [],
  };
}

/** The active server's manifest without these export files (as the collector writes it when it exported none). */
async function forgetExport(dir: string, ...names: string[]): Promise<void> {
  const file = path.join(dir, 'examples/primary/snapshot.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { exports: Record<string, string> };
  for (const name of names) delete manifest.exports[name];
  await writeFile(file, JSON.stringify(manifest));
}

describe('verify with the active server\'s exports (examples/)', () => {
  it('fails closed when the manifest names an export file that is not there: named, never a silent "not judged"', async () => {
    const dir = tempDir();
    await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    await rm(path.join(dir, 'examples/primary/exports/contoso.com.xml'));
    const result = await verifyStaging(new DiskFileSource(dir), EXAMPLE);
    expect(result.verdict).toBe('not-ready');
    expect(result.inputErrors.map((error) => error.message)).toEqual([
      'examples/primary/snapshot.json: names the export file exports/contoso.com.xml (connector "contoso.com"), which is not in examples/primary/exports: its pending exports cannot be judged',
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it('pairs them, shows the Switch impact section first among the export sections, and judges the gate on it', async () => {
    const result = await verifyStaging(new DiskFileSource(ROOT), EXAMPLE);
    expect(result.inputErrors).toEqual([]);
    const classes = result.impact?.switchImpact;
    expect([classes?.stagingOnly.count, classes?.same.count, classes?.different.count, classes?.activeOnly.count]).toEqual([43, 135, 39, 18]);
    // What the staging server reports is unchanged by the active server's exports.
    expect(result.exports?.operations).toEqual({ add: 55, update: 109, delete: 24, replace: 22, 'delete-add': 7 });

    const review = renderReview(result);
    const impactAt = review.indexOf('### Switch impact');
    expect(impactAt).toBeGreaterThan(0);
    expect(impactAt).toBeLessThan(review.indexOf('### contoso\\.com'));
    expect(review).toContain('**Switching will export 82 changes the active server would not: 27 adds, 46 updates, 7 deletes, 2 delete\\-adds.**');
    const reply = renderVerifyReply(result, { sha: 'abc123', commandUrl: 'https://github.com/o/r/pull/1#issuecomment-1' });
    expect(reply.indexOf('### Switch impact')).toBeLessThan(reply.indexOf('### contoso\\.com'));

    const row = result.gates[0]?.prerequisites.find((p) => p.id === 'exports-verified');
    expect(row?.evidence).toContain(
      "switch impact judged (the active server's exports paired with the staging server's): 7 deletes to Entra ID that the switch itself exports (stagingOnly + different); 16 pending on both servers (same) not counted: 7 deletes (5 deletes + 2 delete-adds), within the limit of 500 (from the snapshot configuration)",
    );
    expect(reviewOutputs(result)).toMatchObject({ 'switch-adds': 27, 'switch-updates': 46, 'switch-deletes': 7, 'switch-delete-adds': 2, 'switch-different': 39 });
  });

  it('redacts the switch impact with the rest of the review (names, DNs and values hashed, attribute names kept)', async () => {
    const result = await verifyStaging(new DiskFileSource(ROOT), { ...EXAMPLE, redact: true, redactKey: 'a-test-key-of-32-characters-long' });
    const objects = Object.values(result.impact?.switchImpact ?? {}).flatMap((value) => ('objects' in value ? value.objects : []));
    expect(objects.length).toBeGreaterThan(40);
    for (const object of objects) {
      if (object.displayName !== undefined) expect(object.displayName).toMatch(/^~[0-9a-f]{10}$/);
      if (object.upn !== undefined) expect(object.upn).toMatch(/^~[0-9a-f]{10}$/);
      for (const change of [...(object.staging?.changes ?? []), ...(object.active?.changes ?? [])]) {
        for (const value of [...(change.new ?? []), ...(change.old ?? []), ...(change.added ?? []), ...(change.removed ?? [])]) expect(value).toMatch(/^~[0-9a-f]{10}$/);
      }
    }
    const review = renderReview(result);
    expect(review).not.toContain('Lynne Wilke');
    expect(review).not.toContain('lynne\\.wilke1');
    expect(review).not.toContain('lynne.wilke1');
    expect(review).toContain('### Switch impact');
  });

  it('leaves the active server\'s exports out of the staging review when the default glob matches both snapshots', async () => {
    const dir = tempDir();
    await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    const result = await verifyStaging(new DiskFileSource(dir), { ...EXAMPLE, exports: ['**/exports/*.xml', '**/exports/*.xml.gz'] });
    expect(result.inputErrors).toEqual([]);
    expect(result.exports?.objects).toBe(217);
    expect(result.exports?.files).toEqual(['examples/staging/exports/contoso.com.xml', 'examples/staging/exports/contoso.onmicrosoft.com - AAD.xml']);
    expect(result.impact?.switchImpact.activeOnly.count).toBe(18);
    // Without --primary too: the manifest's "role": "active" says whose exports they are.
    const stagingOnly = await verifyStaging(new DiskFileSource(dir), { exports: ['**/exports/*.xml'], staging: 'examples/staging', runbooks: [], now: EXAMPLE.now });
    expect(stagingOnly.exports?.objects).toBe(217);
    await rm(dir, { recursive: true, force: true });
  });

  it('reports an unpairable active snapshot as unreadable input (never ready), and the gate says the impact is unreadable', async () => {
    const dir = tempDir();
    await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    await rm(path.join(dir, 'examples/primary/exports/contoso.com.xml'));
    await forgetExport(dir, 'contoso.com.xml');
    const result = await verifyStaging(new DiskFileSource(dir), EXAMPLE);
    expect(result.verdict).toBe('not-ready');
    expect(result.impact).toBeUndefined();
    expect(result.inputErrors.map((error) => error.message)).toEqual([
      'examples/staging/exports/contoso.com.xml: the staging server has an export file for connector "contoso.com" but the active server has none: export it there too, or map its name with --map ACTIVE=STAGING',
    ]);
    const row = result.gates[0]?.prerequisites.find((p) => p.id === 'exports-verified');
    expect(row?.evidence.some((line) => line.startsWith("switch impact unreadable (the active server's exports could not be paired with the staging server's): examples/staging/exports/contoso.com.xml: the staging server has an export file for connector \"contoso.com\""))).toBe(true);
    expect(reviewOutputs(result)).not.toHaveProperty('switch-adds');
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the switch outputs out when the active snapshot has no exports (not judged is not zero)', async () => {
    const dir = tempDir();
    await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    await rm(path.join(dir, 'examples/primary/exports'), { recursive: true });
    await forgetExport(dir, 'contoso.com.xml', 'contoso.onmicrosoft.com - AAD.xml');
    const result = await verifyStaging(new DiskFileSource(dir), EXAMPLE);
    expect(result.impact).toBeUndefined();
    expect(result.inputErrors).toEqual([]);
    expect(renderReview(result)).toContain(
      `### Switch impact: not judged\n\n${escapeText("the active server's snapshot (examples/primary) has no pending-export files (exports/): what the switch itself exports is not told apart from what the active server exports anyway, so every pending export and delete counts.")}`,
    );
    expect(Object.keys(reviewOutputs(result))).toEqual(['adds', 'updates', 'deletes', 'delete-adds', 'threshold-exceeded', 'drift-count']);
    const row = result.gates[0]?.prerequisites.find((p) => p.id === 'exports-verified');
    expect(row?.evidence).toContain('contoso.onmicrosoft.com - AAD: 23 deletes, within the limit of 500 (from the snapshot configuration)');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('exports-verified judged on the switch impact', () => {
  const row = (report: SwitchImpactReport | undefined, unreadable?: string) =>
    evaluatePrerequisites(healthyInput({ exports: exportsReport(), ...(report ? { impact: report } : {}), ...(unreadable ? { unreadable: { impact: unreadable } } : {}) })).prerequisites.find((p) => p.id === 'exports-verified');

  it('counts stagingOnly and different deletes to Entra ID against the threshold, never the same ones', () => {
    const over = row(impact({ stagingOnly: 450, different: 51, same: 10 }));
    expect(over?.status).toBe('contradicted');
    expect(over?.evidence[1]).toBe(
      "switch impact judged (the active server's exports paired with the staging server's): 501 deletes to Entra ID that the switch itself exports (stagingOnly + different); 10 pending on both servers (same) not counted: 501 deletes, over the limit of 500 (from the snapshot configuration)",
    );
    const sameOnly = row(impact({ stagingOnly: 3, same: 5000 }));
    expect(sameOnly?.status).toBe('satisfied');
    expect(sameOnly?.evidence[1]).toBe(
      "switch impact judged (the active server's exports paired with the staging server's): 3 deletes to Entra ID that the switch itself exports (stagingOnly + different); 5,000 pending on both servers (same) not counted: 3 deletes, within the limit of 500 (from the snapshot configuration)",
    );
  });

  it('counts the same ones too when the snapshots were not captured after one sync cycle, or when it cannot tell', () => {
    const apart = row(impact({ stagingOnly: 3, same: 600 }, ['2026-11-23T13:00:00Z', '2026-11-24T07:30:00Z']));
    expect(apart?.status).toBe('contradicted');
    expect(apart?.evidence[1]).toBe(
      "switch impact judged (the active server's exports paired with the staging server's): 3 deletes to Entra ID that the switch itself exports (stagingOnly + different); 600 pending on both servers (same) counted too: the snapshots were captured 18.5 hours apart (more than 60 minutes: not after the same sync cycle): 603 deletes, over the limit of 500 (from the snapshot configuration)",
    );
    const unknown = row(impact({ stagingOnly: 3, same: 600 }, ['2026-11-24T07:20:00Z', undefined]));
    expect(unknown?.status).toBe('contradicted');
    expect(unknown?.evidence[1]).toContain("600 pending on both servers (same) counted too: the staging server's capture time is unknown (capturedAt in snapshot.json): 603 deletes, over the limit of 500");
    const justWithin = row(impact({ stagingOnly: 3, same: 600 }, ['2026-11-24T07:20:00Z', '2026-11-24T08:20:00Z']));
    expect(justWithin?.status).toBe('satisfied');
  });

  it('fails the switch deletes over the configured value when protection is off: nothing will stop them', () => {
    const base = exportsReport();
    const off = { ...base.threshold, protectionEnabled: false };
    const exports = { ...base, threshold: off, connectors: base.connectors.map((c) => ({ ...c, threshold: off })) };
    const result = evaluatePrerequisites(healthyInput({ exports, impact: impact({ stagingOnly: 501 }) })).prerequisites.find((p) => p.id === 'exports-verified');
    expect(result?.status).toBe('contradicted');
    expect(result?.evidence[1]).toBe(
      "switch impact judged (the active server's exports paired with the staging server's): 501 deletes to Entra ID that the switch itself exports (stagingOnly + different); 0 pending on both servers (same) not counted: 501 deletes, over the limit of 500 (from the snapshot configuration), and accidental-delete protection is off: nothing will stop them",
    );
  });

  it('fails closed when the pairing could not be read', () => {
    const result = row(undefined, 'snapshots/SYNC01/exports/aad.xml:3:7: malformed XML: unexpected close tag');
    expect(result?.status).toBe('unsatisfied');
    expect(result?.evidence[1]).toBe("switch impact unreadable (the active server's exports could not be paired with the staging server's): snapshots/SYNC01/exports/aad.xml:3:7: malformed XML: unexpected close tag");
  });
});
