import { describe, expect, it } from 'vitest';
import { actionRuntime, appRuntime, type ReviewKind } from '../../src/github/runtime.js';
import { stoppedReview } from '../../src/github/review-commit.js';
import { ConfigError } from '../../src/github/settings-schema.js';
import { InputError } from '../../src/errors.js';
import { recordingIO } from './review-fixtures.js';

const KINDS: ReviewKind[] = ['pull-request', 'merge-group', 're-run', 'push', 'command'];
const target = { owner: 'contoso', repo: 'sync', headSha: '1'.repeat(40) };
const render = { now: () => new Date(0), renderComment: () => '', renderSummary: () => '' };

describe('issue 12: each runtime picks its publishers; the handlers are shared', () => {
  it('the App: check runs first (their page is the run the comment links), then comment and labels on a pull request', () => {
    const app = appRuntime(render, async () => 'syncstage[bot]', { warn: () => {} });
    expect(Object.fromEntries(KINDS.map((kind) => [kind, app.publishers(kind).map((publisher) => publisher.name)]))).toEqual({
      'pull-request': ['check runs', 'sticky comment', 'labels'],
      'merge-group': ['check runs'],
      're-run': ['check runs'],
      push: ['check runs'],
      command: ['check runs'],
    });
    expect(app.run).toBeUndefined();
  });

  it('the Action: the gate as a commit status (not on push), comment, labels, the step last; a command posts both statuses', () => {
    const action = actionRuntime(recordingIO({ GITHUB_RUN_ID: '7' }), render);
    expect(Object.fromEntries(KINDS.map((kind) => [kind, action.publishers(kind).map((publisher) => publisher.name)]))).toEqual({
      'pull-request': ['commit statuses', 'sticky comment', 'labels', 'step outputs'],
      'merge-group': ['commit statuses', 'sticky comment', 'labels', 'step outputs'],
      're-run': ['commit statuses', 'sticky comment', 'labels', 'step outputs'],
      push: ['sticky comment', 'labels', 'step outputs'],
      command: ['commit statuses'],
    });
    expect(action.run?.(target)).toEqual({ url: 'https://github.com/contoso/sync/actions/runs/7', label: 'workflow run' });
  });

  it('a stopped review fails the Action\'s step always, the App\'s delivery only when GitHub failed (a redelivery can help)', () => {
    const app = appRuntime(render, async () => undefined, { warn: () => {} });
    const action = actionRuntime(recordingIO(), render);
    const stops = [new ConfigError('.github/syncstage.yml', 'bad'), new InputError('exports/a.xml', 'not XML'), Object.assign(new Error('Server Error'), { status: 502 })];
    expect(stops.map((error) => app.failsEvent(stoppedReview(target, error)))).toEqual([false, false, true]);
    expect(stops.map((error) => action.failsEvent(stoppedReview(target, error)))).toEqual([true, true, true]);
  });

  it('a stopped review fails both checks with the reason in the title (a commit status shows the title only)', () => {
    const outcome = stoppedReview(target, new ConfigError('.github/syncstage.yml', '"comment" must be one of update, recreate, new, off'));
    expect(outcome.checks.gate).toEqual(outcome.checks.review);
    expect(outcome.checks.gate).toMatchObject({ conclusion: 'failure', title: 'invalid .github/syncstage.yml: .github/syncstage.yml: "comment" must be one of update, recreate, new, off' });
  });
});
