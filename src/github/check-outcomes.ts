/**
 * What the two checks say, decided from a verification result: pure, so every case is a unit test.
 * The gate (`syncstage/failover-prerequisites`) is posted on every PR and is never `neutral` (neutral passes a
 * required check): no runbook touched -> success "no runbook in this PR"; a runbook -> failure until every
 * prerequisite is satisfied; a runbook that cannot be judged, or anything that stopped the evaluation -> failure
 * (fail closed). The decision itself is gate-decision.ts, shared with the Action's commit status.
 */
import type { GateResult } from '../gate/types.js';
import { decideGate, unjudgedReason } from './gate-decision.js';
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

/** Why a failing runbook may not be one: said once under the reasons. */
const RUNBOOK_GLOBS_HINT =
  'Every file the pull request adds or changes that matches the `runbooks` globs (or that `runbook=` names) is judged as a failover runbook. If one is not a runbook, narrow `runbooks:` in `.github/syncstage.yml`.';

/** The gate as a check run, from the one decision (gate-decision.ts) the Action's commit status reads too. */
export function gateOutcome(result: Pick<VerificationResult, 'gates' | 'unjudgedRunbooks' | 'inputErrors'>, render: RenderGate): CheckOutcome {
  const decision = decideGate(result);
  if (decision.kind === 'no-runbook') {
    return {
      conclusion: 'success',
      title: decision.headline,
      summary: 'No failover runbook is added or changed in this pull request, so there are no failover prerequisites to check.',
    };
  }
  const { gates, unjudged, otherErrors, conclusion } = decision;
  if (gates.length === 1 && unjudged.length === 0 && otherErrors.length === 0) return { conclusion, ...render(gates[0]!) };
  const sections = [
    ...unjudged.map((runbook) => `### ${codeSpan(runbook.path)}: cannot be judged\n\n${codeBlock(unjudgedReason(runbook))}`),
    ...(unjudged.length > 0 ? [RUNBOOK_GLOBS_HINT] : []),
    ...gates.map((gate) => {
      const part = render(gate);
      return `### ${codeSpan(gate.runbook)}: ${part.title}\n\n${part.summary}`;
    }),
    ...(otherErrors.length > 0 ? [`### Evidence that could not be read\n\n${codeBlock(otherErrors.map((error) => error.message).join('\n'))}`] : []),
  ];
  return { conclusion, title: decision.headline, summary: sections.join('\n\n') };
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
