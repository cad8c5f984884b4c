/**
 * The accidental-delete threshold judged on the switch impact: when both servers' pending exports were paired,
 * the deletes that count are those the switch itself exports to Entra ID (stagingOnly and different: the active
 * server would not send them); deletes pending on both servers (same) go out anyway and do not count.
 */
import type { PendingExportReport } from '../exports/types.js';
import type { ImpactClass, SwitchImpactReport } from '../impact/types.js';
import type { Verdict } from './verdict.js';

export interface SwitchImpactEvidence {
  report?: SwitchImpactReport;
  /** The pairing failed (a connector on one server only, a malformed file, ...). */
  unreadable?: string;
}

function entraDeletes(value: ImpactClass, entraConnectors: ReadonlySet<string>): number {
  let deletes = 0;
  for (const [connector, types] of Object.entries(value.byConnector)) {
    if (!entraConnectors.has(connector)) continue;
    for (const counts of Object.values(types)) deletes += (counts.delete ?? 0) + (counts['delete-add'] ?? 0);
  }
  return deletes;
}

/** Returns true when it judged the threshold (the caller then skips the judgment on all pending deletes). */
export function checkSwitchThreshold(verdict: Verdict, exports: PendingExportReport, impact: SwitchImpactEvidence): boolean {
  if (impact.unreadable) {
    verdict.missing(`switch impact unreadable (the active server's exports could not be paired with the staging server's): ${impact.unreadable}`);
    return true;
  }
  const report = impact.report;
  if (!report) return false;
  const entra = new Set(report.connectors.filter((pair) => pair.isEntraConnector).map((pair) => pair.connector));
  const summaries = exports.connectors.length > 0 ? exports.connectors : [exports];
  const threshold = summaries.find((summary) => summary.threshold.applies)?.threshold;
  const counted = entraDeletes(report.switchImpact.stagingOnly, entra) + entraDeletes(report.switchImpact.different, entra);
  const same = entraDeletes(report.switchImpact.same, entra);
  const judged = `switch impact judged (the active server's exports paired with the staging server's): ${counted} deletes to Entra ID that the switch itself exports (stagingOnly + different); ${same} pending on both servers (same) not counted`;
  if (!threshold) {
    verdict.ok(`${judged}; no Entra ID export file on the staging server: no threshold to compare to`);
  } else if (threshold.protectionEnabled !== false && counted > threshold.limit) {
    verdict.fail(`${judged}: they exceed the accidental-delete threshold of ${threshold.limit}`);
  } else {
    verdict.ok(`${judged}; threshold ${threshold.limit}${threshold.protectionEnabled === false ? ' (accidental-delete protection is off)' : ''} not exceeded`);
  }
  return true;
}
