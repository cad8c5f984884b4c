/**
 * Runs a Probot app function inside GitHub Actions (our own adapter: @probot/adapter-github-actions stops at probot 13).
 * The token comes from the `token` input, the API from GITHUB_API_URL (GitHub Enterprise Server), the event from
 * GITHUB_EVENT_NAME / GITHUB_EVENT_PATH, the delivery id from GITHUB_RUN_ID. pull_request_target is delivered to the
 * pull_request handlers (Probot fires handlers by the literal event name). Logs go to @actions/core; the token is
 * masked and never logged.
 */
import { readFile } from 'node:fs/promises';
import { Probot, ProbotOctokit, type ApplicationFunction, type Logger } from 'probot';
import { InputError, isInputError } from '../errors.js';
import { GATE_CHECK_NAME } from '../check-names.js';
import type { ActionCore } from './action-io.js';
import { getInput, readActionInputs, type ActionInputs, type Env } from './inputs.js';
import { postGateFailure, type GateTarget } from './review.js';
import { runUrl } from './runtime.js';
import { boundedOctokitClass, MAX_RATE_LIMIT_RETRIES, MAX_SERVER_ERROR_RETRIES, type ActionOctokitOptions, type ThrottledRequest } from './octokit.js';

/** Event names as the handlers know them. */
export function handlerEventName(eventName: string): string {
  return eventName === 'pull_request_target' ? 'pull_request' : eventName;
}

type LogArgs = [unknown, ...unknown[]];

function logText(args: LogArgs): string {
  const [first, second] = args;
  if (typeof first === 'string') return first;
  if (first instanceof Error) return typeof second === 'string' ? `${second}: ${first.message}` : first.message;
  const err = (first as { err?: unknown })?.err;
  if (typeof second === 'string') return err instanceof Error ? `${second}: ${err.message}` : second;
  return JSON.stringify(first);
}

/** A pino-shaped logger writing through @actions/core: debug lines only show with step debugging on. */
export function createCoreLogger(core: ActionCore): Logger {
  const logger = {
    level: 'info',
    trace: (...args: LogArgs) => core.debug(logText(args)),
    debug: (...args: LogArgs) => core.debug(logText(args)),
    info: (...args: LogArgs) => core.info(logText(args)),
    warn: (...args: LogArgs) => core.warning(logText(args)),
    // Probot reports a handler's error by itself, as a bare Error; the adapter fails the step with that same error in
    // one line, so the report stays at debug level: the step shows one ::error:: line, not two.
    error: (...args: LogArgs) => (args.length === 1 && args[0] instanceof Error ? core.debug(logText(args)) : core.error(logText(args))),
    fatal: (...args: LogArgs) => core.error(logText(args)),
    silent: () => {},
    child: () => logger,
    isLevelEnabled: () => true,
  };
  return logger as unknown as Logger;
}

/** Probot's Octokit with our retry and throttling policy, for the Action: warnings go to the step's log. */
export function actionOctokitClass(core: Pick<ActionCore, 'warning'>, options: ActionOctokitOptions = {}): typeof ProbotOctokit {
  return boundedOctokitClass((message) => core.warning(message), options);
}

/** One line a person can act on, for each way a run fails. */
export function describeFailure(error: unknown): string {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors
    .map((item: unknown) => {
      if (isInputError(item)) return item.message;
      const status = (item as { status?: unknown })?.status;
      const request = (item as { request?: ThrottledRequest })?.request;
      const message = item instanceof Error ? item.message : String(item);
      if ((status === 403 || status === 429) && /rate limit/i.test(message)) {
        return `GitHub's rate limit stopped ${request?.method} ${request?.url} after ${MAX_RATE_LIMIT_RETRIES} retries: run again later, or give the workflow a concurrency group`;
      }
      if (typeof status === 'number' && status >= 500) return `GitHub kept failing (${status}) on ${request?.method} ${request?.url} after ${MAX_SERVER_ERROR_RETRIES} retries: run again`;
      if (typeof status === 'number') return `GitHub answered ${status} to ${request?.method} ${request?.url}: ${message}`;
      return message;
    })
    .join('\n');
}

export interface RunAppOptions extends ActionOctokitOptions {
  core?: ActionCore;
}

/** The app for a run, built from the step's parsed inputs. */
export type ActionAppBuilder = (inputs: ActionInputs) => ApplicationFunction;

/** The commit whose required check a run of this event reports, when the event carries it; none for push or comments. */
export function gateTargetOf(eventName: string, payload: Record<string, unknown>, env: Env): GateTarget | undefined {
  const event = payload as {
    action?: string;
    pull_request?: { head?: { sha?: unknown } };
    merge_group?: { head_sha?: unknown };
    repository?: { name?: unknown; owner?: { login?: unknown } };
  };
  const name = handlerEventName(eventName);
  const sha = name === 'pull_request' && event.action !== 'closed' ? event.pull_request?.head?.sha : name === 'merge_group' ? event.merge_group?.head_sha : undefined;
  const [owner, repo] =
    typeof event.repository?.owner?.login === 'string' && typeof event.repository.name === 'string'
      ? [event.repository.owner.login, event.repository.name]
      : (env.GITHUB_REPOSITORY ?? '').split('/');
  if (typeof sha !== 'string' || !owner || !repo) return undefined;
  return { owner, repo, headSha: sha };
}

/**
 * A bad input stops the run before any review: the required check must not stay unset (or keep an older success),
 * so the gate's status lands on the head as a failure with the same sentence as the step's error.
 */
async function postInputFailure(probot: Probot, target: GateTarget | undefined, env: Env, error: unknown, core: ActionCore): Promise<void> {
  if (!target) return;
  try {
    const octokit = await probot.auth();
    await postGateFailure(octokit, target, runUrl(env, target), describeFailure(error));
  } catch (statusError) {
    core.warning(`could not post the failing ${GATE_CHECK_NAME} status: ${describeFailure(statusError)}`);
  }
}

/**
 * Reads the step's inputs, builds the app from them, delivers the run's event to it, and fails the step with one
 * readable line (no stack trace) whatever goes wrong: a bad input, a handler's error, GitHub failing past the retries.
 */
export async function runAction(buildApp: ActionAppBuilder, env: Env = process.env, options: RunAppOptions = {}): Promise<void> {
  const core = options.core ?? ((await import('@actions/core')) as unknown as ActionCore);
  try {
    // Masked first, before anything could print them; a bad value is masked too.
    const rawToken = getInput(env, 'token') ?? env.GITHUB_TOKEN?.trim();
    if (rawToken) core.setSecret(rawToken);
    const rawKey = getInput(env, 'redact-key');
    if (rawKey) core.setSecret(rawKey);
    if (!rawToken) throw new InputError('input "token"', 'no token was given (expected a GitHub token: the default ${{ github.token }}, an App installation token or a personal access token)');
    const eventName = env.GITHUB_EVENT_NAME;
    const eventPath = env.GITHUB_EVENT_PATH;
    if (!eventName || !eventPath) throw new Error('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this entry point runs inside GitHub Actions');
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as Record<string, unknown>;

    const probot = new Probot({
      githubToken: rawToken,
      baseUrl: env.GITHUB_API_URL,
      Octokit: actionOctokitClass(core, options),
      log: createCoreLogger(core),
    });
    let inputs: ActionInputs;
    try {
      inputs = readActionInputs(env);
    } catch (error) {
      // A token with whitespace in it cannot authenticate anything: no status then.
      if (isInputError(error) && error.file !== 'input "token"') await postInputFailure(probot, gateTargetOf(eventName, payload, env), env, error, core);
      throw error;
    }
    await probot.load(buildApp(inputs), { cwd: env.GITHUB_WORKSPACE ?? process.cwd(), addHandler: () => {} });
    core.info(`syncstage: ${eventName}${payload.action ? `.${String(payload.action)}` : ''} (run ${env.GITHUB_RUN_ID ?? 'local'})`);
    await probot.receive({ id: env.GITHUB_RUN_ID ?? 'local', name: handlerEventName(eventName), payload } as Parameters<Probot['receive']>[0]);
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

/** runAction for an app that does not depend on the inputs (the inputs are still read and checked). */
export async function runAppInAction(appFn: ApplicationFunction, env: Env = process.env, options: RunAppOptions = {}): Promise<void> {
  await runAction(() => appFn, env, options);
}
