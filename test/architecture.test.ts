/**
 * The shape of the house (docs/architecture.md): the core folders parse and judge Entra Connect data and know
 * nothing of GitHub, the CLI or the server; within the core the arrows point down, so no folder depends on one
 * above it (no loops). Read from the source text: a new import that breaks the rule fails here, naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Lowest first: a folder may import itself and the folders before it, never one after it. */
const CORE_LAYERS = ['xml', 'files', 'config', 'exports', 'snapshot', 'impact', 'redact', 'gate', 'verify'] as const;
/** Shared leaves every layer may use. */
const LEAVES = new Set(['errors.ts', 'dict.ts']);
const EDGE_PACKAGES = /^(@actions\/|@octokit\/|probot$|nock$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier the file imports or re-exports (static, dynamic, type-only). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'([^']+)'/g)) found.push(match[1] as string);
  return found;
}

/** What a core file's import reaches: a core folder, a leaf, an edge folder, or a package. */
function target(file: string, specifier: string): { kind: 'core' | 'leaf' | 'edge' | 'package'; name: string } {
  if (!specifier.startsWith('.')) return { kind: 'package', name: specifier };
  const resolved = path.relative(SRC, path.resolve(path.dirname(file), specifier));
  const [first = '', second] = resolved.split(path.sep);
  if (second === undefined) return { kind: LEAVES.has(first.replace(/\.js$/, '.ts')) ? 'leaf' : 'edge', name: first };
  return { kind: (CORE_LAYERS as readonly string[]).includes(first) ? 'core' : 'edge', name: first };
}

function violations(): string[] {
  const problems: string[] = [];
  for (const [layer, folder] of CORE_LAYERS.entries()) {
    for (const file of sourceFiles(path.join(SRC, folder))) {
      const where = path.relative(SRC, file);
      const text = readFileSync(file, 'utf8');
      for (const specifier of specifiers(text)) {
        const to = target(file, specifier);
        if (to.kind === 'edge') problems.push(`${where} imports ${specifier}: the core knows nothing of src/${to.name}`);
        if (to.kind === 'package' && EDGE_PACKAGES.test(specifier)) problems.push(`${where} imports ${specifier}: GitHub stays at the edge`);
        if (to.kind === 'core' && CORE_LAYERS.indexOf(to.name as (typeof CORE_LAYERS)[number]) > layer) problems.push(`${where} imports ${specifier}: src/${folder} sits below src/${to.name}`);
      }
      // The core is handed its inputs and its clock; it reads no environment and prints nothing.
      if (/\bprocess\.env\b/.test(text)) problems.push(`${where} reads process.env`);
      if (/\bconsole\./.test(text)) problems.push(`${where} writes to the console`);
      if (/\bnew Date\(\)|\bDate\.now\(\)/.test(text)) problems.push(`${where} reads the wall clock`);
    }
  }
  return problems;
}

describe('the core stays pure and the arrows point down', () => {
  it('no core folder imports an edge, a GitHub package, or a folder above it; none reads the environment or the clock', () => {
    expect(violations()).toEqual([]);
  });

  it('finds what it looks for (the check itself can fail)', () => {
    const file = path.join(SRC, 'exports', 'x.ts');
    expect(target(file, '../report/review.js')).toEqual({ kind: 'edge', name: 'report' });
    expect(target(file, '../gate/types.js')).toEqual({ kind: 'core', name: 'gate' });
    expect(target(file, '../errors.js')).toEqual({ kind: 'leaf', name: 'errors.js' });
    expect(target(file, '../clock.js')).toEqual({ kind: 'edge', name: 'clock.js' });
    expect(specifiers("import type { A } from '../a.js';\nexport { b } from './b.js';\nconst c = await import('../c.js');\nimport './d.js';")).toEqual(['../a.js', './b.js', '../c.js', './d.js']);
  });
});
