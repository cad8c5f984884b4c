/**
 * One evaluation of one commit, as every trigger runs it (pull_request, check_run.rerequested, merge_group,
 * `/verify-staging` in a PR): verify at exactly `sha`, then post `syncstage/review` and
 * `syncstage/failover-prerequisites` on that same SHA. Input and config errors fail both checks (fail closed).
 */
import { isInputError } from '../errors.js';
import { GATE_CHECK_NAME, REVIEW_CHECK_NAME } from '../check-names.js';
import type { VerificationInputs, VerificationResult } from '../verify/types.js';
import { type CheckOutcome, errorOutcome, gateOutcome, reviewOutcome, statusOf } from './outcome.js';
import { createCheckRun, createCommitStatus } from './checks.js';
import { isConfigError, loadSyncstageConfig, type SyncstageConfigFile } from './config.js';
import type { AppDeps, Octokit, RepoRef } from './deps.js';
import { changedRunbookInputs, runbookGlobs, settingsFromConfig, verificationInputs } from './command-inputs.js';
import { describeError } from './replies.js';

export interface CommitTarget extends RepoRef {
  sha: string;
  /** The pull request's (or merge group's) base: the switch impact reads earlier snapshots there. */
  baseSha?: string;
  detailsUrl?: string;
}

export async function verifyAt(octokit: Octokit, deps: AppDeps, target: CommitTarget, inputs: VerificationInputs): Promise<VerificationResult> {
  const source = deps.openSource(octokit, { owner: target.owner, repo: target.repo }, target.sha);
  const base = target.baseSha ? deps.openSource(octokit, { owner: target.owner, repo: target.repo }, target.baseSha) : undefined;
  // Every App path (checks, re-runs, merge groups, /verify-staging) verifies here: the key joins only when redacting.
  return deps.verify(source, inputs.redact && deps.redactKey ? { ...inputs, redactKey: deps.redactKey } : inputs, base ? { base } : {});
}

export interface CheckPair {
  review: CheckOutcome;
  gate: CheckOutcome;
}

export function outcomesOf(result: VerificationResult, deps: AppDeps, config: SyncstageConfigFile): CheckPair {
  return {
    review: reviewOutcome(result, deps.renderReviewCheck, settingsFromConfig(config, deps.inputSettings).failOn),
    gate: gateOutcome(result, deps.renderGateCheck),
  };
}

/** Both checks failed with the reason, for errors a person must fix (bad config, missing or bad files). */
export function failedOutcomes(error: unknown): CheckPair | undefined {
  if (isConfigError(error)) return { review: errorOutcome('invalid .github/syncstage.yml', describeError(error)), gate: errorOutcome('invalid .github/syncstage.yml', describeError(error)) };
  if (isInputError(error)) return { review: errorOutcome('unreadable input', describeError(error)), gate: errorOutcome('unreadable input', describeError(error)) };
  return undefined;
}

/** The review check first, then the gate: both on `target.sha`. Returns the review check run's page, when GitHub gives it. */
export async function postChecks(octokit: Octokit, deps: AppDeps, target: CommitTarget, checks: CheckPair): Promise<{ reviewUrl?: string }> {
  const posted: { reviewUrl?: string } = {};
  for (const [name, outcome] of [
    [REVIEW_CHECK_NAME, checks.review],
    [GATE_CHECK_NAME, checks.gate],
  ] as const) {
    if (deps.publish === 'statuses') {
      const status = statusOf(outcome);
      await createCommitStatus(octokit, { owner: target.owner, repo: target.repo, sha: target.sha, context: name, state: status.state, description: status.description, ...(target.detailsUrl ? { targetUrl: target.detailsUrl } : {}) });
      continue;
    }
    const run = await createCheckRun(octokit, {
      owner: target.owner,
      repo: target.repo,
      headSha: target.sha,
      name,
      conclusion: outcome.conclusion,
      title: outcome.title,
      summary: outcome.summary,
      completedAt: deps.now(),
      ...(target.detailsUrl ? { detailsUrl: target.detailsUrl } : {}),
    });
    if (name === REVIEW_CHECK_NAME && run?.url) posted.reviewUrl = run.url;
  }
  return posted;
}

export interface EvaluationContext {
  octokit: Octokit;
  log?: { info(details: object, message: string): void };
  config<T>(fileName: string): Promise<T | null>;
}

/**
 * The evaluation behind the PR events, a re-run and a merge group: config, runbooks among the changed files,
 * verify at `target.sha`, both checks on it. Config and input errors fail both checks; other errors propagate.
 */
export async function evaluateCommit(
  context: EvaluationContext,
  deps: AppDeps,
  target: CommitTarget,
  changedFiles: () => Promise<string[]>,
  /** Told the review check run's page once posted (the PR comment links it). */
  onPosted?: (posted: { reviewUrl?: string }) => void,
): Promise<VerificationResult | undefined> {
  try {
    const config = await loadSyncstageConfig(context);
    const changed = changedRunbookInputs(await changedFiles(), runbookGlobs(config, deps.inputSettings));
    const inputs = { ...verificationInputs(config, {}, changed.runbookFiles, deps.now(), deps.inputSettings), runbookCandidates: changed.runbookCandidates };
    const result = await verifyAt(context.octokit, deps, target, inputs);
    const checks = outcomesOf(result, deps, config);
    // Posted first, then told: `onPosted?.(await ...)` would skip the call itself when nobody listens.
    const posted = await postChecks(context.octokit, deps, target, checks);
    onPosted?.(posted);
    context.log?.info({ sha: target.sha, verdict: result.verdict, review: checks.review.conclusion, gate: checks.gate.conclusion }, 'checks posted');
    return result;
  } catch (error) {
    const failed = failedOutcomes(error);
    if (!failed) throw error;
    await postChecks(context.octokit, deps, target, failed);
    context.log?.info({ sha: target.sha, error: describeError(error) }, 'checks failed: the evaluation could not run');
    return undefined;
  }
}
