/**
 * Builds dist/ once, before any test file runs: the end-to-end tests run the built artifacts as processes, and a
 * build per test file would rewrite dist/ while another file's child process is loading it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function buildDistOnce(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed before the tests: ${built.stderr}`);
}
