/**
 * The JSON view of a SwitchImpactReport (schemas/impact.schema.json): the same object with map keys in a fixed
 * order (operations in delta order, connectors and object types by name), so two runs give the same bytes.
 */
import { DELTA_OPERATIONS, type OperationCounts } from '../exports/types.js';
import type { ImpactClass, NewSinceBase, SwitchImpactReport } from '../impact/types.js';

function operations(counts: OperationCounts): OperationCounts {
  const out: OperationCounts = {};
  for (const operation of DELTA_OPERATIONS) if (counts[operation] !== undefined) out[operation] = counts[operation];
  return out;
}

function byName<T>(map: Record<string, T>, value: (item: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map).sort()) out[key] = value(map[key] as T);
  return out;
}

function stableClass(value: ImpactClass): ImpactClass {
  return { count: value.count, operations: operations(value.operations), byConnector: byName(value.byConnector, (types) => byName(types, operations)), objects: value.objects };
}

function stableNew(value: NewSinceBase): NewSinceBase {
  return { count: value.count, operations: operations(value.operations), objects: value.objects };
}

export function impactJsonValue(report: SwitchImpactReport): SwitchImpactReport {
  const impact = report.switchImpact;
  const value: SwitchImpactReport = {
    ...report,
    switchImpact: {
      stagingOnly: stableClass(impact.stagingOnly),
      same: stableClass(impact.same),
      different: stableClass(impact.different),
      activeOnly: stableClass(impact.activeOnly),
      ...(impact.persistent ? { persistent: impact.persistent } : {}),
    },
  };
  if (report.newSinceBase) value.newSinceBase = { active: stableNew(report.newSinceBase.active), staging: stableNew(report.newSinceBase.staging) };
  return value;
}

export function renderImpactJson(report: SwitchImpactReport): string {
  return `${JSON.stringify(impactJsonValue(report), null, 2)}\n`;
}
