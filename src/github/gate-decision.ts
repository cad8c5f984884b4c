/**
 * What `syncstage/failover-prerequisites` says, decided once for every runtime: the Action's commit status and the
 * App's check run (pull requests, re-runs, merge groups, `/verify-staging`) read this one decision.
 * "No runbook in this PR" only when no runbook was changed, named or matched. A runbook that produced no gate result
 * (unreadable, not UTF-8, bad front matter, too large, missing, a symbolic link) is a failure naming the file and
 * the reason; so is a judged runbook whose other evidence could not all be read (fail closed).
 */
import type { InputError } from '../errors.js';
import type { GateResult } from '../gate/types.js';
import type { UnjudgedRunbook, VerificationResult } from '../verify/types.js';

export const NO_RUNBOOK_TITLE = 'no runbook in this PR';

export type GateDecision =
  | { kind: 'no-runbook'; conclusion: 'success'; headline: string }
  | {
      kind: 'judged';
      conclusion: 'success' | 'failure';
      /** One line for the status description and the check's title: what failed first, then the counts. */
      headline: string;
      gates: GateResult[];
      unjudged: UnjudgedRunbook[];
      /** Files other than runbooks that could not be read: evidence the gate could not weigh. */
      otherErrors: InputError[];
    };

/** The reason as a person reads it next to the runbook's path: `runbooks/a.md:3:1: front matter: ...`. */
export function unjudgedReason(runbook: UnjudgedRunbook): string {
  const { error } = runbook;
  const at = error.position ? `:${error.position.line}:${error.position.column}` : '';
  // The error names the file as its source describes it (`owner/repo@sha:path`): the path alone reads better here.
  const aboutTheRunbook = error.file === runbook.path || error.file.endsWith(`:${runbook.path}`);
  return aboutTheRunbook ? `${runbook.path}${at}: ${error.reason}` : `${runbook.path}: ${error.message}`;
}

export function decideGate(result: Pick<VerificationResult, 'gates' | 'unjudgedRunbooks' | 'inputErrors'>): GateDecision {
  const { gates } = result;
  const unjudged = result.unjudgedRunbooks;
  if (gates.length === 0 && unjudged.length === 0) return { kind: 'no-runbook', conclusion: 'success', headline: NO_RUNBOOK_TITLE };
  const runbookErrors = new Set<InputError>(unjudged.map((runbook) => runbook.error));
  const otherErrors = result.inputErrors.filter((error) => !runbookErrors.has(error));
  const parts: string[] = [];
  if (unjudged.length === 1) parts.push(`cannot judge ${unjudgedReason(unjudged[0]!)}`);
  if (unjudged.length > 1) parts.push(`cannot judge ${unjudged.length} runbooks: ${unjudged.map(unjudgedReason).join('; ')}`);
  if (gates.length > 0) {
    const satisfied = gates.reduce((sum, gate) => sum + gate.satisfied, 0);
    const total = gates.reduce((sum, gate) => sum + gate.total, 0);
    parts.push(`${satisfied} of ${total} prerequisites satisfied`);
  }
  if (otherErrors.length > 0) parts.push(`${otherErrors.length} other file(s) unreadable`);
  const ok = unjudged.length === 0 && otherErrors.length === 0 && gates.every((gate) => gate.ok);
  return { kind: 'judged', conclusion: ok ? 'success' : 'failure', headline: parts.join('; '), gates, unjudged, otherErrors };
}
