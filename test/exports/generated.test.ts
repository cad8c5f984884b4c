import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import type { PendingExportSummary } from '../../src/exports/types.js';
import { generateCsExportString, type GeneratedCounts } from '../../scripts/lib/csexport-generator.js';

function chunks(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

function expectCounts(summary: PendingExportSummary, counts: GeneratedCounts): void {
  expect(summary.objects).toBe(counts.objects);
  expect(summary.operations).toEqual(counts.operations);
  expect(summary.objectTypes).toEqual(counts.objectTypes);
  expect(summary.attributes).toEqual(counts.attributes);
  expect(summary.multiValued).toEqual(counts.multiValued);
  expect(summary.renames).toBe(counts.renames);
  expect(summary.errors).toEqual(counts.errors);
  expect(summary.deletes.count).toBe(counts.deletes);
  expect(summary.threshold.deletes).toBe(counts.thresholdDeletes);
  expect(summary.otherExports).toEqual(counts.otherExports);
  expect(summary.oversizedValues).toBe(counts.oversizedValues);
  const risky = (kind: string, attribute?: string) => summary.risky.find((g) => g.kind === kind && (attribute === undefined || g.attribute === attribute))?.count ?? 0;
  expect({
    anchorFlips: risky('anchor-flip'),
    upnChanges: risky('sensitive-attribute', 'userPrincipalName'),
    deleteAdds: risky('delete-add'),
    proxyRemovals: risky('proxy-address-removal'),
  }).toEqual(counts.risky);
}

const AAD = 'contoso.onmicrosoft.com - AAD';

describe('generated csexport files', () => {
  it('parse to the generated counts, whatever the chunking, encoding or compression', async () => {
    const { xml, counts } = generateCsExportString({ objects: 300, seed: 7, oversizedEvery: 50 });
    expect(counts.objects).toBeGreaterThan(200);
    expect(Object.keys(counts.operations).sort()).toEqual(['add', 'delete', 'delete-add', 'replace', 'update']);
    expect(counts.renames).toBeGreaterThan(0);
    expect(counts.oversizedValues).toBeGreaterThan(0);
    expect(Object.values(counts.risky).every((n) => n > 0)).toBe(true);
    const utf8 = Buffer.from(xml, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('utf-8', 'utf-16'), 'utf16le')]);
    const utf16be = Buffer.from(utf16);
    utf16be.swap16();
    for (const [label, bytes, size] of [
      ['utf-8 in 1-byte chunks', utf8, 1],
      ['utf-8 in 7-byte chunks', utf8, 7],
      ['utf-16le in 3-byte chunks', utf16, 3],
      ['utf-16be', utf16be, 4096],
      ['gzip in 5-byte chunks', gzipSync(utf8), 5],
    ] as const) {
      const summary = await analyzeExportStream(chunks(bytes, size), label, AAD);
      expectCounts(summary, counts);
    }
  });

  it('property: parsed counts equal generated counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 4096 }), async (objects, seed, chunk) => {
        const { xml, counts } = generateCsExportString({ objects, seed, oversizedEvery: 40, oversizedLength: 70_000 });
        const summary = await analyzeExportStream(chunks(Buffer.from(xml, 'utf8'), chunk), 'p.xml', AAD);
        expectCounts(summary, counts);
      }),
      { numRuns: 30, seed: 20261124 },
    );
  });

  it('keeps the samples bounded on a large file', async () => {
    const { xml, counts } = generateCsExportString({ objects: 3000, seed: 3 });
    const summary = await analyzeExportStream(Readable.from([xml]), 'big.xml', AAD, { deleteSampleSize: 5, riskySampleSize: 3 });
    expect(summary.deletes.count).toBe(counts.deletes);
    expect(summary.deletes.sample).toHaveLength(5);
    expect(summary.errorSample.length).toBeLessThanOrEqual(5);
    for (const group of summary.risky) expect(group.examples.length).toBeLessThanOrEqual(3);
    expect(summary.risky.find((g) => g.kind === 'delete-add')?.count).toBe(counts.operations['delete-add']);
  });
});
