/**
 * The accidental-delete threshold judged on the switch impact: when both servers' pending exports were paired,
 * the deletes that count are those the switch itself exports to Entra ID (stagingOnly and different: the active
 * server would not send them); deletes pending on both servers (same) go out anyway and do not count.
 */
import { describeThreshold, formatCount, type ThresholdBreakdown } from '../exports/threshold-text.js';
import type { PendingExportReport } from '../exports/types.js';
import { captureSkew } from '../impact/capture-skew.js';
import type { ImpactClass, SwitchImpactReport } from '../impact/types.js';
import type { Verdict } from './verdict.js';

export interface SwitchImpactEvidence {
  report?: SwitchImpactReport;
  /** The pairing failed (a connector on one server only, a malformed file, ...). */
  unreadable?: string;
}

/** Connector names as the pairing matches them: the analysis keeps a manifest's blanks, the pairing trims them. */
function connectorKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Deletes and delete-adds to the Entra ID connectors in one class (docs/counting.md: the threshold counts both). */
function entraDeletes(value: ImpactClass, entraConnectors: ReadonlySet<string>): ThresholdBreakdown {
  const counted: ThresholdBreakdown = { deletes: 0, deleteAdds: 0 };
  for (const [connector, types] of Object.entries(value.byConnector)) {
    if (!entraConnectors.has(connectorKey(connector))) continue;
    for (const counts of Object.values(types)) {
      counted.deletes += counts.delete ?? 0;
      counted.deleteAdds += counts['delete-add'] ?? 0;
    }
  }
  return counted;
}

function sum(a: ThresholdBreakdown, b: ThresholdBreakdown): ThresholdBreakdown {
  return { deletes: a.deletes + b.deletes, deleteAdds: a.deleteAdds + b.deleteAdds };
}

/**
 * Returns true when it judged the threshold (the caller then skips the judgment on all pending deletes). When the
 * pairing failed, the row cannot be satisfied, and the caller still judges every pending delete: what is known shows.
 */
export function checkSwitchThreshold(verdict: Verdict, exports: PendingExportReport, impact: SwitchImpactEvidence): boolean {
  if (impact.unreadable) {
    verdict.missing(`switch impact unreadable (the active server's exports could not be paired with the staging server's): ${impact.unreadable}`);
    return false;
  }
  const report = impact.report;
  if (!report) return false;
  const summaries = exports.connectors.length > 0 ? exports.connectors : [exports];
  // The connectors the threshold applies to, as the staging analysis judged them (declared, content, or unknown and so
  // judged as Entra ID), and those the pairing names Entra ID: a delete to any of them counts.
  const applies = summaries.filter((summary) => summary.threshold.applies);
  const entra = new Set([...applies.map((summary) => summary.connector), ...report.connectors.filter((pair) => pair.isEntraConnector).map((pair) => pair.connector)].map(connectorKey));
  const threshold = applies[0]?.threshold;
  const switchedParts = sum(entraDeletes(report.switchImpact.stagingOnly, entra), entraDeletes(report.switchImpact.different, entra));
  const switched = switchedParts.deletes + switchedParts.deleteAdds;
  const sameParts = entraDeletes(report.switchImpact.same, entra);
  const same = sameParts.deletes + sameParts.deleteAdds;
  // `same` is discounted only when both snapshots were taken after the same sync cycle (fail closed otherwise).
  const skew = captureSkew(report);
  const breakdown = skew.comparable ? switchedParts : sum(switchedParts, sameParts);
  const counted = breakdown.deletes + breakdown.deleteAdds;
  const sameText = skew.comparable ? `${formatCount(same)} pending on both servers (same) not counted` : `${formatCount(same)} pending on both servers (same) counted too: ${skew.why}`;
  const judged = `switch impact judged (the active server's exports paired with the staging server's): ${formatCount(switched)} deletes to Entra ID that the switch itself exports (stagingOnly + different); ${sameText}`;
  if (!threshold) {
    verdict.ok(`${judged}; no Entra ID export file on the staging server: no threshold to compare to`);
  } else if (threshold.unreadable !== undefined) {
    verdict.missing(`${judged}: ${describeThreshold({ ...threshold, deletes: counted, exceeded: counted > threshold.limit }, breakdown)}`);
  } else {
    // The same rule as the analysis: deletes over the limit fail, with protection off too (nothing would stop them).
    const judgedThreshold = { ...threshold, deletes: counted, exceeded: counted > threshold.limit };
    if (judgedThreshold.exceeded) verdict.fail(`${judged}: ${describeThreshold(judgedThreshold, breakdown)}`);
    else verdict.ok(`${judged}: ${describeThreshold(judgedThreshold, breakdown)}`);
  }
  return true;
}
