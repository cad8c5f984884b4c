import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_TEXT_LIMIT, CHECK_TITLE_LIMIT, DEFAULT_COMMENT_BUDGET, fitLine, fitMarkdown, fitMarkdownBytes, fitText, STATUS_DESCRIPTION_LIMIT, SUMMARY_BYTE_BUDGET } from '../../src/report/github-limits.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe("issue 12: GitHub's size limits live in one file", () => {
  it('no other module of the GitHub edge or the reports writes one of them as a number', () => {
    // (65,536 is also a MiB ceiling of the event budget: the comment limit is checked by name in comments.ts.)
    const numbers = [DEFAULT_COMMENT_BUDGET, CHECK_TEXT_LIMIT, SUMMARY_BYTE_BUDGET].map((n) => [String(n), n.toLocaleString('en-US').replace(/,/g, '_')]).flat();
    const offenders = [...sources(path.join(ROOT, 'src/github')), ...sources(path.join(ROOT, 'src/report'))]
      .filter((file) => !file.endsWith('github-limits.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return numbers.filter((n) => new RegExp(`(?<![\\w.])${n}(?![\\w])`).test(text)).map((n) => `${path.relative(ROOT, file)}: ${n}`);
      });
    expect(offenders).toEqual([]);
  });

  it('each fit stays within its limit, and says so when it cuts', () => {
    const long = `# Review\n\n${'word '.repeat(30_000)}\n\n## Deletes\n\n${'line\n'.repeat(20_000)}`;
    expect(fitMarkdown(long, DEFAULT_COMMENT_BUDGET).length).toBeLessThanOrEqual(DEFAULT_COMMENT_BUDGET);
    expect(fitMarkdown(long, DEFAULT_COMMENT_BUDGET)).toContain('✂️ **cut here**');
    expect(Buffer.byteLength(fitMarkdownBytes('é'.repeat(SUMMARY_BYTE_BUDGET)), 'utf8')).toBeLessThanOrEqual(SUMMARY_BYTE_BUDGET);
    expect(fitText('x'.repeat(CHECK_TEXT_LIMIT + 10), CHECK_TEXT_LIMIT)).toHaveLength(CHECK_TEXT_LIMIT);
    expect(fitLine('a\nb '.repeat(200), CHECK_TITLE_LIMIT)).toHaveLength(CHECK_TITLE_LIMIT);
    expect(fitLine('a'.repeat(500), STATUS_DESCRIPTION_LIMIT)).toMatch(/^a{139}…$/);
    expect(fitMarkdown('short', DEFAULT_COMMENT_BUDGET)).toBe('short');
  });
});
