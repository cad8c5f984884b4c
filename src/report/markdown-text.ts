/**
 * Escaping for text that comes from files (DNs, display names, rule names, error details) on its way into
 * GitHub Markdown. Everything from a file is hostile: a `|` breaks a table, a newline ends it, `@name` pings a
 * person, `#123` links an issue, `<` opens HTML, backticks and brackets start code and links.
 * markdown-table escapes nothing, so every cell goes through escapeCell.
 */
import { markdownTable } from 'markdown-table';

const ZERO_WIDTH_SPACE = '\u200b';

/** Escapes inline text: Markdown punctuation, HTML, mentions, issue references, bare links. One line. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n|\r|\n/g, ' ')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
      // Backslash first, then the characters that start Markdown constructs.
      // `>` is not here: it becomes &gt; below, and `\&gt;` would render as the literal text "&gt;".
      .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // @mention and team mentions: a zero-width space after @ stops the ping and keeps the text readable.
      .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
      // Autolinks: break the scheme so GitHub does not link it.
      .replace(/\b(https?|ftp|mailto|file|javascript|data):/gi, `$1${ZERO_WIDTH_SPACE}:`)
      .replace(/\bwww\./gi, `www${ZERO_WIDTH_SPACE}.`)
  );
}

/** A table cell: inline-escaped; `|` is escaped by escapeText. */
export function escapeCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'number' ? formatNumber(value) : escapeText(value);
}

/**
 * A code span that nothing can break out of: the fence is longer than any backtick run inside,
 * newlines become spaces, and `|` is escaped so the span is safe inside a table row too.
 */
export function codeSpan(value: string): string {
  const text = value.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
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

/** A collapsed section. The summary is escaped; the body is Markdown (blank lines keep GitHub rendering it). */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${escapeText(summary)}</summary>\n\n${body}\n\n</details>`;
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
