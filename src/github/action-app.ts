/**
 * The Action's handler set, as a Probot app function: the sticky-comment review on pull requests and merge groups
 * (and on workflow_run, reviewing the pull request a completed fork run was for: the fork-safe split's part 2),
 * the job summary on push and workflow_dispatch, and `/verify-staging` with the App's own command handler (parsing,
 * permissions, reactions, SHA pinning), publishing commit statuses instead of check runs.
 */
import type { ApplicationFunction } from 'probot';
import type { AppDeps } from './deps.js';
import { ACTION_EVENT_LIMIT_SETTERS, DEFAULT_EVENT_LIMITS, eventBudget as budgetOf, type EventLimits } from './event-budget.js';
import { changesReview, handleMergeGroup, handlePullRequestReview } from './pull-request.js';
import { handlePushSummary } from './push.js';
import type { ReviewDeps } from './review.js';
import { handleVerifyCommand } from './verify-command.js';
import { handleWorkflowRunReview } from './workflow-run.js';

/** `eventLimits`: the run's budget, from the event-content-reads and event-blob-mib inputs (default DEFAULT_EVENT_LIMITS). */
export function createActionApp(deps: ReviewDeps, commandDeps?: AppDeps, eventLimits: EventLimits = DEFAULT_EVENT_LIMITS): ApplicationFunction {
  const eventBudget = (octokit: object) => budgetOf(octokit, eventLimits, ACTION_EVENT_LIMIT_SETTERS);
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
