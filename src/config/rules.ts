/**
 * SynchronizationRules/SynchronizationRule_{guid}.xml (root <synchronizationRule>) -> SyncRule. The rule names
 * its connector by GUID, which differs per server: the caller resolves it to the connector's name.
 */
import type { ReadLimits } from '../xml/read-limits.js';
import { InputError, type InputPosition } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { normalizeGuid } from './connectors.js';
import { RULE_NOISE } from './noise.js';
import type { AttributeMapping, JoinCondition, ScopeCondition, SyncRule } from './types.js';
import { parseFlag, readXmlPaths } from './xml-paths.js';
import { dict } from '../dict.js';

/** Top-level leaves modelled as SyncRule fields; any other leaf goes to `other`. */
const MODELLED = new Set(['name', 'description', 'immutable-tag', 'direction', 'disabled', 'connector', 'sourceObjectType', 'targetObjectType', 'linkType', 'precedence']);

export interface ParsedRule {
  /** GUID of the connector the rule applies to, normalized ({UPPER}). */
  connectorId: string;
  rule: Omit<SyncRule, 'key' | 'connector'>;
  /** Per-server values, paths relative to the rule ("id", "version"...). */
  noise: { kind: string; field: string; value: string }[];
}

export async function parseSyncRule(source: FileSource, file: string, limits?: ReadLimits): Promise<ParsedRule> {
  const top = dict<string>();
  const other = dict<string>();
  const mappings: AttributeMapping[] = [];
  const scope: ScopeCondition[][] = [];
  const join: JoinCondition[][] = [];
  let mapping: AttributeMapping | undefined;
  let group = dict<string>();
  let conditions: unknown[] | undefined;
  /** Where each top-level element (and, under '', the root) closed: semantic errors point there. */
  const at = dict<InputPosition>();

  await readXmlPaths(source, file, 'synchronizationRule', {
    open(path, attributes) {
      if (path === 'attribute-mappings/mapping') {
        mapping = { destination: '', sources: [], executeOnce: parseFlag(attributes['execute-once']) };
      } else if (path === 'synchronizationCriteria/conditions') {
        conditions = [];
        scope.push(conditions as ScopeCondition[]);
      } else if (path === 'relationshipCriteria/conditions') {
        conditions = [];
        join.push(conditions as JoinCondition[]);
      } else if (path === 'synchronizationCriteria/conditions/scope' || path === 'relationshipCriteria/conditions/condition') {
        group = dict<string>();
      }
    },
    close(path, text, context) {
      const value = text.trim();
      if (!path.includes('/')) at[path] = context.position();
      if (path !== '' && !path.includes('/')) {
        if (MODELLED.has(path) || RULE_NOISE[path]) top[path] = value;
        else if (value !== '' || !isContainer(path)) other[path] = value;
        return;
      }
      if (mapping && path.startsWith('attribute-mappings/mapping/')) {
        const field = path.slice('attribute-mappings/mapping/'.length);
        if (field === 'dest') mapping.destination = value;
        else if (field === 'src/attr') mapping.sources.push(value);
        else if (field === 'expression') mapping.expression = text.trim();
        else if (field === 'valueMergeType') mapping.mergeType = value;
      } else if (path === 'attribute-mappings/mapping' && mapping) {
        // Kept for the whole run: an array of its own length (a pushed-to array holds room for 17).
        mapping.sources = mapping.sources.slice();
        mappings.push(mapping);
        mapping = undefined;
      } else if (path.startsWith('synchronizationCriteria/conditions/scope/') || path.startsWith('relationshipCriteria/conditions/condition/')) {
        group[path.slice(path.lastIndexOf('/') + 1)] = value;
      } else if (path === 'synchronizationCriteria/conditions/scope') {
        (conditions as ScopeCondition[] | undefined)?.push({ attribute: group.csAttribute ?? '', operator: group.csOperator ?? '', value: group.csValue ?? '' });
      } else if (path === 'relationshipCriteria/conditions/condition') {
        (conditions as JoinCondition[] | undefined)?.push({ csAttribute: group.csAttribute ?? '', mvAttribute: group.ilmAttribute ?? '', caseSensitive: parseFlag(group.caseSensitive) });
      }
    },
  }, [], limits);

  const where = source.describe(file);
  if (!top.name) throw new InputError(where, 'the synchronization rule has no <name>', at.name ?? at['']);
  if (!top.connector) throw new InputError(where, `rule "${top.name}" has no <connector>`, at.connector ?? at['']);
  const precedence = Number.parseInt(top.precedence ?? '', 10);
  if (!Number.isFinite(precedence)) throw new InputError(where, `rule "${top.name}" has no numeric <precedence> (got "${top.precedence ?? ''}")`, at.precedence ?? at['']);
  const immutableTag = top['immutable-tag'] || undefined;
  const noise = Object.entries(RULE_NOISE)
    .filter(([field]) => top[field])
    .map(([field, kind]) => ({ kind, field, value: top[field] as string }));
  return {
    connectorId: normalizeGuid(top.connector),
    noise,
    rule: {
      name: top.name,
      description: top.description || undefined,
      direction: top.direction ?? '',
      linkType: top.linkType ?? '',
      sourceObjectType: top.sourceObjectType,
      targetObjectType: top.targetObjectType,
      precedence,
      disabled: parseFlag(top.disabled),
      immutableTag,
      outOfBox: isOutOfBoxTag(immutableTag),
      scope: scope.filter((g) => g.length > 0).map((g) => g.slice()),
      join: join.filter((g) => g.length > 0).map((g) => g.slice()),
      mappings: mappings.slice(),
      other,
      file: where,
    },
  };
}

/** Out-of-box rules carry an immutable tag "Microsoft.<Name>.<NNN>"; custom rules have none. */
export function isOutOfBoxTag(tag: string | undefined): boolean {
  return tag !== undefined && /^Microsoft\./i.test(tag);
}

/** The tag without its version suffix: "Microsoft.InfromADUserJoin.006" -> "Microsoft.InfromADUserJoin". */
export function tagBase(tag: string): string {
  return tag.replace(/\.\d+$/, '');
}

function isContainer(name: string): boolean {
  return name === 'attribute-mappings' || name === 'relationshipCriteria' || name === 'synchronizationCriteria';
}
