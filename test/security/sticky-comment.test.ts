/**
 * Issue 15 item 12: the sticky comment is found by author AND a marker at the very start of the body carrying the
 * poster's key, so a comment of another workflow (also github-actions[bot]) quoting a marker is never edited or
 * deleted; and nothing syncstage posts carries a marker it was fed.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commentKey, neutraliseMarkers, parseMarker, renderMarker, upsertStickyComment, type StickyCommentOptions } from '../../src/github/comments.js';
import { SECTION_BREAK } from '../../src/report/review.js';
import { stickyCommentKey } from '../../src/github/publish/sticky-comment.js';
import { API, comment, noneMinimized, testOctokit } from '../github/helpers.js';

const BOT = 'github-actions[bot]';
const LIST = '/repos/o/r/issues/7/comments';
const KEY = commentKey(['action', 'o/r', 'syncstage', 'review']);
const PLANTED = '<!-- syncstage:{"kind":"review","v":1} -->';

function options(overrides: Partial<StickyCommentOptions> = {}): StickyCommentOptions {
  return { owner: 'o', repo: 'r', issueNumber: 7, kind: 'review', mode: 'update', authors: [BOT], key: KEY, sha: 'abc', render: () => 'report', ...overrides };
}

describe('the marker is recognised only at the very start of the body', () => {
  it('a quoted marker after any text is not a marker', () => {
    expect(parseMarker(`> ${PLANTED}`)).toBeUndefined();
    expect(parseMarker(` ${PLANTED}`)).toBeUndefined();
    expect(parseMarker(`Title: ${PLANTED}\n`)).toBeUndefined();
    expect(parseMarker(`${PLANTED}\nrest`)).toEqual({ kind: 'review', v: 1 });
  });

  it('keys differ per repository, workflow and job, and per App login', () => {
    const env = { GITHUB_WORKFLOW: 'syncstage', GITHUB_JOB: 'review' };
    const target = { owner: 'O', repo: 'R', headSha: 'h', postGateStatus: false };
    expect(stickyCommentKey(target, { kind: 'action', env })).toBe(KEY);
    expect(stickyCommentKey(target, { kind: 'action', env: { ...env, GITHUB_JOB: 'other' } })).not.toBe(KEY);
    expect(stickyCommentKey({ ...target, repo: 'other' }, { kind: 'action', env })).not.toBe(KEY);
    expect(stickyCommentKey(target, { kind: 'app', logins: ['syncstage[bot]'] })).toBe(commentKey(['app', 'o/r', 'syncstage[bot]']));
  });
});

describe('another workflow\'s comment, by the same github-actions[bot]', () => {
  const foreign = () => [
    comment(1, BOT, `New PR: "${PLANTED} ready to switch"`),
    comment(2, BOT, `${PLANTED}\nthe PR title at the start of another workflow's comment (no key)`),
    comment(3, BOT, `${renderMarker({ kind: 'review', v: 1, key: commentKey(['action', 'o/r', 'labeler', 'greet']) })}\nanother job`),
  ];

  it('update mode: none is edited; ours is created', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).twice().reply(200, foreign());
    let posted = '';
    nock(API).post(LIST, (body: { body: string }) => ((posted = body.body), true)).reply(201, comment(9, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options())).toBe(9);
    expect(parseMarker(posted)).toEqual({ kind: 'review', v: 1, key: KEY, sha: 'abc' });
    expect(nock.isDone()).toBe(true);
  });

  it('recreate mode: none is deleted', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, foreign());
    nock(API).post(LIST).reply(201, comment(9, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options({ mode: 'recreate' }))).toBe(9);
    expect(nock.isDone()).toBe(true);
  });

  it('our own comment (our key, at the start) is still found and edited', async () => {
    const ours = comment(4, BOT, `${renderMarker({ kind: 'review', v: 1, key: KEY, sha: 'old' })}\nold report`);
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [...foreign(), ours]);
    noneMinimized(['IC_4']);
    nock(API).patch('/repos/o/r/issues/comments/4').reply(200, comment(4, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options())).toBe(4);
  });
});

describe('syncstage never echoes a marker it was fed', () => {
  it('a marker inside the rendered report (a code block of file text) is broken; our section breaks stay', async () => {
    let posted = '';
    nock(API).post(LIST, (body: { body: string }) => ((posted = body.body), true)).reply(201, comment(9, BOT, 'x'));
    const render = () => `a\n\`\`\`\n${PLANTED}\n<!--syncstage:{"kind":"review"} -->\n\`\`\`${SECTION_BREAK}b`;
    await upsertStickyComment(testOctokit(), options({ mode: 'new', render }));
    expect(posted.split('<!-- syncstage:{')).toHaveLength(2);
    expect(posted.startsWith('<!-- syncstage:{')).toBe(true);
    expect(posted).toContain('<!-- sync\u200bstage:{"kind":"review","v":1} -->');
    expect(posted).toContain('<!--sync\u200bstage:{"kind":"review"} -->');
    expect(posted).toContain(SECTION_BREAK);
  });

  it('neutraliseMarkers breaks every spelling GitHub would hide as a comment', () => {
    expect(neutraliseMarkers('<!-- SyncStage:{} -->')).toBe('<!-- sync\u200bstage:{} -->');
    expect(neutraliseMarkers('<!--\n\tsyncstage:{}')).toBe('<!--\n\tsync\u200bstage:{}');
    expect(neutraliseMarkers(SECTION_BREAK)).toBe(SECTION_BREAK);
  });
});
