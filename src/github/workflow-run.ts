/**
 * workflow_run: the fork-safe split's part 2 (docs/workflows/fork-safe-comment.yml). It runs in the base repository
 * with a write token after part 1 (a `pull_request` run, the fork's own copy of the workflow) completes, and it
 * takes nothing from part 1: not its comment, not its report, not the PR number it might upload. GitHub says which
 * open pull request has the commit part 1 ran on at its head; this run then reviews that commit itself, exactly as
 * on `pull_request`: the head's files read through the API as data (syncstage never executes them), the rules from
 * the pull request's base, the comment rendered and the gate posted by this trusted run (docs/security.md).
 */
import type { Octokit, RepoRef, ReviewDeps } from './deps.js';
import { pullRequestPlan, type PullRequestPayload } from './pull-request.js';
import { runReview, type ReviewContext } from './review.js';
import type { Runtime } from './runtime.js';

export interface WorkflowRunPayload {
  workflow_run: {
    event: string;
    head_sha: string;
    head_branch: string | null;
    head_repository: { owner: { login: string } | null } | null;
  };
  repository: { name: string; owner: { login: string } };
}

type PullRequest = PullRequestPayload['pull_request'];

/**
 * The open pull requests of `repo` whose head is exactly `run.head_sha`, as GitHub lists them (by the head's owner
 * and branch, then the SHA compared): a fork cannot point this run at another pull request or another commit.
 */
export async function pullRequestsAtHead(octokit: Octokit, repo: RepoRef, run: WorkflowRunPayload['workflow_run']): Promise<PullRequest[]> {
  const headOwner = run.head_repository?.owner?.login;
  if (!run.head_branch || !headOwner) return [];
  const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', head: `${headOwner}:${run.head_branch}`, per_page: 100 });
  return pulls
    .filter((pull) => pull.head.sha === run.head_sha)
    .map((pull) => ({ number: pull.number, head: { sha: pull.head.sha }, base: { sha: pull.base.sha, ref: pull.base.ref } }));
}

export async function handleWorkflowRunReview(context: ReviewContext & { payload: WorkflowRunPayload }, deps: ReviewDeps, runtime: Runtime): Promise<void> {
  const { workflow_run: run, repository } = context.payload;
  if (run.event !== 'pull_request') {
    context.log.info(`the completed run was triggered by ${run.event}, not by a pull request: nothing to review`);
    return;
  }
  const repo = { owner: repository.owner.login, repo: repository.name };
  const pulls = await pullRequestsAtHead(context.octokit, repo, run);
  if (pulls.length === 0) {
    // Nothing is posted, so nothing says "go": the gate stays unset until the run for the pull request's newer head.
    const warn = (message: string) => (deps.io ? deps.io.warning(message) : context.log.warn(message));
    warn(`no open pull request of ${repo.owner}/${repo.repo} has commit ${run.head_sha} at its head (closed, or pushed to since): nothing reviewed, nothing posted`);
    return;
  }
  for (const pull of pulls) {
    await runReview(context, pullRequestPlan(context, { pull_request: pull, repository }), 'pull-request', deps, runtime);
  }
}
