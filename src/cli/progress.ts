/** Progress on stderr for long runs: only on a terminal, never on stdout, at most twice a second. */
import type { CliIO } from './common.js';

export interface Progress {
  bytes(file: string, bytesRead: number): void;
  objects(file: string, count: number): void;
  done(): void;
}

const SILENT: Progress = { bytes() {}, objects() {}, done() {} };

export function createProgress(io: CliIO, now: () => number = Date.now): Progress {
  if (!io.stderrIsTTY) return SILENT;
  const started = now();
  let last = started;
  let bytesRead = 0;
  let objectCount = 0;
  let shown = false;
  const show = (file: string) => {
    const t = now();
    if (t - last < 500) return;
    last = t;
    const seconds = Math.max((t - started) / 1000, 0.001);
    const rate = Math.round(objectCount / seconds).toLocaleString('en-US');
    io.stderr(`\r${file}: ${(bytesRead / 1e6).toFixed(1)} MB read, ${objectCount.toLocaleString('en-US')} objects (${rate}/s)\u001b[K`);
    shown = true;
  };
  return {
    bytes(file, n) {
      bytesRead = n;
      show(file);
    },
    objects(file, n) {
      objectCount = n;
      if ((n & 1023) === 0) show(file);
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
