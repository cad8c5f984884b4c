/**
 * `/verify-staging` on `issue_comment.created` (and `edited` when the settings say `verify-on-edit: true`), in both
 * runtimes: 👀 at once; the settings (at the pull request's base, or the default branch in an issue); permission;
 * then in a PR the head SHA seen now is pinned and judged like the pull request's own run, and both checks land on
 * that SHA as the runtime posts them (check runs, or statuses in the Action); in an issue the default branch (or
 * `ref=`) is judged and only the reply is posted.
 * One reply, verdict first. 🚀 when the command ran to the end, 👎 when it was refused or failed, whatever failed.
 */
import { escapeText } from '../report/markdown-text.js';
import { neutraliseMarkers } from './comments.js';
import type { Context } from 'probot';
import { InputError, isInputError } from '../errors.js';
import { contextProblem, type CommandArguments, parseCommand } from './command.js';
import type { AppDeps, Octokit, RepoRef } from './deps.js';
import { pullRequestFiles } from './changed-files.js';
import { publishAll } from './publish/publisher.js';
import { reviewAndPublish, type ReviewPlan } from './review.js';
import type { ReviewKind, Runtime } from './runtime.js';
import { loadSettings } from './settings-loader.js';
import type { SyncstageSettings } from './settings.js';
import { authorize, isBot } from './permissions.js';
import { errorReply, helpReply, invalidReply, type ReplyContext, refusalReply } from './replies.js';

export type CommentContext = Context<'issue_comment'>;
type Reaction = 'eyes' | 'rocket' | '-1';

/** What the command is doing now: named in the error reply when a step fails. */
interface Progress {
  step: string;
  note?: string;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

async function react(context: CommentContext, content: Reaction): Promise<void> {
  try {
    await context.octokit.rest.reactions.createForIssueComment({ ...context.repo(), comment_id: context.payload.comment.id, content });
  } catch (error) {
    context.log.warn({ status: (error as { status?: number }).status, content }, 'could not add a reaction to the command comment');
  }
}

async function reply(context: CommentContext, body: string): Promise<void> {
  // A reply quotes the command and file text: it never carries a sticky-comment marker it was fed.
  await context.octokit.rest.issues.createComment({ ...context.repo(), issue_number: context.payload.issue.number, body: neutraliseMarkers(body) });
}

/** A branch, tag or SHA to the commit SHA it names now. */
export async function resolveRef(octokit: Octokit, repo: RepoRef, ref: string): Promise<string> {
  try {
    const { data } = await octokit.rest.repos.getCommit({ ...repo, ref });
    return data.sha;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) throw new InputError(`ref=${ref}`, 'no branch, tag or commit of this repository has that name');
    throw error;
  }
}

/** The commit a command trusts for its settings, and the pull request's head pinned now (in a pull request). */
interface Trusted {
  settings: SyncstageSettings;
  settingsSha: string;
  pull?: { number: number; headSha: string; baseSha: string; baseRef: string };
}

/**
 * The command's settings, read once: at the pull request's base (the head SHA seen now is pinned at the same
 * time), or at the default branch in an issue. A pull request never sets the rules `/verify-staging` judges it by.
 */
async function readTrustedSettings(context: CommentContext, deps: AppDeps, progress: Progress): Promise<Trusted> {
  const repo = context.repo();
  if (context.payload.issue.pull_request) {
    progress.step = 'reading the pull request';
    const { data: pull } = await context.octokit.rest.pulls.get({ ...repo, pull_number: context.payload.issue.number });
    progress.step = 'reading .github/syncstage.yml';
    const settings = await loadSettings(await deps.openSource(context.octokit, repo, pull.base.sha), deps);
    return { settings, settingsSha: pull.base.sha, pull: { number: pull.number, headSha: pull.head.sha, baseSha: pull.base.sha, baseRef: pull.base.ref } };
  }
  const branch = context.payload.repository.default_branch;
  progress.step = `resolving ${escapeText(branch)}`;
  const sha = await resolveRef(context.octokit, repo, branch);
  progress.step = 'reading .github/syncstage.yml';
  return { settings: await loadSettings(await deps.openSource(context.octokit, repo, sha), deps), settingsSha: sha };
}

/** Whether the comment is a command to handle at all: the command, by a person, created (or edited when allowed). */
function isCommandComment(context: CommentContext): boolean {
  const { payload } = context;
  if (payload.action !== 'created' && payload.action !== 'edited') return false;
  if (parseCommand(payload.comment.body).kind === 'not-a-command') return false;
  if (isBot(payload.sender) || isBot(payload.comment.user ?? { login: '' })) {
    context.log.debug({ sender: payload.sender.login }, '/verify-staging from a bot ignored');
    return false;
  }
  return true;
}

/** An edited command runs again only when the settings say `verify-on-edit: true`; their settings are then reused. */
async function editedCommandSettings(context: CommentContext, deps: AppDeps): Promise<Trusted | undefined> {
  try {
    const trusted = await readTrustedSettings(context, deps, { step: 'reading .github/syncstage.yml' });
    if (trusted.settings.verifyOnEdit === true) return trusted;
  } catch (error) {
    context.log.warn({ error: String(error) }, 'edited /verify-staging ignored: the config could not be read');
    return undefined;
  }
  context.log.debug('edited /verify-staging ignored: verify-on-edit is not set');
  return undefined;
}

async function runCommand(context: CommentContext, deps: AppDeps, runtime: Runtime, trusted: Trusted, args: CommandArguments, progress: Progress): Promise<void> {
  const repo = context.repo();
  const commandUrl = context.payload.comment.html_url;
  let plan: ReviewPlan;
  let kind: ReviewKind | undefined;
  // Folders and exports named in the command replace the trusted settings' evidence: the answer is the asker's, never
  // the pull request's required checks (a command may not steer the gate the pull request is judged by).
  const overrides = (['exports', 'primary', 'staging'] as const).filter((name) => args[name] !== undefined);
  let checksNote: string | undefined;
  if (trusted.pull) {
    const { pull } = trusted;
    context.log.info({ sha: pull.headSha, pull: pull.number }, '/verify-staging: head SHA pinned');
    // The runbooks the pull request adds or changes are always judged; runbook= names one more, never one instead.
    // Other changed Markdown files are read for a runbook's front matter (a runbook is a runbook wherever it is).
    plan = {
      target: { ...repo, headSha: pull.headSha, baseSha: pull.baseSha, baseRef: pull.baseRef, detailsUrl: commandUrl },
      settingsSha: trusted.settingsSha,
      settings: trusted.settings,
      changedFiles: () => pullRequestFiles(context.octokit, repo, pull.number),
      args,
    };
    // In a pull request the results land on the pinned head as the checks, as the pull request's own run posts them.
    if (overrides.length === 0) kind = 'command';
    else checksNote = `**The checks on \`${pull.headSha}\` were not changed:** ${overrides.map((name) => `\`${name}=\``).join(', ')} replace${overrides.length === 1 ? 's' : ''} the repository's settings, so this answer is yours only; the pull request's required checks stay as its own run judged them.`;
  } else {
    // The ref comes from the command: escaped like file text, so `ref=@org/team` pings nobody in an error reply.
    const ref = args.ref ?? context.payload.repository.default_branch;
    progress.step = `resolving ${escapeText(ref)}`;
    const sha = args.ref === undefined ? trusted.settingsSha : await resolveRef(context.octokit, repo, ref);
    plan = { target: { ...repo, headSha: sha }, settingsSha: trusted.settingsSha, settings: trusted.settings, args };
  }
  const sha = plan.target.headSha;
  progress.step = `verifying ${shortSha(sha)}`;
  const outcome = await reviewAndPublish(context, plan, deps, []);
  // In a pull request both checks land on the pinned head, a stopped review's failing ones too; an issue has no
  // commit of its own to post checks on: the reply is the answer.
  if (kind) {
    progress.step = `posting the checks on ${shortSha(sha)}`;
    if (outcome.result) progress.note = `The verification of \`${sha}\` finished (verdict: ${outcome.result.verdict === 'ready' ? 'ready to switch' : 'not ready'}), but its results could not all be posted.`;
    await publishAll(outcome, { octokit: context.octokit, log: context.log, problems: [] }, runtime.publishers(kind));
  }
  if (outcome.stopped || !outcome.result) {
    progress.step = `verifying ${shortSha(sha)}`;
    progress.note = kind ? `Both checks on \`${sha}\` are marked as failed.` : undefined;
    throw outcome.stopped?.error ?? new Error('the verification gave no result');
  }
  progress.step = 'posting the reply';
  progress.note = `The verification of \`${sha}\` finished (verdict: ${outcome.result.verdict === 'ready' ? 'ready to switch' : 'not ready'}).`;
  const answer = deps.renderVerifyReply(outcome.result, { commandUrl, sha });
  await reply(context, checksNote ? `${answer}\n\n${checksNote}` : answer);
}

export async function handleVerifyCommand(context: CommentContext, deps: AppDeps, runtime: Runtime): Promise<void> {
  if (!isCommandComment(context)) return;
  const edited = context.payload.action === 'edited' ? await editedCommandSettings(context, deps) : undefined;
  if (context.payload.action === 'edited' && !edited) return;
  const { payload } = context;
  const parsed = parseCommand(payload.comment.body);
  // Who is authorised is who sent the event: for an edit, the editor, not the comment's author (on GitHub anyone with
  // write access may edit anyone's comment, so an allowlisted author's old command must not run with another's words).
  const replyTo: ReplyContext = { commandUrl: payload.comment.html_url, author: payload.sender.login };
  const progress: Progress = { step: 'reading .github/syncstage.yml' };
  let completed = false;
  await react(context, 'eyes');
  try {
    const trusted = edited ?? (await readTrustedSettings(context, deps, progress));
    progress.step = 'checking your permission';
    const authorization = await authorize(context.octokit, context.repo(), replyTo.author, trusted.settings.allowlist);
    if (!authorization.allowed) {
      context.log.info({ login: replyTo.author }, '/verify-staging refused: not authorised');
      progress.step = 'posting the refusal';
      await reply(context, refusalReply(replyTo, authorization.reason, authorization.notes));
      return;
    }
    progress.step = 'posting the reply';
    if (parsed.kind === 'help') {
      await reply(context, helpReply(replyTo));
      completed = true;
      return;
    }
    if (parsed.kind !== 'run') {
      if (parsed.kind === 'invalid') await reply(context, invalidReply(replyTo, parsed.problem));
      return;
    }
    const inPullRequest = Boolean(payload.issue.pull_request);
    const problem = contextProblem(parsed.args, { pullRequest: inPullRequest });
    if (problem) {
      await reply(context, invalidReply(replyTo, problem));
      return;
    }
    await runCommand(context, deps, runtime, trusted, parsed.args, progress);
    context.log.info({ login: replyTo.author, pullRequest: inPullRequest }, '/verify-staging answered');
    completed = true;
  } catch (error) {
    const level = isInputError(error) ? 'info' : 'error';
    context.log[level]({ step: progress.step, error: String(error) }, '/verify-staging failed');
    try {
      await reply(context, errorReply(replyTo, progress.step, error, progress.note));
    } catch (replyError) {
      context.log.error({ status: (replyError as { status?: number }).status }, 'could not post the error reply');
    }
  } finally {
    await react(context, completed ? 'rocket' : '-1');
  }
}
