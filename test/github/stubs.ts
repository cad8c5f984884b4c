/**
 * The one fake of verify()'s answer for every test of the GitHub edge (the App, the Action, the adapter): a gate
 * result, a pending-export report and a verification result, each a complete value of the real type, plus the stub
 * check renderers.
 */
import type { PendingExportReport } from '../../src/exports/types.js';
import type { GateResult } from '../../src/gate/types.js';
import type { VerificationResult } from '../../src/verify/types.js';
import { summary } from '../gate/builders.js';

export function gate(ok: boolean, runbook = 'docs/failover.md'): GateResult {
  return {
    schemaVersion: 1,
    stage: 'pre-switch',
    runbook,
    prerequisites: [],
    satisfied: ok ? 7 : 5,
    total: 7,
    ok,
    title: ok ? '7 of 7 prerequisites satisfied' : '5 of 7 prerequisites satisfied',
  };
}

/** The combined report of the pending exports (test/gate/builders.ts's), with these operation counts. */
export function exportsReport(operations: Record<string, number>, exceeded = false): PendingExportReport {
  const total = summary('total', operations.delete ?? 0, exceeded);
  return { ...total, files: [], objects: 0, operations, threshold: { ...total.threshold, source: 'default' }, connectors: [] };
}

/**
 * A verification result: "ready" over 1,206 pending exports (11 deletes, under the threshold) unless `overrides` say
 * otherwise; a "not-ready" one gives the reason a deletion threshold gives, unless it names its own.
 */
export function result(overrides: Partial<VerificationResult> = {}): VerificationResult {
  const verdict = overrides.verdict ?? 'ready';
  return {
    inputs: { exports: [], runbooks: [], now: new Date('2026-11-24T20:00:00Z') },
    exports: exportsReport({ add: 3, update: 1190, replace: 1, delete: 11, 'delete-add': 1 }),
    gates: [],
    unjudgedRunbooks: [],
    inputErrors: [],
    verdict,
    reasons: verdict === 'ready' ? [] : ['3 deletions over the threshold of 2 on contoso.com'],
    ...overrides,
  };
}

export const renderGateCheck = (g: GateResult) => ({ title: g.title, summary: `gate summary for ${g.runbook}` });
export const renderReviewCheck = (r: VerificationResult) => ({ title: r.verdict === 'ready' ? 'ready to switch' : 'not ready', summary: `review: ${r.reasons.join('; ')}` });
