/**
 * The hostile-input fuzzer (issue 8), shared by test/hostile/fuzz.test.ts (a fixed budget in every test run) and
 * scripts/fuzz.ts (`npm run fuzz -- --runs 20000 [--seed N]`): fast-check mutates valid files (generator output and
 * Contoso connector, rule and MV.xml files; a runbook; scheduler, run-history and manifest JSON) with byte flips, truncation, deletions and insertions of `<`, `&`,
 * `]]>`, `<!DOCTYPE`, BOMs and random bytes, feeds them in random chunk sizes, and checks that the parser either
 * succeeds (and the summary's invariants hold) or throws an InputError with a position: never another exception,
 * never a hang.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseConnector } from '../../src/config/connectors.js';
import { parseGlobalSettings } from '../../src/config/global-settings.js';
import { parseSyncRule } from '../../src/config/rules.js';
import { InputError } from '../../src/errors.js';
import { parseJson } from '../../src/files/json.js';
import { decodeText } from '../../src/files/source.js';
import { parseFrontMatter } from '../../src/gate/front-matter.js';
import { parseManifest } from '../../src/snapshot/manifest.js';
import { parseRunHistory } from '../../src/snapshot/run-history.js';
import { parseScheduler } from '../../src/snapshot/scheduler.js';
import { analyzeExportStream } from '../../src/exports/analyze.js';
import type { PendingExportSummary } from '../../src/exports/types.js';
import type { EntryKind, FileSource } from '../../src/files/source.js';
import { generateCsExportString } from './csexport-generator.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTOSO = path.join(ROOT, 'test', 'fixtures', 'contoso-server-config');
const GATE = path.join(ROOT, 'test', 'fixtures', 'gate');
/** A parse that takes longer than this is a hang. */
const HANG_MS = 10_000;

export type Target = 'exports' | 'connector' | 'rule' | 'mv' | 'runbook' | 'scheduler' | 'run-history' | 'manifest';

export interface Seeds {
  exports: Buffer[];
  connector: Buffer;
  rule: Buffer[];
  mv: Buffer;
  runbook: Buffer;
  scheduler: Buffer;
  runHistory: Buffer;
  manifest: Buffer;
}

export function loadSeeds(): Seeds {
  const rules = readdirSync(path.join(CONTOSO, 'SynchronizationRules')).slice(0, 4);
  return {
    exports: [1, 2, 3].map((seed) => Buffer.from(generateCsExportString({ objects: 12, seed, oversizedEvery: 5, oversizedLength: 300 }).xml)),
    connector: readFileSync(path.join(CONTOSO, 'Connectors', 'Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml')),
    rule: rules.map((name) => readFileSync(path.join(CONTOSO, 'SynchronizationRules', name))),
    mv: readFileSync(path.join(CONTOSO, 'GlobalSettings', 'MV.xml')),
    runbook: readFileSync(path.join(GATE, 'runbook-pre.md')),
    scheduler: readFileSync(path.join(GATE, 'pre', 'SYNC02', 'scheduler.json')),
    runHistory: readFileSync(path.join(GATE, 'pre', 'SYNC02', 'run-history.json')),
    manifest: readFileSync(path.join(GATE, 'pre', 'SYNC02', 'snapshot.json')),
  };
}

const TOKENS = ['<', '&', ']]>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '<!DOCTYPE cs-objects SYSTEM "file:///etc/passwd">', '</', '"', "'", '>', '\u0000', '<?xml version="1.0" encoding="utf-16"?>', '&amp;', '&#0;', '&#xD800;', '&lol;', '<![CDATA[', '<!--', '-->', '\ufeff', '<cs-object>', '</cs-objects>', '=', '\r\n', '{', '}', '[', ']', ',', ':', '*a', '&a ', '---\n', '1e999', '"\\u', '\\', '\t', '- '];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'bom'; bytes: Uint8Array };

/** A relative offset in [0, 1), uniform: fast-check's default bias would put nearly every mutation at the start. */
const TEXT_TARGETS: ReadonlySet<Target> = new Set(['runbook', 'scheduler', 'run-history', 'manifest']);

const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.constantFrom(...TOKENS).map((token) => new Uint8Array(Buffer.from(token))) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const), bytes: fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]), new Uint8Array([0x1f, 0x8b])) }) },
);

export function mutate(input: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(input);
  for (const m of mutations) {
    const at = 'at' in m ? Math.floor(m.at * (bytes.length + 1)) : 0;
    if (m.kind === 'flip') {
      if (bytes.length > 0) {
        const i = Math.min(at, bytes.length - 1);
        bytes[i] = (bytes[i] as number) ^ (1 << m.bit);
      }
    } else if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    else if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    else bytes = Buffer.concat([m.bytes, bytes]);
  }
  return bytes;
}

export interface FuzzCase {
  target: Target;
  seedIndex: number;
  mutations: Mutation[];
  chunkSize: number;
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  target: fc.constantFrom<Target>('exports', 'exports', 'exports', 'exports', 'connector', 'rule', 'rule', 'mv', 'runbook', 'scheduler', 'run-history', 'manifest'),
  seedIndex: fc.nat({ max: 99 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  chunkSize: fc.oneof(fc.constant(64 * 1024), fc.integer({ min: 1, max: 4096 })),
});

function chunks(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

/** One in-memory file, as the config parsers read it. */
function memorySource(file: string, bytes: Buffer, chunkSize: number): FileSource {
  return {
    list: async () => [file],
    children: async () => [],
    kind: async (p) => (p === file ? ('file' as EntryKind) : undefined),
    open: async () => chunks(bytes, chunkSize),
    readText: async () => bytes.toString('utf8'),
    describe: (p) => p,
  };
}

/** The summary's invariants, as a list of broken ones (empty: all hold). */
export function summaryProblems(s: PendingExportSummary): string[] {
  const problems: string[] = [];
  const count = (name: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) problems.push(`${name} = ${String(value)} is not a count`);
  };
  count('objects', s.objects);
  count('renames', s.renames);
  count('oversizedValues', s.oversizedValues);
  count('deletes.count', s.deletes.count);
  count('otherExports.escrowed', s.otherExports.escrowed);
  count('otherExports.unconfirmed', s.otherExports.unconfirmed);
  for (const [name, value] of Object.entries(s.operations)) count(`operations.${name}`, value);
  for (const [name, value] of Object.entries(s.attributes)) count(`attributes.${name}`, value);
  for (const [name, value] of Object.entries(s.errors)) count(`errors.${name}`, value);
  for (const [name, value] of Object.entries(s.multiValued)) {
    count(`multiValued.${name}.added`, value.added);
    count(`multiValued.${name}.removed`, value.removed);
  }
  for (const group of s.risky) count(`risky.${group.kind}`, group.count);
  if (s.operations.none !== undefined) problems.push('operations counts "none"');
  const sum = Object.values(s.operations).reduce((n: number, v) => n + (v ?? 0), 0);
  if (sum !== s.objects) problems.push(`objects ${s.objects} != sum of operations ${sum}`);
  const byType = Object.values(s.objectTypes).reduce((n: number, ops) => n + Object.values(ops).reduce((m: number, v) => m + (v ?? 0), 0), 0);
  if (byType !== s.objects) problems.push(`objects ${s.objects} != sum over object types ${byType}`);
  if (s.deletes.count !== (s.operations.delete ?? 0)) problems.push(`deletes.count ${s.deletes.count} != operations.delete ${s.operations.delete ?? 0}`);
  if (s.renames > s.objects) problems.push('more renames than objects');
  for (const [name, value] of Object.entries(s.attributes)) if (value > s.objects) problems.push(`attribute ${name} changed on more objects than there are`);
  if (s.threshold.deletes > s.objects) problems.push('threshold deletes over objects');
  return problems;
}

export type Outcome = { accepted: true } | { accepted: false; error: InputError };

/** Thrown for anything that breaks the property: another exception, a missing position, broken invariants, a hang. */
export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}

async function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzFailure(`no answer in ${HANG_MS} ms: a hang`)), HANG_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one case; resolves with the outcome, rejects with a FuzzFailure when the property does not hold. */
export async function runCase(seeds: Seeds, c: FuzzCase): Promise<Outcome> {
  const base =
    c.target === 'exports' ? seeds.exports[c.seedIndex % seeds.exports.length]
    : c.target === 'rule' ? seeds.rule[c.seedIndex % seeds.rule.length]
    : c.target === 'connector' ? seeds.connector
    : c.target === 'runbook' ? seeds.runbook
    : c.target === 'scheduler' ? seeds.scheduler
    : c.target === 'run-history' ? seeds.runHistory
    : c.target === 'manifest' ? seeds.manifest
    : seeds.mv;
  const bytes = mutate(base as Buffer, c.mutations);
  const file = `fuzz-${c.target}.${TEXT_TARGETS.has(c.target) ? (c.target === 'runbook' ? 'md' : 'json') : 'xml'}`;
  /** JSON of the wrong shape is refused naming the key, without a position; everything else has one. */
  let shapeCheck = false;
  try {
    await withDeadline(
      (async () => {
        if (c.target === 'exports') {
          const summary = await analyzeExportStream(chunks(bytes, c.chunkSize), file, 'contoso.onmicrosoft.com - AAD');
          const problems = summaryProblems(summary);
          if (problems.length > 0) throw new FuzzFailure(`accepted, but: ${problems.join('; ')}`);
        } else if (TEXT_TARGETS.has(c.target)) {
          const text = decodeText(bytes, file);
          if (c.target === 'runbook') {
            parseFrontMatter(text, file);
            return;
          }
          const value = parseJson(text, file);
          shapeCheck = true;
          if (c.target === 'scheduler') parseScheduler(value, file);
          else if (c.target === 'run-history') parseRunHistory(value, file);
          else parseManifest(value, file);
        } else {
          const source = memorySource(file, bytes, c.chunkSize);
          if (c.target === 'connector') await parseConnector(source, file);
          else if (c.target === 'rule') await parseSyncRule(source, file);
          else await parseGlobalSettings(source, file);
        }
      })(),
    );
    return { accepted: true };
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    if (!(error instanceof InputError)) throw new FuzzFailure(`not an InputError: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!error.position && !shapeCheck) throw new FuzzFailure(`an InputError without a position: ${error.message}`);
    if (error.file !== file) throw new FuzzFailure(`an InputError naming ${error.file}, not ${file}`);
    return { accepted: false, error };
  }
}

export interface FuzzStats {
  runs: number;
  accepted: number;
  refused: number;
  failed?: string;
  seed: number;
  ms: number;
}

/** Runs `runs` cases from `seed`; counts accepted and refused; stops at the first failure (shrunk by fast-check: the counts then include the shrinking runs). */
export async function fuzz(runs: number, seed: number): Promise<FuzzStats> {
  const seeds = loadSeeds();
  const started = Date.now();
  let accepted = 0;
  let refused = 0;
  const result = await fc.check(
    fc.asyncProperty(fuzzCase, async (c) => {
      const outcome = await runCase(seeds, c);
      if (outcome.accepted) accepted += 1;
      else refused += 1;
    }),
    { numRuns: runs, seed },
  );
  const stats: FuzzStats = { runs: result.numRuns, accepted, refused, seed, ms: Date.now() - started };
  if (result.failed) stats.failed = `${String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance)}\ncounterexample: ${fc.stringify(result.counterexample)}`;
  return stats;
}
