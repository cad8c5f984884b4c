/**
 * Escaping for text that comes from files (DNs, display names, rule names, error details) on its way into
 * GitHub Markdown. Everything from a file is hostile: a `|` breaks a table, a newline ends it, `@name` pings a
 * person, `#123` links an issue, `<` opens HTML, backticks and brackets start code and links.
 * markdown-table escapes nothing, so every cell goes through escapeCell.
 */
import { markdownTable } from 'markdown-table';

/**
 * Tokens GitHub would turn into something else, or that people copy: `@` (a mention, or an address someone pastes
 * into the admin center), `#123` (an issue link), URLs and schemes (autolinks). They are shown as code, where GitHub
 * links and pings nothing, so no invisible character has to be slipped into a UPN to keep it inert.
 */
const INERT = /@|#\d|:\/\/|\bwww\.|\b(?:https?|ftp|mailto|file|javascript|data|vbscript):/i;
/** Runs that separate tokens: whitespace and `|` (a code span never holds a `|`, so it is safe in a table cell and in prose alike). */
const SEPARATORS = /([\s|]+)/;

function oneLine(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

/** Markdown punctuation escaped, HTML turned into entities. */
function escapePlain(value: string): string {
  return (
    value
      // Backslash first, then the characters that start Markdown constructs.
      // `>` is not here: it becomes &gt; below, and `\&gt;` would render as the literal text "&gt;".
      .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/** The text between HTML tags (a <summary>): entities only, Markdown is not read there. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * An inert token without the sentence's punctuation around it ("UPN a@b.com:" -> "a@b.com" in code, ":" after), so
 * what is copied from the code is the value; a closing bracket stays when the token opened it.
 */
function trimmed(token: string): { text: string; inert: boolean }[] {
  let start = 0;
  let end = token.length;
  while (end > start && /[:;,.!?]/.test(token[end - 1] ?? '')) end -= 1;
  while (end > start && token[end - 1] === ')' && count(token.slice(start, end), ')') > count(token.slice(start, end), '(')) end -= 1;
  while (start < end && token[start] === '(' && count(token.slice(start, end), '(') > count(token.slice(start, end), ')')) start += 1;
  const core = token.slice(start, end);
  if (core === '' || !INERT.test(core)) return [{ text: token, inert: true }];
  return [{ text: token.slice(0, start), inert: false }, { text: core, inert: true }, { text: token.slice(end), inert: false }].filter((part) => part.text !== '');
}

/** Splits one line into tokens and separators; `inert` says which tokens go into code. */
function tokens(value: string): { text: string; inert: boolean }[] {
  return oneLine(value)
    .split(SEPARATORS)
    .filter((part) => part !== '')
    .flatMap((part) => (!/^[\s|]+$/.test(part) && INERT.test(part) ? trimmed(part) : [{ text: part, inert: false }]));
}

/**
 * Escapes inline text: Markdown punctuation, HTML; mentions, issue references and links as code spans. One line.
 * Renders as the text itself: no visible backslash, no invisible character.
 */
export function escapeText(value: string): string {
  return tokens(value)
    .map((token) => (token.inert ? codeSpan(token.text) : escapePlain(token.text)))
    .join('');
}

/** The same for HTML contexts (a <summary>, where Markdown is not read): entities, and <code> for inert tokens. */
export function escapeHtmlText(value: string): string {
  return tokens(value)
    .map((token) => (token.inert ? `<code>${escapeHtml(token.text)}</code>` : escapeHtml(token.text)))
    .join('');
}

/** A table cell: inline-escaped; `|` is escaped by escapeText. */
export function escapeCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'number' ? formatNumber(value) : escapeText(value);
}

/**
 * A code span that nothing can break out of: the fence is longer than any backtick run inside, newlines become
 * spaces. A `|` is left outside the code, escaped (`\|` renders as `|` in prose and in a table cell alike, where
 * inside a code span the backslash would show), so the span is safe inside a table row too.
 */
export function codeSpan(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, ' ')
    .split('|')
    .map((part) => (part === '' ? '' : fenced(part)))
    .join('\\|');
}

function fenced(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function codeBlock(value: string, language = ''): string {
  const longest = Math.max(2, ...Array.from(value.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${value.replace(/\r\n|\r/g, '\n')}\n${fence}`;
}

/** A Markdown table from already-plain values; every cell is escaped here. */
export function table(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[], align?: readonly ('l' | 'r' | 'c')[]): string {
  return markdownTable(
    [header.map((cell) => escapeCell(cell)), ...rows.map((row) => row.map((cell) => escapeCell(cell)))],
    { align: align ? [...align] : undefined },
  );
}

/** A table whose cells are already Markdown (escaped by the caller, e.g. code spans). */
export function rawTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r' | 'c')[]): string {
  return markdownTable([[...header], ...rows.map((row) => [...row])], { align: align ? [...align] : undefined });
}

/**
 * A collapsed section. The summary is plain text, escaped for HTML (a <summary> is not Markdown: a backslash there
 * would show); the body is Markdown (blank lines keep GitHub rendering it).
 */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${escapeHtmlText(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** A label safe inside a mermaid chart: quotes, brackets and markup removed. */
export function mermaidLabel(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/["'`<>{}[\]()|#;:&\\]/g, ' ')
    .replace(/@/g, ' at ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40) || '-';
}

/** 1204 -> "1,204": the separator people read at a glance. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 add", "3 adds". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
