/**
 * What the server's log keeps of an error: enough to act on, never the delivery's payload or a request's response.
 */
import { describe, expect, it } from 'vitest';
import { serializeError } from '../../src/server/log.js';

describe('serializeError', () => {
  it("keeps a failed handler's message, status and delivery, and drops the payload", () => {
    const inner = Object.assign(new Error('checks failed'), { status: 502, event: { id: 'delivery-7', name: 'pull_request', payload: { action: 'opened', pull_request: { title: 'user data' } } } });
    const outer = Object.assign(new AggregateError([inner], 'checks failed'), { event: inner.event });
    const serialized = serializeError(outer);
    expect(serialized).toMatchObject({
      type: 'AggregateError',
      message: 'checks failed',
      event: { id: 'delivery-7', name: 'pull_request', action: 'opened' },
      errors: [{ type: 'Error', message: 'checks failed', status: 502, event: { id: 'delivery-7', name: 'pull_request', action: 'opened' } }],
    });
    expect(JSON.stringify(serialized)).not.toContain('user data');
  });

  it("drops an Octokit error's request and response (headers, bodies)", () => {
    const error = Object.assign(new Error('Not Found'), { name: 'HttpError', status: 404, request: { headers: { authorization: 'token ghs_x' } }, response: { data: { message: 'Not Found', body: 'file text' } } });
    expect(Object.keys(serializeError(error)).sort()).toEqual(['message', 'stack', 'status', 'type']);
  });

  it('says what a thrown non-error was', () => {
    expect(serializeError('plain text')).toEqual({ type: 'string', message: 'plain text' });
  });
});
