/**
 * The server's logger, made here rather than by Probot for two reasons. LOG_FORMAT=json must mean one JSON object
 * per line on stdout (Probot only honours its own `logFormat` option, which the server never passed, so the logs
 * were pretty-printed whatever LOG_FORMAT said). And errors must not carry webhook payloads into the log: Probot's
 * error handler logs a failed handler's error with the whole delivery attached (`error.event.payload`, user data
 * from the repository), and Octokit's request errors carry the response body. The `err` serializer keeps what a
 * person needs to act (type, message, stack, HTTP status, the delivery id and event name) and drops the rest.
 */
import { getTransformStream } from '@probot/pino';
import { type Logger, pino } from 'pino';
import type { LogSettings } from './environment.js';

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  status?: number;
  /** The delivery the error happened in: id, event name and action only. */
  event?: { id?: string; name?: string; action?: string };
  /** An AggregateError's errors, serialized the same way. */
  errors?: SerializedError[];
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An error as the log shows it: no payload, no request, no response, no headers. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const serialized: SerializedError = { type: error.name, message: error.message };
  if (error.stack) serialized.stack = error.stack;
  const status = field(error, 'status');
  if (typeof status === 'number') serialized.status = status;
  const event = field(error, 'event');
  if (event !== undefined) {
    const action = text(field(field(event, 'payload'), 'action'));
    serialized.event = { id: text(field(event, 'id')), name: text(field(event, 'name')), ...(action ? { action } : {}) };
  }
  if (error instanceof AggregateError && depth < 2) serialized.errors = error.errors.slice(0, 10).map((inner: unknown) => serializeError(inner, depth + 1));
  return serialized;
}

/** Probot's own pretty lines by default; with LOG_FORMAT=json, pino's JSON lines straight to stdout. */
export async function createServerLog(settings: LogSettings): Promise<Logger> {
  // No `name` here: Probot's child logger adds `name: "probot"`.
  const options = { level: settings.logLevel, serializers: { err: serializeError } };
  if (settings.logFormat === 'json') return pino(options, pino.destination({ fd: 1, sync: true }));
  const pretty = await getTransformStream({ logFormat: 'pretty' });
  pretty.pipe(process.stdout);
  return pino(options, pretty);
}
