/**
 * `POST /api/github/webhooks`: the body is read bounded and its signature checked here, before Probot sees it, so a
 * request that is not from GitHub costs at most 25 MB for the time it takes to arrive, and leaves one log line.
 *
 * Order: method (405), declared length (413, nothing read), content type (415), delivery headers (400), signature
 * header present (401, nothing read), the body read up to the cap (413 at the first byte over it; 503 when other
 * requests hold the unverified-bytes budget), the HMAC (401; 400 when the header is malformed), JSON (400). Only then
 * is the delivery handed to Probot's `webhooks.receive`, through the delivery queue (src/server/delivery-queue.ts: at
 * most 2 at once, 100 waiting; 503 when full): 200 when the handlers finished, 202 when they are still
 * running after 9 s (GitHub gives up at 10 s), 500 when one failed (Probot logs why).
 *
 * Every refusal is one warn line: event, delivery id, status and reason, never the body or a header's value beyond
 * the event name and delivery id (cut to 100 characters). A refusal sent while the body is still arriving is
 * followed by a short lingering close: what still arrives is discarded (not kept) for at most `lingerMs`, then the
 * connection is cut. Cutting it at once makes the client's TCP stack drop the refusal (the unread bytes turn the
 * close into a reset, and the client sees EPIPE instead of 413). A client that sent `Expect: 100-continue` is only
 * told to continue once the headers passed, so a refused body is never sent at all.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Probot } from 'probot';
import type { DeliveryQueue } from './delivery-queue.js';
import { checkSignature, SIGNATURE_PROBLEMS } from './signature.js';
import { type ByteBudget, declaredLength, readBoundedBody } from './webhook-body.js';

export interface WebhookRoute {
  secret: string;
  webhooks: Probot['webhooks'];
  log: Logger;
  /** Per request: GitHub's 25 MB. */
  maxBodyBytes: number;
  /** Across requests whose bodies are still being read. */
  budget: ByteBudget;
  /** After this long, answer 202 and let the handlers finish (GitHub times a delivery out at 10 s). */
  answerWithinMs: number;
  /** After a refusal, how long the rest of a body is discarded before the connection is cut. */
  lingerMs: number;
  /** Deliveries handled at once and waiting: a full queue answers 503 (GitHub shows a failed, redeliverable delivery). */
  queue: DeliveryQueue;
}

type Delivery = Parameters<Probot['webhooks']['receive']>[0];

const JSON_CONTENT_TYPE = /^\s*application\/json\s*(;|$)/i;
const HEADER_SHOWN = 100;

/** A header's value as the log shows it: a string, cut short. */
function shown(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined ? undefined : text.length > HEADER_SHOWN ? `${text.slice(0, HEADER_SHOWN)}…` : text;
}

/** Discards what is left of the body for at most `lingerMs`, then cuts the connection unless the body ended. */
function discardRest(request: IncomingMessage, lingerMs: number): void {
  if (request.complete) return;
  const socket = request.socket;
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  const stop = () => clearTimeout(timer);
  request.once('end', stop);
  socket.once('close', stop);
  request.resume();
}

const MIB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

export async function handleWebhook(request: IncomingMessage, response: ServerResponse, route: WebhookRoute): Promise<void> {
  const event = shown(request.headers['x-github-event']);
  const delivery = shown(request.headers['x-github-delivery']);
  const logRefusal = (status: number | undefined, reason: string): void => route.log.warn({ event, delivery, status, reason }, `webhook refused: ${reason}`);
  const refuse = (status: number, reason: string, headers: Record<string, string> = {}): void => {
    logRefusal(status, reason);
    if (response.headersSent || response.destroyed) return;
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ error: reason }));
    discardRest(request, route.lingerMs);
  };

  if (request.method !== 'POST') return refuse(405, `method ${shown(request.method)} is not allowed: webhooks are POSTed`, { allow: 'POST' });
  const limit = `GitHub's webhook limit of ${size(route.maxBodyBytes)}`;
  const length = declaredLength(request);
  if (length !== undefined && length > route.maxBodyBytes) return refuse(413, `body of ${size(length)} is over ${limit}`);
  if (!JSON_CONTENT_TYPE.test(request.headers['content-type'] ?? '')) return refuse(415, 'Content-Type must be application/json (set it in the webhook settings)');
  const missing = (['x-github-event', 'x-github-delivery'] as const).filter((name) => !request.headers[name]);
  if (missing.length > 0) return refuse(400, `missing header ${missing.join(', ')}`);
  if (!request.headers['x-hub-signature-256']) return refuse(401, SIGNATURE_PROBLEMS.missing);

  if (request.headers.expect?.toLowerCase() === '100-continue') response.writeContinue();
  const read = await readBoundedBody(request, route.maxBodyBytes, route.budget);
  if (read.kind === 'too-large') return refuse(413, `body is over ${limit} (stopped reading at ${size(read.received)})`);
  if (read.kind === 'busy') return refuse(503, 'too many webhook bodies are being received at once; retry later', { 'retry-after': '10' });
  if (read.kind === 'aborted') {
    // Nobody to answer: the client left, or Node answered 408 (requestTimeout).
    logRefusal(undefined, 'the body did not arrive in full (the connection closed or the request timed out)');
    response.destroy();
    return;
  }
  const signature = checkSignature(route.secret, read.body, request.headers['x-hub-signature-256']);
  if (signature !== 'valid') return refuse(signature === 'malformed' ? 400 : 401, SIGNATURE_PROBLEMS[signature]);

  let payload: unknown;
  try {
    payload = JSON.parse(read.body.toString('utf8'));
  } catch {
    return refuse(400, 'the body is not JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return refuse(400, 'the body is not a JSON object');

  route.log.debug({ event, delivery }, 'webhook received');
  // The headers as sent (both present, checked above), not as logged. The cast: the event name is GitHub's header,
  // the payload GitHub's body, both now authenticated by the signature.
  const id = String(request.headers['x-github-delivery']);
  const name = String(request.headers['x-github-event']);
  const authenticated = { id, name, payload } as Delivery;
  const offered = route.queue.offer(read.body.length, () => route.webhooks.receive(authenticated));
  if (!offered) {
    const { running, waiting } = route.queue.limits;
    return refuse(503, `the server is busy: ${running} deliveries are being handled and ${waiting} are waiting (or their bodies fill the queue); redeliver this one later (the app's Advanced settings)`, { 'retry-after': '60' });
  }
  if (offered.queued) route.log.info({ event, delivery, waiting: route.queue.waiting }, 'webhook queued: other deliveries are being handled');
  const handled = offered.done.then(
    () => 'ok' as const,
    // Probot's error handler has logged the failure (src/server/log.ts keeps the payload out of it).
    () => 'failed' as const,
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), route.answerWithinMs)));
  const outcome = await Promise.race([handled, late]);
  clearTimeout(timer);
  if (outcome === 'ok') response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
  else if (outcome === 'failed') response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'handling the delivery failed: the server log says why' }));
  else {
    response.writeHead(202, { 'content-type': 'text/plain' }).end('still processing\n');
    await handled;
  }
}
