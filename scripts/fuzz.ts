/**
 * The long fuzz run (issue 8): `npm run fuzz -- --runs 20000 [--seed N]`, or
 * `node --import tsx scripts/fuzz.ts --runs 20000 [--seed N]`. Prints how many cases ran and how many the parsers
 * accepted or refused (with an InputError and a position); exits 1 with the shrunk counterexample when a case
 * breaks the property (another exception, no position, broken summary invariants, a hang). See scripts/lib/fuzz.ts.
 */
import { parseArgs } from 'node:util';
import { fuzz } from './lib/fuzz.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number.parseInt(values.runs ?? '2000', 10);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number.parseInt(values.seed, 10);
if (!(runs > 0) || Number.isNaN(seed)) {
  process.stderr.write('Usage: node --import tsx scripts/fuzz.ts [--runs N] [--seed N]\n');
  process.exit(2);
}
process.stdout.write(`fuzzing ${runs} cases, seed ${seed} ...\n`);
const stats = await fuzz(runs, seed);
process.stdout.write(`${stats.runs} cases ran in ${(stats.ms / 1000).toFixed(1)} s (seed ${stats.seed}): ${stats.accepted} accepted, ${stats.refused} refused with an InputError (with a position, except JSON of the wrong shape)\n`);
if (stats.failed) {
  process.stdout.write(`FAILED: ${stats.failed}\nReplay: node --import tsx scripts/fuzz.ts --runs ${runs} --seed ${stats.seed}\n`);
  process.exitCode = 1;
}
