/**
 * Times load + diff for configuration drift: the Contoso example pair (2 connectors, 64 rules) and a generated
 * big pair (default 16 connectors with full AD schemas, 2,000 rules). Prints the median of a few runs per phase.
 *
 *   npm run bench:drift -- [--runs N] [--connectors N] [--rules M]
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffServerConfigs } from '../src/config/diff.js';
import { loadServerConfig } from '../src/config/load.js';
import { DiskFileSource } from '../src/files/disk.js';
import { generateConfigPair } from './generate-config.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, connectors: { type: 'string', default: '16' }, rules: { type: 'string', default: '2000' } } });
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
process.stdout.write(`drift benchmark, node ${process.version}, median of ${runs} runs\n`);
await bench('Contoso pair (examples/)', 'examples/primary/config', 'examples/staging/config');
await bench(`generated pair (${shape.connectors} connectors)`, path.join(out, 'primary'), path.join(out, 'staging'));
