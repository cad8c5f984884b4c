/**
 * The failover gate's report: a title and one table row per prerequisite (status, id, title, evidence), for the
 * PR comment, the job summary and the `syncstage/failover-prerequisites` check run. Evidence quotes server and
 * connector names from files: every cell is escaped.
 */
import { GATE_CHECK_NAME } from '../check-names.js';
import type { GateResult, PrerequisiteResult, PrerequisiteStatus } from '../gate/types.js';
import { codeSpan, escapeText, rawTable } from './markdown-text.js';

import { CHECK_TEXT_LIMIT } from './github-limits.js';

/** GitHub's limit for a check run's output.summary (and .text): src/report/github-limits.ts. */
export const CHECK_SUMMARY_LIMIT = CHECK_TEXT_LIMIT;

const STATUS_LABEL: Record<PrerequisiteStatus, string> = {
  satisfied: '✅ satisfied',
  unsatisfied: '⬜ unsatisfied',
  contradicted: '❌ contradicted',
};

export interface GateRenderOptions {
  /** Evidence sentences shown per row; the rest are counted. Default: all. */
  maxEvidencePerRow?: number;
  /** Characters kept per evidence sentence. Default: all. */
  maxEvidenceLength?: number;
}

export function renderGateMarkdown(result: GateResult, options: GateRenderOptions = {}): string {
  const heading = `### ${result.ok ? '✅' : '❌'} Failover gate (${result.stage}): ${escapeText(result.title)}`;
  const runbookLine = `Runbook ${codeSpan(result.runbook)} · check ${codeSpan(GATE_CHECK_NAME)}`;
  const rows = result.prerequisites.map((prerequisite) => [
    STATUS_LABEL[prerequisite.status],
    codeSpan(prerequisite.id),
    escapeText(prerequisite.title),
    renderEvidence(prerequisite, options),
  ]);
  const table = rawTable(['Status', 'Id', 'Prerequisite', 'Evidence'], rows);
  const notes = (result.notes ?? []).map((note) => `- ${escapeText(note)}`);
  const notesBlock = notes.length > 0 ? ['', '**Checklist notes**', '', ...notes] : [];
  return [heading, '', runbookLine, '', verdictLine(result), '', table, ...notesBlock, ''].join('\n');
}

function verdictLine(result: GateResult): string {
  const post = result.stage === 'post-switch';
  if (result.ok) return post ? '**The switch is confirmed:** every check is satisfied by a ticked item and its evidence.' : '**The switch may go ahead:** every prerequisite is satisfied by a ticked item and its evidence.';
  const contradicted = result.prerequisites.filter((p) => p.status === 'contradicted').map((p) => codeSpan(p.id));
  const open = result.prerequisites.filter((p) => p.status === 'unsatisfied').map((p) => codeSpan(p.id));
  const parts = [contradicted.length > 0 ? `contradicted by the evidence: ${contradicted.join(', ')}` : '', open.length > 0 ? `unsatisfied: ${open.join(', ')}` : ''].filter(Boolean);
  return `**${post ? 'The switch is not confirmed.' : 'Not ready to switch.'}** ${parts.join('; ')}.`;
}

function renderEvidence(prerequisite: PrerequisiteResult, options: GateRenderOptions): string {
  const limit = options.maxEvidencePerRow ?? prerequisite.evidence.length;
  const shown = prerequisite.evidence.slice(0, limit).map((sentence) => {
    const max = options.maxEvidenceLength;
    return escapeText(max !== undefined && sentence.length > max ? `${sentence.slice(0, max)}…` : sentence);
  });
  const hidden = prerequisite.evidence.length - shown.length;
  if (hidden > 0) shown.push(`…and ${hidden} more`);
  return shown.length > 0 ? shown.join('<br>') : '—';
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
}

/** The check run's output: the whole table when it fits, else shortened evidence, and a plain note when cut. */
export function renderGateCheckOutput(result: GateResult): CheckOutput {
  const attempts: GateRenderOptions[] = [{}, { maxEvidencePerRow: 10, maxEvidenceLength: 500 }, { maxEvidencePerRow: 3, maxEvidenceLength: 200 }, { maxEvidencePerRow: 1, maxEvidenceLength: 120 }];
  for (const [index, options] of attempts.entries()) {
    const summary = renderGateMarkdown(result, options);
    const note = index > 0 ? '\n_Evidence shortened to fit the check; run `syncstage gate --format json` for all of it._\n' : '';
    if (summary.length + note.length <= CHECK_SUMMARY_LIMIT) return { title: result.title, summary: summary + note };
  }
  const note = '\n\n_Cut to fit the check; run `syncstage gate --format json` for the whole result._\n';
  return { title: result.title, summary: renderGateMarkdown(result, attempts.at(-1)).slice(0, CHECK_SUMMARY_LIMIT - note.length) + note };
}

