import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateSummaries } from '../../src/exports/aggregate.js';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import type { PendingExportSummary } from '../../src/exports/types.js';
import { createProgress } from '../../src/cli/progress.js';
import { exportCsvRows } from '../../src/report/exports-csv.js';
import { renderExportsJson } from '../../src/report/exports-json.js';
import { exportsVerdict, renderExportsMarkdown } from '../../src/report/exports-markdown.js';
import { GOLDEN_XML } from '../support/golden.js';

const golden = () => analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'contoso.onmicrosoft.com - AAD');

describe('exports reports', () => {
  it('says where the limit came from and how the deletes compare to it, in plain arithmetic', async () => {
    const s = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'contoso.onmicrosoft.com - AAD', { configuredThreshold: { enabled: true, limit: 2 } });
    expect(exportsVerdict(s)).toBe('13 pending exports to contoso.onmicrosoft.com - AAD: 4 adds, 6 updates (1 replace), 2 deletes, 1 delete-add; 1 rename; 3 deletes (2 deletes + 1 delete-add), over the limit of 2 (from the snapshot configuration)');
    const off = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'contoso.onmicrosoft.com - AAD', { configuredThreshold: { enabled: false, limit: 2 } });
    // Protection off: over the limit is exceeded all the same, and the report says nothing will stop the deletes.
    expect(off.threshold).toEqual({ limit: 2, source: 'configuration', deletes: 3, exceeded: true, applies: true, protectionEnabled: false });
    expect(exportsVerdict(off)).toBe(
      '13 pending exports to contoso.onmicrosoft.com - AAD: 4 adds, 6 updates (1 replace), 2 deletes, 1 delete-add; 1 rename; 3 deletes (2 deletes + 1 delete-add), over the limit of 2 (from the snapshot configuration), and accidental-delete protection is off: nothing will stop them',
    );
    const offWithin = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'contoso.onmicrosoft.com - AAD', { configuredThreshold: { enabled: false, limit: 3 } });
    expect(offWithin.threshold.exceeded).toBe(false);
    expect(exportsVerdict(offWithin)).toBe(
      '13 pending exports to contoso.onmicrosoft.com - AAD: 4 adds, 6 updates (1 replace), 2 deletes, 1 delete-add; 1 rename; 3 deletes (2 deletes + 1 delete-add), within the limit of 3 (from the snapshot configuration); accidental-delete protection is off in the snapshot configuration',
    );
    const option = await analyzeExportStream(createReadStream(GOLDEN_XML), 'g.xml', 'contoso.onmicrosoft.com - AAD', { deletionThreshold: 3 });
    expect(exportsVerdict(option)).toBe('13 pending exports to contoso.onmicrosoft.com - AAD: 4 adds, 6 updates (1 replace), 2 deletes, 1 delete-add; 1 rename; 3 deletes (2 deletes + 1 delete-add), within the limit of 3 (set by the deletion-threshold option)');
    const byDefault = await golden();
    expect(exportsVerdict(byDefault)).toBe('13 pending exports to contoso.onmicrosoft.com - AAD: 4 adds, 6 updates (1 replace), 2 deletes, 1 delete-add; 1 rename; 3 deletes (2 deletes + 1 delete-add), within the limit of 500 (the default)');
  });

  it('writes the same JSON bytes whatever order the maps were filled in', async () => {
    const s = await golden();
    const shuffled: PendingExportSummary = { ...s, attributes: Object.fromEntries(Object.entries(s.attributes).reverse()), operations: Object.fromEntries(Object.entries(s.operations).reverse()) };
    expect(renderExportsJson(aggregateSummaries([shuffled]))).toBe(renderExportsJson(aggregateSummaries([s])));
    const json = renderExportsJson(aggregateSummaries([s]));
    expect(json.indexOf('"add"')).toBeLessThan(json.indexOf('"delete-add"'));
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('neutralises formula cells and keeps CR/LF inside quotes in the CSV view', () => {
    const rows = exportCsvRows({
      connector: 'c',
      identity: { id: '1', objectType: 'user', dn: 'CN=x', operation: 'update', displayName: '=cmd|\' /C calc\'!A0', upn: '@evil' },
      record: { id: '1', objectType: 'user', csDn: 'CN=x', maName: undefined, position: { line: 1, column: 1 }, pending: { operation: 'update', dn: 'CN=x', newDn: undefined, attributes: [] }, escrowed: false, unconfirmed: false, holograms: {}, error: undefined, oversizedValues: 0, cappedValues: 0 },
      changes: [{ name: 'info', multivalued: false, modification: 'Update', added: 1, removed: 0, before: undefined, after: 'a\r\nb', removedValues: [], addedValues: ['a\r\nb'] }],
      risks: [],
    });
    expect(rows).toBe('"c","CN=x","user","update","Update","info","Update","","","","\'=cmd|\' /C calc\'!A0","\'@evil","(unknown: no synchronized-hologram in the file)","a\r\nb",""\r\n');
  });

  it('does not let a hostile connector name or display name escape the Markdown', async () => {
    const s = await golden();
    s.connector = '<script>| @octocat #1';
    const md = renderExportsMarkdown(aggregateSummaries([s]));
    expect(md).toContain('### &lt;script&gt;\\| `@octocat` `#1`');
    expect(md).not.toContain('\u200b');
    expect(md).not.toContain('<script>');
    expect(md).toContain('| `@octocat` \\`Lee\\` Gu | AttributeValueMustBeUnique |       4 |');
  });

  it('shows progress only on a terminal, at most twice a second', () => {
    let clock = 0;
    let err = '';
    const io = { stdout: () => {}, stderr: (t: string) => void (err += t), stderrIsTTY: true, cwd: '.', stdin: process.stdin, env: {}, now: () => new Date('2026-11-24T09:00:00Z') };
    const progress = createProgress(io, () => clock);
    clock = 1000;
    progress.objects('a.xml', 2048);
    progress.bytes('a.xml', 5_000_000);
    clock = 1200;
    progress.bytes('a.xml', 5_500_000);
    clock = 1600;
    progress.bytes('a.xml', 6_000_000);
    progress.done();
    expect(err).toBe('\ra.xml: 0.0 MB read, 2,048 objects (2,048/s)\u001b[K\ra.xml: 6.0 MB read, 2,048 objects (1,280/s)\u001b[K\r\u001b[K');
    let quiet = '';
    const silent = createProgress({ ...io, stderrIsTTY: false, stderr: (t: string) => void (quiet += t) }, () => (clock += 1000));
    silent.bytes('a.xml', 1);
    silent.done();
    expect(quiet).toBe('');
  });
});

describe('exportsJsonChunks', () => {
  it('writes, piece by piece, exactly the bytes of JSON.stringify with two spaces', async () => {
    const { exportsJsonChunks, exportsJsonValue } = await import('../../src/report/exports-json.js');
    const one = await golden();
    const two = { ...(await golden()), connector: 'second "quoted"\nname' };
    for (const report of [aggregateSummaries([one]), aggregateSummaries([one, two]), aggregateSummaries([])]) {
      const chunks = [...exportsJsonChunks(report)];
      expect(chunks.length).toBeGreaterThan(3);
      expect(chunks.join('')).toBe(`${JSON.stringify(exportsJsonValue(report), null, 2)}\n`);
    }
  });
});
