/**
 * Issue 8: fuzzing in every test run with a fixed budget and seed (the long run: `npm run fuzz -- --runs 20000`).
 * Mutated valid files (generator output, Contoso connector, rules, MV.xml, a runbook, scheduler / run-history /
 * manifest JSON) either parse, with the summary's
 * invariants holding, or fail with an InputError that has a position; never another exception, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, mutate, summaryProblems } from '../../scripts/lib/fuzz.js';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { Readable } from 'node:stream';
import { generateCsExportString } from '../../scripts/lib/csexport-generator.js';

describe('fuzz (fixed budget)', () => {
  it('200 mutated files, seed 20261124: accepted with sound summaries or refused with a position', { timeout: 120_000 }, async () => {
    const stats = await fuzz(200, 20261124);
    expect(stats.failed).toBeUndefined();
    expect(stats.runs).toBe(200);
    expect(stats.accepted + stats.refused).toBe(200);
    // Both sides are exercised: the mutations are neither all harmless nor all fatal.
    expect(stats.accepted).toBeGreaterThan(0);
    expect(stats.refused).toBeGreaterThan(0);
  });

  it('the invariants hold on the unmutated generator output', async () => {
    const { xml } = generateCsExportString({ objects: 50, seed: 7 });
    const summary = await analyzeExportStream(Readable.from([Buffer.from(xml)]), 'g.xml', 'contoso.onmicrosoft.com - AAD');
    expect(summaryProblems(summary)).toEqual([]);
    expect(summary.objects).toBeGreaterThan(0);
  });

  it('mutations do what they say', () => {
    const base = Buffer.from('<a>b</a>');
    expect(mutate(base, [{ kind: 'truncate', at: 0.5 }]).toString()).toBe('<a>b');
    expect(mutate(base, [{ kind: 'insert', at: 0, bytes: new Uint8Array(Buffer.from('&')) }]).toString()).toBe('&<a>b</a>');
    expect(mutate(base, [{ kind: 'flip', at: 0, bit: 0 }])[0]).toBe(0x3d);
  });
});
