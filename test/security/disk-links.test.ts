/**
 * Issue 15 item 11 at the file-source level: a confined DiskFileSource (the Action's checkout) refuses every
 * symbolic link and every path leaving the root, naming it; the CLI's source still follows the operator's links.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { put, removeWorkspaces, workspace } from '../hostile/support.js';

afterEach(removeWorkspaces);

function checkout(): { root: string; outside: string } {
  const root = workspace();
  const outside = workspace();
  writeFileSync(path.join(outside, 'secret.yml'), 'leaked: 1\n');
  mkdirSync(path.join(outside, 'dir'));
  writeFileSync(path.join(outside, 'dir/config.json'), '{"auth":"x"}');
  put(root, 'snap/exports/a.xml', '<cs-objects/>');
  symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'linked.md'));
  symlinkSync(path.join(outside, 'dir'), path.join(root, 'snap/settings'));
  symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'snap/exports/b.xml'));
  return { root, outside };
}

const LINK = 'a symbolic link: syncstage never follows links; commit the file itself';

describe('a confined DiskFileSource (the Action)', () => {
  it('refuses a linked file, a linked folder and a file under a linked folder, naming the link', async () => {
    const { root } = checkout();
    const source = new DiskFileSource(root, { confined: true });
    await expect(source.readText('linked.md')).rejects.toThrow(`linked.md: ${LINK}`);
    await expect(source.open('linked.md')).rejects.toThrow(`linked.md: ${LINK}`);
    await expect(source.kind('snap/settings')).rejects.toThrow(`snap/settings: ${LINK}`);
    await expect(source.children('snap/settings')).rejects.toThrow(`snap/settings: ${LINK}`);
    await expect(source.readText('snap/settings/config.json')).rejects.toThrow(`snap/settings: ${LINK}`);
  });

  it('refuses a folder listing or a glob that holds a link, instead of skipping it', async () => {
    const { root } = checkout();
    const source = new DiskFileSource(root, { confined: true });
    await expect(source.children('snap/exports')).rejects.toThrow(`snap/exports/b.xml: ${LINK}`);
    await expect(source.list('snap/exports/*.xml')).rejects.toThrow(`snap/exports/b.xml: ${LINK}`);
    // A link the glob does not match is not evidence.
    expect(await source.list('snap/exports/a*.xml')).toEqual(['snap/exports/a.xml']);
  });

  it('refuses absolute paths and paths that leave the root', async () => {
    const { root, outside } = checkout();
    const source = new DiskFileSource(root, { confined: true });
    await expect(source.readText(path.join(outside, 'secret.yml'))).rejects.toThrow('an absolute path: only files of the repository are read here');
    await expect(source.readText('snap/../../x')).rejects.toThrow('leaves the repository (`..`)');
  });
});

describe('the CLI (unconfined) on the operator\'s disk', () => {
  it('follows the operator\'s linked folders, but never a linked file (a runbook or an export behind a link fails everywhere)', async () => {
    const { root } = checkout();
    const source = new DiskFileSource(root);
    await expect(source.readText('linked.md')).rejects.toThrow(`linked.md: ${LINK}`);
    expect(await source.kind('snap/settings')).toBe('dir');
  });
});
