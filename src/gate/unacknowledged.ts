/**
 * What the runbook has yet to acknowledge: the risky-change kinds and drift findings no `ack` item covers, each with
 * the exact line the checklist accepts (src/gate/checklist.ts's ACK pattern), so a reviewer can paste it and write
 * the reason. The same matching as the gate's rows (pre-switch.ts): one rule, two users.
 */
import type { DriftReport } from '../config/types.js';
import type { PendingExportReport, RiskyChangeGroup } from '../exports/types.js';
import type { Acknowledgement } from './checklist.js';

export interface ToAcknowledge {
  kind: 'risky' | 'drift';
  /** The risk kind (with its attribute) or the drift id. */
  target: string;
  /** Objects for a risk kind; 1 for a drift finding. */
  count: number;
  /** The checklist item's text, a reason to fill in: `ack drift d-f966163fbe: <reason>`. */
  line: string;
}

/** Whether an acknowledgement covers a risky-change group: same kind, and the same attribute when the ack names one. */
export function acknowledgesRisk(ack: Acknowledgement, group: RiskyChangeGroup): boolean {
  return (
    ack.target.kind === 'risky' &&
    ack.target.risk === group.kind &&
    (ack.target.attribute === undefined || ack.target.attribute.toLowerCase() === (group.attribute ?? '').toLowerCase())
  );
}

export function acknowledgesDrift(ack: Acknowledgement, id: string): boolean {
  return ack.target.kind === 'drift' && ack.target.id.toLowerCase() === id.toLowerCase();
}

/**
 * The open acknowledgements, risky kinds first. An attribute with whitespace or a colon cannot be written in an ack
 * line (the checklist reads `ack risky KIND [ATTRIBUTE]: reason`): the kind alone is offered then, which covers it.
 */
export function toAcknowledge(exports: PendingExportReport | undefined, drift: DriftReport | undefined, acknowledgements: readonly Acknowledgement[]): ToAcknowledge[] {
  const open: ToAcknowledge[] = [];
  for (const group of exports?.risky ?? []) {
    if (acknowledgements.some((ack) => acknowledgesRisk(ack, group))) continue;
    const attribute = group.attribute !== undefined && /^[^\s:]+$/.test(group.attribute) ? ` ${group.attribute}` : '';
    open.push({ kind: 'risky', target: `${group.kind}${attribute}`, count: group.count, line: `ack risky ${group.kind}${attribute}: <reason>` });
  }
  for (const difference of drift?.differences ?? []) {
    if (acknowledgements.some((ack) => acknowledgesDrift(ack, difference.id))) continue;
    open.push({ kind: 'drift', target: difference.id, count: 1, line: `ack drift ${difference.id}: <reason>` });
  }
  return open;
}
