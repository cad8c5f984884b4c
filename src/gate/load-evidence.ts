/**
 * Loads what the gate weighs from a file source (disk for the CLI and the Action, the API at a SHA for the App):
 * the snapshots the runbook names, the drift between them, the staging server's pending exports. Evidence that
 * cannot be read is recorded as unreadable, so the prerequisites resting on it fail closed instead of the whole
 * gate erroring out; the runbook itself is the only input whose errors stop the evaluation.
 */
import { diffServerConfigs } from '../config/diff.js';
import type { DriftDifference, DriftOptions } from '../config/types.js';
import { isInputError } from '../errors.js';
import { analyzeExportFiles, type ExportAnalysis } from '../exports/analyze.js';
import type { ExportAnalysisOptions } from '../exports/types.js';
import type { FileSource } from '../files/source.js';
import { exportOptionsFor, resolveExportFiles, type ThresholdOptions } from '../snapshot/export-files.js';
import { diffServerSnapshots, hasConfig } from '../snapshot/drift.js';
import { loadServerSnapshot } from '../snapshot/load.js';
import type { ExportFileRef, ServerSnapshot } from '../snapshot/types.js';
import { switchImpactOfSnapshots } from '../impact/side.js';
import type { SwitchImpactReport } from '../impact/types.js';
import type { EvidencePart, GateInput } from './evaluate.js';
import type { RunbookFrontMatter } from './front-matter.js';
import type { ReadLimits } from '../xml/read-limits.js';

/** Folders and globs, relative to the source's root; command-line options win over the front matter. */
export interface EvidencePaths {
  primary?: string;
  staging?: string;
  exports?: string;
  oldActive?: string;
  newActive?: string;
  baseStaging?: string;
}

export type GateEvidence = Omit<GateInput, 'runbook' | 'now' | 'options'>;

export function evidencePaths(frontMatter: RunbookFrontMatter, overrides: EvidencePaths = {}): EvidencePaths {
  return {
    primary: overrides.primary ?? frontMatter.active.snapshot,
    staging: overrides.staging ?? frontMatter.staging.snapshot,
    exports: overrides.exports ?? frontMatter.staging.exports,
    oldActive: overrides.oldActive ?? frontMatter.after?.oldActive,
    newActive: overrides.newActive ?? frontMatter.after?.newActive,
    baseStaging: overrides.baseStaging ?? frontMatter.baseStaging,
  };
}

/**
 * How evidence is loaded. A caller that has already loaded snapshots or analysed exports (the full
 * verification) passes memoized loaders, so a 500 MB export is never parsed twice.
 */
export interface EvidenceLoaders {
  loadSnapshot(root: string): Promise<ServerSnapshot>;
  analyzeExports(files: ExportFileRef[], options: ExportAnalysisOptions): Promise<ExportAnalysis>;
  /** Both servers' pending exports paired; undefined when the active snapshot has no export files. */
  switchImpact(active: ServerSnapshot, staging: ServerSnapshot): Promise<SwitchImpactReport | undefined>;
}

/** How the switch impact pairs: the base commit's files (persistent vs new) and the names that differ on purpose. */
export interface ImpactLoaderOptions {
  base?: FileSource;
  nameMap?: Readonly<Record<string, string>>;
  /** The gzip ceiling and the value caps every file is read under (snapshots' configurations, both sides' exports). */
  limits?: ReadLimits;
}

export function directLoaders(source: FileSource, impact: ImpactLoaderOptions = {}): EvidenceLoaders {
  return {
    loadSnapshot: (root) => loadServerSnapshot(source, root, impact.limits),
    analyzeExports: (files, options) => analyzeExportFiles(source, files, options),
    switchImpact: (active, staging) => switchImpactOfSnapshots(source, active, staging, impact),
  };
}

export interface EvidenceOptions {
  driftOptions?: DriftOptions;
  /** Option values for the export analysis (an explicit deletion threshold wins over the staging configuration's). */
  exportOptions?: ThresholdOptions;
  loaders?: EvidenceLoaders;
}

export async function loadGateEvidence(source: FileSource, paths: EvidencePaths, options: EvidenceOptions = {}): Promise<GateEvidence> {
  const driftOptions = options.driftOptions ?? {};
  const loaders = options.loaders ?? directLoaders(source);
  const unreadable: Partial<Record<EvidencePart, string>> = {};
  const load = async (part: EvidencePart, root: string | undefined): Promise<ServerSnapshot | undefined> => {
    if (!root) return undefined;
    try {
      return await loaders.loadSnapshot(root);
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable[part] = error.message;
      return undefined;
    }
  };
  const primary = await load('primary', paths.primary);
  const staging = await load('staging', paths.staging);
  const evidence: GateEvidence = { unreadable };
  if (primary) evidence.primary = primary;
  if (staging) evidence.staging = staging;

  if (hasConfig(primary) && hasConfig(staging)) {
    try {
      evidence.drift = diffServerSnapshots(primary, staging, driftOptions);
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable.drift = error.message;
    }
  }

  if (staging || paths.exports) {
    try {
      const files = await resolveExportFiles(source, paths.exports ? [paths.exports] : [], staging, primary);
      const analysis = files.length > 0 ? await loaders.analyzeExports(files, exportOptionsFor(staging, options.exportOptions)) : undefined;
      // The readable files are still judged; the unreadable ones are named and keep the row from being satisfied.
      if (analysis?.report) evidence.exports = analysis.report;
      if (analysis && analysis.unreadable.length > 0) unreadable.exports = analysis.unreadable.map((error) => error.message).join('; ');
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable.exports = error.message;
    }
  }

  if (primary && staging && primary.exportFiles.length > 0) {
    try {
      const impact = await loaders.switchImpact(primary, staging);
      if (impact) evidence.impact = impact;
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable.impact = error.message;
    }
  }

  const oldActive = await load('oldActive', paths.oldActive);
  const newActive = await load('newActive', paths.newActive);
  if (oldActive || newActive) evidence.after = { ...(oldActive ? { oldActive } : {}), ...(newActive ? { newActive } : {}) };

  const base = await load('base', paths.baseStaging);
  if (base && staging) evidence.base = baseComparison(base, staging, driftOptions);
  return evidence;
}

/** Sync-rule and scope changes between the base branch's staging snapshot and the head's. */
export function baseComparison(base: ServerSnapshot, head: ServerSnapshot, driftOptions: DriftOptions = {}): NonNullable<GateInput['base']> {
  const changes =
    base.config && head.config
      ? diffServerConfigs(base.config, head.config, driftOptions)
          .differences.filter((difference: DriftDifference) => difference.category === 'sync-rules' || difference.category === 'scope')
          .map((difference: DriftDifference) => `${difference.category} ${difference.subject} ${difference.field}`)
      : [];
  return { ...(base.manifest?.capturedAt ? { stagingCapturedAt: base.manifest.capturedAt } : {}), ruleChanges: changes };
}
