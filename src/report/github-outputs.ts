/**
 * The review as each GitHub surface shows it: the PR comment (within its budget, with what moved since the base
 * branch), the job summary, the /verify-staging reply and the check-run texts. One renderer (renderReview) under
 * all of them, so the comment, the summary and the check say the same thing.
 */
import { CHECK_SUMMARY_LIMIT } from './gate-markdown.js';
import { renderReview, renderVerifyReply as renderReply } from './review.js';
import { compareExportReports, configChangesSince } from '../verify/compare.js';
import type { VerificationResult } from '../verify/types.js';

export interface CompareOptions {
  /** The same verification at the base commit. */
  base?: VerificationResult;
  /** The base branch's name ("since main"). */
  baseRef?: string;
}

/** Markdown cut to `budget` characters at a section boundary, with a note saying where the rest is. */
export type Fit = (markdown: string, budget: number) => string;

function movements(result: VerificationResult, options: CompareOptions) {
  return options.base?.exports && result.exports ? compareExportReports(options.base.exports, result.exports) : undefined;
}

export function renderPullRequestReview(result: VerificationResult, options: CompareOptions & { sha?: string; run?: { url: string; label: string } } = {}): string {
  return renderReview(result, {
    ...(options.sha ? { sha: options.sha } : {}),
    ...(options.run ? { run: options.run } : {}),
    ...(options.baseRef ? { baseName: options.baseRef } : {}),
    movements: movements(result, options),
    ...(options.base ? { configChanges: configChangesSince(options.base, result) } : {}),
  });
}

/** The title of the `syncstage/review` check: the verdict, without Markdown. */
export function reviewCheckTitle(result: VerificationResult): string {
  return result.verdict === 'ready' ? 'ready to switch' : `not ready: ${result.reasons[0] ?? 'see the summary'}`.slice(0, 200);
}

export function renderReviewCheck(result: VerificationResult, fit: Fit): { title: string; summary: string } {
  return { title: reviewCheckTitle(result), summary: fit(renderReview(result), CHECK_SUMMARY_LIMIT - 100) };
}

export function renderVerifyReply(result: VerificationResult, options: { commandUrl: string; sha: string; requestedBy?: string }, fit: Fit, budget: number): string {
  return fit(renderReply(result, options), budget);
}

