/** One server's side of the switch impact, read from a snapshot folder: its manifest and its export files. */
import { InputError, isInputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { joinPath } from '../files/source.js';
import { isSnapshotFolder, listSnapshotExports, MANIFEST_FILE, readManifest } from '../snapshot/manifest.js';
import type { ServerSnapshot } from '../snapshot/types.js';
import { pairSwitchImpact, type ImpactInputs, type ImpactSide } from './pair.js';
import type { SwitchImpactReport } from './types.js';
import type { ReadLimits } from '../xml/read-limits.js';

/**
 * One side, read from its snapshot folder. A manifest whose `role` contradicts the side it was given as is an
 * InputError naming the manifest: pairing the servers the wrong way round inverts every class (what the switch
 * exports becomes what it loses), so it is never read silently.
 */
export async function loadImpactSide(source: FileSource, root: string, role: 'active' | 'staging'): Promise<ImpactSide> {
  const where = source.describe(root || '.');
  if ((await source.kind(root)) !== 'dir' || !(await isSnapshotFolder(source, root))) {
    throw new InputError(where, `no server snapshot here (snapshot.json, exports/): expected the ${role} server's snapshot folder`);
  }
  const manifest = await readManifest(source, root);
  if (manifest?.role !== undefined && manifest.role !== role) {
    throw new InputError(source.describe(joinPath(root, MANIFEST_FILE)), `snapshot.json of the ${role} server says role "${manifest.role}": are the active and the staging server swapped?`);
  }
  const files = await listSnapshotExports(source, root, manifest);
  if (files.length === 0) {
    throw new InputError(where, `the ${role} server's snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers' exports (csexport "<connector>" exports/<connector>.xml /f:x on the ${role} server)`);
  }
  const side: ImpactSide = { snapshot: where, files };
  if (manifest?.server !== undefined) side.server = manifest.server;
  if (manifest?.capturedAt !== undefined) side.capturedAt = manifest.capturedAt;
  return side;
}

/**
 * Both servers' sides, read from their snapshot folders. Both manifests naming the same server is an InputError
 * naming the staging server's manifest: one server paired with itself has nothing to switch to, and its impact
 * ("Switching will export 0 changes") would look like a clean bill of health.
 */
export async function loadImpactSides(source: FileSource, activeRoot: string, stagingRoot: string): Promise<{ active: ImpactSide; staging: ImpactSide }> {
  const active = await loadImpactSide(source, activeRoot, 'active');
  const staging = await loadImpactSide(source, stagingRoot, 'staging');
  if (active.server !== undefined && staging.server !== undefined && active.server.toLowerCase() === staging.server.toLowerCase()) {
    throw new InputError(
      source.describe(joinPath(stagingRoot, MANIFEST_FILE)),
      `snapshot.json of the staging server says server "${staging.server}", as does the active server's (${source.describe(joinPath(activeRoot, MANIFEST_FILE))}): the same server given as both sides?`,
    );
  }
  return { active, staging };
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
 *
 * With `baseSource` (a pull request's base commit), the same two snapshot folders read there are the base: an
 * export pending in both is persistent. The base only tells persistent from new: when it is missing or cannot be
 * read, the impact is still judged, and its notes say why persistence could not be (the verdict never rests on it).
 */
export async function switchImpactOfSnapshots(
  source: FileSource,
  active: ServerSnapshot,
  staging: ServerSnapshot,
  options: { base?: FileSource; nameMap?: Readonly<Record<string, string>>; limits?: ReadLimits } = {},
): Promise<SwitchImpactReport | undefined> {
  if (active.exportFiles.length === 0) return undefined;
  const baseSource = options.base;
  const inputs: ImpactInputs = { active: impactSideOf(source, active), staging: impactSideOf(source, staging), ...(options.nameMap ? { nameMap: options.nameMap } : {}), ...(options.limits ? { limits: options.limits } : {}) };
  if (!baseSource) return pairSwitchImpact(source, inputs);
  const base = await baseSides(baseSource, active.root, staging.root);
  if (typeof base === 'string') return pairSwitchImpact(source, { ...inputs, baseMissing: base });
  try {
    return await pairSwitchImpact(source, { ...inputs, base });
  } catch (error) {
    const baseFiles = new Set([...base.active.files, ...base.staging.files].map((ref) => baseSource.describe(ref.path)));
    if (!isInputError(error) || !baseFiles.has(error.file)) throw error;
    return pairSwitchImpact(source, { ...inputs, baseMissing: `The base snapshots could not be read (${error.message})` });
  }
}

/** Both servers' sides at the base, or the sentence saying why there is no base to compare with. */
async function baseSides(baseSource: FileSource, activeRoot: string, stagingRoot: string): Promise<{ active: ImpactSide; staging: ImpactSide } | string> {
  const sides: Partial<Record<'active' | 'staging', ImpactSide>> = {};
  for (const [role, root] of [['active', activeRoot], ['staging', stagingRoot]] as const) {
    try {
      sides[role] = { ...(await loadImpactSide(baseSource, root, role)), source: baseSource };
    } catch (error) {
      if (!isInputError(error)) throw error;
      return `No usable base snapshot of the ${role} server at ${baseSource.describe(root || '.')} (${error.reason})`;
    }
  }
  return sides as { active: ImpactSide; staging: ImpactSide };
}
