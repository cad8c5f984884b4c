/**
 * The pull request's `syncstage:` labels, when `labels` is on. A label update that fails is a problem, not a throw:
 * it must neither stop the other publishers nor turn into "the review could not run" on the gate. The Action's step
 * fails naming it (labels that could not be set may say the opposite of the review); the App logs it.
 */
import { labelFailure, labelsFor, syncLabels } from '../labels.js';
import type { Publisher } from './publisher.js';

export const labelsPublisher: Publisher = {
  name: 'labels',
  async publish(outcome, context) {
    const { target, settings, result } = outcome;
    if (target.pullNumber === undefined || !settings?.labels || !result) return;
    try {
      const change = await syncLabels(context.octokit, { owner: target.owner, repo: target.repo, issueNumber: target.pullNumber }, labelsFor(result));
      if (change.added.length > 0 || change.removed.length > 0) {
        context.log.info(`labels of #${target.pullNumber}: ${[...change.added.map((label) => `+${label}`), ...change.removed.map((label) => `-${label}`)].join(' ')}`);
      }
    } catch (error) {
      const problem = labelFailure(error);
      context.log.warn(problem);
      context.problems.push(problem);
    }
  },
};
