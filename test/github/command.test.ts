import { describe, expect, it } from 'vitest';
import { commandLine, contextProblem, HELP_TEXT, parseCommand, tokenize, valueProblem } from '../../src/github/command.js';

describe('commandLine', () => {
  it.each([
    ['/verify-staging', ''],
    ['/verify-staging ref=main', 'ref=main'],
    ['  \n\t/verify-staging   primary=a  ', 'primary=a'],
    ['/verify-staging\nstaging=ignored on line two', ''],
    ['/verify-staging ref=x\r\nmore', 'ref=x'],
    ['/verify-staging\tref=x', 'ref=x'],
  ])('finds the command in %j', (body, rest) => {
    expect(commandLine(body)).toBe(rest);
  });

  it.each(['/verify-stagingx', '/verify-staging-now', 'please /verify-staging', '> /verify-staging', '/VERIFY-STAGING', '`/verify-staging`', ''])(
    'is not the command: %j',
    (body) => {
      expect(commandLine(body)).toBeUndefined();
    },
  );
});

describe('tokenize', () => {
  it('splits on spaces and tabs', () => {
    expect(tokenize('a  b\tc')).toEqual({ tokens: ['a', 'b', 'c'] });
  });
  it('keeps single quotes literal', () => {
    expect(tokenize(`staging='snap shots/{a,b}' x='a\\"b'`)).toEqual({ tokens: ['staging=snap shots/{a,b}', 'x=a\\"b'] });
  });
  it('handles double quotes with escapes', () => {
    expect(tokenize(String.raw`primary="a \"quoted\" \\ path" b="c\d"`)).toEqual({ tokens: ['primary=a "quoted" \\ path', 'b=c\\d'] });
  });
  it('joins quoted and bare parts of one word', () => {
    expect(tokenize(`exports="my exports"/*.xml`)).toEqual({ tokens: ['exports=my exports/*.xml'] });
  });
  it('keeps an empty quoted value', () => {
    expect(tokenize(`a='' b=""`)).toEqual({ tokens: ['a=', 'b='] });
  });
  it('reports unterminated quotes with the column', () => {
    expect(tokenize(`a='b`)).toEqual({ problem: 'unterminated single quote starting at column 3' });
    expect(tokenize(`a="b\\"`)).toEqual({ problem: 'unterminated double quote starting at column 3' });
  });
  it('gives nothing for an empty line', () => {
    expect(tokenize('')).toEqual({ tokens: [] });
  });
});

describe('parseCommand', () => {
  it('is not a command when the comment does not start with it', () => {
    expect(parseCommand('hello /verify-staging')).toEqual({ kind: 'not-a-command' });
  });
  it('runs with no arguments', () => {
    expect(parseCommand('/verify-staging')).toEqual({ kind: 'run', args: {} });
  });
  it('reads every argument', () => {
    expect(
      parseCommand(`/verify-staging ref=release/2026 primary=snapshots/primary staging="snapshots/staging server" exports='exports/{a,b}.xml' runbook=docs/runbook.md`),
    ).toEqual({
      kind: 'run',
      args: {
        ref: 'release/2026',
        primary: 'snapshots/primary',
        staging: 'snapshots/staging server',
        exports: 'exports/{a,b}.xml',
        runbook: 'docs/runbook.md',
      },
    });
  });
  it('ignores the lines after the first', () => {
    expect(parseCommand('/verify-staging primary=a\nunknown=b')).toEqual({ kind: 'run', args: { primary: 'a' } });
  });
  it('answers help', () => {
    expect(parseCommand('/verify-staging help')).toEqual({ kind: 'help' });
    expect(parseCommand('  /verify-staging   help  \nthanks')).toEqual({ kind: 'help' });
  });
  it.each([
    ['/verify-staging help ref=main', '`help` takes no other arguments'],
    ['/verify-staging branch=main', 'unknown argument `branch`'],
    ['/verify-staging main', 'unknown argument `main` (arguments are `key=value`)'],
    ['/verify-staging =x', 'unknown argument `=x` (arguments are `key=value`)'],
    ['/verify-staging Ref=main', 'unknown argument `Ref`'],
    ['/verify-staging primary=a primary=b', '`primary=` is given more than once'],
    ['/verify-staging primary=', '`primary=` needs a value'],
    ["/verify-staging staging='a b", 'unterminated single quote starting at column 9'],
    ['/verify-staging primary=/etc/passwd', '`primary=` must be a path relative to the repository root'],
    ['/verify-staging exports=../secrets/*.xml', '`exports=` must not leave the repository (`..`)'],
    ['/verify-staging ref=a..b', '`ref=` is not a valid branch, tag or SHA name'],
    ['/verify-staging ref=-x', '`ref=` is not a valid branch, tag or SHA name'],
    ['/verify-staging b`a=1', 'unknown argument ``b`a``'],
  ])('refuses %j', (body, problem) => {
    expect(parseCommand(body)).toEqual({ kind: 'invalid', problem });
  });
  it('refuses long values', () => {
    expect(parseCommand(`/verify-staging primary=${'a'.repeat(1025)}`)).toEqual({ kind: 'invalid', problem: '`primary=` is longer than 1024 characters' });
  });
});

describe('valueProblem', () => {
  it.each(['main', 'release/2026.1', 'v1.2.3', 'a1b2c3d4'])('accepts ref %s', (ref) => {
    expect(valueProblem('ref', ref)).toBeUndefined();
  });
  it.each(['a b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', 'a@{1}', 'x.lock', 'x/', '/x'])('refuses ref %j', (ref) => {
    expect(valueProblem('ref', ref)).toBe('`ref=` is not a valid branch, tag or SHA name');
  });
  it('refuses control characters', () => {
    expect(valueProblem('primary', 'a\u0007b')).toBe('`primary=` contains a control character');
  });
  it('accepts a path with dots that stay inside', () => {
    expect(valueProblem('primary', './a/..b/c.d')).toBeUndefined();
  });
});

describe('contextProblem', () => {
  it('refuses ref= in a pull request with a reason', () => {
    expect(contextProblem({ ref: 'main' }, { pullRequest: true })).toMatch(/^`ref=` cannot be used in a pull request: the pull request's head commit is what gets judged/);
  });
  it('accepts ref= in an issue and anything else in a PR', () => {
    expect(contextProblem({ ref: 'main' }, { pullRequest: false })).toBeUndefined();
    expect(contextProblem({ primary: 'a' }, { pullRequest: true })).toBeUndefined();
  });
});

describe('HELP_TEXT', () => {
  it('names every argument', () => {
    for (const key of ['ref=', 'primary=', 'staging=', 'exports=', 'runbook=']) expect(HELP_TEXT).toContain(key);
  });
});
