/**
 * Issue 8: a corpus of bad inputs for every parser, each through the real CLI (main() with a fake terminal and a
 * temporary repository as cwd) and, where the CLI does not reach it, the core function. Every case must end in
 * exit 2 with `FILE:line:column: reason` on stderr and nothing on stdout (`verify` alone prints its complete
 * "not ready" report, naming the file, by design). Cases and expected behaviour: test/hostile/corpus/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseFrontMatter } from '../../src/gate/front-matter.js';
import { ConfigError } from '../../src/github/settings-schema.js';
import { loadConfigFile } from '../../src/github/settings-file.js';
import type { FileSource } from '../../src/files/source.js';
import { runCli } from '../support/cli.js';
import { CONTOSO, corpus, CORPUS, cutOffsets, expectBadInput, expectFailClosed, GOLDEN_EXPORT, put, randomBytes, removeWorkspaces, workspace } from './support.js';

afterEach(removeWorkspaces);

const TIMEOUT = 20_000;
const MB = 1024 * 1024;
const golden = readFileSync(GOLDEN_EXPORT);
const goldenText = golden.toString('utf8');

/** Bad csexport files, committed and generated. */
function exportCases(): { name: string; bytes: Buffer }[] {
  const cases = readdirSync(path.join(CORPUS, 'exports')).map((name) => ({ name, bytes: corpus('exports', name) }));
  const rootEnd = goldenText.lastIndexOf('</cs-objects>');
  for (const at of cutOffsets(8, rootEnd, 12)) cases.push({ name: `truncated-at-${at}.xml`, bytes: golden.subarray(0, at) });
  const utf16le = Buffer.from(`\ufeff${goldenText}`, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  let binary = randomBytes(8, 4096);
  if (binary[0] === 0x1f) binary = binary.subarray(1);
  cases.push(
    { name: 'binary.xml', bytes: binary },
    { name: 'binary-after-root-open.xml', bytes: Buffer.concat([Buffer.from('<cs-objects>'), randomBytes(9, 2048)]) },
    { name: 'nul-bytes.xml', bytes: Buffer.from(goldenText.replace('<cs-object ', '<cs-object \0\0')) },
    { name: 'invalid-utf8.xml', bytes: Buffer.concat([golden.subarray(0, 700), Buffer.from([0xc3, 0x28, 0xff]), golden.subarray(700)]) },
    { name: 'utf8-encoded-surrogate.xml', bytes: Buffer.concat([golden.subarray(0, 700), Buffer.from([0xed, 0xa0, 0x80]), golden.subarray(700)]) },
    { name: 'utf8-truncated-sequence-at-end.xml', bytes: Buffer.concat([golden, Buffer.from([0xe2, 0x82])]) },
    { name: 'utf16le-odd-byte-count.xml', bytes: utf16le.subarray(0, utf16le.length - 1) },
    { name: 'utf16le-lone-surrogate.xml', bytes: Buffer.concat([utf16le.subarray(0, 800), Buffer.from([0x00, 0xd8, 0x41, 0x00]), utf16le.subarray(800)]) },
    { name: 'utf16be-odd-byte-count.xml', bytes: utf16be.subarray(0, utf16be.length - 3) },
    { name: 'utf16le-bom-on-utf8-bytes.xml', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), golden]) },
    { name: 'utf16be-bom-on-utf8-bytes.xml', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), golden]) },
    { name: 'utf8-bom-on-utf16le-bytes.xml', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf16le.subarray(2)]) },
    { name: 'utf16be-bom-on-utf16le-bytes.xml', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le.subarray(2)]) },
    { name: 'gzip-truncated.xml.gz', bytes: gzipSync(golden).subarray(0, 400) },
    { name: 'gzip-corrupt.xml.gz', bytes: Buffer.concat([gzipSync(golden).subarray(0, 30), randomBytes(10, 300)]) },
    { name: 'gzip-of-binary.xml.gz', bytes: gzipSync(binary) },
    { name: 'gzip-magic-only.xml.gz', bytes: Buffer.from([0x1f, 0x8b]) },
    { name: 'deep-nesting-10000.xml', bytes: Buffer.from(`<cs-objects>${'<cs-object>'.repeat(10_000)}${'</cs-object>'.repeat(10_000)}</cs-objects>`) },
  );
  return cases;
}

describe('corpus: pending-export XML', () => {
  for (const { name, bytes } of exportCases()) {
    it(`${name}: exports, exports --format csv and identities refuse it`, { timeout: TIMEOUT }, async () => {
      const cwd = workspace();
      put(cwd, name, bytes);
      expectBadInput(await runCli(['exports', name], { cwd }), name);
      expectBadInput(await runCli(['exports', '--format', 'csv', name], { cwd }), name);
      expectBadInput(await runCli(['identities', name, '--out-dir', 'out', '--batch-size', '2'], { cwd }), name);
      // No batch file, finished or partial, is left behind.
      expect(existsSync(path.join(cwd, 'out')) ? readdirSync(path.join(cwd, 'out')) : []).toEqual([]);
    });
  }

  // sax, the earlier tokenizer, let these two through; they are not well-formed XML and .NET never writes them.
  it.each([
    ['cdata-end-in-text.xml', 'cdata-end-in-text.xml:1:140: malformed XML: the string "]]>" is disallowed in char data'],
    ['duplicate-attribute.xml', 'duplicate-attribute.xml:1:73: malformed XML: duplicate attribute: id'],
  ])('%s: refused as not well-formed, with the reason', { timeout: TIMEOUT }, async (name, message) => {
    const cwd = workspace();
    put(cwd, name, corpus('exports', name));
    const run = await runCli(['exports', '--format', 'json', name], { cwd });
    expect(run.stderr.split('\n')[0]).toBe(message);
  });

  it('standard input is named <stdin> with a position', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    expectBadInput(await runCli(['exports', '-'], { cwd, stdin: corpus('exports', 'mismatched-tags.xml') }), '<stdin>');
    expectBadInput(await runCli(['exports', '-'], { cwd, stdin: Buffer.alloc(0) }), '<stdin>');
  });

  it('one bad file among good ones: no partial report', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    put(cwd, 'folder/a-good.xml', golden);
    put(cwd, 'folder/b-bad.xml', golden.subarray(0, 5000));
    expectBadInput(await runCli(['exports', 'folder'], { cwd }), 'folder/b-bad.xml');
    expectBadInput(await runCli(['exports', '--format', 'json', 'folder/*.xml'], { cwd }), 'folder/b-bad.xml');
  });

  it('verify: a bad staging export gives the whole "not ready" report, exit 2 and the position', { timeout: TIMEOUT }, async () => {
    for (const name of ['billion-laughs.xml', 'mismatched-tags.xml', 'empty.xml']) {
      const cwd = workspace();
      put(cwd, 'SYNC02/exports/aad.xml', corpus('exports', name));
      const run = await runCli(['verify', '--primary', 'SYNC01', '--staging', 'SYNC02', '--now', '2026-11-24T12:00:00Z'], { cwd });
      expectBadInput(run, 'SYNC02/exports/aad.xml', { stdout: 'report' });
    }
  });

  it('a 10 MB attribute value is refused in bounded memory', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    put(cwd, 'big-attribute.xml', `<cs-objects><cs-object id="{1}" object-type="user" cs-dn="CN=${'A'.repeat(10 * MB)}"/></cs-objects>`);
    const before = process.memoryUsage().rss;
    expectBadInput(await runCli(['exports', 'big-attribute.xml'], { cwd }), 'big-attribute.xml');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('a 10 MB value and 10 MB of whitespace are read in bounded memory (valid input: accepted)', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    const huge = goldenText.replace(/<value>[^<]*<\/value>/, `<value>${'x'.repeat(10 * MB)}</value>`).replace('<cs-object ', `${' '.repeat(10 * MB)}<cs-object `);
    put(cwd, 'big-value.xml', huge);
    const before = process.memoryUsage().rss;
    const run = await runCli(['exports', '--format', 'json', 'big-value.xml'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).connectors[0].oversizedValues).toBeGreaterThan(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('10,000-deep nesting is refused at the depth limit in bounded memory', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    put(cwd, 'deep.xml', `<cs-objects>${'<x>'.repeat(10_000)}`);
    const before = process.memoryUsage().rss;
    const run = await runCli(['exports', 'deep.xml'], { cwd });
    expectBadInput(run, 'deep.xml');
    expect(run.stderr).toMatch(/nested deeper than/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('DTDs are refused before any expansion, at the DOCTYPE', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    for (const name of ['billion-laughs.xml', 'external-entity.xml']) {
      put(cwd, name, corpus('exports', name));
      const run = await runCli(['exports', name], { cwd });
      expectBadInput(run, name);
      expect(run.stderr).toMatch(/DOCTYPE/);
      expect(run.stderr).not.toMatch(/root:|lollol/);
    }
  });
});

/** Connector, MV.xml and sync-rule files: bad ones dropped into SYNC02/config, read by drift, gate and verify. */
function configCases(): { name: string; target: string; bytes: Buffer }[] {
  const connector = 'SYNC02/config/Connectors/Connector_{11111111-2222-3333-4444-555555555555}.xml';
  const rule = 'SYNC02/config/SynchronizationRules/SynchronizationRule_{11111111-2222-3333-4444-555555555555}.xml';
  const mv = 'SYNC02/config/GlobalSettings/MV.xml';
  const targetOf = (name: string) => (name.startsWith('connector') ? connector : name.startsWith('rule') ? rule : mv);
  const cases = readdirSync(path.join(CORPUS, 'config')).map((name) => ({ name, target: targetOf(name), bytes: corpus('config', name) }));
  const aadConnector = readFileSync(path.join(CONTOSO, 'Connectors', 'Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml'));
  const ruleFile = readdirSync(path.join(CONTOSO, 'SynchronizationRules'))[0] as string;
  const contosoRule = readFileSync(path.join(CONTOSO, 'SynchronizationRules', ruleFile));
  const mvFile = readFileSync(path.join(CONTOSO, 'GlobalSettings', 'MV.xml'));
  for (const at of cutOffsets(21, aadConnector.toString('latin1').lastIndexOf('</ma-data>'), 4)) cases.push({ name: `connector-truncated-at-${at}`, target: connector, bytes: aadConnector.subarray(0, at) });
  for (const at of cutOffsets(22, contosoRule.toString('latin1').lastIndexOf('</synchronizationRule>'), 4)) cases.push({ name: `rule-truncated-at-${at}`, target: rule, bytes: contosoRule.subarray(0, at) });
  for (const at of cutOffsets(23, mvFile.toString('latin1').lastIndexOf('</saved-mv-configuration>'), 4)) cases.push({ name: `mv-truncated-at-${at}`, target: mv, bytes: mvFile.subarray(0, at) });
  cases.push(
    { name: 'connector-binary', target: connector, bytes: randomBytes(24, 2048) },
    { name: 'connector-empty', target: connector, bytes: Buffer.alloc(0) },
    { name: 'connector-utf16le-bom-on-utf8', target: connector, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), aadConnector.subarray(0, 4000)]) },
    { name: 'connector-invalid-utf8', target: connector, bytes: Buffer.concat([aadConnector.subarray(0, 900), Buffer.from([0xc0, 0xaf]), aadConnector.subarray(900)]) },
    { name: 'rule-deep-nesting', target: rule, bytes: Buffer.from(`<synchronizationRule>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</synchronizationRule>`) },
    { name: 'rule-utf16-odd-bytes', target: rule, bytes: Buffer.from(`\ufeff${contosoRule.toString('utf8')}`, 'utf16le').subarray(0, 301) },
    { name: 'mv-10mb-attribute', target: mv, bytes: Buffer.from(`<saved-mv-configuration server='${'S'.repeat(10 * MB)}'></saved-mv-configuration>`) },
  );
  return cases;
}

describe('corpus: server configuration XML', () => {
  for (const { name, target, bytes } of configCases()) {
    it(`${name}: drift, gate and verify refuse ${path.basename(target)}`, { timeout: TIMEOUT }, async () => {
      const cwd = workspace();
      put(cwd, target, bytes);
      expectBadInput(await runCli(['drift', 'SYNC01', 'SYNC02'], { cwd }), target);
      expectBadInput(await runCli(['drift', 'SYNC01/config', 'SYNC02/config', '--format', 'json'], { cwd }), target);
      expectFailClosed(await runCli(['gate', 'runbook.md', '--now', '2026-11-24T12:00:00Z'], { cwd }), target);
      expectBadInput(await runCli(['verify', '--primary', 'SYNC01', '--staging', 'SYNC02', '--now', '2026-11-24T12:00:00Z'], { cwd }), target, { stdout: 'report' });
    });
  }
});

/** scheduler.json, run-history.json and snapshot.json. */
const JSON_TARGETS: Record<string, string> = { scheduler: 'SYNC02/scheduler.json', 'run-history': 'SYNC02/run-history.json', manifest: 'SYNC02/snapshot.json' };

interface JsonCase {
  name: string;
  target: string;
  bytes: Buffer;
  refused: boolean;
  position?: boolean;
}

function jsonCases(): JsonCase[] {
  const accepted = new Set(['scheduler-wrong-types.json', 'run-history-huge-numbers.json']);
  const withoutPosition = new Set(['scheduler-string.json', 'scheduler-two-objects.json', 'run-history-wrong-types.json', 'manifest-wrong-types.json', 'manifest-bad-role.json', 'manifest-bad-time.json', 'manifest-exports-array.json', 'manifest-array.json']);
  const cases: JsonCase[] = readdirSync(path.join(CORPUS, 'json')).map((name) => ({
    name,
    target: JSON_TARGETS[Object.keys(JSON_TARGETS).find((kind) => name.startsWith(kind)) as string] as string,
    bytes: corpus('json', name),
    refused: !accepted.has(name),
    position: !withoutPosition.has(name),
  }));
  for (const [kind, target] of Object.entries(JSON_TARGETS)) {
    cases.push(
      { name: `${kind}-empty`, target, bytes: Buffer.alloc(0), refused: true, position: true },
      { name: `${kind}-binary`, target, bytes: randomBytes(30, 1024), refused: true, position: true },
      { name: `${kind}-truncated`, target, bytes: Buffer.from('{"server": "SYNC02", "SyncCycleEnabled": tr'), refused: true, position: true },
      { name: `${kind}-invalid-utf8`, target, bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), refused: true, position: true },
      { name: `${kind}-utf16le-odd-bytes`, target, bytes: Buffer.from('\ufeff{"a": 1}', 'utf16le').subarray(0, 17), refused: true, position: true },
      { name: `${kind}-deep-nesting`, target, bytes: Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), refused: true, position: false },
      // The manifest is capped at 1 MiB; scheduler and run history at 32 MiB, and read leniently.
      { name: `${kind}-10mb-string`, target, bytes: Buffer.from(`{"server": "${'s'.repeat(10 * MB)}", "RunProfileName": 1}`), refused: kind === 'manifest', position: false },
    );
  }
  // Applied-/Exported-SynchronizationPolicy JSON: lenient on shape, strict on syntax and bytes.
  const settings = 'SYNC02/settings/Exported-SynchronizationPolicy-1.json';
  cases.push(
    { name: 'settings-not-json', target: settings, bytes: Buffer.from('{\n  "policyMetadata": {\n    "type": "Exported",\n  }\n}\n'), refused: true, position: true },
    { name: 'settings-binary', target: settings, bytes: randomBytes(31, 512), refused: true, position: true },
    { name: 'settings-invalid-utf8', target: settings, bytes: Buffer.from([0x7b, 0x0a, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), refused: true, position: true },
    { name: 'settings-wrong-types', target: settings, bytes: Buffer.from('{"policyMetadata": 12, "onpremisesDirectoryPolicy": "x", "azureDirectoryPolicy": [null]}'), refused: false },
    { name: 'settings-array', target: settings, bytes: Buffer.from('[1, 2, 3]'), refused: false },
  );
  // What Windows PowerShell 5.1's `ConvertTo-Json > file` writes: UTF-16LE with a BOM. Read, not refused.
  const scheduler = readFileSync(path.join(CORPUS, '..', '..', 'fixtures', 'gate', 'pre', 'SYNC02', 'scheduler.json'), 'utf8');
  cases.push(
    { name: 'scheduler-utf16le-bom (PowerShell 5.1)', target: JSON_TARGETS.scheduler as string, bytes: Buffer.from(`\ufeff${scheduler}`, 'utf16le'), refused: false },
    { name: 'scheduler-utf16be-bom', target: JSON_TARGETS.scheduler as string, bytes: Buffer.from(`\ufeff${scheduler}`, 'utf16le').swap16(), refused: false },
  );
  return cases;
}

describe('corpus: scheduler, run-history and manifest JSON', () => {
  for (const { name, target, bytes, refused, position } of jsonCases()) {
    it(`${name}: ${refused ? 'drift, gate and verify refuse it' : 'read leniently (unreadable fields left out), no crash'}`, { timeout: TIMEOUT }, async () => {
      const cwd = workspace();
      put(cwd, target, bytes);
      const drift = await runCli(['drift', 'SYNC01', 'SYNC02', '--format', 'json'], { cwd });
      const gate = await runCli(['gate', 'runbook.md', '--now', '2026-11-24T12:00:00Z'], { cwd });
      const verify = await runCli(['verify', '--primary', 'SYNC01', '--staging', 'SYNC02', '--now', '2026-11-24T12:00:00Z'], { cwd });
      if (refused) {
        expectBadInput(drift, target, { position });
        expectFailClosed(gate, target, { position });
        expectBadInput(verify, target, { position, stdout: 'report' });
      } else {
        for (const run of [drift, gate, verify]) {
          expect(run.stderr).not.toMatch(/unexpected error/);
          expect(run.stderr).not.toContain(target);
          expect(run.code, run.stderr).toBeLessThan(2);
        }
      }
    });
  }
  it('a bad manifest stops exports on the snapshot folder too', { timeout: TIMEOUT }, async () => {
    const cwd = workspace();
    put(cwd, 'SYNC02/snapshot.json', corpus('json', 'manifest-not-json.json'));
    expectBadInput(await runCli(['exports', 'SYNC02'], { cwd }), 'SYNC02/snapshot.json');
  });
});

describe('corpus: runbooks (front matter)', () => {
  const cases = readdirSync(path.join(CORPUS, 'runbook')).map((name) => ({ name, bytes: corpus('runbook', name) }));
  cases.push(
    { name: 'empty.md', bytes: Buffer.alloc(0) },
    { name: 'binary.md', bytes: randomBytes(40, 2048) },
    { name: 'invalid-utf8.md', bytes: Buffer.concat([Buffer.from('---\nactive: {server: SYNC01, snapshot: SYNC01}\nstaging: {server: "SYNC'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('02", snapshot: SYNC02}\n---\n')]) },
    { name: 'deep-flow-nesting.md', bytes: Buffer.from(`---\nactive: ${'['.repeat(5000)}${']'.repeat(5000)}\nstaging: {server: SYNC02}\n---\n`) },
  );
  const runbookText = readFileSync(path.join(CORPUS, '..', '..', 'fixtures', 'gate', 'runbook-pre.md'), 'utf8');
  for (const at of cutOffsets(41, runbookText.indexOf('---', 4), 5)) cases.push({ name: `truncated-front-matter-at-${at}.md`, bytes: Buffer.from(runbookText.slice(0, at)) });

  for (const { name, bytes } of cases) {
    it(`${name}: gate and verify refuse it with a position`, { timeout: TIMEOUT }, async () => {
      const cwd = workspace();
      put(cwd, name, bytes);
      expectBadInput(await runCli(['gate', name, '--now', '2026-11-24T12:00:00Z'], { cwd }), name);
      expectBadInput(await runCli(['verify', '--staging', 'SYNC02', '--runbook', name, '--now', '2026-11-24T12:00:00Z'], { cwd }), name, { stdout: 'report' });
    });
  }

  it('an alias bomb is refused by the alias limit, without expansion', { timeout: TIMEOUT }, () => {
    const started = Date.now();
    let error: unknown;
    try {
      parseFrontMatter(corpus('runbook', 'alias-bomb.md').toString('utf8'), 'alias-bomb.md');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^alias-bomb\.md:\d+:\d+: .*alias/i);
    expect(Date.now() - started).toBeLessThan(TIMEOUT);
  });
});

describe('corpus: .github/syncstage.yml', () => {
  /** The file at the trusted commit, as the one settings loader reads it (src/github/settings-loader.ts). */
  const source = (text: string) => ({ describe: (file: string) => file, readText: async () => text }) as unknown as FileSource;
  const cases = readdirSync(path.join(CORPUS, 'syncstage-yml')).map((name) => ({ name, text: corpus('syncstage-yml', name).toString('utf8') }));
  cases.push({ name: 'binary.yml', text: randomBytes(50, 512).toString('latin1') }, { name: 'tab-indented.yml', text: 'allowlist:\n\tusers: [a]\n' });

  for (const { name, text } of cases) {
    it(`${name}: a ConfigError naming the file`, { timeout: TIMEOUT }, async () => {
      let error: unknown;
      try {
        await loadConfigFile(source(text), '.github/syncstage.yml');
      } catch (caught) {
        error = caught;
      }
      expect(error, String(error)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/^\.github\/syncstage\.yml: \S/);
      expect((error as ConfigError).message).not.toMatch(/\n/);
    });
  }
});
