/**
 * The webhook signature as GitHub computes it (HMAC-SHA256 of the raw body with the secret, hex, `sha256=` prefix),
 * checked on the bytes received, and the budget of unverified bytes.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature } from '../../src/server/signature.js';
import { ByteBudget } from '../../src/server/webhook-body.js';

const SECRET = "It's a Secret to Everybody";
const BODY = Buffer.from('Hello, World!');

describe('checkSignature', () => {
  it("accepts GitHub's documented example (secret, body, signature)", () => {
    // docs.github.com "Validating webhook deliveries": test values.
    expect(checkSignature(SECRET, BODY, 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17')).toBe('valid');
  });

  it('accepts upper-case hex and refuses a signature made with another secret or over other bytes', () => {
    const hex = createHmac('sha256', SECRET).update(BODY).digest('hex');
    expect(checkSignature(SECRET, BODY, `sha256=${hex.toUpperCase()}`)).toBe('valid');
    expect(checkSignature('rotated', BODY, `sha256=${hex}`)).toBe('mismatch');
    expect(checkSignature(SECRET, Buffer.from('Hello, World?'), `sha256=${hex}`)).toBe('mismatch');
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['sha1=0a4d55a8d778e5022fab701977c5d840bbc486d0', 'malformed'],
    [`sha256=${'0'.repeat(63)}`, 'malformed'],
    [`sha256=${'g'.repeat(64)}`, 'malformed'],
    [['sha256=a', 'sha256=b'], 'malformed'],
  ] as const)('%j is %s', (header, expected) => {
    expect(checkSignature(SECRET, BODY, header as string | string[] | undefined)).toBe(expected);
  });
});

describe('ByteBudget', () => {
  it('hands out bytes up to its capacity and takes them back', () => {
    const budget = new ByteBudget(100);
    expect([budget.take(60), budget.take(41), budget.take(40), budget.used]).toEqual([true, false, true, 100]);
    budget.release(60);
    expect([budget.used, budget.take(60)]).toEqual([40, true]);
  });
});
