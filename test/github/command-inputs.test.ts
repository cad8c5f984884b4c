import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNBOOK_GLOBS, runbookGlobs, runbooksAmong, verificationInputs } from '../../src/github/command-inputs.js';
import { readLimitsOf } from '../../src/github/settings.js';

const now = new Date('2026-11-24T20:00:00Z');

describe('inputs', () => {
  it('defaults the runbook globs', () => {
    expect(runbookGlobs({})).toEqual(DEFAULT_RUNBOOK_GLOBS);
    expect(runbookGlobs({ runbooks: 'x/*.md' })).toEqual(['x/*.md']);
  });
  it('finds runbooks among changed files', () => {
    expect(runbooksAmong(['README.md', 'docs/Failover-Runbook.md', 'a/runbook.md', 'runbook.txt'], DEFAULT_RUNBOOK_GLOBS)).toEqual(['a/runbook.md', 'docs/Failover-Runbook.md']);
  });
  it('takes the arguments over the config', () => {
    expect(verificationInputs({ exports: ['e/*.xml'], primary: 'p', staging: 's', 'deletion-threshold': 0 }, { exports: 'x.xml', staging: 's2', runbook: 'r.md' }, ['other.md'], now)).toEqual({
      exports: ['x.xml'],
      primary: 'p',
      staging: 's2',
      runbooks: [],
      // runbook= is judged besides the PR's own runbooks, never instead of them.
      runbookFiles: ['other.md', 'r.md'],
      deletionThreshold: 0,
      deletionThresholdSetBy: 'settings-file',
      now,
      limits: readLimitsOf({}),
    });
  });
});
