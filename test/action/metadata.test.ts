// action.yml and the workflows, validated offline against minimal schemas, and checked against the settings table.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SETTINGS_TABLE, renderSettingsTable } from '../../src/github/settings.js';
import { LIMIT_INPUTS } from '../../src/github/inputs.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const load = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, any>;
const validateAction = ajv.compile(JSON.parse(readFileSync('test/schemas/action.schema.json', 'utf8')));
const validateWorkflow = ajv.compile(JSON.parse(readFileSync('test/schemas/workflow.schema.json', 'utf8')));
const action = load('action.yml');

const workflows = [
  ...readdirSync('.github/workflows').map((f) => `.github/workflows/${f}`),
  ...readdirSync('docs/workflows').filter((f) => f.endsWith('.yml')).map((f) => `docs/workflows/${f}`),
];

describe('action.yml', () => {
  it('is valid action metadata running dist/index.js on node24', () => {
    expect(validateAction(action), ajv.errorsText(validateAction.errors)).toBe(true);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares every file-settable input with no default, so the config file can win', () => {
    for (const row of SETTINGS_TABLE.filter((r) => r.input)) {
      expect(action.inputs[row.input!], row.input).toBeDefined();
      expect(action.inputs[row.input!].default, row.input).toBeUndefined();
    }
    expect(action.inputs.token.default).toBe('${{ github.token }}');
    // Not settings: the token, the config path, and the redaction key (a secret, never in a config file); the limits.
    expect(Object.keys(action.inputs).sort()).toEqual([...SETTINGS_TABLE.filter((r) => r.input).map((r) => r.input!), ...LIMIT_INPUTS, 'config', 'redact-key', 'token'].sort());
    for (const input of LIMIT_INPUTS) expect(action.inputs[input].default, input).toBeUndefined();
    expect(action.inputs['redact-key'].default).toBeUndefined();
  });

  it('declares the outputs the handlers set', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['adds', 'comment-file', 'comment-id', 'delete-adds', 'deletes', 'drift-count', 'report', 'switch-adds', 'switch-delete-adds', 'switch-deletes', 'switch-different', 'switch-updates', 'threshold-exceeded', 'updates']);
  });

  it('documents least-privilege permissions', () => {
    expect(action.description).toMatch(/contents: read.*pull-requests: write.*issues: write.*statuses: write/s);
  });
});

describe.each(workflows)('%s', (file) => {
  it('is a valid workflow', () => {
    const workflow = load(file);
    expect(validateWorkflow(workflow), ajv.errorsText(validateWorkflow.errors)).toBe(true);
  });
});

describe('workflows', () => {
  it('the dogfood workflow uses ./ with only declared inputs, one concurrency group per PR', () => {
    const workflow = load('.github/workflows/syncstage.yml');
    expect(workflow.concurrency.group).toContain('github.event.pull_request.number');
    const step = workflow.jobs.review.steps.find((s: { uses?: string }) => s.uses === './');
    for (const key of Object.keys(step.with)) expect(action.inputs[key], key).toBeDefined();
  });

  it('no workflow checks out PR code under pull_request_target', () => {
    for (const file of workflows) {
      const text = readFileSync(file, 'utf8');
      if ('pull_request_target' in (load(file).on ?? {})) expect(text).not.toMatch(/actions\/checkout/);
    }
  });

  it('the fork-safe comment workflow never checks out code', () => {
    expect(readFileSync('docs/workflows/fork-safe-comment.yml', 'utf8')).not.toMatch(/actions\/checkout/);
  });
});

describe('docs/configuration.md', () => {
  it('holds exactly the settings table from the code', () => {
    const doc = readFileSync('docs/configuration.md', 'utf8');
    const table = doc.split('<!-- settings-table:start -->\n')[1]?.split('\n<!-- settings-table:end -->')[0];
    expect(table).toBe(renderSettingsTable());
  });
});
