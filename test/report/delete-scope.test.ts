/**
 * Issue 13 item 3: deletes on the Entra ID connector carry who and where (display name, UPN and the hologram's
 * onPremisesDistinguishedName), are counted per AD container over every delete (not only the sample), and a scope
 * drift finding that covers a container is named beside its count.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DriftDifference } from '../../src/config/types.js';
import { aggregateSummaries } from '../../src/exports/aggregate.js';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { scopeFindingFor } from '../../src/report/delete-scope.js';
import { renderExportsMarkdown } from '../../src/report/exports-markdown.js';
import { renderGfm, visibleText } from '../support/gfm.js';

const AAD = { connector: 'contoso.onmicrosoft.com - AAD', declaredKind: { kind: 'entra', source: 'option' } } as const;

const attr = (name: string, value: string) => `<attr name="${name}" type="string" multivalued="false"><value>${value}</value></attr>`;

function deleted(i: number, ou: string): string {
  const dn = `CN={${(0x5500 + i).toString(16).toUpperCase()}}`;
  return `<cs-object cs-dn="${dn}" id="{${String(i).padStart(8, '0')}-0000-4000-8000-000000000000}" object-type="user"><unapplied-export><delta operation="delete" dn="${dn}"/></unapplied-export><synchronized-hologram><entry dn="${dn}">${attr('displayName', `User ${i}`)}${attr('userPrincipalName', `user${i}@contoso.com`)}${attr('onPremisesDistinguishedName', `CN=User ${i},${ou}`)}</entry></synchronized-hologram></cs-object>`;
}

const DISABLED = 'OU=Disabled Users,OU=CORP,DC=contoso,DC=com';
const SALES = 'OU=Sales,OU=CORP,DC=contoso,DC=com';

const drift: DriftDifference[] = [
  { id: 'd-f966163fbe', category: 'scope', kind: 'added', subject: 'OU=Disabled Users, OU=CORP, DC=contoso, DC=com', field: 'containerExclusion', staging: 'excluded (partition DC=contoso,DC=com)' },
  { id: 'd-0000000001', category: 'sync-rules', kind: 'removed', subject: 'Out to AAD - User', field: 'rule', primary: 'x' },
];

describe('deletes by container', () => {
  it('counts every delete per container, names the objects, and links the scope finding that covers a container', async () => {
    const objects = [...Array.from({ length: 12 }, (_, i) => deleted(i, `OU=Leavers,${DISABLED}`)), ...Array.from({ length: 3 }, (_, i) => deleted(100 + i, SALES))];
    const summary = await analyzeExportStream(Readable.from([`<?xml version="1.0"?><cs-objects>${objects.join('')}</cs-objects>`]), 'aad.xml', AAD, { deleteSampleSize: 4 });
    expect(summary.deletes.count).toBe(15);
    expect(summary.deletes.sample).toHaveLength(4);
    expect({ ...summary.deletes.containers }).toEqual({ [`OU=Leavers,${DISABLED}`]: 12, [SALES]: 3 });
    expect(summary.deletes.sample[0]).toMatchObject({ displayName: 'User 0', upn: 'user0@contoso.com', onPremisesDistinguishedName: `CN=User 0,OU=Leavers,${DISABLED}` });

    const html = renderGfm(renderExportsMarkdown(aggregateSummaries([summary]), { drift: { differences: drift } }));
    const text = visibleText(html);
    expect(text).toContain(`12 deletes under OU=Leavers,${DISABLED}: excluded on the staging server, drift d-f966163fbe`);
    expect(text).toContain(`3 deletes under ${SALES}\n`);
    expect(text).toContain(`User 0 | user0@contoso.com | CN=User 0,OU=Leavers,${DISABLED} | user |`);
  });

  it('matches a container at or under the finding, case and spacing aside, the most specific finding first', () => {
    expect(scopeFindingFor(`ou=leavers,${DISABLED.toLowerCase()}`, drift)?.id).toBe('d-f966163fbe');
    expect(scopeFindingFor(SALES, drift)).toBeUndefined();
    expect(scopeFindingFor('', drift)).toBeUndefined();
    // OU=Disabled Users2 is not under OU=Disabled Users.
    expect(scopeFindingFor('OU=Disabled Users2,OU=CORP,DC=contoso,DC=com', drift)).toBeUndefined();
    const inner = { ...drift[0]!, id: 'd-inner', subject: `OU=Leavers,${DISABLED}`, kind: 'removed' as const };
    expect(scopeFindingFor(`OU=Leavers,${DISABLED}`, [...drift, inner])).toEqual({ id: 'd-inner', what: 'excluded on the active server only', container: `OU=Leavers,${DISABLED}` });
  });
});
