/** One server's side of the switch impact, read from a snapshot folder: its manifest and its export files. */
import { InputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { isSnapshotFolder, listSnapshotExports, readManifest } from '../snapshot/manifest.js';
import type { ServerSnapshot } from '../snapshot/types.js';
import { pairSwitchImpact, type ImpactSide } from './pair.js';
import type { SwitchImpactReport } from './types.js';

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

/** A loaded snapshot's side (its manifest's server and time, its export files), for verify and the gate. */
export function impactSideOf(source: FileSource, snapshot: ServerSnapshot): ImpactSide {
  const side: ImpactSide = { snapshot: source.describe(snapshot.root || '.'), files: snapshot.exportFiles };
  if (snapshot.manifest?.server !== undefined) side.server = snapshot.manifest.server;
  if (snapshot.manifest?.capturedAt !== undefined) side.capturedAt = snapshot.manifest.capturedAt;
  return side;
}

/**
 * The switch impact of two loaded snapshots, or undefined when the active server's snapshot carries no export
 * files (nothing to pair: the review says the impact was not judged). Pairing errors are InputErrors.
 */
export async function switchImpactOfSnapshots(source: FileSource, active: ServerSnapshot, staging: ServerSnapshot): Promise<SwitchImpactReport | undefined> {
  if (active.exportFiles.length === 0) return undefined;
  return pairSwitchImpact(source, { active: impactSideOf(source, active), staging: impactSideOf(source, staging) });
}
