/**
 * The CSExportAnalyzer view: one row per attribute change and one per delete, written while parsing (rows are
 * never all kept). OMODT = object modification (Add/Update/Delete; replace is an Update, a delete-add is a Delete
 * row followed by Add rows), AMODT = attribute modification. OldValue is the synchronized hologram's (the object
 * as last confirmed), NewValue the delta's; for a multi-valued attribute they are the values removed and added.
 * Risk names the risk kinds found on the row (schemas/exports.schema.json's kinds). RFC 4180 (CRLF, quoted),
 * formulas neutralised.
 */
import type { PendingChange } from '../exports/analyze.js';
import type { ChangedAttribute } from '../exports/changes.js';
import { csvLine } from './csv.js';
import { redactIdentity, type Redactor } from '../redact/redact.js';

export const EXPORT_CSV_COLUMNS = [
  'Connector', 'DN', 'ObjectType', 'Operation', 'OMODT', 'Attribute', 'AMODT', 'ValuesAdded', 'ValuesRemoved', 'NewDN', 'DisplayName', 'UPN',
  'OldValue', 'NewValue', 'Risk',
] as const;

const CRLF = '\r\n';
/** Excel holds 32,767 characters in a cell: a longer value list is cut, and the cell says how much was left out. */
export const CSV_VALUE_CELL_LIMIT = 32_000;
/** Between the values of a multi-valued attribute. */
const VALUE_SEPARATOR = '; ';
/** A value the parser counted but did not keep (over the 64 KiB value cap, or past the per-attribute value cap). */
const NOT_KEPT = '(not kept: over a value cap)';

export function exportCsvHeader(): string {
  return csvLine(EXPORT_CSV_COLUMNS, CRLF);
}

const OMODT: Record<string, string> = { add: 'Add', update: 'Update', replace: 'Update', delete: 'Delete', 'delete-add': 'Add' };

/** Values joined for one cell; values the file had but the parser did not keep are counted at the end. */
export function valueCell(values: readonly string[], total: number): string {
  const notKept = Math.max(0, total - values.length);
  let cell = '';
  let listed = 0;
  for (const value of values) {
    const next = listed === 0 ? value : `${cell}${VALUE_SEPARATOR}${value}`;
    if (next.length > CSV_VALUE_CELL_LIMIT) break;
    cell = next;
    listed += 1;
  }
  if (listed === 0 && values.length > 0) {
    // One value longer than a cell: its start, and how much is cut.
    const first = values[0]!;
    cell = `${first.slice(0, CSV_VALUE_CELL_LIMIT)} … (${first.length - CSV_VALUE_CELL_LIMIT} more characters not shown)`;
    listed = 1;
  }
  const unlisted = values.length - listed;
  const notes = [...(unlisted > 0 ? [`${unlisted} more value(s) not shown: over the cell limit`] : []), ...(notKept > 0 ? [`${notKept} value(s) ${NOT_KEPT}`] : [])];
  if (notes.length === 0) return cell;
  return cell === '' ? `(${notes.join('; ')})` : `${cell} … (${notes.join('; ')})`;
}

/** OldValue and NewValue of one attribute change. */
function changeValues(change: ChangedAttribute, hasSynchronizedHologram: boolean, operation: string): [string, string] {
  if (change.multivalued) return [valueCell(change.removedValues, change.removed), valueCell(change.addedValues, change.added)];
  const isNew = operation === 'add' || operation === 'delete-add';
  // An update without the synchronized hologram cannot tell the value before: said, never left blank as if empty.
  const old = isNew ? '' : change.before !== undefined ? valueCell([change.before], 1) : hasSynchronizedHologram ? '' : '(unknown: no synchronized-hologram in the file)';
  const value = change.modification === 'Delete' ? '' : change.after !== undefined ? valueCell([change.after], 1) : change.added > 0 ? NOT_KEPT : '';
  return [old, value];
}

/** The rows of one object's pending change. */
export function exportCsvRows(change: PendingChange, redactor?: Redactor): string {
  const { record, changes, connector, risks } = change;
  const delta = record.pending;
  if (!delta || delta.operation === 'none') return '';
  const identity = redactor ? redactIdentity(change.identity, redactor) : change.identity;
  const dn = redactor ? redactor.dn(delta.dn) : delta.dn;
  const rawNewDn = delta.newDn !== undefined && delta.newDn !== delta.dn ? delta.newDn : '';
  const newDn = redactor && rawNewDn ? redactor.dn(rawNewDn) : rawNewDn;
  // Object risks (delete-add, anchor-flip) mark every row of the object; attribute risks the attribute's row.
  const objectRisks = risks.filter((risk) => risk.attribute === undefined).map((risk) => risk.kind);
  const riskOf = (attribute: string): string =>
    [...new Set([...objectRisks, ...risks.filter((risk) => risk.attribute !== undefined && risk.attribute === attribute).map((risk) => risk.kind)])].join('; ');
  const redactValues = (values: readonly string[]): string[] => (redactor ? values.map((value) => redactor.value(value)) : [...values]);
  const row = (omodt: string, attribute: string, amodt: string, added: number | string, removed: number | string, oldValue: string, newValue: string) =>
    csvLine([connector, dn, record.objectType, delta.operation, omodt, attribute, amodt, added, removed, newDn, identity.displayName ?? '', identity.upn ?? '', oldValue, newValue, riskOf(attribute)], CRLF);
  let out = '';
  if (delta.operation === 'delete' || delta.operation === 'delete-add') out += row('Delete', '', '', '', '', '', '');
  const omodt = OMODT[delta.operation] ?? 'Update';
  const hasSynchronized = record.holograms.synchronized !== undefined;
  for (const c of changes) {
    const shown = redactor ? { ...c, before: c.before === undefined ? undefined : redactor.value(c.before), after: c.after === undefined ? undefined : redactor.value(c.after), removedValues: redactValues(c.removedValues), addedValues: redactValues(c.addedValues) } : c;
    const [oldValue, newValue] = changeValues(shown, hasSynchronized, delta.operation);
    out += row(omodt, c.name, c.modification, c.multivalued ? c.added : '', c.multivalued ? c.removed : '', oldValue, newValue);
  }
  if (changes.length === 0 && newDn !== '') out += row(omodt, '', '', '', '', '', '');
  return out;
}
