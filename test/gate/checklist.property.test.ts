// Whatever mix of bullets, look-alikes, nesting, fences and comments a runbook has, every real item is read exactly
// once with its tick, and nothing inside a fence or a comment is read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/gate/checklist.js';

const bullet = fc.constantFrom('-', '*', '+', '1.', '2)', '\uFF0D');
const space = fc.constantFrom(' ', '\u00a0', '\u2003', '\u3000', '\t');
const brackets = fc.constantFrom(['[', ']'], ['\uFF3B', '\uFF3D'], ['\u27E6', '\u27E7'], ['\u3010', '\u3011']);
const tick = fc.constantFrom(' ', 'x', 'X', '\u0445', '\u3000');
const indent = fc.constantFrom('', ' ', '  ', '> ');
const nestedIndent = fc.constantFrom('    ', '\t', '      ');

const item = fc.record({ bullet, space, brackets, tick, indent, id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/) });
type Item = Omit<typeof item extends fc.Arbitrary<infer T> ? T : never, 'indent'> & { indent: string };
const render = (i: Item) => `${i.indent}${i.bullet}${i.space}${i.brackets[0]}${i.tick}${i.brackets[1]}${i.space}text \`${i.id}\``;
const isTicked = (i: Item) => i.tick !== ' ' && i.tick !== '\u3000';

const segment = fc.oneof(
  item.map((i) => ({ lines: [render(i)], real: [i] })),
  // A nested item (indented 4+) right under its parent, or after a blank line inside the list.
  fc.tuple(item, item, nestedIndent, fc.boolean()).map(([parent, child, pad, gap]) => {
    const nested = { ...child, indent: pad };
    return { lines: [render({ ...parent, indent: '' }), ...(gap ? [''] : []), render(nested)], real: [{ ...parent, indent: '' }, nested] };
  }),
  // Indented code after a paragraph and a blank line: not items.
  fc.array(item, { minLength: 1, maxLength: 2 }).map((items) => ({ lines: ['', 'Example:', '', ...items.map((i) => render({ ...i, indent: '    ' })), ''], real: [] as Item[] })),
  fc.tuple(fc.constantFrom('```', '~~~', '````', '~~~~~'), fc.constantFrom('', 'markdown', ' yaml title="x"'), fc.array(item, { maxLength: 3 })).map(([fence, info, items]) => ({
    lines: [`${fence}${info}`, ...items.map(render), fence],
    real: [] as Item[],
  })),
  fc.array(item, { maxLength: 3 }).map((items) => ({ lines: ['<!--', ...items.map(render), '-->'], real: [] as Item[] })),
  item.map((i) => ({ lines: [`<!-- ${render(i)} -->`], real: [] as Item[] })),
  fc.constantFrom('', '# Heading', '', 'Some text with `code` and [link](x).').map((line) => ({ lines: [line], real: [] as Item[] })),
);

describe('parseChecklist (property)', () => {
  it('reads every real item once, with its tick, and nothing hidden', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segments) => {
        const markdown = segments.flatMap((s) => s.lines).join('\n');
        const expected = segments.flatMap((s) => s.real).map((i) => [i.id, isTicked(i)]);
        expect(parseChecklist(markdown).items.map((i) => [i.id, i.ticked])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
