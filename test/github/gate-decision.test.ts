import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { gateOutcome, statusOf } from '../../src/github/outcome.js';
import { decideGate } from '../../src/github/gate-decision.js';
import { gateStatus } from '../../src/github/outcome.js';
import type { UnjudgedRunbook } from '../../src/verify/types.js';
import { gate, renderGateCheck, result } from './stubs.js';

/** As the API source names a file: `owner/repo@sha:path`. */
function unjudged(path: string, reason: string, position?: { line: number; column: number }): UnjudgedRunbook {
  return { path, error: new InputError(`contoso/sync@1111111:${path}`, reason, position) };
}

function withUnjudged(runbooks: UnjudgedRunbook[], gates = [] as ReturnType<typeof gate>[], other: InputError[] = []) {
  return { ...result({ verdict: 'not-ready', gates }), unjudgedRunbooks: runbooks, inputErrors: [...runbooks.map((runbook) => runbook.error), ...other] };
}

describe('decideGate: one decision for the Action and the App', () => {
  it('"no runbook in this PR" only when nothing was judged and nothing failed to be', () => {
    expect(decideGate(result())).toEqual({ kind: 'no-runbook', conclusion: 'success', headline: 'no runbook in this PR' });
    // Other unreadable files do not make a runbook: they fail the review check, not the gate.
    expect(decideGate({ ...result({ verdict: 'not-ready' }), inputErrors: [new InputError('exports/a.xml', 'not XML')] }).kind).toBe('no-runbook');
  });

  it('a runbook that cannot be judged is a failure naming the file, the position and the reason', () => {
    const decision = decideGate(withUnjudged([unjudged('runbooks/a.md', 'front matter: stage: must be "pre-switch" or "post-switch", got "mid"', { line: 2, column: 8 })]));
    expect(decision).toMatchObject({ kind: 'judged', conclusion: 'failure', headline: 'cannot judge runbooks/a.md:2:8: front matter: stage: must be "pre-switch" or "post-switch", got "mid"' });
  });

  it('judged and unjudged together: both said, the failure first; other unreadable files counted', () => {
    const decision = decideGate(withUnjudged([unjudged('b.md', 'no such file at this commit')], [gate(true, 'a.md')], [new InputError('exports/x.xml', 'not XML')]));
    expect(decision).toMatchObject({ conclusion: 'failure', headline: 'cannot judge b.md: no such file at this commit; 7 of 7 prerequisites satisfied; 1 other file(s) unreadable' });
  });

  it('a satisfied runbook with other evidence unreadable still fails (fail closed)', () => {
    expect(decideGate({ ...result({ gates: [gate(true)] }), inputErrors: [new InputError('exports/x.xml', 'not XML')] })).toMatchObject({ conclusion: 'failure', headline: '7 of 7 prerequisites satisfied; 1 other file(s) unreadable' });
    expect(decideGate(result({ gates: [gate(true)] }))).toMatchObject({ conclusion: 'success', headline: '7 of 7 prerequisites satisfied' });
  });

  it('the Action status and the App check say the same', () => {
    const failing = withUnjudged([unjudged('runbooks/link.md', 'a symbolic link (git mode 120000): syncstage never follows links; commit the file itself')]);
    const outcome = gateOutcome(failing, renderGateCheck);
    expect(gateStatus(failing)).toEqual(statusOf(outcome));
    expect(gateStatus(failing)).toEqual({ state: 'failure', description: 'cannot judge runbooks/link.md: a symbolic link (git mode 120000): syncstage never follows links; commit the file itself' });
    expect(outcome.summary).toBe(
      [
        '### `runbooks/link.md`: cannot be judged',
        '',
        '```',
        'runbooks/link.md: a symbolic link (git mode 120000): syncstage never follows links; commit the file itself',
        '```',
        '',
        'Every file the pull request adds or changes that matches the `runbooks` globs (or that `runbook=` names) is judged as a failover runbook. If one is not a runbook, narrow `runbooks:` in `.github/syncstage.yml`.',
      ].join('\n'),
    );
  });

  it('an error about another file than the runbook keeps its own name', () => {
    const runbook: UnjudgedRunbook = { path: 'runbooks/a.md', error: new InputError('contoso/sync@1111111:snapshots/x/snapshot.json', 'bad JSON') };
    expect(decideGate(withUnjudged([runbook])).headline).toBe('cannot judge runbooks/a.md: contoso/sync@1111111:snapshots/x/snapshot.json: bad JSON');
  });
});
