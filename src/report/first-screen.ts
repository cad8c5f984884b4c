/**
 * The review's first screen: "may I switch, and if not, why" in about fifteen lines. The verdict; a banner when
 * objects will be deleted in Entra ID; the blocking reasons ordered by danger, one line each with its number and a
 * link to its section; the gate's line; the commit reviewed and the run that reviewed it. Everything else is below.
 */
import { describeThreshold, formatCount, thresholdFails, thresholdLimitSource } from '../exports/threshold-text.js';
import type { PendingExportSummary, RiskyChangeGroup } from '../exports/types.js';
import { tallyOperations } from '../exports/vocabulary.js';
import type { GateResult } from '../gate/types.js';
import type { VerificationResult } from '../verify/types.js';
import { connectorAnchor, connectorsInOrder, thresholdBreakdown } from './exports-markdown.js';
import { codeSpan, escapeText, plural } from './markdown-text.js';

export const ANCHORS = {
  unreadable: 'syncstage-unreadable',
  drift: 'syncstage-drift',
  gate: (index: number) => `syncstage-gate-${index + 1}`,
} as const;

/** Danger, most first: the order of the issue's operators (docs/counting.md). */
const DANGER = ['threshold', 'deletes', 'identity', 'gate', 'drift', 'errors', 'risky', 'unknown'] as const;
type Danger = (typeof DANGER)[number];

interface Reason {
  danger: Danger;
  /** Markdown, one line. */
  text: string;
}

/** Changes to what identifies an object in Entra ID: a hard match lost, a sign-in name changed. */
const IDENTITY_ATTRIBUTES = new Set(['sourceanchor', 'userprincipalname', 'onpremisesimmutableid', 'cloudanchor']);

function link(text: string, anchor: string): string {
  return `[${text}](#${anchor})`;
}

function riskDanger(group: RiskyChangeGroup): Danger {
  if (group.kind === 'delete-add') return 'deletes';
  if (group.kind === 'anchor-flip') return 'identity';
  if (group.kind === 'sensitive-attribute' && IDENTITY_ATTRIBUTES.has((group.attribute ?? '').toLowerCase())) return 'identity';
  return 'risky';
}

const RISK_WORDS: Record<RiskyChangeGroup['kind'], (group: RiskyChangeGroup) => string> = {
  'anchor-flip': (g) => `${plural(g.count, 'sourceAnchor flip')} (deleted and added again with the same UPN or mail)`,
  'delete-add': (g) => `${plural(g.count, 'delete-add')} (deleted in Entra ID, then created anew)`,
  'sensitive-attribute': (g) => `${plural(g.count, `${g.attribute ?? 'sensitive attribute'} change`)}`,
  'proxy-address-removal': (g) => `${plural(g.count, 'object')} losing proxyAddresses values`,
};

/** "8 userPrincipalName changes (3 on contoso.com, 5 on AAD)": one line per kind, every connector's count in it. */
function perConnector(entries: { summary: PendingExportSummary; index: number; count: number }[], words: (count: number) => string, part: 'risky' | 'errors'): string {
  const total = entries.reduce((n, e) => n + e.count, 0);
  const first = entries[0];
  const where =
    entries.length === 1 && first ? ` on ${escapeText(first.summary.connector)}` : ` (${entries.map((e) => `${formatCount(e.count)} on ${escapeText(e.summary.connector)}`).join(', ')})`;
  return `${link(escapeText(words(total)), connectorAnchor(first?.index ?? 0, part))}${where}`;
}

function exportReasons(result: VerificationResult): Reason[] {
  const reasons: Reason[] = [];
  const risks = new Map<string, { group: RiskyChangeGroup; entries: { summary: PendingExportSummary; index: number; count: number }[] }>();
  const errors: { summary: PendingExportSummary; index: number; count: number }[] = [];
  // The Entra ID connector first, as the sections: a kind on several connectors links to its Entra ID section.
  for (const { summary, index } of result.exports ? connectorsInOrder(result.exports) : []) {
    const { threshold } = summary;
    if (thresholdFails(threshold)) {
      reasons.push({ danger: 'threshold', text: `${link(escapeText(describeThreshold(threshold, thresholdBreakdown(summary))), connectorAnchor(index, 'deletes'))} on ${escapeText(summary.connector)}` });
    }
    for (const group of summary.risky) {
      const key = `${group.kind}\u0000${group.attribute ?? ''}`;
      const entry = risks.get(key) ?? { group, entries: [] };
      entry.entries.push({ summary, index, count: group.count });
      risks.set(key, entry);
    }
    const count = Object.values(summary.errors).reduce((a, b) => a + b, 0);
    if (count > 0) errors.push({ summary, index, count });
  }
  for (const { group, entries } of risks.values()) {
    reasons.push({ danger: riskDanger(group), text: perConnector(entries, (count) => RISK_WORDS[group.kind]({ ...group, count }), 'risky') });
  }
  if (errors.length > 0) reasons.push({ danger: 'errors', text: perConnector(errors, (count) => plural(count, 'export error'), 'errors') });
  return reasons;
}

function gateReasons(gate: GateResult, index: number): Reason[] {
  const contradicted = gate.prerequisites.filter((p) => p.status === 'contradicted');
  if (contradicted.length === 0) return [];
  return [{ danger: 'gate', text: `${link(escapeText(`${plural(contradicted.length, 'gate prerequisite')} contradicted by the evidence`), ANCHORS.gate(index))}: ${contradicted.map((p) => codeSpan(p.id)).join(', ')}` }];
}

/** Every reason the verdict rests on, most dangerous first; nothing the verdict counts is left out. */
export function blockingReasons(result: VerificationResult): string[] {
  const reasons: Reason[] = [];
  reasons.push(...exportReasons(result));
  result.gates.forEach((gate, index) => reasons.push(...gateReasons(gate, index)));
  if (result.drift) {
    const count = result.drift.differences.length;
    if (count > 0) reasons.push({ danger: 'drift', text: link(escapeText(`${plural(count, 'configuration difference')} between the active and the staging server`), ANCHORS.drift) });
    for (const expectation of result.drift.expected) if (!expectation.ok) reasons.push({ danger: 'drift', text: `${link('expectation failed', ANCHORS.drift)}: ${escapeText(expectation.message)}` });
  } else if (result.reasons.some((reason) => reason.startsWith('drift not checked'))) {
    reasons.push({ danger: 'unknown', text: 'drift not checked: the configuration of both servers is needed' });
  }
  const unsatisfied = result.gates.flatMap((gate, index) => (gate.ok || gate.prerequisites.some((p) => p.status === 'contradicted') ? [] : [{ gate, index }]));
  for (const { gate, index } of unsatisfied) reasons.push({ danger: 'gate', text: `${link(escapeText(`gate: ${gate.title}`), ANCHORS.gate(index))} (${codeSpan(gate.runbook)})` });
  if (!result.exports) reasons.push({ danger: 'unknown', text: 'no pending-export file of the staging server was analysed' });
  if (result.inputErrors.length > 0) reasons.push({ danger: 'unknown', text: link(escapeText(`${plural(result.inputErrors.length, 'input')} could not be read`), ANCHORS.unreadable) });
  return reasons.sort((a, b) => DANGER.indexOf(a.danger) - DANGER.indexOf(b.danger)).map((reason) => reason.text);
}

/**
 * "⚠️ 23 objects will be deleted in Entra ID (18 deletes + 5 delete-adds), within the accidental-delete limit of
 * 500 (from the snapshot configuration)": one line per connector the threshold applies to that has deletes.
 */
export function deleteBanners(result: VerificationResult): string[] {
  const banners: string[] = [];
  result.exports?.connectors.forEach((summary, index) => {
    const { threshold } = summary;
    if (!threshold.applies || threshold.deletes === 0) return;
    const tally = tallyOperations(summary.operations);
    const where = summary.connectorKind.kind === 'entra' ? 'in Entra ID' : `by ${summary.connector} (judged as Entra ID: its kind is unknown)`;
    const parts = tally.deleteAdds > 0 && tally.deletions === threshold.deletes ? ` (${plural(tally.deletes, 'delete')} + ${plural(tally.deleteAdds, 'delete-add')})` : '';
    const over = threshold.deletes > threshold.limit;
    const against = threshold.unreadable !== undefined ? `not judged: the configuration's threshold cannot be read` : `${over ? 'over' : 'within'} the accidental-delete limit of ${formatCount(threshold.limit)} (${thresholdLimitSource(threshold)})`;
    const off = threshold.protectionEnabled === false ? '; accidental-delete protection is off' : '';
    const text = `${formatCount(threshold.deletes)} ${threshold.deletes === 1 ? 'object' : 'objects'} will be deleted ${where}${parts}, ${against}${off}`;
    banners.push(`${over || threshold.unreadable !== undefined ? '🛑' : '⚠️'} **${link(escapeText(text), connectorAnchor(index, 'deletes'))}**`);
  });
  return banners;
}

/** "Failover gate (`runbook.md`): 4 of 8 prerequisites satisfied; contradicted: `no-drift`; unsatisfied: ..." per gate. */
export function gateLines(result: VerificationResult): string[] {
  if (result.gates.length === 0) return ['**Failover gate:** no failover runbook in this change'];
  return result.gates.map((gate, index) => {
    const ids = (status: string) => gate.prerequisites.filter((p) => p.status === status).map((p) => codeSpan(p.id));
    const contradicted = ids('contradicted');
    const unsatisfied = ids('unsatisfied');
    const parts = [link(escapeText(gate.title), ANCHORS.gate(index)), contradicted.length > 0 ? `contradicted: ${contradicted.join(', ')}` : '', unsatisfied.length > 0 ? `unsatisfied: ${unsatisfied.join(', ')}` : ''].filter(Boolean);
    return `${gate.ok ? '✅' : '❌'} **Failover gate** (${codeSpan(gate.runbook)}): ${parts.join('; ')}`;
  });
}
