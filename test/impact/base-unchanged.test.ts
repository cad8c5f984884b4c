/** A base whose export files are the head's very blobs is not read again: every export is persistent. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../src/files/source.js';
import { pairSwitchImpact } from '../../src/impact/pair.js';
import { MemoryDetailSpool } from '../../src/impact/spool.js';
import { generateCsExportPairStrings } from '../../scripts/lib/csexport-pair-generator.js';
import { memorySource } from './memory-source.js';

const AAD = 'contoso.onmicrosoft.com - AAD';

/** A memory source that knows git blob ids (as the API source does) and counts the files it opens. */
function blobSource(files: Record<string, string>): { source: FileSource; opened: string[] } {
  const inner = memorySource(files);
  const opened: string[] = [];
  const source: FileSource = {
    ...inner,
    open: async (path) => {
      opened.push(path);
      return inner.open(path);
    },
    contentId: async (path) => {
      const text = files[path];
      if (text === undefined) return undefined;
      const bytes = Buffer.from(text, 'utf8');
      return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    },
  };
  return { source, opened };
}

describe('a base with unchanged export files', () => {
  const { files } = generateCsExportPairStrings({ objects: 120, seed: 11, stagingOnlyShare: 0.2, differentShare: 0.2, activeOnlyShare: 0.3, base: true });
  const side = (root: string) => ({ snapshot: root, files: [{ path: `${root}/exports/aad.xml`, connector: AAD }] });
  const pair = (source: FileSource) => pairSwitchImpact(source, { active: side('a'), staging: side('s'), base: { active: side('ba'), staging: side('bs') }, spool: () => new MemoryDetailSpool() });

  it('is not read: every class is all persistent and nothing is new, from the content ids alone', async () => {
    const { source, opened } = blobSource({ 'a/exports/aad.xml': files.active, 's/exports/aad.xml': files.staging, 'ba/exports/aad.xml': files.active, 'bs/exports/aad.xml': files.staging });
    const report = await pair(source);
    const classes = report.switchImpact;
    expect(classes.persistent).toEqual({ stagingOnly: classes.stagingOnly.count, same: classes.same.count, different: classes.different.count, activeOnly: classes.activeOnly.count });
    expect([report.newSinceBase?.active.count, report.newSinceBase?.staging.count]).toEqual([0, 0]);
    expect(opened).toEqual(['a/exports/aad.xml', 's/exports/aad.xml']);
  });

  it('gives the same answer as reading it (the shortcut changes the work, not the result)', async () => {
    const same = blobSource({ 'a/exports/aad.xml': files.active, 's/exports/aad.xml': files.staging, 'ba/exports/aad.xml': files.active, 'bs/exports/aad.xml': files.staging });
    const read = memorySource({ 'a/exports/aad.xml': files.active, 's/exports/aad.xml': files.staging, 'ba/exports/aad.xml': files.active, 'bs/exports/aad.xml': files.staging });
    const [fast, slow] = [await pair(same.source), await pair(read)];
    expect(fast.switchImpact.persistent).toEqual(slow.switchImpact.persistent);
    expect(fast.newSinceBase).toEqual(slow.newSinceBase);
  });

  it('is read when one side changed: only that side', async () => {
    const { source, opened } = blobSource({ 'a/exports/aad.xml': files.active, 's/exports/aad.xml': files.staging, 'ba/exports/aad.xml': files.active, 'bs/exports/aad.xml': files.baseStaging });
    const report = await pair(source);
    expect(opened).toEqual(['bs/exports/aad.xml', 'a/exports/aad.xml', 's/exports/aad.xml']);
    expect(report.newSinceBase?.active.count).toBe(0);
    expect(report.newSinceBase?.staging.count).toBeGreaterThan(0);
  });
});
