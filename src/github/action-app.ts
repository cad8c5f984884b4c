/**
 * The Action's handler set, as a Probot app function: the sticky-comment review on pull requests and merge groups
 * (and on workflow_run, reviewing the pull request a completed fork run was for: the fork-safe split's part 2),
 * the job summary on push and workflow_dispatch, and `/verify-staging` with the App's own command handler (parsing,
 * permissions, reactions, SHA pinning), publishing commit statuses instead of check runs.
 */
import type { ApplicationFunction } from 'probot';
import type { AppDeps } from './deps.js';
import { eventBudget } from './event-budget.js';
import { changesReview, handleMergeGroup, handlePullRequestReview } from './pull-request.js';
import { handlePushSummary } from './push.js';
import type { ReviewDeps } from './review.js';
import { handleVerifyCommand } from './verify-command.js';
import { handleWorkflowRunReview } from './workflow-run.js';

export function createActionApp(deps: ReviewDeps, commandDeps?: AppDeps): ApplicationFunction {
  return (app) => {
    app.on('pull_request', async (context) => {
      if (context.payload.action === 'closed') return;
      if (!changesReview(context.payload)) {
        context.log.info('pull_request.edited changed neither the head nor the base: the review of this head stands');
        return;
      }
      // An Action run is one event: its Octokit carries the per-event budget (src/github/event-budget.ts).
      eventBudget(context.octokit);
      await handlePullRequestReview(context, deps);
    });
    app.on('merge_group', async (context) => {
      eventBudget(context.octokit);
      await handleMergeGroup(context, deps);
    });
    app.on('workflow_run.completed', async (context) => {
      eventBudget(context.octokit);
      await handleWorkflowRunReview(context, deps);
    });
    app.on(['push', 'workflow_dispatch'], async (context) => {
      eventBudget(context.octokit);
      await handlePushSummary(context as never, deps);
    });
    if (commandDeps) {
      app.on('issue_comment.created', async (context) => {
        eventBudget(context.octokit);
        await handleVerifyCommand(context, commandDeps);
      });
    }
  };
}
