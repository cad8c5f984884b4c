/**
 * Checks as commit statuses (the Action: a GITHUB_TOKEN check run would land in whichever workflow's suite GitHub
 * picks). Which checks: the pull-request review posts the gate only (the step itself is the review); `/verify-staging`
 * posts both. A status says what the same check run would say: its state from the conclusion, its description from
 * the title (src/github/outcome.ts).
 */
import { GATE_CHECK_NAME, REVIEW_CHECK_NAME } from '../../check-names.js';
import { createCommitStatus } from '../checks.js';
import { httpStatus } from '../http-status.js';
import { statusOf } from '../outcome.js';
import type { CheckPair } from '../review-commit.js';
import type { Publisher } from './publisher.js';

type CheckName = typeof REVIEW_CHECK_NAME | typeof GATE_CHECK_NAME;
const CHECK_OF: Record<CheckName, keyof CheckPair> = { [REVIEW_CHECK_NAME]: 'review', [GATE_CHECK_NAME]: 'gate' };

export interface CommitStatusesOptions {
  checks: readonly CheckName[];
  /**
   * When GitHub refuses the write (403: the read-only token of a pull request from a fork), warn with this instead
   * of failing: the review is still in the job summary. Unset: a refusal fails.
   */
  onReadOnly?: (what: string, error: unknown) => void;
}

export function commitStatusesPublisher(options: CommitStatusesOptions): Publisher {
  return {
    name: 'commit statuses',
    async publish(outcome, context) {
      const { target } = outcome;
      for (const name of options.checks) {
        const status = statusOf(outcome.checks[CHECK_OF[name]]);
        try {
          await createCommitStatus(context.octokit, {
            owner: target.owner,
            repo: target.repo,
            sha: target.headSha,
            context: name,
            state: status.state,
            description: status.description,
            ...(context.run?.url ? { targetUrl: context.run.url } : target.detailsUrl ? { targetUrl: target.detailsUrl } : {}),
          });
        } catch (error) {
          if (httpStatus(error) !== 403 || !options.onReadOnly) throw error;
          options.onReadOnly(`post the ${name} status`, error);
        }
      }
    },
  };
}
