/**
 * The runbook's checklist: Markdown task items with visible ids and acknowledgements (docs/failover-gate.md).
 *
 *   - [x] One currently active sync server `one-active`        an item: the id is the trailing code span
 *   - [x] ack drift d-1a2b3c4d5e: staging tests the new rule    an acknowledgement of a drift finding, with a reason
 *   - [x] ack risky anchor-flip: HR re-hire batch, expected      an acknowledgement of a risky-change kind
 *
 * Items inside fenced code blocks or HTML comments are examples, not decisions: they are skipped. Look-alike
 * brackets and non-ASCII spaces are normalized so a pasted item is neither lost nor counted twice.
 */

export interface ChecklistItem {
  /** 1-based line in the runbook (front matter included). */
  line: number;
  ticked: boolean;
  /** The item text after the checkbox, normalized, id included. */
  text: string;
  /** The trailing `id` code span, when there is one. */
  id?: string;
  /** Indentation in columns (tabs count 4): nesting depth is visible to callers. */
  indent: number;
  /** The line needed Unicode normalization (look-alike brackets or spaces) to be read as an item. */
  normalized: boolean;
}

export type AcknowledgementTarget = { kind: 'drift'; id: string } | { kind: 'risky'; risk: string; attribute?: string };

export interface Acknowledgement {
  line: number;
  target: AcknowledgementTarget;
  reason: string;
}

export interface Checklist {
  items: ChecklistItem[];
  /** Ticked acknowledgement items that carry a reason. */
  acknowledgements: Acknowledgement[];
  /** Problems a reviewer should see: acks without a reason, duplicate ids. */
  notes: string[];
}

/** Brackets that look like [ and ] (fullwidth, mathematical, CJK). */
const OPEN_LOOKALIKES = /[\uFF3B\u27E6\u3010\u3014\u301A\u2045\u27E8\u298B\u298D\u298F]/g;
const CLOSE_LOOKALIKES = /[\uFF3D\u27E7\u3011\u3015\u301B\u2046\u27E9\u298C\u298E\u2990]/g;
/** Spaces other than U+0020 and tab: NBSP, en/em and other typographic spaces, narrow NBSP, ideographic space. */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Zero-width characters that hide between a bracket and its mark. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Marks that look like x. */
const X_LOOKALIKES = /[\u0445\u0425\u00D7\uFF58\uFF38\u2715\u2716\u2717\u2718\u2713\u2714]/g;
/** Bullets that look like -, * or +. */
const BULLET_LOOKALIKES: Record<string, string> = { '\uFF0D': '-', '\u2212': '-', '\uFF0A': '*', '\uFF0B': '+' };

/*
 * Every pattern here runs on PR-controlled lines: none may backtrack super-linearly (test/security/regex-budget.test.ts).
 * `(.*)$` carries the `s` flag: without it `.` stops at U+2028/U+2029, `$` fails, and the run of blanks before
 * `(.*)` is retried at every split (quadratic).
 */
const TASK = /^((?:[ \t]*>)*)([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/s;
const FENCE_OPEN = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})(.*)$/s;
/** An item's visible id: a code span of these characters, last on the line (read by trailingId, not a regex). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ACK = /^ack(?:nowledge)?[ \t]+(drift|risky)[ \t]+([^\s:]+)(?:[ \t]+([^\s:]+))?[ \t]*(?::[ \t]*(.*))?$/i;

export function parseChecklist(markdown: string, firstLine = 1): Checklist {
  const items: ChecklistItem[] = [];
  const acknowledgements: Acknowledgement[] = [];
  const notes: string[] = [];
  const lines = markdown.split(/\r\n|\r|\n/);
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  const indentedCode = new IndentedCodeTracker();

  lines.forEach((raw, index) => {
    const lineNumber = firstLine + index;
    if (fence) {
      const close = FENCE_OPEN.exec(raw);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') fence = undefined;
      return;
    }
    const { text: visible, inComment: stillInComment } = stripComments(raw, inComment);
    const wasInComment = inComment;
    inComment = stillInComment;
    if (!wasInComment) {
      const open = FENCE_OPEN.exec(visible);
      // A backtick fence's info string may not contain a backtick (CommonMark); otherwise it is inline code.
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length };
        return;
      }
    }
    if (indentedCode.skip(normalizeLine(visible))) return;
    const item = readTaskLine(visible, lineNumber);
    if (!item) return;
    items.push(item);
    const body = trailingId(item.text)?.before ?? item.text;
    const ack = ACK.exec(body.trim());
    if (!ack) return;
    const reason = (ack[4] ?? '').trim();
    if (!item.ticked) return;
    if (reason === '') {
      notes.push(`line ${lineNumber}: acknowledgement without a reason is not an acknowledgement`);
      return;
    }
    // The review offers `ack ... : <reason>` lines to paste: pasted unedited, they acknowledge nothing.
    if (reason.toLowerCase() === '<reason>') {
      notes.push(`line ${lineNumber}: the reason is still the placeholder <reason>: write why, or the item acknowledges nothing`);
      return;
    }
    const target: AcknowledgementTarget =
      ack[1]!.toLowerCase() === 'drift'
        ? { kind: 'drift', id: ack[2]! }
        : { kind: 'risky', risk: ack[2]!.toLowerCase(), ...(ack[3] ? { attribute: ack[3] } : {}) };
    acknowledgements.push({ line: lineNumber, target, reason });
  });

  const seen = new Map<string, number[]>();
  for (const item of items) if (item.id) seen.set(item.id, [...(seen.get(item.id) ?? []), item.line]);
  for (const [id, at] of seen) if (at.length > 1) notes.push(`id \`${id}\` appears ${at.length} times (lines ${at.join(', ')})`);
  return { items, acknowledgements, notes };
}

const LIST_LINE = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * CommonMark's indented code block: a line indented 4+ columns that does not continue a list is code, so an item
 * there is an example. Inside a list the same indentation is nesting. A blank line keeps the list open; a heading,
 * or a paragraph after a blank line, closes it.
 */
class IndentedCodeTracker {
  private inList = false;
  private afterBlank = true;
  private inCode = false;

  skip(line: string): boolean {
    if (line.trim() === '') {
      this.afterBlank = true;
      return false;
    }
    const indent = columns(/^[ \t]*/.exec(line)![0]);
    const blank = this.afterBlank;
    this.afterBlank = false;
    if (this.inCode && indent >= 4) return true;
    this.inCode = false;
    if (indent >= 4 && !this.inList && blank) {
      this.inCode = true;
      return true;
    }
    const heading = indent < 4 && /^#{1,6}(\s|$)/.test(line.trim());
    if (LIST_LINE.test(line)) this.inList = true;
    else if (indent < 2 && (blank || heading)) this.inList = false;
    // A heading ends its line's block: indented code may follow it directly (it cannot interrupt a paragraph).
    if (heading) this.afterBlank = true;
    return false;
  }
}

/** Removes `<!-- ... -->` spans (which may run over several lines) from one line. */
function stripComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
  let out = '';
  let rest = line;
  let open = inComment;
  while (rest.length > 0) {
    if (open) {
      const end = rest.indexOf('-->');
      if (end < 0) return { text: out, inComment: true };
      rest = rest.slice(end + 3);
      open = false;
    } else {
      const start = rest.indexOf('<!--');
      if (start < 0) return { text: out + rest, inComment: false };
      out += rest.slice(0, start);
      rest = rest.slice(start + 4);
      open = true;
    }
  }
  return { text: out, inComment: open };
}

function normalizeLine(line: string): string {
  let text = line.replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ').replace(OPEN_LOOKALIKES, '[').replace(CLOSE_LOOKALIKES, ']');
  text = text.replace(/^((?:[ \t]*>)*[ \t]*)([\uFF0D\u2212\uFF0A\uFF0B])/, (_, lead: string, bullet: string) => lead + BULLET_LOOKALIKES[bullet]);
  // A look-alike x counts only inside the checkbox, never elsewhere in the text.
  return text.replace(/^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([^\]])(\])/, (_, head: string, mark: string, close: string) => head + mark.replace(X_LOOKALIKES, 'x') + close);
}

function readTaskLine(line: string, lineNumber: number): ChecklistItem | undefined {
  const normalized = normalizeLine(line);
  const match = TASK.exec(normalized);
  if (!match) return undefined;
  const indent = columns(match[1]!.replace(/>/g, ' ') + match[2]!);
  const text = (match[5] ?? '').trim();
  const id = trailingId(text)?.id;
  return { line: lineNumber, ticked: match[4] !== ' ', text, ...(id ? { id } : {}), indent, normalized: normalized !== line };
}

/**
 * The trailing `id` code span and the text before it (blanks around the span dropped). Scanned from the end: the
 * regex it replaces, `/[ \t]*`(id)`[ \t]*$/`, restarted at every blank of a long run and was quadratic.
 */
function trailingId(text: string): { id: string; before: string } | undefined {
  let end = text.length;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end < 2 || text[end - 1] !== '`') return undefined;
  const open = text.lastIndexOf('`', end - 2);
  if (open < 0) return undefined;
  const id = text.slice(open + 1, end - 1);
  if (!ID.test(id)) return undefined;
  let start = open;
  while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
  return { id, before: text.slice(0, start) };
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function columns(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
