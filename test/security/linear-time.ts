/**
 * Issue 15 items 8-9: PR-controlled text must never make a regular expression or a glob backtrack super-linearly.
 * A case runs in a worker thread (TypeScript through tsx's loader), so a regression that would block for hours is
 * a failed test after WORKER_TIMEOUT_MS, not a hung run.
 *
 * The budget, measured in the same worker: GROWTH_RATIO times the case's own time on an eighth of the input, plus
 * LINEAR_RATIO times a linear scan of the full input, plus a small floor. Linear work grows 8x from the eighth to
 * the whole; quadratic work grows 64x and fails; n^1.5 grows 22.6x and fails once it matters. The scan and the floor
 * absorb a busy 2-core machine (V8 pays for its backtracking stack on runs of a million blanks: up to a few hundred ms, linear but noisy). Both stay two orders of magnitude below what a quadratic pattern takes on 1 MiB (over 100 s). A plain "N times a scan" bound alone cannot tell a parser that does honest work per
 * line (1 M empty lines) from a backtracking pattern; the growth ratio can.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export const MIB = 1024 * 1024;
export const GROWTH_RATIO = 16;
export const LINEAR_RATIO = 50;
export const FLOOR_MS = 1000;
const WORKER_TIMEOUT_MS = 60_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const TSX_API = pathToFileURL(path.join(here, '../../node_modules/tsx/dist/esm/api/index.mjs')).href;

export interface Timing {
  /** Milliseconds of a linear scan over the input (the fastest of three). */
  baselineMs: number;
  /** Milliseconds the case took on the same input. */
  elapsedMs: number;
  /** Milliseconds the case took on an input an eighth the size (run first: it also warms the code up). */
  eighthMs: number;
  /** Length of the input, in UTF-16 code units. */
  length: number;
  budgetMs: number;
}

/** Runs `cases[name]` from the module at `casesFile` (absolute path) in a worker and times it. */
export function timeCase(casesFile: string, name: string): Promise<Timing> {
  const code = `
    import { parentPort, workerData } from 'node:worker_threads';
    const { register } = await import(workerData.tsx);
    register();
    const { CASES } = await import(workerData.cases);
    const entry = CASES[workerData.name];
    const small = entry.input(workerData.size / 8);
    let start = performance.now();
    await entry.run(small);
    const eighthMs = performance.now() - start;
    const input = entry.input(workerData.size);
    let baselineMs = Infinity;
    for (let round = 0; round < 3; round++) {
      const scanStart = performance.now();
      let hash = 0;
      for (let i = 0; i < input.length; i++) hash = (hash * 31 + input.charCodeAt(i)) | 0;
      if (hash === 0.5) console.log(hash);
      baselineMs = Math.min(baselineMs, performance.now() - scanStart);
    }
    start = performance.now();
    await entry.run(input);
    const elapsedMs = performance.now() - start;
    parentPort.postMessage({ baselineMs, elapsedMs, eighthMs, length: input.length });
  `;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: { tsx: TSX_API, cases: pathToFileURL(casesFile).href, name, size: MIB },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name}: did not finish within ${WORKER_TIMEOUT_MS} ms (super-linear?)`));
    }, WORKER_TIMEOUT_MS);
    worker.once('message', (result: Omit<Timing, 'budgetMs'>) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ ...result, budgetMs: GROWTH_RATIO * result.eighthMs + LINEAR_RATIO * result.baselineMs + FLOOR_MS });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export interface TimedCase {
  /** The hostile input, at least `size` characters, built outside the timing. */
  input(size: number): string;
  /** The code under test on that input. */
  run(input: string): unknown;
}
