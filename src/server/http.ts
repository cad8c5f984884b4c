/**
 * The HTTP server around the Probot app: `POST /api/github/webhooks` (bounded, signature checked before Probot sees
 * the body: src/server/webhook-route.ts), `GET /healthz`, 405 for another method on either path, 404 for anything
 * else. Slow clients are cut off: the headers must arrive within 10 s and the whole request within 30 s (Node answers
 * 408), connections are capped. The app function is given, so the server runs whatever deps it was built with.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApplicationFunction, type Logger, type Options, Probot } from 'probot';
import { pinnedClockWarning } from '../clock.js';
import { boundedOctokitClass } from '../github/octokit.js';
import { DEFAULT_EVENT_LIMITS, type EventLimits } from '../github/event-budget.js';
import type { LimitSettings } from '../github/settings.js';
import { HEALTH_PATH, readLogSettings, readServerEnvironment, type ServerEnvironment, WEBHOOK_PATH } from './environment.js';
import { createServerLog } from './log.js';
import { ByteBudget, MAX_UNVERIFIED_BYTES, MAX_WEBHOOK_BYTES } from './webhook-body.js';
import { handleWebhook } from './webhook-route.js';
import { DEFAULT_DELIVERY_QUEUE, DeliveryQueue, type DeliveryQueueLimits } from './delivery-queue.js';

export interface ServerLimits {
  /** Per webhook body: GitHub's own cap. */
  maxBodyBytes: number;
  /** Unverified bodies being read, all requests together. */
  maxUnverifiedBytes: number;
  /** Node's headersTimeout: the request line and headers must arrive within it. */
  headersTimeoutMs: number;
  /** Node's requestTimeout: the whole request, body included. GitHub itself gives up on a delivery after 10 s. */
  requestTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  timeoutCheckMs: number;
  /** Open connections at once; more are refused by Node. */
  maxConnections: number;
  /** A webhook is answered 202 after this long while its handlers keep running. */
  answerWithinMs: number;
  /** After a refusal, the rest of the body is discarded for at most this long before the connection is cut. */
  lingerMs: number;
  /** Deliveries handled at once, waiting, and the waiting bodies' bytes (src/server/delivery-queue.ts). */
  deliveries: DeliveryQueueLimits;
}

export const SERVER_LIMITS: ServerLimits = {
  maxBodyBytes: MAX_WEBHOOK_BYTES,
  maxUnverifiedBytes: MAX_UNVERIFIED_BYTES,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  timeoutCheckMs: 1_000,
  maxConnections: 256,
  answerWithinMs: 9_000,
  lingerMs: 2_000,
  deliveries: DEFAULT_DELIVERY_QUEUE,
};

export interface ServerOptions {
  /** A logger to use instead of the one LOG_LEVEL and LOG_FORMAT describe (tests capture logs with it). */
  log?: Logger;
  /** Probot's Octokit class (tests turn retries off). */
  Octokit?: Options['Octokit'];
  /** Tests shorten the timeouts and lower the caps. */
  limits?: Partial<ServerLimits>;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export async function createProbotFor(config: ServerEnvironment, options: ServerOptions = {}): Promise<Probot> {
  const log = options.log ?? (await createServerLog(config));
  // The same bounded retry policy as the Action; its warnings go to the server's log.
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    log,
    Octokit: options.Octokit ?? boundedOctokitClass((message) => probot.log.warn(message)),
  });
  return probot;
}

export async function createSyncstageServer(appFn: ApplicationFunction, config: ServerEnvironment, options: ServerOptions = {}): Promise<{ server: Server; probot: Probot }> {
  const limits = { ...SERVER_LIMITS, ...(config.deliveries ? { deliveries: config.deliveries } : {}), ...options.limits };
  const probot = await createProbotFor(config, options);
  await probot.load(appFn, {
    cwd: process.cwd(),
    addHandler: () => {
      throw new Error('the syncstage server serves no routes of the app\'s own');
    },
  });
  const route = { secret: config.webhookSecret, webhooks: probot.webhooks, log: probot.log, maxBodyBytes: limits.maxBodyBytes, budget: new ByteBudget(limits.maxUnverifiedBytes), answerWithinMs: limits.answerWithinMs, lingerMs: limits.lingerMs, queue: new DeliveryQueue(limits.deliveries) };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    // A trailing slash is tolerated, as Probot did (a webhook URL configured with one still reaches the route).
    const path = (request.url ?? '/').split('?')[0]!.replace(/(.)\/+$/, '$1');
    if (path === WEBHOOK_PATH) {
      handleWebhook(request, response, route).catch((error: unknown) => {
        probot.log.error({ err: error }, 'webhook route failed');
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' }, { connection: 'close' });
      });
      return;
    }
    // Health and 404 answers never read a body; Node discards one (bounded by requestTimeout).
    if (path === HEALTH_PATH) {
      if (request.method === 'GET' || request.method === 'HEAD') sendJson(response, 200, { status: 'ok' });
      else sendJson(response, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
      return;
    }
    sendJson(response, 404, { error: 'not found' });
  };
  const server = createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.timeoutCheckMs }, handle);
  // `Expect: 100-continue` is answered by the webhook route once the headers passed, not by Node up front.
  server.on('checkContinue', handle);
  server.maxConnections = limits.maxConnections;
  return { server, probot };
}

/** The app function, given the clock the server's settings chose (SYNCSTAGE_NOW pins it for tests). */
/** The app for the server's clock and the per-event limits of its settings. */
export type AppForClock = (now: () => Date, eventLimits: EventLimits, readLimitCeilings: LimitSettings) => ApplicationFunction;

/** Reads the environment, listens, and resolves with the address once the server accepts connections. */
export async function startServer(appFor: AppForClock, env: NodeJS.ProcessEnv = process.env, options: ServerOptions = {}): Promise<{ server: Server; url: string; probot: Probot }> {
  const config = readServerEnvironment(env);
  const { server, probot } = await createSyncstageServer(appFor(config.clock.now, config.eventLimits ?? DEFAULT_EVENT_LIMITS, config.readLimitCeilings ?? {}), config, options);
  if (config.clock.pinnedAt) probot.log.warn(pinnedClockWarning(config.clock.pinnedAt));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  probot.log.info({ url, webhooks: WEBHOOK_PATH, health: HEALTH_PATH, api: config.baseUrl }, `syncstage listening on ${url}`);
  return { server, url, probot };
}

/**
 * The process entry: starts, or logs why not (never a secret) and exits 1; stops cleanly on SIGTERM/SIGINT. The
 * logger comes first, so that everything the process says, a refusal to start and a crash included, is in the
 * LOG_FORMAT asked for (only an invalid LOG_LEVEL or LOG_FORMAT itself is said in plain text on stderr).
 */
export async function runServer(appFor: AppForClock, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let log: Logger;
  try {
    log = await createServerLog(readLogSettings(env));
  } catch (error) {
    process.stderr.write(`syncstage server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  const crash = (what: string) => (error: unknown) => {
    log.fatal({ err: error }, `syncstage server: ${what}`);
    process.exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled promise rejection'));
  try {
    const { server, probot } = await startServer(appFor, env, { log });
    const stop = (signal: string) => {
      probot.log.info(`${signal}: shutting down`);
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 10_000).unref();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  } catch (error) {
    log.fatal(`syncstage server: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
