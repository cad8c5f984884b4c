/** The gate's switch threshold finds the Entra ID connector however the manifests spell its name (blanks, case). */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileSource } from '../../src/files/disk.js';
import { verifyStaging } from '../../src/verify/verify.js';
import { tempDir } from '../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AAD_FILE = 'contoso.onmicrosoft.com - AAD.xml';

async function examplesNaming(name: string): Promise<string> {
  const dir = tempDir();
  await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  for (const side of ['primary', 'staging']) {
    const file = path.join(dir, 'examples', side, 'snapshot.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { exports: Record<string, string> };
    manifest.exports[AAD_FILE] = name;
    await writeFile(file, JSON.stringify(manifest));
  }
  return dir;
}

describe('the Entra ID connector under another name', () => {
  it.each(['Cloud Tenant  ', '  cloud tenant'])('%j: the deletes the switch exports count toward the limit, and over it the row fails', async (name) => {
    const dir = await examplesNaming(name);
    const result = await verifyStaging(new DiskFileSource(dir), {
      primary: 'examples/primary',
      staging: 'examples/staging',
      exports: [],
      runbooks: ['examples/runbooks/failover-2026-11-24.md'],
      deletionThreshold: 3,
      deletionThresholdSetBy: 'cli-option',
      now: new Date('2026-11-24T09:00:00Z'),
    });
    expect(result.inputErrors).toEqual([]);
    const row = result.gates[0]?.prerequisites.find((p) => p.id === 'exports-verified');
    expect(row?.status).toBe('unsatisfied');
    expect(row?.evidence.join('\n')).toContain('7 deletes to Entra ID that the switch itself exports (stagingOnly + different); 16 pending on both servers (same) not counted: 7 deletes (5 deletes + 2 delete-adds), over the limit of 3');
  });
});
