/** Evidence after the switch: the order (prerequisite 8), never two active servers, the first export. */
import { ENTRA_CONNECTOR_ID } from '../exports/types.js';
import type { RunHistoryEntry, ServerSnapshot } from '../snapshot/types.js';
import type { EvidenceContext } from './pre-switch.js';
import { checkFreshness } from './pre-switch.js';
import { capturedAt, iso, parseRunDate, stagingModes } from './snapshot-facts.js';
import { Verdict } from './verdict.js';

export interface LabelledSnapshot {
  label: string;
  /** The server the runbook says this snapshot is of. */
  server: string;
  snapshot: ServerSnapshot;
}

/** Active when either source says StagingMode False: when MV.xml and the scheduler disagree, assume the worse. */
function isActive(snapshot: ServerSnapshot): boolean | undefined {
  const modes = stagingModes(snapshot);
  if (modes.config === false || modes.scheduler === false) return true;
  if (modes.config === true || modes.scheduler === true) return false;
  return undefined;
}

/** Prerequisite 8: the old active server was in staging mode before the new one went active. */
export function checkSwitchOrder(verdict: Verdict, oldActive: LabelledSnapshot | undefined, newActive: LabelledSnapshot | undefined, context: EvidenceContext): void {
  // Stale or undated snapshots are still judged on what they show; the freshness note keeps the row unsatisfied.
  const oldTime = checkFreshness(verdict, 'old active (after switch)', oldActive?.snapshot, context);
  const newTime = checkFreshness(verdict, 'new active (after switch)', newActive?.snapshot, context);
  if (!oldTime || !newTime || !oldActive || !newActive) return;
  const at = (time: Date | undefined): string => (time ? ` at ${iso(time)}` : '');
  const oldActiveNow = isActive(oldActive.snapshot);
  const newActiveNow = isActive(newActive.snapshot);
  if (oldActiveNow === undefined) verdict.missing(`${oldActive.server} snapshot after the switch gives no StagingMode`);
  else if (oldActiveNow) verdict.fail(`${oldActive.server} snapshot after the switch is not in staging mode`);
  else verdict.ok(`${oldActive.server} in staging mode${at(oldTime.capturedAt)}`);
  if (newActiveNow === undefined) verdict.missing(`${newActive.server} snapshot after the switch gives no StagingMode`);
  else if (!newActiveNow) verdict.fail(`${newActive.server} snapshot after the switch is still in staging mode`);
  else verdict.ok(`${newActive.server} active${at(newTime.capturedAt)}`);
  const before = oldTime.capturedAt;
  const after = newTime.capturedAt;
  if (!before || !after) verdict.missing(`the order of ${oldActive.server}'s and ${newActive.server}'s snapshots cannot be told without both capture times`);
  else if (before.getTime() < after.getTime()) verdict.ok(`${oldActive.server} was switched to staging mode before ${newActive.server} went active`);
  else verdict.fail(`${oldActive.server}'s staging-mode snapshot (${iso(before)}) is not earlier than ${newActive.server}'s active snapshot (${iso(after)}): the order cannot be shown`);
}

/**
 * Never two active servers: replays every snapshot in capture order, each server keeping the state of its latest
 * snapshot, and fails at the first moment two servers are active at once.
 */
export function checkNeverTwoActive(verdict: Verdict, snapshots: readonly LabelledSnapshot[]): void {
  const events: { at: Date; server: string; active: boolean; label: string }[] = [];
  for (const entry of snapshots) {
    const at = capturedAt(entry.snapshot);
    const active = isActive(entry.snapshot);
    if (!at) verdict.missing(`${entry.label} snapshot has no capturedAt`);
    else if (active === undefined) verdict.missing(`${entry.label} snapshot gives no StagingMode`);
    else events.push({ at, server: entry.server.toLowerCase(), active, label: entry.label });
  }
  if (snapshots.length < 2) verdict.missing('fewer than two snapshots: nothing to compare');
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = new Map<string, { active: boolean; label: string; at: Date }>();
  for (const event of events) {
    state.set(event.server, event);
    const active = [...state.values()].filter((entry) => entry.active);
    if (active.length > 1) {
      verdict.fail(`two active servers at ${iso(event.at)}: ${active.map((entry) => `${entry.label} (${iso(entry.at)})`).join(' and ')}`);
      return;
    }
  }
  if (events.length >= 2) verdict.ok(`${events.length} snapshots in capture order: never more than one active server`);
}

/** The new active server's first export after the switch ran and did not stop on the deletion threshold. */
export function checkFirstExport(verdict: Verdict, newActive: LabelledSnapshot | undefined, switchedAfter: Date | undefined): void {
  const history = newActive?.snapshot.runHistory;
  if (!newActive || !history) {
    verdict.missing('new active server run-history.json missing');
    return;
  }
  const allExports = history.filter((run) => (run.runProfileName ?? '').trim().toLowerCase() === 'export');
  // The deletion threshold guards exports to Entra ID: judge that connector's first export when it can be told.
  const entra = allExports.filter((run) => isEntraRun(run, newActive.snapshot));
  const exports = (entra.length > 0 ? entra : allExports)
    .map((run) => ({ run, start: parseRunDate(run.startDate) ?? parseRunDate(run.endDate) }))
    .filter((entry) => entry.start !== undefined && (switchedAfter === undefined || entry.start.getTime() >= switchedAfter.getTime()))
    .sort((a, b) => a.start!.getTime() - b.start!.getTime());
  const window = switchedAfter ? ` after ${iso(switchedAfter)}` : '';
  const first = exports[0];
  if (entra.length === 0 && allExports.length > 0) verdict.ok('the Entra ID connector cannot be told from the run history: every connector\'s exports are judged');
  if (!first) {
    verdict.fail(`${newActive.server} run history shows no Export run${window}`);
    return;
  }
  const result = first.run.result ?? 'unknown';
  const what = `first Export${window}: ${first.run.connectorName ?? 'unknown connector'} at ${iso(first.start!)}, result ${result}`;
  if (/^stopped-/i.test(result) || first.run.isRunComplete === false) verdict.fail(what);
  else verdict.ok(what);
  const stopped = exports.filter((entry) => entry !== first && /deletion-threshold/i.test(entry.run.result ?? ''));
  for (const entry of stopped) verdict.fail(`Export ${entry.run.connectorName ?? ''} at ${iso(entry.start!)} stopped: ${entry.run.result}`);
}

const ENTRA_ID = ENTRA_CONNECTOR_ID.replace(/[{}]/g, '').toLowerCase();

function isEntraRun(run: RunHistoryEntry, snapshot: ServerSnapshot): boolean {
  if (run.connectorId && run.connectorId.replace(/[{}]/g, '').toLowerCase() === ENTRA_ID) return true;
  const connector = run.connectorName ? snapshot.config?.connectors[run.connectorName.toLowerCase()] : undefined;
  return connector?.isEntraConnector === true;
}
