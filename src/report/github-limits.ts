/**
 * GitHub's size limits, all in one place, and the functions that fit text to them. Over a limit GitHub refuses the
 * write (a comment: 422 "Body is too long"), cuts it silently (a status description), or drops it whole (a job summary
 * over 1 MiB): syncstage cuts first, at a boundary a reader can follow, and says where the whole report is.
 */

/** An issue or pull-request comment's body, in characters: GitHub refuses longer (422 "Body is too long"). */
export const COMMENT_HARD_LIMIT = 65_536;
/** What syncstage aims for in a comment: room under the limit for the marker and for GitHub counting differently than JS. */
export const DEFAULT_COMMENT_BUDGET = 60_000;
/** Below this a report is no longer worth cutting further: the note alone is posted. */
export const MINIMUM_COMMENT_BUDGET = 2_000;
/** A check run's output.summary and output.text. */
export const CHECK_TEXT_LIMIT = 65_535;
/** A check run's output.title. */
export const CHECK_TITLE_LIMIT = 255;
/** A commit status's description. */
export const STATUS_DESCRIPTION_LIMIT = 140;
/** A step's job summary, in UTF-8 bytes: 1 MiB, less room for anything else a workflow adds to the same step. */
export const SUMMARY_BYTE_BUDGET = 1_000_000;

export const CUT_NOTE = '\n\n---\n✂️ **cut here**: this comment is over the size GitHub allows; the whole report is in the job summary / report file.\n';
export const SUMMARY_CUT_NOTE = '\n\n---\n✂️ **cut here**: the job summary is limited to 1 MiB; the whole report is in the report file (output `report`).\n';

function countOccurrences(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Closes what a cut left open: `<details>` blocks and a code fence. Exported for the linear-time tests. */
export function closeOpenBlocks(text: string): string {
  let closing = '';
  if (countOccurrences(text, /^[ \t]*(```|~~~)/gm) % 2 === 1) closing += '\n```';
  const open = countOccurrences(text, /<details\b/gi) - countOccurrences(text, /<\/details>/gi);
  for (let i = 0; i < open; i++) closing += '\n\n</details>';
  return closing;
}

/** Where a cut may happen: before a heading, before a `<details>` block, else at a blank line, else at a line end. */
function lastBoundary(text: string, limit: number): number {
  const head = text.slice(0, limit);
  for (const pattern of [/\n\n<!-- syncstage:section -->/g, /\n#{1,6} /g, /\n<details\b/g, /\n\n/g, /\n/g]) {
    let last = -1;
    for (const match of head.matchAll(pattern)) last = match.index;
    if (last > limit / 4) return last;
  }
  // No boundary in sight: cut between characters, never inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * The Markdown itself when it fits the budget; otherwise cut at the last section boundary that leaves room for the
 * closing tags and the note saying where the whole report is. The result is never longer than the budget.
 */
export function fitMarkdown(markdown: string, budget: number, note: string = CUT_NOTE): string {
  if (markdown.length <= budget) return markdown;
  // Closing tags are bounded by what is open; reserve generously so the final text stays under budget.
  let limit = Math.max(0, budget - note.length - 200);
  for (;;) {
    const cut = lastBoundary(markdown, limit);
    const kept = markdown.slice(0, cut).trimEnd();
    const body = kept + closeOpenBlocks(kept) + note;
    if (body.length <= budget || limit === 0) return body.length <= budget ? body : note.slice(0, budget);
    limit = Math.max(0, limit - (body.length - budget) - 1);
  }
}

/** The Markdown when its UTF-8 size fits, else cut at a section boundary with a note, by bytes not characters. */
export function fitMarkdownBytes(markdown: string, maxBytes: number = SUMMARY_BYTE_BUDGET): string {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) return markdown;
  // A UTF-16 unit is at most 3 UTF-8 bytes; start there and tighten until it fits.
  let budget = Math.min(markdown.length, Math.floor(maxBytes / 1.5));
  for (;;) {
    const body = fitMarkdown(markdown, budget, SUMMARY_CUT_NOTE);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes <= maxBytes) return body;
    budget = Math.floor(budget * (maxBytes / bytes) * 0.98);
  }
}

/** Text cut to `limit` characters with a note of how much was cut; unchanged when it fits. */
export function fitText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = (cut: number) => `\n\n… cut: ${cut.toLocaleString('en-US')} more characters did not fit GitHub's ${limit.toLocaleString('en-US')}-character limit.`;
  let keep = limit - note(text.length).length;
  // The note's own length depends on the number in it; one correction settles it.
  keep = limit - note(text.length - keep).length;
  return text.slice(0, Math.max(0, keep)) + note(text.length - keep);
}

/** A one-line text cut to `limit` characters, ending with an ellipsis when cut. */
export function fitLine(text: string, limit: number): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1)}…`;
}
