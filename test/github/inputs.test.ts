import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.js';
import { getInput, readActionInputs } from '../../src/github/inputs.js';
import { defaultSettings, mergeSettings, SETTINGS_TABLE } from '../../src/github/settings.js';

/** Every input of action.yml, every class of bad value: the error names the input and what it accepts. */
const BAD_VALUES: [string, string, string][] = [
  ['INPUT_MAX-INFLATED-MIB', '0', 'input "max-inflated-mib": expected a whole number from 1 to 1,048,576 (MiB; default 8,192), got "0"'],
  ['INPUT_MAX-INFLATION-RATIO', '200.5', 'input "max-inflation-ratio": expected a whole number from 2 to 100,000 (times; default 200), got "200.5"'],
  ['INPUT_MAX-VALUES-PER-ATTRIBUTE', '-1', 'input "max-values-per-attribute": expected a whole number from 1 to 10,000,000 (values; default 10,000), got "-1"'],
  ['INPUT_MAX-VALUES-PER-OBJECT', 'lots', 'input "max-values-per-object": expected a whole number from 1 to 10,000,000 (values; default 50,000), got "lots"'],
  ['INPUT_EVENT-CONTENT-READS', '100001', 'input "event-content-reads": expected a whole number from 1 to 100,000 (reads; default 1,000), got "100001"'],
  ['INPUT_EVENT-BLOB-MIB', '0', 'input "event-blob-mib": expected a whole number from 1 to 65,536 (MiB; default 512), got "0"'],
  ['INPUT_TOKEN', 'ghs_a b', 'input "token": the token contains whitespace or a line break (expected one GitHub token, e.g. ${{ github.token }})'],
  ['INPUT_TOKEN', 'ghs_a\nghs_b', 'input "token": the token contains whitespace or a line break (expected one GitHub token, e.g. ${{ github.token }})'],
  ['INPUT_CONFIG', '/etc/syncstage.yml', 'input "config": expected a path inside the repository relative to its root, e.g. .github/syncstage.yml, got "/etc/syncstage.yml"'],
  ['INPUT_CONFIG', '../other/syncstage.yml', 'input "config": expected a path inside the repository relative to its root, e.g. .github/syncstage.yml, got "../other/syncstage.yml"'],
  ['INPUT_CONFIG', 'C:\\syncstage.yml', 'input "config": expected a path inside the repository relative to its root, e.g. .github/syncstage.yml, got "C:\\\\syncstage.yml"'],
  ['INPUT_CONFIG', 'a.yml\nb.yml', 'input "config": expected a path inside the repository relative to its root, e.g. .github/syncstage.yml, got "a.yml\\nb.yml"'],
  ['INPUT_EXPORTS', '# none yet\n\n', 'input "exports": no glob given, only comments or blank lines (expected at least one glob, one per line)'],
  ['INPUT_RUNBOOKS', '#runbooks/*.md', 'input "runbooks": no glob given, only comments or blank lines (expected at least one glob, one per line)'],
  // Globs that match no repository path as written: refused, never a gate that says "no runbook in this PR".
  ['INPUT_RUNBOOKS', './runbooks/*.md', 'input "runbooks": "./runbooks/*.md" has a "." segment: repository paths have none (write "runbooks/*.md") (expected globs of repository paths, one per line)'],
  ['INPUT_RUNBOOKS', 'runbooks\\*.md', 'input "runbooks": "runbooks\\\\*.md" contains a backslash: repository paths are separated by "/" (write "runbooks/*.md") (expected globs of repository paths, one per line)'],
  ['INPUT_RUNBOOKS', '/runbooks/*.md', 'input "runbooks": "/runbooks/*.md" starts with "/": repository paths are relative to its root (write "runbooks/*.md") (expected globs of repository paths, one per line)'],
  ['INPUT_EXPORTS', 'snapshots/../exports/*.xml', 'input "exports": "snapshots/../exports/*.xml" has a ".." segment: only files of the repository are read (expected globs of repository paths, one per line)'],
  ['INPUT_PRIMARY', 'snapshots/SYNC01\nsnapshots/SYNC02', 'input "primary": expected one folder path on one line, got several lines'],
  ['INPUT_STAGING', 'a\r\nb', 'input "staging": expected one folder path on one line, got several lines'],
  ['INPUT_DELETION-THRESHOLD', '-3', 'input "deletion-threshold": expected a whole number (0 or more), got "-3"'],
  ['INPUT_DELETION-THRESHOLD', '1.5', 'input "deletion-threshold": expected a whole number (0 or more), got "1.5"'],
  ['INPUT_DELETION-THRESHOLD', 'five hundred', 'input "deletion-threshold": expected a whole number (0 or more), got "five hundred"'],
  ['INPUT_DELETION-THRESHOLD', '99999999999999999999', 'input "deletion-threshold": expected a whole number (0 or more), got "99999999999999999999"'],
  ['INPUT_SENSITIVE-ATTRIBUTES', ' , ', 'input "sensitive-attributes": no attribute given (expected a comma-separated list of attribute names, e.g. userPrincipalName, proxyAddresses)'],
  ['INPUT_SENSITIVE-ATTRIBUTES', 'mail; upn', 'input "sensitive-attributes": "mail; upn" is not an attribute name (expected a comma-separated list of attribute names, e.g. userPrincipalName, proxyAddresses)'],
  ['INPUT_COMMENT', 'loud', 'input "comment": expected one of update, recreate, new, off, got "loud"'],
  ['INPUT_FAIL-ON', 'threshold,oops', 'input "fail-on": unknown condition "oops" (expected a comma-separated list of threshold, errors, risky, drift, prerequisites, not-ready, none)'],
  ['INPUT_FAIL-ON', ',', 'input "fail-on": no condition given (expected a comma-separated list of threshold, errors, risky, drift, prerequisites, not-ready, none)'],
  ['INPUT_REDACT', 'maybe', 'input "redact": expected true or false, got "maybe"'],
  ['INPUT_LABELS', 'yes please', 'input "labels": expected true or false, got "yes please"'],
  ['INPUT_REDACT-KEY', 'short-secret', 'input "redact-key": the key is 12 characters long (expected at least 16 characters, e.g. ${{ secrets.SYNCSTAGE_REDACT_KEY }})'],
];

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
      'INPUT_REDACT-KEY': 'a-key-of-16-chars',
      INPUT_PRIMARY: '',
    });
    expect(inputs.token).toBe('secret');
    expect(inputs.redactKey).toBe('a-key-of-16-chars');
    expect(inputs.configPath).toBe('.github/syncstage.yml');
    expect(inputs.settings).toEqual({
      exports: ['examples/staging/exports/*.xml', 'examples/{a,b}/*.xml'],
      deletionThreshold: 250,
      deletionThresholdSetBy: 'action-input',
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

  it.each(BAD_VALUES)('%s=%j is refused with the input named and the values it accepts', (name, value, message) => {
    let error: unknown;
    try {
      readActionInputs({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });

  it('every input action.yml declares has its bad values above', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> };
    const tested = new Set(BAD_VALUES.map(([name]) => name));
    expect(Object.keys(action.inputs).map((input) => `INPUT_${input.toUpperCase()}`).filter((name) => !tested.has(name))).toEqual([]);
  });

  it('a long bad value is quoted cut, on one line', () => {
    expect(() => readActionInputs({ INPUT_COMMENT: `x${'y'.repeat(500)}\nz` })).toThrow(/got "xy{75}…"$/);
  });

  it('redact on without a key is an error on redact-key, before anything is written in clear', () => {
    expect(() => readActionInputs({ INPUT_REDACT: 'true' })).toThrow(
      'input "redact-key": redact is true but no key was given (expected a secret of at least 16 characters, e.g. ${{ secrets.SYNCSTAGE_REDACT_KEY }}); a fork\'s pull request gets no secrets',
    );
    expect(readActionInputs({ INPUT_REDACT: 'false' }).redactKey).toBeUndefined();
  });

  it('the token falls back to GITHUB_TOKEN; absent, it is undefined (the adapter says so)', () => {
    expect(readActionInputs({ GITHUB_TOKEN: 'ghs_env' }).token).toBe('ghs_env');
    expect(readActionInputs({}).token).toBeUndefined();
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
