/**
 * The failover gate: each prerequisite of docs/formats.md §4 weighed against the evidence at the PR head.
 * Pure: the runbook text and already-loaded snapshots, reports and clock in, a GateResult out.
 */
import type { DriftReport } from '../config/types.js';
import type { PendingExportReport } from '../exports/types.js';
import type { SwitchImpactReport } from '../impact/types.js';
import type { ServerSnapshot } from '../snapshot/types.js';
import { parseChecklist, type Checklist } from './checklist.js';
import { parseFrontMatter, type GateStage, type RunbookFrontMatter } from './front-matter.js';
import { checkFirstExport, checkNeverTwoActive, checkSwitchOrder, type LabelledSnapshot } from './post-switch.js';
import {
  checkDeleteProtection,
  checkDrift,
  checkExports,
  checkFreshness,
  checkInitialSync,
  checkRole,
  checkStagingSynced,
  type EvidenceContext,
  type RuleChanges,
  type SnapshotTime,
} from './pre-switch.js';
import { capturedAt } from './snapshot-facts.js';
import { GATE_SCHEMA_VERSION, type GateResult, type PrerequisiteResult } from './types.js';
import { toAcknowledge } from './unacknowledged.js';
import { Verdict } from './verdict.js';

export const DEFAULT_MAX_SNAPSHOT_AGE_HOURS = 24;
export const DEFAULT_MAX_SYNC_AGE_HOURS = 3;

/**
 * The trusted limits: the CLI's options, the Action's and the App's settings (config file at the base, inputs).
 * A runbook's front matter may only tighten them (issue 15 item 3): the PR under judgement does not loosen its judge.
 */
export interface GateOptions {
  /** Snapshots older than this are stale evidence. Default 24. */
  maxSnapshotAgeHours?: number;
  /** The staging server's last successful sync must be this recent. Default 3. */
  maxSyncAgeHours?: number;
}

/** Evidence a loader could not read: named, and the prerequisites resting on it fail closed. */
export type EvidencePart = 'primary' | 'staging' | 'drift' | 'exports' | 'impact' | 'oldActive' | 'newActive' | 'base';

export interface GateInput {
  runbook: { path: string; text: string };
  /** The server active before the switch (front matter `active`). */
  primary?: ServerSnapshot;
  /** The server in staging mode before the switch (front matter `staging`). */
  staging?: ServerSnapshot;
  /** diffServerConfigs(primary.config, staging.config). */
  drift?: DriftReport;
  /** analyzeExportFiles over the staging server's export files. */
  exports?: PendingExportReport;
  /** Both servers' pending exports paired (when the active snapshot has export files): judged instead of all deletes. */
  impact?: SwitchImpactReport;
  /** When the export files were captured, if they are not inside the staging snapshot (their own snapshot.json). */
  exportsCapturedAt?: string;
  /** Post-switch: the old active server (now staging) and the old staging server (now active). */
  after?: { oldActive?: ServerSnapshot; newActive?: ServerSnapshot };
  /** The base branch's staging snapshot: its capture time, and sync-rule/scope changes between it and the head's. */
  base?: { stagingCapturedAt?: string; ruleChanges: string[] };
  unreadable?: Partial<Record<EvidencePart, string>>;
  now: Date;
  options?: GateOptions;
}

/** Every id either stage knows: the template carries both stages' items. */
export const PRE_SWITCH_IDS = ['one-active', 'one-staging', 'staging-synced', 'initial-sync', 'delete-protection', 'exports-verified', 'no-drift', 'health-agent'] as const;
export const POST_SWITCH_IDS = ['switch-order', 'never-two-active', 'first-export', 'post-checks'] as const;
const KNOWN_IDS = new Set<string>([...PRE_SWITCH_IDS, ...POST_SWITCH_IDS]);

interface Prerequisite {
  id: string;
  title: string;
  /** Manual items have no evidence file: a person's tick is the evidence. */
  manual?: boolean;
  check?: (verdict: Verdict) => void;
}

export function evaluatePrerequisites(input: GateInput): GateResult {
  const { frontMatter, body, bodyLine } = parseFrontMatter(input.runbook.text, input.runbook.path);
  const checklist = parseChecklist(body, bodyLine);
  const snapshotAge = runbookLimit('max-snapshot-age-hours', input.options?.maxSnapshotAgeHours ?? DEFAULT_MAX_SNAPSHOT_AGE_HOURS, frontMatter.maxSnapshotAgeHours);
  const syncAge = runbookLimit('max-sync-age-hours', input.options?.maxSyncAgeHours ?? DEFAULT_MAX_SYNC_AGE_HOURS, frontMatter.maxSyncAgeHours);
  const context: EvidenceContext = { now: input.now, maxSnapshotAgeHours: snapshotAge.hours, maxSyncAgeHours: syncAge.hours };
  const prerequisites = frontMatter.stage === 'post-switch' ? postSwitch(input, frontMatter, context) : preSwitch(input, frontMatter, checklist, context);
  const refusedLimits = { snapshot: snapshotAge.refused, sync: syncAge.refused };
  const results = prerequisites.map((prerequisite) => weigh(prerequisite, checklist, refusedLimits));
  const satisfied = results.filter((result) => result.status === 'satisfied').length;
  const unknownIds = checklist.items.filter((item) => item.id !== undefined && !KNOWN_IDS.has(item.id)).map((item) => `line ${item.line}: item id \`${item.id}\` matches no prerequisite`);
  const notes = [...checklist.notes, ...unknownIds, ...[snapshotAge.refused, syncAge.refused].filter((note): note is string => note !== undefined)];
  return {
    schemaVersion: GATE_SCHEMA_VERSION,
    stage: frontMatter.stage as GateStage,
    runbook: input.runbook.path,
    prerequisites: results,
    satisfied,
    total: results.length,
    ok: satisfied === results.length,
    title: `${satisfied} of ${results.length} prerequisites satisfied`,
    ...(notes.length > 0 ? { notes } : {}),
    ...(frontMatter.stage === 'post-switch' ? {} : openAcknowledgements(input, checklist)),
  };
}

function openAcknowledgements(input: GateInput, checklist: Checklist): Pick<GateResult, 'toAcknowledge'> {
  const open = toAcknowledge(input.exports, input.drift, checklist.acknowledgements);
  return open.length > 0 ? { toAcknowledge: open } : {};
}

function preSwitch(input: GateInput, frontMatter: RunbookFrontMatter, checklist: Checklist, context: EvidenceContext): Prerequisite[] {
  const unreadable = input.unreadable ?? {};
  // The staging snapshot's facts are judged even when it is stale or undated: the freshness note keeps the row unsatisfied.
  const staging = (verdict: Verdict): { snapshot: ServerSnapshot; time: SnapshotTime } | undefined => {
    const time = checkFreshness(verdict, 'staging', input.staging, context, unreadable.staging);
    return time && input.staging ? { snapshot: input.staging, time } : undefined;
  };
  return [
    {
      id: 'one-active',
      title: 'One currently active sync server',
      check: (v) => checkRole(v, 'active', frontMatter.active, input.primary, input.staging, false, context, unreadable.primary),
    },
    {
      id: 'one-staging',
      title: 'One staging sync server',
      check: (v) => checkRole(v, 'staging', frontMatter.staging, input.staging, input.primary, true, context, unreadable.staging),
    },
    {
      id: 'staging-synced',
      title: 'Staging server scheduler enabled and synchronized recently',
      check: (v) => {
        const evidence = staging(v);
        if (evidence) checkStagingSynced(v, evidence.snapshot, context, evidence.time);
      },
    },
    {
      id: 'initial-sync',
      title: 'Initial sync cycle after sync rule or scope changes',
      check: (v) => {
        const evidence = staging(v);
        if (evidence) checkInitialSync(v, evidence.snapshot, ruleChanges(input, unreadable.base));
      },
    },
    {
      id: 'delete-protection',
      title: 'Accidental-delete protection configured',
      check: (v) => {
        const evidence = staging(v);
        if (evidence) checkDeleteProtection(v, evidence.snapshot);
      },
    },
    {
      id: 'exports-verified',
      title: 'Pending exports verified',
      check: (v) => {
        const evidence = staging(v);
        const exportsAt = input.exportsCapturedAt ? new Date(input.exportsCapturedAt) : undefined;
        if (evidence) {
          checkExports(v, evidence.snapshot, input.exports, checklist.acknowledgements, exportsAt && !Number.isNaN(exportsAt.getTime()) ? exportsAt : undefined, unreadable.exports, {
            ...(input.impact ? { report: input.impact } : {}),
            ...(unreadable.impact ? { unreadable: unreadable.impact } : {}),
          });
        }
      },
    },
    {
      id: 'no-drift',
      title: 'No configuration drift, or each difference acknowledged',
      check: (v) => {
        // A drift report is as old as the snapshots it compares: stale snapshots make it stale evidence, but the
        // differences it shows are still differences.
        if (input.primary) checkFreshness(v, 'active', input.primary, context);
        if (input.staging) checkFreshness(v, 'staging', input.staging, context);
        checkDrift(v, input.drift, checklist.acknowledgements, unreadable.drift);
      },
    },
    { id: 'health-agent', title: 'Connect Health agent up to date', manual: true },
  ];
}

/** The changes prerequisite 4 is about: from the drift report and the base branch, and when they first showed. */
function ruleChanges(input: GateInput, baseUnreadable: string | undefined): RuleChanges | undefined {
  if (!input.drift && !input.base) return undefined;
  const fromDrift = (input.drift?.differences ?? [])
    .filter((difference) => difference.category === 'sync-rules' || difference.category === 'scope')
    .map((difference) => `${difference.category} ${difference.subject} ${difference.field} (${difference.id})`);
  const fromBase = (input.base?.ruleChanges ?? []).map((change) => `since the base branch: ${change}`);
  const changes = [...fromDrift, ...fromBase];
  if (baseUnreadable) changes.push(`base-branch snapshot unreadable (${baseUnreadable})`);
  // The drift was already on the base branch's snapshot when the head changed nothing: the full runs must follow it.
  const baseTime = input.base?.stagingCapturedAt ? new Date(input.base.stagingCapturedAt) : undefined;
  const firstSeenAt = fromDrift.length > 0 && fromBase.length === 0 && !baseUnreadable && baseTime && !Number.isNaN(baseTime.getTime()) ? baseTime : undefined;
  return firstSeenAt ? { changes, firstSeenAt } : { changes };
}

function postSwitch(input: GateInput, frontMatter: RunbookFrontMatter, context: EvidenceContext): Prerequisite[] {
  const unreadable = input.unreadable ?? {};
  const label = (name: string, server: string, snapshot: ServerSnapshot | undefined): LabelledSnapshot | undefined => (snapshot ? { label: name, server, snapshot } : undefined);
  const oldActive = unreadable.oldActive ? undefined : label(`${frontMatter.active.server} after the switch`, frontMatter.active.server, input.after?.oldActive);
  const newActive = unreadable.newActive ? undefined : label(`${frontMatter.staging.server} after the switch`, frontMatter.staging.server, input.after?.newActive);
  const unreadableNote = (v: Verdict): void => {
    if (unreadable.oldActive) v.missing(`old active snapshot after the switch unreadable: ${unreadable.oldActive}`);
    if (unreadable.newActive) v.missing(`new active snapshot after the switch unreadable: ${unreadable.newActive}`);
  };
  return [
    {
      id: 'switch-order',
      title: 'Active server switched to staging mode before the staging server went active',
      check: (v) => {
        unreadableNote(v);
        checkSwitchOrder(v, oldActive, newActive, context);
      },
    },
    {
      id: 'never-two-active',
      title: 'Never two active servers',
      check: (v) => {
        unreadableNote(v);
        const all = [
          label(`${frontMatter.active.server} before the switch`, frontMatter.active.server, input.primary),
          label(`${frontMatter.staging.server} before the switch`, frontMatter.staging.server, input.staging),
          oldActive,
          newActive,
        ].filter((entry): entry is LabelledSnapshot => entry !== undefined);
        if (!oldActive || !newActive) v.missing('both snapshots after the switch are needed');
        checkNeverTwoActive(v, all);
      },
    },
    {
      id: 'first-export',
      title: 'First export on the new active server ran without hitting the deletion threshold',
      check: (v) => {
        unreadableNote(v);
        // The staging snapshot before the switch still showed staging mode: exports from then on are the new active's.
        checkFirstExport(v, newActive, capturedAt(input.staging));
      },
    },
    { id: 'post-checks', title: 'Post-switch checks done by hand (password writeback, password hash sync)', manual: true },
  ];
}

/**
 * A limit the runbook may tighten but never loosen: the smaller of the trusted limit and the runbook's, and the
 * sentence saying so when the runbook asked for more.
 */
function runbookLimit(key: string, trusted: number, fromRunbook: number | undefined): { hours: number; refused?: string } {
  if (fromRunbook === undefined || fromRunbook <= trusted) return { hours: fromRunbook ?? trusted };
  return { hours: trusted, refused: `the runbook's ${key}: ${fromRunbook} would loosen the trusted limit of ${trusted} h: ignored (a runbook may only tighten it)` };
}

/** Combines the evidence with the checklist tick into the prerequisite's status. */
function weigh(prerequisite: Prerequisite, checklist: Checklist, refusedLimits: { snapshot?: string; sync?: string } = {}): PrerequisiteResult {
  const items = checklist.items.filter((item) => item.id === prerequisite.id);
  const ticked = items.length > 0 && items.every((item) => item.ticked);
  const evidence: string[] = [];
  if (items.length === 0) evidence.push(`no checklist item \`${prerequisite.id}\` in the runbook`);
  if (items.length > 1) evidence.push(`item \`${prerequisite.id}\` appears ${items.length} times (lines ${items.map((item) => item.line).join(', ')}): counted as ticked only when every copy is`);
  const result = (status: PrerequisiteResult['status']): PrerequisiteResult => ({ id: prerequisite.id, title: prerequisite.title, status, ticked, evidence });
  if (prerequisite.manual || !prerequisite.check) {
    evidence.push(ticked ? `ticked by a person on line ${items[0]!.line} (manual item: no evidence file)` : 'manual item: not ticked');
    return result(ticked ? 'satisfied' : 'unsatisfied');
  }
  const verdict = new Verdict();
  prerequisite.check(verdict);
  evidence.push(...verdict.evidence);
  // Every evidence-based prerequisite weighs snapshots against the snapshot-age limit; staging-synced the sync age.
  if (refusedLimits.snapshot) evidence.push(refusedLimits.snapshot);
  if (refusedLimits.sync && prerequisite.id === 'staging-synced') evidence.push(refusedLimits.sync);
  if (verdict.state === 'fails') return result(ticked ? 'contradicted' : 'unsatisfied');
  if (verdict.state === 'unknown') return result('unsatisfied');
  if (!ticked) {
    if (items.length > 0) evidence.push('the evidence holds, but the item is not ticked');
    return result('unsatisfied');
  }
  return result('satisfied');
}
