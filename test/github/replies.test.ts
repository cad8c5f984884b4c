import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ConfigError } from '../../src/github/settings-schema.js';
import { describeError, errorReply, redactSecrets, refusalReply } from '../../src/github/replies.js';

const to = { commandUrl: 'https://github.com/o/r/issues/1#issuecomment-2', author: 'alice' };

describe('redactSecrets', () => {
  it.each([
    ['token ghs_16C7e42F292c6912E7710c838347Ae178B4a', 'token [redacted token]'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked', '[redacted token] leaked'],
    ['Authorization: bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJlMTIz', 'Authorization: bearer [redacted]'],
    ['jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJlMTIz', 'jwt [redacted jwt]'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- after', '[redacted private key] after'],
    ['https://user:secret@example.com/x', 'https://[redacted]@example.com/x'],
  ])('%j', (text, safe) => {
    expect(redactSecrets(text)).toBe(safe);
  });
});

describe('describeError', () => {
  it('keeps input and config errors whole', () => {
    expect(describeError(new InputError('a.xml', 'bad', { line: 1, column: 2 }))).toBe('a.xml:1:2: bad');
    expect(describeError(new ConfigError('.github/syncstage.yml', '"x" must be y'))).toBe('.github/syncstage.yml: "x" must be y');
  });
  it('names the HTTP status of API errors', () => {
    expect(describeError(Object.assign(new Error('Not Found'), { status: 404 }))).toBe('GitHub answered HTTP 404 (Not Found)');
  });
  it('keeps the first line of other errors, without secrets, bounded', () => {
    expect(describeError(new TypeError('bad ghs_16C7e42F292c6912E7710c838347Ae178B4a\n    at x'))).toBe('TypeError: bad [redacted token]');
    expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(1000);
    expect(describeError('plain')).toBe('plain');
  });
});

describe('replies', () => {
  it('mentions only the author and fences error text', () => {
    expect(errorReply(to, 'verifying abc', new Error('@everyone `x`'))).toBe(
      '@alice — reply to [this `/verify-staging`](https://github.com/o/r/issues/1#issuecomment-2)\n\n**`/verify-staging` failed** while verifying abc:\n\n```\nError: @everyone `x`\n```',
    );
  });
  it('escapes notes in a refusal', () => {
    expect(refusalReply(to, 'no.', ['team @org/x'])).toContain('- team `@org/x`');
  });
});
