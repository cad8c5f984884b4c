/**
 * The entry points other modules call: one stream (one connector) -> PendingExportSummary; several files ->
 * PendingExportReport (a total and one summary per connector).
 */
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { aggregateSummaries } from './aggregate.js';
import type { ChangedAttribute } from './changes.js';
import { parseCsExport, type CsObjectRecord } from './parse.js';
import type { ObservedRisk } from './risk.js';
import { SummaryBuilder } from './summarize.js';
import { SummaryCache } from './summary-cache.js';
import type { ConnectorRef, ExportAnalysisOptions, ExportFileRef, ObjectIdentity, PendingExportReport, PendingExportSummary } from './types.js';

/** One pending change as the CSV view lists it, handed over while parsing (never all kept). */
export interface PendingChange {
  connector: string;
  record: CsObjectRecord;
  identity: ObjectIdentity;
  changes: readonly ChangedAttribute[];
  /** The risks found on the object (the CSV's Risk column). */
  risks: readonly ObservedRisk[];
}

export interface ExportStreamOptions extends ExportAnalysisOptions {
  /** Called for each object with a pending delta, in file order. */
  onChange?: (change: PendingChange) => void;
  /** Bytes read so far in the current file (compressed bytes for gzip). */
  onBytes?: (file: string, bytesRead: number) => void;
  /** Objects parsed so far in the current file. */
  onObject?: (file: string, objects: number) => void;
}

/** `connector`: a name (given by the caller, as --connector gives one) or a ref saying where its name and kind come from. */
export async function analyzeExportStream(stream: Readable, file: string, connector: string | ConnectorRef, options: ExportStreamOptions = {}): Promise<PendingExportSummary> {
  const ref: ConnectorRef = typeof connector === 'string' ? { connector } : connector;
  const builder = new SummaryBuilder(ref, file, options);
  let objects = 0;
  const { onChange, onObject, onBytes } = options;
  await parseCsExport(
    stream,
    file,
    (record) => {
      objects += 1;
      const added = builder.add(record);
      if (added && onChange) onChange({ connector: ref.connector, record, identity: added.identity(), changes: added.changes, risks: added.risks });
      if (onObject) onObject(file, objects);
    },
    { maxValueLength: options.maxValueLength, limits: options.limits, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : undefined },
  );
  return builder.finish();
}

/** What a set of export files gave: the report over the files that could be read, and each file that could not. */
export interface ExportAnalysis {
  /** Over the readable files; undefined when none was. */
  report?: PendingExportReport;
  /** One per file that could not be opened or parsed, naming it and the reason. */
  unreadable: InputError[];
}

/** Export analyses shared by every source that names its files' contents (the App's commits): 64 files. */
export const SHARED_SUMMARY_CACHE = new SummaryCache(64);

/**
 * Analyses each file on its own: one unreadable file is named with its reason and leaves the others' results standing
 * (the caller keeps the verdict at "not ready" while any is unreadable). A file that fails half-way counts for nothing.
 * A file whose content the source can name (a git blob id) is analysed once per content, connector and options.
 */
export async function analyzeExportFiles(source: FileSource, files: ExportFileRef[], options: ExportStreamOptions = {}, cache: SummaryCache = SHARED_SUMMARY_CACHE): Promise<ExportAnalysis> {
  const summaries: PendingExportSummary[] = [];
  const unreadable: InputError[] = [];
  // Callbacks see every object as it is parsed: those analyses are run, never taken from the cache.
  const cacheable = !Object.values(options).some((value) => typeof value === 'function');
  for (const ref of files) {
    const file = source.describe(ref.path);
    const analyze = async () => analyzeExportStream(await source.open(ref.path), file, ref, options);
    try {
      const contentId = cacheable ? await source.contentId?.(ref.path) : undefined;
      if (contentId === undefined) {
        summaries.push(await analyze());
        continue;
      }
      const summary = await cache.summary(JSON.stringify([contentId, { connector: ref.connector, connectorSource: ref.connectorSource, declaredKind: ref.declaredKind }, options]), analyze);
      summaries.push({ ...summary, files: [file] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unreadable.push(error);
    }
  }
  return { ...(summaries.length > 0 ? { report: aggregateSummaries(summaries, options) } : {}), unreadable };
}
