import type { ToAcknowledge } from './unacknowledged.js';
/** The failover gate's result: one row per prerequisite (docs/formats.md §4). JSON output of `syncstage gate`. */
export const GATE_SCHEMA_VERSION = 1;

export type PrerequisiteStatus = 'satisfied' | 'unsatisfied' | 'contradicted';

export interface PrerequisiteResult {
  /** Stable id, as written in the runbook: one-active, one-staging, staging-synced, initial-sync, delete-protection, exports-verified, no-drift, health-agent, switch-order, ... */
  id: string;
  title: string;
  status: PrerequisiteStatus;
  /** Whether the runbook's checklist item is ticked. */
  ticked: boolean;
  /** What the status rests on, in words a reviewer can check. */
  evidence: string[];
}

export interface GateResult {
  schemaVersion: number;
  stage: 'pre-switch' | 'post-switch';
  runbook: string;
  prerequisites: PrerequisiteResult[];
  satisfied: number;
  total: number;
  /** Every prerequisite satisfied: the switch may go ahead. */
  ok: boolean;
  /** "5 of 7 prerequisites satisfied". */
  title: string;
  /** Checklist problems a reviewer should see: acks without a reason, duplicate ids, ids that match no prerequisite. */
  notes?: string[];
  /** Pre-switch: the risky kinds and drift findings no ack item covers, each with the line to paste (unacknowledged.ts). */
  toAcknowledge?: ToAcknowledge[];
}

