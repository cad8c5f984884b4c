import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { analyzeExportFiles } from '../../src/exports/analyze.js';
import { SummaryCache } from '../../src/exports/summary-cache.js';
import type { FileSource } from '../../src/files/source.js';
import { GOLDEN_XML } from '../support/golden.js';

const golden = readFileSync(GOLDEN_XML);
const CONNECTOR = 'contoso.onmicrosoft.com - AAD';

/** A commit as the App sees it: files by path with their blob ids, opens counted. */
function commit(label: string, files: Record<string, { blob: string; bytes: Buffer }>, opened: string[]): FileSource {
  return {
    list: async () => Object.keys(files),
    children: async () => [],
    kind: async (p) => (files[p] ? 'file' : undefined),
    open: async (p) => {
      opened.push(`${label}:${p}`);
      return Readable.from([files[p]?.bytes ?? Buffer.alloc(0)]);
    },
    readText: async () => '',
    describe: (p) => `${label}:${p}`,
    contentId: async (p) => files[p]?.blob,
  };
}

const ref = (p: string) => [{ path: p, connector: CONNECTOR }];

/** The report over the readable files (each of these is readable). */
async function analyzed(...args: Parameters<typeof analyzeExportFiles>) {
  const { report, unreadable } = await analyzeExportFiles(...args);
  expect(unreadable).toEqual([]);
  return report!;
}

describe('analyses shared by blob id', () => {
  it('parses an unchanged file once for base and head; each report names its own commit', async () => {
    const cache = new SummaryCache(8);
    const opened: string[] = [];
    const head = commit('head', { 'aad.xml': { blob: 'b1', bytes: golden } }, opened);
    const base = commit('base', { 'aad.xml': { blob: 'b1', bytes: golden } }, opened);
    const headReport = await analyzed(head, ref('aad.xml'), {}, cache);
    const baseReport = await analyzed(base, ref('aad.xml'), {}, cache);
    expect(opened).toEqual(['head:aad.xml']);
    expect(baseReport.files).toEqual(['base:aad.xml']);
    expect(baseReport.connectors[0]?.files).toEqual(['base:aad.xml']);
    expect(headReport.files).toEqual(['head:aad.xml']);
    expect({ ...baseReport, files: [], connectors: [] }).toEqual({ ...headReport, files: [], connectors: [] });
    // A caller changing its copy does not change the next one's.
    baseReport.connectors[0]!.objects = -1;
    expect((await analyzed(base, ref('aad.xml'), {}, cache)).objects).toBe(headReport.objects);
  });

  it('parses again for another blob, another connector or other options', async () => {
    const cache = new SummaryCache(8);
    const opened: string[] = [];
    const source = commit('c', { 'a.xml': { blob: 'b1', bytes: golden }, 'b.xml': { blob: 'b2', bytes: golden } }, opened);
    await analyzeExportFiles(source, ref('a.xml'), {}, cache);
    await analyzeExportFiles(source, ref('b.xml'), {}, cache);
    await analyzeExportFiles(source, [{ path: 'a.xml', connector: 'contoso.com' }], {}, cache);
    await analyzeExportFiles(source, ref('a.xml'), { deletionThreshold: 1 }, cache);
    await analyzeExportFiles(source, ref('a.xml'), { deletionThreshold: 1 }, cache);
    expect(opened).toEqual(['c:a.xml', 'c:b.xml', 'c:a.xml', 'c:a.xml']);
  });

  it('never shares an analysis whose callbacks watch every object, nor one from a source without blob ids', async () => {
    const cache = new SummaryCache(8);
    const opened: string[] = [];
    const source = commit('c', { 'a.xml': { blob: 'b1', bytes: golden } }, opened);
    let changes = 0;
    await analyzeExportFiles(source, ref('a.xml'), { onChange: () => void (changes += 1) }, cache);
    await analyzeExportFiles(source, ref('a.xml'), { onChange: () => void (changes += 1) }, cache);
    const { contentId: _none, ...disk } = source;
    await analyzeExportFiles(disk, ref('a.xml'), {}, cache);
    await analyzeExportFiles(disk, ref('a.xml'), {}, cache);
    expect(opened).toHaveLength(4);
    expect(changes).toBeGreaterThan(0);
    expect(cache.size).toBe(0);
  });

  it('keeps no failure: the error is said again, naming the file as asked for', async () => {
    const cache = new SummaryCache(8);
    const opened: string[] = [];
    const cut = golden.subarray(0, 5000);
    const head = commit('head', { 'aad.xml': { blob: 'b9', bytes: cut } }, opened);
    const base = commit('base', { 'aad.xml': { blob: 'b9', bytes: cut } }, opened);
    const unreadable = async (source: ReturnType<typeof commit>) => {
      const { report, unreadable: errors } = await analyzeExportFiles(source, ref('aad.xml'), {}, cache);
      expect(report).toBeUndefined();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(InputError);
      return errors[0]!.message;
    };
    expect(await unreadable(head)).toMatch(/^head:aad\.xml:\d+:\d+: the file ends before <\/cs-objects>/);
    expect(await unreadable(base)).toMatch(/^base:aad\.xml:\d+:\d+: the file ends before <\/cs-objects>/);
    expect(await unreadable(base)).toMatch(/^base:aad\.xml:/);
    expect(opened).toEqual(['head:aad.xml', 'base:aad.xml', 'base:aad.xml']);
    expect(cache.size).toBe(0);
  });

  it('is bounded: the least recently used analysis goes first', async () => {
    const cache = new SummaryCache(2);
    const opened: string[] = [];
    const source = commit('c', { 'a.xml': { blob: 'b1', bytes: golden }, 'b.xml': { blob: 'b2', bytes: golden }, 'c.xml': { blob: 'b3', bytes: golden } }, opened);
    for (const file of ['a.xml', 'b.xml', 'a.xml', 'c.xml', 'a.xml', 'b.xml']) await analyzeExportFiles(source, ref(file), {}, cache);
    // a, b parsed; a hit (now most recent); c parsed, b dropped; a hit; b parsed again.
    expect(opened).toEqual(['c:a.xml', 'c:b.xml', 'c:c.xml', 'c:b.xml']);
    expect(cache.size).toBe(2);
  });
});
