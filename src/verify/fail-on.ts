/**
 * `--fail-on` / the `fail-on` input: which conditions hold, each as a sentence. One implementation for the CLI
 * commands, the Action's step and the App's review check, so the same words mean the same thing everywhere.
 */
import type { DriftReport } from '../config/types.js';
import { describeConnectorKind, describeThreshold, thresholdFails } from '../exports/threshold-text.js';
import type { PendingExportSummary } from '../exports/types.js';
import type { GateResult } from '../gate/types.js';
import type { VerificationResult } from './types.js';

export type FailOnCondition = 'threshold' | 'errors' | 'risky' | 'drift' | 'prerequisites' | 'not-ready' | 'none';
export const FAIL_ON_CONDITIONS: readonly FailOnCondition[] = ['threshold', 'errors', 'risky', 'drift', 'prerequisites', 'not-ready', 'none'];

/** What the conditions are judged on; each command has some of it. */
export interface FailOnSubject {
  /** The total and per-connector export summaries. */
  exports?: PendingExportSummary[];
  drift?: DriftReport;
  gates?: GateResult[];
  /** Files that could not be read: an `errors` condition. */
  unreadable?: number;
  verdict?: 'ready' | 'not-ready';
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export function failOnReasons(conditions: Iterable<string>, subject: FailOnSubject): string[] {
  const wants = new Set(conditions);
  if (wants.has('none')) return [];
  const reasons: string[] = [];
  const summaries = subject.exports ?? [];
  const exceeded = summaries.filter((summary) => thresholdFails(summary.threshold));
  if (wants.has('threshold') && exceeded.length > 0) {
    // Name a connector when one is over: the total's sum says less.
    const connectors = exceeded.filter((summary) => summary.connector !== 'total');
    const worst = (connectors.length > 0 ? connectors : exceeded).reduce((a, b) => (b.threshold.deletes > a.threshold.deletes ? b : a));
    const kind = worst.connectorKind.kind === 'unknown' ? ` (${describeConnectorKind(worst.connectorKind)})` : '';
    reasons.push(`threshold: ${worst.connector}: ${describeThreshold(worst.threshold)}${kind}`);
  }
  // The first summary is the total when several are given: count errors and risky changes once.
  const counted = summaries.slice(0, 1);
  const exportErrors = sum(counted.map((summary) => sum(Object.values(summary.errors))));
  const unreadable = subject.unreadable ?? 0;
  if (wants.has('errors') && (exportErrors > 0 || unreadable > 0)) {
    const parts = [exportErrors > 0 ? `${exportErrors} object(s) with export errors` : '', unreadable > 0 ? `${unreadable} file(s) could not be read` : ''].filter(Boolean);
    reasons.push(`errors: ${parts.join(', ')}`);
  }
  const risky = sum(counted.map((summary) => sum(summary.risky.map((group) => group.count))));
  if (wants.has('risky') && risky > 0) reasons.push(`risky: ${risky} risky change(s)`);
  const drift = subject.drift;
  const violated = drift?.expected.filter((expectation) => !expectation.ok).length ?? 0;
  if (wants.has('drift') && drift && (drift.differences.length > 0 || violated > 0)) {
    reasons.push(`drift: ${drift.differences.length} difference(s) between the primary and the staging server${violated > 0 ? `, ${violated} failed expectation(s)` : ''}`);
  }
  const unmet = (subject.gates ?? []).filter((gate) => !gate.ok);
  if (wants.has('prerequisites') && unmet.length > 0) reasons.push(`prerequisites: ${unmet.map((gate) => `${gate.runbook}: ${gate.title}`).join('; ')}`);
  if (wants.has('not-ready') && subject.verdict === 'not-ready') reasons.push('not-ready: the staging server is not ready to switch');
  return reasons;
}

/** What a whole verification gives the conditions: the CLI's `verify`, the Action's step and the App's review check. */
export function failOnSubject(result: Pick<VerificationResult, 'exports' | 'drift' | 'gates' | 'verdict'>): FailOnSubject {
  return {
    exports: result.exports ? [result.exports, ...result.exports.connectors] : [],
    ...(result.drift ? { drift: result.drift } : {}),
    gates: result.gates,
    verdict: result.verdict,
  };
}
