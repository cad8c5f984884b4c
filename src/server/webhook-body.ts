/**
 * Reading a webhook body before anything trusts it: at most MAX_WEBHOOK_BYTES per request, and at most
 * MAX_UNVERIFIED_BYTES held across all requests still being read. GitHub caps its webhook payloads at 25 MB, so a
 * larger body did not come from GitHub; the cap is checked on every chunk (a chunked body has no Content-Length),
 * and reading stops at the first byte over it.
 */
import type { IncomingMessage } from 'node:http';

/** GitHub's cap on a webhook payload: 25 MB (taken as MiB, the lenient reading). */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** Bodies being read and not yet verified, all requests together: four full-size deliveries. */
export const MAX_UNVERIFIED_BYTES = 4 * MAX_WEBHOOK_BYTES;

export type BodyRead =
  | { kind: 'complete'; body: Buffer }
  /** More than the limit arrived; reading stopped there. */
  | { kind: 'too-large'; received: number }
  /** Other requests hold the whole unverified-bytes budget. */
  | { kind: 'busy' }
  /** The client went away (or the socket failed) before the end of the body. */
  | { kind: 'aborted' };

/** Bytes held by bodies still being read, across requests. */
export class ByteBudget {
  #used = 0;
  constructor(readonly capacity: number) {}

  take(bytes: number): boolean {
    if (this.#used + bytes > this.capacity) return false;
    this.#used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }

  get used(): number {
    return this.#used;
  }
}

/** The declared Content-Length, or undefined when the body is chunked. (Node's parser refuses a malformed one.) */
export function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers['content-length'];
  return header === undefined ? undefined : Number(header);
}

const ignore = (): void => undefined;

/**
 * Reads the body, holding at most `limit` bytes. On any outcome but `complete` the request is paused and its
 * listeners removed: nothing more is read or kept. The budget's bytes are given back when the read settles (the
 * caller verifies the signature right away).
 */
export function readBoundedBody(request: IncomingMessage, limit: number, budget: ByteBudget): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      request.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onAborted);
      // A reset after this point is expected (the connection is closed on refusals): never an unhandled 'error'.
      request.on('error', ignore);
      budget.release(received);
      if (result.kind !== 'complete') {
        chunks.length = 0;
        request.pause();
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (received + chunk.length > limit) {
        settle({ kind: 'too-large', received: received + chunk.length });
        return;
      }
      if (!budget.take(chunk.length)) {
        settle({ kind: 'busy' });
        return;
      }
      received += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => settle({ kind: 'complete', body: Buffer.concat(chunks, received) });
    // 'close' before 'end' means the body never finished.
    const onAborted = () => settle({ kind: 'aborted' });
    request.on('data', onData).once('end', onEnd).once('error', onAborted).once('close', onAborted);
  });
}
