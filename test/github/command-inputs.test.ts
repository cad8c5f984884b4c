import { describe, expect, it } from 'vitest';
import { runbooksAmong } from '../../src/github/command-inputs.js';
import { verificationInputsFor } from '../../src/github/review-commit.js';
import { configFileToSettings, defaultSettings, mergeSettings, readLimitsOf } from '../../src/github/settings.js';

const now = new Date('2026-11-24T20:00:00Z');
const DEFAULT_RUNBOOK_GLOBS = ['**/*runbook*.md', '**/runbooks/*.md'];

describe('inputs', () => {
  it('defaults the runbook globs', () => {
    expect(defaultSettings().runbooks).toEqual(DEFAULT_RUNBOOK_GLOBS);
    expect(mergeSettings(configFileToSettings({ runbooks: 'x/*.md' })).runbooks).toEqual(['x/*.md']);
  });
  it('finds runbooks among changed files', () => {
    expect(runbooksAmong(['README.md', 'docs/Failover-Runbook.md', 'a/runbook.md', 'runbook.txt'], DEFAULT_RUNBOOK_GLOBS)).toEqual(['a/runbook.md', 'docs/Failover-Runbook.md']);
  });
  it('takes the arguments over the settings, runbook= besides the change\'s own runbooks', () => {
    const settings = mergeSettings(configFileToSettings({ exports: ['e/*.xml'], primary: 'p', staging: 's', 'deletion-threshold': 0 }));
    expect(verificationInputsFor({ settings, args: { exports: 'x.xml', staging: 's2', runbook: 'r.md' }, changedFiles: ['other-runbook.md', 'notes.md'] }, now)).toEqual({
      exports: ['x.xml'],
      primary: 'p',
      staging: 's2',
      runbooks: [],
      // runbook= is judged besides the PR's own runbooks, never instead of them; other Markdown is read for front matter.
      runbookFiles: ['other-runbook.md', 'r.md'],
      runbookCandidates: ['notes.md'],
      deletionThreshold: 0,
      deletionThresholdSetBy: 'settings-file',
      now,
      limits: readLimitsOf({}),
    });
  });
  it('an issue command without runbook=: the globs at the commit, no list of files', () => {
    const inputs = verificationInputsFor({ settings: defaultSettings() }, now);
    expect([inputs.runbooks, inputs.runbookFiles, inputs.runbookCandidates]).toEqual([DEFAULT_RUNBOOK_GLOBS, undefined, undefined]);
  });
  it('the redaction key joins only when redacting', () => {
    expect(verificationInputsFor({ settings: mergeSettings({ redact: true }) }, now, 'k'.repeat(16)).redactKey).toBe('k'.repeat(16));
    expect(verificationInputsFor({ settings: defaultSettings() }, now, 'k'.repeat(16)).redactKey).toBeUndefined();
  });
});
