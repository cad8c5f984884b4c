// The lists of objects a summary keeps (deletes, risky objects): every one in `exports --format json` up to
// JSON_LIST_LIMIT, the rest counted in `omitted`; bounded by a budget of kept text whatever the sizes asked for.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import { aggregateSummaries } from '../../src/exports/aggregate.js';
import type { PendingExportReport, RiskyChangeGroup } from '../../src/exports/types.js';
import { renderExportsMarkdown } from '../../src/report/exports-markdown.js';
import { generateCsExportString } from '../../scripts/lib/csexport-generator.js';
import { runCli, tempDir } from '../support/cli.js';
import { exportsSchemaErrors } from '../support/schema.js';

const AAD = 'contoso.onmicrosoft.com - AAD';
const { xml, counts } = generateCsExportString({ objects: 3000, seed: 11 });

const listed = (groups: RiskyChangeGroup[]) => groups.map((g) => [g.kind, g.attribute, g.count, g.examples.length, g.omitted]);

describe('lists of deletes and risky objects', () => {
  it('exports --format json lists every delete and every risky object of a 3,000-object file (more than 20 of each)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, `${AAD}.xml`), xml);
    const run = await runCli(['exports', `${AAD}.xml`, '--format', 'json'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout) as PendingExportReport;
    expect(exportsSchemaErrors(report)).toEqual([]);
    expect(report.deletes.count).toBe(counts.deletes);
    expect(report.deletes.count).toBeGreaterThan(20);
    expect(report.deletes.sample).toHaveLength(counts.deletes);
    expect(report.deletes.omitted).toBeUndefined();
    const flips = report.risky.find((g) => g.kind === 'anchor-flip')!;
    expect(flips.count).toBe(counts.risky.anchorFlips);
    for (const group of report.risky) {
      expect(group.examples, `${group.kind} ${group.attribute ?? ''}`).toHaveLength(group.count);
      expect(group.omitted).toBeUndefined();
    }
    expect(report.risky.reduce((n, g) => n + g.count, 0)).toBeGreaterThan(100);
    // The Markdown comment still shows a few and points to the complete files.
    const markdown = (await runCli(['exports', `${AAD}.xml`], { cwd: dir })).stdout;
    expect(markdown).toMatch(/\d+ more risky changes not listed \(see --format json or csv\)\./);
  });

  it('counts what is not listed in omitted, in each connector and in the total', async () => {
    const summary = await analyzeExportStream(Readable.from([xml]), 'f.xml', AAD, { riskySampleSize: 3, deleteSampleSize: 4 });
    expect(summary.deletes).toMatchObject({ count: counts.deletes, omitted: counts.deletes - 4 });
    expect(summary.deletes.sample).toHaveLength(4);
    for (const group of summary.risky) expect([group.examples.length, group.omitted]).toEqual([Math.min(3, group.count), group.count > 3 ? group.count - 3 : undefined]);
    const total = aggregateSummaries([summary, { ...summary, connector: 'again' }], { riskySampleSize: 5, deleteSampleSize: 6 });
    expect(total.deletes).toMatchObject({ count: 2 * counts.deletes, omitted: 2 * counts.deletes - 6 });
    expect(listed(total.risky)).toEqual(summary.risky.map((g) => [g.kind, g.attribute, 2 * g.count, Math.min(5, 2 * g.count), 2 * g.count > 5 ? 2 * g.count - 5 : undefined]));
  });

  it('stops listing, and counts, once the kept-text budget is spent, whatever the list sizes asked for', async () => {
    const summary = await analyzeExportStream(Readable.from([xml]), 'f.xml', AAD, { riskySampleSize: 10_000, deleteSampleSize: 10_000, maxKeptCharacters: 2_000 });
    const kept = summary.deletes.sample.length + summary.risky.reduce((n, g) => n + g.examples.length, 0);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(40);
    expect(summary.deletes.count).toBe(counts.deletes);
    expect(summary.deletes.omitted).toBe(counts.deletes - summary.deletes.sample.length);
    for (const group of summary.risky) expect(group.omitted).toBe(group.count - group.examples.length);
    expect(renderExportsMarkdown(aggregateSummaries([summary]))).toContain('(see --format json or csv)');
  });
});
