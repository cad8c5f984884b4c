/**
 * The Action's step: outputs, the full JSON report file, the job summary, the comment's Markdown as a file (for the
 * fork-safe workflow), warnings for input that could not be read, and the step's failure when a fail-on condition
 * holds or another publisher reported a problem. Runs last, so it can name what the others could not do.
 */
import { isInputError } from '../../errors.js';
import type { ActionIO } from '../action-io.js';
import { DEFAULT_COMMENT_BUDGET, fitCommentBody } from '../comments.js';
import type { ReviewDeps } from '../deps.js';
import { reviewOutputs } from '../outcome.js';
import { commentOptions } from './sticky-comment.js';
import type { Publisher } from './publisher.js';

export function stepPublisher(io: ActionIO, render: Pick<ReviewDeps, 'renderComment' | 'renderSummary'>, written: { commentId?: number } = {}): Publisher {
  return {
    name: 'step outputs',
    async publish(outcome, context) {
      const { result, settings } = outcome;
      if (result) {
        for (const [name, value] of Object.entries(reviewOutputs(result))) io.setOutput(name, value);
        io.setOutput('report', await io.writeReport(result));
        const options = commentOptions(outcome, context);
        await io.appendSummary(render.renderSummary(result, options));
        const budget = DEFAULT_COMMENT_BUDGET;
        io.setOutput('comment-file', await io.writeCommentFile(fitCommentBody(render.renderComment(result, { budget, ...options }), budget)));
        for (const error of result.inputErrors) io.warning(isInputError(error) ? error.message : String(error));
      }
      if (written.commentId !== undefined) io.setOutput('comment-id', written.commentId);
      const failOn = settings ? ` (fail-on: ${settings.failOn.join(',')})` : '';
      const failed = [
        ...(outcome.stopped ? [outcome.stopped.reason] : outcome.failures.length > 0 ? [`${outcome.failures.join('; ')}${failOn}`] : []),
        ...context.problems,
      ];
      if (failed.length > 0) io.setFailed(`syncstage: ${failed.join('; ')}`);
    },
  };
}
