import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readXml } from '../../src/xml/reader.js';

/** Reads `bytes` split into chunks of `chunkSize`, collecting each closed leaf as name=text. */
async function collect(bytes: Buffer, chunkSize = 3, options = {}) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const seen: string[] = [];
  const result = await readXml(Readable.from(chunks), 'in.xml', { open() {}, close: (name, text) => void seen.push(`${name}=${text}`) }, options);
  return { seen, result };
}

async function failure(bytes: Buffer, options = {}): Promise<InputError> {
  try {
    await collect(bytes, 5, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readXml', () => {
  it('keeps text whole across chunk boundaries and decodes entities', async () => {
    const { seen, result } = await collect(Buffer.from('<a><b>R&amp;D &lt;Labs&gt; héllo</b></a>'), 1);
    expect(seen).toEqual(['b=R&D <Labs> héllo', 'a=']);
    expect(result).toMatchObject({ encoding: 'utf-8', gzip: false, root: 'a' });
  });

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a><b>é</b></a>')]), 'utf-8'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="utf-16"?><a><b>é</b></a>', 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<a><b>é</b></a>', 'utf16le').swap16()]), 'utf-16be'],
    ['UTF-16 LE without BOM', Buffer.from('<?xml version="1.0"?><a><b>é</b></a>', 'utf16le'), 'utf-16le'],
    ['windows-1252 declared', Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a><b>'), Buffer.from([0xe9]), Buffer.from('</b></a>')]), 'windows-1252'],
  ])('reads %s', async (_name, bytes, encoding) => {
    const { seen, result } = await collect(bytes);
    expect(seen).toEqual(['b=é', 'a=']);
    expect(result.encoding).toBe(encoding);
  });

  it('gunzips gzip input', async () => {
    const { seen, result } = await collect(gzipSync(Buffer.from('<a><b>zipped</b></a>')), 7);
    expect(seen).toEqual(['b=zipped', 'a=']);
    expect(result.gzip).toBe(true);
  });

  it('refuses gzip input that inflates past maxInflatedBytes, naming the file and the limit', async () => {
    const document = gzipSync(Buffer.from(`<a>${' '.repeat(5000)}</a>`));
    const error = await failure(document, { maxInflatedBytes: 4096 });
    expect(error.message).toBe('in.xml: inflates to more than 4 KiB, the limit per file (a decompression bomb?): refused; if the file is genuine, raise the max-inflated-mib setting (docs/security.md, "Limits")');
    // The same document under a ceiling it fits in is read.
    expect((await collect(document, 64, { maxInflatedBytes: 8192 })).seen).toHaveLength(1);
  });

  it('refuses gzip input that inflates past maxInflationRatio once past the threshold', async () => {
    const document = gzipSync(Buffer.from(`<a>${' '.repeat(100_000)}</a>`));
    const error = await failure(document, { maxInflationRatio: 20, inflationRatioCheckedAfter: 1024 });
    expect(error.message).toBe('in.xml: inflates past 20 times its compressed size, the limit (a decompression bomb?): refused; if the file is genuine, raise the max-inflation-ratio setting (docs/security.md, "Limits")');
    // Below the threshold the ratio is not judged: a small file may compress very well.
    expect((await collect(document, 64, { maxInflationRatio: 20, inflationRatioCheckedAfter: 200_000 })).seen).toHaveLength(1);
  });

  it('refuses ~100 MiB of gzipped whitespace at the default ratio (200)', async () => {
    const compressed: Buffer[] = [];
    const gzip = createGzip();
    gzip.on('data', (chunk: Buffer) => void compressed.push(chunk));
    const ended = new Promise((resolve) => gzip.on('end', resolve));
    gzip.write('<a>');
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 100; i += 1) gzip.write(spaces);
    gzip.end('</a>');
    await ended;
    const bomb = Buffer.concat(compressed);
    expect(bomb.length).toBeLessThan(200 * 1024);
    let inflatedSeen = 0;
    const error = await readXml(Readable.from([bomb]), 'export.xml.gz', { open() {}, close: (_n, _t, length) => void (inflatedSeen = length) })
      .then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('export.xml.gz: inflates past 200 times its compressed size, the limit (a decompression bomb?): refused; if the file is genuine, raise the max-inflation-ratio setting (docs/security.md, "Limits")');
    expect(inflatedSeen).toBe(0); // refused inside <a>: it never closed
  });

  it('counts text over the cap without keeping it', async () => {
    const closes: [string, number][] = [];
    await readXml(Readable.from([Buffer.from(`<a><b>${'x'.repeat(5000)}</b></a>`)]), 'in.xml', { open() {}, close: (_n, text, length) => void closes.push([text, length]) }, { maxTextLength: 10 });
    expect(closes[0]).toEqual(['xxxxxxxxxx', 5000]);
  });

  // Positions are those of the last character read: the `>` of a bad close tag, the `;` of an unknown entity, the
  // `<` of `<!DOCTYPE`, the end of the text when text
  // stands after the root element.
  it.each([
    ['an empty file', Buffer.alloc(0), 'in.xml:1:1: the file is empty'],
    ['a truncated file', Buffer.from('<a>\n<b>x</b>'), 'in.xml:2:8: the file ends before </a>: it is truncated'],
    ['a file cut inside a tag', Buffer.from('<a>\n<b attr="x'), 'in.xml:2:10: the file ends before </a>: it is truncated'],
    ['a DOCTYPE', Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'), 'in.xml:2:1: a <!DOCTYPE> declaration is not accepted (DTDs and entities are refused, never expanded)'],
    ['mismatched tags', Buffer.from('<a>\n<b></c></a>'), 'in.xml:2:7: malformed XML: unexpected close tag'],
    ['an unknown entity', Buffer.from('<a>&bomb;</a>'), 'in.xml:1:9: malformed XML: undefined entity'],
    ['not XML', Buffer.from('\n  hello world'), 'in.xml:2:3: not XML: the file must begin with a tag ("<")'],
    ['text after the root', Buffer.from('<a/>\nhello'), 'in.xml:2:5: malformed XML: text data outside of root node'],
    ['"]]>" in text', Buffer.from('<a>x ]]> y</a>'), 'in.xml:1:8: malformed XML: the string "]]>" is disallowed in char data'],
    ['a duplicate attribute', Buffer.from('<a id="1" id="2"/>'), 'in.xml:1:18: malformed XML: duplicate attribute: id'],
    ['a NUL character', Buffer.from('<a>\0</a>'), 'in.xml:1:4: malformed XML: disallowed character'],
  ])('refuses %s with file:line:column', async (_name, bytes, message) => {
    expect((await failure(bytes)).message).toBe(message);
  });

  it.each([1, 2, 3, 5, 7, 11, 13, 512])('refuses a DOCTYPE at its start whatever the chunks (%i bytes)', async (chunkSize) => {
    // Past the first 512 bytes (held back to sniff the encoding), so that the chunks cut the keyword.
    const bytes = Buffer.from(`<?xml version="1.0"?>\n<!-- ${'c'.repeat(600)} -->\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`);
    await expect(collect(bytes, chunkSize)).rejects.toThrow('in.xml:3:1: a <!DOCTYPE> declaration is not accepted');
  });

  it('accepts "<!DOCTYPE" inside a comment before the root', async () => {
    const { seen } = await collect(Buffer.from('<!-- not a <!DOCTYPE x> --><a><b>1</b></a>'), 4);
    expect(seen).toEqual(['b=1', 'a=']);
  });

  it('normalizes line ends as XML says: \\r\\n and \\r become \\n; in attribute values tabs and line ends become spaces, &#10; stays', async () => {
    const attributes: string[] = [];
    const texts: string[] = [];
    const xml = Buffer.from('<a v="x\r\ny\tz&#10;w"><b>1\r\n2\r3</b></a>');
    await readXml(Readable.from([xml]), 'in.xml', { open: (_n, a) => void (a.v !== undefined && attributes.push(a.v)), close: (_n, t) => void texts.push(t) });
    expect(attributes).toEqual(['x y z\nw']);
    expect(texts).toEqual(['1\n2\n3', '']);
  });

  it('hands text longer than 64 KiB over in pieces: counted, kept up to the cap, never held whole', async () => {
    const piece = Buffer.from('x'.repeat(64 * 1024));
    const pieces = 800; // 50 MiB of text in one element, then 50 MiB of CDATA
    const source = Readable.from((function* () {
      yield Buffer.from('<a><b>');
      for (let i = 0; i < pieces; i++) yield piece;
      yield Buffer.from('</b><c><![CDATA[');
      for (let i = 0; i < pieces; i++) yield piece;
      yield Buffer.from(']]></c></a>');
    })());
    const closes: [string, number, number][] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = 0;
    await readXml(source, 'in.xml', { open() {}, close: (name, text, length) => void closes.push([name, text.length, length]) }, {
      maxTextLength: 1000,
      onBytes: () => void (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
    });
    expect(closes).toEqual([['b', 1000, pieces * piece.length], ['c', 1000, pieces * piece.length], ['a', 0, 0]]);
    expect(heapPeak - heapBefore).toBeLessThan(30 * 1024 * 1024);
  });

  it.each([
    ['attribute value', '<a v="', '"/>', 'a tag, attribute value, comment or processing instruction longer than 65536 characters (refused, not read into memory)'],
    ['comment', '<a><!--', '--></a>', 'a tag, attribute value, comment or processing instruction longer than 65536 characters (refused, not read into memory)'],
    ['element name', '<a><b', '/></a>', 'a name or entity reference longer than 65536 characters (refused, not read into memory)'],
    ['entity reference', '<a>&b', ';</a>', 'a name or entity reference longer than 65536 characters (refused, not read into memory)'],
  ])('refuses a 10 MB %s without holding it', async (_name, before, after, reason) => {
    const source = Readable.from((function* () {
      yield Buffer.from(before);
      for (let i = 0; i < 160; i++) yield Buffer.from('y'.repeat(64 * 1024));
      yield Buffer.from(after);
    })());
    const error = await readXml(source, 'in.xml', { open() {}, close() {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toBe(reason);
  });

  it('refuses an element with more than 1024 attributes', async () => {
    const attributes = Array.from({ length: 1100 }, (_, i) => `a${i}="${i}"`).join(' ');
    expect((await failure(Buffer.from(`<a ${attributes}/>`))).reason).toBe('an element with more than 1024 attributes');
  });

  it('lets timers run during a long parse (yields to the event loop)', async () => {
    const row = Buffer.from(`<b>${'z'.repeat(100)}</b>`.repeat(500));
    let timerFiredAt: number | undefined;
    let bytes = 0;
    setTimeout(() => (timerFiredAt = bytes), 0);
    await readXml(Readable.from((function* () {
      yield Buffer.from('<a>');
      for (let i = 0; i < 500; i++) yield row; // 27 MB of small elements
      yield Buffer.from('</a>');
    })()), 'in.xml', { open() {}, close() {} }, { onBytes: (n) => void (bytes = n) });
    expect(timerFiredAt).toBeDefined();
    expect(timerFiredAt).toBeLessThan(bytes);
  });

  it('refuses a declared encoding it does not read, instead of guessing UTF-8', async () => {
    expect((await failure(Buffer.from('<?xml version="1.0" encoding="ebcdic"?><cs-objects/>'))).message).toBe(
      'in.xml:1:1: the file declares encoding="ebcdic", which syncstage does not read (UTF-8, UTF-16 or windows-1252): re-export it as UTF-8',
    );
  });

  it('reads UTF-8 bytes that declare utf-16 (a .NET habit) as UTF-8', async () => {
    const { seen } = await collect(Buffer.from('<?xml version="1.0" encoding="utf-16"?><a><b>é</b></a>'));
    expect(seen).toEqual(['b=é', 'a=']);
  });

  it('refuses invalid UTF-8 instead of replacing it', async () => {
    expect((await failure(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]))).reason).toMatch(/not valid UTF-8/);
  });

  it('refuses a wrong root element, naming the expected one', async () => {
    expect((await failure(Buffer.from('<html></html>'), { roots: ['cs-objects'] })).reason).toBe('unexpected root element <html>, expected <cs-objects>');
  });

  it('refuses nesting deeper than the limit', async () => {
    expect((await failure(Buffer.from('<a>'.repeat(40) + '</a>'.repeat(40)), { maxDepth: 32 })).reason).toBe('elements nested deeper than 32 levels');
  });

  describe('an element whose text is not wanted (open returns false)', () => {
    /** Collects name=text:length of each close; `skip` names the elements whose open() returns false. */
    async function collectSkipping(document: string, skip: string[], chunkSize = 4) {
      const bytes = Buffer.from(document);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
      const seen: string[] = [];
      await readXml(Readable.from(chunks), 'in.xml', { open: (name) => !skip.includes(name), close: (name, text, length) => void seen.push(`${name}=${text}:${length}`) });
      return seen;
    }

    it("gets '' and 0 at close; the text after its end tag and every other element's text are read as before", async () => {
      const document = '<a><b>kept &amp; read</b><c>not &amp; wanted</c>tail<d>x</d><c/></a>';
      expect(await collectSkipping(document, ['c'])).toEqual(['b=kept & read:11', 'c=:0', 'd=x:1', 'c=:0', 'a=:0']);
      expect(await collectSkipping(document, [])).toEqual(['b=kept & read:11', 'c=not & wanted:12', 'd=x:1', 'c=:0', 'a=:0']);
      // A parent that wants its text gets what follows the skipped child's end tag.
      expect(await collectSkipping('<a><c>skip</c>after</a>', ['c'], 1)).toEqual(['c=:0', 'a=after:5']);
    });

    it('is still checked: "]]>", a bad character or entity, and a 10 MB text are refused or passed over, never held', async () => {
      const refused = async (document: string) => {
        try {
          await collectSkipping(document, ['c']);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return (error as InputError).reason;
        }
        throw new Error('expected an InputError');
      };
      expect(await refused('<a><c>x ]]> y</c></a>')).toMatch(/\]\]>/);
      expect(await refused('<a><c>&nope;</c></a>')).toMatch(/entity/);
      expect(await refused('<a><c>\u0001</c></a>')).toMatch(/disallowed character/);
      const big = `<a><c>${'v'.repeat(10 * 1024 * 1024)}</c><b>ok</b></a>`;
      expect(await collectSkipping(big, ['c'], 64 * 1024)).toEqual(['c=:0', 'b=ok:2', 'a=:0']);
    });
  });
});
