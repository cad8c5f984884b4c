/**
 * GitHub's Markdown renderer for tests: cmark-gfm (the C library GitHub's comments go through) with GitHub's
 * extensions. Raw HTML is kept (`--unsafe`) as GitHub keeps it before its sanitizer: <details>, <summary>, <code>.
 * GitHub then links @mentions and #123 references in text outside code and links; `githubLinks` finds what it would
 * link. Without the binary the tests fail, naming the package: a rendering test that skips proves nothing.
 */
import { spawnSync } from 'node:child_process';

const ARGS = ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'];

export function renderGfm(markdown: string): string {
  const run = spawnSync('cmark-gfm', ARGS, { input: markdown, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) {
    throw new Error(`cmark-gfm could not be run (${run.error.message}): install the Debian package cmark-gfm (apt-get install cmark-gfm); .ci/run installs it`);
  }
  if (run.status !== 0) throw new Error(`cmark-gfm exited with ${run.status}: ${run.stderr}`);
  return run.stdout;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** What a reader sees: the HTML's text, tags removed, entities decoded, one line per block. */
export function visibleText(html: string): string {
  return decode(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/(p|h\d|li|tr|summary|details|pre|table)>|<br\s*\/?>/gi, '\n')
      .replace(/<\/t[dh]>\s*/gi, ' | ')
      .replace(/<[^>]+>/g, ''),
  );
}

interface TextNode {
  text: string;
  /** Inside <code>, <pre> or <a>: GitHub links nothing there. */
  inert: boolean;
}

function textNodes(html: string): TextNode[] {
  const nodes: TextNode[] = [];
  let depth = 0;
  for (const part of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)(code|pre|a)\b/i.exec(part);
    if (tag) depth += tag[1] === '/' ? -1 : 1;
    else if (!part.startsWith('<') && part !== '') nodes.push({ text: decode(part), inert: depth > 0 });
  }
  return nodes;
}

/**
 * What GitHub would turn into a link after rendering: @mentions (`@name`, `@org/team` after a non-word character)
 * and issue references (`#123`), in text outside code and links; and the links the renderer made itself (autolinks).
 */
export function githubLinks(html: string): { mentions: string[]; references: string[]; links: string[] } {
  const mentions: string[] = [];
  const references: string[] = [];
  for (const node of textNodes(html)) {
    if (node.inert) continue;
    for (const m of node.text.matchAll(/(?:^|[^\w`])@([a-z0-9][a-z0-9-]*)/gi)) mentions.push(m[0].trim());
    for (const m of node.text.matchAll(/(?:^|[^\w&])#(\d+)\b/g)) references.push(m[0].trim());
  }
  const links = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)].map((m) => m[1] ?? '');
  return { mentions, references, links };
}
