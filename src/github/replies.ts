/**
 * The texts of `/verify-staging` replies that are not a verdict: help, bad arguments, refusals, failures.
 * Every reply links the command comment; the only real @mention is the command's author; anything from a user or
 * an error is escaped or fenced. Error texts never carry tokens or keys (redactSecrets).
 */
import { isInputError } from '../errors.js';
import { codeBlock, escapeText } from '../report/markdown-text.js';
import { HELP_TEXT } from './command.js';
import { isConfigError } from './settings-schema.js';

export interface ReplyContext {
  /** html_url of the command comment. */
  commandUrl: string;
  /** The command's author: mentioned for real. */
  author: string;
}

const MAX_ERROR_LENGTH = 1000;

function header(reply: ReplyContext): string {
  return `@${reply.author} — reply to [this \`/verify-staging\`](${reply.commandUrl})`;
}

export function helpReply(reply: ReplyContext): string {
  return `${header(reply)}\n\n${HELP_TEXT}`;
}

/** `problem` is already safe Markdown (it comes from parseCommand, which fences user text). */
export function invalidReply(reply: ReplyContext, problem: string): string {
  return `${header(reply)}\n\n**Nothing was run:** ${problem}\n\n${HELP_TEXT}`;
}

export function refusalReply(reply: ReplyContext, reason: string, notes: readonly string[] = []): string {
  const noteText = notes.length > 0 ? `\n\n${notes.map((note) => `- ${escapeText(note)}`).join('\n')}` : '';
  return `${header(reply)}\n\nSorry, nothing was run: ${reason}${noteText}`;
}

/** Tokens, keys and credentials in URLs replaced, so an error text can be shown. */
export function redactSecrets(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[redacted private key]')
    .replace(/\b(gh[pousr]_[A-Za-z0-9_]{10,}|github_pat_[A-Za-z0-9_]{10,}|v1\.[0-9a-f]{40})\b/g, '[redacted token]')
    .replace(/\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]')
    .replace(/(https?:\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[redacted]@')
    .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[redacted jwt]');
}

/** What went wrong, in words a person can act on, without secrets or stack traces. */
export function describeError(error: unknown): string {
  let text: string;
  if (isInputError(error) || isConfigError(error)) {
    text = error.message;
  } else if (error && typeof error === 'object' && typeof (error as { status?: unknown }).status === 'number') {
    const status = (error as { status: number }).status;
    const message = error instanceof Error ? error.message.split('\n')[0] : '';
    text = `GitHub answered HTTP ${status}${message ? ` (${message})` : ''}`;
  } else if (error instanceof Error) {
    text = `${error.name}: ${error.message.split('\n')[0]}`;
  } else {
    text = String(error);
  }
  const safe = redactSecrets(text);
  return safe.length > MAX_ERROR_LENGTH ? `${safe.slice(0, MAX_ERROR_LENGTH - 1)}…` : safe;
}

/**
 * `step` and `note` are syncstage's own Markdown: a command value in them is escaped where it is put in (see
 * runInIssue's `resolving ...`), the error text is fenced here.
 */
export function errorReply(reply: ReplyContext, step: string, error: unknown, note?: string): string {
  const noteText = note ? `\n\n${note}` : '';
  return `${header(reply)}\n\n**\`/verify-staging\` failed** while ${step}:\n\n${codeBlock(describeError(error))}${noteText}`;
}
