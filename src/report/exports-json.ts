/**
 * The JSON view of a PendingExportReport (schemas/exports.schema.json): the same object, with map keys in a fixed
 * order (operations in delta order, other maps by name) so two runs over the same files give the same bytes.
 */
import { DELTA_OPERATIONS, type OperationCounts, type PendingExportReport, type PendingExportSummary } from '../exports/types.js';

function sortedKeys<T>(map: Record<string, T>, value: (item: T) => T = (item) => item): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map).sort()) out[key] = value(map[key] as T);
  return out;
}

function operations(counts: OperationCounts): OperationCounts {
  const out: OperationCounts = {};
  for (const operation of DELTA_OPERATIONS) if (counts[operation] !== undefined) out[operation] = counts[operation];
  return out;
}

function stableSummary(summary: PendingExportSummary): PendingExportSummary {
  return {
    ...summary,
    operations: operations(summary.operations),
    objectTypes: sortedKeys(summary.objectTypes, operations),
    attributes: sortedKeys(summary.attributes),
    multiValued: sortedKeys(summary.multiValued),
    errors: sortedKeys(summary.errors),
  };
}

export function exportsJsonValue(report: PendingExportReport): PendingExportReport {
  return { ...stableSummary(report), connectors: report.connectors.map(stableSummary) };
}

export function renderExportsJson(report: PendingExportReport): string {
  return `${JSON.stringify(exportsJsonValue(report), null, 2)}\n`;
}
