/**
 * The HTTP server around the Probot app: `POST /api/github/webhooks` (signature checked by @octokit/webhooks: a
 * bad or missing X-Hub-Signature-256 is refused with 400/401 and logged, and nothing runs), `GET /healthz`, and a
 * 404 for anything else. The app function is given, so the server runs whatever deps it was built with.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApplicationFunction, createNodeMiddleware, type Logger, type Options, Probot } from 'probot';
import { pinnedClockWarning } from '../clock.js';
import { boundedOctokitClass } from '../github/octokit.js';
import { HEALTH_PATH, readServerConfig, type ServerConfig, WEBHOOK_PATH } from './config.js';

export interface ServerOptions {
  /** A logger to use instead of Probot's (tests capture logs with it). */
  log?: Logger;
  /** Probot's Octokit class (tests turn retries off). */
  Octokit?: Options['Octokit'];
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function createProbotFor(config: ServerConfig, options: ServerOptions = {}): Probot {
  // The same bounded retry policy as the Action; its warnings go to the server's log once Probot made it.
  let log: Pick<Probot['log'], 'warn'> | undefined;
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    logLevel: config.logLevel,
    ...(options.log ? { log: options.log } : {}),
    Octokit: options.Octokit ?? boundedOctokitClass((message) => log?.warn(message)),
  });
  log = probot.log;
  return probot;
}

export async function createSyncstageServer(appFn: ApplicationFunction, config: ServerConfig, options: ServerOptions = {}): Promise<{ server: Server; probot: Probot }> {
  const probot = createProbotFor(config, options);
  const middleware = await createNodeMiddleware(appFn, { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === HEALTH_PATH) {
      if (request.method === 'GET' || request.method === 'HEAD') sendJson(response, 200, { status: 'ok' });
      else sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    if (path === WEBHOOK_PATH && request.method === 'POST' && !request.headers['x-hub-signature-256']) {
      probot.log.warn({ delivery: request.headers['x-github-delivery'], event: request.headers['x-github-event'] }, 'webhook refused: no X-Hub-Signature-256 header');
    }
    void middleware(request, response, () => sendJson(response, 404, { error: 'not found' }));
  });
  return { server, probot };
}

/** The app function, given the clock the server's settings chose (SYNCSTAGE_NOW pins it for tests). */
export type AppForClock = (now: () => Date) => ApplicationFunction;

/** Reads the environment, listens, and resolves with the address once the server accepts connections. */
export async function startServer(appFor: AppForClock, env: NodeJS.ProcessEnv = process.env, options: ServerOptions = {}): Promise<{ server: Server; url: string; probot: Probot }> {
  const config = readServerConfig(env);
  const { server, probot } = await createSyncstageServer(appFor(config.clock.now), config, options);
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

/** The process entry: starts, or prints why not (never a secret) and exits 1; stops cleanly on SIGTERM/SIGINT. */
export async function runServer(appFor: AppForClock, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const { server, probot } = await startServer(appFor, env);
    const stop = (signal: string) => {
      probot.log.info(`${signal}: shutting down`);
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 10_000).unref();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  } catch (error) {
    process.stderr.write(`syncstage server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
