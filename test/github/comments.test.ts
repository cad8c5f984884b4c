import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  CUT_NOTE,
  COMMENT_HARD_LIMIT,
  fitCommentBody,
  parseMarker,
  renderMarker,
  upsertStickyComment,
  type StickyCommentOptions,
} from '../../src/github/comments.js';
import { SECTION_BREAK } from '../../src/report/review.js';
import { API, comment, noneMinimized, testOctokit } from './helpers.js';

const BOT = 'github-actions[bot]';
const KEY = 'k1';
const MARK = renderMarker({ kind: 'review', v: 1, key: KEY, sha: 'old' });
const LIST = '/repos/o/r/issues/7/comments';

function options(overrides: Partial<StickyCommentOptions> = {}): StickyCommentOptions {
  return { owner: 'o', repo: 'r', issueNumber: 7, kind: 'review', mode: 'update', authors: [BOT], key: KEY, sha: 'abc', inputHash: 'h1', render: () => 'report', ...overrides };
}

describe('marker', () => {
  it('round-trips and never contains "--" inside the HTML comment', () => {
    const marker = renderMarker({ kind: 'review', v: 1, sha: 'a--b', inputHash: 'x' });
    expect(marker.slice(4, -3)).not.toContain('--');
    expect(parseMarker(`${marker}\nhello\n`)).toEqual({ kind: 'review', v: 1, sha: 'a--b', inputHash: 'x' });
    expect(parseMarker('<!-- syncstage:{not json} -->')).toBeUndefined();
    expect(parseMarker(undefined)).toBeUndefined();
  });
});

describe('fitCommentBody', () => {
  it('leaves a body that fits alone', () => {
    expect(fitCommentBody('# a\nb', 100)).toBe('# a\nb');
  });

  it('cuts at a section boundary, closes open details and says where the report is', () => {
    const section = (n: number) => `## Section ${n}\n<details><summary>s</summary>\n\n${'x'.repeat(900)}\n\n</details>\n`;
    const markdown = Array.from({ length: 100 }, (_, n) => section(n)).join('\n');
    const body = fitCommentBody(markdown, 10_000);
    expect(body.length).toBeLessThanOrEqual(10_000);
    expect(body.endsWith(CUT_NOTE)).toBe(true);
    expect(body).toContain('cut here');
    const kept = body.slice(0, -CUT_NOTE.length);
    expect(kept.match(/<details>/g)?.length).toBe(kept.match(/<\/details>/g)?.length);
    expect(kept.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('stays under budget with no boundary at all, and never splits a surrogate pair', () => {
    const body = fitCommentBody('😀'.repeat(50_000), 5_000);
    expect(body.length).toBeLessThanOrEqual(5_000);
    expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("prefers the report's section break over a later heading inside the section", () => {
    // renderReview (src/report/review.ts) joins its sections with SECTION_BREAK; each section here has sub-headings.
    const section = (n: number) => `## Section ${n}\n\n### first ${n}\n\n${'a'.repeat(400)}\n\n### second ${n}\n\n${'b'.repeat(400)}`;
    const sections = Array.from({ length: 20 }, (_, n) => section(n));
    const markdown = sections.join(SECTION_BREAK);
    const body = fitCommentBody(markdown, 5_000);
    expect(body.length).toBeLessThanOrEqual(5_000);
    expect(body.endsWith(CUT_NOTE)).toBe(true);
    const kept = body.slice(0, -CUT_NOTE.length);
    // Whole sections only: the last one kept ends with its second sub-section, none is cut at "### second".
    const whole = sections.findIndex((_, k) => kept === sections.slice(0, k + 1).join(SECTION_BREAK));
    expect(whole).toBeGreaterThanOrEqual(3);
    expect(kept.endsWith('b'.repeat(400))).toBe(true);
    // Without the section breaks the same text is cut at the last heading, inside a section.
    const plain = fitCommentBody(sections.join('\n\n'), 5_000).slice(0, -CUT_NOTE.length);
    expect(sections.some((_, k) => plain === sections.slice(0, k + 1).join('\n\n'))).toBe(false);
    expect(plain.endsWith('a'.repeat(400))).toBe(true);
  });

  it('closes an open code fence', () => {
    const markdown = '# t\n\n```mermaid\n' + 'a\n'.repeat(5_000) + '```\n';
    const body = fitCommentBody(markdown, 3_000);
    expect(body.slice(0, -CUT_NOTE.length).match(/```/g)?.length ?? 0).toSatisfy((n: number) => n % 2 === 0);
  });
});

describe('upsertStickyComment', () => {
  it('creates the comment when there is none, with the marker, and returns its id', async () => {
    let posted = '';
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(1, 'someone', 'hi')]);
    nock(API)
      .post(LIST, (body: { body: string }) => ((posted = body.body), true))
      .reply(201, comment(50, BOT, 'x'));
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(1, 'someone', 'hi'), comment(50, BOT, MARK)]);
    noneMinimized(['IC_50']);
    expect(await upsertStickyComment(testOctokit(), options())).toBe(50);
    expect(parseMarker(posted)).toEqual({ kind: 'review', v: 1, key: KEY, sha: 'abc', inputHash: 'h1' });
    expect(posted).toContain('report');
  });

  it('edits our comment in place; ignores other authors and other kinds', async () => {
    nock(API)
      .get(LIST)
      .query({ per_page: 100 })
      .reply(200, [
        comment(1, 'mallory', MARK),
        comment(2, BOT, renderMarker({ kind: 'verify-staging', v: 1, key: KEY })),
        comment(3, BOT, MARK),
      ]);
    noneMinimized(['IC_3']);
    nock(API).patch('/repos/o/r/issues/comments/3').reply(200, comment(3, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options())).toBe(3);
  });

  it('follows pagination', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => comment(100 + i, 'someone', 'chatter'));
    nock(API)
      .get(LIST)
      .query({ per_page: 100 })
      .reply(200, page1, { link: `<${API}${LIST}?per_page=100&page=2>; rel="next"` });
    nock(API).get(LIST).query({ per_page: 100, page: 2 }).reply(200, [comment(300, BOT, MARK)]);
    noneMinimized(['IC_300']);
    nock(API).patch('/repos/o/r/issues/comments/300').reply(200, comment(300, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options())).toBe(300);
  });

  it('skips a minimized comment and creates a fresh one', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(3, BOT, MARK)]);
    nock(API).post('/graphql').reply(200, { data: { nodes: [{ id: 'IC_3', isMinimized: true }] } });
    nock(API).post(LIST).reply(201, comment(9, BOT, MARK));
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(3, BOT, MARK), comment(9, BOT, MARK)]);
    nock(API).post('/graphql').reply(200, { data: { nodes: [{ id: 'IC_3', isMinimized: true }, { id: 'IC_9', isMinimized: false }] } });
    expect(await upsertStickyComment(testOctokit(), options())).toBe(9);
  });

  it('treats comments as visible when GraphQL fails', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(3, BOT, MARK)]);
    nock(API).post('/graphql').reply(502, 'bad gateway');
    nock(API).patch('/repos/o/r/issues/comments/3').reply(200, comment(3, BOT, 'x'));
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (m: string) => warnings.push(m) };
    expect(await upsertStickyComment(testOctokit(), options({ log }))).toBe(3);
    expect(warnings[0]).toContain('minimized');
  });

  it('keeps the oldest of concurrent duplicates, deletes the rest, edits the oldest', async () => {
    nock(API)
      .get(LIST)
      .query({ per_page: 100 })
      .reply(200, [comment(12, BOT, MARK, '2026-11-24T10:00:02Z'), comment(11, BOT, MARK, '2026-11-24T10:00:01Z'), comment(13, BOT, MARK, '2026-11-24T10:00:03Z')]);
    noneMinimized(['IC_11', 'IC_12', 'IC_13']);
    nock(API).delete('/repos/o/r/issues/comments/12').reply(204);
    nock(API).delete('/repos/o/r/issues/comments/13').reply(404, { message: 'Not Found' }); // the other run got there first
    nock(API).patch('/repos/o/r/issues/comments/11').reply(200, comment(11, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options())).toBe(11);
  });

  it('two runs creating at once: the younger run removes its own comment and edits the older one', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, []);
    nock(API).post(LIST).reply(201, comment(21, BOT, MARK, '2026-11-24T10:00:05Z'));
    // Meanwhile the other run created 20 a moment earlier.
    nock(API)
      .get(LIST)
      .query({ per_page: 100 })
      .reply(200, [comment(20, BOT, MARK, '2026-11-24T10:00:04Z'), comment(21, BOT, MARK, '2026-11-24T10:00:05Z')]);
    noneMinimized(['IC_20', 'IC_21']);
    nock(API).delete('/repos/o/r/issues/comments/21').reply(204);
    nock(API).patch('/repos/o/r/issues/comments/20').reply(200, comment(20, BOT, 'x'));
    expect(await upsertStickyComment(testOctokit(), options())).toBe(20);
  });

  it('recreate deletes the old comments and creates a new one', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [comment(3, BOT, MARK), comment(4, BOT, MARK)]);
    noneMinimized(['IC_3', 'IC_4']);
    nock(API).delete('/repos/o/r/issues/comments/3').reply(204);
    nock(API).delete('/repos/o/r/issues/comments/4').reply(204);
    nock(API).post(LIST).reply(201, comment(5, BOT, MARK));
    expect(await upsertStickyComment(testOctokit(), options({ mode: 'recreate' }))).toBe(5);
  });

  // A marker is text anyone can paste: only the author says whose comment it is.
  const APP = 'syncstage-contoso[bot]';
  const foreign = () => [comment(10, BOT, MARK), comment(11, 'mallory', MARK), comment(12, 'other-app[bot]', MARK)];

  it('update: a marked comment by anyone else is left alone; ours is created beside it', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, foreign());
    nock(API).post(LIST).reply(201, comment(13, APP, MARK));
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [...foreign(), comment(13, APP, MARK)]);
    noneMinimized(['IC_13']);
    // No PATCH or DELETE interceptor: touching comment 10, 11 or 12 would fail the test.
    expect(await upsertStickyComment(testOctokit(), options({ authors: [APP] }))).toBe(13);
  });

  it('recreate: only our own marked comments are deleted, never anyone else\'s', async () => {
    nock(API).get(LIST).query({ per_page: 100 }).reply(200, [...foreign(), comment(13, APP, MARK)]);
    noneMinimized(['IC_13']);
    nock(API).delete('/repos/o/r/issues/comments/13').reply(204);
    nock(API).post(LIST).reply(201, comment(14, APP, MARK));
    expect(await upsertStickyComment(testOctokit(), options({ mode: 'recreate', authors: [APP] }))).toBe(14);
  });

  it('new always creates, without looking', async () => {
    nock(API).post(LIST).reply(201, comment(6, BOT, MARK));
    expect(await upsertStickyComment(testOctokit(), options({ mode: 'new' }))).toBe(6);
  });

  it('off makes no request', async () => {
    expect(await upsertStickyComment(testOctokit(), options({ mode: 'off' }))).toBeUndefined();
  });

  it('on 422 "Body is too long" posts again, cut to a smaller budget, with the note', async () => {
    const budgets: number[] = [];
    const bodies: string[] = [];
    const render = (budget: number) => (budgets.push(budget), Array.from({ length: 2_000 }, (_, i) => `## s${i}\n${'y'.repeat(40)}`).join('\n'));
    nock(API)
      .post(LIST, (body: { body: string }) => (bodies.push(body.body), true))
      .reply(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }] });
    nock(API)
      .post(LIST, (body: { body: string }) => (bodies.push(body.body), true))
      .reply(201, comment(8, BOT, MARK));
    expect(await upsertStickyComment(testOctokit(), options({ mode: 'new', render }))).toBe(8);
    expect(budgets[1]).toBeLessThan(budgets[0]!);
    expect(bodies[0]!.length).toBeLessThan(COMMENT_HARD_LIMIT);
    expect(bodies[1]!.length).toBeLessThan(bodies[0]!.length);
    expect(bodies[1]).toContain('cut here');
    expect(parseMarker(bodies[1])?.kind).toBe('review');
  });

  it('does not retry other 422s', async () => {
    nock(API).post(LIST).reply(422, { message: 'Validation Failed' });
    await expect(upsertStickyComment(testOctokit(), options({ mode: 'new' }))).rejects.toMatchObject({ status: 422 });
  });
});
