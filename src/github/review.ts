/**
 * One review of one commit, whatever the event: settings (config file + inputs), the file source at the exact SHA,
 * verify, the base-side verify for the comparison, then outputs, report file, job summary, sticky comment and gate
 * status as the target allows. Handlers (pull-request.ts, push.ts) only say what the target is.
 */
import { createHash } from 'node:crypto';
import { InputError, isInputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { GATE_CHECK_NAME } from '../check-names.js';
import type { VerificationInputs, VerificationResult, Verify } from '../verify/types.js';
import type { ActionIO } from './action-io.js';
import { commentKey, DEFAULT_COMMENT_BUDGET, fitCommentBody, upsertStickyComment, type CommentsOctokit } from './comments.js';
import { fitLine, STATUS_DESCRIPTION_LIMIT } from './checks.js';
import { ApiFileSource, chooseFileSource, type FilesOctokit } from './files.js';
import { DEFAULT_CONFIG_PATH, type ExplicitInputs } from './inputs.js';
import { labelFailure, labelsFor, syncLabels, type LabelsOctokit } from './labels.js';
import { failedConditions, gateStatus, reviewOutputs } from './outcome.js';
import { mergeSettings, settingsToVerificationInputs as verificationInputs, type CommentMode, type SyncstageSettings } from './settings.js';
import { changedRunbookInputs } from './command-inputs.js';
import { httpStatus } from './http-status.js';

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

/** The pull request's current head: a review of an older commit is not posted over the current one's. */
export interface PullHeadOctokit {
  rest: {
    pulls: {
      get(params: RepoParams & { pull_number: number }): Promise<{ data: { head: { sha: string } } }>;
    };
  };
}

export type ReviewOctokit = CommentsOctokit & FilesOctokit & StatusOctokit & PullHeadOctokit & LabelsOctokit;

export interface RenderOptions {
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

export interface ReviewDeps {
  verify: Verify;
  renderComment: (result: VerificationResult, options: RenderOptions & { budget: number }) => string;
  renderSummary: (result: VerificationResult, options: RenderOptions) => string;
  now: () => Date;
  /** `.github/syncstage.yml` as settings (src/github/config.ts); {} when the file is missing. */
  loadConfig: (source: FileSource, path: string) => Promise<Partial<SyncstageSettings>>;
  io: ActionIO;
  /** What the runtime gives explicitly (the Action's parsed inputs): config path, settings over the file, redaction key. */
  inputs: ExplicitInputs;
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
  /** Whose comments are ours; default: asked of GitHub for the token (GraphQL `viewer`). */
  commentAuthors?: string[];
  /** The head's verification, when the caller made it already: not repeated. */
  verified?: VerificationResult;
  /** The run behind the review when the caller knows it (the App's check run); else the Action's workflow run. */
  run?: { url: string; label: string };
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

interface ViewerOctokit {
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** One question per Octokit, so one per Action run (one event, one client); a failure is not asked again either. */
const viewerLogins = new WeakMap<object, Promise<string>>();

/**
 * Who the token is, asked of GitHub: GraphQL `viewer` answers for GITHUB_TOKEN (`github-actions[bot]`), App
 * installation tokens (`<slug>[bot]`, prefix `ghs_` like GITHUB_TOKEN) and personal tokens alike; REST `GET /user`
 * answers 403 to installation tokens, and a token's prefix does not say whose comments are ours.
 */
export function viewerLogin(octokit: ViewerOctokit): Promise<string> {
  let login = viewerLogins.get(octokit);
  if (!login) {
    login = octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }').then((data) => {
      const value = data.viewer?.login;
      if (typeof value !== 'string' || value === '') throw new Error('GitHub answered the viewer query without a login');
      return value;
    });
    viewerLogins.set(octokit, login);
  }
  return login;
}

/** A short, stable hash of what the verdict depends on besides the commit: shown in the marker. */
export function inputHash(settings: SyncstageSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}


function forkHint(what: string, error: unknown): string {
  return `could not ${what} (${httpStatus(error)}): the token is read-only, as on a pull request from a fork; the review is in the job summary. Use the fork-safe workflow (docs/workflows/fork-safe.md) to comment on fork PRs.`;
}

/** Config file (from the head, or from configSha when set) under the explicit inputs, over the defaults. */
export async function loadSettings(deps: ReviewDeps, configSource: FileSource): Promise<SyncstageSettings> {
  const { configPath, settings } = deps.inputs;
  const kind = await configSource.kind(configPath);
  // Only the default path may be absent (no config file: the defaults); a path the workflow names must be there.
  if (kind !== 'file' && configPath !== DEFAULT_CONFIG_PATH) {
    throw new InputError('input "config"', `${configSource.describe(configPath)} is ${kind === 'dir' ? 'a folder' : 'not there'} (expected the path of the config file in the repository, or leave the input out for ${DEFAULT_CONFIG_PATH})`);
  }
  const fromFile = kind === 'file' ? await deps.loadConfig(configSource, configPath) : {};
  return mergeSettings(fromFile, settings);
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

/** The commit and the run the first screen names: the caller's run (the App's check run), else the Action's workflow run. */
function reviewed(target: ReviewTarget, deps: ReviewDeps): Pick<RenderOptions, 'sha' | 'run'> {
  const workflowRun = runUrl(deps.io.env, target);
  const run = target.run ?? (workflowRun ? { url: workflowRun, label: 'workflow run' } : undefined);
  return { sha: target.headSha, ...(run ? { run } : {}) };
}

export function runUrl(env: ActionIO['env'], target: RepoParams): string | undefined {
  if (!env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${target.owner}/${target.repo}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** The commit the gate's status goes on. */
export interface GateTarget extends RepoParams {
  headSha: string;
}

/** The one place the gate's commit status is posted (the review, its failure, a bad input in the Action). */
export async function postGateCommitStatus(octokit: StatusOctokit, target: GateTarget, targetUrl: string | undefined, status: { state: 'success' | 'failure'; description: string }): Promise<void> {
  await octokit.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha: target.headSha,
    context: GATE_CHECK_NAME,
    state: status.state,
    description: fitLine(status.description, STATUS_DESCRIPTION_LIMIT),
    target_url: targetUrl,
  });
}

/** The gate's commit status on the head: what the result says, or a failure naming why there is no result. */
async function postGateStatus(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, status: { state: 'success' | 'failure'; description: string }): Promise<void> {
  await postGateCommitStatus(context.octokit, target, runUrl(deps.io.env, target), status);
}

async function postGate(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, result: VerificationResult): Promise<void> {
  try {
    await postGateStatus(context, target, deps, gateStatus(result));
  } catch (error) {
    if (httpStatus(error) !== 403) throw error;
    deps.io.warning(forkHint(`post the ${GATE_CHECK_NAME} status`, error));
  }
}

/**
 * Whose comments this run may edit or delete: the caller's list (the App knows its `<slug>[bot]`), else the token's
 * login asked of GitHub. When GitHub cannot say, nothing is edited or deleted (someone else's comment could carry a
 * syncstage marker): a new comment is posted and the step warns.
 */
async function commentOwners(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, mode: CommentMode): Promise<{ authors: string[]; mode: CommentMode }> {
  if (target.commentAuthors) return { authors: target.commentAuthors, mode };
  // `new` neither looks for nor touches earlier comments: nothing to ask.
  if (mode === 'new') return { authors: [], mode };
  try {
    return { authors: [await viewerLogin(context.octokit)], mode };
  } catch (error) {
    deps.io.warning(
      `could not ask GitHub who the token is (${error instanceof Error ? error.message : String(error)}): posting a new comment instead of editing the earlier one, so that no one else's comment is edited or deleted`,
    );
    return { authors: [], mode: 'new' };
  }
}

/**
 * The sticky comment's key: the App's repository and login when the caller names its login, else the Action's
 * repository, workflow and job. Two syncstage jobs, or another workflow posting as github-actions[bot], never share it.
 */
export function stickyCommentKey(target: ReviewTarget, env: ActionIO['env']): string {
  const repository = `${target.owner}/${target.repo}`.toLowerCase();
  if (target.commentAuthors) return commentKey(['app', repository, ...target.commentAuthors.map((login) => login.toLowerCase())]);
  return commentKey(['action', repository, env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '']);
}

/**
 * Why the review of `target.headSha` must not be written to its pull request: the pull request's head, asked of
 * GitHub right before writing, is another commit now (a push came after this review started). That commit's own
 * review is the one to show; this run's comment would overwrite it with an older verdict.
 */
async function headMovedOn(octokit: PullHeadOctokit, target: ReviewTarget & { issueNumber: number }): Promise<string | undefined> {
  const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.issueNumber });
  if (data.head.sha.toLowerCase() === target.headSha.toLowerCase()) return undefined;
  return `the review of ${target.headSha.slice(0, 7)} is not posted: pull request #${target.issueNumber}'s head is now ${data.head.sha.slice(0, 7)}, and the comment shows the review of the current head only`;
}

async function postComment(context: ReviewContext, target: ReviewTarget, deps: ReviewDeps, settings: SyncstageSettings, result: VerificationResult, base: VerificationResult | undefined): Promise<number | undefined> {
  if (target.issueNumber === undefined || settings.comment === 'off') return undefined;
  const pull = { ...target, issueNumber: target.issueNumber };
  try {
    const ours = await commentOwners(context, target, deps, settings.comment);
    return await upsertStickyComment(context.octokit, {
      owner: target.owner,
      repo: target.repo,
      issueNumber: target.issueNumber,
      kind: target.commentKind ?? 'review',
      mode: ours.mode,
      authors: ours.authors,
      key: stickyCommentKey(target, deps.io.env),
      sha: target.headSha,
      inputHash: inputHash(settings),
      render: (budget) => deps.renderComment(result, { budget, base, baseRef: target.baseRef, ...reviewed(target, deps) }),
      log: context.log,
      refuseWrite: () => headMovedOn(context.octokit, pull),
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
  // A base file the checkout has unchanged (same git blob id at the same path) is read from disk, not fetched.
  const checkout = source instanceof ApiFileSource ? undefined : source;
  const baseSource = target.baseSha ? new ApiFileSource(context.octokit, target, target.baseSha, checkout ? { checkout } : {}) : undefined;
  const configSource = !target.configSha ? source : target.configSha === target.baseSha && baseSource ? baseSource : new ApiFileSource(context.octokit, target, target.configSha);
  const settings = await loadSettings(deps, configSource);
  const inputs = verificationInputs(settings, deps.now());
  if (inputs.redact && deps.inputs.redactKey) inputs.redactKey = deps.inputs.redactKey;
  if (target.changedFiles) {
    // The runbooks the change adds or modifies, by name: each is judged or fails the gate, never skipped.
    const changed = changedRunbookInputs(await target.changedFiles(), settings.runbooks);
    inputs.runbookFiles = changed.runbookFiles;
    inputs.runbookCandidates = changed.runbookCandidates;
    inputs.runbooks = [];
  }
  context.log.info(`reviewing ${target.owner}/${target.repo}@${target.headSha.slice(0, 7)} from ${source instanceof ApiFileSource ? 'the API' : 'the checkout'}`);
  const result = target.verified ?? (await deps.verify(source, inputs, baseSource ? { base: baseSource } : {}));
  // The base side serves the comparison of exports and configurations only: its runbooks are not the gate's.
  const base = await verifyBase(context, target, deps, baseSource, { ...inputs, runbooks: [], runbookFiles: [], runbookCandidates: [] });

  const outputs = reviewOutputs(result);
  for (const [name, value] of Object.entries(outputs)) deps.io.setOutput(name, value);
  deps.io.setOutput('report', await deps.io.writeReport(result));
  await deps.io.appendSummary(deps.renderSummary(result, { base, baseRef: target.baseRef, ...reviewed(target, deps) }));

  const commentBudget = DEFAULT_COMMENT_BUDGET;
  const commentMarkdown = fitCommentBody(deps.renderComment(result, { budget: commentBudget, base, baseRef: target.baseRef, ...reviewed(target, deps) }), commentBudget);
  deps.io.setOutput('comment-file', await deps.io.writeCommentFile(commentMarkdown));

  const commentId = await postComment(context, target, deps, settings, result, base);
  if (commentId !== undefined) deps.io.setOutput('comment-id', commentId);
  if (target.postGateStatus) await postGate(context, target, deps, result);
  const labelProblem = settings.labels ? await applyLabels(context, target, result) : undefined;

  for (const error of result.inputErrors) deps.io.warning(isInputError(error) ? error.message : String(error));
  const failures = failedConditions(result, settings.failOn);
  const failed = [
    ...(failures.length > 0 ? [`${failures.join('; ')} (fail-on: ${settings.failOn.join(',')})`] : []),
    // Not a fail-on condition: labels that could not be set may say the opposite of the review, so the step fails.
    ...(labelProblem ? [labelProblem] : []),
  ];
  if (failed.length > 0) deps.io.setFailed(`syncstage: ${failed.join('; ')}`);
  return result;
}

/**
 * The pull request's syncstage: labels, when `labels` is on; undefined when they were set, else the failure, which
 * the caller reports and fails the step with (the App, with no step, logs it). It never throws: a label failure must
 * neither stop the fail-on judgement nor turn into "the review could not run" on the gate.
 */
async function applyLabels(context: ReviewContext, target: ReviewTarget, result: VerificationResult): Promise<string | undefined> {
  if (target.issueNumber === undefined) return undefined;
  try {
    const change = await syncLabels(context.octokit, { owner: target.owner, repo: target.repo, issueNumber: target.issueNumber }, labelsFor(result));
    if (change.added.length > 0 || change.removed.length > 0) {
      context.log.info(`labels of #${target.issueNumber}: ${[...change.added.map((label) => `+${label}`), ...change.removed.map((label) => `-${label}`)].join(' ')}`);
    }
    return undefined;
  } catch (error) {
    const problem = labelFailure(error);
    context.log.warn(problem);
    return problem;
  }
}
