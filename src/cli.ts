#!/usr/bin/env node
/**
 * `syncstage` command line: a thin dispatcher over the same functions the Action and the App call.
 * Each command lives in src/cli/<command>.ts and returns its exit code.
 */
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { systemClock } from './clock.js';
import { EXIT_BAD_INPUT, EXIT_OK, reportError, type CliIO } from './cli/common.js';
import { didYouMean } from './cli/suggest.js';
import { installExitCleanup } from './cli/exit-cleanup.js';
import { VERSION } from './version.js';

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  // One line per command; each module exports `run(argv, io): Promise<number>`.
  exports: { summary: 'review pending exports (csexport /f:x files, folders, snapshots)', load: async () => (await import('./cli/exports.js')).runExports },
  identities: { summary: 'write processedbatch[n].csv identities of pending exports (csanalyzer.ps1 view)', load: async () => (await import('./cli/identities.js')).runIdentities },
  drift: { summary: 'configuration drift between the active and the staging server', load: async () => (await import('./cli/drift.js')).runDrift },
  verify: { summary: 'the whole verification: pending exports, drift and the failover gate (what a PR gets)', load: async () => (await import('./cli/verify.js')).runVerify },
  impact: { summary: 'switch impact: what the failover itself exports, from both servers\' pending exports', load: async () => (await import('./cli/impact.js')).runImpact },
  gate: { summary: 'check a failover runbook\'s prerequisites against the snapshots (exit 1: not ready)', load: async () => (await import('./cli/gate.js')).runGate },
};

export const USAGE = `syncstage ${VERSION}: review Entra Connect Sync staging servers before a failover

Usage: syncstage <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(12)}${command.summary}`)
  .join('\n')}

Run "syncstage <command> --help" for a command's options.
Exit codes: 0 done; 1 a --fail-on condition holds; 2 bad usage or bad input.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`syncstage: unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A reader that stops early (`syncstage exports ... | head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Temporary files with names and values go, however the run ends (Ctrl-C included).
  installExitCleanup(process, (text) => process.stderr.write(text));
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    stdin: process.stdin,
    env: process.env,
    now: systemClock.now,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(error, io);
    },
  );
}
