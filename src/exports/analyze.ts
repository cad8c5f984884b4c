/**
 * The entry points other modules call: one stream (one connector) -> PendingExportSummary; several files ->
 * PendingExportReport (a total and one summary per connector).
 */
import type { Readable } from 'node:stream';
import type { FileSource } from '../files/source.js';
import type { ExportFileRef } from '../snapshot/types.js';
import { aggregateSummaries } from './aggregate.js';
import type { ChangedAttribute } from './changes.js';
import { parseCsExport, type CsObjectRecord } from './parse.js';
import { SummaryBuilder } from './summarize.js';
import type { ConnectorRef, ExportAnalysisOptions, ObjectIdentity, PendingExportReport, PendingExportSummary } from './types.js';

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
      if (added && onChange) onChange({ connector: ref.connector, record, identity: added.identity(), changes: added.changes });
      if (onObject) onObject(file, objects);
    },
    { maxValueLength: options.maxValueLength, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : undefined },
  );
  return builder.finish();
}

export async function analyzeExportFiles(source: FileSource, files: ExportFileRef[], options: ExportStreamOptions = {}): Promise<PendingExportReport> {
  const summaries: PendingExportSummary[] = [];
  for (const ref of files) {
    const stream = await source.open(ref.path);
    summaries.push(await analyzeExportStream(stream, source.describe(ref.path), ref, options));
  }
  return aggregateSummaries(summaries, options);
}
