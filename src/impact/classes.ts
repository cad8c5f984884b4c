/** Counting into a class: totals, operations, connector x object type x operation, and a bounded sample. */
import type { DeltaOperation, OperationCounts } from '../exports/types.js';
import type { ImpactClass, ImpactObject, NewSinceBase, SwitchCounts, SwitchImpactClasses } from './types.js';
import { dict } from '../dict.js';

export function emptyClass(): ImpactClass {
  return { count: 0, operations: dict<number>(), byConnector: dict<Record<string, OperationCounts>>(), objects: [] };
}

export function countInto(into: ImpactClass, connector: string, objectType: string, operation: DeltaOperation): void {
  into.count += 1;
  into.operations[operation] = (into.operations[operation] ?? 0) + 1;
  const types = (into.byConnector[connector] ??= dict<OperationCounts>());
  const counts = (types[objectType] ??= dict<number>());
  counts[operation] = (counts[operation] ?? 0) + 1;
}

export function emptyNewSinceBase(): NewSinceBase {
  return { count: 0, operations: dict<number>(), objects: [] };
}

export function countNew(into: NewSinceBase, operation: DeltaOperation, object: (() => ImpactObject) | undefined, sampleSize: number): void {
  into.count += 1;
  into.operations[operation] = (into.operations[operation] ?? 0) + 1;
  if (object && into.objects.length < sampleSize) into.objects.push(object());
}

/** The headline: what switching exports that the active server would not (stagingOnly + different). */
export function switchCounts(impact: SwitchImpactClasses): SwitchCounts {
  const ops = (name: DeltaOperation) => (impact.stagingOnly.operations[name] ?? 0) + (impact.different.operations[name] ?? 0);
  return {
    changes: impact.stagingOnly.count + impact.different.count,
    adds: ops('add'),
    updates: ops('update') + ops('replace'),
    deletes: ops('delete'),
    deleteAdds: ops('delete-add'),
    different: impact.different.count,
  };
}
