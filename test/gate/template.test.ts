import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/gate/checklist.js';
import { evaluatePrerequisites } from '../../src/gate/evaluate.js';
import { parseFrontMatter } from '../../src/gate/front-matter.js';
import { healthyInput } from './builders.js';

const template = readFileSync(new URL('../../docs/runbooks/failover.md', import.meta.url), 'utf8');

describe('docs/runbooks/failover.md', () => {
  it('parses, names two servers and has every prerequisite id unticked once, examples not counted', () => {
    const { frontMatter, body, bodyLine } = parseFrontMatter(template, 'docs/runbooks/failover.md');
    expect(frontMatter).toMatchObject({ stage: 'pre-switch', active: { server: 'SYNC01' }, staging: { server: 'SYNC02' } });
    const checklist = parseChecklist(body, bodyLine);
    expect(checklist.items.map((item) => [item.id, item.ticked])).toEqual(
      ['one-active', 'one-staging', 'staging-synced', 'initial-sync', 'delete-protection', 'exports-verified', 'no-drift', 'health-agent', 'switch-order', 'never-two-active', 'first-export', 'post-checks'].map((id) => [id, false]),
    );
    expect(checklist.acknowledgements).toEqual([]);
    expect(checklist.notes).toEqual([]);
  });

  it('evaluates to 0 of 8 as shipped: nothing is ticked', () => {
    const result = evaluatePrerequisites(healthyInput({ runbook: { path: 'runbooks/failover.md', text: template } }));
    expect(result.title).toBe('0 of 8 prerequisites satisfied');
    expect(result.prerequisites.every((p) => p.status === 'unsatisfied')).toBe(true);
  });
});
