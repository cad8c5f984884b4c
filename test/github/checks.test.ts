import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { errorOutcome, gateOutcome, reviewOutcome, statusOf } from '../../src/github/outcome.js';
import { CHECK_TEXT_LIMIT, createCheckRun, createCommitStatus, fitLine, fitText } from '../../src/github/checks.js';
import { InputError } from '../../src/errors.js';
import { API, testOctokit } from './helpers.js';
import { gate, renderGateCheck, renderReviewCheck, result } from './stubs.js';

const SHA = 'a'.repeat(40);

describe('fitText', () => {
  it('leaves text that fits', () => {
    expect(fitText('abc', 3)).toBe('abc');
  });
  it('cuts to the limit exactly and says how much was cut', () => {
    const text = 'x'.repeat(100_000);
    const fitted = fitText(text, CHECK_TEXT_LIMIT);
    expect(fitted.length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
    expect(fitted.length).toBeGreaterThan(CHECK_TEXT_LIMIT - 5);
    const kept = fitted.indexOf('\n');
    expect(fitted).toContain(`cut: ${(100_000 - kept).toLocaleString('en-US')} more characters did not fit GitHub's 65,535-character limit.`);
  });
});

describe('fitLine', () => {
  it('flattens whitespace and cuts with an ellipsis', () => {
    expect(fitLine(' a\n b ', 10)).toBe('a b');
    expect(fitLine('abcdef', 4)).toBe('abc…');
  });
});

describe('createCheckRun', () => {
  it('posts a completed check run on the head SHA', async () => {
    let body: unknown;
    nock(API)
      .post('/repos/o/r/check-runs', (b) => {
        body = b;
        return true;
      })
      .reply(201, { id: 7, html_url: 'https://github.com/o/r/runs/7' });
    const run = await createCheckRun(testOctokit(), {
      owner: 'o',
      repo: 'r',
      headSha: SHA,
      name: 'syncstage/review',
      conclusion: 'failure',
      title: 'not ready',
      summary: 'why',
      text: 'details',
      detailsUrl: 'https://github.com/o/r/pull/1',
      completedAt: new Date('2026-11-24T20:00:00Z'),
    });
    expect(run).toEqual({ id: 7, url: 'https://github.com/o/r/runs/7' });
    expect(body).toEqual({
      name: 'syncstage/review',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'failure',
      completed_at: '2026-11-24T20:00:00.000Z',
      details_url: 'https://github.com/o/r/pull/1',
      output: { title: 'not ready', summary: 'why', text: 'details' },
    });
  });

  it('keeps the output within GitHub limits', async () => {
    let body: { output: { title: string; summary: string; text?: string } } | undefined;
    nock(API)
      .post('/repos/o/r/check-runs', (b) => {
        body = b;
        return true;
      })
      .reply(201, { id: 8, html_url: null });
    await createCheckRun(testOctokit(), { owner: 'o', repo: 'r', headSha: SHA, name: 'n', conclusion: 'success', title: 't'.repeat(300), summary: 's'.repeat(70_000) });
    expect(body!.output.title).toHaveLength(255);
    expect(body!.output.summary.length).toBeLessThanOrEqual(65_535);
    expect(body!.output).not.toHaveProperty('text');
    expect(body).not.toHaveProperty('details_url');
  });
});

describe('createCommitStatus', () => {
  it('posts a status with a description of at most 140 characters', async () => {
    let body: Record<string, string> | undefined;
    nock(API)
      .post(`/repos/o/r/statuses/${SHA}`, (b) => {
        body = b;
        return true;
      })
      .reply(201, { id: 1 });
    await createCommitStatus(testOctokit(), { owner: 'o', repo: 'r', sha: SHA, context: 'syncstage/failover-prerequisites', state: 'failure', description: 'd'.repeat(200), targetUrl: 'https://x.test/1' });
    expect(body).toEqual({ state: 'failure', context: 'syncstage/failover-prerequisites', description: `${'d'.repeat(139)}…`, target_url: 'https://x.test/1' });
  });
});

describe('gateOutcome', () => {
  it('passes a PR without a runbook', () => {
    expect(gateOutcome(result(), renderGateCheck)).toEqual({
      conclusion: 'success',
      title: 'no runbook in this PR',
      summary: 'No failover runbook is added or changed in this pull request, so there are no failover prerequisites to check.',
    });
  });
  it('fails until every prerequisite is satisfied, never neutral', () => {
    expect(gateOutcome(result({ verdict: 'not-ready', gates: [gate(false)] }), renderGateCheck)).toEqual({ conclusion: 'failure', title: '5 of 7 prerequisites satisfied', summary: 'gate summary for docs/failover.md' });
    expect(gateOutcome(result({ gates: [gate(true)] }), renderGateCheck).conclusion).toBe('success');
  });
  it('combines several runbooks: success only when all pass', () => {
    const outcome = gateOutcome(result({ verdict: 'not-ready', gates: [gate(true, 'a.md'), gate(false, 'b.md')] }), renderGateCheck);
    expect(outcome.conclusion).toBe('failure');
    // One headline for the Action's status and the App's check: the counts summed over the runbooks.
    expect(outcome.title).toBe('12 of 14 prerequisites satisfied');
    expect(outcome.summary).toBe('### `a.md`: 7 of 7 prerequisites satisfied\n\ngate summary for a.md\n\n### `b.md`: 5 of 7 prerequisites satisfied\n\ngate summary for b.md');
  });
});

describe('reviewOutcome', () => {
  it('maps the verdict', () => {
    expect(reviewOutcome(result(), renderReviewCheck)).toEqual({ conclusion: 'success', title: 'ready to switch', summary: 'review: ' });
    // The default fail-on (threshold,errors): a "not ready" verdict with no exports and no input error does not fail the check.
    expect(reviewOutcome(result({ verdict: 'not-ready', exports: undefined }), renderReviewCheck)).toEqual({ conclusion: 'success', title: 'not ready', summary: 'review: 3 deletions over the threshold of 2 on contoso.com' });
    expect(reviewOutcome(result({ verdict: 'not-ready' }), renderReviewCheck, ['threshold', 'errors']).conclusion).toBe('success');
    expect(reviewOutcome(result({ verdict: 'not-ready' }), renderReviewCheck, ['not-ready']).conclusion).toBe('failure');
    expect(reviewOutcome(result(), renderReviewCheck, ['not-ready']).conclusion).toBe('success');
    expect(reviewOutcome(result({ verdict: 'not-ready' }), renderReviewCheck, ['none']).conclusion).toBe('success');
  });

  it('fails on an input error whatever fail-on says', () => {
    const withError = { ...result(), inputErrors: [new InputError('exports/a.xml', 'not XML')] };
    expect(reviewOutcome(withError, renderReviewCheck, ['none']).conclusion).toBe('failure');
  });

  it('fails when a named condition holds: prerequisites', () => {
    expect(reviewOutcome(result({ verdict: 'not-ready', gates: [gate(false)] }), renderReviewCheck, ['prerequisites']).conclusion).toBe('failure');
    expect(reviewOutcome(result({ gates: [gate(true)] }), renderReviewCheck, ['prerequisites']).conclusion).toBe('success');
  });
});

describe('errorOutcome', () => {
  it('fails closed and fences the message', () => {
    // The title carries the reason's first line (a commit status shows the title only); the summary fences it all.
    expect(errorOutcome('configuration error', 'a `b` @c\nsecond line')).toEqual({
      conclusion: 'failure',
      title: 'configuration error: a `b` @c',
      summary: 'configuration error:\n\n```\na `b` @c\nsecond line\n```',
    });
  });
});

describe('statusOf', () => {
  it('maps an outcome to a commit status', () => {
    expect(statusOf({ conclusion: 'failure', title: '5 of 7 prerequisites satisfied', summary: '' })).toEqual({ state: 'failure', description: '5 of 7 prerequisites satisfied' });
    expect(statusOf({ conclusion: 'neutral', title: 'not ready', summary: '' })).toEqual({ state: 'success', description: 'not ready' });
  });
});
