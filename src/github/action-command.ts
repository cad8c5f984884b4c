/**
 * `/verify-staging` in Action form (issue_comment). A comment-triggered run executes on the default branch and does
 * not show on the PR: the head SHA is read once and pinned, the gate status is posted on that SHA, and the config
 * comes from the base (trusted). The App's command.ts (gh-app) owns the full parsing, permission check and reactions;
 * until it is integrated, this accepts the command from the repository's own people only (author_association).
 */
import type { VerificationResult } from '../verify/types.js';
import { branchName } from './pull-request.js';
import { runReview, type ReviewContext, type ReviewDeps, type ReviewOctokit } from './review.js';

export const VERIFY_COMMAND = '/verify-staging';
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export interface IssueCommentPayload {
  comment: { body: string; user: { login: string; type?: string } | null; author_association: string };
  issue: { number: number; pull_request?: unknown };
  repository: { name: string; owner: { login: string } };
}

export type PullsOctokit = ReviewOctokit & {
  rest: {
    pulls: {
      get(params: { owner: string; repo: string; pull_number: number }): Promise<{ data: { head: { sha: string }; base: { sha: string; ref: string } } }>;
    };
  };
};

/** The command starts the comment and is followed by whitespace or the end. */
export function isVerifyCommand(body: string): boolean {
  return new RegExp(`^${VERIFY_COMMAND}(\\s|$)`).test(body.trimStart());
}

export async function handleVerifyCommandInAction(
  context: Omit<ReviewContext, 'octokit'> & { octokit: PullsOctokit; payload: IssueCommentPayload },
  deps: ReviewDeps,
): Promise<VerificationResult | undefined> {
  const { comment, issue, repository } = context.payload;
  if (!isVerifyCommand(comment.body) || !issue.pull_request) return undefined;
  if (!comment.user || comment.user.type === 'Bot' || comment.user.login.endsWith('[bot]')) return undefined;
  if (!TRUSTED_ASSOCIATIONS.has(comment.author_association)) {
    context.log.info(`${VERIFY_COMMAND} from ${comment.user.login} (${comment.author_association}) ignored: only owners, members and collaborators may run it`);
    return undefined;
  }
  const owner = repository.owner.login;
  const repo = repository.name;
  const { data: pr } = await context.octokit.rest.pulls.get({ owner, repo, pull_number: issue.number });
  return runReview(
    context,
    {
      owner,
      repo,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      baseRef: branchName(pr.base.ref),
      issueNumber: issue.number,
      postGateStatus: true,
      configSha: pr.base.sha,
      commentKind: 'verify-staging',
    },
    deps,
  );
}
