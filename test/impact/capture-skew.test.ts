/** The pairing says when `same` cannot be trusted: snapshots captured apart, or at unknown times. */
import { describe, expect, it } from 'vitest';
import { pairSwitchImpact } from '../../src/impact/pair.js';
import { memorySource } from './memory-source.js';

const FILE = '<?xml version="1.0"?><cs-objects><cs-object cs-dn="CN={01}" id="{1}" object-type="user"><unapplied-export><delta operation="delete" dn="CN={01}"/></unapplied-export></cs-object></cs-objects>';

async function notes(active?: string, staging?: string): Promise<string[]> {
  const source = memorySource({ 'a/exports/aad.xml': FILE, 's/exports/aad.xml': FILE });
  const side = (root: string, capturedAt?: string) => ({ snapshot: root, files: [{ path: `${root}/exports/aad.xml`, connector: 'aad' }], ...(capturedAt ? { capturedAt } : {}) });
  return (await pairSwitchImpact(source, { active: side('a', active), staging: side('s', staging) })).notes.filter((note) => note.startsWith('Captured apart'));
}

describe('capture times in the notes', () => {
  it('says nothing after one sync cycle (up to 60 minutes apart)', async () => {
    expect(await notes('2026-11-24T07:20:00Z', '2026-11-24T08:20:00Z')).toEqual([]);
  });

  it.each([
    ['2026-11-24T07:20:00Z', '2026-11-24T08:21:00Z', 'the snapshots were captured 61 minutes apart (more than 60 minutes: not after the same sync cycle)'],
    ['2026-11-01T07:30:00Z', '2026-11-24T07:30:00Z', 'the snapshots were captured 23 days apart (more than 60 minutes: not after the same sync cycle)'],
    [undefined, '2026-11-24T07:30:00Z', "the active server's capture time is unknown (capturedAt in snapshot.json)"],
    ['yesterday', 'today', "the active server's and the staging server's capture time is unknown (capturedAt in snapshot.json)"],
  ])('names the gap between %s and %s', async (active, staging, why) => {
    expect(await notes(active, staging)).toEqual([`Captured apart: ${why}. An export in "same" may have been sent by one server since; the failover gate counts the deletes in "same" toward the threshold too.`]);
  });
});
