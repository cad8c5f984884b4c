/**
 * The operator's limits reach the reader and the parser (issue 15 items 6 and 7, configurable): a lowered gzip
 * ceiling refuses a small bomb naming the file, the limit and the setting that raises it; lowered value caps keep
 * fewer values, and the report says how many were counted past which caps and how to raise them.
 */
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { analyzeExportFiles, analyzeExportStream } from '../../src/exports/analyze.js';
import { DEFAULT_VALUE_CAPS } from '../../src/exports/parse.js';
import { SummaryCache } from '../../src/exports/summary-cache.js';
import type { FileSource } from '../../src/files/source.js';
import { loadServerConfig } from '../../src/config/load.js';
import { renderExportsMarkdown } from '../../src/report/exports-markdown.js';
import { renderGfm, visibleText } from '../support/gfm.js';
import { DEFAULT_MAX_INFLATED_BYTES, DEFAULT_MAX_INFLATION_RATIO } from '../../src/xml/reader.js';
import { isValidLimit, READ_LIMITS, readLimitsFromSettings, type ReadLimits } from '../../src/xml/read-limits.js';

const MIB = 1024 * 1024;

/** An export of one group whose pending delta adds `count` members, plus one user with two proxy addresses. */
function exportXml(count: number): string {
  const members = Array.from({ length: count }, (_, i) => `<value operation="add">CN=m${i}</value>`).join('');
  return `<?xml version="1.0"?>
<cs-objects>
<cs-object id="{1}" object-type="group" cs-dn="CN=g"><unapplied-export><delta operation="update" dn="CN=g"><attr name="member" type="string" multivalued="true" operation="update">${members}</attr></delta></unapplied-export></cs-object>
<cs-object id="{2}" object-type="user" cs-dn="CN=u"><unapplied-export><delta operation="update" dn="CN=u"><attr name="otherMailbox" type="string" multivalued="true" operation="update"><value operation="add">a</value><value operation="add">b</value></attr></delta></unapplied-export></cs-object>
</cs-objects>
`;
}

/** 2 MiB of whitespace inside the root: gzips to about 2 KiB. */
const BOMB = gzipSync(Buffer.from(`<?xml version="1.0"?><cs-objects>${' '.repeat(2 * MIB)}</cs-objects>`));

const CLI_NAMES = readLimitsFromSettings({}, (spec) => `--${spec.setting}`).raisedBy;

async function refusal(work: Promise<unknown>): Promise<InputError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('the gzip ceiling, lowered', () => {
  it('refuses a small bomb past max-inflated-mib, naming the file, the limit and the setting that raises it', async () => {
    expect(BOMB.length).toBeLessThan(16 * 1024);
    const limits: ReadLimits = { ...readLimitsFromSettings({ maxInflatedBytes: 1 }, (spec) => `--${spec.setting}`) };
    const error = await refusal(analyzeExportStream(Readable.from([BOMB]), 'exports/contoso.xml.gz', 'contoso.com', { limits }));
    expect(error.message).toBe(
      'exports/contoso.xml.gz: inflates to more than 1 MiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise --max-inflated-mib',
    );
    // The default ceiling reads it.
    const summary = await analyzeExportStream(Readable.from([BOMB]), 'exports/contoso.xml.gz', 'contoso.com');
    expect(summary.objects).toBe(0);
  });

  it('a lowered max-inflation-ratio is judged only past 64 MiB inflated: a small file that compresses well is read', async () => {
    // 2 MiB is below the 64 MiB after which the ratio is judged: a lowered ratio alone does not refuse it.
    const summary = await analyzeExportStream(Readable.from([BOMB]), 'exports/contoso.xml.gz', 'contoso.com', { limits: { maxInflationRatio: 2, raisedBy: CLI_NAMES } });
    expect(summary.objects).toBe(0);
  });

  it('reads configuration files under the same ceiling (a .xml file may hold gzip bytes)', async () => {
    const files: Record<string, Buffer> = {
      'cfg/GlobalSettings/MV.xml': gzipSync(Buffer.from(`<saved-mv-configuration>${' '.repeat(2 * MIB)}</saved-mv-configuration>`)),
    };
    const source = memorySource(files);
    const error = await refusal(loadServerConfig(source, 'cfg', { maxInflatedBytes: MIB, raisedBy: { maxInflatedBytes: 'limits.max-inflated-mib in .github/syncstage.yml' } }));
    expect(error.message).toBe(
      'cfg/GlobalSettings/MV.xml: inflates to more than 1 MiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise limits.max-inflated-mib in .github/syncstage.yml',
    );
  });
});

describe('the value caps, lowered', () => {
  it('keeps 100 values per attribute and says how many were counted past which caps, and how to raise them', async () => {
    const limits = readLimitsFromSettings({ maxValuesPerAttribute: 100, maxValuesPerObject: 1_000 }, (spec) => `--${spec.setting}`);
    const summary = await analyzeExportStream(Readable.from([exportXml(250)]), 'exports/contoso.xml', 'contoso.com', { limits });
    expect(summary.cappedValues).toBe(150);
    // Counted all the same: the group gains 250 members.
    expect(summary.multiValued.member).toEqual({ added: 250, removed: 0 });
    expect(summary.valueCaps).toEqual({ maxValuesPerAttribute: 100, maxValuesPerObject: 1_000, raisedBy: '--max-values-per-attribute and --max-values-per-object' });
    const shown = visibleText(renderGfm(renderExportsMarkdown({ ...summary, connectors: [summary] })));
    expect(shown).toContain(
      '150 values past the per-object caps (100 per attribute, 1,000 per object) were counted but not kept: they are in the counts above, not compared value by value (raise --max-values-per-attribute and --max-values-per-object to keep more).',
    );
  });

  it('a per-object cap counts past it across the object\'s attributes, and the total carries the caps', async () => {
    const limits: ReadLimits = { maxValuesPerObject: 30 };
    const source = memorySource({ 'a.xml': Buffer.from(exportXml(40)), 'b.xml': Buffer.from(exportXml(10)) });
    const analysis = await analyzeExportFiles(source, [{ path: 'a.xml', connector: 'a' }, { path: 'b.xml', connector: 'b' }], { limits }, new SummaryCache(4));
    expect(analysis.unreadable).toEqual([]);
    expect(analysis.report?.connectors.map((c) => c.cappedValues)).toEqual([10, 0]);
    expect(analysis.report?.connectors.map((c) => c.valueCaps)).toEqual([
      { maxValuesPerAttribute: DEFAULT_VALUE_CAPS.maxValuesPerAttribute, maxValuesPerObject: 30, raisedBy: 'the max-values-per-attribute and max-values-per-object settings (docs/security.md, "Limits")' },
      undefined,
    ]);
    expect(analysis.report?.cappedValues).toBe(10);
    expect(analysis.report?.valueCaps?.maxValuesPerObject).toBe(30);
  });

  it('the default caps leave an ordinary object whole and report no caps', async () => {
    const summary = await analyzeExportStream(Readable.from([exportXml(250)]), 'exports/contoso.xml', 'contoso.com');
    expect(summary.cappedValues).toBe(0);
    expect(summary).not.toHaveProperty('valueCaps');
  });
});

describe('the one table of limits', () => {
  it('gives the reader and the parser their defaults', () => {
    const byName = Object.fromEntries(READ_LIMITS.map((spec) => [spec.name, spec.default * spec.scale]));
    expect(byName).toEqual({ maxInflatedBytes: DEFAULT_MAX_INFLATED_BYTES, maxInflationRatio: DEFAULT_MAX_INFLATION_RATIO, ...DEFAULT_VALUE_CAPS });
    expect(DEFAULT_MAX_INFLATED_BYTES).toBe(8 * 1024 * MIB);
  });

  it('accepts whole numbers in range only', () => {
    for (const spec of READ_LIMITS) {
      expect([spec.min, spec.default, spec.max].map((value) => isValidLimit(spec, value))).toEqual([true, true, true]);
      expect([spec.min - 1, spec.max + 1, 1.5, Number.NaN].map((value) => isValidLimit(spec, value))).toEqual([false, false, false, false]);
    }
  });
});

function memorySource(files: Record<string, Buffer>): FileSource {
  const dirs = new Set(Object.keys(files).flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return {
    list: async (pattern) => (files[pattern] ? [pattern] : []),
    children: async (dir) => {
      const prefix = dir === '' ? '' : `${dir}/`;
      const names = new Map<string, 'file' | 'dir'>();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split('/');
        names.set(name as string, rest.length > 0 ? 'dir' : 'file');
      }
      return [...names].sort().map(([name, kind]) => ({ name, kind }));
    },
    kind: async (path) => (files[path] ? 'file' : dirs.has(path) || path === '' ? 'dir' : undefined),
    open: async (path) => {
      const bytes = files[path];
      if (!bytes) throw new InputError(path, 'no such file');
      return Readable.from([bytes]);
    },
    readText: async (path) => (files[path] ?? Buffer.alloc(0)).toString('utf8'),
    describe: (path) => path,
  };
}
