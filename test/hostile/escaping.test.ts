/**
 * Issue 8: text from files lands in Markdown escaped, end to end. An export file whose display names, UPNs, DNs,
 * object types, error details and attribute names are full of Markdown, HTML, mentions, issue references and links
 * goes through verifyStaging and the full review renderer (and the exports Markdown and CSV): table structure
 * intact, nobody pinged, no HTML from the file, no issue links, no autolinks, mermaid labels safe, CSV cells
 * guarded against formula injection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { renderExportsMarkdown } from '../../src/report/exports-markdown.js';
import { renderReview } from '../../src/report/review.js';
import { verifyStaging } from '../../src/verify/verify.js';
import { runCli } from '../support/cli.js';
import { put, removeWorkspaces, workspace } from './support.js';
import { ALL, hostileExport, NASTY } from './hostile-export.js';

afterEach(removeWorkspaces);

/** Markdown with fenced code blocks and code spans removed: what GitHub interprets as Markdown and HTML. */
function outsideCode(markdown: string): string {
  return markdown
    .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1\s*$/gm, '')
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ')
    .replace(/<code>[^<]*<\/code>/g, ' ');
}

/** Cell separators of a table row: `|` not escaped by a backslash. */
function separators(row: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i += 1) {
    if (row[i] === '\\') i += 1;
    else if (row[i] === '|') count += 1;
  }
  return count;
}

function expectSafeMarkdown(markdown: string): void {
  // Tables: every row has as many separators as its header.
  const lines = markdown.split('\n');
  let tables = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (!lines[i]?.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    tables += 1;
    const header = separators(lines[i] as string);
    for (let j = i; j < lines.length && lines[j]?.startsWith('|'); j += 1) expect(separators(lines[j] as string), lines[j]).toBe(header);
    // The line after a table is blank or not table-like: a newline from a file did not split a row.
    const after = lines.slice(i).find((line) => !line.startsWith('|'));
    if (after !== undefined) expect(after.includes('|') && separators(after) > 0 && !after.startsWith('<'), after).toBe(false);
  }
  expect(tables).toBeGreaterThan(3);

  const text = outsideCode(markdown);
  // Nobody is pinged: no @ directly followed by a letter, digit or team name.
  expect(text.match(/@[A-Za-z0-9]/g)).toBeNull();
  // No HTML from the file: the only tags are the ones we author, balanced.
  const tags = [...text.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => m[1]?.toLowerCase());
  for (const tag of tags) expect(['details', 'summary', 'br', 'a'], tag).toContain(tag); // br: the gate's evidence lines
  // The only <a> are the section anchors the first screen links to.
  for (const anchor of text.matchAll(/<a\b[^>]*>/g)) expect(anchor[0]).toMatch(/^<a name="syncstage-[a-z0-9-]+"><\/a>$|^<a name="syncstage-[a-z0-9-]+">$/);
  expect(text.match(/<details/g)?.length).toBe(text.match(/<\/details>/g)?.length);
  expect(text.match(/<summary>/g)?.length).toBe(text.match(/<\/summary>/g)?.length);
  expect(text).not.toMatch(/<(script|img)/i);
  // No issue references, no autolinks, no links from the file.
  expect(text).not.toMatch(/(?<!\\)#\d/);
  expect(text).not.toMatch(/\b(https?|javascript|ftp|mailto):/i);
  expect(text).not.toMatch(/\bwww\./i);
  // Links: only to the report's own sections.
  for (const link of text.matchAll(/(?<!\\)\]\((?!\))[^)]*/g)) expect(link[0]).toMatch(/^\]\(#syncstage-[a-z0-9-]+$/);
  // Mermaid blocks hold only our syntax and safe labels.
  for (const block of markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)) {
    for (const line of (block[1] as string).split('\n')) {
      expect(line, line).toMatch(/^(pie showData|    title [A-Za-z ]+|    "[^"<>`{}[\]()|#;:&\\@\n]*" : \d+)$/);
    }
  }
}

/** RFC 4180 rows (quoted fields may hold CR/LF and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i], `a quoted field at ${i}`).toBe('"');
    let cell = '';
    for (i += 1; ; i += 1) {
      if (text[i] === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (text[i] === '"') break;
      else if (i >= text.length) throw new Error('unterminated quoted field');
      else cell += text[i];
    }
    row.push(cell);
    i += 1;
    if (text[i] === ',') i += 1;
    else {
      if (text[i] === '\r') i += 1;
      expect(text[i], `end of row at ${i}`).toBe('\n');
      i += 1;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

function expectSafeCsv(text: string): void {
  const rows = parseCsv(text);
  expect(rows.length).toBeGreaterThan(2);
  const width = rows[0]?.length;
  for (const row of rows) {
    expect(row.length).toBe(width);
    for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
  }
  for (const formula of ['=HYPERLINK', '+SUM', '@SUM', '\tTab', '\rCR']) expect(rows.flat().some((cell) => cell.startsWith(`'${formula}`)), formula).toBe(true);
}

describe('escaping end to end', () => {
  it('the full review of a hostile export file keeps its structure and pings nobody', { timeout: 20_000 }, async () => {
    const cwd = workspace();
    // Beside the snapshot's own aad.xml, not over it: snapshot.json names aad.xml the Entra ID connector, and these
    // hostile objects carry AD-style DNs, a contradiction syncstage refuses (test/cli/exports-threshold.test.ts).
    put(cwd, 'SYNC02/exports/hostile.xml', hostileExport());
    put(cwd, `SYNC02/exports/${NASTY.slice(5, 9).join(' ')} x.xml`, hostileExport());
    // The runbook's own text is file text too: its title, item titles, acknowledgement ids and reasons.
    const runbook = readFileSync(path.join(cwd, 'runbook.md'), 'utf8')
      .replace(/^# .*$/m, `# Failover ${ALL.replace(/\n/g, ' ')}`)
      .replace('Pending exports verified', `Pending exports verified ${NASTY.filter((n) => !n.includes('`')).join(' ').replace(/[\r\n]+/g, ' ')}`)
      .concat(
        [
          `- [x] ack risky delete-add: ${ALL.replace(/\n/g, ' ')}`,
          `- [x] ack drift d-@octocat|#123<script>: ${ALL.replace(/\n/g, ' ')}`,
          `- [x] ack risky sensitive-attribute ${NASTY[0]}: @org/team`,
          `- [x] ack unknown ${ALL.replace(/\n/g, ' ')}`,
          '',
        ].join('\n'),
      );
    put(cwd, 'runbook.md', runbook);
    const result = await verifyStaging(new DiskFileSource(cwd), {
      primary: 'SYNC01',
      staging: 'SYNC02',
      exports: [],
      runbooks: ['runbook.md'],
      now: new Date('2026-11-24T12:00:00Z'),
    });
    expect(result.inputErrors).toEqual([]);
    expect(result.exports?.objects).toBeGreaterThan(10);
    const review = renderReview(result, { sha: '0123456789abcdef0123', baseName: 'main' });
    // The hostile text is there, escaped, not dropped.
    expect(review).toMatch(/Eve \\\| Mallory/);
    expect(review).toMatch(/&lt;script&gt;/);
    expect(review).toContain('```mermaid');
    expect(review).toMatch(/<details>/);
    expect(review).toMatch(/Failover gate/);
    expectSafeMarkdown(review);
    expectSafeMarkdown(renderExportsMarkdown(result.exports!));
  });

  it('exports Markdown from the CLI is safe too', { timeout: 20_000 }, async () => {
    const cwd = workspace();
    put(cwd, 'contoso.onmicrosoft.com - AAD.xml', hostileExport());
    const run = await runCli(['exports', 'contoso.onmicrosoft.com - AAD.xml'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expectSafeMarkdown(run.stdout);
  });

  it('CSV cells are guarded against formula injection, RFC 4180 quoting intact (exports and identities)', { timeout: 20_000 }, async () => {
    const cwd = workspace();
    put(cwd, 'aad.xml', hostileExport());
    const csv = await runCli(['exports', '--format', 'csv', 'aad.xml'], { cwd });
    expect(csv.code, csv.stderr).toBe(0);
    expectSafeCsv(csv.stdout);
    const identities = await runCli(['identities', 'aad.xml', '--out-dir', 'out', '--batch-size', '7'], { cwd });
    expect(identities.code, identities.stderr).toBe(0);
    const files = readdirSync(path.join(cwd, 'out'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expectSafeCsv(readFileSync(path.join(cwd, 'out', file), 'utf8'));
  });
});
