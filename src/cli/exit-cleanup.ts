/**
 * What must not outlive the process (temporary files holding names and values), removed however the CLI ends:
 * normally, on an error, or interrupted (Ctrl-C, SIGTERM, a closed terminal). The CLI entry installs the handlers;
 * a temporary file registers its removal here and forgets it once removed.
 */

const cleanups = new Set<() => void>();

/** Runs `cleanup` when the process exits or is interrupted, unless the returned function was called first. */
export function onExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** Runs every registered cleanup once (synchronously: an exit handler cannot wait); one failing stops none. */
export function runExitCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // The others still run; the process is ending.
    }
  }
}

/** Exit codes of a process ended by a signal, as shells report them (128 + the signal's number). */
const SIGNALS: readonly (readonly [NodeJS.Signals, number])[] = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** What the handlers need of the process (a test hands in its own). */
export interface ExitingProcess {
  on(event: 'exit', listener: () => void): unknown;
  once(event: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * Installs the handlers on `proc`: the cleanups run on exit, and an interrupting signal runs them and ends the
 * process with 128 + the signal number (a handled signal no longer ends the process by itself).
 */
export function installExitCleanup(proc: ExitingProcess, stderr: (text: string) => void): void {
  proc.on('exit', runExitCleanups);
  for (const [signal, code] of SIGNALS) {
    proc.once(signal, () => {
      runExitCleanups();
      stderr(`\nsyncstage: interrupted (${signal}); temporary files removed\n`);
      proc.exit(code);
    });
  }
}
