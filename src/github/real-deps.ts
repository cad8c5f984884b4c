/**
 * The real dependencies, as both entry points wire them (src/server.ts for the App, src/main.ts for the Action): the
 * core verification, the renderers, the settings loader, and where files come from. Tests inject stubs instead.
 */
import { renderGateCheckOutput } from '../report/gate-markdown.js';
import { renderPullRequestReview, renderReviewCheck, renderVerifyReply } from '../report/github-outputs.js';
import { systemClock } from '../clock.js';
import { verifyStaging } from '../verify/verify.js';
import type { ActionIO } from './action-io.js';
import { DEFAULT_COMMENT_BUDGET, fitCommentBody } from './comments.js';
import { loadConfigFile } from './settings-file.js';
import type { ReviewDeps } from './deps.js';
import { appInputs, type ExplicitInputs } from './inputs.js';
import type { LimitSettings } from './settings.js';
import { apiSources, checkoutSources } from './sources.js';

function realDeps(overrides: Partial<ReviewDeps> & Pick<ReviewDeps, 'inputs' | 'openSource'>): ReviewDeps {
  return {
    verify: verifyStaging,
    now: systemClock.now,
    loadConfig: loadConfigFile,
    renderComment: (result, options) => renderPullRequestReview(result, options),
    renderSummary: (result, options) => renderPullRequestReview(result, options),
    renderVerifyReply: (result, options) => renderVerifyReply(result, options, fitCommentBody, DEFAULT_COMMENT_BUDGET),
    renderReviewCheck: (result) => renderReviewCheck(result, fitCommentBody),
    renderGateCheck: (gate) => renderGateCheckOutput(gate),
    ...overrides,
  };
}

/**
 * The App: every commit read through the API; no explicit inputs but the redaction key (SYNCSTAGE_REDACT_KEY, read by
 * src/server.ts and handed over as a typed value); one clock for everything (SYNCSTAGE_NOW pins it in tests).
 */
export function realAppDeps(options: { now?: () => Date; redactKey?: string; limitCeilings?: LimitSettings } = {}): ReviewDeps {
  // The read limits' ceilings (SYNCSTAGE_MAX_INFLATED_MIB, ...) are the App's explicit settings: a repository's
  // `limits:` may lower them, never raise them (settings.ts readLimitsOf).
  const inputs = { ...appInputs(options.redactKey), settings: options.limitCeilings ? { limitCeilings: options.limitCeilings } : {} };
  return realDeps({ inputs, openSource: apiSources, ...(options.now ? { now: options.now } : {}) });
}

/** The Action: the checkout when it is the commit reviewed, the step's parsed inputs, the runner for outputs. */
export function realActionDeps(io: ActionIO, inputs: ExplicitInputs, options: { now?: () => Date } = {}): ReviewDeps {
  return realDeps({ inputs, io, openSource: checkoutSources(io.env.GITHUB_WORKSPACE), ...(options.now ? { now: options.now } : {}) });
}
