/**
 * Fast paths for the three loops where saxes 6.0.0 spends most of its time on a csexport file: names (tag and
 * attribute names), quoted attribute values, and character data nobody listens to. saxes reads every character
 * through `getCode()` (a call that also keeps line and column); these read a run of plain printable ASCII with
 * `charCodeAt` and keep line and column themselves, then leave the rest to saxes' own code.
 *
 * Each one does exactly what saxes' loop would have done on the same characters, or nothing at all: on anything
 * else (non-ASCII, a control character, `&`, `]`, `>`, a CR, the end of the chunk) it hands the construct back to
 * saxes' method unread, or (character data) after the plain characters it has already read as saxes would have.
 * The events, the values, the well-formedness errors and their line:column are saxes' own
 * (test/xml/saxes-fast-paths.test.ts compares both on random documents cut at random places).
 *
 * They are methods of a subclass (`captureNameChars`, `handleTextInRoot`, `sAttribValueQuoted`); saxes' own
 * prototype is untouched. saxes is pinned to 6.0.0 exactly (package.json): `createFastSaxesParser` checks that the
 * members they use are there and refuses otherwise.
 */
import { S_ATTRIB_VALUE_CLOSED, S_ATTRIB_VALUE_QUOTED, S_OPEN_WAKA } from './saxes-states.js';
import { SaxesParser, type SaxesOptions } from 'saxes';

/** saxes 6.0.0 constants (not exported). */
const NL_LIKE = -2;
const NL = 0x0a;
const TAB = 0x09;
const AMP = 0x26;
const LESS = 0x3c;
const GREATER = 0x3e;
const CLOSE_BRACKET = 0x5d;
const FORBIDDEN_START = 0;

/** The private members of saxes 6.0.0 these paths read and write. */
interface SaxesInternals {
  chunk: string;
  chunkPosition: number;
  i: number;
  prevI: number;
  line: number;
  column: number;
  positionAtNewLine: number;
  name: string;
  text: string;
  q: number | null;
  state: number;
  forbiddenState: number;
  textHandler: unknown;
  stateTable: ((this: SaxesInternals) => void)[];
  getCode(): number;
  pushAttrib(name: string, value: string): void;
}

/** ASCII characters of an XML name after its first (NameChar): letters, digits, `-`, `.`, `_`, `:`. */
const ASCII_NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9._:-]/.test(ch)) ASCII_NAME_CHAR[c] = 1;
}

type Method<R> = (this: SaxesInternals) => R;

/** saxes' own methods, which each fast path falls back to. */
interface SaxesMethods {
  captureNameChars: Method<number>;
  handleTextInRoot: Method<void>;
  sAttribValueQuoted: Method<void>;
}

function saxesMethods(prototype: object): SaxesMethods {
  const p = prototype as Partial<Record<keyof SaxesMethods, unknown>>;
  if (typeof p.captureNameChars !== 'function' || typeof p.handleTextInRoot !== 'function' || typeof p.sAttribValueQuoted !== 'function') {
    throw new Error('saxes changed its internals: the reader cannot install its fast paths (pin saxes 6.0.0)');
  }
  return p as SaxesMethods;
}

const original = saxesMethods(SaxesParser.prototype);

function captureNameChars(this: SaxesInternals): number {
  const { chunk } = this;
  const start = this.i;
  const end = chunk.length;
  let i = start;
  while (i < end && ASCII_NAME_CHAR[chunk.charCodeAt(i)] === 1) i++;
  // Ended by the chunk's end or by a character that may still be a name character: saxes reads it all.
  if (i >= end || chunk.charCodeAt(i) >= 0x80) return original.captureNameChars.call(this);
  this.column += i - start;
  this.i = i;
  // The ASCII character after the name, read as saxes reads it (a CR, a disallowed character: its own handling).
  const code = this.getCode();
  this.name += chunk.slice(start, this.prevI);
  return code === NL_LIKE ? NL : code;
}

function sAttribValueQuoted(this: SaxesInternals): void {
  const { chunk, q } = this;
  const start = this.i;
  const end = chunk.length;
  let i = start;
  for (; i < end; i++) {
    const code = chunk.charCodeAt(i);
    if (code === q || code === AMP || code === LESS || code < 0x20 || code > 0x7e) break;
  }
  // Only a value that is plain printable ASCII up to its closing quote, in this chunk; anything else is saxes'.
  if (i >= end || chunk.charCodeAt(i) !== q) {
    original.sAttribValueQuoted.call(this);
    return;
  }
  this.column += i - start + 1;
  this.prevI = i;
  this.i = i + 1;
  this.pushAttrib(this.name, this.text + chunk.slice(start, i));
  this.name = this.text = '';
  this.q = null;
  this.state = S_ATTRIB_VALUE_CLOSED;
}

function handleTextInRoot(this: SaxesInternals): void {
  // Character data someone listens to is cut into strings by saxes itself.
  if (this.textHandler !== undefined) {
    original.handleTextInRoot.call(this);
    return;
  }
  const { chunk } = this;
  const start = this.i;
  const end = chunk.length;
  let i = start;
  let lines = 0;
  let lastNewline = -1;
  for (; i < end; i++) {
    const code = chunk.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) {
      // `]` and `>` are saxes' (the "]]>" check), `<` and `&` end the text.
      if (code === LESS || code === AMP || code === CLOSE_BRACKET || code === GREATER) break;
    } else if (code === NL) {
      lines += 1;
      lastNewline = i;
    } else if (code !== TAB) {
      break;
    }
  }
  if (i > start) {
    if (lastNewline >= 0) {
      this.line += lines;
      this.column = i - lastNewline - 1;
      this.positionAtNewLine = this.chunkPosition + lastNewline + 1;
    } else {
      this.column += i - start;
    }
    this.prevI = i - 1;
    this.i = i;
    this.forbiddenState = FORBIDDEN_START;
  }
  if (i < end && chunk.charCodeAt(i) === LESS) {
    // As saxes does at `<` with no one listening: the tag begins.
    this.column += 1;
    this.prevI = i;
    this.i = i + 1;
    this.state = S_OPEN_WAKA;
    this.forbiddenState = FORBIDDEN_START;
    return;
  }
  if (i < end) {
    original.handleTextInRoot.call(this);
    return;
  }
  // The end of the chunk, as saxes' getCode() leaves it there.
  this.prevI = end;
  this.i = end + 1;
}

/**
 * SaxesParser with the fast paths as methods of a subclass's prototype: each parser keeps the shape saxes gives it
 * (members added to an instance after construction made V8 read every field of it the slow way: 3x the time).
 * saxes' constructor builds its state table from `this`, so the table takes the subclass's `sAttribValueQuoted`.
 */
class FastSaxesParser<O extends SaxesOptions> extends SaxesParser<O> {}
Object.defineProperties(FastSaxesParser.prototype, {
  captureNameChars: { value: captureNameChars, writable: true, configurable: true },
  handleTextInRoot: { value: handleTextInRoot, writable: true, configurable: true },
  sAttribValueQuoted: { value: sAttribValueQuoted, writable: true, configurable: true },
});

function hasInternals(parser: object): parser is SaxesInternals {
  const p = parser as Partial<Record<keyof SaxesInternals, unknown>>;
  return (
    typeof p.chunk === 'string' && typeof p.chunkPosition === 'number' && typeof p.i === 'number' && typeof p.prevI === 'number' &&
    typeof p.line === 'number' && typeof p.column === 'number' && typeof p.positionAtNewLine === 'number' &&
    typeof p.name === 'string' && typeof p.text === 'string' && typeof p.forbiddenState === 'number' &&
    typeof p.getCode === 'function' && typeof p.pushAttrib === 'function' && Array.isArray(p.stateTable) &&
    (p.stateTable as unknown[])[S_ATTRIB_VALUE_QUOTED] === sAttribValueQuoted
  );
}

/** A saxes 6.0.0 parser with the fast paths; throws if saxes' internals are not the expected ones. */
export function createFastSaxesParser<O extends SaxesOptions>(options: O): SaxesParser<O> {
  const parser = new FastSaxesParser<O>(options);
  if (!hasInternals(parser)) throw new Error('saxes changed its internals: the reader cannot install its fast paths (pin saxes 6.0.0)');
  return parser;
}
