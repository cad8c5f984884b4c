/**
 * The Action's handler set, as a Probot app function. The App's routing (src/github/app.ts, gh-app) registers the
 * same handlers with its own deps; the handler logic lives in pull-request.ts, push.ts and action-command.ts.
 */
import type { ApplicationFunction } from 'probot';
import { handleVerifyCommandInAction } from './action-command.js';
import { handleMergeGroup, handlePullRequestReview } from './pull-request.js';
import { handlePushSummary } from './push.js';
import type { ReviewDeps } from './review.js';

export function createActionApp(deps: ReviewDeps): ApplicationFunction {
  return (app) => {
    app.on('pull_request', async (context) => {
      if (context.payload.action === 'closed') return;
      await handlePullRequestReview(context, deps);
    });
    app.on('merge_group', async (context) => {
      await handleMergeGroup(context, deps);
    });
    app.on(['push', 'workflow_dispatch'], async (context) => {
      await handlePushSummary(context as never, deps);
    });
    app.on('issue_comment.created', async (context) => {
      await handleVerifyCommandInAction(context, deps);
    });
  };
}
