/** `syncstage verify --map`: connectors named differently on purpose are paired by the switch impact, as by `impact --map`. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = ['--now', '2026-11-24T12:00:00Z'];

/** The example servers, with the active server's on-premises connector called contoso-prod.com in its manifest. */
function workspaceWithRenamedConnector(): string {
  const cwd = tempDir('syncstage-verify-map-');
  for (const side of ['primary', 'staging']) cpSync(path.join(ROOT, 'examples', side), path.join(cwd, side), { recursive: true });
  const manifest = path.join(cwd, 'primary/snapshot.json');
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, string> };
  json.exports['contoso.com.xml'] = 'contoso-prod.com';
  writeFileSync(manifest, JSON.stringify(json, null, 2));
  return cwd;
}

describe('syncstage verify --map', () => {
  it('without the map, the renamed connector cannot be paired: named, not ready, exit 2', async () => {
    const cwd = workspaceWithRenamedConnector();
    const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', ...NOW, '--format', 'json'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('primary/exports/contoso.com.xml: the active server has an export file for connector "contoso-prod.com" but the staging server has none (its connectors: "contoso.com", "contoso.onmicrosoft.com - AAD")');
    expect(JSON.parse(run.stdout).verdict).toBe('not-ready');
  });

  it('with --map (or --map-file) the connectors pair and the classes are those of the example', async () => {
    const cwd = workspaceWithRenamedConnector();
    writeFileSync(path.join(cwd, 'names.txt'), '# lab vs production\ncontoso-prod.com=contoso.com\n');
    for (const map of [['--map', 'contoso-prod.com=contoso.com'], ['--map-file', 'names.txt']]) {
      const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', ...NOW, '--format', 'json', ...map], { cwd });
      // Paired: no unreadable input (exit 1 is --fail-on not-ready: the example is not ready for its own reasons).
      expect([run.code, run.stderr]).toEqual([1, expect.stringMatching(/^syncstage: --fail-on: not-ready: /)]);
      const report = JSON.parse(run.stdout);
      const classes = report.switchImpact.switchImpact;
      expect([classes.stagingOnly.count, classes.same.count, classes.different.count, classes.activeOnly.count]).toEqual([43, 135, 39, 18]);
      expect(report.switchImpact.connectors).toContainEqual({ connector: 'contoso.com', activeName: 'contoso-prod.com', isEntraConnector: false });
    }
  });

  it('refuses a --map that is not A=B, naming it', async () => {
    const run = await runCli(['verify', '--staging', 'staging', '--map', 'contoso-prod.com'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--map: expected primary-name=staging-name, got "contoso-prod.com"');
  });
});

describe('issue 14 leftover: a name-map entry that matches nothing is named, never silent', () => {
  it('verify --map with a typo: exit 2, the entry and the side named, "not ready"', async () => {
    const cwd = workspaceWithRenamedConnector();
    const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', ...NOW, '--format', 'json', '--map', 'contosso-prod.com=contoso.com'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name map contosso-prod.com=contoso.com: "contosso-prod.com" occurs nowhere in the primary (active) configuration (primary): a typo, or the sides swapped? An entry that matches nothing maps nothing');
    expect(JSON.parse(run.stdout).verdict).toBe('not-ready');
  });

  it('an entry naming the staging side wrongly is named for the staging configuration', async () => {
    const cwd = workspaceWithRenamedConnector();
    const run = await runCli(['verify', '--primary', 'primary', '--staging', 'staging', ...NOW, '--format', 'json', '--map', 'contoso-prod.com=fabrikam.com'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name map contoso-prod.com=fabrikam.com: "fabrikam.com" occurs nowhere in the staging configuration');
  });
});
