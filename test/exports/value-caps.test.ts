import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { changedAttributes } from '../../src/exports/changes.js';
import { parseCsExport, type CsObjectRecord } from '../../src/exports/parse.js';
import { changeDigest } from '../../src/impact/digest.js';
import { renderExportsMarkdown } from '../../src/report/exports-markdown.js';

const HEAD = '<?xml version="1.0"?>\n<cs-objects>\n<cs-object id="{1}" object-type="group" cs-dn="CN=g"><unapplied-export><delta operation="update" dn="CN=g"><attr name="member" type="string" multivalued="true" operation="update">';
const TAIL = '</attr></delta></unapplied-export></cs-object>\n</cs-objects>\n';

/** One group whose pending delta adds `count` values, streamed in pieces: never the whole document in memory. */
function hugeObject(count: number): Readable {
  return Readable.from((function* () {
    yield HEAD;
    for (let from = 0; from < count; from += 10_000) {
      let piece = '';
      for (let i = from; i < Math.min(count, from + 10_000); i += 1) piece += `<value operation="add">m${i}</value>`;
      yield piece;
    }
    yield TAIL;
  })());
}

/** A full garbage collection: exposed for this process only. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('gc not exposed');
  return () => void gc();
}

describe('values kept per attribute and per object', () => {
  it('keeps values up to the caps and counts the rest by operation', async () => {
    const values = (n: number, op: string) => Array.from({ length: n }, (_, i) => `<value operation="${op}">${op}${i}</value>`).join('');
    const xml = `<cs-objects><cs-object id="{1}" object-type="user" cs-dn="CN=a"><unapplied-export><delta operation="update" dn="CN=a">
      <attr name="proxyAddresses" multivalued="true" operation="update">${values(4, 'add')}${values(3, 'delete')}</attr>
      <attr name="otherMailbox" multivalued="true" operation="update">${values(2, 'add')}</attr>
    </delta></unapplied-export><synchronized-hologram><entry><attr name="member" multivalued="true">${values(3, 'x')}</attr></entry></synchronized-hologram></cs-object></cs-objects>`;
    const out: CsObjectRecord[] = [];
    await parseCsExport(Readable.from([xml]), 'c.xml', (r) => void out.push(r), { limits: { maxValuesPerAttribute: 5, maxValuesPerObject: 6 } });
    const [record] = out;
    const [proxy, other] = record!.pending!.attributes;
    expect(proxy!.values.map((v) => v.value)).toEqual(['add0', 'add1', 'add2', 'add3', 'delete0']);
    expect([proxy!.cappedAdded, proxy!.cappedRemoved]).toEqual([0, 2]);
    // The object's sixth value is the last one kept: otherMailbox keeps one, the hologram none.
    expect(other!.values.map((v) => v.value)).toEqual(['add0']);
    expect([other!.cappedAdded, other!.cappedRemoved]).toEqual([1, 0]);
    expect(record!.holograms.synchronized?.get('member')).toEqual([]);
    expect(record!.cappedValues).toBe(2 + 1 + 3);
  });

  it('reads one object with 500,000 values in bounded memory, keeping 10,000 and counting the rest', async () => {
    const gc = collectGarbage();
    gc();
    const before = process.memoryUsage().heapUsed;
    let growth = 0;
    let kept = 0;
    await parseCsExport(hugeObject(500_000), 'huge.xml', (record) => {
      gc();
      growth = process.memoryUsage().heapUsed - before;
      kept = record.pending!.attributes[0]!.values.length;
      expect(record.cappedValues).toBe(490_000);
      expect(record.pending!.attributes[0]!.cappedAdded).toBe(490_000);
    });
    expect(kept).toBe(10_000);
    // Keeping all 500,000 values costs ~40 MB; 10,000 cost ~1 MB.
    expect(growth).toBeLessThan(16 * 1024 * 1024);

    const summary = await analyzeExportStream(hugeObject(500_000), 'huge.xml', 'contoso.com');
    expect(summary.cappedValues).toBe(490_000);
    expect(summary.multiValued).toEqual({ member: { added: 500_000, removed: 0 } });
    const markdown = renderExportsMarkdown({ ...summary, connectors: [summary] });
    expect(markdown).toContain('490,000 values past the per-object caps (10,000 per attribute, 50,000 per object) were counted but not kept: they are in the counts above, not compared value by value (raise the max\\-values\\-per\\-attribute and max\\-values\\-per\\-object settings \\(docs/security\\.md, "Limits"\\) to keep more).');
  });
});

describe('what a capped object is not judged on', () => {
  const xml = (replaceValues: number, hologramValues: number) => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `<value>v${i}</value>`).join('');
    return `<cs-objects><cs-object id="{1}" object-type="group" cs-dn="CN=g"><unapplied-export><delta operation="replace" dn="CN=g">
      <attr name="member" multivalued="true">${values(replaceValues)}</attr>
    </delta></unapplied-export><synchronized-hologram><entry><attr name="member" multivalued="true">${values(hologramValues)}</attr></entry></synchronized-hologram></cs-object></cs-objects>`;
  };

  it('a replace with the same values is unchanged, but never when the values were capped', async () => {
    const record = async (options = {}) => {
      const out: CsObjectRecord[] = [];
      await parseCsExport(Readable.from([xml(4, 4)]), 'c.xml', (r) => void out.push(r), options);
      return out[0]!;
    };
    expect(changedAttributes(await record())).toEqual([]);
    const capped = changedAttributes(await record({ limits: { maxValuesPerAttribute: 3 } }));
    expect(capped.map((c) => [c.name, c.added, c.removed])).toEqual([['member', 4, 0]]);
  });

  it('impact does not compare a delta whose values were capped, saying why', async () => {
    const out: CsObjectRecord[] = [];
    await parseCsExport(Readable.from([xml(4, 0)]), 'c.xml', (r) => void out.push(r), { limits: { maxValuesPerAttribute: 3 } });
    expect(changeDigest(out[0]!.pending!).uncomparable).toBe('member has more values than are kept per attribute or object');
    out.length = 0;
    await parseCsExport(Readable.from([xml(4, 0)]), 'c.xml', (r) => void out.push(r));
    expect(changeDigest(out[0]!.pending!).uncomparable).toBeUndefined();
  });
});
