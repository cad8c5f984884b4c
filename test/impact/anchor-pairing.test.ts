/**
 * Objects paired by the delta's <anchor> when the two servers name them by different DNs: a user moved in AD that
 * one server has seen (its export renames the object) and the other has not yet.
 */
import { describe, expect, it } from 'vitest';
import { pairSwitchImpact } from '../../src/impact/pair.js';
import { memorySource } from './memory-source.js';

const AD = 'contoso.com';

/** One cs-object with an update of `department` (and a rename when `newDn` is given). */
function object(id: string, dn: string, anchor: string | undefined, department: string, newDn?: string): string {
  return `<cs-object cs-dn="${dn}" id="{${id}}" object-type="user"><unapplied-export>
<delta operation="update" dn="${dn}"${newDn ? ` newdn="${newDn}"` : ''}>${anchor ? `<anchor encoding="base64">${anchor}</anchor>` : ''}
<attr name="department" type="string" multivalued="false" operation="replace"><value>${department}</value></attr>
</delta></unapplied-export></cs-object>`;
}

const file = (...objects: string[]) => `<?xml version="1.0" encoding="UTF-8"?><cs-objects>${objects.join('\n')}</cs-objects>`;

async function pair(active: string, staging: string) {
  const source = memorySource({ 'a/exports/ad.xml': active, 's/exports/ad.xml': staging });
  const side = (root: string) => ({ snapshot: root, files: [{ path: `${root}/exports/ad.xml`, connector: AD }] });
  const report = await pairSwitchImpact(source, { active: side('a'), staging: side('s') });
  const classes = report.switchImpact;
  return { counts: [classes.stagingOnly.count, classes.same.count, classes.different.count, classes.activeOnly.count], classes };
}

const OLD = 'CN=Megan Bowen,OU=Sales,DC=contoso,DC=com';
const NEW = 'CN=Megan Bowen,OU=Marketing,DC=contoso,DC=com';
const GUID = 'q2xvdWRfbWVnYW4xMjM0NQ==';

describe('pairing by anchor', () => {
  it('pairs an object the active server knows at its new DN and the staging server still renames: different, not two strangers', async () => {
    // Counts: [stagingOnly, same, different, activeOnly].
    const { counts, classes } = await pair(file(object('a1', NEW, GUID, 'Marketing')), file(object('s1', OLD, GUID, 'Marketing', NEW)));
    expect(counts).toEqual([0, 0, 1, 0]);
    expect(classes.different.objects[0]).toMatchObject({ dn: OLD, staging: { operation: 'update', newDn: NEW }, active: { operation: 'update' } });
  });

  it('without anchors the same two exports cannot be paired (the DNs differ): one stagingOnly and one activeOnly', async () => {
    const { counts } = await pair(file(object('a1', NEW, undefined, 'Marketing')), file(object('s1', OLD, undefined, 'Marketing', NEW)));
    expect(counts).toEqual([1, 0, 0, 1]);
  });

  it('the DN wins when both servers have an export there; the anchor only pairs what the DN leaves unpaired', async () => {
    const { counts } = await pair(
      file(object('a1', OLD, GUID, 'Sales'), object('a2', NEW, 'b3RoZXI=', 'Marketing')),
      file(object('s1', OLD, GUID, 'Sales'), object('s2', NEW, 'b3RoZXI=', 'Marketing')),
    );
    expect(counts).toEqual([0, 2, 0, 0]);
  });

  it('different anchors at different DNs stay apart', async () => {
    const { counts } = await pair(file(object('a1', NEW, 'b3RoZXI=', 'Marketing')), file(object('s1', OLD, GUID, 'Marketing', NEW)));
    expect(counts).toEqual([1, 0, 0, 1]);
  });

  it('an object moved away while another took its old DN: each pairs with its own, whatever the order of the file', async () => {
    // Active: Megan (anchor GUID) still at OLD. Staging: Megan already at NEW, and another object now at OLD.
    const active = file(object('a1', OLD, GUID, 'Sales'));
    const megan = object('s1', NEW, GUID, 'Marketing');
    const other = object('s2', OLD, 'b3RoZXI=', 'Other');
    for (const staging of [file(megan, other), file(other, megan)]) {
      const { counts, classes } = await pair(active, staging);
      expect(counts).toEqual([1, 0, 1, 0]);
      expect(classes.different.objects[0]?.dn).toBe(NEW);
      expect(classes.stagingOnly.objects[0]?.dn).toBe(OLD);
    }
  });

  it('two exports at one DN with different anchors are two objects: never paired by the DN', async () => {
    const { counts } = await pair(file(object('a1', OLD, GUID, 'Sales')), file(object('s1', OLD, 'b3RoZXI=', 'Sales')));
    expect(counts).toEqual([1, 0, 0, 1]);
  });

  it('a second staging export to a DN another one reached by its anchor is still a duplicate', async () => {
    await expect(pair(file(object('a1', NEW, GUID, 'Marketing')), file(object('s1', OLD, GUID, 'Marketing', NEW), object('s2', OLD, undefined, 'Sales')))).rejects.toThrow(
      /^s\/exports\/ad\.xml:\d+:\d+: a second pending export to CN=Megan Bowen,OU=Sales,DC=contoso,DC=com on connector "contoso\.com": the pairing needs one per object$/,
    );
  });

  it('two staging exports with one anchor are an error too', async () => {
    await expect(pair(file(object('a1', OLD, GUID, 'Sales')), file(object('s1', OLD, GUID, 'Sales'), object('s2', NEW, GUID, 'Marketing')))).rejects.toThrow(
      /^s\/exports\/ad\.xml:\d+:\d+: a second pending export with the anchor q2xvdWRfbWVnYW4xMjM0NQ== on connector "contoso\.com"/,
    );
  });

  it('two pending exports with one anchor on one server are an error naming the file, the position and the anchor', async () => {
    await expect(pair(file(object('a1', OLD, GUID, 'Sales'), object('a2', NEW, GUID, 'Marketing')), file(object('s1', OLD, GUID, 'Sales')))).rejects.toThrow(
      /^a\/exports\/ad\.xml:\d+:\d+: a second pending export with the anchor q2xvdWRfbWVnYW4xMjM0NQ== on connector "contoso\.com": the pairing needs one per object$/,
    );
  });
});
