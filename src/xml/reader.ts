/**
 * The project's one XML stack: the strict `saxes` tokenizer over a Node stream, in bounded memory.
 *
 * - The encoding comes from the BOM, else from the byte pattern of `<?` (UTF-16 without BOM), else from the
 *   XML declaration's `encoding` (windows-1252 / ISO-8859-1 are honoured), else UTF-8. Invalid UTF-8 is an error,
 *   never silently replaced.
 * - gzip input (magic bytes 1f 8b) is gunzipped on the fly, with a ceiling: at most `maxInflatedBytes` (8 GiB)
 *   inflated, and at most `maxInflationRatio` (200) inflated bytes per compressed byte once more than 64 MiB has
 *   been inflated. A decompression bomb (4 MB of gzip that inflates to 4 GiB of whitespace) is refused early instead
 *   of being read for a minute, naming the file, the limit and the setting that raises it (read-limits.ts).
 * - A `<!DOCTYPE>` is refused at its `<!DOCTYPE` keyword, before anything in it is read: no DTD, no entity
 *   expansion, ever.
 * - saxes keeps no limit on what it buffers; this reader does (see `guardBuffers`): character data and CDATA
 *   longer than 64 Ki characters are handed over in pieces, counted (`textLength`) and kept only up to
 *   `maxTextLength`; any other single construct (a tag, an attribute value, a comment, a name, an entity reference)
 *   longer than that is refused. A 10 MB value or attribute costs nothing.
 * - Long parses yield to the event loop every ~10 ms, so a server answers other requests meanwhile.
 * - Every failure is an InputError with file:line:column.
 */
import type { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import type { SaxesParser } from 'saxes';
import { InputError, type InputPosition } from '../errors.js';
import { raisedBy, readLimitSpec, type ReadLimits } from './read-limits.js';
import { S_CDATA, S_CDATA_ENDING_2, S_DOCTYPE, S_DTD_PI_ENDING, S_ENTITY, S_OPEN_WAKA, S_OPEN_WAKA_BANG, S_TEXT } from './saxes-states.js';
import { createFastSaxesParser } from './saxes-fast-paths.js';

export interface XmlElementHandler {
  /**
   * An element opened. `attributes` is the parser's object: read it now, it is not copied. Returning `false` says the
   * character data right after this start tag (up to the next tag: a leaf's whole text) is not wanted: the tokenizer
   * then checks it without copying it out, and a leaf's close() gets '' and 0. Any other return value keeps it.
   */
  open(name: string, attributes: Readonly<Record<string, string>>): boolean | void;
  /**
   * An element closed. `text` is the character data since the last tag (the element's own text for a leaf),
   * cut at maxTextLength; `textLength` is its full length.
   */
  close(name: string, text: string, textLength: number): void;
}

export interface XmlReadOptions {
  /** Accepted root element names; anything else is an error naming them. */
  roots?: readonly string[];
  /** Longest text kept per element (characters). Default 1 MiB. */
  maxTextLength?: number;
  /** Deepest element nesting accepted. Default 256. */
  maxDepth?: number;
  /** Most bytes gzip input may inflate to. Default 8 GiB. */
  maxInflatedBytes?: number;
  /**
   * Most inflated bytes per compressed byte read, checked once more than `inflationRatioCheckedAfter` bytes have
   * been inflated (small files compress far better than any real export). Default 200.
   */
  maxInflationRatio?: number;
  /** Inflated bytes after which maxInflationRatio applies. Default 64 MiB. */
  inflationRatioCheckedAfter?: number;
  /** How maxInflatedBytes and maxInflationRatio are raised where the run was configured, for the refusal. */
  raisedBy?: ReadLimits['raisedBy'];
  /** Called with the number of bytes read so far (compressed bytes for gzip input), for progress. */
  onBytes?: (bytesRead: number) => void;
}

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the reader learnt of the file, for the report. */
export interface XmlReadResult {
  encoding: XmlEncoding;
  gzip: boolean;
  bytesRead: number;
  root: string;
}

/** Handlers call this to stop the parse with an error at the current position. */
export class XmlContext {
  constructor(
    readonly file: string,
    private readonly parser: SaxesParser,
  ) {}

  /** The line and column (1-based) of the last character the parser read. */
  position(): InputPosition {
    return { line: this.parser.line, column: Math.max(1, this.parser.column) };
  }

  fail(reason: string): never {
    throw new InputError(this.file, reason, this.position());
  }
}

/**
 * The longest single construct saxes may hold: character data and CDATA beyond it are handed to the handler in
 * pieces; any other construct beyond it is refused (sax, the earlier tokenizer, refused attribute values over 64 KiB
 * too).
 */
export const MAX_MARKUP_LENGTH = 64 * 1024;
/** Most attributes on one element. */
const MAX_ATTRIBUTES = 1024;
/** Characters handed to saxes per write: the buffer guard runs between writes. */
const WRITE_SLICE = 64 * 1024;
/** Parsing time after which the reader lets the event loop run (timers, sockets, other requests). */
const YIELD_EVERY_MS = 10;
/** Reads in progress in this process: they share YIELD_EVERY_MS. */
let activeReaders = 0;


/** The buffers saxes 6.0.0 keeps without a limit (private fields), read between writes to bound them. */
interface SaxesBuffers {
  state: number;
  entityReturnState: number | undefined;
  /** Character data, CDATA, comment, attribute value, processing instruction or DOCTYPE text so far. */
  text: string;
  entity: string;
  name: string;
  piTarget: string;
  attribList: unknown[];
  /** The `text` event's handler: undefined while no one listens, and saxes then copies no character data out. */
  textHandler: ((text: string) => void) | undefined;
}

function exposesBuffers(parser: object): parser is SaxesBuffers {
  return (
    'state' in parser && typeof parser.state === 'number' &&
    'text' in parser && typeof parser.text === 'string' &&
    'entity' in parser && typeof parser.entity === 'string' &&
    'name' in parser && typeof parser.name === 'string' &&
    'piTarget' in parser && typeof parser.piTarget === 'string' &&
    'attribList' in parser && Array.isArray(parser.attribList) &&
    'entityReturnState' in parser
  );
}

const DEFAULT_MAX_TEXT = 1024 * 1024;
const DEFAULT_MAX_DEPTH = 256;
/** The gzip ceiling: a ratio far above what XML text compresses to, judged only once the file is big enough to matter. */
export const DEFAULT_MAX_INFLATED_BYTES = readLimitSpec('maxInflatedBytes').default * readLimitSpec('maxInflatedBytes').scale;
export const DEFAULT_MAX_INFLATION_RATIO = readLimitSpec('maxInflationRatio').default;
export const DEFAULT_INFLATION_RATIO_CHECKED_AFTER = 64 * 1024 ** 2;
const ENCODING_SNIFF_BYTES = 512;

/**
 * Declared encodings read as UTF-8 when no BOM says otherwise: UTF-8 itself, and UTF-16 declared on 8-bit bytes (a
 * .NET habit: the declaration names the in-memory string, the file was written as UTF-8). Anything else is refused.
 */
const UTF8_COMPATIBLE_DECLARATIONS = /^(utf-?8|utf-?16(le|be)?|unicode)$/;

export class UnsupportedEncodingError extends Error {
  constructor(readonly declared: string) {
    super(`the file declares encoding="${declared}", which syncstage does not read (UTF-8, UTF-16 or windows-1252): re-export it as UTF-8`);
  }
}

export function detectEncoding(head: Uint8Array): { encoding: XmlEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { encoding: 'utf-16be', bomLength: 0 };
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(Buffer.from(head.subarray(0, 512)).toString('latin1'));
  const name = declared?.[1]?.toLowerCase();
  if (name && /^(windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(name)) return { encoding: 'windows-1252', bomLength: 0 };
  if (name && !UTF8_COMPATIBLE_DECLARATIONS.test(name)) throw new UnsupportedEncodingError(declared?.[1] ?? name);
  return { encoding: 'utf-8', bomLength: 0 };
}

class Utf16BeDecoder {
  private readonly inner = new TextDecoder('utf-16le', { fatal: true });
  private carry: number | undefined;
  decode(chunk: Uint8Array, stream: boolean): string {
    // Swap byte pairs, carrying an odd trailing byte to the next chunk, then decode as little-endian.
    let bytes = chunk;
    if (this.carry !== undefined) {
      bytes = new Uint8Array(chunk.length + 1);
      bytes[0] = this.carry;
      bytes.set(chunk, 1);
      this.carry = undefined;
    }
    const even = bytes.length - (bytes.length % 2);
    if (even < bytes.length) this.carry = bytes[even];
    const swapped = Buffer.from(bytes.subarray(0, even));
    swapped.swap16();
    return this.inner.decode(swapped, { stream });
  }
}

/**
 * UTF-8 through Buffer#toString (simdutf) after isUtf8 validation: about twice as fast as a fatal TextDecoder on
 * large files. An incomplete sequence at the end of a chunk is carried to the next one.
 */
function makeUtf8Decoder(): (chunk: Uint8Array, stream: boolean) => string {
  let carry: Buffer | undefined;
  return (chunk, stream) => {
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes = carry ? Buffer.concat([carry, input]) : input;
    carry = undefined;
    let end = bytes.length;
    if (stream) {
      let i = end - 1;
      while (i >= 0 && end - i <= 3 && ((bytes[i] as number) & 0xc0) === 0x80) i -= 1;
      const lead = bytes[i];
      if (lead !== undefined && lead >= 0xc0) {
        const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (end - i < need) end = i;
      }
      if (end < bytes.length) carry = Buffer.from(bytes.subarray(end));
    }
    const complete = end < bytes.length ? bytes.subarray(0, end) : bytes;
    if (!isUtf8(complete)) throw new TypeError('invalid UTF-8');
    return complete.toString('utf8');
  };
}

function makeDecoder(encoding: XmlEncoding): (chunk: Uint8Array, stream: boolean) => string {
  if (encoding === 'utf-8') return makeUtf8Decoder();
  if (encoding === 'utf-16be') {
    const be = new Utf16BeDecoder();
    return (chunk, stream) => be.decode(chunk, stream);
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (chunk, stream) => decoder.decode(chunk, { stream });
}

const DOCTYPE_REFUSED = 'a <!DOCTYPE> declaration is not accepted (DTDs and entities are refused, never expanded)';
const DOCTYPE_KEYWORD = '<!DOCTYPE';

/**
 * Reads one XML document from `input`, calling `handler` for each element. Resolves when the document is
 * complete and well formed; rejects with an InputError otherwise (the stream is destroyed).
 */
export async function readXml(
  input: Readable,
  file: string,
  handler: XmlElementHandler | ((context: XmlContext) => XmlElementHandler),
  options: XmlReadOptions = {},
): Promise<XmlReadResult> {
  const maxText = options.maxTextLength ?? DEFAULT_MAX_TEXT;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const parser = createFastSaxesParser({ xmlns: false, position: true });
  const buffers: object = parser;
  if (!exposesBuffers(buffers)) throw new Error('saxes changed its internals: the reader cannot bound its buffers (pin saxes 6.0.0)');
  const context = new XmlContext(file, parser);
  const elements = typeof handler === 'function' ? handler(context) : handler;

  let text = '';
  let textLength = 0;
  let depth = 0;
  let root = '';
  let rootClosed = false;
  let failure: unknown;

  const onText = (chunk: string) => {
    textLength += chunk.length;
    if (text.length < maxText) text += text.length + chunk.length <= maxText ? chunk : chunk.slice(0, maxText - text.length);
  };
  parser.on('error', (error: Error) => {
    // saxes prefixes "line:column: " and ends with a full stop; the position is ours.
    const reason = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw new InputError(file, `malformed XML: ${reason}`, context.position());
  });
  parser.on('doctype', () => context.fail(DOCTYPE_REFUSED));
  parser.on('text', onText);
  parser.on('cdata', onText);
  if (buffers.textHandler !== onText) throw new Error('saxes changed its internals: the reader cannot switch its text handler (pin saxes 6.0.0)');
  // Whether saxes hands over character data now: off from a start tag whose handler said false up to the next tag.
  let textWanted = true;
  parser.on('opentag', (tag) => {
    if (depth === 0) {
      if (rootClosed) context.fail('a second root element');
      root = tag.name;
      if (options.roots && !options.roots.includes(tag.name)) {
        context.fail(`unexpected root element <${tag.name}>, expected ${options.roots.map((r) => `<${r}>`).join(' or ')}`);
      }
    }
    depth += 1;
    if (depth > maxDepth) context.fail(`elements nested deeper than ${maxDepth} levels`);
    text = '';
    textLength = 0;
    if ((elements.open(tag.name, tag.attributes) !== false) !== textWanted) {
      textWanted = !textWanted;
      buffers.textHandler = textWanted ? onText : undefined;
    }
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    if (depth === 0) rootClosed = true;
    const value = text;
    const length = textLength;
    text = '';
    textLength = 0;
    if (!textWanted) {
      textWanted = true;
      buffers.textHandler = onText;
    }
    elements.close(tag.name, value, length);
  });

  /**
   * saxes holds each construct whole until it ends. Between writes: character data and CDATA over the limit are
   * taken out of its buffer and handed over now (counted, kept up to maxText); anything else over the limit is
   * refused; a DOCTYPE begun is refused.
   */
  const guardBuffers = () => {
    const { state } = buffers;
    if (state >= S_DOCTYPE && state <= S_DTD_PI_ENDING) failAtDoctype();
    if (buffers.text.length > MAX_MARKUP_LENGTH) {
      const characterData = state === S_TEXT || (state >= S_CDATA && state <= S_CDATA_ENDING_2) || (state === S_ENTITY && buffers.entityReturnState === S_TEXT);
      if (!characterData) context.fail(`a tag, attribute value, comment or processing instruction longer than ${MAX_MARKUP_LENGTH} characters (refused, not read into memory)`);
      onText(buffers.text);
      buffers.text = '';
    }
    if (buffers.name.length > MAX_MARKUP_LENGTH || buffers.entity.length > MAX_MARKUP_LENGTH || buffers.piTarget.length > MAX_MARKUP_LENGTH) {
      context.fail(`a name or entity reference longer than ${MAX_MARKUP_LENGTH} characters (refused, not read into memory)`);
    }
    if (buffers.attribList.length > MAX_ATTRIBUTES) context.fail(`an element with more than ${MAX_ATTRIBUTES} attributes`);
  };
  /** The position of `<!DOCTYPE`'s `<`: the parser has read the keyword, on one line. */
  const failAtDoctype = (): never => {
    const at = context.position();
    throw new InputError(file, DOCTYPE_REFUSED, { line: at.line, column: Math.max(1, at.column - DOCTYPE_KEYWORD.length + 1) });
  };
  const write = (piece: string) => {
    parser.write(piece);
    guardBuffers();
  };
  /**
   * Before the root element, a DOCTYPE may come: write up to the end of each `<!` keyword and look at the state,
   * so that nothing after `<!DOCTYPE` reaches the parser.
   */
  const writeProlog = (decoded: string): number => {
    let from = 0;
    // A `<` or `<!` cut by the previous piece: its keyword is completed one character at a time.
    while (from < decoded.length && (buffers.state === S_OPEN_WAKA || buffers.state === S_OPEN_WAKA_BANG)) {
      write(decoded.slice(from, from + 1));
      from += 1;
    }
    while (!root && from < decoded.length) {
      const bang = decoded.indexOf('<!', from);
      const to = bang < 0 ? decoded.length : Math.min(decoded.length, bang + DOCTYPE_KEYWORD.length);
      write(decoded.slice(from, to));
      from = to;
    }
    return from;
  };
  /**
   * Not XML at all (a log, JSON, binary that decodes): said at its first character, where saxes would only say
   * "text data outside of root node" once the text ends.
   */
  let sawFirstCharacter = false;
  const checkFirstCharacter = (decoded: string) => {
    const first = /[^ \t\r\n\ufeff]/.exec(decoded);
    if (!first) return;
    sawFirstCharacter = true;
    if (first[0] === '<') return;
    const before = decoded.slice(0, first.index);
    const lines = before.split('\n');
    throw new InputError(file, 'not XML: the file must begin with a tag ("<")', { line: parser.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + (lines.length === 1 ? parser.column : 0) + 1 });
  };
  const writeText = (decoded: string) => {
    if (!sawFirstCharacter) checkFirstCharacter(decoded);
    let from = root ? 0 : writeProlog(decoded);
    if (from === 0 && decoded.length <= WRITE_SLICE) {
      write(decoded);
      return;
    }
    for (; from < decoded.length; from += WRITE_SLICE) write(decoded.slice(from, from + WRITE_SLICE));
  };

  let bytesRead = 0;
  let encoding: XmlEncoding | undefined;
  let decode: ((chunk: Uint8Array, stream: boolean) => string) | undefined;
  let gzip = false;
  let head: Buffer | undefined;

  let bytesDecoded = 0;
  const feed = (chunk: Uint8Array, last: boolean) => {
    if (!decode) {
      if (chunk.length === 0 && !last) return;
      let detected: ReturnType<typeof detectEncoding>;
      try {
        detected = detectEncoding(chunk);
      } catch (error) {
        if (error instanceof UnsupportedEncodingError) throw new InputError(file, error.message, { line: 1, column: 1 });
        throw error;
      }
      encoding = detected.encoding;
      decode = makeDecoder(encoding);
      chunk = chunk.subarray(detected.bomLength);
    }
    let decoded = '';
    try {
      decoded = decode(chunk, !last);
    } catch {
      // The position of the first bad character: the one after the last the parser read, advanced over the good
      // text before it.
      const lossy = lossyDecode(encoding ?? 'utf-8', chunk);
      const before = lossy.slice(0, Math.max(0, lossy.indexOf('\ufffd')));
      const at = { line: parser.line, column: parser.column + 1 };
      const lastNewline = before.lastIndexOf('\n');
      const position = lastNewline < 0 ? { line: at.line, column: at.column + before.length } : { line: at.line + before.split('\n').length - 1, column: before.length - lastNewline };
      throw new InputError(file, 
        `the bytes are not valid ${encoding?.toUpperCase()} (between byte ${bytesDecoded} and ${bytesDecoded + chunk.length}; check the file's encoding and its byte-order mark)`,
        position,
      );
    }
    bytesDecoded += chunk.length;
    if (decoded.length > 0) writeText(decoded);
  };

  // Parsing runs in the microtasks of already-buffered reads; let timers and sockets in now and then. Readers at
  // the same time share the 10 ms, so that together they give the event loop a turn every ~10 ms.
  let lastYield = performance.now();
  const letOthersRun = async () => {
    if (performance.now() - lastYield < YIELD_EVERY_MS / activeReaders) return;
    await new Promise((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };

  let source: AsyncIterable<Buffer | string> = input;
  activeReaders += 1;
  try {
    const iterator = input[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (!first.done) {
      head = typeof first.value === 'string' ? Buffer.from(first.value) : (first.value as Buffer);
      bytesRead += head.length;
    }
    if (head && head[0] === 0x1f && head[1] === 0x8b) {
      gzip = true;
      bytesRead = 0; // counted again, as compressed input, by streamThrough
      const gunzip = createGunzip();
      const compressed = (async function* () {
        yield head as Buffer;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
      })();
      source = streamThrough(compressed, gunzip, (n) => {
        bytesRead += n;
        options.onBytes?.(bytesRead);
      });
      const maxInflated = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
      const maxRatio = options.maxInflationRatio ?? DEFAULT_MAX_INFLATION_RATIO;
      const ratioAfter = options.inflationRatioCheckedAfter ?? DEFAULT_INFLATION_RATIO_CHECKED_AFTER;
      let inflated = 0;
      for await (const chunk of source) {
        const bytes = toBytes(chunk);
        inflated += bytes.length;
        // Checked before the bytes are parsed: a bomb costs its inflation up to the limit, never its parse.
        if (inflated > maxInflated) {
          throw new InputError(file, `inflates to more than ${formatBytes(maxInflated)}, the limit per file (a decompression bomb?): refused; if the file is genuine, raise ${raisedBy(options, 'maxInflatedBytes')}`);
        }
        if (inflated > ratioAfter && inflated > maxRatio * bytesRead) {
          throw new InputError(file, `inflates past ${maxRatio} times its compressed size, the limit (a decompression bomb?): refused; if the file is genuine, raise ${raisedBy(options, 'maxInflationRatio')}`);
        }
        feed(bytes, false);
        await letOthersRun();
      }
    } else {
      // Hold back the first bytes until there are enough to see the BOM and the XML declaration.
      let pending: Buffer | undefined = head ?? Buffer.alloc(0);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const chunk = toBytes(next.value);
        bytesRead += chunk.length;
        options.onBytes?.(bytesRead);
        if (pending) {
          pending = Buffer.concat([pending, chunk]);
          if (pending.length < ENCODING_SNIFF_BYTES) continue;
          feed(pending, false);
          pending = undefined;
        } else {
          feed(chunk, false);
        }
        await letOthersRun();
      }
      if (pending && pending.length > 0) feed(pending, false);
    }
    if (!decode) context.fail('the file is empty');
    if (bytesDecoded === 0) context.fail('the file is empty');
    feed(new Uint8Array(0), true);
    // Said before saxes' own end-of-input checks, which would word them as "unclosed tag" / "unexpected end".
    if (!root) context.fail('the file holds no XML element');
    if (!rootClosed) context.fail(`the file ends before </${root}>: it is truncated`);
    parser.close();
  } catch (error) {
    failure = error;
  } finally {
    activeReaders -= 1;
  }
  if (failure) {
    input.destroy();
    if (failure instanceof InputError) throw failure;
    if (isZlibError(failure)) throw new InputError(file, `the gzip data is corrupt or truncated (${(failure as Error).message}), after this point of the XML inside`, context.position());
    throw failure;
  }
  return { encoding: encoding ?? 'utf-8', gzip, bytesRead, root };
}

/** The inflation limits of a run as readXml options. */
export function inflationOptions(limits: ReadLimits | undefined): Pick<XmlReadOptions, 'maxInflatedBytes' | 'maxInflationRatio' | 'raisedBy'> {
  if (!limits) return {};
  return {
    ...(limits.maxInflatedBytes !== undefined ? { maxInflatedBytes: limits.maxInflatedBytes } : {}),
    ...(limits.maxInflationRatio !== undefined ? { maxInflationRatio: limits.maxInflationRatio } : {}),
    ...(limits.raisedBy ? { raisedBy: limits.raisedBy } : {}),
  };
}

function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

function lossyDecode(encoding: XmlEncoding, chunk: Uint8Array): string {
  if (encoding === 'utf-8') return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(chunk.subarray(0, chunk.length - (chunk.length % 2)));
    swapped.swap16();
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return new TextDecoder(encoding).decode(chunk);
}

function toBytes(chunk: Buffer | string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function isZlibError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('Z_');
}

/** Pipes an async iterable of compressed chunks through a zlib transform, yielding its output. */
async function* streamThrough(
  chunks: AsyncIterable<Buffer>,
  transform: import('node:zlib').Gunzip,
  onInput: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  const writer = (async () => {
    try {
      for await (const chunk of chunks) {
        onInput(chunk.length);
        if (!transform.write(chunk)) await new Promise((resolve) => transform.once('drain', resolve));
      }
      transform.end();
    } catch (error) {
      transform.destroy(error as Error);
    }
  })();
  for await (const out of transform) yield out as Buffer;
  await writer;
}
