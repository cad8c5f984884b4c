/** Operations counted the way people say them: "updates" are update + replace, and so on. */
import type { DeltaOperation, OperationCounts } from './types.js';

export function countOperations(operations: OperationCounts | undefined, ...names: DeltaOperation[]): number {
  return names.reduce((sum, name) => sum + (operations?.[name] ?? 0), 0);
}
