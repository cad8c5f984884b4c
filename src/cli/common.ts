/** What every CLI command shares: I/O seam, exit codes, --fail-on, --format. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseIsoTime } from '../clock.js';
import { InputError } from '../errors.js';
import { didYouMean } from './suggest.js';

export const EXIT_OK = 0;
/** A --fail-on condition holds (or the gate says no). */
export const EXIT_CONDITION = 1;
/** Bad usage or bad input. */
export const EXIT_BAD_INPUT = 2;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress is shown only then. */
  stderrIsTTY: boolean;
  cwd: string;
  /** Standard input, for `-`. */
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** The clock `--now` defaults to: the system's in the CLI, a fixed time in tests. */
  now: () => Date;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

import { type FailOnCondition } from '../verify/fail-on.js';
export { FAIL_ON_CONDITIONS, type FailOnCondition } from '../verify/fail-on.js';

/** Parses a comma-separated --fail-on list; `allowed` narrows it per command. */
export function parseFailOn(value: string | undefined, allowed: readonly FailOnCondition[]): Set<FailOnCondition> {
  const result = new Set<FailOnCondition>();
  if (value === undefined || value.trim() === '') return result;
  for (const raw of value.split(',')) {
    const item = raw.trim().toLowerCase();
    if (item === '') continue;
    if (!(allowed as readonly string[]).includes(item)) {
      throw new UsageError(`--fail-on: unknown condition "${raw.trim()}" (expected a comma-separated list of ${allowed.join(', ')})`);
    }
    result.add(item as FailOnCondition);
  }
  if (result.has('none')) return new Set();
  return result;
}

export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format: expected one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

export function parsePositiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name}: expected a whole number, got "${value}"`);
  return Number.parseInt(value, 10);
}

/** `--now ISO-TIME`: the time judgments are made at (snapshot and sync ages); without it, the clock's time. */
export function parseNowOption(value: string | undefined, clock: () => Date): Date {
  if (value === undefined) return clock();
  const time = parseIsoTime(value);
  if (!time) throw new UsageError(`--now: expected an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), got "${value}"`);
  return time;
}

/** Maps an error to the message and exit code a person sees. Unknown errors are bugs: exit 2 with the stack. */
export function reportError(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr(`syncstage: ${error.message}\nRun "syncstage --help" for usage.\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof InputError) {
    io.stderr(`${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stderr(`syncstage: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_BAD_INPUT;
}

/** node:util parseArgs, strict, with positionals; a parse problem is bad usage naming the command. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${describeParseError(error, options)}`);
  }
}

/** node:util's message, or for an unknown option a shorter one with the nearest known option ("did you mean --format?"). */
function describeParseError(error: unknown, options: NonNullable<ParseArgsConfig['options']>): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown === undefined || (error as NodeJS.ErrnoException).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message;
  const known = Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
  // "--format=csv" is one token: suggest for the option's name only.
  const typed = unknown.split('=')[0]!;
  const suggestion = didYouMean(typed, known.filter((name) => name.startsWith('--') === typed.startsWith('--')));
  return `unknown option "${unknown}"${suggestion || ` (a file whose name starts with "-" goes after "--": -- "${unknown}")`}`;
}
