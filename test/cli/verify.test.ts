/** `syncstage verify` with one unreadable export file beside a good one: the verdict fails closed, the report stays whole. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BAD = 'staging/exports/contoso.com.xml';
const REASON = `${BAD}:8:61: the file ends before </cs-objects>: it is truncated`;

/** The example servers, with the on-premises connector's export cut off mid-element. */
function workspaceWithOneCorruptExport(): string {
  const cwd = tempDir('syncstage-verify-');
  for (const side of ['primary', 'staging']) cpSync(path.join(ROOT, 'examples', side), path.join(cwd, side), { recursive: true });
  writeFileSync(path.join(cwd, BAD), readFileSync(path.join(cwd, BAD)).subarray(0, 3000));
  return cwd;
}

describe('syncstage verify: one corrupt export beside a good one', () => {
  it('reports the good connector, names the bad file with its reason, says not ready and exits 2', async () => {
    const cwd = workspaceWithOneCorruptExport();
    const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', '--now', '2026-11-24T12:00:00Z'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${REASON}\n`);
    const lines = run.stdout.split('\n');
    expect(lines[2]).toBe(
      '⛔ **not ready**: 1 unreadable input; 169 pending exports to 1 connector: 42 adds, 104 updates \\(18 replaces\\), 18 deletes, 5 delete\\-adds; 8 renames; 23 deletes \\(18 deletes \\+ 5 delete\\-adds\\), within the limit of 500 \\(from the snapshot configuration\\); 2 drift differences',
    );
    // The first screen's reasons end with the unreadable input, linked to its section, which names the file.
    const reasons = lines.filter((line) => /^\d+\. /.test(line));
    expect(reasons.at(-1)).toMatch(/^\d+\. \[1 input could not be read\]\(#syncstage-unreadable\)$/);
    expect(run.stdout).toContain('<a name="syncstage-unreadable"></a>\n\n### Unreadable input');
    expect(run.stdout).toContain(`### Unreadable input\n\nThese files could not be read; nothing in this report stands in for them.\n\n- \`${REASON}\``);
    expect(run.stdout).toContain('**169 pending exports to contoso\\.onmicrosoft\\.com \\- AAD: 42 adds, 104 updates \\(18 replaces\\), 18 deletes, 5 delete\\-adds; 8 renames;');
    expect(run.stdout).not.toContain('### contoso\\.com\n');
  });

  it('gives the same in JSON: the good connector\'s counts, the bad file and its position', async () => {
    const cwd = workspaceWithOneCorruptExport();
    const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', '--now', '2026-11-24T12:00:00Z', '--format', 'json'], { cwd });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe('not-ready');
    expect(report.inputErrors).toEqual([{ file: BAD, line: 8, column: 61, message: 'the file ends before </cs-objects>: it is truncated' }]);
    expect(report.exports.connectors.map((connector: { connector: string; objects: number }) => [connector.connector, connector.objects])).toEqual([['contoso.onmicrosoft.com - AAD', 169]]);
    expect(report.exports.files).toEqual(['staging/exports/contoso.onmicrosoft.com - AAD.xml']);
  });

  it('keeps the runbook\'s exports row unsatisfied, naming the bad file, while judging the good one', async () => {
    const cwd = workspaceWithOneCorruptExport();
    cpSync(path.join(ROOT, 'examples/runbooks'), path.join(cwd, 'runbooks'), { recursive: true });
    const runbook = path.join(cwd, 'runbooks/failover-2026-11-24.md');
    writeFileSync(runbook, readFileSync(runbook, 'utf8').replace('snapshot: examples/primary', 'snapshot: primary').replace('snapshot: examples/staging', 'snapshot: staging').replace('- [ ] 6.', '- [x] 6.'));
    const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', '--runbook', 'runbooks/*.md', '--now', '2026-11-24T09:00:00Z', '--format', 'json'], { cwd });
    expect(run.code).toBe(2);
    const row = JSON.parse(run.stdout).gates[0].prerequisites.find((prerequisite: { id: string }) => prerequisite.id === 'exports-verified');
    expect(row).toMatchObject({ status: 'contradicted', ticked: true });
    // 18 deletes and 5 delete-adds count against the threshold; the unacknowledged risky changes contradict the tick.
    // The pairing with the active server's exports fails on the same file: said, and every pending delete still judged.
    expect(row.evidence.slice(0, 4)).toEqual([
      `pending exports unreadable: ${REASON}`,
      '1 export file(s) in the staging snapshot, captured with its configuration',
      `switch impact unreadable (the active server's exports could not be paired with the staging server's): ${REASON}`,
      'contoso.onmicrosoft.com - AAD: 23 deletes, within the limit of 500 (from the snapshot configuration)',
    ]);
  });
});

describe('syncstage verify: the threshold in its own words', () => {
  it('says the CLI --deletion-threshold option set the limit', async () => {
    const run = await runCli(['verify', '--primary', 'examples/primary', '--staging', 'examples/staging', '--now', '2026-11-24T09:00:00Z', '--deletion-threshold', '3', '--format', 'json'], { cwd: ROOT });
    const report = JSON.parse(run.stdout);
    expect(report.exports.threshold).toMatchObject({ limit: 3, source: 'option', setBy: 'cli-option', deletes: 23, exceeded: true });
    expect(report.reasons).toContain('contoso.onmicrosoft.com - AAD: 23 deletes, over the limit of 3 (set by the --deletion-threshold option)');
  });
});

describe('syncstage verify --runbook, run from another folder', () => {
  it('says which directory the front-matter paths were resolved against, and where they are', async () => {
    const elsewhere = path.join(ROOT, 'test');
    const run = await runCli(['verify', '--runbook', '../examples/runbooks/failover-2026-11-24.md', '--now', '2026-11-24T09:00:00Z', '--fail-on', 'none'], { cwd: elsewhere });
    expect(run.code).toBe(0);
    const runbook = path.join(ROOT, 'examples/runbooks/failover-2026-11-24.md');
    expect(run.stderr).toBe(
      ['active.snapshot "examples/primary"', 'staging.snapshot "examples/staging"']
        .map((what) => `syncstage verify: ${runbook}: ${what} was resolved against the working directory ${elsewhere} (front-matter paths are relative to the repository root, not to the runbook's folder) and is not there; it exists under ${ROOT}: run syncstage from there (the repository root)\n`)
        .join(''),
    );
    // From the repository root, nothing to say.
    expect((await runCli(['verify', '--runbook', 'examples/runbooks/failover-2026-11-24.md', '--now', '2026-11-24T09:00:00Z', '--fail-on', 'none'], { cwd: ROOT })).stderr).toBe('');
  });
});
