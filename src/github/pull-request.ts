/**
 * pull_request (and pull_request_target, mapped by the adapter) and merge_group, for both runtimes: the payload
 * mapped to what is reviewed (a ReviewPlan), reviewed once, published as the runtime does (src/github/runtime.ts).
 */
import { mergeGroupFiles, pullRequestFiles } from './changed-files.js';
import type { ReviewDeps } from './deps.js';
import { runReview, type ReviewContext, type ReviewOutcome, type ReviewPlan } from './review.js';
import type { Runtime } from './runtime.js';

export interface PullRequestPayload {
  pull_request: { number: number; head: { sha: string }; base: { sha: string; ref: string }; html_url?: string };
  repository: { name: string; owner: { login: string } };
}

export interface MergeGroupPayload {
  merge_group: { head_sha: string; head_ref: string; base_sha: string; base_ref?: string };
  repository?: { name: string; owner: { login: string } };
}

/**
 * Whether a pull_request event can change the review. Every handled action can, except `edited` that only changed
 * the title or the body: the head and the base are as they were, so the review of that head stands (re-running it
 * cost about 300 API calls for the same verdict). An edit that moved the base branch (`changes.base`) is reviewed.
 */
export function changesReview(payload: { action?: string; changes?: { base?: unknown } }): boolean {
  return payload.action !== 'edited' || payload.changes?.base !== undefined;
}

/** `refs/heads/main` -> `main`. */
export function branchName(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

/**
 * A pull request's review: its head, compared with its base. The head is untrusted: its files are read as data only,
 * and the rules it is judged by come from the base, so a pull request cannot move its own runbook out of the gate or
 * raise its own threshold.
 */
export function pullRequestPlan(context: ReviewContext, payload: PullRequestPayload): ReviewPlan {
  const { pull_request: pr, repository } = payload;
  const repo = { owner: repository.owner.login, repo: repository.name };
  return {
    target: { ...repo, headSha: pr.head.sha, baseSha: pr.base.sha, baseRef: branchName(pr.base.ref), pullNumber: pr.number, ...(pr.html_url ? { detailsUrl: pr.html_url } : {}) },
    settingsSha: pr.base.sha,
    changedFiles: () => pullRequestFiles(context.octokit, repo, pr.number),
  };
}

/**
 * A merge queue's candidate: no pull request to comment on, but the required gate must report on its commit or the
 * queue stalls. Its head is the pull request's content: the rules come from the queue's base, as on pull_request, so
 * a change that narrows `runbooks:` cannot pass in the queue what failed on the pull request.
 */
export function mergeGroupPlan(context: ReviewContext, payload: MergeGroupPayload, fallbackRepository?: string): ReviewPlan {
  const { merge_group: group } = payload;
  const [owner = '', repo = ''] = payload.repository ? [payload.repository.owner.login, payload.repository.name] : (fallbackRepository ?? '/').split('/');
  return {
    target: { owner, repo, headSha: group.head_sha, baseSha: group.base_sha, ...(group.base_ref ? { baseRef: branchName(group.base_ref) } : {}) },
    settingsSha: group.base_sha,
    changedFiles: () => mergeGroupFiles(context.octokit, { owner, repo }, group),
  };
}

/**
 * pull_request in both runtimes: the review of the head, compared with the base, published as the runtime does
 * (the App: check runs, comment, labels; the Action: the gate's status, comment, labels, step). A title-only edit
 * changes nothing: the review of that head stands.
 */
export async function handlePullRequest(context: ReviewContext & { payload: PullRequestPayload & { action?: string; changes?: { base?: unknown } } }, deps: ReviewDeps, runtime: Runtime): Promise<ReviewOutcome | undefined> {
  if (!changesReview(context.payload)) {
    context.log.info(`pull_request.edited changed neither the head nor the base of #${context.payload.pull_request.number}: the checks and the review of this head stand`);
    return undefined;
  }
  return runReview(context, pullRequestPlan(context, context.payload), 'pull-request', deps, runtime);
}

/** merge_group.checks_requested in both runtimes: both checks (the App) or the gate's status (the Action) on the group's head. */
export function handleMergeGroup(context: ReviewContext & { payload: MergeGroupPayload }, deps: ReviewDeps, runtime: Runtime): Promise<ReviewOutcome> {
  return runReview(context, mergeGroupPlan(context, context.payload, deps.io?.env.GITHUB_REPOSITORY), 'merge-group', deps, runtime);
}
