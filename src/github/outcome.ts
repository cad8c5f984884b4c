/**
 * What a verification result comes to, for every runtime and every way of posting it: the step outputs, the
 * `fail-on` conditions that hold, both checks (as check runs) and the same checks as commit statuses. Pure functions
 * of the result, so a status reads the same whatever posted it (a pull-request run, a merge group, a re-run or
 * `/verify-staging`).
 *
 * The gate (`syncstage/failover-prerequisites`) is never `neutral` (neutral passes a required check): no runbook
 * touched -> success "no runbook in this PR"; a runbook -> failure until every prerequisite is satisfied; a runbook
 * that cannot be judged, or anything that stopped the evaluation -> failure (fail closed). The decision itself is
 * gate-decision.ts.
 */
import { countOperations } from '../exports/counts.js';
import type { GateResult } from '../gate/types.js';
import { codeBlock, codeSpan } from '../report/markdown-text.js';
import { failOnReasons, failOnSubject } from '../verify/fail-on.js';
import type { PendingExportSummary } from '../exports/types.js';
import { switchCounts } from '../impact/classes.js';
import type { VerificationResult } from '../verify/types.js';
import { type CheckConclusion, fitLine, STATUS_DESCRIPTION_LIMIT } from './checks.js';
import { decideGate, unjudgedReason } from './gate-decision.js';

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

/**
 * The `fail-on` conditions that hold, each as a sentence for the failed step and the review check: the one
 * implementation (src/verify/fail-on.ts) the CLI's commands use too. Input that was named or found but could not be
 * read comes first and fails whatever fail-on says: a review that could not judge is never a pass.
 */
export function failedConditions(result: VerificationResult, failOn: readonly string[]): string[] {
  const unreadable = result.inputErrors.length > 0 ? [`${result.inputErrors.length} input(s) could not be read: ${result.inputErrors.map((error) => error.message).join('; ')}`] : [];
  return [...unreadable, ...failOnReasons(failOn, failOnSubject(result))];
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
  // One runbook: its own report, under the headline every status and check of the gate carries.
  if (gates.length === 1 && unjudged.length === 0 && otherErrors.length === 0) return { conclusion, ...render(gates[0]!), title: decision.headline };
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
  const failing = failedConditions(result, failOn).length > 0;
  return { conclusion: failing ? 'failure' : 'success', ...render(result) };
}

/** Both checks when the evaluation could not run: a failure naming what stopped it, never a pass. */
export function errorOutcome(what: string, message: string): CheckOutcome {
  // The reason's first line is in the title too: a commit status shows the title only.
  const firstLine = message.split('\n', 1)[0] ?? '';
  return { conclusion: 'failure', title: firstLine ? `${what}: ${firstLine}` : what, summary: `${what}:\n\n${codeBlock(message)}` };
}

/** The same outcome as a commit status (the Action after a comment): neutral becomes success, as GitHub treats it. */
export function statusOf(outcome: CheckOutcome): { state: 'success' | 'failure'; description: string } {
  return { state: outcome.conclusion === 'failure' ? 'failure' : 'success', description: outcome.title };
}
