// Bundles the entry points into dist/. The output is committed and CI fails when a rebuild differs,
// so the build must be deterministic: no timestamps, no absolute paths, no minification (reviewable diffs).
import { existsSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const entries = Object.fromEntries(
  Object.entries({ index: 'src/index.ts', cli: 'src/cli.ts', server: 'src/server.ts' }).filter(([, file]) => existsSync(file)),
);

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (saxes) call require(); ESM output has none. Probot imports
  // createRequire itself, hence the alias.
  banner: {
    js: "import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);",
  },
});
