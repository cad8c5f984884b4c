/**
 * Issue 15 item 3: the runbook under judgement may tighten the freshness limits, never loosen them. The attack: the
 * same ticked runbook over week-old snapshots went from 1 to 5 of 8 satisfied by adding
 * `max-snapshot-age-hours: 1000` / `max-sync-age-hours: 1000` to its own front matter.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { GateResult } from '../../src/gate/types.js';
import { runCli } from '../support/cli.js';
import { put, removeWorkspaces, workspace } from '../hostile/support.js';

afterEach(removeWorkspaces);

const FIXTURES = fileURLToPath(new URL('../fixtures/gate/', import.meta.url));
const TICKED = readFileSync(`${FIXTURES}runbook-pre.md`, 'utf8').replaceAll('test/fixtures/gate/', FIXTURES);
/** A week after the fixture snapshots were taken. */
const WEEK_LATER = '2026-12-01T11:00:00Z';

async function gate(runbook: string, ...args: string[]): Promise<{ code: number; result: GateResult; markdown: string }> {
  const dir = workspace();
  put(dir, 'runbook.md', runbook);
  const json = await runCli(['gate', 'runbook.md', '--now', WEEK_LATER, '--format', 'json', ...args], { cwd: dir });
  const markdown = await runCli(['gate', 'runbook.md', '--now', WEEK_LATER, ...args], { cwd: dir });
  return { code: json.code, result: JSON.parse(json.stdout) as GateResult, markdown: markdown.stdout };
}

const withLimits = (snapshot: number, sync: number) => TICKED.replace('\n---\n', `\nmax-snapshot-age-hours: ${snapshot}\nmax-sync-age-hours: ${sync}\n---\n`);

describe('limits in the runbook front matter', () => {
  it('cannot loosen the trusted limits: same verdict as without them, and the evidence says it was refused', async () => {
    const plain = await gate(TICKED);
    const loosened = await gate(withLimits(1000, 1000));
    expect(plain.result.satisfied).toBe(1);
    expect(loosened.code).toBe(1);
    expect(loosened.result.satisfied).toBe(1);
    expect(loosened.result.prerequisites.map((p) => p.status)).toEqual(plain.result.prerequisites.map((p) => p.status));
    const synced = loosened.result.prerequisites.find((p) => p.id === 'staging-synced')!;
    expect(synced.evidence).toContain("the runbook's max-snapshot-age-hours: 1000 would loosen the trusted limit of 24 h: ignored (a runbook may only tighten it)");
    expect(synced.evidence).toContain("the runbook's max-sync-age-hours: 1000 would loosen the trusted limit of 3 h: ignored (a runbook may only tighten it)");
    expect(loosened.result.notes).toEqual([
      "the runbook's max-snapshot-age-hours: 1000 would loosen the trusted limit of 24 h: ignored (a runbook may only tighten it)",
      "the runbook's max-sync-age-hours: 1000 would loosen the trusted limit of 3 h: ignored (a runbook may only tighten it)",
    ]);
    expect(loosened.markdown).toContain('would loosen the trusted limit of 24 h: ignored');
  });

  it('cannot loosen a limit the operator set either', async () => {
    const loosened = await gate(withLimits(1000, 1000), '--max-snapshot-age', '48', '--max-sync-age', '48');
    expect(loosened.result.prerequisites.find((p) => p.id === 'one-active')!.evidence).toContain(
      "the runbook's max-snapshot-age-hours: 1000 would loosen the trusted limit of 48 h: ignored (a runbook may only tighten it)",
    );
    expect(loosened.result.satisfied).toBe(1);
  });

  it('may tighten them', async () => {
    const dir = workspace();
    put(dir, 'runbook.md', withLimits(1, 1));
    const fresh = await runCli(['gate', 'runbook.md', '--now', '2026-11-24T11:00:00Z', '--format', 'json'], { cwd: dir });
    const result = JSON.parse(fresh.stdout) as GateResult;
    expect(fresh.code).toBe(1);
    expect(result.prerequisites.find((p) => p.id === 'staging-synced')!.status).toBe('contradicted');
    expect(result.notes).toBeUndefined();
  });
});
