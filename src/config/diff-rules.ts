/**
 * Sync rules of two servers, matched by connector name + rule name + direction + link type. Out-of-box rules
 * changed only in precedence or the version suffix of their immutable tag were changed by an upgrade: those go to
 * productVersion, apart from drift. Custom rules are always compared in full.
 */
import type { Findings } from './findings.js';
import { tagBase } from './rules.js';
import { describeFlow, describeJoin, describeScope, mappingsByDestination } from './rule-text.js';
import type { ProductVersionChange, SyncRule } from './types.js';

export function diffRules(
  primary: Readonly<Record<string, SyncRule>>,
  staging: Readonly<Record<string, SyncRule>>,
  skipConnectors: ReadonlySet<string>,
  findings: Findings,
  productVersion: ProductVersionChange[],
): void {
  const keys = [...new Set([...Object.keys(primary), ...Object.keys(staging)])].sort();
  for (const key of keys) {
    const left = primary[key];
    const right = staging[key];
    const any = (left ?? right) as SyncRule;
    // A connector missing on one side is one finding, not one per rule of it.
    if (skipConnectors.has(any.connector.toLowerCase())) continue;
    const base = {
      category: 'sync-rules' as const,
      subject: any.name,
      connector: any.connector,
      defaultRule: (left?.outOfBox ?? true) && (right?.outOfBox ?? true),
    };
    const path = (field: string) => `rules.${any.connector}.${any.name}${field ? `.${field}` : ''}`;
    if (!left || !right) {
      const rule = (left ?? right) as SyncRule;
      findings.add({ ...base, kind: left ? 'removed' : 'added', field: 'rule', path: path(''), primary: left && summarize(left), staging: right && summarize(right) });
      continue;
    }
    // Most values are equal: build the finding only when they are not.
    const compare = (field: string, a: string | undefined, b: string | undefined, format?: 'expression') => {
      if (a !== b) findings.compare({ ...base, field, path: path(field), format }, a, b);
    };

    if (left.outOfBox && right.outOfBox) {
      if (left.precedence !== right.precedence) {
        productVersion.push({ subject: left.name, connector: left.connector, field: 'precedence', primary: String(left.precedence), staging: String(right.precedence) });
      }
      const tagA = left.immutableTag ?? '';
      const tagB = right.immutableTag ?? '';
      if (tagA !== tagB) {
        if (tagBase(tagA) === tagBase(tagB)) productVersion.push({ subject: left.name, connector: left.connector, field: 'immutableTag', primary: tagA, staging: tagB });
        else compare('immutableTag', tagA, tagB);
      }
    } else {
      compare('precedence', String(left.precedence), String(right.precedence));
      compare('immutableTag', left.immutableTag, right.immutableTag);
    }
    compare('disabled', String(left.disabled), String(right.disabled));
    compare('description', left.description ?? '', right.description ?? '');
    compare('sourceObjectType', left.sourceObjectType, right.sourceObjectType);
    compare('targetObjectType', left.targetObjectType, right.targetObjectType);
    compare('scopingFilter', describeScope(left.scope), describeScope(right.scope));
    compare('joinRules', describeJoin(left.join), describeJoin(right.join));
    diffMappings(left, right, compare);
    for (const field of [...new Set([...Object.keys(left.other ?? {}), ...Object.keys(right.other ?? {})])].sort()) {
      compare(field, left.other?.[field], right.other?.[field]);
    }
  }
}

function diffMappings(left: SyncRule, right: SyncRule, compare: (field: string, a: string | undefined, b: string | undefined, format?: 'expression') => void): void {
  const a = mappingsByDestination(left.mappings);
  const b = mappingsByDestination(right.mappings);
  for (const destination of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(destination);
    const y = b.get(destination);
    const field = `attributeFlow[${destination}]`;
    const expression = x?.expression !== undefined || y?.expression !== undefined ? 'expression' : undefined;
    compare(field, x && describeFlow(x), y && describeFlow(y), expression);
    if (x && y) {
      compare(`${field}.mergeType`, x.mergeType ?? '', y.mergeType ?? '');
      compare(`${field}.executeOnce`, String(x.executeOnce), String(y.executeOnce));
    }
  }
}

/** "Inbound Join rule, precedence 50, custom": enough to recognise a rule present on one side only. */
function summarize(rule: SyncRule): string {
  return `${rule.direction} ${rule.linkType} rule, ${rule.sourceObjectType ?? '?'} -> ${rule.targetObjectType ?? '?'}, precedence ${rule.precedence}, ${rule.outOfBox ? `out-of-box (${rule.immutableTag})` : 'custom'}${rule.disabled ? ', disabled' : ''}`;
}
