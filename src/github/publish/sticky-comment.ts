/**
 * The review as the pull request's sticky comment: found by author and marker, edited in place (src/github/comments.ts).
 * Whose comments are ours: the App knows its `<slug>[bot]`; the Action asks GitHub who its token is. The marker
 * carries the head SHA, and a review of a commit that is no longer the pull request's head writes nothing.
 */
import { createHash } from 'node:crypto';
import type { ActionIO } from '../action-io.js';
import { commentKey, upsertStickyComment } from '../comments.js';
import type { CommentRenderOptions, ReviewDeps } from '../deps.js';
import type { Octokit, ViewerOctokit } from '../octokit.js';
import type { ReviewOutcome, ReviewTarget } from '../review-commit.js';
import type { CommentMode, SyncstageSettings } from '../settings.js';
import { httpStatus } from '../http-status.js';
import type { PublishContext, Publisher } from './publisher.js';

/** One question per Octokit, so one per Action run (one event, one client); a failure is not asked again either. */
const viewerLogins = new WeakMap<object, Promise<string>>();

/**
 * Who the token is, asked of GitHub: GraphQL `viewer` answers for GITHUB_TOKEN (`github-actions[bot]`), App
 * installation tokens (`<slug>[bot]`, prefix `ghs_` like GITHUB_TOKEN) and personal tokens alike; REST `GET /user`
 * answers 403 to installation tokens, and a token's prefix does not say whose comments are ours.
 */
export function viewerLogin(octokit: ViewerOctokit): Promise<string> {
  let login = viewerLogins.get(octokit);
  if (!login) {
    login = octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }').then((data) => {
      const value = data.viewer?.login;
      if (typeof value !== 'string' || value === '') throw new Error('GitHub answered the viewer query without a login');
      return value;
    });
    viewerLogins.set(octokit, login);
  }
  return login;
}

/** A short, stable hash of what the verdict depends on besides the commit: shown in the marker. */
export function inputHash(settings: SyncstageSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

/** Who posts the comment: the App (its own login, when GitHub told it), or an Action job (repository, workflow, job). */
export type CommentPoster = { kind: 'app'; login: () => Promise<string | undefined> } | { kind: 'action'; env: ActionIO['env'] };

/**
 * The sticky comment's key: the App's repository and login, else the Action's repository, workflow and job. Two
 * syncstage jobs, or another workflow posting as github-actions[bot], never share it.
 */
export function stickyCommentKey(target: Pick<ReviewTarget, 'owner' | 'repo'>, poster: { kind: 'app'; logins: string[] } | { kind: 'action'; env: ActionIO['env'] }): string {
  const repository = `${target.owner}/${target.repo}`.toLowerCase();
  if (poster.kind === 'app') return commentKey(['app', repository, ...poster.logins.map((login) => login.toLowerCase())]);
  return commentKey(['action', repository, poster.env.GITHUB_WORKFLOW ?? '', poster.env.GITHUB_JOB ?? '']);
}

/**
 * Whose comments this run may edit or delete. When GitHub cannot say, nothing is edited or deleted (someone else's
 * comment could carry a syncstage marker): a new comment is posted and the run warns.
 */
async function commentOwners(octokit: Octokit, poster: CommentPoster, mode: CommentMode, warn: (message: string) => void): Promise<{ authors: string[]; mode: CommentMode }> {
  const own = poster.kind === 'app' ? await poster.login() : undefined;
  if (own) return { authors: [own], mode };
  // `new` neither looks for nor touches earlier comments: nothing to ask.
  if (mode === 'new') return { authors: [], mode };
  try {
    return { authors: [await viewerLogin(octokit)], mode };
  } catch (error) {
    warn(`could not ask GitHub who the token is (${error instanceof Error ? error.message : String(error)}): posting a new comment instead of editing the earlier one, so that no one else's comment is edited or deleted`);
    return { authors: [], mode: 'new' };
  }
}

/**
 * Why the review of `target.headSha` must not be written: the pull request's head, asked of GitHub right before
 * writing, is another commit now (a push came after this review started). That commit's own review is the one to
 * show; this run's comment would overwrite it with an older verdict.
 */
async function headMovedOn(octokit: Octokit, target: ReviewTarget & { pullNumber: number }): Promise<string | undefined> {
  const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pullNumber });
  if (data.head.sha.toLowerCase() === target.headSha.toLowerCase()) return undefined;
  return `the review of ${target.headSha.slice(0, 7)} is not posted: pull request #${target.pullNumber}'s head is now ${data.head.sha.slice(0, 7)}, and the comment shows the review of the current head only`;
}

/** The comment's render options: the base to compare with, the commit and the run the first screen names. */
export function commentOptions(outcome: ReviewOutcome, context: Pick<PublishContext, 'run'>): CommentRenderOptions {
  return {
    ...(outcome.base ? { base: outcome.base } : {}),
    ...(outcome.target.baseRef ? { baseRef: outcome.target.baseRef } : {}),
    sha: outcome.target.headSha,
    ...(context.run ? { run: context.run } : {}),
  };
}

export interface StickyCommentOptions {
  poster: CommentPoster;
  renderComment: ReviewDeps['renderComment'];
  /** The comment's kind in its marker. */
  kind?: string;
  /** A 403 (a fork's read-only token) warns with this instead of failing; unset: it fails. */
  onReadOnly?: (what: string, error: unknown) => void;
  warn: (message: string) => void;
  /** Told the comment's id once written (the Action's `comment-id` output). */
  onWritten?: (id: number) => void;
}

export function stickyCommentPublisher(options: StickyCommentOptions): Publisher {
  return {
    name: 'sticky comment',
    async publish(outcome, context) {
      const { target, settings, result } = outcome;
      // A review that could not run has no report to show: its checks and the step say why.
      if (target.pullNumber === undefined || !settings || !result || settings.comment === 'off') return;
      const pull = { ...target, pullNumber: target.pullNumber };
      try {
        const ours = await commentOwners(context.octokit, options.poster, settings.comment, options.warn);
        const id = await upsertStickyComment(context.octokit, {
          owner: target.owner,
          repo: target.repo,
          issueNumber: target.pullNumber,
          kind: options.kind ?? 'review',
          mode: ours.mode,
          authors: ours.authors,
          key: stickyCommentKey(target, options.poster.kind === 'app' ? { kind: 'app', logins: ours.authors } : options.poster),
          sha: target.headSha,
          inputHash: inputHash(settings),
          render: (budget) => options.renderComment(result, { budget, ...commentOptions(outcome, context) }),
          log: context.log,
          refuseWrite: () => headMovedOn(context.octokit, pull),
        });
        if (id !== undefined) options.onWritten?.(id);
      } catch (error) {
        if (httpStatus(error) !== 403 || !options.onReadOnly) throw error;
        options.onReadOnly('comment on the pull request', error);
      }
    },
  };
}
