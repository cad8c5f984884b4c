import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairSwitchImpact } from '../../src/impact/pair.js';
import { MemoryDetailSpool } from '../../src/impact/spool.js';
import { generateCsExportPairStrings, PAIR_CLASSES, type PairOptions } from '../../scripts/lib/csexport-pair-generator.js';
import { memorySource } from './memory-source.js';

const AAD = 'contoso.onmicrosoft.com - AAD';

async function pairGenerated(options: PairOptions, chunkSize = 4096) {
  const { files, truth } = generateCsExportPairStrings(options);
  const source = memorySource({ 'a/exports/aad.xml': files.active, 's/exports/aad.xml': files.staging, 'ba/exports/aad.xml': files.baseActive, 'bs/exports/aad.xml': files.baseStaging }, chunkSize);
  const side = (root: string) => ({ snapshot: root, files: [{ path: `${root}/exports/aad.xml`, connector: AAD }] });
  const report = await pairSwitchImpact(source, {
    active: side('a'),
    staging: side('s'),
    ...(options.base ? { base: { active: side('ba'), staging: side('bs') } } : {}),
    spool: () => new MemoryDetailSpool(),
  });
  return { report, truth };
}

describe('switch impact on a generated pair (known truth)', () => {
  it('classifies every pending export as the generator made it, whatever the seed, shares and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          objects: fc.integer({ min: 1, max: 250 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          stagingOnlyShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          differentShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          activeOnlyShare: fc.double({ min: 0, max: 1, noNaN: true }),
          base: fc.boolean(),
          oversizedEvery: fc.constantFrom(0, 7),
        }),
        fc.integer({ min: 512, max: 8192 }),
        async (options, chunkSize) => {
          const { report, truth } = await pairGenerated({ ...options, oversizedLength: 70 * 1024 }, chunkSize);
          for (const name of PAIR_CLASSES) {
            expect(report.switchImpact[name].count, name).toBe(truth.classes[name].count);
            expect(report.switchImpact[name].operations, name).toEqual(truth.classes[name].operations);
            expect(report.switchImpact[name].objects.length).toBe(Math.min(20, truth.classes[name].count));
          }
          if (options.base) {
            expect(report.switchImpact.persistent).toEqual(truth.persistent);
            expect(report.newSinceBase?.staging.count).toBe(truth.newSinceBase.staging.count);
            expect(report.newSinceBase?.staging.operations).toEqual(truth.newSinceBase.staging.operations);
            expect(report.newSinceBase?.active.count).toBe(truth.newSinceBase.active.count);
            expect(report.newSinceBase?.active.operations).toEqual(truth.newSinceBase.active.operations);
          } else {
            expect(report.switchImpact.persistent).toBeUndefined();
            expect(report.newSinceBase).toBeUndefined();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
