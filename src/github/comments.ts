/**
 * The sticky PR comment: one per pull request and kind, found by author AND hidden marker, edited in place.
 * Modes: update (edit in place), recreate (delete old, create new), new (always a new one), off.
 * Concurrent runs that each created a comment converge on the oldest: every run deletes the younger ones.
 * A run reviewing a commit that is no longer the PR's head writes nothing (refuseWrite): a slow review of an older
 * push never overwrites the review of the current head. The body always fits GitHub's 65,536-character limit; a 422 "Body is too long" is answered with a smaller body,
 * so the report is cut further but never lost.
 */
import type { CommentsOctokit } from './octokit.js';
import { createHash } from 'node:crypto';
import type { CommentMode } from './settings.js';
import { httpStatus } from './http-status.js';
import { COMMENT_HARD_LIMIT, CUT_NOTE, DEFAULT_COMMENT_BUDGET, MINIMUM_COMMENT_BUDGET, closeOpenBlocks, fitMarkdown as fitCommentBody } from '../report/github-limits.js';

/** GitHub's comment limits and the Markdown fitting live with every other limit (src/report/github-limits.ts). */
export { COMMENT_HARD_LIMIT, CUT_NOTE, DEFAULT_COMMENT_BUDGET, MINIMUM_COMMENT_BUDGET, closeOpenBlocks, fitCommentBody };

export const COMMENT_SCHEMA_VERSION = 1;

export interface CommentMarker {
  kind: string;
  v: number;
  /** Who posts this sticky comment: see commentKey. A comment whose key differs is someone else's. */
  key?: string;
  sha?: string;
  inputHash?: string;
}

export interface IssueComment {
  id: number;
  node_id?: string;
  body?: string;
  created_at: string;
  user: { login: string } | null;
}

// Type aliases, not interfaces: Octokit's parameter types need an implicit index signature.
type RepoParams = {
  owner: string;
  repo: string;
};


export interface CommentLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface StickyCommentOptions extends RepoParams {
  issueNumber: number;
  /** One sticky comment per kind: 'review', 'verify-staging', ... */
  kind: string;
  mode: CommentMode;
  /** Logins whose comments count as ours: the app's bot login, or github-actions[bot]. */
  authors: string[];
  /** commentKey of the poster (repository + workflow/job in the Action, repository + app login in the App). */
  key: string;
  sha?: string;
  inputHash?: string;
  /** The report for a body budget (characters); called again with a smaller budget after a 422. */
  render: (budget: number) => string;
  budget?: number;
  log?: CommentLog;
  /**
   * Asked right before the first write: why the comment must not be written now (a review of a commit that is no
   * longer the pull request's head), or undefined to go on. It asks GitHub, not memory, so it holds across runs and
   * App instances that share nothing.
   */
  refuseWrite?: () => Promise<string | undefined>;
}

const MARKER_START = '<!-- syncstage:{';
const MARKER_END = '} -->';

/**
 * Who posts a sticky comment, as a short hash: the Action's repository, workflow and job, or the App's repository and
 * login. Another workflow posting as github-actions[bot] (or a second syncstage job) has another key, so its
 * comments are never edited or deleted, even when they quote a marker.
 */
export function commentKey(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

export function renderMarker(marker: CommentMarker): string {
  // `--` cannot appear in an HTML comment; JSON of our own values never has it, but a SHA or hash could be hostile.
  return `<!-- syncstage:${JSON.stringify(marker).replace(/--/g, '-\\u002d')} -->`;
}

/**
 * The marker of a sticky comment: recognised only at the very start of the body, where syncstage puts it and where
 * no quoted text can be (a quote of a PR title, a file, a command always follows something of the poster's own).
 * Scanned with indexOf: linear on any body.
 */
export function parseMarker(body: string | undefined): CommentMarker | undefined {
  if (!body?.startsWith(MARKER_START)) return undefined;
  const newline = body.indexOf('\n');
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  const end = firstLine.indexOf(MARKER_END);
  if (end < 0) return undefined;
  try {
    const parsed = JSON.parse(firstLine.slice(MARKER_START.length - 1, end + 1)) as Partial<CommentMarker>;
    return typeof parsed.kind === 'string' && typeof parsed.v === 'number' ? (parsed as CommentMarker) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text syncstage posts that may carry input (file text in code blocks, command values, error texts): a
 * `<!-- syncstage` in it is broken with a zero-width space, so no reply of ours ever carries a marker it was fed.
 * Our own section breaks (`<!-- syncstage:section -->`) stay: they are not markers and never came from input.
 */
export function neutraliseMarkers(text: string): string {
  return text.replace(/<!--([ \t\r\n]*)syncstage(?!:section -->)/gi, '<!--$1sync\u200bstage');
}

/** Ours: posted by our login AND starting with our marker of this kind carrying our key. */
function isOurs(comment: IssueComment, kind: string, authors: readonly string[], key: string): boolean {
  const login = comment.user?.login.toLowerCase();
  if (login === undefined || !authors.some((author) => author.toLowerCase() === login)) return false;
  const marker = parseMarker(comment.body);
  return marker?.kind === kind && marker.key === key;
}

function oldestFirst(a: IssueComment, b: IssueComment): number {
  return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id;
}

interface MinimizedNodes {
  nodes: ({ id: string; isMinimized?: boolean } | null)[];
}

/**
 * REST does not say whether a comment is minimized (hidden as outdated); GraphQL does. A minimized sticky comment is
 * left alone and a fresh one is posted. If GraphQL is unavailable the comments are taken as visible.
 */
async function dropMinimized(octokit: CommentsOctokit, comments: IssueComment[], log?: CommentLog): Promise<IssueComment[]> {
  const ids = comments.map((comment) => comment.node_id).filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return comments;
  try {
    const result = await octokit.graphql<MinimizedNodes>('query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }', { ids });
    const minimized = new Set(result.nodes.filter((node) => node?.isMinimized).map((node) => node?.id));
    return comments.filter((comment) => !comment.node_id || !minimized.has(comment.node_id));
  } catch (error) {
    log?.warn(`could not tell whether earlier comments are minimized (${(error as Error).message}); treating them as visible`);
    return comments;
  }
}

/** Our comments of this kind on the PR, oldest first, minimized ones left out. */
export async function findStickyComments(
  octokit: CommentsOctokit,
  options: RepoParams & { issueNumber: number; kind: string; authors: string[]; key: string; log?: CommentLog },
): Promise<IssueComment[]> {
  const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  });
  const ours = all.filter((comment) => isOurs(comment, options.kind, options.authors, options.key)).sort(oldestFirst);
  return dropMinimized(octokit, ours, options.log);
}


function isBodyTooLong(error: unknown): boolean {
  return httpStatus(error) === 422 && /too long|body.*(length|size)/i.test(String((error as Error).message));
}

/** Deleting a comment another run already deleted is success. */
async function deleteComment(octokit: CommentsOctokit, options: RepoParams, id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: options.owner, repo: options.repo, comment_id: id });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
}

/** Renders, marks and sends a body; on 422 "Body is too long", halves the budget and tries again. */
async function sendWithinBudget(options: StickyCommentOptions, send: (body: string) => Promise<IssueComment>): Promise<IssueComment> {
  const marker = renderMarker({ kind: options.kind, v: COMMENT_SCHEMA_VERSION, key: options.key, sha: options.sha, inputHash: options.inputHash });
  let budget = Math.min(options.budget ?? DEFAULT_COMMENT_BUDGET, COMMENT_HARD_LIMIT - 1_000);
  for (;;) {
    const room = budget - marker.length - 1;
    // The zero-width spaces neutraliseMarkers adds are few and the budget keeps 1,000 characters of room.
    const body = `${marker}\n${neutraliseMarkers(fitCommentBody(options.render(room), room))}`;
    try {
      return await send(body);
    } catch (error) {
      if (!isBodyTooLong(error) || budget <= MINIMUM_COMMENT_BUDGET) throw error;
      budget = Math.max(MINIMUM_COMMENT_BUDGET, Math.floor(budget / 2));
      options.log?.warn(`GitHub refused the comment as too long; cutting it to ${budget} characters`);
    }
  }
}

/** Creates or edits the sticky comment per mode; returns its id, or undefined when the mode is off. */
export async function upsertStickyComment(octokit: CommentsOctokit, options: StickyCommentOptions): Promise<number | undefined> {
  if (options.mode === 'off') return undefined;
  const { owner, repo, issueNumber } = options;
  const create = (body: string) => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }).then((r) => r.data);
  const update = (id: number) => (body: string) => octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body }).then((r) => r.data);

  if (options.mode === 'new') return (await refused(options)) ? undefined : (await sendWithinBudget(options, create)).id;

  const existing = await findStickyComments(octokit, options);
  // After the search, the last read before writing: the closest this run can look before it writes.
  if (await refused(options)) return undefined;
  if (options.mode === 'recreate') {
    for (const comment of existing) await deleteComment(octokit, options, comment.id);
    return (await sendWithinBudget(options, create)).id;
  }

  const [oldest, ...duplicates] = existing;
  for (const comment of duplicates) await deleteComment(octokit, options, comment.id);
  if (oldest) return (await sendWithinBudget(options, update(oldest.id))).id;

  const created = await sendWithinBudget(options, create);
  return settleConcurrentCreation(octokit, options, created, update);
}

/** True (and logged) when the caller refuses the write now. */
async function refused(options: StickyCommentOptions): Promise<boolean> {
  const reason = await options.refuseWrite?.();
  if (reason === undefined) return false;
  options.log?.info(reason);
  return true;
}

/**
 * Another run on the same PR may have created its comment between our search and our creation. Look again: the
 * oldest stays (edited with our body when it is not ours), every younger one goes. All runs reach the same answer.
 */
async function settleConcurrentCreation(
  octokit: CommentsOctokit,
  options: StickyCommentOptions,
  created: IssueComment,
  update: (id: number) => (body: string) => Promise<IssueComment>,
): Promise<number> {
  const now = await findStickyComments(octokit, options);
  const [oldest, ...younger] = now;
  if (!oldest || oldest.id === created.id) {
    for (const comment of younger) await deleteComment(octokit, options, comment.id);
    return created.id;
  }
  options.log?.info(`another run created comment ${oldest.id} concurrently; keeping it and removing the younger ones`);
  for (const comment of younger) await deleteComment(octokit, options, comment.id);
  // That run may be reviewing a newer head: asked again before its comment is given this run's body.
  if (await refused(options)) return oldest.id;
  return (await sendWithinBudget(options, update(oldest.id))).id;
}

export type { CommentsOctokit };
