#!/usr/bin/env node
import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  installExitCleanup
} from "./chunks/chunk-HXCP3CTC.js";
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  didYouMean,
  reportError
} from "./chunks/chunk-CJNZHR3P.js";
import {
  systemClock
} from "./chunks/chunk-XGP4FN77.js";
import "./chunks/chunk-TJQ7GH6D.js";

// src/cli.ts
import { pathToFileURL } from "node:url";
import { realpathSync } from "node:fs";

// src/version.ts
var VERSION = "0.1.0";

// src/cli.ts
var COMMANDS = {
  // One line per command; each module exports `run(argv, io): Promise<number>`.
  exports: { summary: "review pending exports (csexport /f:x files, folders, snapshots)", load: async () => (await import("./chunks/exports-JTEFWESB.js")).runExports },
  identities: { summary: "write processedbatch[n].csv identities of pending exports (csanalyzer.ps1 view)", load: async () => (await import("./chunks/identities-EVVCH5ND.js")).runIdentities },
  drift: { summary: "configuration drift between the active and the staging server", load: async () => (await import("./chunks/drift-DH6LLUL2.js")).runDrift },
  verify: { summary: "the whole verification: pending exports, drift and the failover gate (what a PR gets)", load: async () => (await import("./chunks/verify-NNVLQKKB.js")).runVerify },
  impact: { summary: "switch impact: what the failover itself exports, from both servers' pending exports", load: async () => (await import("./chunks/impact-WCTBRHDG.js")).runImpact },
  gate: { summary: "check a failover runbook's prerequisites against the snapshots (exit 1: not ready)", load: async () => (await import("./chunks/gate-4QUT7BFA.js")).runGate }
};
var USAGE = `syncstage ${VERSION}: review Entra Connect Sync staging servers before a failover

Usage: syncstage <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(12)}${command.summary}`).join("\n")}

Run "syncstage <command> --help" for a command's options.
Exit codes: 0 done; 1 a --fail-on condition holds; 2 bad usage or bad input.
`;
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === void 0 ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`syncstage: unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}

${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}
function isEntryPoint() {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}
if (isEntryPoint()) {
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  installExitCleanup(process, (text) => process.stderr.write(text));
  const io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    stdin: process.stdin,
    env: process.env,
    now: systemClock.now
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = reportError(error, io);
    }
  );
}
export {
  USAGE,
  main
};
