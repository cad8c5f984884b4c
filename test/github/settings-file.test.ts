// .github/syncstage.yml as both runtimes read it: YAML, the App's JSON schema, then the one settings model.
import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../src/files/source.js';
import { realActionDeps } from '../../src/github/real-deps.js';
import { ConfigError } from '../../src/github/settings-schema.js';
import { loadConfigFile } from '../../src/github/settings-file.js';
import { appInputs } from '../../src/github/inputs.js';
import { verifyStaging } from '../../src/verify/verify.js';
import { recordingIO } from './review-fixtures.js';
import { stubSource } from '../support/file-source.js';

const FILE = '.github/syncstage.yml';

function textSource(text: string): FileSource {
  return stubSource({ readText: async () => text, describe: (p: string) => `contoso/sync@1111111:${p}` });
}

async function problem(text: string): Promise<ConfigError> {
  try {
    await loadConfigFile(textSource(text), FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfigFile', () => {
  it('maps a valid file (kebab-case) onto settings, fail-on as a list', async () => {
    const yaml = [
      'exports:',
      '  - exports/*.xml',
      'primary: snapshots/sync01',
      'staging: snapshots/sync02',
      'runbooks: docs/runbooks/*.md',
      'deletion-threshold: 300',
      'sensitive-attributes: [userPrincipalName, proxyAddresses]',
      'comment: new',
      'fail-on: threshold, drift,not-ready',
      'redact: true',
      'verify-on-edit: true',
      'allowlist:',
      '  users: [octocat]',
      'max-snapshot-age-hours: 12',
      'max-sync-age-hours: 1.5',
      '',
    ].join('\n');
    expect(await loadConfigFile(textSource(yaml), FILE)).toEqual({
      exports: ['exports/*.xml'],
      primary: 'snapshots/sync01',
      staging: 'snapshots/sync02',
      runbooks: ['docs/runbooks/*.md'],
      deletionThreshold: 300,
      deletionThresholdSetBy: 'settings-file',
      sensitiveAttributes: ['userPrincipalName', 'proxyAddresses'],
      comment: 'new',
      failOn: ['threshold', 'drift', 'not-ready'],
      redact: true,
      verifyOnEdit: true,
      allowlist: { users: ['octocat'], teams: [] },
      maxSnapshotAgeHours: 12,
      maxSyncAgeHours: 1.5,
    });
  });

  it('accepts fail-on as a YAML list, and an empty file as no settings', async () => {
    expect(await loadConfigFile(textSource('fail-on:\n  - prerequisites\n  - errors\n'), FILE)).toEqual({ failOn: ['prerequisites', 'errors'] });
    expect(await loadConfigFile(textSource(''), FILE)).toEqual({});
  });

  it('fail-on: none wins over anything listed with it, as in the Action input', async () => {
    expect(await loadConfigFile(textSource('fail-on: threshold, none\n'), FILE)).toEqual({ failOn: [] });
    expect(await loadConfigFile(textSource('fail-on: [none]\n'), FILE)).toEqual({ failOn: [] });
  });

  it('names an unknown key, where the file is', async () => {
    const error = await problem('colour: blue\n');
    expect(error.message).toMatch(/^contoso\/sync@1111111:\.github\/syncstage\.yml: unknown key "colour" \(known keys: exports, /);
  });

  it('names a bad value of a known key', async () => {
    expect((await problem('fail-on: never\n')).message).toBe(
      'contoso/sync@1111111:.github/syncstage.yml: "fail-on" must be a comma-separated list (or a YAML list) of threshold, errors, risky, drift, prerequisites, not-ready, none',
    );
  });

  it('turns a YAML syntax error into a ConfigError naming the file', async () => {
    const error = await problem('exports: [a.xml\nprimary: x\n');
    // The parser's first line only: no multi-line excerpt of the file in a check run or a step failure.
    expect(error.message).toBe('contoso/sync@1111111:.github/syncstage.yml: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:');
  });

  it('refuses a YAML alias bomb', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const error = await problem(bomb);
    expect(error.message).toBe('contoso/sync@1111111:.github/syncstage.yml: Excessive alias count indicates a resource exhaustion attack');
  });
});

describe('realActionDeps', () => {
  it('wires the real verification and the schema-validated config loader', () => {
    const deps = realActionDeps(recordingIO(), appInputs());
    expect(deps.verify).toBe(verifyStaging);
    expect(deps.loadConfig).toBe(loadConfigFile);
  });
});
