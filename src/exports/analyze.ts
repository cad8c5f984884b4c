/**
 * The entry points other modules call: one stream (one connector) -> PendingExportSummary; several files ->
 * PendingExportReport (a total and one summary per connector).
 */
import type { Readable } from 'node:stream';
import type { FileSource } from '../files/source.js';
import type { ExportFileRef } from '../snapshot/types.js';
import { aggregateSummaries } from './aggregate.js';
import type { ChangedAttribute } from './changes.js';
import { isEntraConnectorName } from './connector.js';
import { parseCsExport, type CsObjectRecord } from './parse.js';
import { SummaryBuilder } from './summarize.js';
import { SummaryCache } from './summary-cache.js';
import type { ExportAnalysisOptions, ObjectIdentity, PendingExportReport, PendingExportSummary } from './types.js';

/** One pending change as the CSV view lists it, handed over while parsing (never all kept). */
export interface PendingChange {
  connector: string;
  record: CsObjectRecord;
  identity: ObjectIdentity;
  changes: readonly ChangedAttribute[];
}

export interface ExportStreamOptions extends ExportAnalysisOptions {
  /** Called for each object with a pending delta, in file order. */
  onChange?: (change: PendingChange) => void;
  /** Bytes read so far in the current file (compressed bytes for gzip). */
  onBytes?: (file: string, bytesRead: number) => void;
  /** Objects parsed so far in the current file. */
  onObject?: (file: string, objects: number) => void;
}

export async function analyzeExportStream(stream: Readable, file: string, connector: string, options: ExportStreamOptions = {}): Promise<PendingExportSummary> {
  const isEntra = options.entraConnector ?? isEntraConnectorName(connector);
  const builder = new SummaryBuilder(connector, [file], isEntra, options);
  let objects = 0;
  const { onChange, onObject, onBytes } = options;
  await parseCsExport(
    stream,
    file,
    (record) => {
      objects += 1;
      const added = builder.add(record);
      if (added && onChange) onChange({ connector, record, identity: added.identity(), changes: added.changes });
      if (onObject) onObject(file, objects);
    },
    { maxValueLength: options.maxValueLength, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : undefined },
  );
  return builder.finish();
}

/** Export analyses shared by every source that names its files' contents (the App's commits): 64 files. */
export const SHARED_SUMMARY_CACHE = new SummaryCache(64);

export async function analyzeExportFiles(source: FileSource, files: ExportFileRef[], options: ExportStreamOptions = {}, cache: SummaryCache = SHARED_SUMMARY_CACHE): Promise<PendingExportReport> {
  const summaries: PendingExportSummary[] = [];
  // Callbacks see every object as it is parsed: those analyses are run, never taken from the cache.
  const cacheable = !Object.values(options).some((value) => typeof value === 'function');
  for (const ref of files) {
    const file = source.describe(ref.path);
    const analyze = async () => analyzeExportStream(await source.open(ref.path), file, ref.connector, options);
    const contentId = cacheable ? await source.contentId?.(ref.path) : undefined;
    if (contentId === undefined) {
      summaries.push(await analyze());
      continue;
    }
    const summary = await cache.summary(JSON.stringify([contentId, ref.connector, options]), analyze);
    summaries.push({ ...summary, files: [file] });
  }
  return aggregateSummaries(summaries, options);
}
