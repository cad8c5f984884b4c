/**
 * The review a pull request gets (and `syncstage verify` prints): the verdict first, then pending exports,
 * drift and the failover gate; details folded. The comment budget is applied by the GitHub edge, which cuts
 * at the section boundaries this renderer leaves (SECTION_BREAK) and says where the whole report is.
 */
import type { DriftReport } from '../config/types.js';
import type { VerificationResult } from '../verify/types.js';
import type { ExportMovement } from '../verify/compare.js';
import { describeMovement } from '../verify/compare.js';
import { renderDriftMarkdown } from './drift-markdown.js';
import { exportsVerdict, renderExportsMarkdown } from './exports-markdown.js';
import { renderGateMarkdown } from './gate-markdown.js';
import { ANCHORS, blockingReasons, deleteBanners, gateLines } from './first-screen.js';
import { impactHeadline, renderImpactMarkdown } from './impact-markdown.js';
import { anchorTag } from './exports-markdown.js';
import { codeBlock, details, escapeText, codeSpan } from './markdown-text.js';

/** Where a report may be cut: between sections, never inside a table or a <details>. */
export const SECTION_BREAK = '\n\n<!-- syncstage:section -->\n\n';

export interface ReviewContext {
  /** The commit judged, shown so nobody mistakes the verdict for a later one. */
  sha?: string;
  /** Base branch name for "since main" lines. */
  baseName?: string;
  /** Export movements against the base branch. */
  movements?: ExportMovement[];
  /** Configuration changes this PR makes to each server (base vs head of the same server). */
  configChanges?: { server: string; report: DriftReport }[];
  /** A link to the command comment, for /verify-staging replies. */
  commandUrl?: string;
  /** Who asked (for the reply's first line). */
  requestedBy?: string;
  /** The run that made this review: the Action's workflow run, the App's check run. */
  run?: { url: string; label: string };
}

export function renderVerdictLine(result: VerificationResult): string {
  return result.verdict === 'ready' ? '✅ **ready to switch**' : '⛔ **not ready**';
}

/** Everything at a glance, in one line: exports, threshold, drift, gate. */
export function renderHeadline(result: VerificationResult): string {
  const parts = [result.exports ? exportsVerdict(result.exports) : 'no pending exports analysed'];
  // First, so the counts after it are not read as the whole picture.
  const unreadable = result.inputErrors.length;
  if (unreadable > 0) parts.unshift(`${unreadable.toLocaleString('en-US')} unreadable ${unreadable === 1 ? 'input' : 'inputs'}`);
  if (result.drift) {
    const count = result.drift.differences.length;
    parts.push(count === 0 ? 'no drift' : `${count.toLocaleString('en-US')} drift ${count === 1 ? 'difference' : 'differences'}`);
  } else {
    parts.push('drift not checked');
  }
  for (const gate of result.gates) parts.push(`gate ${gate.title}`);
  return parts.join('; ');
}

export function renderReview(result: VerificationResult, context: ReviewContext = {}): string {
  const sections: string[] = [];
  const judged = context.sha ? ` at ${codeSpan(context.sha.slice(0, 12))}` : '';
  sections.push(renderFirstScreen(result, context, `## syncstage: staging review${judged}`));

  if (result.inputErrors.length > 0) {
    sections.push([anchorTag(ANCHORS.unreadable), '', '### Unreadable input', '', 'These files could not be read; nothing in this report stands in for them.', '', ...result.inputErrors.map((error) => `- ${codeSpan(error.message)}`)].join('\n'));
  }
  // First among the export sections: what the switch itself changes, before everything pending on staging.
  if (result.impact) sections.push(renderImpactMarkdown(result.impact));
  else if (result.impactNotJudged) sections.push(['### Switch impact: not judged', '', escapeText(`${result.impactNotJudged}.`)].join('\n'));
  if (context.movements && context.movements.length > 0) {
    const base = context.baseName ?? 'the base branch';
    sections.push(['### Since ' + escapeText(base), '', ...context.movements.map((movement) => `- ${escapeText(movement.connector)}: ${escapeText(describeMovement(movement, base))}`)].join('\n'));
  }
  if (result.exports) sections.push(renderExportsMarkdown(result.exports, result.drift ? { drift: result.drift } : {}));
  if (result.drift) sections.push(`${anchorTag(ANCHORS.drift)}\n\n${renderDriftMarkdown(result.drift, { heading: 'Drift: primary vs staging' })}`);
  for (const change of context.configChanges ?? []) {
    sections.push(
      renderDriftMarkdown(change.report, {
        heading: `Configuration change in this pull request: ${change.server}`,
        sides: { primary: 'Base branch', staging: 'This pull request' },
        differencesSentence: (count) =>
          `**${count === 1 ? '1 change' : `${count.toLocaleString('en-US')} changes`}** to this server's configuration: make the same change on the other server before a failover.`,
      }),
    );
  }
  result.gates.forEach((gate, index) => sections.push(`${anchorTag(ANCHORS.gate(index))}\n\n${renderGateMarkdown(gate)}`));
  return sections.join(SECTION_BREAK);
}

/**
 * The first screen: heading, verdict and headline; the Entra ID delete banner; what the switch itself exports; the
 * blocking reasons, most dangerous first, each linking to its section; the gate's line; the commit and the run; the
 * runbook lines that would acknowledge what is open, folded.
 */
function renderFirstScreen(result: VerificationResult, context: ReviewContext, heading: string): string {
  const lines = [heading, '', `${renderVerdictLine(result)}: ${escapeText(renderHeadline(result))}`];
  for (const banner of deleteBanners(result)) lines.push('', banner);
  if (result.impact) lines.push('', `**${escapeText(impactHeadline(result.impact))}.**`);
  const reasons = blockingReasons(result);
  if (reasons.length > 0) lines.push('', '**Why not ready**, most dangerous first:', '', ...reasons.map((reason, index) => `${index + 1}. ${reason}`));
  lines.push('', ...gateLines(result).flatMap((line, index) => (index === 0 ? [line] : ['', line])));
  const reviewed = [context.sha ? `Commit reviewed: ${codeSpan(context.sha)}` : '', context.run ? `[${escapeText(context.run.label)}](${context.run.url})` : ''].filter(Boolean);
  if (reviewed.length > 0) lines.push('', reviewed.join(' · '));
  const acks = result.gates.flatMap((gate) => (gate.toAcknowledge ?? []).map((open) => ({ gate, open })));
  if (acks.length > 0) {
    const runbooks = [...new Set(acks.map(({ gate }) => gate.runbook))];
    const body = [
      `Each risky kind and drift finding the runbook${runbooks.length === 1 ? ` ${codeSpan(runbooks[0] ?? '')}` : 's'} has not acknowledged. After checking it, tick a line like these in the runbook's checklist with the reason:`,
      '',
      codeBlock([...new Set(acks.map(({ open }) => `- [x] ${open.line}`))].join('\n'), 'markdown'),
    ].join('\n');
    lines.push('', details(`${acks.length === 1 ? '1 finding' : `${acks.length} findings`} to acknowledge in the runbook (the lines to paste)`, body));
  }
  return lines.join('\n');
}

/** The /verify-staging reply: links the command and names the SHA judged before anything else. */
export function renderVerifyReply(result: VerificationResult, context: ReviewContext): string {
  const asked = context.commandUrl ? `[/verify-staging](${context.commandUrl})` : '/verify-staging';
  const by = context.requestedBy ? ` requested by @${context.requestedBy}` : '';
  const sha = context.sha ? ` on ${codeSpan(context.sha)}` : '';
  return [`${renderVerdictLine(result)}: ${asked}${by}${sha}`, renderReview(result, { ...context, commandUrl: undefined })].join('\n\n');
}
