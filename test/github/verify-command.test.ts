import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncstageApp } from '../../src/github/app.js';
import { InputError } from '../../src/errors.js';
import { HELP_TEXT } from '../../src/github/command.js';
import { API, fixture, testProbot } from './helpers.js';
import { mockChecks, mockComment, mockCommit, mockConfig, mockPermission, mockPull, mockPullFiles, mockReactions, recorder, REPO_PATH } from './nock-github.js';
import { stubDeps, NOW } from './app-stubs.js';
import { appInputs } from '../../src/github/inputs.js';
import { actionRuntime, type Runtime } from '../../src/github/runtime.js';
import { recordingIO } from './review-fixtures.js';
import { gate, result } from './stubs.js';
import { readLimitsOf } from '../../src/github/settings.js';

/** The read limits every verification gets with no setting (their words name the Action's inputs and the file's keys). */
const ACTION_LIMITS = readLimitsOf({});

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const NEWER = 'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c';
const MAIN_SHA = '89e6c98d92887913cadf06b2adb97f26cde4849b';
const PR_COMMENT_ID = 2501234567;
const PR_COMMAND_URL = `https://github.com/contoso/identity-sync/pull/42#issuecomment-${PR_COMMENT_ID}`;
/** The exports default of the one settings table (docs/configuration.md), used when the config names none. */
const DEFAULT_EXPORTS = ['**/exports/*.xml', '**/exports/*.xml.gz'];
const DEFAULT_RUNBOOKS = ['**/*runbook*.md', '**/runbooks/*.md'];
const ISSUE_COMMAND_URL = `https://github.com/contoso/identity-sync/issues/17#issuecomment-${PR_COMMENT_ID}`;

type Payload = { action: string; comment: { body: string; user: { login: string; type: string } }; sender: { login: string; type: string } };

function commentEvent(where: 'pr' | 'issue', body: string, action = 'created'): Payload {
  const payload = fixture<Payload>(`issue_comment.created.${where}.json`);
  payload.comment.body = body;
  payload.action = action;
  return payload;
}

async function receive(payload: Payload, deps: ReturnType<typeof stubDeps>['deps'], id = crypto.randomUUID(), runtime?: Runtime): Promise<void> {
  const probot = testProbot();
  await probot.load(syncstageApp(deps, runtime ? { runtime } : {}));
  await probot.receive({ name: 'issue_comment', id, payload } as never);
}

describe('/verify-staging in a pull request', () => {
  it('hands the redaction key (a typed dep, not an environment) to the verification only when redaction is on', async () => {
    const key = 'app-key-of-16-chars';
    for (const redact of [true, false]) {
      const recorded = recorder();
      const { deps, calls } = stubDeps(result(), { inputs: appInputs(key) });
      mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
      mockConfig(`redact: ${redact}\n`);
      mockPermission('alice-admin', 'admin');
      mockPull(42, HEAD);
      mockPullFiles(42, []);
      mockChecks(recorded, 2);
      mockComment(recorded, 42);
      await receive(commentEvent('pr', '/verify-staging'), deps);
      expect(calls.verified.map((call) => [call.inputs.redact, call.inputs.redactKey])).toEqual([redact ? [true, key] : [undefined, undefined]]);
    }
  });

  it('pins the head SHA, posts both checks on it, replies once with the verdict, 👀 then 🚀', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready', gates: [gate(false, 'docs/failover-runbook.md')] }));
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'admin');
    mockPull(42, HEAD);
    mockPullFiles(42, ['docs/failover-runbook.md', 'snapshots/sync02/MV.xml']);
    mockChecks(recorded, 2);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);

    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
    // The settings at the pull request's base, then the pinned head and the base (the switch impact's earlier snapshots).
    expect(calls.opened.map((open) => open.sha)).toEqual([MAIN_SHA, HEAD, MAIN_SHA]);
    expect(calls.verified).toEqual([{ sha: HEAD, base: MAIN_SHA, inputs: { exports: DEFAULT_EXPORTS, runbooks: [], runbookFiles: ['docs/failover-runbook.md'], runbookCandidates: [], now: NOW, limits: ACTION_LIMITS } }]);
    // Default fail-on (threshold,errors): "not ready" with no threshold exceeded and no input error is a passing review check,
    // its title still saying "not ready"; the gate fails on its own.
    expect(recorded.checks).toEqual([
      { name: 'syncstage/review', head_sha: HEAD, status: 'completed', conclusion: 'success', completed_at: NOW.toISOString(), details_url: PR_COMMAND_URL, output: { title: 'not ready', summary: 'review: 3 deletions over the threshold of 2 on contoso.com' } },
      { name: 'syncstage/failover-prerequisites', head_sha: HEAD, status: 'completed', conclusion: 'failure', completed_at: NOW.toISOString(), details_url: PR_COMMAND_URL, output: { title: '5 of 7 prerequisites satisfied', summary: 'gate summary for docs/failover-runbook.md' } },
    ]);
    expect(recorded.comments).toEqual([`**not ready** at \`${HEAD}\` ([command](${PR_COMMAND_URL}))`]);
  });

  it('fail-on: not-ready in the config fails the review check on a "not ready" verdict', async () => {
    const recorded = recorder();
    const { deps } = stubDeps(result({ verdict: 'not-ready' }));
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig('fail-on: not-ready\n');
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion, check.output.title])).toEqual([
      ['syncstage/review', HEAD, 'failure', 'not ready'],
      ['syncstage/failover-prerequisites', HEAD, 'success', 'no runbook in this PR'],
    ]);
  });

  it('in the Action (its runtime) posts two commit statuses on the pinned SHA and no check run', async () => {
    const recorded = recorder();
    const statuses: Record<string, unknown>[] = [];
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready', gates: [gate(false, 'docs/failover-runbook.md')] }), { io: recordingIO() });
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig('fail-on: not-ready\n');
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    mockPullFiles(42, ['docs/failover-runbook.md']);
    // No check-runs interceptor: a POST /check-runs would not match and fail the run (👎, and the rocket never comes).
    nock(API)
      .post(`${REPO_PATH}/statuses/${HEAD}`)
      .times(2)
      .reply(201, (_uri, body) => {
        statuses.push(body as Record<string, unknown>);
        return { id: statuses.length };
      });
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps, undefined, actionRuntime(deps.io!, deps));

    expect(calls.verified.map((call) => [call.sha, call.inputs.runbookFiles])).toEqual([[HEAD, ['docs/failover-runbook.md']]]);
    expect(statuses).toEqual([
      { context: 'syncstage/review', state: 'failure', description: 'not ready', target_url: PR_COMMAND_URL },
      { context: 'syncstage/failover-prerequisites', state: 'failure', description: '5 of 7 prerequisites satisfied', target_url: PR_COMMAND_URL },
    ]);
    expect(recorded.checks).toEqual([]);
    expect(recorded.comments).toEqual([`**not ready** at \`${HEAD}\` ([command](${PR_COMMAND_URL}))`]);
    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
  });

  it('takes paths from the config and the arguments, the runbook argument besides the PR\'s own runbooks', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig('exports: exports/**/*.xml\nprimary: snapshots/sync01\nstaging: snapshots/sync02\ndeletion-threshold: 500\nsensitive-attributes: [userPrincipalName]\n');
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    mockPullFiles(42, ['README.md', 'runbooks/2026-12-01-failover.md']);
    // No check-runs interceptor: staging= replaces the trusted settings, so the answer is the reply only.
    mockComment(recorded, 42);
    await receive(commentEvent('pr', `/verify-staging staging="snapshots/sync 03" runbook='docs/{x}.md'`), deps);
    expect(calls.verified[0]!.inputs).toEqual({
      exports: ['exports/**/*.xml'],
      primary: 'snapshots/sync01',
      staging: 'snapshots/sync 03',
      // runbook= is a name (braces and all), judged or failed: never a glob that may match nothing. The PR's own
      // runbook is judged too: a command never turns the gate green over a failing runbook of the PR.
      runbooks: [],
      runbookFiles: ['docs/{x}.md', 'runbooks/2026-12-01-failover.md'],
      // Other changed Markdown is read for a runbook's front matter: a runbook is a runbook wherever it is.
      runbookCandidates: ['README.md'],
      deletionThreshold: 500,
      deletionThresholdSetBy: 'settings-file',
      sensitiveAttributes: ['userPrincipalName'],
      now: NOW,
      limits: ACTION_LIMITS,
    });
    expect(recorded.checks).toEqual([]);
    expect(recorded.comments[0]).toContain(`**The checks on \`${HEAD}\` were not changed:** \`staging=\` replaces the repository's settings, so this answer is yours only; the pull request's required checks stay as its own run judged them.`);
    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
  });

  it('judges the SHA read when the command arrived, never a commit pushed while it ran', async () => {
    const recorded = recorder();
    let later: nock.Scope | undefined;
    const { deps, calls } = stubDeps(result());
    const verify = deps.verify;
    deps.verify = async (source, inputs) => {
      // A push lands while the verification runs: the PR's head is now NEWER.
      later = mockPull(42, NEWER);
      return verify(source, inputs);
    };
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'maintain');
    mockPull(42, HEAD);
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(later!.isDone()).toBe(false);
    nock.cleanAll();
    expect(calls.verified.map((call) => call.sha)).toEqual([HEAD]);
    expect(recorded.checks.map((check) => check.head_sha)).toEqual([HEAD, HEAD]);
    expect(recorded.comments[0]).toContain(HEAD);
    expect(recorded.comments[0]).not.toContain(NEWER);
  });

  it('refuses ref= with a reason, runs nothing, 👎', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging ref=main'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments).toHaveLength(1);
    expect(recorded.comments[0]).toContain("**Nothing was run:** `ref=` cannot be used in a pull request: the pull request's head commit is what gets judged.");
    expect(recorded.comments[0]).toContain(HELP_TEXT);
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });

  it('marks both checks failed and says which file is missing (verify throws an InputError)', async () => {
    const recorded = recorder();
    const { deps } = stubDeps(new InputError('snapshots/sync02/MV.xml', 'file not found at this commit'));
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    mockPullFiles(42, []);
    mockChecks(recorded, 2);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(recorded.checks.map((check) => [check.name, check.head_sha, check.conclusion, check.output.title])).toEqual([
      ['syncstage/review', HEAD, 'failure', 'unreadable input: snapshots/sync02/MV.xml: file not found at this commit'],
      ['syncstage/failover-prerequisites', HEAD, 'failure', 'unreadable input: snapshots/sync02/MV.xml: file not found at this commit'],
    ]);
    expect(recorded.comments).toEqual([
      `@alice-admin — reply to [this \`/verify-staging\`](${PR_COMMAND_URL})\n\n**\`/verify-staging\` failed** while verifying 3f78685:\n\n\`\`\`\nsnapshots/sync02/MV.xml: file not found at this commit\n\`\`\`\n\nBoth checks on \`${HEAD}\` are marked as failed.`,
    ]);
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });

  it('still replies and reacts 👎 when the API fails mid-way (500 on checks.create)', async () => {
    const recorded = recorder();
    const { deps } = stubDeps(result());
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    mockPullFiles(42, []);
    mockChecks(recorded, 1, 500);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(recorded.comments).toEqual([
      `@alice-admin — reply to [this \`/verify-staging\`](${PR_COMMAND_URL})\n\n**\`/verify-staging\` failed** while posting the checks on 3f78685:\n\n\`\`\`\nGitHub answered HTTP 500 (Server Error)\n\`\`\`\n\nThe verification of \`${HEAD}\` finished (verdict: ready to switch), but its results could not all be posted.`,
    ]);
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });

  it('ignores comments by bots, the app itself first: no call at all', async () => {
    const { deps, calls } = stubDeps();
    const payload = fixture<Payload>('issue_comment.created.bot.json');
    await receive(payload, deps);
    const renovate = commentEvent('pr', '/verify-staging');
    renovate.sender = renovate.comment.user = { login: 'renovate[bot]', type: 'User' };
    await receive(renovate, deps);
    expect(calls.verified).toEqual([]);
  });

  it.each(['please /verify-staging', '/verify-stagingx', 'LGTM', '> /verify-staging'])('does nothing for %j', async (body) => {
    const { deps, calls } = stubDeps();
    await receive(commentEvent('pr', body), deps);
    expect(calls.verified).toEqual([]);
  });
});

describe('/verify-staging permissions', () => {
  it.each(['read', 'triage'])('refuses role_name %s politely and runs nothing', async (role) => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', role);
    mockPull(42, HEAD);
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments).toEqual([
      `@alice-admin — reply to [this \`/verify-staging\`](${PR_COMMAND_URL})\n\nSorry, nothing was run: \`/verify-staging\` needs write, maintain or admin access to this repository, and your role here is \`${role}\`.`,
    ]);
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });

  it.each(['write', 'maintain', 'admin'])('runs for role_name %s', async (role) => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', role);
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging'), deps);
    expect(calls.verified.map((call) => call.sha)).toEqual([MAIN_SHA]);
    expect(recorded.reactions).toEqual(['eyes', 'rocket']);
  });

  it('refuses a writer outside the allowlist, noting an unreadable team', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig('allowlist:\n  users: [bob]\n  teams: [sync-admins]\n');
    mockPermission('alice-admin', 'write');
    mockPull(42, HEAD);
    nock('https://api.github.com').get('/orgs/contoso/teams/sync-admins/memberships/alice-admin').reply(403, { message: 'Resource not accessible by integration' });
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments[0]).toContain('Sorry, nothing was run: this repository limits `/verify-staging` to the users and teams in the `allowlist`');
    expect(recorded.comments[0]).toContain('Members: read');
  });
});

describe('/verify-staging in an issue', () => {
  it('judges the default branch and only replies', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig('runbooks: [docs/runbooks/*.md]\n');
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging'), deps);
    expect(calls.verified).toEqual([{ sha: MAIN_SHA, inputs: { exports: DEFAULT_EXPORTS, runbooks: ['docs/runbooks/*.md'], now: NOW, limits: ACTION_LIMITS } }]);
    expect(recorded.checks).toEqual([]);
    expect(recorded.comments).toEqual([`**ready to switch** at \`${MAIN_SHA}\` ([command](${ISSUE_COMMAND_URL}))`]);
  });

  it("in the Action, the step's inputs win over the config file (exports, staging, redaction)", async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result(), { inputs: { ...appInputs(), settings: { exports: ['from-input/*.xml'], staging: 'snapshots/from-input', redact: true } } });
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig('exports: from-file/*.xml\nstaging: snapshots/from-file\n');
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging'), deps);
    expect(calls.verified[0]!.inputs).toEqual({ exports: ['from-input/*.xml'], staging: 'snapshots/from-input', runbooks: DEFAULT_RUNBOOKS, redact: true, now: NOW, limits: ACTION_LIMITS });
  });

  it('resolves ref= to a SHA', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result({ verdict: 'not-ready' }));
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockCommit('release/2026-11', NEWER);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging ref=release/2026-11'), deps);
    expect(calls.verified.map((call) => call.sha)).toEqual([NEWER]);
    expect(recorded.comments[0]).toContain('**not ready**');
  });

  it('says so when ref= names nothing', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockCommit('nope', '', 422);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging ref=nope'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments[0]).toContain('failed** while resolving nope:\n\n```\nref=nope: no branch, tag or commit of this repository has that name\n```');
  });

  it('answers help', async () => {
    const recorded = recorder();
    const { deps } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging help'), deps);
    expect(recorded.comments).toEqual([`@alice-admin — reply to [this \`/verify-staging\`](${ISSUE_COMMAND_URL})\n\n${HELP_TEXT}`]);
  });

  it('answers bad arguments with the problem and the help, never a guess', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging stagin=snapshots/sync02'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments).toEqual([`@alice-admin — reply to [this \`/verify-staging\`](${ISSUE_COMMAND_URL})\n\n**Nothing was run:** unknown argument \`stagin\`\n\n${HELP_TEXT}`]);
  });

  it('names the bad key of an invalid config', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig('deletion-threshold: -5\n');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments[0]).toContain('failed** while reading .github/syncstage.yml:\n\n```\ncontoso/identity-sync@89e6c98:.github/syncstage.yml: "deletion-threshold" must be an integer >= 0\n```');
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });

  it('still reacts 👎 when even the reply fails', async () => {
    const recorded = recorder();
    const { deps } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17, 500);
    mockComment(recorded, 17, 500);
    await receive(commentEvent('issue', '/verify-staging'), deps);
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });
});

describe('failures on the way', () => {
  it('replies with the step when the pull request cannot be read (404)', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps();
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', '-1']);
    mockConfig(null);
    nock('https://api.github.com').get('/repos/contoso/identity-sync/pulls/42').reply(404, { message: 'Not Found' });
    mockComment(recorded, 42);
    await receive(commentEvent('pr', '/verify-staging'), deps);
    expect(calls.verified).toEqual([]);
    expect(recorded.comments[0]).toContain('failed** while reading the pull request:\n\n```\nGitHub answered HTTP 404 (Not Found)\n```');
    expect(recorded.reactions).toEqual(['eyes', '-1']);
  });

  it('goes on when a reaction cannot be added', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    nock('https://api.github.com').post(`/repos/contoso/identity-sync/issues/comments/${PR_COMMENT_ID}/reactions`).reply(500, { message: 'Server Error' });
    mockReactions(recorded, PR_COMMENT_ID, ['rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging'), deps);
    expect(calls.verified).toHaveLength(1);
    expect(recorded.reactions).toEqual(['rocket']);
  });
});

describe('edited comments', () => {
  it('are ignored, without a reaction, when the config cannot be read', async () => {
    const { deps, calls } = stubDeps();
    mockConfig('verify-on-edit: maybe\n');
    mockCommit('main', MAIN_SHA);
    await receive(commentEvent('issue', '/verify-staging', 'edited'), deps);
    expect(calls.verified).toEqual([]);
  });

  it('are ignored unless verify-on-edit is set', async () => {
    const { deps, calls } = stubDeps();
    mockConfig(null);
    mockCommit('main', MAIN_SHA);
    await receive(commentEvent('issue', '/verify-staging', 'edited'), deps);
    expect(calls.verified).toEqual([]);
  });

  it('run when verify-on-edit is true', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockConfig('verify-on-edit: true\n');
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    await receive(commentEvent('issue', '/verify-staging', 'edited'), deps);
    expect(calls.verified).toHaveLength(1);
  });
});

describe('replays', () => {
  it('runs a delivery once', async () => {
    const recorded = recorder();
    const { deps, calls } = stubDeps(result());
    mockReactions(recorded, PR_COMMENT_ID, ['eyes', 'rocket']);
    mockConfig(null);
    mockPermission('alice-admin', 'write');
    mockCommit('main', MAIN_SHA);
    mockComment(recorded, 17);
    const probot = testProbot();
    await probot.load(syncstageApp(deps));
    const event = { name: 'issue_comment', id: 'delivery-1', payload: commentEvent('issue', '/verify-staging') } as never;
    await probot.receive(event);
    await probot.receive(event);
    expect(calls.verified).toHaveLength(1);
    expect(recorded.comments).toHaveLength(1);
  });
});
