/**
 * The server's settings from the environment. Refuses to start without what it needs (an app id, a private key, a
 * webhook secret: unsigned webhooks are never accepted), and the messages never echo a secret.
 */
import { DEFAULT_DELIVERY_QUEUE, type DeliveryQueueLimits } from './delivery-queue.js';
import { EVENT_LIMIT_SETTINGS, type EventLimits } from '../github/event-budget.js';
import { appVariable, type LimitSettings } from '../github/settings.js';
import { isValidLimit, limitRangeText, READ_LIMITS } from '../xml/read-limits.js';
import { readFileSync } from 'node:fs';
import { ClockError, clockFromEnvironment, type Clock } from '../clock.js';

export const WEBHOOK_PATH = '/api/github/webhooks';
export const HEALTH_PATH = '/healthz';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
/** `pretty`: Probot's human-readable lines (the default); `json`: one JSON object per line, for log collectors. */
export type LogFormat = 'pretty' | 'json';
const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json'];

export interface LogSettings {
  logLevel: LogLevel;
  logFormat: LogFormat;
}

export interface ServerEnvironment {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  /** The REST API root: https://api.github.com, or GitHub Enterprise Server's /api/v3. */
  baseUrl: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** The time judgments are made at: the system clock, or SYNCSTAGE_NOW's pinned time (tests only). */
  clock: Clock;
  /** SYNCSTAGE_CONCURRENT_DELIVERIES / SYNCSTAGE_QUEUED_DELIVERIES over the defaults (src/server/delivery-queue.ts). */
  deliveries?: DeliveryQueueLimits;
  /** SYNCSTAGE_EVENT_CONTENT_READS / SYNCSTAGE_EVENT_BLOB_MIB over the defaults (src/github/event-budget.ts). */
  eventLimits?: EventLimits;
  /**
   * SYNCSTAGE_MAX_INFLATED_MIB, SYNCSTAGE_MAX_INFLATION_RATIO, SYNCSTAGE_MAX_VALUES_PER_ATTRIBUTE,
   * SYNCSTAGE_MAX_VALUES_PER_OBJECT over the defaults (src/xml/read-limits.ts): the ceilings of every installation's
   * read limits (a repository's `limits:` may only lower them).
   */
  readLimitCeilings?: LimitSettings;
}

export class ServerEnvironmentError extends Error {
  override readonly name = 'ServerEnvironmentError';
}

const PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;

/** PRIVATE_KEY (PEM, PEM with literal `\n`, or base64 of PEM) or the file at PRIVATE_KEY_PATH. */
export function readPrivateKey(env: NodeJS.ProcessEnv, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): string {
  let key: string;
  if (env.PRIVATE_KEY) {
    key = env.PRIVATE_KEY.includes('-----BEGIN') ? env.PRIVATE_KEY : Buffer.from(env.PRIVATE_KEY, 'base64').toString('utf8');
    key = key.replace(/\\n/g, '\n');
  } else if (env.PRIVATE_KEY_PATH) {
    try {
      key = readFile(env.PRIVATE_KEY_PATH);
    } catch {
      throw new ServerEnvironmentError(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}`);
    }
  } else {
    throw new ServerEnvironmentError('PRIVATE_KEY or PRIVATE_KEY_PATH must be set (the GitHub App\'s private key, PEM)');
  }
  if (!PEM.test(key)) throw new ServerEnvironmentError(`${env.PRIVATE_KEY ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH'} does not hold a PEM private key`);
  return key;
}

function parseCount(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const count = Number(value);
  if (!/^\d{1,6}$/.test(value) || count < min || count > max) throw new ServerEnvironmentError(`${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(value.slice(0, 40))}`);
  return count;
}

/**
 * What one delivery may read of a repository through the API. The operator's setting, never a repository's: the
 * server is shared, and one installation's config file must not buy it more of everyone's time.
 */
function readEventLimits(env: NodeJS.ProcessEnv): EventLimits {
  const limits: Partial<EventLimits> = {};
  for (const spec of EVENT_LIMIT_SETTINGS) limits[spec.name] = parseCount(spec.variable, env[spec.variable], spec.default, spec.min, spec.max) * spec.scale;
  return limits as EventLimits;
}

/**
 * The ceilings of the read limits, each SYNCSTAGE_<SETTING> over its default: the operator's, for the same reason
 * as the event limits. A value out of range refuses to start, naming the variable.
 */
function readLimitCeilings(env: NodeJS.ProcessEnv): LimitSettings {
  const ceilings: LimitSettings = {};
  for (const spec of READ_LIMITS) {
    const name = appVariable(spec);
    const value = env[name];
    if (value === undefined || value === '') continue;
    const number = /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
    if (!isValidLimit(spec, number)) throw new ServerEnvironmentError(`${name} must be ${limitRangeText(spec)}, not ${JSON.stringify(value.slice(0, 40))}`);
    ceilings[spec.name] = number;
  }
  return ceilings;
}

/** How many deliveries are handled at once and how many wait; a full queue answers 503. */
function readDeliveryLimits(env: NodeJS.ProcessEnv): DeliveryQueueLimits {
  return {
    ...DEFAULT_DELIVERY_QUEUE,
    running: parseCount('SYNCSTAGE_CONCURRENT_DELIVERIES', env.SYNCSTAGE_CONCURRENT_DELIVERIES, DEFAULT_DELIVERY_QUEUE.running, 1, 64),
    waiting: parseCount('SYNCSTAGE_QUEUED_DELIVERIES', env.SYNCSTAGE_QUEUED_DELIVERIES, DEFAULT_DELIVERY_QUEUE.waiting, 0, 10_000),
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ServerEnvironmentError(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}

export function baseUrlOf(env: NodeJS.ProcessEnv): string {
  if (!env.GHE_HOST) return 'https://api.github.com';
  const protocol = env.GHE_PROTOCOL || 'https';
  if (protocol !== 'https' && protocol !== 'http') throw new ServerEnvironmentError('GHE_PROTOCOL must be https or http');
  return `${protocol}://${env.GHE_HOST}/api/v3`;
}

/** LOG_LEVEL and LOG_FORMAT alone: read first, so that even a refusal to start is logged in the chosen format. */
export function readLogSettings(env: NodeJS.ProcessEnv): LogSettings {
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ServerEnvironmentError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (env.LOG_FORMAT || 'pretty') as LogFormat;
  if (!LOG_FORMATS.includes(logFormat)) throw new ServerEnvironmentError(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}`);
  return { logLevel, logFormat };
}

export function readServerEnvironment(env: NodeJS.ProcessEnv, readFile?: (path: string) => string): ServerEnvironment {
  const { logLevel, logFormat } = readLogSettings(env);
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) throw new ServerEnvironmentError('APP_ID must be set to the GitHub App\'s numeric id');
  if (!env.WEBHOOK_SECRET) throw new ServerEnvironmentError('WEBHOOK_SECRET must be set: the server refuses to accept unsigned webhooks');
  return {
    appId,
    privateKey: readPrivateKey(env, readFile),
    webhookSecret: env.WEBHOOK_SECRET,
    port: parsePort(env.PORT),
    host: env.HOST || 'localhost',
    baseUrl: baseUrlOf(env),
    logLevel,
    logFormat,
    clock: readClock(env),
    deliveries: readDeliveryLimits(env),
    eventLimits: readEventLimits(env),
    readLimitCeilings: readLimitCeilings(env),
  };
}

function readClock(env: NodeJS.ProcessEnv): Clock {
  try {
    return clockFromEnvironment(env);
  } catch (error) {
    if (error instanceof ClockError) throw new ServerEnvironmentError(error.message);
    throw error;
  }
}
