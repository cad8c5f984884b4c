/**
 * What a pending delta really changes, attribute by attribute. A `replace` lists every attribute of the object;
 * only those whose values differ from the synchronized-hologram change (without that hologram, all count).
 * Multi-valued attributes carry how many values are added and removed.
 */
import type { AttributeChange, CsObjectRecord } from './parse.js';

export type AttributeModification = 'Add' | 'Update' | 'Delete';

export interface ChangedAttribute {
  name: string;
  multivalued: boolean;
  modification: AttributeModification;
  /** Values added / removed (multi-valued attributes; single-valued: the value set or cleared). */
  added: number;
  removed: number;
  /** First value before (synchronized-hologram) and after, where known: for risk details. */
  before: string | undefined;
  after: string | undefined;
  /** The values removed, where known (proxyAddresses removals are reported by value). */
  removedValues: string[];
  /** The values added, where kept (the CSV's NewValue); fewer than `added` when values were over a cap. */
  addedValues: string[];
}

function sameValues(a: readonly (string | undefined)[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0] === b[0];
  const sorted = [...b].sort();
  const other = a.map((v) => v ?? '').sort();
  return sorted.every((v, i) => v === other[i]);
}

function modificationOf(operation: string | undefined, deltaOperation: string): AttributeModification {
  if (operation === 'delete') return 'Delete';
  if (operation === 'add') return 'Add';
  if (operation === 'replace' || operation === 'update') return 'Update';
  return deltaOperation === 'replace' ? 'Update' : 'Add';
}

function change(attribute: AttributeChange, deltaOperation: string, synchronized: string[] | undefined, capped: boolean): ChangedAttribute | undefined {
  const values = attribute.values;
  const cappedValues = attribute.cappedAdded + attribute.cappedRemoved;
  const modification = modificationOf(attribute.operation, deltaOperation);
  let added = 0;
  let removed = 0;
  const removedValues: string[] = [];
  const addedValues: string[] = [];
  const hasValueOperations = values.some((v) => v.operation !== undefined);
  if (hasValueOperations) {
    for (const v of values) {
      if (v.operation === 'delete') {
        removed += 1;
        if (v.value !== undefined) removedValues.push(v.value);
      } else {
        added += 1;
        if (v.value !== undefined) addedValues.push(v.value);
      }
    }
    added += attribute.cappedAdded;
    removed += attribute.cappedRemoved;
  } else if (attribute.operation === 'delete') {
    removed = synchronized?.length || values.length + cappedValues || 1;
    if (synchronized) removedValues.push(...synchronized);
  } else if (synchronized && !capped && (deltaOperation === 'replace' || attribute.operation === 'replace') && values.length === 1 && synchronized.length === 1) {
    // The common case (a single-valued attribute), without the arrays and sets below; the same answer.
    const before = synchronized[0] as string;
    const after = (values[0] as (typeof values)[number]).value;
    if (after === before) return undefined;
    if ((after ?? '') !== before) {
      added = 1;
      removed = 1;
      removedValues.push(before);
    }
  } else if (synchronized && !capped && (deltaOperation === 'replace' || attribute.operation === 'replace')) {
    if (sameValues(values.map((v) => v.value), synchronized)) return undefined;
    const before = new Set(synchronized);
    const after = new Set(values.map((v) => v.value ?? ''));
    for (const v of after) {
      if (!before.has(v)) {
        added += 1;
        addedValues.push(v);
      }
    }
    for (const v of before) {
      if (!after.has(v)) {
        removed += 1;
        removedValues.push(v);
      }
    }
  } else {
    // Also a replace whose values were capped: the kept ones cannot tell what is new, so every value counts as
    // added (never "unchanged" for want of the rest).
    added = values.length + cappedValues;
    for (const v of values) if (v.value !== undefined) addedValues.push(v.value);
  }
  const afterValue = values.find((v) => v.operation !== 'delete')?.value;
  return {
    name: attribute.name,
    multivalued: attribute.multivalued,
    modification,
    added,
    removed,
    before: synchronized?.[0],
    after: attribute.operation === 'delete' ? undefined : afterValue,
    removedValues,
    addedValues,
  };
}

/** The attributes the object's pending export changes (none for `delete` and `none`). */
export function changedAttributes(record: CsObjectRecord): ChangedAttribute[] {
  const delta = record.pending;
  if (!delta || delta.operation === 'delete' || delta.operation === 'none') return [];
  const synchronized = record.holograms.synchronized;
  const result: ChangedAttribute[] = [];
  for (const attribute of delta.attributes) {
    // Before-values matter for replace comparisons and risk details, but an add has no "before".
    const before = delta.operation === 'add' || delta.operation === 'delete-add' ? undefined : synchronized?.get(attribute.name);
    const changed = change(attribute, delta.operation, before, record.cappedValues > 0);
    if (changed) result.push(changed);
  }
  return result;
}
