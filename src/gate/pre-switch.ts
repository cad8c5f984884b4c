/** Evidence for prerequisites 1-7 of docs/formats.md §4 (and no-drift), read from the snapshots at the PR head. */
import type { DriftReport } from '../config/types.js';
import { describeConnectorKind, describeThreshold, thresholdFails } from '../exports/threshold-text.js';
import type { PendingExportReport, PendingExportSummary } from '../exports/types.js';
import type { RunHistoryEntry, ServerSnapshot } from '../snapshot/types.js';
import type { Acknowledgement } from './checklist.js';
import type { RunbookServer } from './front-matter.js';
import {
  DELETE_PROTECTION_SETTING,
  DELETE_THRESHOLD_SETTING,
  capturedAt,
  describeMode,
  formatHours,
  hoursBetween,
  iso,
  parseBoolean,
  parseRunDate,
  stagingModes,
} from './snapshot-facts.js';
import { checkSwitchThreshold, type SwitchImpactEvidence } from './switch-threshold.js';
import { Verdict, listSome } from './verdict.js';
import { acknowledgesRisk } from './unacknowledged.js';
import { trimTrailingSlashes } from '../files/source.js';

export interface EvidenceContext {
  now: Date;
  maxSnapshotAgeHours: number;
  maxSyncAgeHours: number;
}

/**
 * When a snapshot's facts hold. A current snapshot speaks for the time of the check. A stale one, or one dated after
 * the check, speaks only for its capture time; an undated one for an unknown time. Either way its facts are still
 * judged (a drift it shows is still drift), but the row cannot be satisfied on them.
 */
export interface SnapshotTime {
  current: boolean;
  /** The capture time, when the manifest gives one. */
  capturedAt?: Date;
}

/**
 * Notes why a snapshot cannot speak for the time of the check (absent, unreadable, undated, stale, in the future): the
 * note keeps the row from being satisfied. Returns undefined when there is nothing to judge (absent, unreadable).
 */
export function checkFreshness(verdict: Verdict, label: string, snapshot: ServerSnapshot | undefined, context: EvidenceContext, unreadable?: string): SnapshotTime | undefined {
  if (unreadable) {
    verdict.missing(`${label} snapshot unreadable: ${unreadable}`);
    return undefined;
  }
  if (!snapshot) {
    verdict.missing(`${label} snapshot not given`);
    return undefined;
  }
  const time = capturedAt(snapshot);
  if (!time) {
    verdict.missing(`${label} snapshot ${snapshot.root} has no capturedAt in snapshot.json: its age cannot be told, so it cannot satisfy this item`);
    return { current: false };
  }
  const age = hoursBetween(time, context.now);
  if (age > context.maxSnapshotAgeHours) {
    verdict.missing(`${label} snapshot captured ${iso(time)} is stale: ${formatHours(age)} old, over the ${context.maxSnapshotAgeHours} h limit, so it cannot satisfy this item`);
    return { current: false, capturedAt: time };
  }
  if (age < -0.25) {
    verdict.missing(`${label} snapshot captured ${iso(time)} is in the future of the check (${iso(context.now)}), so it cannot satisfy this item`);
    return { current: false, capturedAt: time };
  }
  return { current: true, capturedAt: time };
}

/** Prerequisites 1 and 2: the snapshot is the named server, in the expected mode, by MV.xml and by the scheduler. */
export function checkRole(
  verdict: Verdict,
  label: string,
  expected: RunbookServer,
  snapshot: ServerSnapshot | undefined,
  other: ServerSnapshot | undefined,
  wantStaging: boolean,
  context: EvidenceContext,
  unreadable?: string,
): void {
  if (!checkFreshness(verdict, label, snapshot, context, unreadable) || !snapshot) return;
  checkIdentity(verdict, label, expected.server, snapshot);
  const role = snapshot.manifest?.role;
  const wantRole = wantStaging ? 'staging' : 'active';
  if (role !== undefined && role !== wantRole) verdict.fail(`${label} snapshot.json says role "${role}", the runbook says ${wantRole}`);
  const modes = stagingModes(snapshot);
  const want = describeMode(wantStaging);
  if (modes.config === undefined) verdict.missing(`${label} MV.xml has no Microsoft.Synchronize.StagingMode`);
  else if (modes.config !== wantStaging) verdict.fail(`${label} MV.xml StagingMode ${describeMode(modes.config)}, expected ${want}`);
  else verdict.ok(`${label} MV.xml StagingMode ${want}`);
  if (modes.scheduler === undefined) verdict.missing(`${label} scheduler.json has no StagingModeEnabled`);
  else if (modes.scheduler !== wantStaging) verdict.fail(`${label} scheduler StagingModeEnabled ${describeMode(modes.scheduler)}, expected ${want}`);
  else verdict.ok(`${label} scheduler StagingModeEnabled ${want}`);
  if (other) {
    const mine = serverNames(snapshot);
    const theirs = serverNames(other);
    const shared = mine.filter((name) => theirs.includes(name));
    if (shared.length > 0) verdict.fail(`the active and staging snapshots are both from ${shared[0]}: two snapshots of one server`);
  }
}

function serverNames(snapshot: ServerSnapshot): string[] {
  return [snapshot.manifest?.server, snapshot.config?.server].filter((name): name is string => !!name).map((name) => name.toLowerCase());
}

function checkIdentity(verdict: Verdict, label: string, expected: string, snapshot: ServerSnapshot): void {
  const fromManifest = snapshot.manifest?.server;
  const fromConfig = snapshot.config?.server;
  if (fromManifest === undefined && fromConfig === undefined) {
    verdict.missing(`${label} snapshot names no server (no snapshot.json server, no MV.xml server)`);
    return;
  }
  for (const [source, name] of [['snapshot.json', fromManifest], ['MV.xml', fromConfig]] as const) {
    if (name === undefined) continue;
    if (name.toLowerCase() !== expected.toLowerCase()) verdict.fail(`${label} ${source} server is ${name}, the runbook names ${expected}`);
  }
  if (fromManifest !== undefined && fromConfig !== undefined && fromManifest.toLowerCase() === fromConfig.toLowerCase() && fromManifest.toLowerCase() === expected.toLowerCase()) {
    verdict.ok(`${label} snapshot is ${expected} (snapshot.json and MV.xml agree)`);
  } else if (fromManifest?.toLowerCase() === expected.toLowerCase() || fromConfig?.toLowerCase() === expected.toLowerCase()) {
    verdict.ok(`${label} snapshot is ${expected}`);
  }
}

const SYNC_PROFILE = /synchroni[sz]ation/i;

function runTime(run: RunHistoryEntry): Date | undefined {
  return parseRunDate(run.endDate) ?? parseRunDate(run.startDate);
}

/**
 * The time a sync's age is measured to. A current snapshot: the check's time. A stale or future one: its capture time
 * (how long before the snapshot the sync ran: a sync after the capture cannot be seen, so a stale snapshot alone never
 * contradicts "synchronized recently"). An undated one: the check's time, which only an age within the limit survives.
 */
interface SyncAgeReference {
  time: Date;
  words: string;
  /** An age over the limit proves nothing: the snapshot may have been captured well after the sync. */
  upperBound: boolean;
}

function syncAgeReference(snapshotTime: SnapshotTime, context: EvidenceContext): SyncAgeReference {
  if (!snapshotTime.current && snapshotTime.capturedAt) return { time: snapshotTime.capturedAt, words: 'before the snapshot was captured', upperBound: false };
  return { time: context.now, words: 'before the check', upperBound: !snapshotTime.current };
}

function judgeSyncAge(verdict: Verdict, what: string, age: number, reference: SyncAgeReference, context: EvidenceContext): void {
  if (age <= context.maxSyncAgeHours) verdict.ok(what);
  else if (reference.upperBound) verdict.missing(`${what}: over the ${context.maxSyncAgeHours} h limit, but the snapshot is undated, so how long before its capture cannot be told`);
  else verdict.fail(`${what}: over the ${context.maxSyncAgeHours} h limit`);
}

/** Prerequisite 3: the scheduler is enabled and a sync ran successfully within the limit. */
export function checkStagingSynced(verdict: Verdict, staging: ServerSnapshot, context: EvidenceContext, snapshotTime: SnapshotTime): void {
  const reference = syncAgeReference(snapshotTime, context);
  const scheduler = staging.scheduler;
  if (!scheduler) verdict.missing('staging scheduler.json missing');
  else if (scheduler.syncCycleEnabled === undefined) verdict.missing('staging scheduler.json has no SyncCycleEnabled');
  else if (!scheduler.syncCycleEnabled) verdict.fail('staging scheduler SyncCycleEnabled False');
  else verdict.ok('staging scheduler SyncCycleEnabled True');

  if (staging.runHistory) {
    const syncs = staging.runHistory
      .filter((run) => SYNC_PROFILE.test(run.runProfileName ?? '') && run.result?.toLowerCase() === 'success')
      .map((run) => ({ run, time: runTime(run) }))
      .filter((entry): entry is { run: RunHistoryEntry; time: Date } => entry.time !== undefined)
      .sort((a, b) => b.time.getTime() - a.time.getTime());
    const latest = syncs[0];
    if (!latest) {
      verdict.fail(`staging run history (${staging.runHistory.length} runs) has no successful synchronization run`);
      return;
    }
    const age = hoursBetween(latest.time, reference.time);
    const what = `last successful ${latest.run.runProfileName} (${latest.run.connectorName ?? 'unknown connector'}) ended ${iso(latest.time)}, ${formatHours(age)} ${reference.words}`;
    judgeSyncAge(verdict, what, age, reference, context);
    return;
  }
  // Weaker: the scheduler says when the next cycle is due, so the previous one was due one interval earlier.
  const next = parseRunDate(scheduler?.nextSyncCycleStartTimeInUTC);
  const interval = scheduler?.currentlyEffectiveSyncCycleInterval;
  if (!next || interval === undefined) {
    verdict.missing('staging run-history.json missing, and the scheduler gives no next cycle time and interval to fall back on');
    return;
  }
  const previous = new Date(next.getTime() - interval * 1000);
  const age = hoursBetween(previous, reference.time);
  const what = `weaker evidence (no run history): NextSyncCycleStartTimeInUTC ${iso(next)} minus the ${interval / 60} min interval puts the last cycle's start at ${iso(previous)}, ${formatHours(age)} ${reference.words}; it does not say the cycle succeeded`;
  judgeSyncAge(verdict, what, age, reference, context);
}

/** Sync-rule and scope changes the gate knows of, and when the change first showed (when known). */
export interface RuleChanges {
  changes: string[];
  /** Capture time of the earliest snapshot known to show the change. */
  firstSeenAt?: Date;
}

/** Prerequisite 4: after a sync-rule or scope change, a full import and a full synchronization ran on every connector. */
export function checkInitialSync(verdict: Verdict, staging: ServerSnapshot, ruleChanges: RuleChanges | undefined): void {
  const policy = staging.scheduler?.nextSyncCyclePolicyType;
  if (policy !== undefined && policy.toLowerCase() === 'initial') verdict.fail('staging scheduler NextSyncCyclePolicyType Initial: an initial sync cycle is still pending');
  if (!ruleChanges) {
    verdict.missing('no drift report and no base-branch comparison: whether sync rules or scope changed cannot be told');
    return;
  }
  if (ruleChanges.changes.length === 0) {
    verdict.ok('no change to sync rules or scope');
    if (policy === undefined) verdict.missing('staging scheduler.json gives no NextSyncCyclePolicyType');
    return;
  }
  verdict.ok(`sync rules or scope changed: ${listSome(ruleChanges.changes, 5)}`);
  if (!staging.runHistory) {
    verdict.missing('staging run-history.json missing: the initial sync cycle cannot be seen');
    return;
  }
  const since = ruleChanges.firstSeenAt;
  const after = (run: RunHistoryEntry): boolean => {
    const time = parseRunDate(run.startDate) ?? runTime(run);
    return time !== undefined && (since === undefined || time.getTime() >= since.getTime());
  };
  const succeeded = (run: RunHistoryEntry): boolean => /^(success|completed-)/i.test(run.result ?? '');
  const connectors = [...new Set(staging.runHistory.map((run) => run.connectorName).filter((name): name is string => !!name))].sort();
  if (connectors.length === 0) {
    verdict.fail('staging run history names no connector runs');
    return;
  }
  const lacking: string[] = [];
  for (const connector of connectors) {
    const runs = staging.runHistory.filter((run) => run.connectorName === connector && after(run) && succeeded(run));
    const profiles = runs.map((run) => (run.runProfileName ?? '').toLowerCase());
    if (!profiles.includes('full import')) lacking.push(`${connector}: Full Import`);
    if (!profiles.includes('full synchronization')) lacking.push(`${connector}: Full Synchronization`);
  }
  const window = since ? `after ${iso(since)} (first snapshot showing the change)` : 'in the run history';
  if (lacking.length > 0) verdict.fail(`no successful run ${window} for ${listSome(lacking, 6)}`);
  else verdict.ok(`Full Import and Full Synchronization ran on ${connectors.length} connector(s) ${window}`);
  if (!since) verdict.ok('weaker evidence: the change first shows in this snapshot, so whether the full runs came after it cannot be told; the base branch\'s staging snapshot would tell');
}

/** Prerequisite 5: accidental-delete protection on, with a threshold. */
export function checkDeleteProtection(verdict: Verdict, staging: ServerSnapshot): void {
  const settings = staging.config?.globalSettings;
  if (!settings) {
    verdict.missing('staging configuration (MV.xml) missing');
    return;
  }
  const enabled = parseBoolean(settings[DELETE_PROTECTION_SETTING]);
  const value = settings[DELETE_THRESHOLD_SETTING];
  const limit = value !== undefined && /^\s*\d+\s*$/.test(value) ? Number.parseInt(value, 10) : undefined;
  if (enabled === undefined) verdict.missing(`staging MV.xml has no ${DELETE_PROTECTION_SETTING}`);
  else if (!enabled) verdict.fail(`staging ${DELETE_PROTECTION_SETTING} False: accidental-delete protection is off`);
  if (limit === undefined) verdict.missing(`staging MV.xml has no usable ${DELETE_THRESHOLD_SETTING}`);
  else if (limit <= 0) verdict.fail(`staging ${DELETE_THRESHOLD_SETTING} ${limit}: no threshold`);
  if (enabled && limit !== undefined && limit > 0) verdict.ok(`staging accidental-delete protection on, threshold ${limit} objects`);
}

/** Prerequisite 6: the staging server's pending exports are present, current, not over the threshold and without unacknowledged risk. */
export function checkExports(
  verdict: Verdict,
  staging: ServerSnapshot,
  report: PendingExportReport | undefined,
  acknowledgements: readonly Acknowledgement[],
  exportsCapturedAt: Date | undefined,
  unreadable?: string,
  impact: SwitchImpactEvidence = {},
): void {
  // Unreadable files keep the row unsatisfied; the files that were read are still judged (an exceeded threshold shows).
  if (unreadable) verdict.missing(`pending exports unreadable: ${unreadable}`);
  if (!report || report.files.length === 0) {
    if (!unreadable) verdict.missing('no pending-export files for the staging server (csexport /f:x)');
    return;
  }
  // Files are named as the source describes them: `path`, or `owner/repo@sha:path` when read from the API.
  const root = `${trimTrailingSlashes(staging.root)}/`;
  const inSnapshot = report.files.every((file) => file.startsWith(root) || file.includes(`:${root}`));
  const configTime = capturedAt(staging);
  if (inSnapshot) verdict.ok(`${report.files.length} export file(s) in the staging snapshot, captured with its configuration`);
  else if (!exportsCapturedAt || !configTime) verdict.missing('export files are outside the staging snapshot and their capture time is unknown: they cannot be tied to the configuration snapshot');
  else if (exportsCapturedAt.getTime() < configTime.getTime()) verdict.fail(`export files captured ${iso(exportsCapturedAt)}, before the configuration snapshot (${iso(configTime)})`);
  else verdict.ok(`export files captured ${iso(exportsCapturedAt)}, with or after the configuration snapshot (${iso(configTime)})`);

  const summaries = report.connectors.length > 0 ? report.connectors : [report];
  // With the active server's exports paired, the threshold is judged on what the switch itself exports.
  if (!checkSwitchThreshold(verdict, report, impact)) {
    // A threshold the configuration gives unreadably cannot be judged (the server's limit may be above or below the
    // default): the row cannot be satisfied on it, nor contradicted.
    const judged = (summary: PendingExportSummary) => summary.threshold.unreadable === undefined;
    const over = summaries.filter((summary) => summary.threshold.applies && summary.threshold.exceeded && judged(summary));
    if (report.threshold.exceeded && judged(report) && over.length === 0) over.push(report);
    for (const summary of over) verdict.fail(thresholdRow(summary));
    const unjudged = summaries.filter((summary) => !judged(summary) && thresholdFails(summary.threshold));
    for (const summary of unjudged) verdict.missing(thresholdRow(summary));
    if (over.length === 0 && unjudged.length === 0) {
      const applying = summaries.filter((summary) => summary.threshold.applies);
      verdict.ok(applying.length > 0 ? applying.map(thresholdRow).join('; ') : 'no Entra ID export file: no deletes to compare to the threshold');
    }
  }

  for (const group of report.risky) {
    const label = group.attribute ? `${group.kind} ${group.attribute}` : group.kind;
    const ack = acknowledgements.find((candidate) => acknowledgesRisk(candidate, group));
    if (ack) verdict.ok(`risky ${label} (${group.count}) acknowledged on line ${ack.line}: ${ack.reason}`);
    else verdict.fail(`risky ${label} (${group.count} objects) not acknowledged`);
  }
  if (report.risky.length === 0) verdict.ok('no risky changes');
}

/** No drift between the servers, or every difference acknowledged by id. */
export function checkDrift(verdict: Verdict, drift: DriftReport | undefined, acknowledgements: readonly Acknowledgement[], unreadable?: string): void {
  if (unreadable) {
    verdict.missing(`drift report unreadable: ${unreadable}`);
    return;
  }
  if (!drift) {
    verdict.missing('no drift report (both server configurations are needed)');
    return;
  }
  if (drift.missing.length > 0) verdict.missing(`configuration incomplete: ${listSome(drift.missing, 5)} missing`);
  const acked = new Map<string, Acknowledgement>();
  for (const ack of acknowledgements) if (ack.target.kind === 'drift') acked.set(ack.target.id.toLowerCase(), ack);
  const open = drift.differences.filter((difference) => !acked.has(difference.id.toLowerCase()));
  const known = new Set(drift.differences.map((difference) => difference.id.toLowerCase()));
  const acknowledged = drift.differences.length - open.length;
  if (drift.differences.length === 0) verdict.ok('no configuration drift between the servers');
  else if (acknowledged > 0) verdict.ok(`${acknowledged} of ${drift.differences.length} difference(s) acknowledged`);
  if (open.length > 0) verdict.fail(`${open.length} difference(s) not acknowledged: ${listSome(open.map((d) => `${d.id} (${d.category}: ${d.subject} ${d.field})`), 5)}`);
  for (const [id, ack] of acked) if (!known.has(id)) verdict.ok(`line ${ack.line} acknowledges unknown drift id ${ack.target.kind === 'drift' ? ack.target.id : id}`);
}

/** "contoso.onmicrosoft.com - AAD: 6,939 deletes, over the limit of 500 (the default)", with the unknown-kind note. */
function thresholdRow(summary: PendingExportSummary): string {
  const note = summary.connectorKind.kind === 'unknown' ? ` (${describeConnectorKind(summary.connectorKind)})` : '';
  return `${summary.connector}: ${describeThreshold(summary.threshold)}${note}`;
}
