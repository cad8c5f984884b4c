/** The total over several connectors' summaries: counters add up, samples are concatenated up to their bound. */
import { sortRiskGroups, withOmitted } from './risk.js';
import { deletionThreshold, DEFAULT_SAMPLE_SIZE, emptySummary, withDeletesOmitted } from './summarize.js';
import { type ConnectorKind, type ExportAnalysisOptions, type OperationCounts, type PendingExportReport, type PendingExportSummary, type RiskyChangeGroup } from './types.js';
import { dict } from '../dict.js';

function addCounts(into: Record<string, number>, from: Record<string, number | undefined>): void {
  for (const [key, value] of Object.entries(from)) if (value !== undefined) into[key] = (into[key] ?? 0) + value;
}

function bounded<T>(into: T[], from: readonly T[], size: number): void {
  for (const item of from) {
    if (into.length >= size) return;
    into.push(item);
  }
}

export function aggregateSummaries(connectors: PendingExportSummary[], options: ExportAnalysisOptions = {}): PendingExportReport {
  const sampleSize = options.deleteSampleSize ?? DEFAULT_SAMPLE_SIZE;
  const riskySampleSize = options.riskySampleSize ?? DEFAULT_SAMPLE_SIZE;
  const kinds = new Set(connectors.map((c) => c.connectorKind.kind));
  // The total is the Entra ID connector's when any is; unknown when one may be.
  const kind: ConnectorKind = kinds.has('entra') ? 'entra' : kinds.has('unknown') ? 'unknown' : 'other';
  const total: PendingExportReport = { ...emptySummary('total', connectors.flatMap((c) => c.files), { kind, source: 'connectors' }, options), connectors };
  const risky = new Map<string, RiskyChangeGroup>();
  let thresholdDeletes = 0;
  for (const c of connectors) {
    total.objects += c.objects;
    addCounts(total.operations as Record<string, number>, c.operations);
    for (const [type, counts] of Object.entries(c.objectTypes)) addCounts((total.objectTypes[type] ??= dict<number>()) as Record<string, number>, counts as OperationCounts);
    addCounts(total.attributes, c.attributes);
    for (const [name, counts] of Object.entries(c.multiValued)) {
      const into = (total.multiValued[name] ??= { added: 0, removed: 0 });
      into.added += counts.added;
      into.removed += counts.removed;
    }
    total.renames += c.renames;
    bounded(total.renameSample, c.renameSample, sampleSize);
    addCounts(total.errors, c.errors);
    bounded(total.errorSample, c.errorSample, sampleSize);
    total.deletes.count += c.deletes.count;
    if (c.deletes.containers) addCounts((total.deletes.containers ??= Object.create(null) as Record<string, number>), c.deletes.containers);
    bounded(total.deletes.sample, c.deletes.sample, sampleSize);
    for (const group of c.risky) {
      const key = `${group.kind}\u0000${group.attribute ?? ''}`;
      const into = risky.get(key);
      if (!into) risky.set(key, { ...group, examples: group.examples.slice(0, riskySampleSize) });
      else {
        into.count += group.count;
        bounded(into.examples, group.examples, riskySampleSize);
      }
    }
    if (c.threshold.applies) thresholdDeletes += c.threshold.deletes;
    total.otherExports.escrowed += c.otherExports.escrowed;
    total.otherExports.unconfirmed += c.otherExports.unconfirmed;
    total.oversizedValues += c.oversizedValues;
    total.cappedValues += c.cappedValues;
  }
  const capped = connectors.find((c) => c.valueCaps !== undefined)?.valueCaps;
  if (capped) total.valueCaps = capped;
  total.risky = sortRiskGroups([...risky.values()].map(withOmitted));
  total.deletes = withDeletesOmitted(total.deletes);
  total.threshold = deletionThreshold(thresholdDeletes, connectors.some((c) => c.threshold.applies), options);
  // Each Entra connector is its own tenant: the total is exceeded when any of them is.
  if (connectors.some((c) => c.threshold.exceeded)) total.threshold.exceeded = true;
  return total;
}
