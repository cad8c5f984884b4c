/**
 * Front-matter paths are relative to the repository root (the working directory), not to the runbook's folder: the
 * same runbook must read the same in the CLI, the Action and the App. A newcomer who writes them relative to the
 * runbook, or runs the CLI from another folder, sees "no such folder" for a folder that exists; this says which
 * directory the path was resolved against, and where the path does exist when it does.
 */
import path from 'node:path';
import type { DiskFileSource } from '../files/disk.js';
import { isInputError } from '../errors.js';
import { parseFrontMatter, type RunbookFrontMatter } from '../gate/front-matter.js';
import { isGlob } from './inputs.js';

/** The front matter's path fields, by the key a person wrote. */
function frontMatterPaths(frontMatter: RunbookFrontMatter): [string, string | undefined][] {
  return [
    ['active.snapshot', frontMatter.active.snapshot],
    ['staging.snapshot', frontMatter.staging.snapshot],
    ['staging.exports', frontMatter.staging.exports],
    ['after.old-active', frontMatter.after?.oldActive],
    ['after.new-active', frontMatter.after?.newActive],
    ['base-staging', frontMatter.baseStaging],
  ];
}

/**
 * One line per front-matter path that names nothing under the working directory, saying what it was resolved against.
 * `overridden` lists the keys a command-line option replaced (their front-matter value is not read).
 */
export async function unresolvedFrontMatterPaths(source: DiskFileSource, cwd: string, runbookPath: string, frontMatter: RunbookFrontMatter, overridden: ReadonlySet<string> = new Set()): Promise<string[]> {
  const notes: string[] = [];
  const runbookDir = runbookPath.includes('/') ? runbookPath.slice(0, runbookPath.lastIndexOf('/')) : '';
  for (const [key, value] of frontMatterPaths(frontMatter)) {
    if (value === undefined || overridden.has(key) || isGlob(value) || path.isAbsolute(value)) continue;
    if ((await source.kind(value)) !== undefined) continue;
    let note = `${runbookPath}: ${key} "${value}" was resolved against the working directory ${path.resolve(cwd)} (front-matter paths are relative to the repository root, not to the runbook's folder) and is not there`;
    const found = await findNearRunbook(source, runbookDir, value);
    if (found !== undefined) note += `; it exists under ${found}: run syncstage from there (the repository root)`;
    notes.push(note);
  }
  return notes;
}

/**
 * The runbook's folder or the nearest of its parents under which the path exists (the repository root, when the CLI
 * runs from elsewhere), as an OS path.
 */
async function findNearRunbook(source: DiskFileSource, runbookDir: string, value: string): Promise<string | undefined> {
  let dir = source.resolve(runbookDir === '' ? '.' : runbookDir);
  for (let depth = 0; depth < 32; depth++) {
    const candidate = path.join(dir, ...value.split('/'));
    if ((await source.kind(candidate)) !== undefined) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The same notes for runbooks named by path (`verify --runbook`); a runbook that cannot be read is the review's to report. */
export async function unresolvedRunbookPaths(source: DiskFileSource, cwd: string, runbookPaths: readonly string[], overridden: ReadonlySet<string>): Promise<string[]> {
  const notes: string[] = [];
  for (const runbookPath of runbookPaths) {
    try {
      const { frontMatter } = parseFrontMatter(await source.readText(runbookPath, 1024 * 1024), source.describe(runbookPath));
      notes.push(...(await unresolvedFrontMatterPaths(source, cwd, runbookPath, frontMatter, overridden)));
    } catch (error) {
      if (!isInputError(error)) throw error;
    }
  }
  return notes;
}
