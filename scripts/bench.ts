/**
 * npm run bench -- [--objects 100000,400000,1000000] [--runs 3] [--variants utf8,utf16,gzip] [--baseline-cli PATH] [--help]
 *
 * Generates synthetic exports (scripts/generate.ts, seed 42, one oversized value every 5,000 objects) in .bench/ and
 * measures, as child processes in the same run, interleaved so that load from elsewhere hits all alike:
 *   - bare sax:   `sax.parser(true)`, no handlers, fed fs.createReadStream(file, 'utf8') (64 KiB chunks);
 *   - bare saxes: `new SaxesParser()`, no handlers, fed the same way;
 *   - syncstage:  `node dist/cli.js exports FILE --format json` (the whole analysis and report).
 * Median CPU time (user + system, all threads; Node start-up included) and wall time of N runs, MB/s of CPU time,
 * and the highest peak RSS (process.resourceUsage() reported by the child at exit). Ratios are of CPU time: on a
 * shared machine, wall time mostly measures the other jobs. The bare tokenizers read UTF-8 only: the utf16 and
 * gzip variants measure syncstage alone (time and peak RSS). Targets, printed met or MISSED: syncstage <= 1.35x bare
 * saxes and >= 2x faster than bare sax (UTF-8); peak RSS < 150 MB for every file. `--baseline-cli` adds another
 * build's dist/cli.js (an earlier commit's) to the same interleaved runs: before and after under the same load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode, type Measure } from './lib/measure.js';
import { writeCsExport } from './generate.js';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, '.bench');
const require = createRequire(import.meta.url);
const saxPath = require.resolve('sax');
const saxesPath = require.resolve('saxes');

const USAGE = `Usage: npm run bench -- [--objects N,N,...] [--runs N] [--variants utf8,utf16,gzip]
  --objects   generated export sizes, in cs-objects (default 100000,400000,1000000; ~1.2 KB each)
  --runs      runs of each command per file; the median time is reported (default 3)
  --variants  file encodings to measure (default utf8; utf16 and gzip measure syncstage alone)
  --baseline-cli  another build's dist/cli.js (e.g. an earlier commit's), measured in the same runs (UTF-8)
`;

const bare = (setup: string) => `
const fs = require('node:fs');
${setup}
const stream = fs.createReadStream(process.argv[1], { encoding: 'utf8', highWaterMark: 64 * 1024 });
stream.on('data', (chunk) => parser.write(chunk));
stream.on('end', () => parser.close());
`;
const BARE_SAX = bare(`const parser = require(${JSON.stringify(saxPath)}).parser(true);`);
const BARE_SAXES = bare(`const { SaxesParser } = require(${JSON.stringify(saxesPath)}); const parser = new SaxesParser();`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median wall and CPU times and highest peak RSS of `times` runs of each command, interleaved. */
async function measureInterleaved(times: number, commands: string[][]): Promise<Measure[]> {
  const runs: Measure[][] = commands.map(() => []);
  for (let i = 0; i < times; i++) {
    for (const [k, args] of commands.entries()) runs[k]?.push(await measureNode(args));
  }
  return runs.map((measures) => ({
    seconds: median(measures.map((m) => m.seconds)),
    cpuSeconds: median(measures.map((m) => m.cpuSeconds)),
    rssMb: Math.max(...measures.map((m) => m.rssMb)),
  }));
}

type Variant = 'utf8' | 'utf16' | 'gzip';

async function exportFile(objects: number, variant: Variant): Promise<string> {
  const file = path.join(benchDir, `exports-${objects}-objects${variant === 'utf8' ? '' : `-${variant}`}.xml${variant === 'gzip' ? '.gz' : ''}`);
  if (!existsSync(file)) {
    console.log(`generating ${path.relative(root, file)} ...`);
    await writeCsExport(`${file}.partial`, { objects, seed: 42, oversizedEvery: 5000, utf16: variant === 'utf16', gzip: variant === 'gzip' });
    renameSync(`${file}.partial`, file);
  }
  return file;
}

/** MB of XML inside a gzip file (MB/s is of the XML read, not of the compressed bytes). */
async function gunzippedMb(file: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) bytes += (chunk as Buffer).length;
  return bytes / 1e6;
}

const rate = (mb: number, m: Measure) => `${m.cpuSeconds.toFixed(2)} s CPU (${m.seconds.toFixed(1)} s wall), ${(mb / m.cpuSeconds).toFixed(1)} MB/s, ${m.rssMb.toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      objects: { type: 'string', default: '100000,400000,1000000' },
      runs: { type: 'string', default: '3' },
      variants: { type: 'string', default: 'utf8' },
      'baseline-cli': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sizes = values.objects.split(',').map((s) => Number(s));
  const runs = Number(values.runs);
  const variants = values.variants.split(',') as Variant[];
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1) || !(runs >= 1) || variants.some((v) => !['utf8', 'utf16', 'gzip'].includes(v))) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || !existsSync(path.join(root, 'dist', 'chunks'))) {
    console.log('building dist/ ...');
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(benchDir, { recursive: true });
  console.log(`node ${process.version}, ${runs} runs per command, median CPU and wall time, highest peak RSS`);
  const utf8Rows: string[] = [];
  const otherRows: string[] = [];
  const baselineRows: string[] = [];
  for (const objects of sizes) {
    for (const variant of variants) {
      const file = await exportFile(objects, variant);
      const mb = variant === 'gzip' ? await gunzippedMb(file) : statSync(file).size / 1e6;
      const ours = [cli, 'exports', file, '--format', 'json'];
      if (variant === 'utf8') {
        const baselineCli = values['baseline-cli'];
        const commands = [['-e', BARE_SAX, file], ['-e', BARE_SAXES, file], ours, ...(baselineCli ? [[path.resolve(baselineCli), 'exports', file, '--format', 'json']] : [])];
        const [sax, saxes, syncstage, baseline] = (await measureInterleaved(runs, commands)) as [Measure, Measure, Measure, Measure | undefined];
        const vsSaxes = syncstage.cpuSeconds / saxes.cpuSeconds;
        const vsSax = sax.cpuSeconds / syncstage.cpuSeconds;
        const row = `| ${objects.toLocaleString('en-US')} | ${mb.toFixed(1)} MB | ${rate(mb, sax)} | ${rate(mb, saxes)} | ${rate(mb, syncstage)} | ${vsSaxes.toFixed(2)}x ${verdict(vsSaxes <= 1.35)} | ${vsSax.toFixed(2)}x ${verdict(vsSax >= 2)} | ${verdict(syncstage.rssMb < 150)} |`;
        console.log(row);
        utf8Rows.push(row);
        if (baseline) {
          const baselineRow = `| ${objects.toLocaleString('en-US')} | ${rate(mb, baseline)} | ${(baseline.cpuSeconds / saxes.cpuSeconds).toFixed(2)}x | ${(sax.cpuSeconds / baseline.cpuSeconds).toFixed(2)}x | ${(baseline.cpuSeconds / syncstage.cpuSeconds).toFixed(2)}x |`;
          console.log(baselineRow);
          baselineRows.push(baselineRow);
        }
      } else {
        const [syncstage] = (await measureInterleaved(runs, [ours])) as [Measure];
        const size = variant === 'gzip' ? `${(statSync(file).size / 1e6).toFixed(1)} MB (${mb.toFixed(1)} MB of XML)` : `${mb.toFixed(1)} MB`;
        const row = `| ${objects.toLocaleString('en-US')} | ${variant} | ${size} | ${rate(mb, syncstage)} | ${verdict(syncstage.rssMb < 150)} |`;
        console.log(row);
        otherRows.push(row);
      }
    }
  }
  if (utf8Rows.length > 0) {
    console.log('\n| Objects | UTF-8 file | bare sax (CPU time, wall time, MB/s of CPU time, peak RSS) | bare saxes | syncstage exports --format json | syncstage / bare saxes, CPU (<= 1.35x) | bare sax / syncstage, CPU (>= 2x) | peak RSS < 150 MB |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of utf8Rows) console.log(row);
  }
  if (baselineRows.length > 0) {
    console.log(`\n| Objects | baseline ${values['baseline-cli']} (CPU time, wall time, MB/s, peak RSS) | baseline / bare saxes, CPU | bare sax / baseline, CPU | baseline / syncstage, CPU (speed-up) |`);
    console.log('| ---: | ---: | ---: | ---: | ---: |');
    for (const row of baselineRows) console.log(row);
  }
  if (otherRows.length > 0) {
    console.log('\n| Objects | Encoding | File | syncstage exports --format json (CPU time, wall time, MB/s, peak RSS) | peak RSS < 150 MB |');
    console.log('| ---: | --- | ---: | ---: | ---: |');
    for (const row of otherRows) console.log(row);
  }
}

await main();
