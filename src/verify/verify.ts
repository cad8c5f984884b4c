/**
 * The whole verification of a staging server over any FileSource: pending exports, drift primary vs staging,
 * and the failover gate of each runbook. Every edge (CLI, Action, App, /verify-staging) calls this, so a fix
 * lands once. Bad files do not abort the rest: they are collected in `inputErrors` and the verdict is never
 * "ready" while any exist (fail closed).
 */
import { diffServerConfigs } from '../config/diff.js';
import type { DriftReport } from '../config/types.js';
import { InputError } from '../errors.js';
import { analyzeExportFiles } from '../exports/analyze.js';
import type { ExportAnalysisOptions, PendingExportReport } from '../exports/types.js';
import type { FileSource } from '../files/source.js';
import { connectorFromFileName, isExportFile, isSnapshotFolder, listSnapshotExports, readManifest } from '../snapshot/manifest.js';
import { loadServerSnapshot } from '../snapshot/load.js';
import type { ExportFileRef, ServerSnapshot } from '../snapshot/types.js';
import { evaluateRunbook } from './runbook.js';
import type { VerificationInputs, VerificationResult } from './types.js';
import { judge } from './verdict.js';

export async function verifyStaging(source: FileSource, inputs: VerificationInputs): Promise<VerificationResult> {
  const inputErrors: InputError[] = [];
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof InputError) {
        inputErrors.push(error);
        return undefined;
      }
      throw error;
    }
  };

  const primary = inputs.primary ? await attempt(() => loadServerSnapshot(source, inputs.primary as string)) : undefined;
  const staging = inputs.staging ? await attempt(() => loadServerSnapshot(source, inputs.staging as string)) : undefined;

  const files = await attempt(() => resolveExportFiles(source, inputs.exports, staging));
  let exports: PendingExportReport | undefined;
  if (files && files.length > 0) {
    exports = await attempt(() => analyzeExportFiles(source, files, exportOptions(inputs, staging)));
  }

  let drift: DriftReport | undefined;
  if (primary?.config && staging?.config) {
    drift = diffServerConfigs(primary.config, staging.config);
    if (primary.manifest?.connectVersion || staging.manifest?.connectVersion) {
      drift.primary.version ??= primary.manifest?.connectVersion;
      drift.staging.version ??= staging.manifest?.connectVersion;
    }
  }

  const gates = [];
  for (const pattern of inputs.runbooks) {
    for (const runbook of await source.list(pattern)) {
      const gate = await attempt(() => evaluateRunbook(source, runbook, { now: inputs.now, primary, staging, drift, exports, exportOptions: exportOptions(inputs, staging) }));
      if (gate) gates.push(gate);
    }
  }

  const { verdict, reasons } = judge({ exports, drift, gates, inputErrors, primary, staging });
  return { inputs, exports, drift, gates, inputErrors, verdict, reasons };
}

/** The accidental-delete limit: the staging server's configuration wins over the option (the report says which). */
export function exportOptions(inputs: Pick<VerificationInputs, 'deletionThreshold' | 'sensitiveAttributes'>, staging?: ServerSnapshot): ExportAnalysisOptions {
  const settings = staging?.config?.globalSettings;
  const enabled = settings?.['Microsoft.OptionalFeature.ExportDeletionThreshold'];
  const value = settings?.['Microsoft.OptionalFeature.ExportDeletionThresholdValue'];
  const configuredThreshold =
    enabled !== undefined && value !== undefined && /^\d+$/.test(value.trim())
      ? { enabled: enabled.trim().toLowerCase() === 'true', limit: Number.parseInt(value, 10) }
      : undefined;
  return {
    deletionThreshold: inputs.deletionThreshold,
    sensitiveAttributes: inputs.sensitiveAttributes,
    configuredThreshold,
  };
}

/**
 * Export files from globs, plain files and snapshot folders; connector names from the manifest of the
 * snapshot a file sits in, else the file name. With no globs, the staging snapshot's own exports/.
 */
export async function resolveExportFiles(source: FileSource, patterns: readonly string[], staging?: ServerSnapshot): Promise<ExportFileRef[]> {
  const refs = new Map<string, ExportFileRef>();
  const add = (ref: ExportFileRef) => {
    if (!refs.has(ref.path)) refs.set(ref.path, ref);
  };
  if (patterns.length === 0 && staging) staging.exportFiles.forEach(add);
  for (const pattern of patterns) {
    const trimmed = pattern.replace(/\/+$/, '');
    if ((await source.kind(trimmed)) === 'dir') {
      if (await isSnapshotFolder(source, trimmed)) {
        (await listSnapshotExports(source, trimmed, await readManifest(source, trimmed))).forEach(add);
      } else {
        for (const entry of await source.children(trimmed)) {
          if (entry.kind === 'file' && isExportFile(entry.name)) add({ path: `${trimmed}/${entry.name}`, connector: connectorFromFileName(entry.name) });
        }
      }
      continue;
    }
    const matches = (await source.list(trimmed)).filter(isExportFile);
    if (matches.length === 0) throw new InputError(source.describe(trimmed), 'no export file matches this path or pattern');
    for (const path of matches) add({ path, connector: await connectorNameFor(source, path) });
  }
  return [...refs.values()];
}

/** A file under `<snapshot>/exports/` is named by that snapshot's manifest. */
async function connectorNameFor(source: FileSource, path: string): Promise<string> {
  const match = /^(.*?)(?:^|\/)exports\/([^/]+)$/.exec(path);
  if (match) {
    const root = match[1] ?? '';
    const manifest = await readManifest(source, root).catch(() => undefined);
    const named = manifest?.exports?.[match[2] as string];
    if (named) return named;
  }
  return connectorFromFileName(path);
}
