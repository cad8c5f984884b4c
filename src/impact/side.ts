/** One server's side of the switch impact, read from a snapshot folder: its manifest and its export files. */
import { InputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { isSnapshotFolder, listSnapshotExports, readManifest } from '../snapshot/manifest.js';
import type { ImpactSide } from './pair.js';

export async function loadImpactSide(source: FileSource, root: string, role: 'active' | 'staging'): Promise<ImpactSide> {
  const where = source.describe(root || '.');
  if ((await source.kind(root)) !== 'dir' || !(await isSnapshotFolder(source, root))) {
    throw new InputError(where, `no server snapshot here (snapshot.json, exports/): expected the ${role} server's snapshot folder`);
  }
  const manifest = await readManifest(source, root);
  const files = await listSnapshotExports(source, root, manifest);
  if (files.length === 0) {
    throw new InputError(where, `the ${role} server's snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers' exports (csexport "<connector>" exports/<connector>.xml /f:x on the ${role} server)`);
  }
  const side: ImpactSide = { snapshot: where, files };
  if (manifest?.server !== undefined) side.server = manifest.server;
  if (manifest?.capturedAt !== undefined) side.capturedAt = manifest.capturedAt;
  return side;
}
