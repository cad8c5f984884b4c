/**
 * Runs a Probot app function inside GitHub Actions (our own adapter: @probot/adapter-github-actions stops at probot 13).
 * The token comes from the `token` input, the API from GITHUB_API_URL (GitHub Enterprise Server), the event from
 * GITHUB_EVENT_NAME / GITHUB_EVENT_PATH, the delivery id from GITHUB_RUN_ID. pull_request_target is delivered to the
 * pull_request handlers (Probot fires handlers by the literal event name). Logs go to @actions/core; the token is
 * masked and never logged.
 */
import { readFile } from 'node:fs/promises';
import { Probot, ProbotOctokit, type ApplicationFunction, type Logger } from 'probot';
import { isInputError } from '../errors.js';
import type { ActionCore } from './action-io.js';
import { getInput, type Env } from './inputs.js';
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
    error: (...args: LogArgs) => core.error(logText(args)),
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

/** Loads the app, delivers the run's event to it, and fails the step with a readable message if a handler throws. */
export async function runAppInAction(appFn: ApplicationFunction, env: Env = process.env, options: RunAppOptions = {}): Promise<void> {
  const core = options.core ?? ((await import('@actions/core')) as unknown as ActionCore);
  try {
    const token = getInput(env, 'token') ?? env.GITHUB_TOKEN;
    if (!token) throw new Error('no token: set the `token` input (default `${{ github.token }}`)');
    core.setSecret(token);
    const redactKey = getInput(env, 'redact-key');
    if (redactKey) core.setSecret(redactKey);
    const eventName = env.GITHUB_EVENT_NAME;
    const eventPath = env.GITHUB_EVENT_PATH;
    if (!eventName || !eventPath) throw new Error('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this entry point runs inside GitHub Actions');
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as Record<string, unknown>;

    const probot = new Probot({
      githubToken: token,
      baseUrl: env.GITHUB_API_URL,
      Octokit: actionOctokitClass(core, options),
      log: createCoreLogger(core),
    });
    await probot.load(appFn, { cwd: env.GITHUB_WORKSPACE ?? process.cwd(), addHandler: () => {} });
    core.info(`syncstage: ${eventName}${payload.action ? `.${String(payload.action)}` : ''} (run ${env.GITHUB_RUN_ID ?? 'local'})`);
    await probot.receive({ id: env.GITHUB_RUN_ID ?? 'local', name: handlerEventName(eventName), payload } as Parameters<Probot['receive']>[0]);
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}
