/**
 * The whole verification of a staging server over any FileSource: pending exports, drift primary vs staging,
 * and the failover gate of each runbook. Every edge (CLI, Action, App, /verify-staging) calls this, so a fix
 * lands once. Bad files do not abort the rest: they are collected in `inputErrors`, and the verdict is never
 * "ready" while any exist (fail closed).
 */
import { unmatchedMapEntries } from '../config/name-map.js';
import { namesAConnector } from '../impact/target.js';
import type { DriftReport } from '../config/types.js';
import { InputError } from '../errors.js';
import type { ExportAnalysis } from '../exports/analyze.js';
import type { PendingExportReport } from '../exports/types.js';
import type { FileSource } from '../files/source.js';
import { evaluatePrerequisites } from '../gate/evaluate.js';
import { parseFrontMatter } from '../gate/front-matter.js';
import { directLoaders, evidencePaths, loadGateEvidence, type EvidenceLoaders } from '../gate/load-evidence.js';
import type { GateResult } from '../gate/types.js';
import { exportOptionsFor, resolveExportFiles } from '../snapshot/export-files.js';
import { diffServerSnapshots, hasConfig } from '../snapshot/drift.js';
import type { ServerSnapshot } from '../snapshot/types.js';
import { createRedactor, redactExportReport } from '../redact/redact.js';
import { redactImpactReport } from '../redact/redact-impact.js';
import type { SwitchImpactReport } from '../impact/types.js';
import { classifyCandidate, MAX_RUNBOOK_CANDIDATES, tooManyCandidates } from './runbook-candidates.js';
import type { UnjudgedRunbook, VerificationInputs, VerificationResult, VerificationSources } from './types.js';
import { judge } from './verdict.js';

/** Runbooks are read whole (they are small); anything larger is not a runbook. */
const MAX_RUNBOOK_BYTES = 1024 * 1024;

export async function verifyStaging(source: FileSource, inputs: VerificationInputs, sources: VerificationSources = {}): Promise<VerificationResult> {
  // Fail closed before reading anything: a report with the names the operator asked to hide is worse than none.
  const redactor = inputs.redact ? createRedactor(requireKey(inputs.redactKey)) : undefined;
  const inputErrors: InputError[] = [];
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The same file can fail twice (the staging analysis, then the pairing): it is named once.
      if (!inputErrors.some((known) => known.message === error.message)) inputErrors.push(error);
      return undefined;
    }
  };
  const nameMap = inputs.nameMap && Object.keys(inputs.nameMap).length > 0 ? inputs.nameMap : undefined;
  const loaders = memoize(directLoaders(source, { ...(sources.base ? { base: sources.base } : {}), ...(nameMap ? { nameMap } : {}), ...(inputs.limits ? { limits: inputs.limits } : {}) }));

  const primary = inputs.primary ? await attempt(() => loaders.loadSnapshot(inputs.primary as string)) : undefined;
  const staging = inputs.staging ? await attempt(() => loaders.loadSnapshot(inputs.staging as string)) : undefined;
  const exportOptions = exportOptionsFor(staging, inputs);

  let exports: PendingExportReport | undefined;
  const files = await attempt(() => resolveExportFiles(source, inputs.exports, staging, primary));
  if (files && files.length > 0) {
    // One unreadable file is named among the input errors (the verdict stays "not ready"); the others still report.
    const analysis = await attempt(() => loaders.analyzeExports(files, exportOptions));
    exports = analysis?.report;
    inputErrors.push(...(analysis?.unreadable ?? []));
  }

  // The switch impact, when the active server's snapshot carries its pending exports too.
  let impact: SwitchImpactReport | undefined;
  let impactNotJudged: string | undefined;
  if (primary && staging && primary.exportFiles.length > 0) impact = await attempt(() => loaders.switchImpact(primary, staging));
  else if (primary && exports) {
    impactNotJudged = `the active server's snapshot (${source.describe(primary.root || '.')}) has no pending-export files (exports/): what the switch itself exports is not told apart from what the active server exports anyway, so every pending export and delete counts`;
  }

  let drift: DriftReport | undefined;
  if (hasConfig(primary) && hasConfig(staging)) {
    drift = diffServerSnapshots(primary, staging, nameMap ? { nameMap } : {});
    // A map entry that matches nothing maps nothing: the drift and the connector pairing it was given for are not what
    // was asked, so it is named as input that could not be judged (fail closed), as `syncstage drift` refuses it.
    // The map serves the switch impact's pairing too: a name one side's export files carry (snapshot.json) is used.
    const unmatched = unmatchedMapEntries(primary.config, staging.config, nameMap ?? {}).filter(({ from, to, side }) =>
      side === 'primary' ? !namesAConnector(primary.exportFiles, from) : !namesAConnector(staging.exportFiles, to),
    );
    for (const { from, to, side } of unmatched) {
      const name = side === 'primary' ? from : to;
      const folder = source.describe((side === 'primary' ? primary : staging).root || '.');
      inputErrors.push(new InputError(`name map ${from}=${to}`, `"${name}" occurs nowhere in the ${side === 'primary' ? 'primary (active)' : 'staging'} configuration (${folder}): a typo, or the sides swapped? An entry that matches nothing maps nothing`));
    }
  }

  const gates: GateResult[] = [];
  const unjudgedRunbooks: UnjudgedRunbook[] = [];
  const candidates = await candidateRunbooks(source, inputs.runbookCandidates ?? []);
  for (const { path, error } of candidates.unreadable) {
    inputErrors.push(error);
    unjudgedRunbooks.push({ path, error });
  }
  if (candidates.overLimit) {
    inputErrors.push(candidates.overLimit);
    unjudgedRunbooks.push({ path: candidates.overLimit.file, error: candidates.overLimit });
  }
  for (const runbook of [...new Set([...(await runbooksToJudge(source, inputs)), ...candidates.runbooks])].sort()) {
    try {
      gates.push(await evaluateRunbook(source, runbook, inputs, loaders));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push(error);
      unjudgedRunbooks.push({ path: runbook, error });
    }
  }

  const { verdict, reasons } = judge({ exports, drift, gates, inputErrors, primary, staging });
  if (redactor && exports) exports = redactExportReport(exports, redactor);
  if (redactor && impact) impact = redactImpactReport(impact, redactor);
  const { redactKey: _secret, ...shown } = inputs;
  const configs = { ...(primary?.config ? { primary: primary.config } : {}), ...(staging?.config ? { staging: staging.config } : {}) };
  return { inputs: shown, exports, ...(impact ? { impact } : {}), ...(impactNotJudged ? { impactNotJudged } : {}), drift, gates, unjudgedRunbooks, inputErrors, verdict, reasons, configs };
}

/** The runbooks named exactly (read as names, even when missing), then those the globs match; each once, sorted. */
async function runbooksToJudge(source: FileSource, inputs: VerificationInputs): Promise<string[]> {
  const names = new Set(inputs.runbookFiles ?? []);
  for (const pattern of inputs.runbooks) for (const file of await source.list(pattern)) names.add(file);
  return [...names].sort();
}

/** The changed Markdown files outside the globs that are runbooks by their front matter, and those unreadable. */
async function candidateRunbooks(source: FileSource, paths: readonly string[]): Promise<{ runbooks: string[]; unreadable: { path: string; error: InputError }[]; overLimit?: InputError }> {
  if (paths.length > MAX_RUNBOOK_CANDIDATES) return { runbooks: [], unreadable: [], overLimit: tooManyCandidates(paths.length) };
  const runbooks: string[] = [];
  const unreadable: { path: string; error: InputError }[] = [];
  for (const path of paths) {
    const verdict = await classifyCandidate(source, path);
    if (verdict.kind === 'runbook') runbooks.push(path);
    if (verdict.kind === 'unreadable') unreadable.push({ path, error: verdict.error });
  }
  return { runbooks, unreadable };
}

/** One runbook's gate: the snapshots its front matter names (the inputs' folders win), loaded once. */
async function evaluateRunbook(source: FileSource, path: string, inputs: VerificationInputs, loaders: EvidenceLoaders): Promise<GateResult> {
  const text = await source.readText(path, MAX_RUNBOOK_BYTES);
  const { frontMatter } = parseFrontMatter(text, source.describe(path));
  const paths = evidencePaths(frontMatter, {
    ...(inputs.primary ? { primary: inputs.primary } : {}),
    ...(inputs.staging ? { staging: inputs.staging } : {}),
  });
  const evidence = await loadGateEvidence(source, paths, { loaders, exportOptions: inputs, ...(inputs.nameMap && Object.keys(inputs.nameMap).length > 0 ? { driftOptions: { nameMap: inputs.nameMap } } : {}) });
  return evaluatePrerequisites({ ...evidence, runbook: { path: source.describe(path), text }, now: inputs.now, ...(inputs.gate ? { options: inputs.gate } : {}) });
}

/** The same snapshot or export set asked for twice (review, then a runbook) is loaded once. */
function memoize(loaders: EvidenceLoaders): EvidenceLoaders {
  const snapshots = new Map<string, Promise<ServerSnapshot>>();
  const reports = new Map<string, Promise<ExportAnalysis>>();
  const impacts = new Map<string, Promise<SwitchImpactReport | undefined>>();
  return {
    loadSnapshot(root) {
      let pending = snapshots.get(root);
      if (!pending) snapshots.set(root, (pending = loaders.loadSnapshot(root)));
      return pending;
    },
    analyzeExports(files, options) {
      const key = JSON.stringify([files, options]);
      let pending = reports.get(key);
      if (!pending) reports.set(key, (pending = loaders.analyzeExports(files, options)));
      return pending;
    },
    switchImpact(active, staging) {
      const key = JSON.stringify([active.root, staging.root]);
      let pending = impacts.get(key);
      if (!pending) impacts.set(key, (pending = loaders.switchImpact(active, staging)));
      return pending;
    },
  };
}

function requireKey(key: string | undefined): string {
  if (!key) throw new InputError('redact', 'redaction is on but no key was given (the redact-key input, or SYNCSTAGE_REDACT_KEY): refusing to write names in clear');
  return key;
}
