/**
 * The one set of dependencies both runtimes wire (the Action in src/main.ts, the App in src/server.ts, both through
 * src/github/real-deps.ts), injected so every handler runs the same under test with stubs. What differs between the
 * runtimes is here and only here: where files come from (`openSource`), what the runtime gives explicitly over the
 * settings file (`inputs`), how the two checks land on a commit (`checks`), and whether there is a runner (`io`).
 */
import type { FileSource } from '../files/source.js';
import type { VerificationResult, Verify } from '../verify/types.js';
import type { ActionIO } from './action-io.js';
import type { FilesOctokit } from './files.js';
import type { ExplicitInputs } from './inputs.js';
import type { RenderGate, RenderReview } from './outcome.js';
import type { SyncstageSettings } from './settings.js';
export type { Octokit } from './octokit.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface CheckText {
  title: string;
  summary: string;
}

export interface CommentRenderOptions {
  /** Characters the comment may use (the comment only). */
  budget?: number;
  /** The same verification at the base commit, for "what changed since main"; undefined when not compared. */
  base?: VerificationResult;
  /** The base branch's name, for "+340 deletes since main". */
  baseRef?: string;
  /** The commit judged, named on the first screen (and in the summary) so no one reads the verdict as a later commit's. */
  sha?: string;
  /** The run that made the review: the Action's workflow run, the App's check run. */
  run?: { url: string; label: string };
}

/** Files of the repository at exactly one commit: the App reads the API; the Action its checkout when it is that commit. */
export type OpenSource = (octokit: FilesOctokit, repo: RepoRef, sha: string) => FileSource | Promise<FileSource>;

export interface ReviewDeps {
  verify: Verify;
  now: () => Date;
  openSource: OpenSource;
  /** `.github/syncstage.yml` as settings (src/github/settings-file.ts), from the trusted commit's source. */
  loadConfig: (source: FileSource, path: string) => Promise<Partial<SyncstageSettings>>;
  /** What the runtime gives explicitly: the config path, settings over the file (the Action's inputs), the redaction key. */
  inputs: ExplicitInputs;
  renderComment: (result: VerificationResult, options: CommentRenderOptions & { budget: number }) => string;
  renderSummary: (result: VerificationResult, options: CommentRenderOptions) => string;
  renderReviewCheck: RenderReview;
  renderGateCheck: RenderGate;
  /** The `/verify-staging` reply: verdict first (**ready to switch** / **not ready**), the SHA judged, a link to the command. */
  renderVerifyReply: (result: VerificationResult, options: { commandUrl: string; sha: string }) => string;
  /** The Actions runner (outputs, job summary, report file, the step's failure); none in the App. */
  io?: ActionIO;
}

/** The App's handlers take the same dependencies. */
export type AppDeps = ReviewDeps;
