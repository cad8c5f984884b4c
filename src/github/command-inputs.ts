/** From the config file and the command's arguments to the core's VerificationInputs: pure. */
import { compileGlob } from '../files/glob.js';
import type { VerificationInputs } from '../verify/types.js';
import type { CommandArguments } from './command.js';
import type { SyncstageConfigFile } from './config.js';

import { configFileToSettings, mergeSettings, SETTINGS_TABLE, settingsToVerificationInputs as settingsToInputs, type SyncstageSettings } from './settings.js';

/** Where runbooks are looked for when the config names none: the one defaults table. */
export const DEFAULT_RUNBOOK_GLOBS = SETTINGS_TABLE.find((row) => row.key === 'runbooks')?.default as string[];

/** The config file over the defaults, and what the runtime gives explicitly (the Action's inputs) over both. */
export function settingsFromConfig(config: SyncstageConfigFile, explicit: Partial<SyncstageSettings> = {}): SyncstageSettings {
  return mergeSettings(configFileToSettings(config), explicit);
}

export function runbookGlobs(config: SyncstageConfigFile, explicit: Partial<SyncstageSettings> = {}): string[] {
  return settingsFromConfig(config, explicit).runbooks;
}

/** The runbooks among files changed by a pull request or merge group, sorted. */
export function runbooksAmong(files: readonly string[], globs: readonly string[]): string[] {
  const matchers = globs.map((glob) => compileGlob(glob, { dot: true, nocase: true }));
  return files.filter((file) => matchers.some((match) => match(file))).sort();
}

/**
 * The Markdown files among the changed ones that the globs do not match: a runbook is a runbook wherever it is, so
 * each is read for its front matter (src/verify/runbook-candidates.ts). Sorted.
 */
export function markdownOutside(files: readonly string[], globs: readonly string[]): string[] {
  const runbooks = new Set(runbooksAmong(files, globs));
  return files.filter((file) => /\.(md|markdown)$/i.test(file) && !runbooks.has(file)).sort();
}

/** What the gate judges in a change: the runbooks the globs match, by name, and the other Markdown files to read. */
export function changedRunbookInputs(files: readonly string[], globs: readonly string[]): { runbookFiles: string[]; runbookCandidates: string[] } {
  return { runbookFiles: runbooksAmong(files, globs), runbookCandidates: markdownOutside(files, globs) };
}

/**
 * The command's arguments over the config file over the defaults. The runbooks judged, by exact name (each judged or
 * failed): in a pull request, `changedRunbooks` (those it adds or changes) and the one `runbook=` names besides, never
 * instead (a command must not turn the gate green over a failing runbook of the PR); in an issue, the one `runbook=`
 * names, else whatever the `runbooks` globs match at the commit.
 */
export function verificationInputs(
  config: SyncstageConfigFile,
  args: CommandArguments,
  changedRunbooks: string[] | undefined,
  now: Date,
  explicit: Partial<SyncstageSettings> = {},
): VerificationInputs {
  const inputs = settingsToInputs(settingsFromConfig(config, explicit), now);
  if (args.exports !== undefined) inputs.exports = [args.exports];
  if (args.primary !== undefined) inputs.primary = args.primary;
  if (args.staging !== undefined) inputs.staging = args.staging;
  if (changedRunbooks === undefined && args.runbook === undefined) return inputs;
  inputs.runbooks = [];
  inputs.runbookFiles = [...new Set([...(changedRunbooks ?? []), ...(args.runbook !== undefined ? [args.runbook] : [])])].sort();
  return inputs;
}
