/**
 * The "Switch impact" section: what switching the staging server to active exports that the active server would
 * not, headline first, the objects the servers disagree on listed before the others. Every string from a file
 * goes through markdown-text (table cells are escaped there; `escapeText` for the rest).
 */
import { switchCounts } from '../impact/classes.js';
import { TALLY_COLUMNS, tallyOperations } from '../exports/vocabulary.js';
import { PAIRED_OPERATIONS, type ImpactClass, type ImpactClassName, type ImpactObject, type NewSinceBase, type ServerExport, type SwitchImpactReport } from '../impact/types.js';
import { details, escapeText, formatNumber, plural, table } from './markdown-text.js';
import { describeExport, MARKDOWN_VALUE_CHARS } from './impact-text.js';

/** One export in a table cell: long values cut (the JSON and the CSV keep them whole). */
function cell(serverExport: ServerExport | undefined): string {
  return describeExport(serverExport, undefined, MARKDOWN_VALUE_CHARS);
}

/** Objects listed per class in the comment (the JSON keeps the whole sample). */
export const MARKDOWN_IMPACT_OBJECTS = 10;

const CLASS_TITLES: Record<ImpactClassName, string> = {
  different: 'Different (the servers disagree)',
  stagingOnly: 'Staging only (the switch exports it)',
  activeOnly: 'Active only (may be lost by the switch)',
  same: 'Same on both (exported anyway)',
};
const CLASS_ORDER: readonly ImpactClassName[] = ['different', 'stagingOnly', 'activeOnly', 'same'];

/** "Switching will export N changes the active server would not: A adds, U updates, D deletes[, X delete-adds]". Plain text. */
export function impactHeadline(report: SwitchImpactReport): string {
  const counts = switchCounts(report.switchImpact);
  const deleteAdds = counts.deleteAdds > 0 ? `, ${plural(counts.deleteAdds, 'delete-add')}` : '';
  return `Switching will export ${plural(counts.changes, 'change')} the active server would not: ${plural(counts.adds, 'add')}, ${plural(counts.updates, 'update')}, ${plural(counts.deletes, 'delete')}${deleteAdds}`;
}

function label(object: ImpactObject): string {
  return object.displayName ?? object.upn ?? object.dn;
}

/**
 * The objects past the listed ones. The JSON keeps only a sample too (--sample-size), so only the CSV, which writes
 * every paired export, is named; the newly pending lists have no such view (the CSV's SinceBase is per pair).
 */
function more(value: ImpactClass | NewSinceBase, shown: number, everyExportInCsv: boolean): string {
  const rest = value.count - shown;
  if (rest <= 0) return '';
  return `\n\n${plural(rest, 'more object')} not listed${everyExportInCsv ? ': `syncstage impact --format csv` writes every export, one row each' : ''}.`;
}

/** The classes in the counts of docs/counting.md (update includes replace), with the switch's own total last. */
function classTable(report: SwitchImpactReport): string {
  const persistent = report.switchImpact.persistent;
  const header = ['Class', 'Exports', ...TALLY_COLUMNS.map((column) => column.header), ...(persistent ? ['Persistent'] : [])];
  const rows = CLASS_ORDER.map((name) => {
    const value = report.switchImpact[name];
    const tally = tallyOperations(value.operations);
    return [CLASS_TITLES[name], value.count, ...TALLY_COLUMNS.map((column) => column.of(tally)), ...(persistent ? [persistent[name]] : [])];
  });
  const counts = switchCounts(report.switchImpact);
  rows.push(['Exported because of the switch (different + staging only)', counts.changes, counts.adds, counts.updates, counts.deletes, counts.deleteAdds, ...(persistent ? [persistent.different + persistent.stagingOnly] : [])]);
  return table(header, rows, ['l', 'r', ...TALLY_COLUMNS.map(() => 'r' as const), ...(persistent ? ['r' as const] : [])]);
}

function persistentCell(object: ImpactObject): string {
  return object.persistent === undefined ? '' : object.persistent ? 'persistent' : 'new';
}

function objectsTable(value: ImpactClass, name: ImpactClassName, withBase: boolean): string {
  const shown = value.objects.slice(0, MARKDOWN_IMPACT_OBJECTS);
  const extra = withBase ? ['Since base'] : [];
  if (name === 'different') {
    const rows = shown.map((o) => [o.connector, label(o), o.upn ?? '', cell(o.staging), `${cell(o.active)}${o.uncomparable ? ` (not compared: ${o.uncomparable})` : ''}`, ...(withBase ? [persistentCell(o)] : [])]);
    return table(['Connector', 'Object', 'UPN', 'Staging would export', 'Active would export', ...extra], rows) + more(value, shown.length, true);
  }
  const rows = shown.map((o) => [o.connector, label(o), o.upn ?? '', cell(name === 'activeOnly' ? o.active : o.staging), ...(withBase ? [persistentCell(o)] : [])]);
  return table(['Connector', 'Object', 'UPN', name === 'activeOnly' ? 'Active would export' : 'Export', ...extra], rows) + more(value, shown.length, true);
}

function byConnectorTable(report: SwitchImpactReport): string {
  const rows: (string | number)[][] = [];
  for (const name of CLASS_ORDER) {
    const value = report.switchImpact[name];
    for (const connector of Object.keys(value.byConnector).sort()) {
      const types = value.byConnector[connector] ?? {};
      for (const type of Object.keys(types).sort()) {
        const tally = tallyOperations(types[type]);
        rows.push([name, connector, type, ...TALLY_COLUMNS.map((column) => column.of(tally))]);
      }
    }
  }
  return table(['Class', 'Connector', 'Object type', ...TALLY_COLUMNS.map((column) => column.header)], rows, ['l', 'l', 'l', ...TALLY_COLUMNS.map(() => 'r' as const)]);
}

function newSinceBaseSection(report: SwitchImpactReport): string | undefined {
  const news = report.newSinceBase;
  if (!news) return undefined;
  const lines: string[] = ['#### Newly pending since the base snapshots', ''];
  for (const [role, value] of [['staging', news.staging], ['active', news.active]] as const) {
    const ops = PAIRED_OPERATIONS.filter((op) => (value.operations[op] ?? 0) > 0).map((op) => `${formatNumber(value.operations[op] ?? 0)} ${op}`);
    lines.push(`- ${role === 'staging' ? 'Staging' : 'Active'} server: ${plural(value.count, 'export')} newly pending${ops.length > 0 ? ` (${ops.join(', ')})` : ''}.`);
  }
  for (const [role, value] of [['Staging', news.staging], ['Active', news.active]] as const) {
    if (value.objects.length === 0) continue;
    const shown = value.objects.slice(0, MARKDOWN_IMPACT_OBJECTS);
    const rows = shown.map((o) => [o.connector, label(o), o.upn ?? '', cell(o.staging ?? o.active)]);
    lines.push('', details(`${role} server: newly pending objects`, table(['Connector', 'Object', 'UPN', 'Export'], rows) + more(value, shown.length, false)));
  }
  return lines.join('\n');
}

export function renderImpactMarkdown(report: SwitchImpactReport, options: { heading?: string } = {}): string {
  const impact = report.switchImpact;
  const counts = switchCounts(impact);
  const withBase = impact.persistent !== undefined;
  const side = (role: string, server: SwitchImpactReport['active']) =>
    `${role} ${escapeText(server.server ?? server.snapshot)}${server.capturedAt ? ` (captured ${escapeText(server.capturedAt)})` : ''}`;
  const lines: string[] = [options.heading ?? '### Switch impact', ''];
  lines.push(`**${escapeText(impactHeadline(report))}.**${counts.different > 0 ? ` ${escapeText(`The servers disagree on ${formatNumber(counts.different)} of them: the staging server would write something else.`)}` : ''}`);
  lines.push('', `${side('Active', report.active)} vs ${side('staging', report.staging)}; ${escapeText(plural(report.connectors.length, 'connector'))} paired: ${report.connectors.map((c) => escapeText(c.activeName ? `${c.connector} (active: ${c.activeName})` : c.connector)).join(', ')}.`);
  lines.push('', classTable(report));
  if (impact.different.count > 0) lines.push('', `#### The servers disagree: ${escapeText(plural(impact.different.count, 'object'))}`, '', objectsTable(impact.different, 'different', withBase));
  if (impact.stagingOnly.count > 0) lines.push('', details(`Exported only because of the switch: ${plural(impact.stagingOnly.count, 'object')}`, objectsTable(impact.stagingOnly, 'stagingOnly', withBase), true));
  if (impact.activeOnly.count > 0) lines.push('', details(`Pending only on the active server: ${plural(impact.activeOnly.count, 'object')} (lost by the switch unless the staging server already holds them)`, objectsTable(impact.activeOnly, 'activeOnly', withBase)));
  if (impact.same.count > 0) lines.push('', details(`Same on both servers: ${plural(impact.same.count, 'object')} (the active server exports these anyway)`, objectsTable(impact.same, 'same', withBase)));
  lines.push('', details('By connector and object type', byConnectorTable(report)));
  const news = newSinceBaseSection(report);
  if (news) lines.push('', news);
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `- ${escapeText(note)}`));
  return lines.join('\n');
}
