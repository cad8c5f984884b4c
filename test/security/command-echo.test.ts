/**
 * Issue 15 item 13: a `/verify-staging` reply echoes no command value raw. Values reach replies in the step of an
 * error ("while resolving ..."), in parse errors (code spans) and in the error text (a fenced block): each is
 * escaped like file text, so a team is not pinged and HTML stays text.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { fixture, testProbot } from '../github/helpers.js';
import { mockComment, mockCommit, mockConfig, mockPermission, mockReactions, recorder } from '../github/nock-github.js';
import { stubDeps } from '../github/app-stubs.js';

const COMMENT_ID = 2501234567;

type Payload = { action: string; comment: { body: string } };

async function command(body: string, ref: string): Promise<string> {
  const recorded = recorder();
  const { deps, calls } = stubDeps();
  mockReactions(recorded, COMMENT_ID, ['eyes', '-1']);
  mockConfig(null);
  mockPermission('alice-admin', 'write');
  // The settings are read at the default branch first; then the ref the command names.
  mockCommit('main', '89e6c98d92887913cadf06b2adb97f26cde4849b');
  mockCommit(ref, '', 422);
  mockComment(recorded, 17);
  const payload = fixture<Payload>('issue_comment.created.issue.json');
  payload.comment.body = body;
  const probot = testProbot();
  await probot.load(syncstageApp(deps));
  await probot.receive({ name: 'issue_comment', id: crypto.randomUUID(), payload } as never);
  expect(calls.verified).toEqual([]);
  expect(nock.pendingMocks()).toEqual([]);
  expect(recorded.comments).toHaveLength(1);
  return recorded.comments[0]!;
}

/** The reply outside fenced code blocks and code spans: what GitHub renders as Markdown. */
function rendered(reply: string): string {
  return reply.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
}

describe('/verify-staging replies echo command values inertly', () => {
  it('ref=@contoso/sync-admins pings nobody in "while resolving ..."', async () => {
    const reply = await command('/verify-staging ref=@contoso/sync-admins', '@contoso/sync-admins');
    expect(reply).toContain('failed** while resolving `@contoso/sync-admins`:');
    expect(reply).not.toContain('\u200b');
    // The only real mention is the command's author, in the header.
    expect(rendered(reply).match(/@[A-Za-z0-9]/g)).toEqual(['@a']);
    expect(reply.startsWith('@alice-admin')).toBe(true);
  });

  it('ref=<img src=x> stays text', async () => {
    const reply = await command("/verify-staging 'ref=<img/src=x>'", '<img/src=x>');
    expect(reply).toContain('failed** while resolving &lt;img/src=x&gt;:');
    expect(rendered(reply)).not.toMatch(/<img/i);
  });

  it('a value in a parse error is a code span', async () => {
    const recorded = recorder();
    const { deps } = stubDeps();
    mockReactions(recorded, COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', '89e6c98d92887913cadf06b2adb97f26cde4849b');
    mockComment(recorded, 17);
    const payload = fixture<Payload>('issue_comment.created.issue.json');
    payload.comment.body = '/verify-staging @contoso/sync-admins=<img/src=x>';
    const probot = testProbot();
    await probot.load(syncstageApp(deps));
    await probot.receive({ name: 'issue_comment', id: crypto.randomUUID(), payload } as never);
    expect(recorded.comments[0]).toContain('unknown argument `@contoso/sync-admins`');
    expect(rendered(recorded.comments[0]!).match(/@[A-Za-z0-9]/g)).toEqual(['@a']);
    expect(rendered(recorded.comments[0]!)).not.toMatch(/<img/i);
  });
});
