/**
 * "Ready to switch" or "not ready", with the reasons in the order an operator must act on them.
 * Fail closed: unreadable input, a missing side, an exceeded threshold, export errors, unacknowledged risky
 * changes, drift, a violated staging-mode expectation or an unmet prerequisite each make it "not ready".
 */
import type { DriftReport } from '../config/types.js';
import type { InputError } from '../errors.js';
import { describeThreshold, thresholdFails } from '../exports/threshold-text.js';
import type { PendingExportReport } from '../exports/types.js';
import type { GateResult } from '../gate/types.js';
import type { ServerSnapshot } from '../snapshot/types.js';
import type { Verdict } from './types.js';

export interface VerdictInputs {
  exports?: PendingExportReport;
  drift?: DriftReport;
  gates: GateResult[];
  inputErrors: InputError[];
  primary?: ServerSnapshot;
  staging?: ServerSnapshot;
}

export function judge(inputs: VerdictInputs): { verdict: Verdict; reasons: string[] } {
  const reasons: string[] = [];
  for (const error of describeInputErrors(inputs.inputErrors)) reasons.push(error);
  if (!inputs.exports) reasons.push('no pending-export file of the staging server was analysed');
  for (const summary of inputs.exports?.connectors ?? []) {
    const { threshold } = summary;
    if (thresholdFails(threshold)) reasons.push(`${summary.connector}: ${describeThreshold(threshold)}`);
    const errors = Object.values(summary.errors).reduce((a, b) => a + b, 0);
    if (errors > 0) reasons.push(`${summary.connector}: ${errors.toLocaleString('en-US')} export ${errors === 1 ? 'error' : 'errors'}`);
    const risky = summary.risky.reduce((total, group) => total + group.count, 0);
    if (risky > 0) reasons.push(`${summary.connector}: ${risky.toLocaleString('en-US')} risky ${risky === 1 ? 'change' : 'changes'} to review`);
  }
  if (!inputs.drift) {
    if (!inputs.primary?.config || !inputs.staging?.config) reasons.push('drift not checked: the configuration of both servers is needed');
  } else {
    const count = inputs.drift.differences.length;
    if (count > 0) reasons.push(`${count.toLocaleString('en-US')} configuration ${count === 1 ? 'difference' : 'differences'} between the primary and the staging server`);
    for (const expectation of inputs.drift.expected) if (!expectation.ok) reasons.push(expectation.message);
  }
  for (const gate of inputs.gates) if (!gate.ok) reasons.push(`${gate.runbook}: ${gate.title}`);
  return { verdict: reasons.length === 0 ? 'ready' : 'not-ready', reasons };
}

function describeInputErrors(errors: InputError[]): string[] {
  return errors.map((error) => `unreadable input: ${error.message}`);
}
