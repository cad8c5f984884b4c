import { describe, expect, it } from 'vitest';
import { ConfigError, keyPath, parseSyncstageConfig } from '../../src/github/settings-schema.js';
import { configFileToSettings, mergeSettings, settingsToVerificationInputs } from '../../src/github/settings.js';

const FILE = '.github/syncstage.yml';

function problem(raw: unknown): string {
  try {
    parseSyncstageConfig(raw, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseSyncstageConfig', () => {
  it('gives defaults for a missing or empty file', () => {
    expect(parseSyncstageConfig(null, FILE)).toEqual({});
    expect(parseSyncstageConfig(undefined, FILE)).toEqual({});
    expect(parseSyncstageConfig({}, FILE)).toEqual({});
  });

  it('accepts every key', () => {
    const config = {
      exports: ['exports/*.xml'],
      primary: 'snapshots/primary',
      staging: 'snapshots/staging',
      runbooks: 'docs/runbooks/*.md',
      'deletion-threshold': 500,
      'sensitive-attributes': ['userPrincipalName'],
      comment: 'recreate',
      'fail-on': 'threshold, not-ready',
      redact: true,
      'verify-on-edit': false,
      allowlist: { users: ['octocat', 'a-b'], teams: ['sync-admins', 'contoso/identity'] },
      'max-snapshot-age-hours': 24,
      'max-sync-age-hours': 1.5,
      'name-map': { 'contoso-prod.com': 'contoso.com' },
    };
    expect(parseSyncstageConfig(config, FILE)).toEqual(config);
  });

  it('accepts fail-on as a YAML list of the shared vocabulary', () => {
    const config = { 'fail-on': ['threshold', 'errors', 'risky', 'drift', 'prerequisites', 'not-ready', 'none'] };
    expect(parseSyncstageConfig(config, FILE)).toEqual(config);
  });

  it.each([
    [{ 'deletion-threshold': -1 }, '.github/syncstage.yml: "deletion-threshold" must be an integer >= 0'],
    [{ 'deletion-threshold': 1.5 }, '.github/syncstage.yml: "deletion-threshold" must be an integer >= 0'],
    [{ 'deletion-threshold': '500' }, '.github/syncstage.yml: "deletion-threshold" must be an integer >= 0'],
    [{ comment: 'sometimes' }, '.github/syncstage.yml: "comment" must be one of update, recreate, new, off'],
    [{ 'fail-on': 'always' }, '.github/syncstage.yml: "fail-on" must be a comma-separated list (or a YAML list) of threshold, errors, risky, drift, prerequisites, not-ready, none'],
    [{ 'fail-on': 'never' }, '.github/syncstage.yml: "fail-on" must be a comma-separated list (or a YAML list) of threshold, errors, risky, drift, prerequisites, not-ready, none'],
    [{ 'fail-on': ['drift', 'always'] }, '.github/syncstage.yml: "fail-on" must be a comma-separated list (or a YAML list) of threshold, errors, risky, drift, prerequisites, not-ready, none'],
    [{ redact: 'yes' }, '.github/syncstage.yml: "redact" must be true or false'],
    [{ 'max-sync-age-hours': 0 }, '.github/syncstage.yml: "max-sync-age-hours" must be a number > 0'],
    [{ exports: 3 }, '.github/syncstage.yml: "exports" must be a glob or a list of globs of pending-export files'],
    [{ allowlist: { users: ['ok', 'not ok'] } }, '.github/syncstage.yml: "allowlist.users[1]" must be a GitHub login'],
    [{ allowlist: { teams: ['a/b/c'] } }, '.github/syncstage.yml: "allowlist.teams[0]" must be a team slug (slug or org/slug)'],
    [{ allowlist: { groups: [] } }, '.github/syncstage.yml: unknown key "allowlist.groups" (known keys: users, teams)'],
    [['a'], '.github/syncstage.yml: must be a mapping of the keys below'],
    [{ 'name-map': { 'contoso-prod.com': 3 } }, '.github/syncstage.yml: "name-map.contoso-prod.com" must be the staging server\'s name (a non-empty string)'],
    [{ 'name-map': { 'contoso-prod.com': '' } }, '.github/syncstage.yml: "name-map.contoso-prod.com" must be the staging server\'s name (a non-empty string)'],
    [{ runbooks: ['./runbooks/*.md'] }, '.github/syncstage.yml: "runbooks": "./runbooks/*.md" has a "." segment: repository paths have none (write "runbooks/*.md")'],
    [{ exports: 'exports/*.xml, C:\\snap\\*.xml' }, '.github/syncstage.yml: "exports": "C:\\\\snap\\\\*.xml" contains a backslash: repository paths are separated by "/" (write "C:/snap/*.xml")'],
  ])('names the bad key in %j', (raw, message) => {
    expect(problem(raw)).toBe(message);
  });

  it('names an unknown top-level key and lists the known ones', () => {
    expect(problem({ deletionThreshold: 5 })).toMatch(/^\.github\/syncstage\.yml: unknown key "deletionThreshold" \(known keys: exports, primary, staging, runbooks, deletion-threshold,/);
  });
});

describe('keyPath', () => {
  it('turns a JSON pointer into a readable key', () => {
    expect(keyPath('')).toBe('');
    expect(keyPath('/a/b/0/c')).toBe('a.b[0].c');
    expect(keyPath('/a~1b')).toBe('a/b');
  });
});

describe('name-map in the settings file', () => {
  it('reaches the verification as the name map drift and the switch impact read (and is left out when empty)', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const inputs = settingsToVerificationInputs(mergeSettings(configFileToSettings(parseSyncstageConfig({ 'name-map': { 'contoso-prod.com': 'contoso.com' } }, FILE))), now);
    expect(inputs.nameMap).toEqual({ 'contoso-prod.com': 'contoso.com' });
    expect(settingsToVerificationInputs(mergeSettings(configFileToSettings(parseSyncstageConfig({ 'name-map': {} }, FILE))), now)).not.toHaveProperty('nameMap');
  });
});
