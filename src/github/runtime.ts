/**
 * What differs between the two runtimes once a review is judged: where it is published, and whether a review that
 * stopped fails the event. The event handlers are shared (src/github/handlers.ts); each runtime picks its publishers.
 *
 * The App: both checks as check runs, then on a pull request the sticky comment (linking the review check run) and
 * the labels. A stopped review fails the delivery only when the error was unexpected (GitHub failing): a redelivery
 * can then run it again, while a bad settings file or an unreadable input is answered by the failing checks.
 *
 * The Action: the gate's commit status (a GITHUB_TOKEN check run would land in whichever workflow's suite GitHub
 * picks), the sticky comment and labels, and the step (outputs, summary, failure); `/verify-staging` posts both checks
 * as statuses. A stopped review always fails the step.
 */
import { GATE_CHECK_NAME, REVIEW_CHECK_NAME } from '../check-names.js';
import { isInputError } from '../errors.js';
import type { ActionIO } from './action-io.js';
import { isConfigError } from './settings-schema.js';
import type { RepoRef, ReviewDeps } from './deps.js';
import { checkRunsPublisher } from './publish/check-runs.js';
import { commitStatusesPublisher } from './publish/commit-statuses.js';
import { labelsPublisher } from './publish/labels.js';
import type { Publisher } from './publish/publisher.js';
import { stepPublisher } from './publish/step.js';
import { stickyCommentPublisher } from './publish/sticky-comment.js';
import type { ReviewOutcome } from './review-commit.js';
import { httpStatus } from './http-status.js';

/** What a review is for: each runtime publishes each kind its own way. */
export type ReviewKind = 'pull-request' | 'merge-group' | 're-run' | 'push' | 'command';

export interface Runtime {
  readonly name: 'app' | 'action';
  publishers(kind: ReviewKind): Publisher[];
  /** The run behind every review, known before publishing: the Action's workflow run. */
  run?(target: RepoRef): { url: string; label: string } | undefined;
  /** Whether the base is verified on its own too, for "what changed since main": only where a comment or summary shows it. */
  comparesWithBase(kind: ReviewKind): boolean;
  /** Whether a review that stopped fails the event (the step, the delivery). */
  failsEvent(outcome: ReviewOutcome): boolean;
}

type Log = { warn(message: string): void };

/** Errors a person must fix in the repository: answered by the failing checks, not by failing the delivery. */
export function isExpectedStop(error: unknown): boolean {
  return isConfigError(error) || isInputError(error);
}

export function appRuntime(deps: Pick<ReviewDeps, 'now' | 'renderComment'>, ownLogin: () => Promise<string | undefined>, log: Log): Runtime {
  const checks = checkRunsPublisher(deps.now);
  const comment = stickyCommentPublisher({ poster: { kind: 'app', login: ownLogin }, renderComment: deps.renderComment, warn: (message) => log.warn(message) });
  return {
    name: 'app',
    publishers: (kind) => (kind === 'pull-request' ? [checks, comment, labelsPublisher] : [checks]),
    // Only the comment shows the comparison: a merge group or a re-run is not parsed twice for it.
    comparesWithBase: (kind) => kind === 'pull-request',
    failsEvent: (outcome) => outcome.stopped !== undefined && !isExpectedStop(outcome.stopped.error),
  };
}

/** The Action's workflow run, the page its statuses and its comment link. */
export function runUrl(env: ActionIO['env'], target: RepoRef): string | undefined {
  if (!env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${target.owner}/${target.repo}/actions/runs/${env.GITHUB_RUN_ID}`;
}

export function actionRuntime(io: ActionIO, deps: Pick<ReviewDeps, 'renderComment' | 'renderSummary'>): Runtime {
  // A fork's read-only token: a refused status or comment is a warning; the review is still in the job summary.
  const forkHint = (what: string, error: unknown) =>
    io.warning(`could not ${what} (${httpStatus(error)}): the token is read-only, as on a pull request from a fork; the review is in the job summary. Use the fork-safe workflow (docs/workflows/fork-safe.md) to comment on fork PRs.`);
  const review = (gate: boolean): Publisher[] => {
    const written: { commentId?: number } = {};
    return [
      ...(gate ? [commitStatusesPublisher({ checks: [GATE_CHECK_NAME], onReadOnly: forkHint })] : []),
      stickyCommentPublisher({ poster: { kind: 'action', env: io.env }, renderComment: deps.renderComment, onReadOnly: forkHint, warn: (message) => io.warning(message), onWritten: (id) => (written.commentId = id) }),
      labelsPublisher,
      stepPublisher(io, deps, written),
    ];
  };
  return {
    name: 'action',
    publishers: (kind) => (kind === 'command' ? [commitStatusesPublisher({ checks: [REVIEW_CHECK_NAME, GATE_CHECK_NAME] })] : review(kind !== 'push')),
    // The comment and the job summary show what moved since the base.
    comparesWithBase: (kind) => kind !== 'command',
    run: (target) => {
      const url = runUrl(io.env, target);
      return url ? { url, label: 'workflow run' } : undefined;
    },
    failsEvent: (outcome) => outcome.stopped !== undefined,
  };
}
