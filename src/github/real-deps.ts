/**
 * The real dependencies of the app function, as the server runs it: the core verification, files read through the
 * API at an exact SHA, and the renderers. Tests inject stubs instead (AppDeps).
 */
import { renderGateCheckOutput } from '../report/gate-markdown.js';
import { renderPullRequestReview, renderReviewCheck, renderVerifyReply } from '../report/github-outputs.js';
import { systemClock } from '../clock.js';
import { verifyStaging } from '../verify/verify.js';
import { DEFAULT_COMMENT_BUDGET, fitCommentBody } from './comments.js';
import type { AppDeps } from './deps.js';
import { ApiFileSource } from './files.js';
import { handlePullRequestReview } from './pull-request.js';
import type { ActionIO } from './action-io.js';
import { loadConfigFile } from './config-file.js';
import { appInputs, type ExplicitInputs } from './inputs.js';
import type { ReviewDeps } from './review.js';

/** The server has no step outputs, job summary or report file: the review is the comment and the checks. */
export function serverIO(env: ActionIO['env'] = {}): ActionIO {
  const ignore = () => undefined;
  return {
    env,
    setOutput: ignore,
    appendSummary: async () => undefined,
    setFailed: ignore,
    info: ignore,
    warning: ignore,
    writeReport: async () => '',
    writeCommentFile: async () => '',
  };
}

/** The sticky-comment review, shared by both runtimes; `io` says where outputs go, `inputs` what the runtime gives. */
export function reviewDeps(io: ActionIO, inputs: ExplicitInputs, overrides: Partial<ReviewDeps> = {}): ReviewDeps {
  return {
    verify: verifyStaging,
    renderComment: (result, options) => renderPullRequestReview(result, options),
    renderSummary: (result, options) => renderPullRequestReview(result, options),
    now: systemClock.now,
    loadConfig: loadConfigFile,
    io,
    inputs,
    ...overrides,
  };
}

/**
 * The App's dependencies; `overrides.redactKey` is the redaction key (the App's SYNCSTAGE_REDACT_KEY, read by
 * src/server.ts; the Action's redact-key input), handed to the verification as a typed value on every path.
 */
export function realAppDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  // In the App the gate is a check run (AppDeps.publish), so the review's own commit status is not posted.
  // One clock for the checks, the replies and the review: the entry point's (SYNCSTAGE_NOW pins it in tests).
  const now = overrides.now ?? systemClock.now;
  // The runtime's explicit settings (the App's read-limit ceilings) weigh in the review as in the checks and commands.
  const review = reviewDeps(serverIO(), { ...appInputs(overrides.redactKey), settings: overrides.inputSettings ?? {} }, { now });
  return {
    verify: verifyStaging,
    openSource: (octokit, repo, sha) => new ApiFileSource(octokit, repo, sha),
    renderVerifyReply: (result, options) => renderVerifyReply(result, options, fitCommentBody, DEFAULT_COMMENT_BUDGET),
    renderReviewCheck: (result) => renderReviewCheck(result, fitCommentBody),
    renderGateCheck: (gate) => renderGateCheckOutput(gate),
    reviewPullRequest: async (context, options) => {
      await handlePullRequestReview(context as never, review, { postGateStatus: false, ...options });
    },
    now,
    ...overrides,
  };
}
