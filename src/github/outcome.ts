/**
 * What a verification result comes to for the Action: the step outputs, the `fail-on` conditions that hold, and the
 * gate's commit status. Pure functions of the result, so every edge says the same thing.
 */
import { countOperations } from '../exports/counts.js';
import { thresholdFails } from '../exports/threshold-text.js';
import type { PendingExportSummary } from '../exports/types.js';
import { switchCounts } from '../impact/classes.js';
import type { VerificationResult } from '../verify/types.js';
import { fitLine, STATUS_DESCRIPTION_LIMIT } from './checks.js';
import { decideGate } from './gate-decision.js';

export interface ReviewOutputs {
  adds: number;
  updates: number;
  deletes: number;
  'delete-adds': number;
  'threshold-exceeded': boolean;
  'drift-count': number;
  /** The switch impact (stagingOnly + different), only when the active server's exports were paired. */
  'switch-adds'?: number;
  'switch-updates'?: number;
  'switch-deletes'?: number;
  'switch-delete-adds'?: number;
  'switch-different'?: number;
}

function summariesOf(result: VerificationResult): PendingExportSummary[] {
  const report = result.exports;
  return report ? [report, ...report.connectors] : [];
}

function thresholdExceeded(result: VerificationResult): boolean {
  return summariesOf(result).some((summary) => summary.threshold.exceeded);
}

/** The words people use, as the comment's verdict line counts them: delete-adds apart from deletes. */
export function reviewOutputs(result: VerificationResult): ReviewOutputs {
  const operations = result.exports?.operations;
  return {
    adds: countOperations(operations, 'add'),
    updates: countOperations(operations, 'update', 'replace'),
    deletes: countOperations(operations, 'delete'),
    'delete-adds': countOperations(operations, 'delete-add'),
    'threshold-exceeded': thresholdExceeded(result),
    'drift-count': result.drift?.differences.length ?? 0,
    ...switchOutputs(result),
  };
}

/** Left out when the switch impact was not judged: 0 would say "nothing changes", which nobody knows then. */
function switchOutputs(result: VerificationResult): Partial<ReviewOutputs> {
  if (!result.impact) return {};
  const counts = switchCounts(result.impact.switchImpact);
  return { 'switch-adds': counts.adds, 'switch-updates': counts.updates, 'switch-deletes': counts.deletes, 'switch-delete-adds': counts.deleteAdds, 'switch-different': counts.different };
}

/** The `fail-on` conditions that hold, each as a sentence for the failed step. */
export function failedConditions(result: VerificationResult, failOn: readonly string[]): string[] {
  const reasons: string[] = [];
  const wants = new Set(failOn);
  const exportErrors = Object.values(result.exports?.errors ?? {}).reduce((sum, n) => sum + n, 0);
  // Input that was named or found but could not be read fails whatever fail-on says (as syncstage/review does in the
  // App): a review that could not judge is never a pass.
  if (result.inputErrors.length > 0) reasons.push(`${result.inputErrors.length} input(s) could not be read: ${result.inputErrors.map((error) => error.message).join('; ')}`);
  if (wants.has('threshold') && thresholdExceeded(result)) reasons.push('the deletion threshold is exceeded');
  else if (wants.has('threshold') && summariesOf(result).some((summary) => thresholdFails(summary.threshold))) {
    reasons.push("the deletion threshold cannot be judged: the staging configuration's threshold cannot be read");
  }
  if (wants.has('errors') && exportErrors > 0) reasons.push(`${exportErrors} export error(s) are pending`);
  if (wants.has('risky') && (result.exports?.risky.length ?? 0) > 0) reasons.push('risky changes are pending');
  if (wants.has('drift') && (result.drift?.differences.length ?? 0) > 0) reasons.push(`${result.drift?.differences.length} configuration difference(s) between primary and staging`);
  if (wants.has('prerequisites') && result.gates.some((gate) => !gate.ok)) reasons.push('failover prerequisites are not all satisfied');
  if (wants.has('not-ready') && result.verdict === 'not-ready') reasons.push('the staging server is not ready to switch');
  return reasons;
}

export interface GateStatus {
  state: 'success' | 'failure';
  description: string;
}

/** The failover gate as a commit status: the one decision (gate-decision.ts) the App's check run reads too. */
export function gateStatus(result: Pick<VerificationResult, 'gates' | 'unjudgedRunbooks' | 'inputErrors'>): GateStatus {
  const decision = decideGate(result);
  return { state: decision.conclusion, description: fitLine(decision.headline, STATUS_DESCRIPTION_LIMIT) };
}
