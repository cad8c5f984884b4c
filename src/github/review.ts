/**
 * One review of one commit, whatever the event: settings (config file + inputs), the file source at the exact SHA,
 * verify, the base-side verify for the comparison, then outputs, report file, job summary, sticky comment and gate
 * status as the target allows. Handlers (pull-request.ts, push.ts) only say what the target is.
 */
import { createHash } from 'node:crypto';
import { isInputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { GATE_CHECK_NAME } from '../gate/types.js';
import type { VerificationInputs, VerificationResult, Verify } from '../verify/types.js';
import type { ActionIO } from './action-io.js';
import { DEFAULT_COMMENT_BUDGET, fitCommentBody, upsertStickyComment, type CommentsOctokit } from './comments.js';
import { fitLine, STATUS_DESCRIPTION_LIMIT } from './checks.js';
import { ApiFileSource, chooseFileSource, type FilesOctokit } from './files.js';
import { readActionInputs } from './inputs.js';
import { failedConditions, gateStatus, reviewOutputs } from './outcome.js';
import { mergeSettings, settingsToVerificationInputs as verificationInputs, type SyncstageSettings } from './settings.js';
import { runbooksAmong } from './command-inputs.js';

type RepoParams = { owner: string; repo: string };

export interface StatusOctokit {
  rest: {
    repos: {
      createCommitStatus(
        params: RepoParams & { sha: string; state: 'success' | 'failure' | 'pending' | 'error'; context: string; description?: string; target_url?: string },
      ): Promise<unknown>;
    };
  };
}

export interface UsersOctokit {
  rest: { users: { getAuthenticated(): Promise<{ data: { login: string } }> } };
}

export type ReviewOctokit = CommentsOctokit & FilesOctokit & StatusOctokit & UsersOctokit;

export interface RenderOptions {
  /** Characters the comment may use (the comment only). */
  budget?: number;
  /** The same verification at the base commit, for "what changed since main"; undefined when not compared. */
  base?: VerificationResult;
  /** The base branch's name, for "+340 deletes since main". */
  baseRef?: string;
}

export interface ReviewDeps {
  verify: Verify;
  renderComment: (result: VerificationResult, options: RenderOptions & { budget: number }) => string;
  renderSummary: (result: VerificationResult, options: RenderOptions) => string;
  now: () => Date;
  /** `.github/syncstage.yml` as settings (src/github/config.ts); {} when the file is missing. */
  loadConfig: (source: FileSource, path: string) => Promise<Partial<SyncstageSettings>>;
  io: ActionIO;
}

export interface ReviewTarget extends RepoParams {
  headSha: string;
  /** The commit to compare with; never checked out, read through the API. */
  baseSha?: string;
  baseRef?: string;
  /** The pull request to comment on; none for push, workflow_dispatch, merge_group. */
  issueNumber?: number;
  /** Post the gate's commit status on headSha. */
  postGateStatus: boolean;
  /** Read the config file from this commit instead of the head: the base under pull_request_target (trusted side). */
  configSha?: string;
  commentKind?: string;
  /** Whose comments are ours; default: asked of the token (github-actions[bot], or the token's user). */
  commentAuthors?: string[];
  /** The head's verification, when the caller made it already: not repeated. */
  verified?: VerificationResult;
  /** Files the change adds or modifies: the gate judges exactly the runbooks among them ("no runbook in this PR" when none). */
  changedFiles?: () => Promise<string[]>;
}

export interface ReviewLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ReviewContext {
  octokit: ReviewOctokit;
  log: ReviewLog;
}

/** Logins whose comments are ours: in Actions, the GITHUB_TOKEN's bot. */
export const ACTION_COMMENT_AUTHORS = ['github-actions[bot]'];
/** Tokens that comment as a person (classic and fine-grained PATs, OAuth and user-to-server tokens). */
const USER_TOKEN_PREFIXES = ['ghp_', 'github_pat_', 'gho_', 'ghu_'];

/**
 * Whose comments count as ours. With a personal token the comments are that person's, so ask GitHub who it is;
 * without that, every run would post a new comment. GITHUB_TOKEN and app tokens cannot call GET /user: not asked.
 */
export async function commentAuthors(octokit: UsersOctokit, token: string, log?: ReviewLog): Promise<string[]> {
  if (!USER_TOKEN_PREFIXES.some((prefix) => token.startsWith(prefix))) return ACTION_COMMENT_AUTHORS;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return [...ACTION_COMMENT_AUTHORS, data.login];
  } catch (error) {
    log?.warn(`could not tell whose token this is (${(error as Error).message}): looking for comments by ${ACTION_COMMENT_AUTHORS.join(', ')} only`);
    return ACTION_COMMENT_AUTHORS;
  }
}

/** A short, stable hash of what the verdict depends on besides the commit: shown in the marker. */
export function inputHash(settings: SyncstageSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

function forkHint(what: string, error: unknown): string {
  return `could not ${what} (${httpStatus(error)}): the token is read-only, as on a pull request from a fork; the review is in the job summary. Use the fork-safe workflow (docs/workflows/fork-safe.md) to comment on fork PRs.`;
}

/** Config file (from the head, or from configSha when set) under the explicit inputs, over the defaults. */
export async function loadSettings(deps: ReviewDeps, configSource: FileSource): Promise<SyncstageSettings> {
  const inputs = readActionInputs(deps.io.env);
  const fromFile = (await configSource.kind(inputs.configPath)) === 'file' ? await deps.loadConfig(configSource, inputs.configPath) : {};
  return mergeSettings(fromFile, inputs.settings);
}

/** The base side of the comparison; a failure there costs the comparison, never the review. */
async function verifyBase(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, baseSource: FileSource | undefined, inputs: VerificationInputs): Promise<VerificationResult | undefined> {
  if (!target.baseSha || !baseSource) return undefined;
  try {
    return await deps.verify(baseSource, inputs);
  } catch (error) {
    context.log.warn(`could not verify the base commit ${target.baseSha.slice(0, 7)} for the comparison: ${(error as Error).message}`);
    return undefined;
  }
}

export function runUrl(env: ActionIO['env'], target: RepoParams): string | undefined {
  if (!env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${target.owner}/${target.repo}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** The gate's commit status on the head: what the result says, or a failure naming why there is no result. */
async function postGateStatus(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, status: { state: 'success' | 'failure'; description: string }): Promise<void> {
  await context.octokit.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha: target.headSha,
    context: GATE_CHECK_NAME,
    state: status.state,
    description: fitLine(status.description, STATUS_DESCRIPTION_LIMIT),
    target_url: runUrl(deps.io.env, target),
  });
}

async function postGate(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, result: VerificationResult): Promise<void> {
  try {
    await postGateStatus(context, target, deps, gateStatus(result));
  } catch (error) {
    if (httpStatus(error) !== 403) throw error;
    deps.io.warning(forkHint(`post the ${GATE_CHECK_NAME} status`, error));
  }
}

async function postComment(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, settings: SyncstageSettings, result: VerificationResult, base: VerificationResult | undefined): Promise<number | undefined> {
  if (target.issueNumber === undefined) return undefined;
  try {
    return await upsertStickyComment(context.octokit, {
      owner: target.owner,
      repo: target.repo,
      issueNumber: target.issueNumber,
      kind: target.commentKind ?? 'review',
      mode: settings.comment,
      authors: target.commentAuthors ?? (await commentAuthors(context.octokit, readActionInputs(deps.io.env).token, context.log)),
      sha: target.headSha,
      inputHash: inputHash(settings),
      render: (budget) => deps.renderComment(result, { budget, base, baseRef: target.baseRef }),
      log: context.log,
    });
  } catch (error) {
    if (httpStatus(error) !== 403) throw error;
    deps.io.warning(forkHint('comment on the pull request', error));
    return undefined;
  }
}

/** The review of one commit; returns the result (the caller decides nothing more: failure is set here per fail-on). */
/**
 * The review of one commit. When it cannot finish (a bad config file, GitHub failing past the retries), the gate's
 * status still lands on the commit as a failure naming the reason: a required check never waits forever.
 */
export async function runReview(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps): Promise<VerificationResult> {
  try {
    return await reviewCommit(context, target, deps);
  } catch (error) {
    if (target.postGateStatus) await postGateFailure(context, target, deps, error);
    throw error;
  }
}

async function postGateFailure(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  try {
    await postGateStatus(context, target, deps, { state: 'failure', description: `the review could not run: ${reason}` });
  } catch (statusError) {
    context.log.warn(`could not post the failing ${GATE_CHECK_NAME} status either: ${(statusError as Error).message}`);
  }
}

async function reviewCommit(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps): Promise<VerificationResult> {
  const source = await chooseFileSource({ workspace: deps.io.env.GITHUB_WORKSPACE, wantedSha: target.headSha, octokit: context.octokit, repo: target });
  // One ApiFileSource per commit: its tree is fetched once, whether it serves the config, the base verify, or both.
  const baseSource = target.baseSha ? new ApiFileSource(context.octokit, target, target.baseSha) : undefined;
  const configSource = !target.configSha ? source : target.configSha === target.baseSha && baseSource ? baseSource : new ApiFileSource(context.octokit, target, target.configSha);
  const settings = await loadSettings(deps, configSource);
  const inputs = verificationInputs(settings, deps.now());
  const redactKey = readActionInputs(deps.io.env).redactKey;
  if (redactKey) inputs.redactKey = redactKey;
  if (target.changedFiles) {
    // The runbooks the change adds or modifies, by name: each is judged or fails the gate, never skipped.
    inputs.runbookFiles = runbooksAmong(await target.changedFiles(), settings.runbooks);
    inputs.runbooks = [];
  }
  context.log.info(`reviewing ${target.owner}/${target.repo}@${target.headSha.slice(0, 7)} from ${source instanceof ApiFileSource ? 'the API' : 'the checkout'}`);
  const result = target.verified ?? (await deps.verify(source, inputs));
  // The base side serves the comparison of exports and configurations only: its runbooks are not the gate's.
  const base = await verifyBase(context, target, deps, baseSource, { ...inputs, runbooks: [], runbookFiles: [] });

  const outputs = reviewOutputs(result);
  for (const [name, value] of Object.entries(outputs)) deps.io.setOutput(name, value);
  deps.io.setOutput('report', await deps.io.writeReport(result));
  await deps.io.appendSummary(deps.renderSummary(result, { base, baseRef: target.baseRef }));

  const commentBudget = DEFAULT_COMMENT_BUDGET;
  const commentMarkdown = fitCommentBody(deps.renderComment(result, { budget: commentBudget, base, baseRef: target.baseRef }), commentBudget);
  deps.io.setOutput('comment-file', await deps.io.writeCommentFile(commentMarkdown));

  const commentId = await postComment(context, target, deps, settings, result, base);
  if (commentId !== undefined) deps.io.setOutput('comment-id', commentId);
  if (target.postGateStatus) await postGate(context, target, deps, result);

  for (const error of result.inputErrors) deps.io.warning(isInputError(error) ? error.message : String(error));
  const failures = failedConditions(result, settings.failOn);
  if (failures.length > 0) deps.io.setFailed(`syncstage: ${failures.join('; ')} (fail-on: ${settings.failOn.join(',')})`);
  return result;
}
