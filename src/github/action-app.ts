/**
 * The Action's event routing, as a Probot app function: the review on pull requests and merge groups (and on
 * workflow_run, reviewing the pull request a completed fork run was for: the fork-safe split's part 2), the job
 * summary on push and workflow_dispatch, and `/verify-staging`. The handlers are the App's own; the Action's runtime
 * (src/github/runtime.ts) publishes the gate as a commit status, the comment, labels and the step.
 */
import type { ApplicationFunction } from 'probot';
import type { ReviewDeps } from './deps.js';
import { ACTION_EVENT_LIMIT_SETTERS, DEFAULT_EVENT_LIMITS, eventBudget as budgetOf, type EventLimits } from './event-budget.js';
import { handleMergeGroup, handlePullRequest } from './pull-request.js';
import { runnerOf } from './action-io.js';
import { handlePushSummary } from './push.js';
import { actionRuntime } from './runtime.js';
import { handleVerifyCommand } from './verify-command.js';
import { handleWorkflowRunReview } from './workflow-run.js';

/** `eventLimits`: the run's budget, from the event-content-reads and event-blob-mib inputs (default DEFAULT_EVENT_LIMITS). */
export function createActionApp(deps: ReviewDeps, eventLimits: EventLimits = DEFAULT_EVENT_LIMITS): ApplicationFunction {
  const runtime = actionRuntime(runnerOf(deps), deps);
  const eventBudget = (octokit: object) => budgetOf(octokit, eventLimits, ACTION_EVENT_LIMIT_SETTERS);
  return (app) => {
    app.on('pull_request', async (context) => {
      if (context.payload.action === 'closed') return;
      // An Action run is one event: its Octokit carries the per-event budget (src/github/event-budget.ts).
      eventBudget(context.octokit);
      await handlePullRequest(context, deps, runtime);
    });
    app.on('merge_group', async (context) => {
      eventBudget(context.octokit);
      await handleMergeGroup(context, deps, runtime);
    });
    app.on('workflow_run.completed', async (context) => {
      eventBudget(context.octokit);
      await handleWorkflowRunReview(context, deps, runtime);
    });
    app.on(['push', 'workflow_dispatch'], async (context) => {
      eventBudget(context.octokit);
      await handlePushSummary(context as Parameters<typeof handlePushSummary>[0], deps, runtime);
    });
    app.on('issue_comment.created', async (context) => {
      eventBudget(context.octokit);
      await handleVerifyCommand(context, deps, runtime);
    });
  };
}
