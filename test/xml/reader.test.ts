import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
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

  it('counts text over the cap without keeping it', async () => {
    const closes: [string, number][] = [];
    await readXml(Readable.from([Buffer.from(`<a><b>${'x'.repeat(5000)}</b></a>`)]), 'in.xml', { open() {}, close: (_n, text, length) => void closes.push([text, length]) }, { maxTextLength: 10 });
    expect(closes[0]).toEqual(['xxxxxxxxxx', 5000]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'in.xml:1:1: the file is empty'],
    ['a truncated file', Buffer.from('<a>\n<b>x</b>'), 'in.xml:2:9: malformed XML: Unclosed root tag'],
    ['a DOCTYPE', Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'), 'in.xml:2:31: a <!DOCTYPE> declaration is not accepted (DTDs and entities are refused, never expanded)'],
    ['mismatched tags', Buffer.from('<a>\n<b></c></a>'), 'in.xml:2:8: malformed XML: Unexpected close tag'],
    ['an unknown entity', Buffer.from('<a>&bomb;</a>'), 'in.xml:1:10: malformed XML: Invalid character entity'],
    ['not XML', Buffer.from('hello world'), 'in.xml:1:2: malformed XML: Non-whitespace before first tag.'],
  ])('refuses %s with file:line:column', async (_name, bytes, message) => {
    expect((await failure(bytes)).message).toBe(message);
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
});
