/**
 * Issue 13: the review as GitHub shows it. The demo, a 50,000-object export (the repository's generator) and a
 * hostile export are rendered to HTML by cmark-gfm, GitHub's own renderer, and read as a person reads them: the first
 * screen in order (verdict, Entra ID delete banner, reasons by danger, gate, commit and run), the headline's numbers
 * equal to the tables' and the gate's, and no stray backslash, zero-width character, mention or issue link.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCsExportString } from '../../scripts/lib/csexport-generator.js';
import { DiskFileSource } from '../../src/files/disk.js';
import { SECTION_BREAK, renderReview, renderVerifyReply } from '../../src/report/review.js';
import { verifyStaging } from '../../src/verify/verify.js';
import type { VerificationResult } from '../../src/verify/types.js';
import { tempDir } from '../support/cli.js';
import { githubLinks, renderGfm, visibleText } from '../support/gfm.js';
import { ALL, hostileExport, NASTY } from '../hostile/hostile-export.js';
import { put, removeWorkspaces, workspace } from '../hostile/support.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-11-24T09:00:00Z');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const COMMAND = 'https://github.com/contoso/identity-sync/pull/7#issuecomment-1';
const RUN = { url: 'https://github.com/contoso/identity-sync/actions/runs/4242', label: 'workflow run' };

const num = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));

/** The rendered HTML's tables, each as rows of cell texts (header first). */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => visibleText(cell[1] ?? '').trim())),
  );
}

function column(table: string[][], row: string[], header: string): number {
  const index = (table[0] ?? []).indexOf(header);
  return index < 0 ? 0 : num(row[index]);
}

/** Everything a reader sees, checked for what must never show. */
function expectClean(markdown: string, html: string): void {
  const text = visibleText(html);
  expect(markdown).not.toContain('\u200b');
  expect(text).not.toMatch(/[\u200b\u200c\u200d\u2060\ufeff]/);
  const backslashes = text.split('\n').filter((line) => line.includes('\\'));
  expect(backslashes, backslashes.join('\n')).toEqual([]);
  const links = githubLinks(html);
  expect(links.mentions).toEqual([]);
  expect(links.references).toEqual([]);
  // The only links: the report's own sections, the run and the command replied to.
  for (const href of links.links) expect([RUN.url, COMMAND]).toContain(href.startsWith('#syncstage-') ? RUN.url : href);
  // Every section link lands on an anchor of the comment.
  const anchors = new Set([...html.matchAll(/<a name="([^"]+)">/g)].map((m) => m[1]));
  for (const href of links.links.filter((link) => link.startsWith('#'))) expect(anchors, href).toContain(href.slice(1));
}

interface FirstScreen {
  html: string;
  text: string;
  lines: string[];
  reasons: string[];
}

function firstScreen(markdown: string): FirstScreen {
  const first = markdown.split(SECTION_BREAK)[0] ?? '';
  const html = renderGfm(first);
  // What shows before anything is unfolded.
  const text = visibleText(html.replace(/<details>[\s\S]*?<\/summary>[\s\S]*?<\/details>/g, (block) => block.replace(/<\/summary>[\s\S]*<\/details>/, '</summary></details>')));
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const reasons = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => visibleText(m[1] ?? '').trim());
  return { html, text, lines, reasons };
}

function expectInOrder(text: string, parts: readonly string[]): void {
  let at = -1;
  for (const part of parts) {
    const next = text.indexOf(part, at + 1);
    expect(next, `"${part}" after position ${at} in:\n${text}`).toBeGreaterThan(at);
    at = next;
  }
}

/** The headline's counts equal the tables', the banner's and the threshold's. */
function expectNumbersAgree(result: VerificationResult, html: string, screen: FirstScreen): void {
  const headline = screen.lines.find((line) => line.includes('pending export')) ?? '';
  const m = /([\d,]+) pending exports? to (.*?): ([\d,]+) adds?, ([\d,]+) updates?(?: \(([\d,]+) replaces?\))?, ([\d,]+) deletes?(?:, ([\d,]+) delete-adds?)?(?:; ([\d,]+) renames?)?(?:; ([\d,]+) deletes?(?: \(([\d,]+) deletes? \+ ([\d,]+) delete-adds?\))?,)?/.exec(headline);
  expect(m, headline).not.toBeNull();
  const [, objects, , adds, updates, replaces, deletes, deleteAdds, renames, thresholdDeletes, thresholdPlain, thresholdDeleteAdds] = m ?? [];
  const all = tables(html);
  const several = (result.exports?.connectors.length ?? 0) > 1;
  const table = several ? all.find((t) => t[0]?.[0] === 'Connector' && t[0]?.includes('renamed')) : all.find((t) => t[0]?.[0] === 'Object type' && t[0]?.at(-1) === 'Total');
  expect(table, 'the operations table').toBeDefined();
  const total = table?.find((row) => row[0] === 'Total') ?? [];
  expect(column(table ?? [], total, 'add')).toBe(num(adds));
  expect(column(table ?? [], total, 'update')).toBe(num(updates));
  expect(column(table ?? [], total, 'delete')).toBe(num(deletes));
  expect(column(table ?? [], total, 'delete-add')).toBe(num(deleteAdds));
  expect(column(table ?? [], total, 'Total')).toBe(num(objects));
  const text = visibleText(html);
  if (several) expect(column(table ?? [], total, 'renamed')).toBe(num(renames));
  else if (num(renames) > 0) expect(text).toContain(`${renames} renames: exports that also give the object a new DN`);
  // Each connector's note says how many of its updates are replaces; together, the headline's.
  const notes = [...text.matchAll(/update counts ([\d,]+) replaces?/g)].reduce((n, note) => n + num(note[1]), 0);
  expect(notes).toBe(num(replaces));
  // The threshold's deletes: the Entra ID connector's deletes + delete-adds, as its own table counts them, and the banner.
  if (thresholdDeletes !== undefined) {
    const entra = result.exports?.connectors.find((c) => c.threshold.applies);
    const entraTable = all.filter((t) => t[0]?.[0] === 'Object type' && t[0]?.at(-1) === 'Total')[several ? 0 : 0];
    const entraTotal = entraTable?.find((row) => row[0] === 'Total') ?? [];
    // The Entra ID connector's section comes first: its table is the first per-connector table.
    expect(entra?.connector).toBe(result.exports?.connectors.find((c) => c.connectorKind.kind === 'entra')?.connector);
    expect(column(entraTable ?? [], entraTotal, 'delete') + column(entraTable ?? [], entraTotal, 'delete-add')).toBe(num(thresholdDeletes));
    if (thresholdPlain !== undefined) {
      expect(column(entraTable ?? [], entraTotal, 'delete')).toBe(num(thresholdPlain));
      expect(column(entraTable ?? [], entraTotal, 'delete-add')).toBe(num(thresholdDeleteAdds));
    }
    expect(screen.text).toMatch(new RegExp(`${thresholdDeletes} objects will be deleted in Entra ID`));
  }
}

let big: VerificationResult;
let demo: VerificationResult;
let bigDir: string;

beforeAll(async () => {
  demo = await verifyStaging(new DiskFileSource(ROOT), { primary: 'examples/primary', staging: 'examples/staging', exports: [], runbooks: ['examples/runbooks/failover-2026-11-24.md'], now: NOW });
  bigDir = tempDir('syncstage-first-screen-');
  writeFileSync(path.join(bigDir, 'contoso.onmicrosoft.com - AAD.xml'), generateCsExportString({ objects: 50_000, seed: 13 }).xml);
  big = await verifyStaging(new DiskFileSource(bigDir), { exports: ['*.xml'], runbooks: [], now: NOW });
}, 120_000);

afterAll(() => {
  removeWorkspaces();
  rmSync(bigDir, { recursive: true, force: true });
});

describe('the demo comment, rendered by cmark-gfm', () => {
  it('answers "may I switch, and if not, why" on the first screen, in order', () => {
    const markdown = renderReview(demo, { sha: SHA, run: RUN });
    const screen = firstScreen(markdown);
    expectInOrder(screen.text, [
      'syncstage: staging review at 0123456789ab',
      'not ready: 217 pending exports',
      '23 objects will be deleted in Entra ID (18 deletes + 5 delete-adds), within the accidental-delete limit of 500',
      'Switching will export 82 changes the active server would not: 27 adds, 46 updates, 7 deletes, 2 delete-adds.',
      'Why not ready, most dangerous first:',
      'Failover gate (examples/runbooks/failover-2026-11-24.md): 4 of 8 prerequisites satisfied; contradicted: no-drift; unsatisfied: initial-sync, exports-verified, health-agent',
      `Commit reviewed: ${SHA} · workflow run`,
      '6 findings to acknowledge in the runbook (the lines to paste)',
    ]);
    // Most dangerous first: deletes, then sourceAnchor/UPN, the contradicted gate item, drift, export errors, the rest.
    expect(screen.reasons).toEqual([
      '5 delete-adds (deleted in Entra ID, then created anew) on contoso.onmicrosoft.com - AAD',
      '2 sourceAnchor flips (deleted and added again with the same UPN or mail) on contoso.onmicrosoft.com - AAD',
      '8 userPrincipalName changes (5 on contoso.onmicrosoft.com - AAD, 3 on contoso.com)',
      '1 gate prerequisite contradicted by the evidence: no-drift',
      '2 configuration differences between the active and the staging server',
      '10 export errors (8 on contoso.onmicrosoft.com - AAD, 2 on contoso.com)',
      '33 objects losing proxyAddresses values (21 on contoso.onmicrosoft.com - AAD, 12 on contoso.com)',
    ]);
    // About fifteen lines before anything is unfolded.
    expect(screen.lines.length, screen.lines.join('\n')).toBeLessThanOrEqual(18);
    // The run link is the workflow run's.
    expect(screen.html).toContain(`<a href="${RUN.url}">workflow run</a>`);
  });

  it('offers the exact ack lines the runbook gate accepts, folded', () => {
    const markdown = renderReview(demo, { sha: SHA, run: RUN });
    const html = renderGfm(markdown.split(SECTION_BREAK)[0] ?? '');
    const block = /<details><summary>6 findings to acknowledge[\s\S]*?<pre><code[^>]*>([\s\S]*?)<\/code>/.exec(html)?.[1];
    expect(visibleText(block ?? '').trim().split('\n')).toEqual([
      '- [x] ack risky anchor-flip: <reason>',
      '- [x] ack risky delete-add: <reason>',
      '- [x] ack risky sensitive-attribute userPrincipalName: <reason>',
      '- [x] ack risky proxy-address-removal proxyAddresses: <reason>',
      '- [x] ack drift d-f966163fbe: <reason>',
      '- [x] ack drift d-dc2a26a8e1: <reason>',
    ]);
  });

  it('says the same numbers in the headline, the tables, the banner and the gate', () => {
    const markdown = renderReview(demo, { sha: SHA, run: RUN });
    const html = renderGfm(markdown);
    const screen = firstScreen(markdown);
    expectNumbersAgree(demo, html, screen);
    const text = visibleText(html);
    // The switch impact: its headline's numbers are its table's last row, and the gate's threshold row counts the
    // Entra ID connector's deletes + delete-adds of the same classes, named as such.
    const impact = tables(html).find((t) => t[0]?.[0] === 'Class' && t[0]?.[1] === 'Exports') ?? [];
    const switched = impact.find((row) => row[0]?.startsWith('Exported because of the switch')) ?? [];
    expect([column(impact, switched, 'Exports'), column(impact, switched, 'add'), column(impact, switched, 'update'), column(impact, switched, 'delete'), column(impact, switched, 'delete-add')]).toEqual([82, 27, 46, 7, 2]);
    const byConnector = tables(html).find((t) => t[0]?.join('|') === 'Class|Connector|Object type|add|update|delete|delete-add') ?? [];
    const entraRows = byConnector.filter((row) => (row[0] === 'different' || row[0] === 'stagingOnly') && row[1] === 'contoso.onmicrosoft.com - AAD');
    const entraDeletes = entraRows.reduce((n, row) => n + column(byConnector, row, 'delete'), 0);
    const entraDeleteAdds = entraRows.reduce((n, row) => n + column(byConnector, row, 'delete-add'), 0);
    expect(text).toContain(`${entraDeletes + entraDeleteAdds} deletes to Entra ID that the switch itself exports`);
    expect(text).toContain(`${entraDeletes + entraDeleteAdds} deletes (${entraDeletes} deletes + ${entraDeleteAdds} delete-adds), within the limit of 500`);
    // Drift: the headline's count, the section's, and the gate's.
    expect(screen.text).toContain('2 drift differences');
    expect(text).toContain('2 differences between the active and the staging server');
    expect(text).toContain('2 difference(s) not acknowledged');
  });

  it('puts the Entra ID connector first and groups its deletes by container', () => {
    const text = visibleText(renderGfm(renderReview(demo)));
    expectInOrder(text, [
      'Pending exports',
      '\ncontoso.onmicrosoft.com - AAD\n',
      '18 deletes by container',
      '10 deletes under OU=Sync,DC=contoso,DC=com',
      // The scope drift finding that explains them, linked.
      '7 deletes under OU=Disabled Users,OU=CORP,DC=contoso,DC=com: excluded on the staging server, drift d-f966163fbe',
      '1 delete in no known container',
      // Display name, UPN and on-premises DN of each listed delete.
      'Lynne Bowen | lynne.bowen32@contoso.com | CN=Lynne Bowen,OU=Disabled Users,OU=CORP,DC=contoso,DC=com | user |',
      '\ncontoso.com\n',
      '6 deletes by container',
      '6 deletes under OU=Sync,DC=contoso,DC=com',
    ]);
  });

  it('renders clean: no backslash, no zero-width character, nobody pinged, no issue link (comment and /verify-staging reply)', () => {
    const markdown = renderReview(demo, { sha: SHA, run: RUN });
    expectClean(markdown, renderGfm(markdown));
    const reply = renderVerifyReply(demo, { sha: SHA, commandUrl: COMMAND });
    expectClean(reply, renderGfm(reply));
  });
});

describe('a 50,000-object export (npm run generate), rendered by cmark-gfm', () => {
  it('leads with the threshold and the delete banner, and its numbers agree', () => {
    expect(big.exports?.objects).toBeGreaterThan(40_000);
    const markdown = renderReview(big, { sha: SHA, run: RUN });
    const html = renderGfm(markdown);
    const screen = firstScreen(markdown);
    const threshold = big.exports?.connectors[0]?.threshold;
    expect(threshold?.exceeded).toBe(true);
    const deletes = (threshold?.deletes ?? 0).toLocaleString('en-US');
    expectInOrder(screen.text, ['not ready', `${deletes} objects will be deleted in Entra ID`, 'over the accidental-delete limit of 500', 'Why not ready', 'Failover gate: no failover runbook in this change', 'Commit reviewed']);
    // The threshold is the first reason.
    expect(screen.reasons[0]).toMatch(new RegExp(`^${deletes} deletes \\([\\d,]+ deletes \\+ [\\d,]+ delete-adds\\), over the limit of 500 \\(the default\\) on contoso\\.onmicrosoft\\.com - AAD$`));
    expect(screen.lines.length, screen.lines.join('\n')).toBeLessThanOrEqual(18);
    expectNumbersAgree(big, html, screen);
    expectClean(markdown, html);
  });
});

describe('a hostile export, rendered by cmark-gfm', () => {
  it('keeps the first screen in order and shows the hostile text as text: no stray backslash, no invisible character, no ping, no link', async () => {
    const cwd = workspace();
    put(cwd, 'SYNC02/exports/hostile.xml', hostileExport());
    put(cwd, `SYNC02/exports/${NASTY.slice(5, 9).join(' ')} x.xml`, hostileExport());
    const runbook = readFileSync(path.join(cwd, 'runbook.md'), 'utf8')
      .replace(/^# .*$/m, `# Failover ${ALL.replace(/\n/g, ' ')}`)
      .concat([`- [x] ack risky delete-add: ${ALL.replace(/\n/g, ' ')}`, `- [x] ack drift d-@octocat|#123<script>: ${ALL.replace(/\n/g, ' ')}`, ''].join('\n'));
    put(cwd, 'runbook.md', runbook);
    const result = await verifyStaging(new DiskFileSource(cwd), { primary: 'SYNC01', staging: 'SYNC02', exports: [], runbooks: ['runbook.md'], now: new Date('2026-11-24T12:00:00Z') });
    expect(result.inputErrors).toEqual([]);
    const markdown = renderReview(result, { sha: SHA, run: RUN });
    const html = renderGfm(markdown);
    expectClean(markdown, html);
    const text = visibleText(html);
    // The hostile values are there, readable and copyable as they are.
    expect(text).toContain('@octocat');
    expect(text).toContain('<script>alert(1)</script>');
    expect(html).not.toMatch(/<script>/);
    expect(html).not.toMatch(/<img/);
    const screen = firstScreen(markdown);
    expectInOrder(screen.text, ['not ready', 'Why not ready', 'userPrincipalName changes', 'gate prerequisite contradicted', 'export errors', 'Failover gate', 'Commit reviewed']);
    expect(screen.lines.length, screen.lines.join('\n')).toBeLessThanOrEqual(20);
  });
});
