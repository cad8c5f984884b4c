/**
 * Times load + diff for configuration drift: the Contoso example pair (2 connectors, 64 rules) and a generated
 * big pair (default 16 connectors with full AD schemas, 2,000 rules). Prints the median of a few runs per phase.
 *
 *   npm run bench:drift -- [--runs N] [--connectors N] [--rules M] [--before COMMIT]
 *
 * --before COMMIT: the generated pair only, loaded + diffed by COMMIT's src/ (extracted with `git archive` into
 * .bench/src-COMMIT) and by this working tree's, alternately in one process after a warm-up of each (which goes first
 * alternating by round), reporting the
 * CPU time (process.cpuUsage, all threads) of each round and the speed-up: before and after under the same load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffServerConfigs } from '../src/config/diff.js';
import { loadServerConfig } from '../src/config/load.js';
import { DiskFileSource } from '../src/files/disk.js';
import { generateConfigPair } from './generate-config.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, connectors: { type: 'string', default: '16' }, rules: { type: 'string', default: '2000' }, before: { type: 'string' } },
});
const runs = Number(values.runs);
const shape = { connectors: Number(values.connectors), rules: Number(values.rules) };

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function bench(label: string, primary: string, staging: string): Promise<void> {
  // Each folder is its own source root: works for relative and absolute paths, on any platform.
  const sideSource = (p: string) => new DiskFileSource(p);
  const load: number[] = [];
  const diff: number[] = [];
  let differences = 0;
  let rules = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const [a, b] = await Promise.all([loadServerConfig(sideSource(primary), ''), loadServerConfig(sideSource(staging), '')]);
    const t1 = performance.now();
    const report = diffServerConfigs(a, b);
    const t2 = performance.now();
    load.push(t1 - t0);
    diff.push(t2 - t1);
    differences = report.differences.length;
    rules = Object.keys(a.rules).length;
  }
  const mb = (folderBytes(primary) + folderBytes(staging)) / 1024 / 1024;
  const total = median(load) + median(diff);
  process.stdout.write(
    `${label.padEnd(34)} ${mb.toFixed(1).padStart(6)} MB  ${String(rules).padStart(4)} rules/side  load ${median(load).toFixed(0).padStart(5)} ms  diff ${median(diff).toFixed(1).padStart(6)} ms  total ${total.toFixed(0).padStart(5)} ms  ${(mb / (total / 1000)).toFixed(1)} MB/s  differences ${differences}\n`,
  );
}

const out = `.bench/config-pair-${shape.connectors}c-${shape.rules}r`;
if (!existsSync(path.join(out, 'staging', 'GlobalSettings', 'MV.xml'))) generateConfigPair(out, shape);
type LoadAndDiff = () => Promise<number>;

/** load both sides + diff with the src/ at `root`; resolves to the number of differences. */
async function loadAndDiff(root: string, primary: string, staging: string): Promise<LoadAndDiff> {
  const { loadServerConfig: load } = (await import(path.join(root, 'config', 'load.ts'))) as typeof import('../src/config/load.js');
  const { diffServerConfigs: diff } = (await import(path.join(root, 'config', 'diff.ts'))) as typeof import('../src/config/diff.js');
  const { DiskFileSource: Disk } = (await import(path.join(root, 'files', 'disk.ts'))) as typeof import('../src/files/disk.js');
  return async () => {
    const [a, b] = await Promise.all([load(new Disk(primary), ''), load(new Disk(staging), '')]);
    return diff(a, b).differences.length;
  };
}

async function compare(commit: string, primary: string, staging: string): Promise<void> {
  const beforeRoot = path.resolve('.bench', `src-${commit}`);
  if (!existsSync(path.join(beforeRoot, 'src'))) {
    mkdirSync(beforeRoot, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(commit)} src | tar -x -C ${JSON.stringify(beforeRoot)}`]);
  }
  const sides: [string, LoadAndDiff][] = [
    ['before', await loadAndDiff(path.join(beforeRoot, 'src'), primary, staging)],
    ['after', await loadAndDiff(path.resolve('src'), primary, staging)],
  ];
  for (const [, run] of sides) await run(); // warm-up
  const cpu: Record<string, number[]> = { before: [], after: [] };
  for (let i = 0; i < runs; i++) {
    // The side that runs second pays for the first one's garbage: alternate which goes first.
    for (const [label, run] of i % 2 === 0 ? sides : [...sides].reverse()) {
      const start = process.cpuUsage();
      const differences = await run();
      const used = process.cpuUsage(start);
      if (differences !== 3) throw new Error(`${label}: ${differences} differences, expected 3`);
      cpu[label]?.push((used.user + used.system) / 1e6);
    }
  }
  const before = cpu.before as number[];
  const after = cpu.after as number[];
  const rounds = before.map((b, i) => (b / (after[i] as number)).toFixed(2)).join(', ');
  process.stdout.write(
    `before (${commit}): ${before.map((s) => s.toFixed(2)).join(', ')} s CPU, median ${median(before).toFixed(2)}\n` +
      `after (working tree): ${after.map((s) => s.toFixed(2)).join(', ')} s CPU, median ${median(after).toFixed(2)}\n` +
      `speed-up, CPU: ${(median(before) / median(after)).toFixed(2)}x of the medians; per round ${rounds}; median of the rounds ${median(before.map((b, i) => b / (after[i] as number))).toFixed(2)}x\n`,
  );
}

if (values.before) {
  process.stdout.write(`drift before/after, node ${process.version}, ${runs} rounds, generated pair (${shape.connectors} connectors, ${shape.rules} rules)\n`);
  await compare(values.before, path.join(out, 'primary'), path.join(out, 'staging'));
} else {
  process.stdout.write(`drift benchmark, node ${process.version}, median of ${runs} runs\n`);
  await bench('Contoso pair (examples/)', 'examples/primary/config', 'examples/staging/config');
  await bench(`generated pair (${shape.connectors} connectors)`, path.join(out, 'primary'), path.join(out, 'staging'));
}
