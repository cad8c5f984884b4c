/**
 * `/verify-staging` on `issue_comment.created` (and `edited` when the config says `verify-on-edit: true`):
 * 👀 at once; config; permission; then in a PR the head SHA seen now is pinned and judged, and the results land on
 * that SHA as check runs; in an issue the default branch (or `ref=`) is judged and only the reply is posted.
 * One reply, verdict first. 🚀 when the command ran to the end, 👎 when it was refused or failed, whatever failed.
 */
import { escapeText } from '../report/markdown-text.js';
import { neutraliseMarkers } from './comments.js';
import type { Context } from 'probot';
import { InputError, isInputError } from '../errors.js';
import type { VerificationResult } from '../verify/types.js';
import { contextProblem, type CommandArguments, parseCommand } from './command.js';
import { loadSyncstageConfig, type SyncstageConfigFile } from './config.js';
import type { AppDeps, Octokit, RepoRef } from './deps.js';
import { failedOutcomes, outcomesOf, postChecks, verifyAt } from './evaluate.js';
import { pullRequestFiles } from './changed-files.js';
import { changedRunbookInputs, runbookGlobs, verificationInputs } from './command-inputs.js';
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

/** Whether the comment should be handled at all: the command, by a person, created (or edited when allowed). */
async function configForComment(context: CommentContext): Promise<{ handle: false } | { handle: true; config?: SyncstageConfigFile }> {
  const { payload } = context;
  if (payload.action !== 'created' && payload.action !== 'edited') return { handle: false };
  if (parseCommand(payload.comment.body).kind === 'not-a-command') return { handle: false };
  if (isBot(payload.sender) || isBot(payload.comment.user ?? { login: '' })) {
    context.log.debug({ sender: payload.sender.login }, '/verify-staging from a bot ignored');
    return { handle: false };
  }
  if (payload.action === 'created') return { handle: true };
  try {
    const config = await loadSyncstageConfig(context);
    if (config['verify-on-edit'] === true) return { handle: true, config };
  } catch (error) {
    context.log.warn({ error: String(error) }, 'edited /verify-staging ignored: the config could not be read');
    return { handle: false };
  }
  context.log.debug('edited /verify-staging ignored: verify-on-edit is not set');
  return { handle: false };
}

async function runInPullRequest(context: CommentContext, deps: AppDeps, config: SyncstageConfigFile, args: CommandArguments, progress: Progress): Promise<void> {
  const repo = context.repo();
  progress.step = 'reading the pull request';
  const { data: pull } = await context.octokit.rest.pulls.get({ ...repo, pull_number: context.payload.issue.number });
  const target = { ...repo, sha: pull.head.sha, detailsUrl: context.payload.comment.html_url };
  context.log.info({ sha: target.sha, pull: pull.number }, '/verify-staging: head SHA pinned');
  progress.step = 'listing the files of the pull request';
  // The runbooks the pull request adds or changes are always judged; runbook= names one more, never one instead.
  // Other changed Markdown files are read for a runbook's front matter (a runbook is a runbook wherever it is).
  const changed = changedRunbookInputs(await pullRequestFiles(context.octokit, repo, pull.number), runbookGlobs(config, deps.inputSettings));
  progress.step = `verifying ${shortSha(target.sha)}`;
  let result: VerificationResult;
  try {
    const inputs = verificationInputs(config, args, changed.runbookFiles, deps.now(), deps.inputSettings);
    result = await verifyAt(context.octokit, deps, target, { ...inputs, runbookCandidates: changed.runbookCandidates });
  } catch (error) {
    const failed = failedOutcomes(error);
    if (failed) {
      progress.step = `verifying ${shortSha(target.sha)}`;
      await postChecks(context.octokit, deps, target, failed);
      progress.note = `Both checks on \`${target.sha}\` are marked as failed.`;
    }
    throw error;
  }
  progress.step = `posting the checks on ${shortSha(target.sha)}`;
  progress.note = `The verification of \`${target.sha}\` finished (verdict: ${result.verdict === 'ready' ? 'ready to switch' : 'not ready'}), but its results could not all be posted.`;
  await postChecks(context.octokit, deps, target, outcomesOf(result, deps, config));
  progress.step = 'posting the reply';
  await reply(context, deps.renderVerifyReply(result, { commandUrl: context.payload.comment.html_url, sha: target.sha }));
}

async function runInIssue(context: CommentContext, deps: AppDeps, config: SyncstageConfigFile, args: CommandArguments, progress: Progress): Promise<void> {
  const repo = context.repo();
  const ref = args.ref ?? context.payload.repository.default_branch;
  // The ref comes from the command: escaped like file text, so `ref=@org/team` pings nobody in an error reply.
  progress.step = `resolving ${escapeText(ref)}`;
  const sha = await resolveRef(context.octokit, repo, ref);
  progress.step = `verifying ${shortSha(sha)}`;
  const result = await verifyAt(context.octokit, deps, { ...repo, sha }, verificationInputs(config, args, undefined, deps.now(), deps.inputSettings));
  progress.step = 'posting the reply';
  progress.note = `The verification of \`${sha}\` finished (verdict: ${result.verdict === 'ready' ? 'ready to switch' : 'not ready'}).`;
  await reply(context, deps.renderVerifyReply(result, { commandUrl: context.payload.comment.html_url, sha }));
}

export async function handleVerifyCommand(context: CommentContext, deps: AppDeps): Promise<void> {
  const decision = await configForComment(context);
  if (!decision.handle) return;
  const { payload } = context;
  const parsed = parseCommand(payload.comment.body);
  const replyTo: ReplyContext = { commandUrl: payload.comment.html_url, author: payload.comment.user?.login ?? payload.sender.login };
  const progress: Progress = { step: 'reading .github/syncstage.yml' };
  let completed = false;
  await react(context, 'eyes');
  try {
    const config = decision.config ?? (await loadSyncstageConfig(context));
    progress.step = 'checking your permission';
    const authorization = await authorize(context.octokit, context.repo(), replyTo.author, config.allowlist);
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
    await (inPullRequest ? runInPullRequest : runInIssue)(context, deps, config, parsed.args, progress);
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
