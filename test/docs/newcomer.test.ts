// What a newcomer hits first (issue 13 item 7): the docs' citations resolve, the Node version the README promises
// is the one package.json declares, and the generator's --help prints help, not a stack trace.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && pattern.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('docs/formats.md citations', () => {
  it('every "formats.md §N" in src/, scripts/ and docs/ names a section of docs/formats.md', async () => {
    const formats = await readFile('docs/formats.md', 'utf8');
    const sections = new Set([...formats.matchAll(/^## (\d+)\. /gm)].map((match) => match[1]));
    expect([...sections]).toEqual(['1', '2', '3', '4', '5']);
    const files = [...(await filesUnder('src', /\.ts$/)), ...(await filesUnder('scripts', /\.ts$/)), ...(await filesUnder('docs', /\.md$/))];
    const cited: string[] = [];
    for (const file of files) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/formats\.md\)? §(\d+)/g)) {
        cited.push(`${file} §${match[1]}`);
        expect(sections.has(match[1]!), `${file} cites formats.md §${match[1]}`).toBe(true);
      }
    }
    expect(cited.length).toBeGreaterThan(20);
  });

  it('no document cites formats.md by a path that is not docs/formats.md', async () => {
    for (const file of [...(await filesUnder('docs', /\.md$/)), 'README.md']) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/\]\(([^)]*formats\.md)[^)]*\)/g)) {
        expect(path.resolve(path.dirname(file), match[1]!), file).toBe(path.resolve('docs/formats.md'));
      }
    }
  });
});

describe('the Node version', () => {
  it('README promises the version package.json declares', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } };
    const floor = /^>=(\d+)\.(\d+)\.\d+$/.exec(pkg.engines.node);
    expect(floor).not.toBeNull();
    const readme = await readFile('README.md', 'utf8');
    const promised = [...readme.matchAll(/Node\.js (\d+\.\d+)\+/g)].map((match) => match[1]);
    expect(promised.length).toBeGreaterThan(0);
    expect(new Set(promised)).toEqual(new Set([`${floor![1]}.${floor![2]}`]));
    const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    expect(lock.packages['']!.engines!.node).toBe(pkg.engines.node);
  });
});

describe('npm run generate -- --help', () => {
  it('prints the usage and exits 0; an unknown option is a one-line error and exit 2, never a stack trace', async () => {
    const help = await run(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--help']);
    expect(help.stdout).toMatch(/^Usage: npm run generate -- /);
    expect(help.stderr).toBe('');
    const bad = await run(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--bogus']).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stderr.split('\n')[0]).toBe("Unknown option '--bogus'");
    expect(bad?.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
