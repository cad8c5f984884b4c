/**
 * GitHub's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the secret>`.
 * Checked here, on the bytes as received, before the body is parsed or handed to Probot; compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

export function checkSignature(secret: string, body: Buffer, header: string | string[] | undefined): SignatureCheck {
  if (header === undefined || header === '') return 'missing';
  const match = typeof header === 'string' ? SIGNATURE.exec(header.trim()) : null;
  if (!match) return 'malformed';
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(match[1]!, 'hex');
  return timingSafeEqual(expected, given) ? 'valid' : 'mismatch';
}

/** What a refused signature is called in the response and the log. */
export const SIGNATURE_PROBLEMS: Record<Exclude<SignatureCheck, 'valid'>, string> = {
  missing: 'no X-Hub-Signature-256 header',
  malformed: 'X-Hub-Signature-256 is not "sha256=" and 64 hex digits',
  mismatch: 'X-Hub-Signature-256 does not match the body and the webhook secret',
};
