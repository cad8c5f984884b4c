import { describe, expect, it } from 'vitest';
import { isFailoverRunbook, parseFrontMatter } from '../../src/gate/front-matter.js';

const error = (text: string): string => {
  try {
    parseFrontMatter(text, 'runbooks/failover.md');
  } catch (caught) {
    return (caught as Error).message;
  }
  return 'no error';
};

describe('parseFrontMatter', () => {
  it('reads servers, snapshots, stage, after and limits', () => {
    const parsed = parseFrontMatter(
      '---\nstage: post-switch\nactive:\n  server: SYNC01\n  snapshot: ops\\snapshots\\SYNC01\nstaging:\n  server: SYNC02\n  snapshot: ops/snapshots/SYNC02\n  exports: ops/snapshots/SYNC02/exports/*.xml.gz\nafter:\n  old-active: post/SYNC01\n  new-active: post/SYNC02\nbase-staging: base/SYNC02\nmax-snapshot-age-hours: 48\nmax-sync-age-hours: 2\n---\n# Body\n- [x] a `a`\n',
      'r.md',
    );
    expect(parsed.frontMatter).toEqual({
      stage: 'post-switch',
      active: { server: 'SYNC01', snapshot: 'ops/snapshots/SYNC01' },
      staging: { server: 'SYNC02', snapshot: 'ops/snapshots/SYNC02', exports: 'ops/snapshots/SYNC02/exports/*.xml.gz' },
      after: { oldActive: 'post/SYNC01', newActive: 'post/SYNC02' },
      baseStaging: 'base/SYNC02',
      maxSnapshotAgeHours: 48,
      maxSyncAgeHours: 2,
    });
    expect(parsed.bodyLine).toBe(17);
    expect(parsed.body.split('\n')[0]).toBe('# Body');
  });

  it('defaults to pre-switch', () => {
    expect(parseFrontMatter('---\nactive: {server: A}\nstaging: {server: B}\n---\n', 'r.md').frontMatter.stage).toBe('pre-switch');
  });

  it('reports bad input with runbook line and column', () => {
    expect(error('# no front matter')).toBe('runbooks/failover.md:1:1: the runbook must start with YAML front matter between "---" lines (see docs/failover-gate.md)');
    expect(error('---\nactive: {server: A}\n')).toBe('runbooks/failover.md:1:1: the front matter is not closed by a "---" line');
    expect(error('---\nactive: {server: A}\nstaging: {server: B}\nstage: mid-switch\n---\n')).toBe('runbooks/failover.md:4:8: front matter: stage: must be "pre-switch" or "post-switch", got "mid-switch"');
    expect(error('---\nactive: {server: A}\nstaging:\n  server: a\n---\n')).toBe('runbooks/failover.md:4:11: front matter: staging.server: the staging server must be another server than the active one');
    expect(error('---\nactive: {server: A}\n---\n')).toBe('runbooks/failover.md:2:1: front matter: staging: missing: name the server and its snapshot folder ({server: SYNC01, snapshot: path})');
    expect(error('---\nactive: {server: A}\nstaging: {server: B}\ncolour: red\n---\n')).toMatch(/^runbooks\/failover\.md:4:1: front matter: colour: unknown key/);
    expect(error('---\nactive: [\n---\n')).toMatch(/^runbooks\/failover\.md:\d+:\d+: front matter: /);
    expect(error('---\nactive: {server: A}\nstaging: {server: B}\nmax-sync-age-hours: -1\n---\n')).toBe('runbooks/failover.md:4:21: front matter: max-sync-age-hours: must be a positive number of hours');
  });
});

describe('isFailoverRunbook', () => {
  it('knows a runbook by its marker or by active and staging keys, even with a broken front matter', () => {
    expect(isFailoverRunbook('---\nsyncstage: failover\n---\n')).toBe(true);
    expect(isFailoverRunbook('\uFEFF---\r\nactive: {server: A}\r\nstaging: [\r\n---\r\n')).toBe(true);
    expect(isFailoverRunbook('---\ntitle: Release notes\n---\n- [x] active `one-active`')).toBe(false);
    expect(isFailoverRunbook('# README\nactive:\nstaging:\n')).toBe(false);
  });

  it('refuses another value for the marker', () => {
    expect(() => parseFrontMatter('---\nsyncstage: release\nactive: {server: A}\nstaging: {server: B}\n---\n', 'r.md')).toThrow('r.md:2:12: front matter: syncstage: must be "failover" (it marks the file as a failover runbook)');
  });
});
