/**
 * Sync rule parts as one comparable, readable line. Scoping and join groups are ORed and the conditions inside
 * a group ANDed, so order carries no meaning: both are sorted, and a reordering is not drift.
 */
import type { AttributeMapping, JoinCondition, ScopeCondition } from './types.js';

export function describeScope(groups: readonly (readonly ScopeCondition[])[]): string {
  return describeGroups(groups.map((group) => group.map((c) => `${c.attribute} ${c.operator}${c.value !== '' ? ` ${c.value}` : ''}`)));
}

export function describeJoin(groups: readonly (readonly JoinCondition[])[]): string {
  return describeGroups(groups.map((group) => group.map((c) => `${c.csAttribute} = ${c.mvAttribute}${c.caseSensitive ? ' (case-sensitive)' : ''}`)));
}

function describeGroups(groups: readonly string[][]): string {
  const parts = groups.filter((group) => group.length > 0).map((group) => [...group].sort().join(' AND '));
  if (parts.length === 0) return '(none)';
  if (parts.length === 1) return parts[0] as string;
  return [...new Set(parts)].sort().map((part) => `(${part})`).join(' OR ');
}

/** What flows into the destination: the expression, or the direct source attributes as "[cn]". */
export function describeFlow(mapping: AttributeMapping): string {
  if (mapping.expression !== undefined && mapping.expression !== '') return mapping.expression;
  if (mapping.sources.length > 0) return mapping.sources.map((source) => `[${source}]`).join(', ');
  return '(no source)';
}

/** Mappings keyed by destination; a second mapping to the same destination gets "#2". */
export function mappingsByDestination(mappings: readonly AttributeMapping[]): Map<string, AttributeMapping> {
  const result = new Map<string, AttributeMapping>();
  for (const mapping of mappings) {
    let key = mapping.destination;
    for (let n = 2; result.has(key); n++) key = `${mapping.destination}#${n}`;
    result.set(key, mapping);
  }
  return result;
}
