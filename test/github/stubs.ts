import type { GateResult } from '../../src/gate/types.js';
import type { VerificationResult } from '../../src/verify/types.js';

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

export function result(verdict: 'ready' | 'not-ready', gates: GateResult[] = []): VerificationResult {
  return {
    inputs: { exports: [], runbooks: [], now: new Date('2026-11-24T20:00:00Z') },
    gates,
    unjudgedRunbooks: [],
    inputErrors: [],
    verdict,
    reasons: verdict === 'ready' ? [] : ['3 deletions over the threshold of 2 on contoso.com'],
  };
}

export const renderGateCheck = (g: GateResult) => ({ title: g.title, summary: `gate summary for ${g.runbook}` });
export const renderReviewCheck = (r: VerificationResult) => ({ title: r.verdict === 'ready' ? 'ready to switch' : 'not ready', summary: `review: ${r.reasons.join('; ')}` });
