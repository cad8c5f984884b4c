/**
 * pull_request (and pull_request_target, mapped here by the adapter) and merge_group: the review of the head commit,
 * compared with the base, a sticky comment on the PR, and the gate's commit status.
 */
import type { VerificationResult } from '../verify/types.js';
import { mergeGroupFiles, pullRequestFiles } from './changed-files.js';
import type { Octokit } from './deps.js';
import { runReview, type ReviewContext, type ReviewDeps } from './review.js';

export interface PullRequestPayload {
  pull_request: { number: number; head: { sha: string }; base: { sha: string; ref: string } };
  repository: { name: string; owner: { login: string } };
}

export interface MergeGroupPayload {
  merge_group: { head_sha: string; head_ref: string; base_sha: string; base_ref: string };
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

export interface ReviewHandlerOptions {
  /** The Action posts the gate as a commit status; the App posts check runs instead. Default true. */
  postGateStatus?: boolean;
  /** Whose comments are ours, when the caller knows (the App's `<slug>[bot]`); else asked of the token. */
  commentAuthors?: string[];
  /** The head's verification when the caller already made it (the App's checks). */
  verified?: VerificationResult;
  /** The run behind the review, for the comment (the App's check run). */
  run?: { url: string; label: string };
}

export async function handlePullRequestReview(
  context: ReviewContext & { payload: PullRequestPayload },
  deps: ReviewDeps,
  options: ReviewHandlerOptions = {},
): Promise<VerificationResult> {
  const { pull_request: pr, repository } = context.payload;
  // The head is untrusted: its files are read as data only, and the rules it is judged by (the config file) come
  // from the base, so a pull request cannot move its own runbook out of the gate or raise its own threshold.
  return runReview(
    context,
    {
      owner: repository.owner.login,
      repo: repository.name,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      baseRef: branchName(pr.base.ref),
      issueNumber: pr.number,
      postGateStatus: options.postGateStatus ?? true,
      ...(options.commentAuthors ? { commentAuthors: options.commentAuthors } : {}),
      ...(options.verified ? { verified: options.verified } : {}),
      ...(options.run ? { run: options.run } : {}),
      changedFiles: () => pullRequestFiles(context.octokit as unknown as Octokit, { owner: repository.owner.login, repo: repository.name }, pr.number),
      configSha: pr.base.sha,
    },
    deps,
  );
}

/** A merge queue's candidate: no PR to comment on, but the required gate must report on its commit or the queue stalls. */
export async function handleMergeGroup(context: ReviewContext & { payload: MergeGroupPayload }, deps: ReviewDeps): Promise<VerificationResult> {
  const { merge_group: group } = context.payload;
  const [owner = '', repo = ''] = context.payload.repository
    ? [context.payload.repository.owner.login, context.payload.repository.name]
    : (deps.io.env.GITHUB_REPOSITORY ?? '/').split('/');
  return runReview(
    context,
    {
      owner,
      repo,
      headSha: group.head_sha,
      baseSha: group.base_sha,
      baseRef: branchName(group.base_ref),
      postGateStatus: true,
      changedFiles: () => mergeGroupFiles(context.octokit as unknown as Octokit, { owner, repo }, group),
      // The queue's head is the pull request's content: the rules it is judged by come from the queue's base, as on
      // pull_request, so a change that narrows `runbooks:` cannot pass in the queue what failed on the PR.
      configSha: group.base_sha,
    },
    deps,
  );
}
