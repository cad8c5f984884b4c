import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../src/gate/types.js';
import { CHECK_SUMMARY_LIMIT, renderGateCheckOutput, renderGateMarkdown } from '../../src/report/gate-markdown.js';

const result: GateResult = {
  schemaVersion: 1,
  stage: 'pre-switch',
  runbook: 'runbooks/failover.md',
  prerequisites: [
    { id: 'one-active', title: 'One currently active sync server', status: 'satisfied', ticked: true, evidence: ['active MV.xml StagingMode False', 'active scheduler StagingModeEnabled False'] },
    { id: 'no-drift', title: 'No configuration drift', status: 'contradicted', ticked: true, evidence: ['1 difference(s) not acknowledged: d-1 (scope: OU=A|B <script> @admins #12)'] },
    { id: 'health-agent', title: 'Connect Health agent up to date', status: 'unsatisfied', ticked: false, evidence: [] },
  ],
  satisfied: 1,
  total: 3,
  ok: false,
  title: '1 of 3 prerequisites satisfied',
};

describe('renderGateMarkdown', () => {
  it('renders the title, the verdict and one escaped row per prerequisite', () => {
    expect(renderGateMarkdown(result)).toBe(
      [
        '### ❌ Failover gate (pre-switch): 1 of 3 prerequisites satisfied',
        '',
        'Runbook `runbooks/failover.md` · check `syncstage/failover-prerequisites`',
        '',
        '**Not ready to switch.** contradicted by the evidence: `no-drift`; unsatisfied: `health-agent`.',
        '',
        '| Status         | Id             | Prerequisite                     | Evidence                                                                                   |',
        '| -------------- | -------------- | -------------------------------- | ------------------------------------------------------------------------------------------ |',
        '| ✅ satisfied    | `one-active`   | One currently active sync server | active MV\\.xml StagingMode False<br>active scheduler StagingModeEnabled False              |',
        '| ❌ contradicted | `no-drift`     | No configuration drift           | 1 difference\\(s\\) not acknowledged: d\\-1 \\(scope: OU=A\\|B &lt;script&gt; `@admins` `#12`\\) |',
        '| ⬜ unsatisfied  | `health-agent` | Connect Health agent up to date  | —                                                                                          |',
        '',
      ].join('\n'),
    );
  });

  it('lists checklist notes under the table, escaped', () => {
    expect(renderGateMarkdown({ ...result, notes: ['line 3: item id `x|y` matches no prerequisite'] }).endsWith('**Checklist notes**\n\n- line 3: item id \\`x\\|y\\` matches no prerequisite\n')).toBe(true);
  });

  it('says the switch may go ahead when ok', () => {
    const ok = { ...result, ok: true, prerequisites: [result.prerequisites[0]!], satisfied: 1, total: 1, title: '1 of 1 prerequisites satisfied' };
    expect(renderGateMarkdown(ok)).toContain('### ✅ Failover gate (pre-switch): 1 of 1 prerequisites satisfied');
    expect(renderGateMarkdown(ok)).toContain('**The switch may go ahead:**');
  });
});

describe('renderGateCheckOutput', () => {
  it('uses the title and the Markdown as the summary', () => {
    expect(renderGateCheckOutput(result)).toEqual({ title: '1 of 3 prerequisites satisfied', summary: renderGateMarkdown(result) });
  });

  it('keeps the summary under GitHub\'s limit, saying when evidence was shortened', () => {
    const huge = { ...result, prerequisites: result.prerequisites.map((p) => ({ ...p, evidence: Array.from({ length: 400 }, (_, i) => `difference ${i} ${'x'.repeat(300)}`) })) };
    const output = renderGateCheckOutput(huge);
    expect(output.summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(output.summary).toContain('Evidence shortened to fit the check');
    expect(output.summary).toContain('…and 390 more');
  });
});
