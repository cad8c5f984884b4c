import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { baseUrlOf, readPrivateKey, readServerEnvironment, ServerEnvironmentError } from '../../src/server/environment.js';
import { privateKey } from './helpers.js';

const key = privateKey();
const env = { APP_ID: '123', PRIVATE_KEY: key, WEBHOOK_SECRET: 's3cret' };

describe('readServerEnvironment', () => {
  it('reads the environment with defaults', () => {
    expect(readServerEnvironment(env)).toEqual({ appId: 123, privateKey: key, webhookSecret: 's3cret', port: 3000, host: 'localhost', baseUrl: 'https://api.github.com', logLevel: 'info', logFormat: 'pretty', clock: systemClock, deliveries: { running: 2, waiting: 100, waitingBytes: 64 * 1024 * 1024 }, eventLimits: { maxContentRequests: 1_000, maxBlobBytes: 512 * 1024 * 1024 }, readLimitCeilings: {} });
  });
  it('takes the per-event budget from SYNCSTAGE_EVENT_CONTENT_READS and SYNCSTAGE_EVENT_BLOB_MIB (the operator\'s, never a repository\'s)', () => {
    expect(readServerEnvironment({ ...env, SYNCSTAGE_EVENT_CONTENT_READS: '250', SYNCSTAGE_EVENT_BLOB_MIB: '64' }).eventLimits).toEqual({ maxContentRequests: 250, maxBlobBytes: 64 * 1024 * 1024 });
  });
  it('pins the clock to SYNCSTAGE_NOW (tests only): every call answers that time', () => {
    const { clock } = readServerEnvironment({ ...env, SYNCSTAGE_NOW: '2026-11-24T13:00:00+01:00' });
    expect(clock.pinnedAt?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(clock.now()).not.toBe(clock.now());
  });
  it('takes PORT, HOST, LOG_LEVEL, LOG_FORMAT and GitHub Enterprise Server', () => {
    expect(readServerEnvironment({ ...env, PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'debug', LOG_FORMAT: 'json', GHE_HOST: 'ghe.contoso.example' })).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      logFormat: 'json',
      baseUrl: 'https://ghe.contoso.example/api/v3',
    });
    expect(baseUrlOf({ GHE_HOST: '127.0.0.1:9000', GHE_PROTOCOL: 'http' })).toBe('http://127.0.0.1:9000/api/v3');
  });
  it.each([
    [{ ...env, WEBHOOK_SECRET: '' }, 'WEBHOOK_SECRET must be set: the server refuses to accept unsigned webhooks'],
    [{ ...env, APP_ID: undefined }, "APP_ID must be set to the GitHub App's numeric id"],
    [{ ...env, APP_ID: 'abc' }, "APP_ID must be set to the GitHub App's numeric id"],
    [{ ...env, PORT: 'http' }, 'PORT must be an integer from 0 to 65535, not "http"'],
    [{ ...env, LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal'],
    [{ ...env, LOG_FORMAT: 'JSON lines' }, 'LOG_FORMAT must be one of pretty, json'],
    [{ ...env, PRIVATE_KEY: undefined }, "PRIVATE_KEY or PRIVATE_KEY_PATH must be set (the GitHub App's private key, PEM)"],
    [{ ...env, PRIVATE_KEY: 'not a key at all' }, 'PRIVATE_KEY does not hold a PEM private key'],
    [{ ...env, GHE_HOST: 'x', GHE_PROTOCOL: 'ftp' }, 'GHE_PROTOCOL must be https or http'],
    [{ ...env, SYNCSTAGE_NOW: 'now' }, 'SYNCSTAGE_NOW must be an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), not "now"; it is for tests only: unset it'],
    [{ ...env, SYNCSTAGE_NOW: '2026-11-24 12:00' }, 'SYNCSTAGE_NOW must be an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), not "2026-11-24 12:00"; it is for tests only: unset it'],
    [{ ...env, SYNCSTAGE_EVENT_CONTENT_READS: '0' }, 'SYNCSTAGE_EVENT_CONTENT_READS must be an integer from 1 to 100000, not "0"'],
    [{ ...env, SYNCSTAGE_EVENT_CONTENT_READS: 'lots' }, 'SYNCSTAGE_EVENT_CONTENT_READS must be an integer from 1 to 100000, not "lots"'],
    [{ ...env, SYNCSTAGE_EVENT_BLOB_MIB: '65537' }, 'SYNCSTAGE_EVENT_BLOB_MIB must be an integer from 1 to 65536, not "65537"'],
  ])('refuses to start: %#', (bad, message) => {
    expect(() => readServerEnvironment(bad as NodeJS.ProcessEnv)).toThrow(new ServerEnvironmentError(message));
  });
  it('never echoes the key in an error', () => {
    try {
      readServerEnvironment({ ...env, PRIVATE_KEY: 'c2VjcmV0LWJ1dC1ub3QtYS1rZXk=' });
    } catch (error) {
      expect((error as Error).message).not.toContain('c2VjcmV0');
      return;
    }
    throw new Error('expected an error');
  });
});

describe('readPrivateKey', () => {
  it('accepts escaped newlines, base64 and a file', () => {
    expect(readPrivateKey({ PRIVATE_KEY: key.replace(/\n/g, '\\n') })).toBe(key);
    expect(readPrivateKey({ PRIVATE_KEY: Buffer.from(key).toString('base64') })).toBe(key);
    expect(readPrivateKey({ PRIVATE_KEY_PATH: '/keys/app.pem' }, (path) => (path === '/keys/app.pem' ? key : ''))).toBe(key);
  });
  it('says when the file cannot be read', () => {
    expect(() =>
      readPrivateKey({ PRIVATE_KEY_PATH: '/nope.pem' }, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow('PRIVATE_KEY_PATH: cannot read /nope.pem');
  });
});
