/**
 * npm run bench [-- --sizes 100,500] [--runs 3]
 * Generates synthetic exports of the given sizes (MB) in .bench/ and measures `syncstage exports --format json`
 * (the built dist/cli.js, as a child process) against bare sax in the same run: `sax.parser(true)`, no handlers,
 * fed the same UTF-8 file as string chunks from fs.createReadStream(file, 'utf8') (default chunk size).
 * Wall time, MB/s and peak RSS (process.resourceUsage().maxRSS, reported by the child at exit). Ratios are printed
 * whether or not they meet the targets (<= 1.3x bare sax; peak RSS < 150 MB, growing < 20% small -> large).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsExport } from './generate.js';

const BYTES_PER_OBJECT = 1180; // measured average of the generator's objects
const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, '.bench');
const saxPath = createRequire(import.meta.url).resolve('sax');

const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;
const BASELINE = `
const sax = require(${JSON.stringify(saxPath)});
const fs = require('node:fs');
const parser = sax.parser(true);
const stream = fs.createReadStream(process.argv[1], 'utf8');
stream.on('data', (chunk) => parser.write(chunk));
stream.on('end', () => parser.close());
`;

interface Measure {
  seconds: number;
  rssMb: number;
}

function run(args: string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', REPORT_RSS, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /MAXRSS (\d+)/.exec(stderr);
      if (code !== 0 || !rss) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      resolve({ seconds, rssMb: Number(rss[1]) / 1024 });
    });
  });
}

/** Best (shortest) of `times` runs of each command, interleaved so that load from elsewhere hits both alike. */
async function bestOfInterleaved(times: number, commands: string[][]): Promise<Measure[]> {
  const results: (Measure | undefined)[] = commands.map(() => undefined);
  for (let i = 0; i < times; i++) {
    for (const [k, args] of commands.entries()) {
      const m = await run(args);
      const prev = results[k];
      results[k] = { seconds: Math.min(m.seconds, prev?.seconds ?? Infinity), rssMb: Math.max(m.rssMb, prev?.rssMb ?? 0) };
    }
  }
  return results as Measure[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,500' }, runs: { type: 'string', default: '3' } } });
  const sizes = values.sizes.split(',').map((s) => Number.parseFloat(s));
  const runs = Number.parseInt(values.runs, 10);
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || !existsSync(path.join(root, 'dist', 'chunks'))) {
    console.log('building dist/ ...');
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(benchDir, { recursive: true });
  const rows: { size: number; mb: number; base: Measure; ours: Measure }[] = [];
  for (const size of sizes) {
    const file = path.join(benchDir, `exports-${size}MB.xml`);
    if (!existsSync(file)) {
      const objects = Math.round((size * 1e6) / BYTES_PER_OBJECT);
      console.log(`generating ${file} (${objects} objects) ...`);
      await writeCsExport(file, { objects, seed: 42, oversizedEvery: 5000 });
    }
    const mb = statSync(file).size / 1e6;
    const [base, ours] = (await bestOfInterleaved(runs, [['-e', BASELINE, file], [cli, 'exports', file, '--format', 'json']])) as [Measure, Measure];
    rows.push({ size, mb, base, ours });
    console.log(`${mb.toFixed(1)} MB: bare sax ${base.seconds.toFixed(2)} s (${(mb / base.seconds).toFixed(1)} MB/s, ${base.rssMb.toFixed(0)} MB RSS); syncstage ${ours.seconds.toFixed(2)} s (${(mb / ours.seconds).toFixed(1)} MB/s, ${ours.rssMb.toFixed(0)} MB RSS); ratio ${(ours.seconds / base.seconds).toFixed(2)}x`);
  }
  console.log('\n| File | bare sax | syncstage exports --format json | time ratio (target <= 1.3x) | peak RSS (target < 150 MB) |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.mb.toFixed(1)} MB | ${r.base.seconds.toFixed(2)} s, ${(r.mb / r.base.seconds).toFixed(1)} MB/s | ${r.ours.seconds.toFixed(2)} s, ${(r.mb / r.ours.seconds).toFixed(1)} MB/s | ${(r.ours.seconds / r.base.seconds).toFixed(2)}x ${r.ours.seconds / r.base.seconds <= 1.3 ? 'met' : 'MISSED'} | ${r.ours.rssMb.toFixed(0)} MB ${r.ours.rssMb < 150 ? 'met' : 'MISSED'} |`);
  }
  if (rows.length > 1) {
    const first = rows[0] as (typeof rows)[0];
    const last = rows[rows.length - 1] as (typeof rows)[0];
    const growth = (last.ours.rssMb / first.ours.rssMb - 1) * 100;
    console.log(`\nRSS growth ${first.mb.toFixed(0)} MB -> ${last.mb.toFixed(0)} MB: ${growth.toFixed(1)}% (target < 20%: ${growth < 20 ? 'met' : 'MISSED'})`);
  }
}

await main();
