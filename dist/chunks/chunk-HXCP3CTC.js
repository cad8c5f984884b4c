import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);

// src/cli/exit-cleanup.ts
var cleanups = /* @__PURE__ */ new Set();
function onExit(cleanup) {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}
function runExitCleanups() {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
    }
  }
}
var SIGNALS = [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129]
];
function installExitCleanup(proc, stderr) {
  proc.on("exit", runExitCleanups);
  for (const [signal, code] of SIGNALS) {
    proc.once(signal, () => {
      runExitCleanups();
      stderr(`
syncstage: interrupted (${signal}); temporary files removed
`);
      proc.exit(code);
    });
  }
}

export {
  onExit,
  installExitCleanup
};
