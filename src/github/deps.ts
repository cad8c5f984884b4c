/**
 * What the App needs from the rest of syncstage, injected so every handler is testable with stubs.
 * The integrator wires the real ones (src/github/real-deps.ts): verify() from src/verify, ApiFileSource from
 * src/github/files.ts, the renderers from src/report, handlePullRequestReview from src/github/pull-request.ts.
 */
import type { Context, ProbotOctokit } from 'probot';
import type { FileSource } from '../files/source.js';
import type { GateResult } from '../gate/types.js';
import type { VerificationResult, Verify } from '../verify/types.js';
import type { SyncstageSettings } from './settings.js';

export type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface CheckText {
  title: string;
  summary: string;
}

export interface ReviewOptions {
  /** Whose comments are the app's own (`<slug>[bot]`), to find and update its sticky comment. */
  commentAuthors?: string[];
  /** The head's verification, already made for the checks: the review reuses it instead of parsing it all again. */
  verified?: VerificationResult;
  /** The syncstage/review check run on the head, linked from the comment's first screen. */
  run?: { url: string; label: string };
}

export interface AppDeps {
  verify: Verify;
  /** Files of the repository at exactly this commit (trees and blobs through the API). */
  openSource: (octokit: Octokit, repo: RepoRef, sha: string) => FileSource;
  /** The `/verify-staging` reply: verdict first (**ready to switch** / **not ready**), the SHA judged, a link to the command. */
  renderVerifyReply: (result: VerificationResult, options: { commandUrl: string; sha: string }) => string;
  renderReviewCheck: (result: VerificationResult) => CheckText;
  renderGateCheck: (gate: GateResult) => CheckText;
  /** The sticky-comment review of a pull request (the Action's handler, shared). */
  reviewPullRequest?: (context: Context<'pull_request'>, options: ReviewOptions) => Promise<void>;
  now: () => Date;
  /**
   * How results land on a commit: check runs (the App), or commit statuses (the Action, whose GITHUB_TOKEN check
   * runs would land in a random workflow's suite). Default: checks.
   */
  publish?: 'checks' | 'statuses';
  /** Settings the runtime gives explicitly (the Action's inputs): they win over the config file, as in the review. */
  inputSettings?: Partial<SyncstageSettings>;
  /** The redaction key (a secret, typed, never read back from an environment): used when `redact` is on. */
  redactKey?: string;
}
