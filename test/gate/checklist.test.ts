import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/gate/checklist.js';

const ticks = (markdown: string) => parseChecklist(markdown).items.map((item) => [item.id ?? item.text, item.ticked]);

describe('parseChecklist', () => {
  it('reads -, * and + bullets, ordered lists, [x] [X] [ ] and trailing ids', () => {
    const md = ['- [x] One active `one-active`', '* [X] One staging `one-staging`', '+ [ ] Synced `staging-synced`', '1. [x] Initial `initial-sync`', '2) [ ] Delete `delete-protection`'].join('\n');
    expect(ticks(md)).toEqual([
      ['one-active', true],
      ['one-staging', true],
      ['staging-synced', false],
      ['initial-sync', true],
      ['delete-protection', false],
    ]);
  });

  it('keeps nesting depth and reads nested and blockquoted items', () => {
    const list = parseChecklist('- [ ] parent `a`\n    - [x] child `b`\n\t- [x] tabbed `c`\n> - [x] quoted `d`');
    expect(list.items.map((item) => [item.id, item.indent, item.ticked])).toEqual([
      ['a', 0, false],
      ['b', 4, true],
      ['c', 4, true],
      ['d', 2, true],
    ]);
  });

  it('ignores items in fenced code blocks of any length and info string', () => {
    const md = ['```markdown', '- [x] fake `one-active`', '```', '~~~~ yaml title="x"', '- [x] fake `one-staging`', '~~~', '- [x] still fenced `no-drift`', '~~~~', '````', '```', '- [x] inner `health-agent`', '````', '- [ ] real `one-active`'].join('\n');
    expect(ticks(md)).toEqual([['one-active', false]]);
  });

  it('does not take inline code with backticks in the info string for a fence', () => {
    expect(ticks('```not a fence``` text\n- [x] real `one-active`')).toEqual([['one-active', true]]);
  });

  it('ignores items inside single- and multi-line HTML comments, keeping text around them', () => {
    const md = ['<!-- - [x] hidden `a` -->', '<!--', '- [x] hidden `b`', '-->', '- [x] shown `c` <!-- note -->', 'text <!-- open', '- [x] hidden `d`', 'close --> more', '<!-- a --><!-- b -->- [x] after comments `e`'].join('\n');
    expect(ticks(md)).toEqual([
      ['c', true],
      ['e', true],
    ]);
  });

  it('normalizes look-alike brackets, marks and non-ASCII spaces without counting twice', () => {
    const md = ['-\u00a0［x］ fullwidth `a`', '- ⟦x⟧ math `b`', '-\u2003[ ]\u3000em and ideographic `c`', '- 【х】 cyrillic x `d`', '－ [x] fullwidth bullet `e`', '- [\u200bx] zero width `f`'].join('\n');
    const list = parseChecklist(md);
    expect(list.items.map((item) => [item.id, item.ticked, item.normalized])).toEqual([
      ['a', true, true],
      ['b', true, true],
      ['c', false, true],
      ['d', true, true],
      ['e', true, true],
      ['f', true, true],
    ]);
  });

  it('ignores items in indented code blocks, but not nested items indented as much', () => {
    const md = ['Example:', '', '    - [x] code `a`', '    - [x] still code `b`', '', '- [ ] list `c`', '', '    - [x] nested after a blank line `d`', '', 'Paragraph.', '', '    - [x] code again `e`', '# Heading', '    - [x] heading then indent is a paragraph continuation? no: code `f`'].join('\n');
    expect(ticks(md)).toEqual([
      ['c', false],
      ['d', true],
    ]);
  });

  it('does not read plain brackets, links or text as items', () => {
    expect(ticks('- [link](x) `a`\n-[x] no space `b`\n[x] no bullet `c`\n- [xx] two marks `d`\n    code? `e`')).toEqual([]);
  });

  it('parses acknowledgements with reasons; an ack without a reason, or unticked, is not one', () => {
    const list = parseChecklist(
      [
        '- [x] ack drift d-1a2b3c4d5e: staging tests the new rule',
        '- [x] ack risky anchor-flip: HR re-hire batch',
        '- [x] ack risky sensitive-attribute userPrincipalName: UPN suffix change',
        '- [x] ack drift d-ffff:   ',
        '- [x] ack drift d-eeee',
        '- [ ] ack drift d-dddd: not ticked',
      ].join('\n'),
      10,
    );
    expect(list.acknowledgements).toEqual([
      { line: 10, target: { kind: 'drift', id: 'd-1a2b3c4d5e' }, reason: 'staging tests the new rule' },
      { line: 11, target: { kind: 'risky', risk: 'anchor-flip' }, reason: 'HR re-hire batch' },
      { line: 12, target: { kind: 'risky', risk: 'sensitive-attribute', attribute: 'userPrincipalName' }, reason: 'UPN suffix change' },
    ]);
    expect(list.notes).toEqual(['line 13: acknowledgement without a reason is not an acknowledgement', 'line 14: acknowledgement without a reason is not an acknowledgement']);
  });

  it('an ack line pasted from the review with its <reason> placeholder unedited acknowledges nothing', () => {
    const list = parseChecklist(['- [x] ack drift d-f966163fbe: <reason>', '- [x] ack risky delete-add: <Reason> ', '- [x] ack risky anchor-flip: reviewed, <reason> filled in'].join('\n'), 3);
    expect(list.acknowledgements).toEqual([{ line: 5, target: { kind: 'risky', risk: 'anchor-flip' }, reason: 'reviewed, <reason> filled in' }]);
    expect(list.notes).toEqual([
      'line 3: the reason is still the placeholder <reason>: write why, or the item acknowledges nothing',
      'line 4: the reason is still the placeholder <reason>: write why, or the item acknowledges nothing',
    ]);
  });

  it('reports duplicate ids with their lines', () => {
    const list = parseChecklist('- [x] a `one-active`\n- [ ] again `one-active`', 5);
    expect(list.notes).toEqual(['id `one-active` appears 2 times (lines 5, 6)']);
  });

  it('handles CRLF line endings', () => {
    expect(ticks('- [x] a `a`\r\n- [ ] b `b`\r\n')).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });
});
