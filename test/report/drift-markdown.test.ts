import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../src/config/types.js';
import { renderDriftMarkdown } from '../../src/report/drift-markdown.js';

function report(overrides: Partial<DriftReport> = {}): DriftReport {
  return {
    schemaVersion: 1,
    primary: { server: 'SYNC01' },
    staging: { server: 'SYNC02' },
    differences: [],
    productVersion: [],
    expected: [{ name: 'StagingMode', server: 'staging', expected: 'True', actual: 'True', ok: true, message: 'the staging server has StagingMode True, as expected' }],
    ignored: { guid: 3 },
    missing: [],
    ...overrides,
  };
}

describe('renderDriftMarkdown', () => {
  it('says so when there is no drift', () => {
    expect(renderDriftMarkdown(report())).toBe(`## Configuration drift: SYNC01 (active) vs SYNC02 (staging)

**No configuration drift.**

### Expectations

- ✅ the staging server has StagingMode True, as expected

Ignored as per-server noise: GUIDs 3.
`);
  });

  it('shows an expression change as two code blocks, and escapes hostile names', () => {
    const markdown = renderDriftMarkdown(
      report({
        differences: [
          { id: 'd-0123456789', category: 'sync-rules', kind: 'changed', subject: 'In | @admins <b>', field: 'attributeFlow[mail]', connector: 'contoso.com', primary: 'IIF(`x`,"```",[mail])', staging: '[mail]', format: 'expression' },
          { id: 'd-abcdefabcd', category: 'version', kind: 'changed', subject: 'Entra Connect Sync version', field: 'version', primary: '2.4.27.0', staging: '2.3.20.0' },
        ],
      }),
    );
    expect(markdown).toContain('**2 differences**');
    expect(markdown.indexOf('### Connect version')).toBeLessThan(markdown.indexOf('### Sync rules'));
    // The mention is shown as code (GitHub pings nobody there), with no invisible character in it.
    expect(markdown).toContain('In \\| `@admins` &lt;b&gt;');
    expect(markdown).not.toMatch(/(?<!`)@admins/);
    expect(markdown).not.toContain('\u200b');
    expect(markdown).toContain('Active:\n\n````\nIIF(`x`,"```",[mail])\n````');
    expect(markdown).toContain('Staging:\n\n```\n[mail]\n```');
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| `d-'))) expect(line.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('lists product-version changes apart, failed expectations, hidden counts and missing parts', () => {
    const markdown = renderDriftMarkdown(
      report({
        productVersion: [{ subject: 'In from AD - User Join', connector: 'contoso.com', field: 'precedence', primary: '100', staging: '104' }],
        expected: [{ name: 'StagingMode', server: 'staging', expected: 'True', actual: 'False', ok: false, message: 'the staging server is NOT in staging mode' }],
        hidden: { defaultRules: 2 },
        missing: ['staging: scheduler.json'],
      }),
      { heading: 'Drift #12' },
    );
    expect(markdown).toContain('## Drift `#12`');
    expect(markdown).toContain('**No configuration drift.** But 1 expectation failed (below).');
    expect(markdown).toContain('- ❌ the staging server is NOT in staging mode');
    // A <summary> is HTML, not Markdown: no backslash escapes there (they would show).
    expect(markdown).toContain('<details><summary>Product version: 1 out-of-box rule changed only by an upgrade');
    expect(markdown).toContain('| In from AD \\- User Join | contoso\\.com | `100` → `104`');
    expect(markdown).toContain('Left out on request: defaultRules 2.');
    expect(markdown).toContain('- staging: scheduler\\.json');
  });
});
