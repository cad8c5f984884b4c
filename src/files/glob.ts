/**
 * Globs matched in linear time (issue 15 item 8). Globs reach the file sources from PR-controlled text (a
 * runbook's `staging.exports`, a `/verify-staging exports=` argument); a backtracking matcher made
 * `*a*a*a*a*a*a*a*a*a*a*.xml` against a 50-character name run for minutes. Here a path is matched one segment
 * at a time by a set-of-states walk (Thompson's construction): time is O(path length x pattern length), whatever
 * the pattern, and the pattern itself is bounded (MAX_GLOB_LENGTH, MAX_GLOB_WILDCARDS, MAX_GLOB_ALTERNATIVES).
 *
 * Syntax: `*` (within a segment), `?`, `[abc]`, `[a-z]`, `[^a]`, `**` as a whole segment (any number of
 * segments), `{a,b}` alternatives (nested). A `{` without a top-level comma and a `[` without a `]` are literal
 * (folder names such as `SYNC02 {staging}`). `dot: false` keeps `*`, `?`, classes and `**` off names that start
 * with a dot, as picomatch does.
 */
import { InputError } from '../errors.js';

export const MAX_GLOB_LENGTH = 1024;
export const MAX_GLOB_WILDCARDS = 64;
export const MAX_GLOB_ALTERNATIVES = 64;

export interface GlobOptions {
  /** Wildcards match names starting with a dot (default false). */
  dot?: boolean;
  /** Case-insensitive (default false). */
  nocase?: boolean;
}

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: [string, string][] };
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[] };

/** A matcher for `pattern`; an InputError naming the pattern when it is over a limit (fail closed, never a skip). */
export function compileGlob(pattern: string, options: GlobOptions = {}): (path: string) => boolean {
  const refuse = (reason: string): never => {
    throw new InputError(pattern.length > 120 ? `${pattern.slice(0, 120)}…` : pattern, `glob refused: ${reason}`);
  };
  if (pattern.length > MAX_GLOB_LENGTH) refuse(`${pattern.length} characters, over the ${MAX_GLOB_LENGTH}-character limit`);
  const wildcards = countWildcards(pattern);
  if (wildcards > MAX_GLOB_WILDCARDS) refuse(`${wildcards} wildcards, over the limit of ${MAX_GLOB_WILDCARDS}`);
  const fold = options.nocase ? (text: string) => text.toLowerCase() : (text: string) => text;
  const alternatives = expandBraces(fold(pattern), () => refuse(`its {…} alternatives expand to more than ${MAX_GLOB_ALTERNATIVES} patterns`));
  const compiled = alternatives.map((alternative) => alternative.split('/').map(parseSegment));
  const dot = options.dot ?? false;
  return (path: string) => {
    const segments = fold(path).split('/');
    return compiled.some((pattern) => matchSegments(pattern, segments, dot));
  };
}

function countWildcards(pattern: string): number {
  let count = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '?' || char === '[' || (char === '*' && pattern[i - 1] !== '*')) count++;
  }
  return count;
}

/** `{a,b}` alternatives, expanded (nested braces too); at most MAX_GLOB_ALTERNATIVES results. */
function expandBraces(pattern: string, tooMany: () => never): string[] {
  const open = findBraceGroup(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const results: string[] = [];
  for (const part of parts) {
    for (const expanded of expandBraces(pattern.slice(0, start) + part + pattern.slice(end + 1), tooMany)) {
      results.push(expanded);
      if (results.length > MAX_GLOB_ALTERNATIVES) tooMany();
    }
  }
  return results;
}

/** The first `{...}` with a top-level comma: its bounds and its comma-separated parts. */
function findBraceGroup(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = pattern.indexOf('{'); start >= 0; start = pattern.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '{') depth++;
      else if (char === '}') {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break;
          const bounds = [start, ...commas, i];
          return { start, end: i, parts: bounds.slice(1).map((bound, index) => pattern.slice(bounds[index]! + 1, bound)) };
        }
      } else if (char === ',' && depth === 1) commas.push(i);
    }
  }
  return undefined;
}

function parseSegment(segment: string): Segment {
  if (segment === '**') return { kind: 'globstar' };
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i]!;
    if (char === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: 'char', char });
    } else tokens.push({ kind: 'char', char });
  }
  return { kind: 'tokens', tokens };
}

/** `[...]` starting at `open`, or undefined when it is not closed (then `[` is literal). */
function parseClass(segment: string, open: number): { token: Token; end: number } | undefined {
  let i = open + 1;
  // Only `^` negates: picomatch (which matched these globs before) reads `[!a]` as `!` or `a`.
  const negated = segment[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  const first = i;
  for (; i < segment.length; i++) {
    const char = segment[i]!;
    if (char === ']' && i > first) return { token: { kind: 'class', negated, ranges }, end: i };
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      ranges.push([char, segment[i + 2]!]);
      i += 2;
    } else ranges.push([char, char]);
  }
  return undefined;
}

/** Whether path segments match pattern segments; `**` takes zero or more whole segments. */
function matchSegments(pattern: Segment[], path: string[], dot: boolean): boolean {
  // states: indices into `pattern` that the next path segment may be matched against.
  let states = closeGlobstars(new Set([0]), pattern);
  for (const segment of path) {
    const next = new Set<number>();
    for (const state of states) {
      const part = pattern[state];
      if (!part) continue;
      if (part.kind === 'globstar') {
        if (segment !== '' && (dot || !segment.startsWith('.'))) next.add(state);
      } else if (matchTokens(part.tokens, segment, dot)) next.add(state + 1);
    }
    if (next.size === 0) return false;
    states = closeGlobstars(next, pattern);
  }
  return states.has(pattern.length);
}

/** A globstar may match no segment: its next state is reachable too. */
function closeGlobstars(states: Set<number>, pattern: Segment[]): Set<number> {
  const closed = new Set(states);
  for (let state = 0; state < pattern.length; state++) if (closed.has(state) && pattern[state]!.kind === 'globstar') closed.add(state + 1);
  return closed;
}

/** One segment against its tokens: a set of token positions advanced one character at a time. */
function matchTokens(tokens: Token[], segment: string, dot: boolean): boolean {
  const hiddenStart = !dot && segment.startsWith('.');
  let states = closeStars(new Set([0]), tokens);
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i]!;
    const wildcardAllowed = !(hiddenStart && i === 0);
    const next = new Set<number>();
    for (const state of states) {
      const token = tokens[state];
      if (!token) continue;
      if (token.kind === 'star') {
        if (wildcardAllowed) next.add(state);
      } else if (token.kind === 'char') {
        if (token.char === char) next.add(state + 1);
      } else if (token.kind === 'any') {
        if (wildcardAllowed) next.add(state + 1);
      } else if (wildcardAllowed && inClass(token, char)) next.add(state + 1);
    }
    if (next.size === 0) return false;
    states = closeStars(next, tokens);
  }
  return states.has(tokens.length);
}

function closeStars(states: Set<number>, tokens: Token[]): Set<number> {
  const closed = new Set(states);
  for (let state = 0; state < tokens.length; state++) if (closed.has(state) && tokens[state]!.kind === 'star') closed.add(state + 1);
  return closed;
}

function inClass(token: Extract<Token, { kind: 'class' }>, char: string): boolean {
  const inside = token.ranges.some(([from, to]) => char >= from && char <= to);
  return inside !== token.negated;
}

/**
 * Why a glob from settings can never match a repository path as the user meant it, or undefined. Paths from git are
 * relative, `/`-separated and have no `.` or `..` segments: `./runbooks/*.md`, `/runbooks/*.md` and `runbooks\*.md`
 * would each match nothing, and a gate that looks at nothing says "no runbook in this PR". Refused instead.
 */
export function repositoryGlobProblem(pattern: string): string | undefined {
  const example = pattern.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.').join('/');
  if (pattern.trim() === '') return 'an empty glob matches nothing';
  if (pattern.includes('\\')) return `${JSON.stringify(pattern)} contains a backslash: repository paths are separated by "/" (write ${JSON.stringify(example)})`;
  if (pattern.startsWith('/')) return `${JSON.stringify(pattern)} starts with "/": repository paths are relative to its root (write ${JSON.stringify(example)})`;
  const segments = pattern.split('/');
  if (segments.includes('.')) return `${JSON.stringify(pattern)} has a "." segment: repository paths have none (write ${JSON.stringify(example)})`;
  if (segments.includes('..')) return `${JSON.stringify(pattern)} has a ".." segment: only files of the repository are read`;
  return undefined;
}
