/**
 * The drift report as GitHub Markdown: a summary by category, the expectations (StagingMode), each difference
 * with primary (active) and staging values, expression changes as two code blocks, then upgrade-only rule
 * changes, ignored noise and missing parts. Every value from a file is escaped or fenced.
 */
import type { DriftCategory, DriftDifference, DriftReport } from '../config/types.js';
import { DRIFT_CATEGORY_ORDER } from '../config/types.js';
import { codeBlock, codeSpan, details, escapeText, formatNumber, plural, rawTable } from './markdown-text.js';

const CATEGORY_TITLES: Record<DriftCategory, string> = {
  version: 'Connect version',
  identity: 'Identity (anchor, UPN, join)',
  features: 'Optional features',
  scope: 'Scope (partitions, containers, object types)',
  'sync-rules': 'Sync rules',
  connectors: 'Connectors',
  settings: 'Other settings',
};

const NOISE_WORDS: Record<string, string> = {
  guid: 'GUIDs',
  timestamp: 'timestamps',
  version: 'internal versions',
  cookie: 'cookies/watermarks',
  lastDc: 'last DC',
  nextStartTime: 'next start time',
  serverName: 'server name',
  exportDate: 'export date',
  serviceAccount: 'service accounts',
  connectorNameCase: 'connector-name case',
  serverState: 'scheduler state flags',
};

/** Values longer than this are shown as code blocks under the table, not in a cell. */
const LONG_VALUE = 80;

export interface DriftRenderOptions {
  heading?: string;
  /** Column labels of the two sides; default Active / Staging. */
  sides?: { primary: string; staging: string };
  /** The sentence under the heading when there are differences; default: the failover advice. */
  differencesSentence?: (count: number) => string;
}

const DEFAULT_SIDES = { primary: 'Active', staging: 'Staging' };

export function renderDriftMarkdown(report: DriftReport, options: DriftRenderOptions = {}): string {
  const out: string[] = [];
  const sides = options.sides ?? DEFAULT_SIDES;
  const primaryName = report.primary.server ?? 'primary';
  const stagingName = report.staging.server ?? 'staging';
  out.push(`## ${options.heading !== undefined ? escapeText(options.heading) : `Configuration drift: ${escapeText(primaryName)} (active) vs ${escapeText(stagingName)} (staging)`}`);
  const failed = report.expected.filter((e) => !e.ok);
  out.push(
    report.differences.length === 0
      ? `**No configuration drift.**${failed.length > 0 ? ` But ${plural(failed.length, 'expectation')} failed (below).` : ''}`
      : options.differencesSentence
        ? options.differencesSentence(report.differences.length)
        : `**${plural(report.differences.length, 'difference')}** between the active and the staging server: make the same change on both before a failover.`,
  );

  if (report.differences.length > 0) {
    const rows = DRIFT_CATEGORY_ORDER.map((category) => [category, report.differences.filter((d) => d.category === category).length] as const)
      .filter(([, count]) => count > 0)
      .map(([category, count]) => [escapeText(CATEGORY_TITLES[category]), formatNumber(count)]);
    out.push(rawTable(['Category', 'Differences'], rows, ['l', 'r']));
  }

  if (!options.sides) {
    out.push('### Expectations');
    out.push(report.expected.map((e) => `- ${e.ok ? '✅' : '❌'} ${escapeText(e.message)}`).join('\n') || '- (none checked)');
  }

  for (const category of DRIFT_CATEGORY_ORDER) {
    const items = report.differences.filter((d) => d.category === category);
    if (items.length > 0) out.push(renderCategory(category, items, sides));
  }

  if (report.productVersion.length > 0) {
    // One row per rule: an upgrade usually moves both its precedence and its tag version.
    const rules = new Map<string, { subject: string; connector: string; precedence?: string; immutableTag?: string }>();
    for (const change of report.productVersion) {
      const key = `${change.connector ?? ''}\u0000${change.subject}`;
      const row = rules.get(key) ?? { subject: change.subject, connector: change.connector ?? '' };
      row[change.field] = `${codeSpan(change.primary)} → ${codeSpan(change.staging)}`;
      rules.set(key, row);
    }
    const rows = [...rules.values()].map((r) => [escapeText(r.subject), escapeText(r.connector), r.precedence ?? '', r.immutableTag ?? '']);
    out.push(
      details(
        `Product version: ${plural(rules.size, 'out-of-box rule')} changed only by an upgrade (precedence, immutable-tag version), not drift`,
        rawTable(['Rule', 'Connector', 'Precedence (active → staging)', 'Immutable tag (active → staging)'], rows),
      ),
    );
  }

  const ignored = Object.entries(report.ignored).filter(([, n]) => n > 0);
  if (ignored.length > 0) {
    out.push(`Ignored as per-server noise: ${ignored.map(([kind, n]) => `${NOISE_WORDS[kind] ?? escapeText(kind)} ${formatNumber(n)}`).join(', ')}.`);
  }
  const hidden = Object.entries(report.hidden ?? {}).filter(([, n]) => n > 0);
  if (hidden.length > 0) out.push(`Left out on request: ${hidden.map(([reason, n]) => `${escapeText(reason)} ${formatNumber(n)}`).join(', ')}.`);
  if (report.missing.length > 0) out.push(`Missing parts (not compared):\n${report.missing.map((m) => `- ${escapeText(m)}`).join('\n')}`);
  return `${out.join('\n\n')}\n`;
}

function renderCategory(category: DriftCategory, items: readonly DriftDifference[], sides: { primary: string; staging: string }): string {
  const blocks: string[] = [];
  const rows = items.map((d) => {
    const long = isLong(d);
    if (long) blocks.push(renderLong(d, sides));
    return [
      codeSpan(d.id),
      d.kind,
      `${escapeText(d.subject)}${d.connector && d.connector !== d.subject ? ` (${escapeText(d.connector)})` : ''}`,
      escapeText(d.field),
      long ? '(below)' : cell(d.primary),
      long ? '(below)' : cell(d.staging),
    ];
  });
  return [`### ${escapeText(CATEGORY_TITLES[category])}`, rawTable(['Id', 'Change', 'Subject', 'Field', escapeText(sides.primary), escapeText(sides.staging)], rows), ...blocks].join('\n\n');
}

function isLong(d: DriftDifference): boolean {
  return d.format === 'expression' || (d.primary ?? '').length > LONG_VALUE || (d.staging ?? '').length > LONG_VALUE || /[\r\n]/.test(`${d.primary ?? ''}${d.staging ?? ''}`);
}

function renderLong(d: DriftDifference, sides: { primary: string; staging: string }): string {
  const side = (label: string, value: string | undefined) => `${label}:\n\n${value === undefined ? '(absent)' : codeBlock(value)}`;
  return [`**${escapeText(d.subject)}**, ${escapeText(d.field)} (${codeSpan(d.id)}):`, side(escapeText(sides.primary), d.primary), side(escapeText(sides.staging), d.staging)].join('\n\n');
}

function cell(value: string | undefined): string {
  return value === undefined ? '(absent)' : codeSpan(value);
}
