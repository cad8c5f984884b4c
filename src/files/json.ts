/**
 * JSON text -> value, with the position of the first syntax error: V8's JSON.parse messages often carry no offset
 * ("Unexpected token 'h', "hello" is not valid JSON") and quote the file's text. A small iterative scanner (no
 * recursion: 10,000 nested brackets cost nothing) finds the offset only when JSON.parse has already failed.
 */
import { InputError, type InputPosition } from '../errors.js';

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const message = (error as Error).message
      .replace(/, ".*$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    throw new InputError(where, `not valid JSON (${message})`, offset < 0 ? undefined : positionAt(text, offset));
  }
}

/** Line and column (1-based, in characters) of an offset. */
export function positionAt(text: string, offset: number): InputPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** Offset of the first JSON syntax error, or -1 when the text is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i += 1; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i += 1;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 5;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 1;
        else return false;
      }
    }
    return false;
  };
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    ws();
    if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i += 1;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i += 1;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
        state = 'after';
        continue;
      }
      for (const pattern of [NUMBER, LITERAL]) {
        pattern.lastIndex = i;
        if (pattern.test(text)) {
          i = pattern.lastIndex;
          state = 'after';
          break;
        }
      }
      if (state !== 'after') return i;
    } else if (state === 'key') {
      if (!string()) return i;
      ws();
      if (text[i] !== ':') return i;
      i += 1;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : -1;
      const c = text[i];
      if (c === ',') {
        i += 1;
        state = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i += 1;
      } else return i;
    }
  }
}
