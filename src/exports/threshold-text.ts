/**
 * The accidental-delete threshold in words, one phrasing for every report, gate row and --fail-on reason:
 * "6,939 deletes, over the limit of 500 (the default)". Never "exceeded by" the count: that reads as the excess.
 */
import type { ConnectorKindJudgement, DeletionThreshold, ThresholdSetter } from './types.js';

/** A count as every threshold sentence writes it: 6,939. */
export const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * What the threshold's deletes are made of, when a report knows it: the delete operations and the delete-adds
 * (docs/counting.md). Shown only when there are delete-adds, so the count reconciles with the operations table.
 */
export interface ThresholdBreakdown {
  deletes: number;
  deleteAdds: number;
}

function deletesCounted(threshold: DeletionThreshold, breakdown?: ThresholdBreakdown): string {
  const deletes = `${formatCount(threshold.deletes)} ${threshold.deletes === 1 ? 'delete' : 'deletes'}`;
  if (!breakdown || breakdown.deleteAdds === 0 || breakdown.deletes + breakdown.deleteAdds !== threshold.deletes) return deletes;
  return `${deletes} (${formatCount(breakdown.deletes)} ${breakdown.deletes === 1 ? 'delete' : 'deletes'} + ${formatCount(breakdown.deleteAdds)} ${breakdown.deleteAdds === 1 ? 'delete-add' : 'delete-adds'})`;
}

/** "6,939 deletes, over the limit of 500" or "11 deletes, within the limit of 500" (deletes > limit is over). */
export function thresholdComparison(threshold: DeletionThreshold, breakdown?: ThresholdBreakdown): string {
  const deletes = deletesCounted(threshold, breakdown);
  return `${deletes}, ${threshold.deletes > threshold.limit ? 'over' : 'within'} the limit of ${formatCount(threshold.limit)}`;
}

const LIMIT_SOURCES: Record<DeletionThreshold['source'], string> = {
  option: 'set by the deletion-threshold option',
  configuration: 'from the snapshot configuration',
  default: 'the default',
};

const LIMIT_SETTERS: Record<ThresholdSetter, string> = {
  'cli-option': 'set by the --deletion-threshold option',
  'action-input': "set by the Action's deletion-threshold input",
  'settings-file': 'set by deletion-threshold in .github/syncstage.yml',
};

/** Where the limit came from: "set by the --deletion-threshold option", "from the snapshot configuration". */
export function thresholdLimitSource(threshold: DeletionThreshold): string {
  if (threshold.source === 'option' && threshold.setBy !== undefined) return LIMIT_SETTERS[threshold.setBy];
  return LIMIT_SOURCES[threshold.source];
}

/**
 * "6,939 deletes, over the limit of 500 (the default)". With the configuration's threshold unreadable: not judged,
 * and why, before the comparison with the default. With protection off in the configuration: over the limit,
 * that nothing will stop them; within it, that protection is off all the same.
 */
export function describeThreshold(threshold: DeletionThreshold, breakdown?: ThresholdBreakdown): string {
  if (threshold.unreadable !== undefined) {
    const deletes = deletesCounted(threshold, breakdown);
    const against = `${threshold.deletes > threshold.limit ? 'over' : 'within'} the default limit of ${formatCount(threshold.limit)}`;
    return `${deletes}, not judged: the snapshot configuration's accidental-delete threshold cannot be read (${threshold.unreadable}); ${against}`;
  }
  const described = `${thresholdComparison(threshold, breakdown)} (${thresholdLimitSource(threshold)})`;
  if (threshold.protectionEnabled !== false) return described;
  if (threshold.deletes > threshold.limit) return `${described}, and accidental-delete protection is off: nothing will stop them`;
  return `${described}; accidental-delete protection is off in the snapshot configuration`;
}

/**
 * Whether the threshold fails a run (--fail-on threshold, the verdict, the gate): exceeded, or not judged because the
 * configuration's threshold cannot be read (fail closed: the server's own limit may be lower than the default).
 */
export function thresholdFails(threshold: DeletionThreshold): boolean {
  return threshold.exceeded || (threshold.applies && threshold.unreadable !== undefined);
}

const KIND_SOURCES: Record<ConnectorKindJudgement['source'], string> = {
  option: 'named with --connector or --entra',
  configuration: 'told by the server configuration',
  manifest: 'named in snapshot.json',
  content: "told by the file's content",
  'file-name': 'told by the file name',
  none: 'nothing tells it',
  connectors: 'one of the connectors is',
};

/**
 * "Entra ID connector (told by the file's content)", "not the Entra ID connector (...): the threshold does not
 * apply"; for an unknown kind, the note that the threshold was applied all the same.
 */
export function describeConnectorKind(kind: ConnectorKindJudgement): string {
  if (kind.kind === 'unknown') return kind.note ?? 'connector kind unknown: judged as Entra ID for the threshold';
  if (kind.kind === 'entra') return `Entra ID connector (${KIND_SOURCES[kind.source]})`;
  return `not the Entra ID connector (${KIND_SOURCES[kind.source]}): the accidental-delete threshold does not apply`;
}
