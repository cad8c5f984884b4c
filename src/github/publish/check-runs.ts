/**
 * Both checks as check runs on the reviewed commit (the App): `syncstage/review` first, then
 * `syncstage/failover-prerequisites`. The review check run's page becomes the run the comment's first screen links.
 */
import { GATE_CHECK_NAME, REVIEW_CHECK_NAME } from '../../check-names.js';
import { createCheckRun } from '../checks.js';
import type { Publisher } from './publisher.js';

export function checkRunsPublisher(now: () => Date): Publisher {
  return {
    name: 'check runs',
    async publish(outcome, context) {
      const { target, checks } = outcome;
      // Each check is attempted even when the other could not be posted: a required gate must not stay unset because
      // the review check failed to post. The first failure is thrown after both.
      let failure: unknown;
      for (const [name, check] of [
        [REVIEW_CHECK_NAME, checks.review],
        [GATE_CHECK_NAME, checks.gate],
      ] as const) {
        const run = await createCheckRun(context.octokit, {
          owner: target.owner,
          repo: target.repo,
          headSha: target.headSha,
          name,
          conclusion: check.conclusion,
          title: check.title,
          summary: check.summary,
          completedAt: now(),
          ...(target.detailsUrl ? { detailsUrl: target.detailsUrl } : {}),
        }).catch((error: unknown) => {
          failure ??= error;
          return undefined;
        });
        if (name === REVIEW_CHECK_NAME && run?.url) context.run = { url: run.url, label: 'check run' };
      }
      if (failure !== undefined) throw failure;
      context.log.info(`checks posted on ${target.headSha.slice(0, 7)}: review ${checks.review.conclusion}, gate ${checks.gate.conclusion}`);
    },
  };
}
