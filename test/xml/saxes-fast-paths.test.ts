/**
 * The reader's fast paths (src/xml/saxes-fast-paths.ts) against saxes itself: the same documents, cut into the same
 * chunks, with character data listened to or not at the same places, must give the same events, the same errors at
 * the same line:column, and leave the parser at the same line, column and state.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { createFastSaxesParser } from '../../src/xml/saxes-fast-paths.js';

/** Runs one parser over `chunks`; `quiet` names the elements after whose start tag no one listens to the text. */
function trace(chunks: string[], quiet: ReadonlySet<string>, fast: boolean, version?: '1.0' | '1.1'): string[] {
  const options = { xmlns: false, position: true, ...(version ? { defaultXMLVersion: version, forceXMLVersion: true } : {}) };
  const parser = fast ? createFastSaxesParser(options) : new SaxesParser(options);
  const events: string[] = [];
  const where = () => `${parser.line}:${parser.column}:${parser.columnIndex}`;
  const onText = (text: string) => events.push(`text ${JSON.stringify(text)} ${where()}`);
  const internals = parser as unknown as { textHandler: unknown; state: number };
  parser.on('error', (error) => events.push(`error ${error.message} ${where()}`));
  parser.on('text', onText);
  parser.on('cdata', (text) => events.push(`cdata ${JSON.stringify(text)}`));
  parser.on('comment', (text) => events.push(`comment ${JSON.stringify(text)}`));
  parser.on('processinginstruction', (pi) => events.push(`pi ${pi.target} ${JSON.stringify(pi.body)}`));
  parser.on('opentag', (tag) => {
    events.push(`open ${tag.name} ${JSON.stringify(tag.attributes)} ${where()}`);
    internals.textHandler = quiet.has(tag.name) ? undefined : onText;
  });
  parser.on('closetag', (tag) => {
    events.push(`close ${tag.name} ${where()}`);
    internals.textHandler = onText;
  });
  try {
    for (const chunk of chunks) {
      parser.write(chunk);
      events.push(`after write ${where()} state ${internals.state}`);
    }
    parser.close();
  } catch (error) {
    events.push(`threw ${(error as Error).message}`);
  }
  events.push(`end ${where()}`);
  return events;
}

function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of at) {
    if (p > from) chunks.push(text.slice(from, p));
    from = Math.max(from, p);
  }
  if (from < text.length) chunks.push(text.slice(from));
  return chunks;
}

/** Pieces of documents: plain ASCII names and values (the fast paths) and everything they hand back to saxes. */
const piece = fc.constantFrom(
  '<a>', '</a>', '<b x="1">', '</b>', '<value>', '</value>', '<attr name="displayName" type="string">', '</attr>', '<c/>', '<d  y = \'q\' z="r s" />',
  'text', ' ', '\n', '\r\n', '\r', '\t', 'é', '😀', '\u0085', '\u2028', '\u007f', '\u0001', '\ud800', '&amp;', '&#x41;', '&bogus;', ']]>', ']', ']]', '>',
  '<e a="&lt;b">', '<e a="x\ty">', '<e a="é">', '<e a="1" a="2">', '<e a=1>', '<e a="<">', '<é>', '<a-b.c_d:e>', '</a-b.c_d:e>', '</ a>', '</a >', '<>', '</>',
  '<![CDATA[x]]>', '<!-- c -->', '<?pi body?>', '<f\n g="h"\r\n>', '</f\n>', '<g h="i"', 'j="k">', '"', '=',
);

const documents = fc.tuple(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(400), { maxLength: 8 }), fc.subarray(['a', 'b', 'value', 'attr', 'c', 'e', 'f']));

describe('saxes fast paths', () => {
  it('give what saxes gives on random documents cut at random places', () => {
    fc.assert(
      fc.property(documents, ([pieces, points, quiet]) => {
        const text = `<root>${pieces.join('')}</root>`;
        const chunks = cut(text, points);
        const quietSet = new Set(quiet);
        expect(trace(chunks, quietSet, true)).toEqual(trace(chunks, quietSet, false));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it('give what saxes gives on XML 1.1 documents (other line ends and disallowed characters)', () => {
    fc.assert(
      fc.property(documents, ([pieces, points, quiet]) => {
        const text = `<root>${pieces.join('')}</root>`;
        const chunks = cut(text, points);
        const quietSet = new Set(quiet);
        expect(trace(chunks, quietSet, true, '1.1')).toEqual(trace(chunks, quietSet, false, '1.1'));
      }),
      { numRuns: 1000, seed: 20261202 },
    );
  });

  it('give what saxes gives on a generated export, line and column after every chunk', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<cs-object cs-dn="CN={${i}}" id="{${i}}" object-type="user">\n<delta operation="add"><attr name="mail" multivalued="false"><value>u${i}@contoso.com</value></attr></delta>\n</cs-object>\n`);
    const text = `<cs-objects>\n${rows.join('')}</cs-objects>\n`;
    for (const size of [1, 7, 64, 1000]) {
      const chunks = cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, k) => k * size));
      expect(trace(chunks, new Set(['cs-object', 'delta', 'attr', 'cs-objects']), true)).toEqual(trace(chunks, new Set(['cs-object', 'delta', 'attr', 'cs-objects']), false));
    }
  });

  it('are what the reader parses with', () => {
    const parser = createFastSaxesParser({ xmlns: false, position: true });
    expect(parser).toBeInstanceOf(SaxesParser);
    expect(Object.keys(parser)).toEqual(Object.keys(new SaxesParser({ xmlns: false, position: true })));
  });
});
