/**
 * npm run bench:impact [-- --sizes 100,250] [--runs 3]
 * The switch impact (docs/switch-impact.md) at scale: for each size (MB per file), a generated active/staging pair of
 * one simulated tenant (scripts/generate.ts pair mode, seed 42) in .bench/, and `syncstage impact --format json`
 * (the built dist/cli.js, a child process) against `syncstage exports --format json` on each file separately (the two
 * times added), interleaved so that load from elsewhere hits all alike; best of N runs. Wall and CPU time (user +
 * system) and peak RSS (process.resourceUsage() reported by the child at exit). Targets, printed met or MISSED:
 * < 1.5x the time of analysing both files; peak RSS < 400 MB.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode, type Measure } from './lib/measure.js';
import { writeCsExportPair } from './generate.js';

const BYTES_PER_OBJECT = 1180; // measured average of the generator's objects
const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, '.bench');


/** Best (shortest) of `times` runs of each command, interleaved so that load from elsewhere hits both alike. */
async function bestOfInterleaved(times: number, commands: string[][]): Promise<Measure[]> {
  const results: (Measure | undefined)[] = commands.map(() => undefined);
  for (let i = 0; i < times; i++) {
    for (const [k, args] of commands.entries()) {
      const m = await measureNode(args);
      const prev = results[k];
      results[k] = { seconds: Math.min(m.seconds, prev?.seconds ?? Infinity), rssMb: Math.max(m.rssMb, prev?.rssMb ?? 0), cpuSeconds: Math.min(m.cpuSeconds, prev?.cpuSeconds ?? Infinity) };
    }
  }
  return results as Measure[];
}

/** The switch impact of a generated pair against analysing both files separately. */
async function benchPairs(cli: string, sizes: number[], runs: number): Promise<void> {
  const rows: { mb: number; objects: number; active: Measure; staging: Measure; impact: Measure }[] = [];
  for (const size of sizes) {
    const dir = path.join(benchDir, `pair-${size}MB`);
    const objects = Math.round((size * 1e6) / BYTES_PER_OBJECT);
    const files = { staging: path.join(dir, 'staging', 'exports', 'aad.xml'), active: path.join(dir, 'active', 'exports', 'aad.xml') };
    if (!existsSync(files.staging) || !existsSync(files.active)) {
      for (const role of ['active', 'staging'] as const) {
        mkdirSync(path.join(dir, role, 'exports'), { recursive: true });
        writeFileSync(path.join(dir, role, 'snapshot.json'), JSON.stringify({ server: role === 'active' ? 'SYNC01' : 'SYNC02', role, exports: { 'aad.xml': 'contoso.onmicrosoft.com - AAD' } }));
      }
      console.log(`generating the ${size} MB pair in ${dir} (${objects} objects) ...`);
      await writeCsExportPair(files, { objects, seed: 42, oversizedEvery: 5000 });
    }
    const mb = Math.max(statSync(files.staging).size, statSync(files.active).size) / 1e6;
    const [active, staging, impact] = (await bestOfInterleaved(runs, [
      [cli, 'exports', files.active, '--format', 'json'],
      [cli, 'exports', files.staging, '--format', 'json'],
      [cli, 'impact', '--active', path.join(dir, 'active'), '--staging', path.join(dir, 'staging'), '--format', 'json'],
    ])) as [Measure, Measure, Measure];
    rows.push({ mb, objects, active, staging, impact });
    console.log(`${mb.toFixed(1)} MB pair: exports active ${active.seconds.toFixed(2)} s (CPU ${active.cpuSeconds.toFixed(2)} s) + staging ${staging.seconds.toFixed(2)} s (CPU ${staging.cpuSeconds.toFixed(2)} s); impact ${impact.seconds.toFixed(2)} s (CPU ${impact.cpuSeconds.toFixed(2)} s), ${impact.rssMb.toFixed(0)} MB RSS`);
  }
  console.log('\n| Files (each) | Objects (each) | exports active + staging: wall (CPU) | impact: wall (CPU) | wall ratio | CPU ratio (target < 1.5x) | impact peak RSS (target < 400 MB) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const both = r.active.seconds + r.staging.seconds;
    const bothCpu = r.active.cpuSeconds + r.staging.cpuSeconds;
    const ratio = r.impact.seconds / both;
    const cpuRatio = r.impact.cpuSeconds / bothCpu;
    console.log(`| ${r.mb.toFixed(1)} MB | ${r.objects.toLocaleString('en-US')} | ${both.toFixed(2)} s (${bothCpu.toFixed(2)} s), RSS ${Math.max(r.active.rssMb, r.staging.rssMb).toFixed(0)} MB | ${r.impact.seconds.toFixed(2)} s (${r.impact.cpuSeconds.toFixed(2)} s) | ${ratio.toFixed(2)}x ${ratio < 1.5 ? 'met' : 'MISSED'} | ${cpuRatio.toFixed(2)}x ${cpuRatio < 1.5 ? 'met' : 'MISSED'} | ${r.impact.rssMb.toFixed(0)} MB ${r.impact.rssMb < 400 ? 'met' : 'MISSED'} |`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,250' }, runs: { type: 'string', default: '3' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write('Usage: npm run bench:impact -- [--sizes MB,MB,...] [--runs N]\n  --sizes  MB per file of each generated pair (default 100,250)\n  --runs   runs of each command; the best is reported (default 3)\n');
    return;
  }
  const sizes = values.sizes.split(',').map((s) => Number.parseFloat(s)).filter((size) => size > 0);
  const runs = Number.parseInt(values.runs, 10);
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  await benchPairs(cli, sizes, runs);
}

await main();
