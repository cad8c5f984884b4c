/** INPUT_* as GitHub's runner sets them for the dogfood workflow's `uses: ./` step: its `with:`, else action.yml's defaults. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function runnerInputs(token: string): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/syncstage.yml'), 'utf8'));
  const step = Object.values<any>(workflow.jobs).flatMap((job) => job.steps).find((s: any) => s.uses === './');
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries<any>(action.inputs)) {
    const given = step.with?.[name];
    const value = given !== undefined ? String(given) : (input.default ?? '');
    env[`INPUT_${name.toUpperCase()}`] = value === '${{ github.token }}' ? token : value;
  }
  return env;
}
