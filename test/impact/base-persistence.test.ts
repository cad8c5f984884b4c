/**
 * Persistent vs new in a pull request: verifyStaging given the base commit's files (here a folder standing for it)
 * pairs the same two snapshot folders read there, and says why when it cannot.
 */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { renderReview } from '../../src/report/review.js';
import { verifyStaging } from '../../src/verify/verify.js';
import type { VerificationInputs } from '../../src/verify/types.js';
import { tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE: VerificationInputs = { primary: 'examples/primary', staging: 'examples/staging', exports: [], runbooks: [], now: new Date('2026-11-24T09:00:00Z') };
const AAD = 'contoso.onmicrosoft.com - AAD.xml';

/** A copy of examples/ standing for the base commit, changed by `edit`. */
async function baseCommit(edit: (dir: string) => Promise<void> = async () => {}): Promise<DiskFileSource> {
  const dir = tempDir();
  await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  await edit(dir);
  return new DiskFileSource(dir);
}

describe('the switch impact against the base commit\'s snapshots', () => {
  it('an unchanged base: every export is persistent and nothing is new on either server', async () => {
    const result = await verifyStaging(new DiskFileSource(ROOT), EXAMPLE, { base: await baseCommit() });
    expect(result.inputErrors).toEqual([]);
    expect(result.impact?.switchImpact.persistent).toEqual({ stagingOnly: 43, same: 135, different: 39, activeOnly: 18 });
    expect(result.impact?.newSinceBase?.staging.count).toBe(0);
    expect(result.impact?.newSinceBase?.active.count).toBe(0);
    expect(result.impact?.notes.join(' ')).not.toContain('cannot be told apart');
  });

  it('a base where the staging server pended what the active server pends now: only the shared exports persist on staging', async () => {
    // At the base, the staging server's exports were the active server's of today: what staging exports now and the
    // active server does not (stagingOnly, different) is new on staging; everything the active server pends is persistent.
    const base = await baseCommit(async (dir) => {
      for (const file of ['contoso.com.xml', AAD]) await cp(path.join(ROOT, 'examples/primary/exports', file), path.join(dir, 'examples/staging/exports', file));
    });
    const result = await verifyStaging(new DiskFileSource(ROOT), EXAMPLE, { base });
    expect(result.impact?.switchImpact.persistent).toEqual({ stagingOnly: 0, same: 135, different: 0, activeOnly: 18 });
    expect(result.impact?.newSinceBase?.staging.count).toBe(43 + 39);
    expect(result.impact?.newSinceBase?.active.count).toBe(0);
    expect(result.impact?.base?.staging.files).toEqual([`${base.describe('examples/staging/exports/contoso.com.xml')}`, base.describe(`examples/staging/exports/${AAD}`)]);
    const review = renderReview(result);
    expect(review).toMatch(/\| Persistent \|/);
  });

  it('a base without the snapshots: the impact is judged, and the note names what was missing', async () => {
    const base = new DiskFileSource(tempDir());
    const result = await verifyStaging(new DiskFileSource(ROOT), EXAMPLE, { base });
    expect(result.inputErrors).toEqual([]);
    expect(result.impact?.switchImpact.persistent).toBeUndefined();
    expect(result.impact?.notes[0]).toBe(
      `No usable base snapshot of the active server at ${base.describe('examples/primary')} (no server snapshot here (snapshot.json, exports/): expected the active server's snapshot folder): transient exports (which the next sync cycle exports or clears anyway) cannot be told apart from persistent ones.`,
    );
  });

  it('a base whose export file is malformed: named in the note; the review of the head is not blocked by the base', async () => {
    const base = await baseCommit(async (dir) => writeFile(path.join(dir, 'examples/staging/exports', AAD), '<cs-objects><cs-object id="{1}"'));
    const result = await verifyStaging(new DiskFileSource(ROOT), EXAMPLE, { base });
    expect(result.inputErrors).toEqual([]);
    expect(result.impact?.switchImpact.stagingOnly.count).toBe(43);
    expect(result.impact?.switchImpact.persistent).toBeUndefined();
    expect(result.impact?.notes[0]).toMatch(new RegExp(`^The base snapshots could not be read \\(${escape(base.describe(`examples/staging/exports/${AAD}`))}:1:\\d+: .+\\): transient exports`));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
