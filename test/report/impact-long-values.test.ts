/** A long value (a thumbnailPhoto, a certificate) is cut in the comment's tables and kept whole in the CSV and JSON. */
import { describe, expect, it } from 'vitest';
import { pairSwitchImpact } from '../../src/impact/pair.js';
import { describeExport } from '../../src/report/impact-text.js';
import { renderImpactMarkdown } from '../../src/report/impact-markdown.js';
import { memorySource } from '../impact/memory-source.js';

const PHOTO = 'A'.repeat(60_000);

function updates(count: number): string {
  const objects = Array.from({ length: count }, (_, i) => {
    const dn = `CN={${(i + 1).toString(16).padStart(8, '0')}}`;
    return `<cs-object cs-dn="${dn}" id="{${i}}" object-type="user"><unapplied-export><delta operation="update" dn="${dn}"><attr name="thumbnailPhoto" type="string" multivalued="false" operation="replace"><value>${PHOTO}</value></attr></delta></unapplied-export></cs-object>`;
  });
  return `<?xml version="1.0"?><cs-objects>${objects.join('')}</cs-objects>`;
}

describe('long values in the Switch impact section', () => {
  it('are cut to 80 characters with their length in the Markdown, whole in the report the CSV and JSON are written from', async () => {
    const source = memorySource({ 'a/exports/aad.xml': '<?xml version="1.0"?><cs-objects/>', 's/exports/aad.xml': updates(12) });
    const side = (root: string) => ({ snapshot: root, files: [{ path: `${root}/exports/aad.xml`, connector: 'aad' }] });
    const report = await pairSwitchImpact(source, { active: side('a'), staging: side('s') });
    const markdown = renderImpactMarkdown(report);
    expect(markdown.length).toBeLessThan(8_000);
    // (Parentheses may be escaped in a table cell.)
    expect(markdown).toMatch(/thumbnailPhoto A{80}… \\?\(60,000 characters\\?\)/);
    const object = report.switchImpact.stagingOnly.objects[0];
    expect(object?.staging?.changes[0]?.new).toEqual([PHOTO]);
    expect(describeExport(object?.staging)).toBe(`update: thumbnailPhoto ${PHOTO}`);
  });
});
