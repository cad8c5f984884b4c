/**
 * The CSExportAnalyzer view: one row per attribute change and one per delete, written while parsing (rows are
 * never all kept). OMODT = object modification (Add/Update/Delete; replace is an Update, a delete-add is a Delete
 * row followed by Add rows), AMODT = attribute modification. RFC 4180 (CRLF, quoted), formulas neutralised.
 */
import type { PendingChange } from '../exports/analyze.js';
import { csvLine } from './csv.js';
import { redactIdentity, type Redactor } from '../redact/redact.js';

export const EXPORT_CSV_COLUMNS = [
  'Connector', 'DN', 'ObjectType', 'Operation', 'OMODT', 'Attribute', 'AMODT', 'ValuesAdded', 'ValuesRemoved', 'NewDN', 'DisplayName', 'UPN',
] as const;

const CRLF = '\r\n';

export function exportCsvHeader(): string {
  return csvLine(EXPORT_CSV_COLUMNS, CRLF);
}

const OMODT: Record<string, string> = { add: 'Add', update: 'Update', replace: 'Update', delete: 'Delete', 'delete-add': 'Add' };

/** The rows of one object's pending change. */
export function exportCsvRows(change: PendingChange, redactor?: Redactor): string {
  const { record, changes, connector } = change;
  const delta = record.pending;
  if (!delta || delta.operation === 'none') return '';
  const identity = redactor ? redactIdentity(change.identity, redactor) : change.identity;
  const dn = redactor ? redactor.dn(delta.dn) : delta.dn;
  const rawNewDn = delta.newDn !== undefined && delta.newDn !== delta.dn ? delta.newDn : '';
  const newDn = redactor && rawNewDn ? redactor.dn(rawNewDn) : rawNewDn;
  const row = (omodt: string, attribute: string, amodt: string, added: number | string, removed: number | string) =>
    csvLine([connector, dn, record.objectType, delta.operation, omodt, attribute, amodt, added, removed, newDn, identity.displayName ?? '', identity.upn ?? ''], CRLF);
  let out = '';
  if (delta.operation === 'delete' || delta.operation === 'delete-add') out += row('Delete', '', '', '', '');
  const omodt = OMODT[delta.operation] ?? 'Update';
  for (const c of changes) {
    out += row(omodt, c.name, c.modification, c.multivalued ? c.added : '', c.multivalued ? c.removed : '');
  }
  if (changes.length === 0 && newDn !== '') out += row(omodt, '', '', '', '');
  return out;
}
