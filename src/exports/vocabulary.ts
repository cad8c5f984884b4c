/**
 * The one vocabulary of counts (docs/counting.md), for every report, output and gate sentence:
 * - adds: add;
 * - updates: update + replace (a replace rewrites the whole object; it is an update, and the reports say how many
 *   of the updates are replaces);
 * - deletes: delete;
 * - delete-adds: delete-add, apart (the object is deleted, then created anew: one object, counted once);
 * - renames: exports that also give the object a new DN, whatever their operation (counted among them, not added);
 * - deletions: deletes + delete-adds, the objects deleted in the target: what the accidental-delete threshold counts.
 * adds + updates + deletes + delete-adds = objects.
 */
import { countOperations } from './counts.js';
import type { OperationCounts } from './types.js';

export interface OperationTally {
  adds: number;
  /** update + replace */
  updates: number;
  /** The replaces among the updates. */
  replaces: number;
  deletes: number;
  deleteAdds: number;
  /** deletes + delete-adds: the objects deleted in the target. */
  deletions: number;
}

export function tallyOperations(operations: OperationCounts | undefined): OperationTally {
  const deletes = countOperations(operations, 'delete');
  const deleteAdds = countOperations(operations, 'delete-add');
  return {
    adds: countOperations(operations, 'add'),
    updates: countOperations(operations, 'update', 'replace'),
    replaces: countOperations(operations, 'replace'),
    deletes,
    deleteAdds,
    deletions: deletes + deleteAdds,
  };
}

/** The columns of every operations table, in this order, with the tally field each shows. */
export const TALLY_COLUMNS = [
  { header: 'add', of: (t: OperationTally) => t.adds },
  { header: 'update', of: (t: OperationTally) => t.updates },
  { header: 'delete', of: (t: OperationTally) => t.deletes },
  { header: 'delete-add', of: (t: OperationTally) => t.deleteAdds },
] as const;
