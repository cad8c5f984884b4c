import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { actionDeps, loadConfigWithoutSchema, renderVerdictMarkdown, verifyNotIntegrated } from '../../src/github/action-deps.js';
import type { FileSource } from '../../src/files/source.js';
import { recordingIO, result } from './review-fixtures.js';

function textSource(text: string): FileSource {
  return { readText: async () => text, describe: (p: string) => `repo@abc:${p}` } as unknown as FileSource;
}

describe('placeholder wiring (until verify, report and config.ts are integrated)', () => {
  it('reads the config file with the inputs\' kebab-case keys into settings', async () => {
    const settings = await loadConfigWithoutSchema(textSource('exports:\n  - a/*.xml\ndeletion-threshold: 300\nfail-on: threshold,drift\ncomment: new\n'), '.github/syncstage.yml');
    expect(settings).toEqual({ exports: ['a/*.xml'], deletionThreshold: 300, failOn: ['threshold', 'drift'], comment: 'new' });
    expect(await loadConfigWithoutSchema(textSource(''), 'c.yml')).toEqual({});
    await expect(loadConfigWithoutSchema(textSource('colour: blue\n'), 'c.yml')).rejects.toThrow('repo@abc:c.yml: unknown setting "colour"');
    await expect(loadConfigWithoutSchema(textSource('- a\n'), 'c.yml')).rejects.toThrow(InputError);
  });

  it('renders the verdict, the base comparison and escaped reasons', () => {
    const markdown = renderVerdictMarkdown(result({ verdict: 'not-ready', reasons: ['@admins | <b>'] }), { base: result(), baseRef: 'main' });
    expect(markdown).toContain('❌ not ready');
    expect(markdown).toContain('+0 deletes since main');
    expect(markdown).not.toContain('@admins');
    expect(markdown).not.toContain('<b>');
  });

  it('says plainly when the analysis is not built in', async () => {
    await expect(verifyNotIntegrated({} as FileSource, { exports: [], runbooks: [], now: new Date() })).rejects.toThrow(/not part of this build/);
    expect(actionDeps(recordingIO()).verify).toBe(verifyNotIntegrated);
  });
});
