/** The bounded retry policy both runtimes' Octokit uses (the Action's adapter and the App's server). */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { boundedOctokitClass, MAX_RATE_LIMIT_RETRIES } from '../../src/github/octokit.js';

const API = 'https://api.github.com';

describe('boundedOctokitClass', () => {
  it('retries a 429 with retry-after a bounded number of times, then fails clearly', async () => {
    const warnings: string[] = [];
    const Octokit = boundedOctokitClass((message) => warnings.push(message), { retryAfterBaseValue: 1 });
    const octokit = new Octokit({ auth: 'test-token' });
    let requests = 0;
    nock(API)
      .get('/repos/contoso/sync')
      .times(50)
      .reply(() => ((requests += 1), [429, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '1' }]));
    await expect(octokit.rest.repos.get({ owner: 'contoso', repo: 'sync' })).rejects.toMatchObject({ status: 429 });
    nock.cleanAll(); // the interceptor allowed more requests than the policy makes
    // The throttle gives up after its retries; the 5xx/429 retry plugin then tries a bounded number of times more.
    expect(requests).toBeGreaterThan(MAX_RATE_LIMIT_RETRIES);
    expect(requests).toBeLessThanOrEqual((MAX_RATE_LIMIT_RETRIES + 1) * (MAX_RATE_LIMIT_RETRIES + 1));
    expect(warnings.filter((warning) => /giving up after 3 retries/.test(warning)).length).toBeGreaterThan(0);
  });

  it('does not wait out a primary limit that resets in an hour', async () => {
    const warnings: string[] = [];
    const octokit = new (boundedOctokitClass((message) => warnings.push(message), { retryAfterBaseValue: 1 }))({ auth: 'test-token' });
    const reset = Math.floor(Date.now() / 1000) + 3600;
    nock(API)
      .get('/repos/contoso/sync')
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) });
    await expect(octokit.rest.repos.get({ owner: 'contoso', repo: 'sync' })).rejects.toMatchObject({ status: 403 });
    expect(warnings).toEqual([expect.stringMatching(/primary rate limit .*giving up after 0 retries/)]);
  });
});
