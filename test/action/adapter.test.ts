import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import type { ApplicationFunction } from 'probot';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { describeFailure, handlerEventName, runAction, runAppInAction } from '../../src/github/action-adapter.js';
import type { ActionInputs } from '../../src/github/inputs.js';
import { createActionIO, fitSummaryMarkdown, reportJson, SUMMARY_CUT_NOTE } from '../../src/github/action-io.js';
import { failedConditions, gateStatus, reviewOutputs } from '../../src/github/outcome.js';
import { exportsReport, gate, result } from '../github/stubs.js';
import { fakeCore } from './fake-core.js';

const TOKEN = 'ghs_secretTokenValue123';

async function eventFile(payload: object): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'event-'));
  const file = path.join(dir, 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

async function actionEnv(name: string, payload: object, extra: Record<string, string> = {}) {
  return { INPUT_TOKEN: TOKEN, GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: await eventFile(payload), GITHUB_RUN_ID: '4242', GITHUB_API_URL: 'https://api.github.com', ...extra };
}

const repository = { name: 'sync', owner: { login: 'contoso' } };

describe('runAppInAction', () => {
  it('delivers pull_request_target to the pull_request handlers with the run id, the payload and a token-authenticated Octokit', async () => {
    const core = fakeCore();
    const seen: { id: string; name: string; number: unknown }[] = [];
    const app: ApplicationFunction = (probot) => {
      probot.on('pull_request.opened', async (context) => {
        seen.push({ id: context.id, name: context.name, number: context.payload.number });
        await context.octokit.request('GET /repos/{owner}/{repo}', { owner: 'contoso', repo: 'sync' });
      });
    };
    nock('https://api.github.com').get('/repos/contoso/sync').matchHeader('authorization', `token ${TOKEN}`).reply(200, {});
    await runAppInAction(app, await actionEnv('pull_request_target', { action: 'opened', number: 7, repository }), { core });
    expect(seen).toEqual([{ id: '4242', name: 'pull_request', number: 7 }]);
    expect(core.failed).toEqual([]);
    expect(core.secrets).toEqual([TOKEN]);
    expect(core.lines.join('\n')).not.toContain(TOKEN);
  });

  it('talks to GitHub Enterprise Server at GITHUB_API_URL', async () => {
    const core = fakeCore();
    const app: ApplicationFunction = (probot) => {
      probot.on('push', async (context) => void (await context.octokit.request('GET /meta')));
    };
    nock('https://ghe.contoso.com').get('/api/v3/meta').reply(200, {});
    await runAppInAction(app, await actionEnv('push', { repository }, { GITHUB_API_URL: 'https://ghe.contoso.com/api/v3' }), { core });
    expect(core.failed).toEqual([]);
  });

  it('fails the step with the InputError sentence a handler throws', async () => {
    const core = fakeCore();
    const app: ApplicationFunction = (probot) => {
      probot.on('push', async () => {
        throw new InputError('examples/a.xml', 'not XML', { line: 1, column: 1 });
      });
    };
    await runAppInAction(app, await actionEnv('push', { repository }), { core });
    expect(core.failed).toEqual(['examples/a.xml:1:1: not XML']);
    // Probot's own report of the handler's error is not a second ::error:: line.
    expect(core.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it('fails clearly without a token or outside Actions', async () => {
    const core = fakeCore();
    await runAppInAction(() => {}, { GITHUB_EVENT_NAME: 'push' }, { core });
    await runAppInAction(() => {}, { INPUT_TOKEN: 't' }, { core });
    expect(core.failed).toEqual([
      'input "token": no token was given (expected a GitHub token: the default ${{ github.token }}, an App installation token or a personal access token)',
      'GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this entry point runs inside GitHub Actions',
    ]);
  });

  it('retries a secondary rate limit with retry-after, then succeeds', async () => {
    const core = fakeCore();
    const app: ApplicationFunction = (probot) => {
      probot.on('push', async (context) => void (await context.octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' })));
    };
    const limited = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };
    nock('https://api.github.com').get('/repos/o/r/issues').times(2).reply(403, limited, { 'retry-after': '1' });
    nock('https://api.github.com').get('/repos/o/r/issues').reply(200, []);
    await runAppInAction(app, await actionEnv('push', { repository }), { core, retryAfterBaseValue: 1 });
    expect(core.failed).toEqual([]);
    expect(core.lines.filter((line) => line.includes('secondary rate limit'))).toHaveLength(2);
  });

  it('gives up after the retries with a clear message', async () => {
    const core = fakeCore();
    const app: ApplicationFunction = (probot) => {
      probot.on('push', async (context) => void (await context.octokit.request('GET /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r' })));
    };
    const limited = { message: 'You have exceeded a secondary rate limit.' };
    nock('https://api.github.com').get('/repos/o/r/issues').times(4).reply(403, limited, { 'retry-after': '1' });
    await runAppInAction(app, await actionEnv('push', { repository }), { core, retryAfterBaseValue: 1 });
    expect(core.failed[0]).toMatch(/rate limit stopped GET .*\/repos\/o\/r\/issues after 3 retries/);
  });

  it('retries 5xx with backoff', async () => {
    const core = fakeCore();
    const app: ApplicationFunction = (probot) => {
      probot.on('push', async (context) => void (await context.octokit.request('GET /meta')));
    };
    nock('https://api.github.com').get('/meta').reply(502, 'bad gateway');
    nock('https://api.github.com').get('/meta').reply(200, {});
    await runAppInAction(app, await actionEnv('push', { repository }), { core, retryAfterBaseValue: 1 });
    expect(core.failed).toEqual([]);
  });

  it('maps event names', () => {
    expect(handlerEventName('pull_request_target')).toBe('pull_request');
    expect(handlerEventName('merge_group')).toBe('merge_group');
    expect(describeFailure(new AggregateError([new Error('a'), new Error('b')]))).toBe('a\nb');
  });
});

describe('a bad input', () => {
  const pullRequest = { action: 'synchronize', pull_request: { number: 7, head: { sha: 'a'.repeat(40) }, base: { sha: 'b'.repeat(40), ref: 'main' } }, repository };
  const SENTENCE = 'input "comment": expected one of update, recreate, new, off, got "loud"';

  it('fails the step with one line, builds no app, and posts the gate as a failure with that sentence on the PR head', async () => {
    const core = fakeCore();
    let built = 0;
    const statuses: unknown[] = [];
    nock('https://api.github.com')
      .post(`/repos/contoso/sync/statuses/${'a'.repeat(40)}`)
      .matchHeader('authorization', `token ${TOKEN}`)
      .reply(201, (_uri, body) => (statuses.push(body), {}));
    await runAction(() => ((built++, () => {})), await actionEnv('pull_request', pullRequest, { INPUT_COMMENT: 'loud', GITHUB_SERVER_URL: 'https://github.com' }), { core, retryAfterBaseValue: 1 });
    expect(core.failed).toEqual([SENTENCE]);
    expect(core.lines.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(built).toBe(0);
    expect(statuses).toEqual([
      { context: 'syncstage/failover-prerequisites', state: 'failure', description: SENTENCE, target_url: 'https://github.com/contoso/sync/actions/runs/4242' },
    ]);
  });

  it('on a merge group posts on the queue commit; on push and on a closed PR it posts nothing (no head the gate reports on)', async () => {
    const core = fakeCore();
    const queued = nock('https://api.github.com').post(`/repos/contoso/sync/statuses/${'c'.repeat(40)}`).reply(201, {});
    const group = { action: 'checks_requested', merge_group: { head_sha: 'c'.repeat(40), head_ref: 'refs/heads/gh-readonly-queue/main/x', base_sha: 'b'.repeat(40), base_ref: 'refs/heads/main' }, repository };
    await runAction(() => () => {}, await actionEnv('merge_group', group, { INPUT_COMMENT: 'loud' }), { core, retryAfterBaseValue: 1 });
    expect(queued.isDone()).toBe(true);
    // No interceptor: a status request would fail the test.
    await runAction(() => () => {}, await actionEnv('push', { after: 'd'.repeat(40), repository }, { INPUT_COMMENT: 'loud' }), { core, retryAfterBaseValue: 1 });
    await runAction(() => () => {}, await actionEnv('pull_request', { ...pullRequest, action: 'closed' }, { INPUT_COMMENT: 'loud' }), { core, retryAfterBaseValue: 1 });
    expect(core.failed).toEqual([SENTENCE, SENTENCE, SENTENCE]);
  });

  it("a status GitHub refuses (a fork's read-only token) is a warning; the step still fails with the sentence", async () => {
    const core = fakeCore();
    nock('https://api.github.com').post(`/repos/contoso/sync/statuses/${'a'.repeat(40)}`).reply(403, { message: 'Resource not accessible by integration' });
    await runAction(() => () => {}, await actionEnv('pull_request', pullRequest, { INPUT_COMMENT: 'loud' }), { core, retryAfterBaseValue: 1 });
    expect(core.failed).toEqual([SENTENCE]);
    expect(core.lines.filter((line) => line.startsWith('warning'))).toEqual([
      expect.stringMatching(/^warning could not post the failing syncstage\/failover-prerequisites status: GitHub answered 403 to POST .*statuses\/a{40}: Resource not accessible by integration/),
    ]);
  });

  it('a token with whitespace in it posts nothing (it could not authenticate) and the secret inputs are masked first', async () => {
    const core = fakeCore();
    await runAction(() => () => {}, await actionEnv('pull_request', pullRequest, { INPUT_TOKEN: 'ghs_a ghs_b', 'INPUT_REDACT-KEY': 'short' }), { core, retryAfterBaseValue: 1 });
    expect(core.secrets).toEqual(['ghs_a ghs_b', 'short']);
    expect(core.failed).toEqual(['input "token": the token contains whitespace or a line break (expected one GitHub token, e.g. ${{ github.token }})']);
  });

  it('the app is built from the parsed inputs', async () => {
    const core = fakeCore();
    const seen: ActionInputs[] = [];
    await runAction((inputs) => ((seen.push(inputs), () => {})), await actionEnv('push', { repository }, { INPUT_COMMENT: 'new', 'INPUT_REDACT-KEY': 'sixteen-chars-key' }), { core, retryAfterBaseValue: 1 });
    expect(core.failed).toEqual([]);
    expect(seen).toEqual([{ token: TOKEN, configPath: '.github/syncstage.yml', redactKey: 'sixteen-chars-key', settings: { comment: 'new' } }]);
    expect(core.secrets).toEqual([TOKEN, 'sixteen-chars-key']);
  });
});

describe('action IO', () => {
  it('caps the job summary under 1 MiB by bytes, with the note', () => {
    const section = `## s\n${'é'.repeat(1000)}\n\n`;
    const markdown = section.repeat(1000);
    const fitted = fitSummaryMarkdown(markdown, 1_000_000);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1_000_000);
    expect(fitted.endsWith(SUMMARY_CUT_NOTE)).toBe(true);
    expect(fitSummaryMarkdown('small')).toBe('small');
  });

  it('writes outputs as strings, the summary through core, and the report file', async () => {
    const core = fakeCore();
    const dir = await mkdtemp(path.join(tmpdir(), 'runner-'));
    const io = createActionIO(core, { GITHUB_STEP_SUMMARY: path.join(dir, 's.md'), RUNNER_TEMP: dir, GITHUB_RUN_ID: '1' });
    io.setOutput('adds', 3);
    await io.appendSummary('# hi');
    const file = await io.writeReport(result({ inputErrors: [new InputError('a.xml', 'bad')] }));
    expect(core.outputs).toEqual({ adds: '3' });
    expect(core.summary.written).toEqual(['# hi']);
    const report = JSON.parse(await readFile(file, 'utf8'));
    expect(report.inputErrors[0]).toMatchObject({ name: 'InputError', message: 'a.xml: bad', file: 'a.xml', reason: 'bad' });
    expect(reportJson(result())).toContain('"verdict": "ready"');
  });
});

describe('outcome', () => {
  it('outputs count updates with replace, and delete-adds apart from deletes (as the verdict line does)', () => {
    expect(reviewOutputs(result())).toEqual({ adds: 3, updates: 1191, deletes: 11, 'delete-adds': 1, 'threshold-exceeded': false, 'drift-count': 0 });
    expect(reviewOutputs(result({ exports: undefined }))).toMatchObject({ adds: 0, deletes: 0 });
  });

  it('fails closed: unreadable evidence fails the gate; no runbook passes', () => {
    expect(gateStatus(result())).toEqual({ state: 'success', description: 'no runbook in this PR' });
    expect(gateStatus(result({ gates: [gate(true)] }))).toEqual({ state: 'success', description: '7 of 7 prerequisites satisfied' });
    expect(gateStatus(result({ gates: [gate(true)], inputErrors: [new InputError('r.md', 'x')] })).state).toBe('failure');
    expect(gateStatus(result({ gates: [gate(true), gate(false)] }))).toEqual({ state: 'failure', description: '12 of 14 prerequisites satisfied' });
  });

  it('fail-on lists only the conditions asked for; input that could not be read fails whatever fail-on says', () => {
    const r = result({ gates: [gate(false)], inputErrors: [new InputError('a', 'b')] });
    expect(failedConditions(r, [])).toEqual(['1 input(s) could not be read: a: b']);
    const withErrors = result();
    withErrors.exports!.errors = { 'cd-error': 2 };
    expect(failedConditions(withErrors, [])).toEqual([]);
    expect(failedConditions(withErrors, ['errors'])).toEqual(['errors: 2 object(s) with export errors']);
    expect(failedConditions(r, ['prerequisites', 'errors', 'drift', 'risky', 'threshold'])).toEqual([
      '1 input(s) could not be read: a: b',
      'prerequisites: docs/failover.md: 5 of 7 prerequisites satisfied',
    ]);
    expect(failedConditions(result({ verdict: 'not-ready' }), ['not-ready'])).toEqual(['not-ready: the staging server is not ready to switch']);
    expect(failedConditions(result({ verdict: 'ready' }), ['not-ready'])).toEqual([]);
    expect(failedConditions(result({ verdict: 'not-ready' }), ['threshold', 'errors'])).toEqual([]);
  });

  it('fails fail-on threshold when the configured threshold cannot be read, without calling it exceeded', () => {
    const exports = exportsReport({ delete: 11 });
    exports.threshold.unreadable = 'snapshots/SYNC02/config/GlobalSettings/MV.xml: Microsoft.OptionalFeature.ExportDeletionThresholdValue "lots" is not a whole number';
    const r = result({ exports });
    // Named with the file and the reason, never called exceeded.
    expect(failedConditions(r, ['threshold'])).toEqual([
      'threshold: total: 11 deletes, not judged: the snapshot configuration\'s accidental-delete threshold cannot be read (snapshots/SYNC02/config/GlobalSettings/MV.xml: Microsoft.OptionalFeature.ExportDeletionThresholdValue "lots" is not a whole number); within the default limit of 500',
    ]);
    expect(reviewOutputs(r)['threshold-exceeded']).toBe(false);
    expect(failedConditions(result(), ['threshold'])).toEqual([]);
  });
});
