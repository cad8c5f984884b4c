/**
 * The Probot app: event routing only. Every handler gets its dependencies injected (AppDeps), so the same
 * function runs in the server, in the Action's adapter and in tests.
 *
 * pull_request (opened, synchronize, reopened, edited, ready_for_review) -> the review + both checks at the head;
 * check_run.rerequested and check_suite.rerequested -> both checks again at that head SHA (a merge-queue entry's
 * commit: for the pull request its branch names); merge_group.checks_requested -> both checks
 * at the merge group's head; issue_comment (created, edited) -> /verify-staging. Anything else: logged at debug.
 * A delivery id seen before is a replay: ignored and logged.
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import { GATE_CHECK_NAME, REVIEW_CHECK_NAME } from '../check-names.js';
import { mergeQueuePullNumber, pullRequestFiles } from './changed-files.js';
import { DeliveryLog } from './deliveries.js';
import { DEFAULT_EVENT_LIMITS, eventBudget, type EventLimits } from './event-budget.js';
import type { AppDeps, RepoRef } from './deps.js';
import { BlobCache, eventBlobs } from './blobs.js';
import { handleMergeGroup, handlePullRequest } from './pull-request.js';
import { publishAll } from './publish/publisher.js';
import { refusedReview, stoppedReview, type ReviewOutcome } from './review-commit.js';
import { runReview, type ReviewContext } from './review.js';
import { appRuntime, type Runtime } from './runtime.js';
import { handleVerifyCommand } from './verify-command.js';

export const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.edited',
  'pull_request.ready_for_review',
] as const;
export const COMMENT_EVENTS = ['issue_comment.created', 'issue_comment.edited'] as const;
export const HANDLED_EVENTS = [...PULL_REQUEST_EVENTS, ...COMMENT_EVENTS, 'check_run.rerequested', 'check_suite.rerequested', 'merge_group.checks_requested'] as const;

export interface AppOptions {
  /** Replay protection; one per app instance by default. */
  deliveries?: DeliveryLog;
  /** What one delivery may read (SYNCSTAGE_EVENT_CONTENT_READS / SYNCSTAGE_EVENT_BLOB_MIB); the defaults otherwise. */
  eventLimits?: EventLimits;
  /** Blobs kept across events (bounded; src/github/blobs.ts); one per app instance by default. */
  blobs?: BlobCache;
  /** Where reviews are published: the App's check runs, comment and labels by default (the Action passes its own). */
  runtime?: Runtime;
}

function isHandled(name: string, action: unknown): boolean {
  return (HANDLED_EVENTS as readonly string[]).includes(typeof action === 'string' ? `${name}.${action}` : name);
}

interface RerunContext extends ReviewContext {
  repo(): RepoRef;
  payload: { repository: { html_url: string } };
}

/** What a re-run asks for: the commit, the pull requests GitHub lists with it, and the branch it was pushed to. */
export interface RerunTarget {
  sha: string;
  listed: readonly { number: number; base?: { sha: string } }[];
  /** check_suite.head_branch: `gh-readonly-queue/<base>/pr-<n>-<sha>` for a merge-queue entry's commit. */
  headBranch: string | null | undefined;
}

/** Why a re-run cannot judge anything: both checks fail saying so, so "Re-run" never leaves them silently as they were. */
export class RerunRefused extends Error {}

/**
 * The open pull requests a re-run judges the commit for. GitHub lists none for a merge-queue entry's commit (and none
 * for a fork's): the queue entry's own pull request is named by its branch, as merge_group resolves it; a fork's
 * commit is found through the commit. A queue branch naming no pull request, or a commit in no open pull request,
 * refuses the re-run with the reason.
 */
export async function rerunPullRequests(context: RerunContext, target: RerunTarget): Promise<{ number: number; baseSha?: string }[]> {
  const pulls = (list: readonly { number: number; base?: { sha: string } }[]) => list.map((pull) => ({ number: pull.number, ...(pull.base?.sha ? { baseSha: pull.base.sha } : {}) }));
  if (target.listed.length > 0) return pulls(target.listed);
  const branch = target.headBranch ?? '';
  if (isMergeQueueBranch(branch)) {
    const pull = mergeQueuePullNumber(branch);
    if (pull === undefined) throw new RerunRefused(`the merge-queue branch ${branch} names no pull request (expected gh-readonly-queue/<base>/pr-<number>-<sha>), so the change to judge is unknown`);
    return [{ number: pull }];
  }
  const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...context.repo(), commit_sha: target.sha });
  const open = pulls(data.filter((pull) => pull.state === 'open'));
  if (open.length === 0) throw new RerunRefused(`no open pull request has commit ${target.sha.slice(0, 7)}, so there is no change to judge: re-run the checks from an open pull request, or push to it`);
  return open;
}

/**
 * Both checks again at the re-run's commit, for the pull requests that hold it (rerunPullRequests), judged with the
 * settings of the first one's base, as its own pull_request run was. A re-run that cannot judge anything fails both
 * checks saying why, so "Re-run" never leaves them silently as they were.
 */
export async function reevaluateCommit(context: RerunContext, deps: AppDeps, runtime: Runtime, target: RerunTarget): Promise<void> {
  const repo = context.repo();
  const commit = { ...repo, headSha: target.sha };
  const publish = (outcome: ReviewOutcome) => publishAll(outcome, { octokit: context.octokit, log: context.log, problems: [] }, runtime.publishers('re-run'));
  let pulls: { number: number; baseSha?: string }[];
  let baseSha: string;
  try {
    pulls = await rerunPullRequests(context, target);
    baseSha = pulls[0]?.baseSha ?? (await rerunBase(context, target, pulls[0]!.number));
  } catch (error) {
    if (error instanceof RerunRefused) {
      context.log.info(`re-run of ${target.sha.slice(0, 7)} refused: ${error.message}`);
      await publish(refusedReview(commit, 're-run not possible', error.message));
      return;
    }
    // GitHub failed while the re-run looked for its pull request: both checks say so (a re-run never does nothing),
    // and the delivery fails so that a redelivery can try again.
    await publish(stoppedReview(commit, error));
    throw error;
  }
  const numbers = pulls.map((pull) => pull.number);
  const changedFiles = async () => [...new Set((await Promise.all(numbers.map((number) => pullRequestFiles(context.octokit, repo, number)))).flat())];
  const detailsUrl = `${context.payload.repository.html_url}/pull/${numbers[0]}`;
  await runReview(context, { target: { ...commit, baseSha, detailsUrl }, settingsSha: baseSha, changedFiles }, 're-run', deps, runtime);
}

/**
 * The base a re-run judges against when GitHub did not list it. A merge-queue entry's commit: its first parent, the
 * queue's base (merge_group.base_sha), never the pull request's base.sha, which stays where main was at the pull
 * request's last push (older, possibly looser rules). Any other commit: its pull request's base.
 */
async function rerunBase(context: RerunContext, target: RerunTarget, pullNumber: number): Promise<string> {
  const repo = context.repo();
  if (isMergeQueueBranch(target.headBranch)) {
    const { data } = await context.octokit.rest.repos.getCommit({ ...repo, ref: target.sha });
    const parent = data.parents[0]?.sha;
    if (!parent) throw new RerunRefused(`the merge-queue commit ${target.sha.slice(0, 7)} has no parent, so the queue's base (where its rules are read) is unknown`);
    return parent;
  }
  return (await context.octokit.rest.pulls.get({ ...repo, pull_number: pullNumber })).data.base.sha;
}

function isMergeQueueBranch(branch: string | null | undefined): boolean {
  return /^(?:refs\/heads\/)?gh-readonly-queue\//.test(branch ?? '');
}

export async function handleCheckRunRerequested(context: Context<'check_run.rerequested'>, deps: AppDeps, runtime: Runtime): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== REVIEW_CHECK_NAME && run.name !== GATE_CHECK_NAME) {
    context.log.debug({ name: run.name }, 'check_run.rerequested for another check ignored');
    return;
  }
  await reevaluateCommit(context, deps, runtime, { sha: run.head_sha, listed: run.pull_requests, headBranch: run.check_suite.head_branch });
}

/** "Re-run all checks" on the app's suite (GitHub sends it to apps with checks: write). */
export async function handleCheckSuiteRerequested(context: Context<'check_suite.rerequested'>, deps: AppDeps, runtime: Runtime): Promise<void> {
  const suite = context.payload.check_suite;
  await reevaluateCommit(context, deps, runtime, { sha: suite.head_sha, listed: suite.pull_requests, headBranch: suite.head_branch });
}

/**
 * The app's own bot login (`<slug>[bot]`), asked once with the app's JWT (GET /app): its sticky comments are found
 * by author and marker. When GitHub cannot tell (a token-only Probot), undefined, and the review says so in the log.
 */
export function ownLogin(app: Pick<Probot, 'auth' | 'log'>): () => Promise<string | undefined> {
  let login: Promise<string | undefined> | undefined;
  return () =>
    (login ??= (async () => {
      try {
        const octokit = await app.auth();
        const { data } = await octokit.rest.apps.getAuthenticated();
        const own = data?.slug ? `${data.slug}[bot]` : undefined;
        app.log.info({ login: own }, 'the app comments as this login');
        return own;
      } catch (error) {
        app.log.warn({ status: (error as { status?: number }).status, error: (error as Error).message }, 'could not read the app\'s own login (GET /app): sticky comments cannot be found by author');
        login = undefined;
        return undefined;
      }
    })());
}

/**
 * Runs a handler once per delivery id: a replay is ignored with a log line; a delivery whose handler failed is
 * forgotten, so GitHub's "Redeliver" (same id) runs it again after an outage.
 */
export function oncePerDelivery(deliveries: DeliveryLog, eventLimits: EventLimits = DEFAULT_EVENT_LIMITS, blobs: BlobCache = new BlobCache()) {
  return <C extends { id: string; name: string; octokit?: object; log: { info(details: object, message: string): void } }>(handler: (context: C) => Promise<void>) =>
    async (context: C): Promise<void> => {
      if (deliveries.seen(context.id)) {
        context.log.info({ delivery: context.id, event: context.name }, 'duplicate delivery ignored (replay)');
        return;
      }
      // What this delivery may read (src/github/event-budget.ts): Probot gives it its own installation Octokit.
      // And its blob store, over the app's cache: blobs fetched for an earlier event are not fetched again.
      if (context.octokit) {
        eventBudget(context.octokit, eventLimits);
        eventBlobs(context.octokit, blobs);
      }
      try {
        await handler(context);
      } catch (error) {
        deliveries.forget(context.id);
        throw error;
      }
    };
}

export function syncstageApp(deps: AppDeps, options: AppOptions = {}): ApplicationFunction {
  const deliveries = options.deliveries ?? new DeliveryLog();
  return (app: Probot) => {
    const once = oncePerDelivery(deliveries, options.eventLimits, options.blobs ?? new BlobCache());
    const runtime = options.runtime ?? appRuntime(deps, ownLogin(app), app.log);
    app.on([...PULL_REQUEST_EVENTS], once(async (context) => void (await handlePullRequest(context, deps, runtime))));
    app.on('check_run.rerequested', once((context) => handleCheckRunRerequested(context, deps, runtime)));
    app.on('check_suite.rerequested', once((context) => handleCheckSuiteRerequested(context, deps, runtime)));
    app.on('merge_group.checks_requested', once(async (context) => void (await handleMergeGroup(context, deps, runtime))));
    app.on([...COMMENT_EVENTS], once((context) => handleVerifyCommand(context, deps, runtime)));
    app.onAny(async (context) => {
      const action = (context.payload as { action?: unknown }).action;
      if (!isHandled(context.name, action)) {
        app.log.debug({ event: context.name, action, delivery: context.id }, 'event ignored: syncstage does not handle it');
      }
    });
  };
}
