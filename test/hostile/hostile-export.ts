/**
 * A csexport file whose display names, UPNs, DNs, object types, error details and attribute names are full of
 * Markdown, HTML, mentions, issue references, links and spreadsheet formulas: for the escaping tests and the golden
 * rendering of a hostile review (test/report/first-screen.golden.test.ts).
 */
export const NASTY = [
  'Eve | Mallory',
  'two\nlines\r\nthree',
  '`rm -rf` ``x``',
  '<script>alert(1)</script>',
  '<details open><summary>x</summary>',
  '@octocat',
  '@org/team',
  '#123',
  'https://evil.example',
  'www.evil.example',
  '[link](javascript:x)',
  ']]>',
  '<img src=x onerror=alert(1)>',
];
export const ALL = NASTY.join(' ');
export const FORMULAS = ['=HYPERLINK("https://evil.example")', '+SUM(A1)', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
const attr = (name: string, value: string, extra = '') => `<attr name="${xml(name)}" type="string" multivalued="false"${extra}><value>${xml(value)}</value></attr>`;

/** A csexport file with every identity field, DN, object type, attribute name and error detail hostile. */
export function hostileExport(): string {
  const objects: string[] = [];
  const names = [...NASTY.map((n, i) => `${n} ${i}`), ...FORMULAS];
  names.forEach((name, i) => {
    const dn = `CN=${name},OU=${NASTY[(i + 3) % NASTY.length]},DC=contoso,DC=com`;
    const upn = `${FORMULAS[i % FORMULAS.length]}${NASTY[i % NASTY.length]}@contoso.com`;
    const type = i % 4 === 0 ? `user ${NASTY[i % NASTY.length]}` : 'user';
    const hologram = `<entry dn="${xml(dn)}">${attr('displayName', name)}${attr('userPrincipalName', upn)}${attr('sourceAnchor', `${NASTY[(i + 5) % NASTY.length]}${i}`)}${attr('mail', `${FORMULAS[(i + 1) % FORMULAS.length]}@x`)}</entry>`;
    const kind = i % 4;
    let body: string;
    if (kind === 0) {
      body = `<unapplied-export><delta operation="add" dn="${xml(dn)}">${attr('displayName', name)}${attr(`ext ${NASTY[i % NASTY.length]}`, ALL)}${attr('userPrincipalName', upn)}</delta></unapplied-export><unapplied-export-hologram>${hologram}</unapplied-export-hologram>`;
    } else if (kind === 1) {
      body = `<unapplied-export><delta operation="delete" dn="${xml(dn)}"/></unapplied-export><synchronized-hologram>${hologram}</synchronized-hologram>`;
    } else if (kind === 2) {
      body = `<unapplied-export><delta operation="update" dn="${xml(dn)}" newdn="${xml(`${dn} ${ALL}`)}">${attr('userPrincipalName', `${ALL}@fabrikam.com`, ' operation="replace"')}${attr(NASTY[i % NASTY.length] as string, ALL, ' operation="replace"')}</delta></unapplied-export><synchronized-hologram>${hologram}</synchronized-hologram><unapplied-export-hologram>${hologram}</unapplied-export-hologram>`;
    } else {
      body = `<unapplied-export><delta operation="delete-add" dn="${xml(dn)}">${attr('displayName', name)}</delta></unapplied-export><unapplied-export-hologram>${hologram}</unapplied-export-hologram>`;
    }
    const error = `<export-errordetail first-occurred="2026-11-18 08:00:00.000" retry-count="${i}" error-type="${xml(NASTY[i % NASTY.length] as string)}"><export-status><cd-error><error-code>0x8023134a</error-code><error-literal>${xml(ALL)}</error-literal><server-error-detail>${xml(`${ALL} ${name}`)}</server-error-detail><error-name>${xml(`${NASTY[(i + 2) % NASTY.length]}Error`)}</error-name></cd-error></export-status></export-errordetail>`;
    objects.push(`<cs-object cs-dn="${xml(dn)}" id="{${String(i).padStart(8, '0')}-0000-4000-8000-000000000000}" object-type="${xml(type)}">${body}${i % 2 === 0 ? error : ''}</cs-object>`);
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<cs-objects>\n${objects.join('\n')}\n</cs-objects>\n`;
}

