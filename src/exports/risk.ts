/**
 * Risky changes: the ones a reviewer must see before a staging server goes active.
 * - a change to a sensitive attribute (sourceAnchor, userPrincipalName, accountEnabled, ...) on an update/replace;
 * - proxyAddresses values removed (mail stops reaching those addresses);
 * - `delete-add` on the Entra ID connector (the cloud object is deleted, then created anew);
 * - a delete and an add in the same export sharing a UPN or mail: a sourceAnchor flip, the classic mass re-creation.
 */
import type { ChangedAttribute } from './changes.js';
import { identityCharacters, KeptBudget } from './kept-budget.js';
import { retain } from './retain.js';
import type { DeltaOperation, ObjectIdentity, RiskKind, RiskyChangeGroup, RiskyExample } from './types.js';

/** Bounds the anchor-flip index: past it, flips are still found among the indexed objects only. */
const MAX_FLIP_INDEX = 500_000;
const PROXY_ADDRESSES = 'proxyaddresses';
/** Removed proxyAddresses named in one detail sentence; the rest are counted in it. */
const DETAIL_VALUES = 20;

/** A risk found on one object: what the CSV's Risk column says on its rows. */
export interface ObservedRisk {
  kind: RiskKind;
  /** The attribute, for sensitive-attribute and proxy-address-removal (the row of that attribute). */
  attribute?: string;
}

function compactIdentity(identity: ObjectIdentity): ObjectIdentity {
  const copy: ObjectIdentity = { id: retain(identity.id), objectType: identity.objectType, dn: retain(identity.dn), operation: identity.operation };
  for (const key of ['upn', 'displayName', 'sourceAnchor', 'alias', 'primarySmtp', 'onPremisesSamAccountName', 'mail'] as const) {
    const value = identity[key];
    if (value !== undefined) copy[key] = retain(value);
  }
  return copy;
}

export class RiskTracker {
  /** Kind -> attribute ('' for kinds without one) -> group: no key string joined per risky change. */
  private readonly groups = new Map<RiskKind, Map<string, RiskyChangeGroup>>();
  /** Lower-cased UPN/mail -> sourceAnchor, of the deletes and of the adds seen so far. */
  private readonly deletedBy = new Map<string, string>();
  private readonly addedBy = new Map<string, string>();
  private readonly sensitive: Set<string>;

  constructor(
    sensitiveAttributes: readonly string[],
    private readonly sampleSize: number,
    private readonly budget: KeptBudget = new KeptBudget(),
  ) {
    this.sensitive = new Set(sensitiveAttributes.map((name) => name.toLowerCase()));
  }

  /** Attribute name as written -> its lower-cased name when sensitive, '' when not: one lower-casing per name, not per change. */
  private readonly sensitiveByName = new Map<string, string>();

  private sensitiveName(name: string): string {
    let lower = this.sensitiveByName.get(name);
    if (lower === undefined) {
      lower = name.toLowerCase();
      if (!this.sensitive.has(lower)) lower = '';
      // Bounded: names come from the file; past the bound they are lower-cased each time, as before.
      if (this.sensitiveByName.size < 10_000) this.sensitiveByName.set(retain(name), lower);
    }
    return lower;
  }

  /** Records the object's risks and returns them (empty when it has none). */
  observe(operation: DeltaOperation, getIdentity: () => ObjectIdentity, changes: readonly ChangedAttribute[]): ObservedRisk[] {
    const found: ObservedRisk[] = [];
    if (operation === 'update' || operation === 'replace') {
      for (const change of changes) {
        const lower = this.sensitiveName(change.name);
        if (lower === '') continue;
        if (lower === PROXY_ADDRESSES) {
          // Adding addresses is routine; removing one bounces mail.
          if (change.removed === 0) continue;
          found.push({ kind: 'proxy-address-removal', attribute: change.name });
          this.record('proxy-address-removal', change.name, getIdentity, () => {
            const named = change.removedValues.slice(0, DETAIL_VALUES).join(', ');
            const rest = change.removed - Math.min(change.removedValues.length, DETAIL_VALUES);
            const removed = named === '' ? `${change.removed} value(s)` : rest > 0 ? `${named} and ${rest} more` : named;
            return { attribute: change.name, before: change.removedValues[0], detail: `${change.name} removed: ${removed}` };
          });
          continue;
        }
        found.push({ kind: 'sensitive-attribute', attribute: change.name });
        this.record('sensitive-attribute', change.name, getIdentity, () => {
          const after = change.modification === 'Delete' ? '(cleared)' : (change.after ?? '(value not kept)');
          return {
            attribute: change.name,
            before: change.before,
            after: change.modification === 'Delete' ? undefined : change.after,
            detail: change.before !== undefined ? `${change.name} ${change.before} -> ${after}` : `${change.name} -> ${after}`,
          };
        });
      }
    } else if (operation === 'delete-add') {
      // Kept whatever the connector: whether it is the Entra ID one may only be known at the end of the file.
      found.push({ kind: 'delete-add' });
      this.record('delete-add', undefined, getIdentity, () => ({ detail: 'deleted in Entra ID, then created anew (delete-add)' }));
    } else if (operation === 'delete') {
      if (this.index(getIdentity(), this.deletedBy, this.addedBy, true)) found.push({ kind: 'anchor-flip' });
    } else if (operation === 'add') {
      if (this.index(getIdentity(), this.addedBy, this.deletedBy, false)) found.push({ kind: 'anchor-flip' });
    }
    return found;
  }

  /**
   * The anchor-flip index keeps, per lower-cased UPN/mail of each delete and add, only the sourceAnchor (about
   * 100 bytes an entry): a whole identity per object made peak memory grow with the file.
   */
  private index(identity: ObjectIdentity, own: Map<string, string>, other: Map<string, string>, isDelete: boolean): boolean {
    let matched = false;
    for (let k = 0; k < 2; k++) {
      const attribute = k === 0 ? 'userPrincipalName' : 'mail';
      const value = k === 0 ? identity.upn : identity.mail;
      if (!value) continue;
      const key = `${k}${value.toLowerCase()}`;
      const otherAnchor = other.get(key);
      if (otherAnchor !== undefined) {
        // One flip per object, even when both its UPN and its mail match.
        if (matched) continue;
        matched = true;
        const before = isDelete ? identity.sourceAnchor : otherAnchor || undefined;
        const after = isDelete ? otherAnchor || undefined : identity.sourceAnchor;
        this.record('anchor-flip', undefined, () => identity, () => ({
          attribute,
          before,
          after,
          detail: `deleted and added again with the same ${attribute} ${value}: sourceAnchor ${before ?? '(unknown)'} -> ${after ?? '(unknown)'}`,
        }));
      } else if (own.size < MAX_FLIP_INDEX && !own.has(key)) {
        own.set(retain(key), retain(identity.sourceAnchor ?? ''));
      }
    }
    return matched;
  }

  /**
   * Counts the risk in its group and lists the object while the group has room and the budget allows. The identity
   * and the example are built only then: most risky objects of a large file are counted, not listed.
   */
  private record(kind: RiskKind, attribute: string | undefined, getIdentity: () => ObjectIdentity, describe: () => Omit<RiskyExample, 'identity'>): void {
    let ofKind = this.groups.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      this.groups.set(kind, ofKind);
    }
    let group = ofKind.get(attribute ?? '');
    if (!group) {
      group = { kind, count: 0, examples: [] };
      if (attribute !== undefined && (kind === 'sensitive-attribute' || kind === 'proxy-address-removal')) group.attribute = retain(attribute);
      ofKind.set(retain(attribute ?? ''), group);
    }
    group.count += 1;
    if (group.examples.length >= this.sampleSize) return;
    const identity = getIdentity();
    const example = describe();
    const characters = identityCharacters(identity) + example.detail.length + (example.before?.length ?? 0) + (example.after?.length ?? 0);
    if (this.budget.take(characters)) {
      const kept: RiskyExample = { identity: compactIdentity(identity), detail: retain(example.detail) };
      if (example.attribute !== undefined) kept.attribute = retain(example.attribute);
      if (example.before !== undefined) kept.before = retain(example.before);
      if (example.after !== undefined) kept.after = retain(example.after);
      group.examples.push(kept);
    }
  }

  /** Groups in a fixed order: kind, then attribute. delete-add is a risk on the Entra ID connector only. */
  finish(entraConnector: boolean): RiskyChangeGroup[] {
    return sortRiskGroups([...this.groups.values()].flatMap((ofKind) => [...ofKind.values()]).filter((group) => entraConnector || group.kind !== 'delete-add').map(withOmitted));
  }
}

/** `omitted`: the objects counted but not listed (past the list's size or the kept-text budget); absent when none. */
export function withOmitted(group: RiskyChangeGroup): RiskyChangeGroup {
  const { omitted: _previous, ...rest } = group;
  const omitted = group.count - group.examples.length;
  return omitted > 0 ? { ...rest, omitted } : rest;
}

const KIND_ORDER: RiskKind[] = ['anchor-flip', 'delete-add', 'sensitive-attribute', 'proxy-address-removal'];

export function sortRiskGroups(groups: RiskyChangeGroup[]): RiskyChangeGroup[] {
  return groups.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.attribute ?? '').localeCompare(b.attribute ?? '', 'en'));
}
