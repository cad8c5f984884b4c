/**
 * A runbook is a runbook wherever it is (issue 15 item 2): a Markdown file a change adds or modifies outside the
 * runbook globs is read far enough to see its front matter, and judged when that front matter says it is a failover
 * runbook. Otherwise moving `runbooks/failover.md` to `docs/failover.md` would take it out of the gate.
 * Bounded: at most MAX_RUNBOOK_CANDIDATES files, each read to at most RUNBOOK_SNIFF_BYTES.
 */
import { InputError, isInputError } from '../errors.js';
import { isFailoverRunbook } from '../gate/front-matter.js';
import type { FileSource } from '../files/source.js';

/** Bytes read of each changed Markdown file outside the globs: a front matter longer than this is judged as a runbook. */
export const RUNBOOK_SNIFF_BYTES = 64 * 1024;
/** Changed Markdown files outside the globs one evaluation reads; more fail the gate naming the limit. */
export const MAX_RUNBOOK_CANDIDATES = 300;

export type CandidateVerdict = { kind: 'runbook' } | { kind: 'not-a-runbook' } | { kind: 'unreadable'; error: InputError };

/** The first `limit` bytes of a file; the rest is never read (the stream is closed). */
async function readPrefix(source: FileSource, path: string, limit: number): Promise<Buffer> {
  const stream = await source.open(path);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(bytes);
      length += bytes.length;
      if (length >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** Whether the text opens a front matter that does not close within it: cannot be told apart from a runbook. */
function opensUnclosedFrontMatter(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return false;
  return !lines.some((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
}

/** A changed Markdown file: a runbook (judge it), not one, or unreadable (the gate fails naming it). */
export async function classifyCandidate(source: FileSource, path: string): Promise<CandidateVerdict> {
  let prefix: Buffer;
  try {
    prefix = await readPrefix(source, path, RUNBOOK_SNIFF_BYTES);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { kind: 'unreadable', error: new InputError(error.file, `could not be read to tell whether it is a failover runbook: ${error.reason}`) };
  }
  const text = prefix.toString('utf8');
  const truncated = prefix.length >= RUNBOOK_SNIFF_BYTES;
  return isFailoverRunbook(text) || (truncated && opensUnclosedFrontMatter(text)) ? { kind: 'runbook' } : { kind: 'not-a-runbook' };
}

export function tooManyCandidates(count: number): InputError {
  return new InputError(
    'changed Markdown files',
    `${count} Markdown files outside the runbook globs are added or changed, over the limit of ${MAX_RUNBOOK_CANDIDATES} read to find failover runbooks: none of them was judged; name the runbooks with the runbooks: globs, or split the change`,
  );
}
