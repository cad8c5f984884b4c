/** From the config file and the command's arguments to the core's VerificationInputs: pure. */
import picomatch from 'picomatch';
import type { VerificationInputs } from '../verify/types.js';
import type { CommandArguments } from './command.js';
import type { SyncstageConfigFile } from './config.js';

/** Where runbooks are looked for when the config names none. */
export const DEFAULT_RUNBOOK_GLOBS = ['**/*runbook*.md'];

export function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function runbookGlobs(config: SyncstageConfigFile): string[] {
  const globs = toList(config.runbooks);
  return globs.length > 0 ? globs : DEFAULT_RUNBOOK_GLOBS;
}

/** The runbooks among files changed by a pull request or merge group, sorted. */
export function runbooksAmong(files: readonly string[], globs: readonly string[]): string[] {
  const match = picomatch([...globs], { dot: true, nocase: true });
  return files.filter((file) => match(file)).sort();
}

export function verificationInputs(config: SyncstageConfigFile, args: CommandArguments, runbooks: string[], now: Date): VerificationInputs {
  const inputs: VerificationInputs = {
    exports: args.exports !== undefined ? [args.exports] : toList(config.exports),
    runbooks: args.runbook !== undefined ? [args.runbook] : runbooks,
    now,
  };
  const primary = args.primary ?? config.primary;
  const staging = args.staging ?? config.staging;
  if (primary !== undefined) inputs.primary = primary;
  if (staging !== undefined) inputs.staging = staging;
  if (config['deletion-threshold'] !== undefined) inputs.deletionThreshold = config['deletion-threshold'];
  if (config['sensitive-attributes'] !== undefined) inputs.sensitiveAttributes = config['sensitive-attributes'];
  return inputs;
}
