/**
 * What the two checks say, decided from a verification result: pure, so every case is a unit test.
 * The gate (`syncstage/failover-prerequisites`) is posted on every PR and is never `neutral` (neutral passes a
 * required check): no runbook -> success "no runbook in this PR"; a runbook -> failure until every prerequisite
 * is satisfied; anything that stopped the evaluation -> failure (fail closed).
 */
import type { GateResult } from '../gate/types.js';
import { codeBlock, codeSpan } from '../report/markdown-text.js';
import type { VerificationResult } from '../verify/types.js';
import type { CheckConclusion } from './checks.js';
import { failedConditions } from './outcome.js';

export interface CheckOutcome {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
}

export type RenderGate = (gate: GateResult) => { title: string; summary: string };
export type RenderReview = (result: VerificationResult) => { title: string; summary: string };

export const NO_RUNBOOK_TITLE = 'no runbook in this PR';

export function gateOutcome(gates: readonly GateResult[], render: RenderGate): CheckOutcome {
  if (gates.length === 0) {
    return {
      conclusion: 'success',
      title: NO_RUNBOOK_TITLE,
      summary: 'No failover runbook is added or changed in this pull request, so there are no failover prerequisites to check.',
    };
  }
  const conclusion: CheckConclusion = gates.every((gate) => gate.ok) ? 'success' : 'failure';
  if (gates.length === 1) return { conclusion, ...render(gates[0]!) };
  const parts = gates.map((gate) => ({ runbook: gate.runbook, ...render(gate) }));
  return {
    conclusion,
    title: parts.map((part) => part.title).join('; '),
    summary: parts.map((part) => `### ${codeSpan(part.runbook)}: ${part.title}\n\n${part.summary}`).join('\n\n'),
  };
}

/**
 * The review check fails when a `fail-on` condition holds (the same conditions that fail the Action's step) or a
 * file could not be read; otherwise it succeeds and its title still says whether the server is ready. `fail-on`
 * never touches the gate.
 */
export function reviewOutcome(result: VerificationResult, render: RenderReview, failOn: readonly string[] = ['threshold', 'errors']): CheckOutcome {
  const failing = result.inputErrors.length > 0 || failedConditions(result, failOn).length > 0;
  return { conclusion: failing ? 'failure' : 'success', ...render(result) };
}

/** Both checks when the evaluation could not run: a failure naming what stopped it, never a pass. */
export function errorOutcome(what: string, message: string): CheckOutcome {
  return { conclusion: 'failure', title: what, summary: `${what}:\n\n${codeBlock(message)}` };
}

/** The same outcome as a commit status (the Action after a comment): neutral becomes success, as GitHub treats it. */
export function statusOf(outcome: CheckOutcome): { state: 'success' | 'failure'; description: string } {
  return { state: outcome.conclusion === 'failure' ? 'failure' : 'success', description: outcome.title };
}
