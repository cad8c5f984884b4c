/** Which of a change's files the gate judges: the runbooks the globs match by name, and the Markdown to read. Pure. */
import { compileGlob } from '../files/glob.js';

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
