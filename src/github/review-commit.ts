/**
 * Judge once: the review of one commit as one ReviewOutcome, whatever the event (pull_request, merge_group, a re-run,
 * workflow_run, push, `/verify-staging`) and whatever the runtime. It verifies, decides fail-on and both checks, and
 * posts nothing: posting is the publishers' job (src/github/publish/), each runtime picking its list. So the App's
 * check runs, the Action's statuses, the sticky comment and the step's outputs all read the same outcome.
 */
import { ConfigError } from './settings-schema.js';
import { isInputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import type { VerificationInputs, VerificationResult } from '../verify/types.js';
import type { CommandArguments } from './command.js';
import { changedRunbookInputs } from './command-inputs.js';
import type { ReviewDeps, RepoRef } from './deps.js';
import { type CheckOutcome, errorOutcome, failedConditions, gateOutcome, reviewOutcome } from './outcome.js';
import { describeError } from './replies.js';
import { settingsToVerificationInputs, type SyncstageSettings } from './settings.js';

/** The commit a review is of, and where its results go. */
export interface ReviewTarget extends RepoRef {
  headSha: string;
  /** The pull request's (or merge group's) base: the comparison and the switch impact's earlier snapshots. */
  baseSha?: string;
  /** The base branch's name, for "since main". */
  baseRef?: string;
  /** The pull request to comment on and label; none for push, workflow_dispatch, merge groups, re-runs. */
  pullNumber?: number;
  /** The page the checks link to (the pull request, the command comment). */
  detailsUrl?: string;
}

export interface ReviewRequest {
  target: ReviewTarget;
  settings: SyncstageSettings;
  head: FileSource;
  /** The base commit's files: handed to the verification, and verified on their own when `compareWithBase`. */
  base?: FileSource;
  /**
   * Files the change adds or modifies: the gate judges exactly the runbooks among them, and reads the other Markdown
   * files for a runbook's front matter ("no runbook in this PR" when none). Undefined: the `runbooks` globs at the head.
   */
  changedFiles?: readonly string[];
  /** `/verify-staging`'s arguments, over the settings. */
  args?: CommandArguments;
  /** Verify the base on its own too, for the comment's "what changed since main". */
  compareWithBase?: boolean;
}

export interface CheckPair {
  review: CheckOutcome;
  gate: CheckOutcome;
}

export interface ReviewOutcome {
  target: ReviewTarget;
  /** Undefined when the settings themselves could not be read. */
  settings?: SyncstageSettings;
  /** Undefined when the review could not run (`stopped` says why). */
  result?: VerificationResult;
  /** The same verification at the base, for the comparison; undefined when not compared or not readable. */
  base?: VerificationResult;
  checks: CheckPair;
  /** The fail-on conditions that hold (input that could not be read first), as sentences; empty when none. */
  failures: string[];
  stopped?: { reason: string; error: unknown };
}

export interface ReviewLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * What the core is asked, from the settings: the runbooks of the change by name (each judged or failed, never
 * skipped) and `runbook=` beside them, never instead; `/verify-staging`'s exports, primary and staging over the
 * settings; the redaction key only when redacting.
 */
export function verificationInputsFor(request: Pick<ReviewRequest, 'settings' | 'changedFiles' | 'args'>, now: Date, redactKey?: string): VerificationInputs {
  const { settings, args = {}, changedFiles } = request;
  const inputs = settingsToVerificationInputs(settings, now);
  if (args.exports !== undefined) inputs.exports = [args.exports];
  if (args.primary !== undefined) inputs.primary = args.primary;
  if (args.staging !== undefined) inputs.staging = args.staging;
  if (changedFiles !== undefined || args.runbook !== undefined) {
    const changed = changedRunbookInputs(changedFiles ?? [], settings.runbooks);
    inputs.runbooks = [];
    inputs.runbookFiles = [...new Set([...changed.runbookFiles, ...(args.runbook !== undefined ? [args.runbook] : [])])].sort();
    if (changedFiles !== undefined) inputs.runbookCandidates = changed.runbookCandidates;
  }
  if (inputs.redact && redactKey) inputs.redactKey = redactKey;
  return inputs;
}

/** The base side of the comparison; a failure there costs the comparison, never the review. */
async function verifyBase(request: ReviewRequest, deps: ReviewDeps, inputs: VerificationInputs, log: ReviewLog): Promise<VerificationResult | undefined> {
  if (!request.compareWithBase || !request.base || !request.target.baseSha) return undefined;
  try {
    // The base serves the comparison of exports and configurations only: its runbooks are not the gate's.
    return await deps.verify(request.base, { ...inputs, runbooks: [], runbookFiles: [], runbookCandidates: [] });
  } catch (error) {
    log.warn(`could not verify the base commit ${request.target.baseSha.slice(0, 7)} for the comparison: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * The review of one commit. Input that cannot be read (an InputError) and a bad settings file (a ConfigError) stop
 * it with an outcome that fails both checks naming the reason; anything else propagates to the caller, which
 * publishes stoppedReview() for it before failing.
 */
export async function reviewCommit(request: ReviewRequest, deps: ReviewDeps, log: ReviewLog): Promise<ReviewOutcome> {
  const { target, settings } = request;
  const inputs = verificationInputsFor(request, deps.now(), deps.inputs.redactKey);
  let result: VerificationResult;
  try {
    result = await deps.verify(request.head, inputs, request.base ? { base: request.base } : {});
  } catch (error) {
    if (!isInputError(error)) throw error;
    return stoppedReview(target, error, settings);
  }
  const base = await verifyBase(request, deps, inputs, log);
  return {
    target,
    settings,
    result,
    ...(base ? { base } : {}),
    checks: { review: reviewOutcome(result, deps.renderReviewCheck, settings.failOn), gate: gateOutcome(result, deps.renderGateCheck) },
    failures: failedConditions(result, settings.failOn),
  };
}

/** What stopped a review, in the words both checks and the step say it. */
export function stopReason(error: unknown): { what: string; message: string } {
  if (error instanceof ConfigError) return { what: 'invalid .github/syncstage.yml', message: describeError(error) };
  if (isInputError(error)) return { what: 'unreadable input', message: describeError(error) };
  return { what: 'the review could not run', message: describeError(error) };
}

/** The outcome of a review that could not run: both checks fail naming the reason (fail closed), never a pass. */
export function stoppedReview(target: ReviewTarget, error: unknown, settings?: SyncstageSettings): ReviewOutcome {
  const { what, message } = stopReason(error);
  return failedReview(target, what, message, error, settings);
}

/** The outcome of a review refused before it could start (a re-run with no change to judge): both checks fail saying why. */
export function refusedReview(target: ReviewTarget, what: string, message: string): ReviewOutcome {
  return failedReview(target, what, message, new Error(message));
}

function failedReview(target: ReviewTarget, what: string, message: string, error: unknown, settings?: SyncstageSettings): ReviewOutcome {
  const failed = errorOutcome(what, message);
  const reason = `${what}: ${message}`;
  return { target, ...(settings ? { settings } : {}), checks: { review: failed, gate: failed }, failures: [reason], stopped: { reason, error } };
}
