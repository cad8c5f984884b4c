/**
 * The Probot app: event routing only. Every handler gets its dependencies injected (AppDeps), so the same
 * function runs in the server, in the Action's adapter and in tests.
 *
 * pull_request (opened, synchronize, reopened, edited, ready_for_review) -> the review + both checks at the head;
 * check_run.rerequested and check_suite.rerequested -> both checks again at that head SHA; merge_group.checks_requested -> both checks
 * at the merge group's head; issue_comment (created, edited) -> /verify-staging. Anything else: logged at debug.
 * A delivery id seen before is a replay: ignored and logged.
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import { GATE_CHECK_NAME, REVIEW_CHECK_NAME } from '../gate/types.js';
import { mergeGroupFiles, pullRequestFiles } from './changed-files.js';
import { DeliveryLog } from './deliveries.js';
import { eventBudget } from './event-budget.js';
import type { VerificationResult } from '../verify/types.js';
import type { AppDeps, RepoRef } from './deps.js';
import { evaluateCommit, type EvaluationContext } from './evaluate.js';
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
}

function isHandled(name: string, action: unknown): boolean {
  return (HANDLED_EVENTS as readonly string[]).includes(typeof action === 'string' ? `${name}.${action}` : name);
}

/** Runs each task, logs every failure, and fails when any failed (so the delivery shows as failed). */
async function settleAll(context: Context, tasks: Record<string, () => Promise<unknown>>): Promise<void> {
  const names = Object.keys(tasks);
  const results = await Promise.allSettled(names.map((name) => tasks[name]!()));
  const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ task: names[index]!, error: result.reason as unknown }] : []));
  for (const failure of failures) {
    context.log.error({ task: failure.task, status: (failure.error as { status?: number }).status, error: String(failure.error) }, 'handler failed');
  }
  if (failures.length > 0) throw new Error(`${failures.map((failure) => failure.task).join(', ')} failed`);
}

export async function handlePullRequest(context: Context<'pull_request'>, deps: AppDeps, appLogin: () => Promise<string | undefined> = async () => undefined): Promise<void> {
  const pull = context.payload.pull_request;
  const repo = context.repo();
  // The checks first; the sticky-comment review then reuses their verification of the head (parsed once).
  let verified: VerificationResult | undefined;
  let run: { url: string; label: string } | undefined;
  const tasks: Record<string, () => Promise<unknown>> = {
    checks: async () => {
      verified = await evaluateCommit(
        context,
        deps,
        { ...repo, sha: pull.head.sha, detailsUrl: pull.html_url },
        () => pullRequestFiles(context.octokit, repo, pull.number),
        (posted) => {
          if (posted.reviewUrl) run = { url: posted.reviewUrl, label: 'check run' };
        },
      );
    },
  };
  // A failed check still gets its review comment (and the other way round): both failures are reported.
  const checks = await settleAll(context, tasks).then(() => undefined, (error: unknown) => error);
  const review = deps.reviewPullRequest;
  const reviewed = review
    ? await settleAll(context, {
        review: async () => {
          const login = await appLogin();
          await review(context, { ...(login ? { commentAuthors: [login] } : {}), ...(verified ? { verified } : {}), ...(run ? { run } : {}) });
        },
      }).then(() => undefined, (error: unknown) => error)
    : undefined;
  const failures = [checks, reviewed].filter((error): error is Error => error !== undefined);
  if (failures.length > 0) throw new Error(failures.map((error) => error.message).join('; '));
}

interface RerunContext extends EvaluationContext {
  log: Context['log'];
  repo(): RepoRef;
  payload: { repository: { html_url: string } };
}

/** Both checks again at `sha`, for the open PRs that hold it (listed by GitHub, or found through the commit for forks). */
export async function reevaluateCommit(context: RerunContext, deps: AppDeps, sha: string, listed: readonly { number: number }[]): Promise<void> {
  const repo = context.repo();
  let numbers = listed.map((pull) => pull.number);
  if (numbers.length === 0) {
    const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
    numbers = data.filter((pull) => pull.state === 'open').map((pull) => pull.number);
  }
  if (numbers.length === 0) {
    context.log.info({ sha }, 're-run requested: no open pull request has this commit; nothing to do');
    return;
  }
  const changed = async () => [...new Set((await Promise.all(numbers.map((number) => pullRequestFiles(context.octokit, repo, number)))).flat())];
  const detailsUrl = `${context.payload.repository.html_url}/pull/${numbers[0]}`;
  await evaluateCommit(context, deps, { ...repo, sha, detailsUrl }, changed);
}

export async function handleCheckRunRerequested(context: Context<'check_run.rerequested'>, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== REVIEW_CHECK_NAME && run.name !== GATE_CHECK_NAME) {
    context.log.debug({ name: run.name }, 'check_run.rerequested for another check ignored');
    return;
  }
  await reevaluateCommit(context, deps, run.head_sha, run.pull_requests);
}

/** "Re-run all checks" on the app's suite (GitHub sends it to apps with checks: write). */
export async function handleCheckSuiteRerequested(context: Context<'check_suite.rerequested'>, deps: AppDeps): Promise<void> {
  const suite = context.payload.check_suite;
  await reevaluateCommit(context, deps, suite.head_sha, suite.pull_requests);
}

export async function handleMergeGroup(context: Context<'merge_group.checks_requested'>, deps: AppDeps): Promise<void> {
  const group = context.payload.merge_group;
  const repo = context.repo();
  await evaluateCommit(context, deps, { ...repo, sha: group.head_sha }, () => mergeGroupFiles(context.octokit, repo, group));
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
export function oncePerDelivery(deliveries: DeliveryLog) {
  return <C extends { id: string; name: string; octokit?: object; log: { info(details: object, message: string): void } }>(handler: (context: C) => Promise<void>) =>
    async (context: C): Promise<void> => {
      if (deliveries.seen(context.id)) {
        context.log.info({ delivery: context.id, event: context.name }, 'duplicate delivery ignored (replay)');
        return;
      }
      // What this delivery may read (src/github/event-budget.ts): Probot gives it its own installation Octokit.
      if (context.octokit) eventBudget(context.octokit);
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
    const once = oncePerDelivery(deliveries);
    const appLogin = ownLogin(app);
    app.on([...PULL_REQUEST_EVENTS], once((context) => handlePullRequest(context, deps, appLogin)));
    app.on('check_run.rerequested', once((context) => handleCheckRunRerequested(context, deps)));
    app.on('check_suite.rerequested', once((context) => handleCheckSuiteRerequested(context, deps)));
    app.on('merge_group.checks_requested', once((context) => handleMergeGroup(context, deps)));
    app.on([...COMMENT_EVENTS], once((context) => handleVerifyCommand(context, deps)));
    app.onAny(async (context) => {
      const action = (context.payload as { action?: unknown }).action;
      if (!isHandled(context.name, action)) {
        app.log.debug({ event: context.name, action, delivery: context.id }, 'event ignored: syncstage does not handle it');
      }
    });
  };
}
