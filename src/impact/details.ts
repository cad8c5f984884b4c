/**
 * The part of a pending export a person reads: who the object is and what the export changes, with values
 * before (synchronized hologram) and after where the file has them. Built only for the bounded sample of each
 * class; every string is copied (exports/retain.ts) so no parser chunk stays alive.
 */
import { changedAttributes } from '../exports/changes.js';
import { identityOf } from '../exports/identity.js';
import type { CsObjectRecord } from '../exports/parse.js';
import { retain } from '../exports/retain.js';
import type { DeltaOperation } from '../exports/types.js';
import type { ImpactChange, ServerExport } from './types.js';

/** Values listed per attribute; the rest are counted in `omitted`. */
export const MAX_VALUES_SHOWN = 5;

export interface ExportDetails {
  dn: string;
  objectType: string;
  displayName?: string;
  upn?: string;
  export: ServerExport;
}

function bounded(values: readonly (string | undefined)[], into: ImpactChange, field: 'old' | 'new' | 'added' | 'removed'): void {
  const kept = values.filter((value): value is string => value !== undefined);
  const shown = kept.slice(0, MAX_VALUES_SHOWN).map((value) => retain(value));
  const omitted = values.length - shown.length;
  if (shown.length > 0) into[field] = shown;
  if (omitted > 0) into.omitted = (into.omitted ?? 0) + omitted;
}

export function exportDetails(record: CsObjectRecord): ExportDetails {
  const delta = record.pending;
  if (!delta) throw new Error('exportDetails: the record has no pending export');
  const identity = identityOf(record);
  // A replace lists every attribute; only those whose values differ from the synchronized hologram change.
  const changed = new Set(changedAttributes(record).map((change) => change.name));
  const synchronized = record.holograms.synchronized;
  const changes: ImpactChange[] = [];
  if (delta.operation !== 'delete') {
    for (const attribute of delta.attributes) {
      if (!changed.has(attribute.name)) continue;
      const change: ImpactChange = { attribute: retain(attribute.name), modification: attribute.operation ?? delta.operation };
      const before = delta.operation === 'add' || delta.operation === 'delete-add' ? undefined : synchronized?.get(attribute.name);
      if (before && before.length > 0) bounded(before, change, 'old');
      const byValue = attribute.values.some((value) => value.operation !== undefined);
      if (byValue) {
        const added = attribute.values.filter((value) => value.operation !== 'delete').map((value) => value.value);
        const removed = attribute.values.filter((value) => value.operation === 'delete').map((value) => value.value);
        if (added.length > 0) bounded(added, change, 'added');
        if (removed.length > 0) bounded(removed, change, 'removed');
      } else if (attribute.operation !== 'delete') {
        bounded(attribute.values.map((value) => value.value), change, 'new');
      }
      changes.push(change);
    }
  }
  const serverExport: ServerExport = { operation: delta.operation as DeltaOperation, changes };
  if (delta.newDn !== undefined && delta.newDn !== delta.dn) serverExport.newDn = retain(delta.newDn);
  const details: ExportDetails = { dn: retain(delta.dn), objectType: retain(record.objectType), export: serverExport };
  if (identity.displayName !== undefined) details.displayName = retain(identity.displayName);
  if (identity.upn !== undefined) details.upn = retain(identity.upn);
  return details;
}
