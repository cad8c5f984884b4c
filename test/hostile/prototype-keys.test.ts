/**
 * Names from files are keys like any other: an object type, attribute or connector called `valueOf`, `constructor`
 * or `__proto__` is counted, never answered by Object.prototype (counts lost) nor written into it (every later
 * review in the same process polluted).
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { pairSwitchImpact } from '../../src/impact/pair.js';
import { memorySource } from '../impact/memory-source.js';

const AAD = 'contoso.onmicrosoft.com - AAD';
const HOSTILE = ['valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];

function deletes(types: readonly string[], per: number): string {
  let id = 0;
  const objects = types.flatMap((type) =>
    Array.from({ length: per }, () => {
      id += 1;
      const dn = `CN={${id.toString(16).padStart(8, '0')}}`;
      return `<cs-object cs-dn="${dn}" id="{${id}}" object-type="${type}"><unapplied-export><delta operation="delete" dn="${dn}"/></unapplied-export></cs-object>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><cs-objects>${objects.join('')}</cs-objects>`;
}

afterEach(() => {
  // Nothing of a file may reach the prototype every object shares.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).delete).toBeUndefined();
});

describe('object types named like Object.prototype members', () => {
  it('are counted in the analysis: 3 deletes of each type, 15 in all, none lost', async () => {
    const summary = await analyzeExportStream(Readable.from([deletes(HOSTILE, 3)]), 'aad.xml', { connector: AAD });
    expect(summary.operations).toEqual({ delete: 15 });
    for (const type of HOSTILE) expect(Object.getOwnPropertyDescriptor(summary.objectTypes, type)?.value, type).toEqual({ delete: 3 });
    expect(JSON.parse(JSON.stringify(summary.objectTypes))).toEqual(Object.fromEntries(HOSTILE.map((type) => [type, { delete: 3 }])));
  });

  it('are counted in the switch impact, per connector and object type (what the gate sums toward the threshold)', async () => {
    const source = memorySource({ 'a/exports/aad.xml': deletes([], 0), 's/exports/aad.xml': deletes(HOSTILE, 120) });
    const side = (root: string) => ({ snapshot: root, files: [{ path: `${root}/exports/aad.xml`, connector: AAD }] });
    const report = await pairSwitchImpact(source, { active: side('a'), staging: side('s') });
    expect(report.switchImpact.stagingOnly.count).toBe(600);
    expect(report.switchImpact.stagingOnly.operations).toEqual({ delete: 600 });
    const byType = report.switchImpact.stagingOnly.byConnector[AAD] ?? {};
    for (const type of HOSTILE) expect(Object.getOwnPropertyDescriptor(byType, type)?.value, type).toEqual({ delete: 120 });
  });
});
