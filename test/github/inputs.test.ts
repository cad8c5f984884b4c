import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { getInput, readActionInputs } from '../../src/github/inputs.js';
import { defaultSettings, mergeSettings, SETTINGS_TABLE } from '../../src/github/settings.js';

describe('readActionInputs', () => {
  it('reads only what the workflow set, named as @actions/core names inputs', () => {
    const inputs = readActionInputs({
      INPUT_TOKEN: 'secret',
      INPUT_EXPORTS: 'examples/staging/exports/*.xml\n# a comment\n\nexamples/{a,b}/*.xml\n',
      'INPUT_DELETION-THRESHOLD': ' 250 ',
      'INPUT_FAIL-ON': 'threshold, Drift',
      'INPUT_SENSITIVE-ATTRIBUTES': 'mail,\nupn',
      INPUT_COMMENT: 'recreate',
      INPUT_REDACT: 'true',
      INPUT_PRIMARY: '',
    });
    expect(inputs.token).toBe('secret');
    expect(inputs.configPath).toBe('.github/syncstage.yml');
    expect(inputs.settings).toEqual({
      exports: ['examples/staging/exports/*.xml', 'examples/{a,b}/*.xml'],
      deletionThreshold: 250,
      failOn: ['threshold', 'drift'],
      sensitiveAttributes: ['mail', 'upn'],
      comment: 'recreate',
      redact: true,
    });
  });

  it('fail-on accepts the whole shared vocabulary, not-ready included', () => {
    expect(readActionInputs({ 'INPUT_FAIL-ON': 'not-ready, prerequisites,risky' }).settings.failOn).toEqual(['not-ready', 'prerequisites', 'risky']);
    expect(() => readActionInputs({ 'INPUT_FAIL-ON': 'never' })).toThrow(
      'input "fail-on": unknown condition "never" (expected a comma-separated list of threshold, errors, risky, drift, prerequisites, not-ready, none)',
    );
  });

  it('fail-on none means nothing fails', () => {
    expect(readActionInputs({ 'INPUT_FAIL-ON': 'threshold,none' }).settings.failOn).toEqual([]);
  });

  it.each([
    ['INPUT_COMMENT', 'sometimes', /input "comment": expected one of update, recreate, new, off/],
    ['INPUT_DELETION-THRESHOLD', '-3', /input "deletion-threshold": expected a whole number/],
    ['INPUT_FAIL-ON', 'threshold,oops', /unknown condition "oops"/],
    ['INPUT_REDACT', 'maybe', /expected true or false/],
  ])('%s=%s is refused with the input named', (name, value, message) => {
    expect(() => readActionInputs({ [name]: value })).toThrow(InputError);
    expect(() => readActionInputs({ [name]: value })).toThrow(message);
  });

  it('maps spaces to underscores like @actions/core', () => {
    expect(getInput({ INPUT_MY_INPUT: 'x' }, 'my input')).toBe('x');
  });
});

describe('mergeSettings', () => {
  it('explicit inputs win over the config file, which wins over the defaults', () => {
    const file = { exports: ['file/*.xml'], comment: 'new' as const, deletionThreshold: 100 };
    const inputs = { comment: 'off' as const };
    const merged = mergeSettings(file, inputs);
    expect(merged.exports).toEqual(['file/*.xml']);
    expect(merged.comment).toBe('off');
    expect(merged.deletionThreshold).toBe(100);
    expect(merged.runbooks).toEqual(defaultSettings().runbooks);
    expect(merged.failOn).toEqual(['threshold', 'errors']);
  });

  it('undefined never overrides, and defaults are copies', () => {
    expect(mergeSettings({ comment: undefined }).comment).toBe('update');
    const first = defaultSettings();
    first.exports.push('mutated');
    expect(defaultSettings().exports).not.toContain('mutated');
  });

  it('every key of the table is unique', () => {
    expect(new Set(SETTINGS_TABLE.map((row) => row.key)).size).toBe(SETTINGS_TABLE.length);
  });
});
