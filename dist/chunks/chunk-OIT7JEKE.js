import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  parseFrontMatter
} from "./chunk-27BQ6EPQ.js";
import {
  isGlob
} from "./chunk-B7FHMQU2.js";
import {
  isInputError
} from "./chunk-XGP4FN77.js";

// src/cli/runbook-paths.ts
import path from "node:path";
function frontMatterPaths(frontMatter) {
  return [
    ["active.snapshot", frontMatter.active.snapshot],
    ["staging.snapshot", frontMatter.staging.snapshot],
    ["staging.exports", frontMatter.staging.exports],
    ["after.old-active", frontMatter.after?.oldActive],
    ["after.new-active", frontMatter.after?.newActive],
    ["base-staging", frontMatter.baseStaging]
  ];
}
async function unresolvedFrontMatterPaths(source, cwd, runbookPath, frontMatter, overridden = /* @__PURE__ */ new Set()) {
  const notes = [];
  const runbookDir = runbookPath.includes("/") ? runbookPath.slice(0, runbookPath.lastIndexOf("/")) : "";
  for (const [key, value] of frontMatterPaths(frontMatter)) {
    if (value === void 0 || overridden.has(key) || isGlob(value) || path.isAbsolute(value)) continue;
    if (await source.kind(value) !== void 0) continue;
    let note = `${runbookPath}: ${key} "${value}" was resolved against the working directory ${path.resolve(cwd)} (front-matter paths are relative to the repository root, not to the runbook's folder) and is not there`;
    const found = await findNearRunbook(source, runbookDir, value);
    if (found !== void 0) note += `; it exists under ${found}: run syncstage from there (the repository root)`;
    notes.push(note);
  }
  return notes;
}
async function findNearRunbook(source, runbookDir, value) {
  let dir = source.resolve(runbookDir === "" ? "." : runbookDir);
  for (let depth = 0; depth < 32; depth++) {
    const candidate = path.join(dir, ...value.split("/"));
    if (await source.kind(candidate) !== void 0) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return void 0;
}
async function unresolvedRunbookPaths(source, cwd, runbookPaths, overridden) {
  const notes = [];
  for (const runbookPath of runbookPaths) {
    try {
      const { frontMatter } = parseFrontMatter(await source.readText(runbookPath, 1024 * 1024), source.describe(runbookPath));
      notes.push(...await unresolvedFrontMatterPaths(source, cwd, runbookPath, frontMatter, overridden));
    } catch (error) {
      if (!isInputError(error)) throw error;
    }
  }
  return notes;
}

export {
  unresolvedFrontMatterPaths,
  unresolvedRunbookPaths
};
