/**
 * Risky changes: the ones a reviewer must see before a staging server goes active.
 * - a change to a sensitive attribute (sourceAnchor, userPrincipalName, accountEnabled, ...) on an update/replace;
 * - proxyAddresses values removed (mail stops reaching those addresses);
 * - `delete-add` on the Entra ID connector (the cloud object is deleted, then created anew);
 * - a delete and an add in the same export sharing a UPN or mail: a sourceAnchor flip, the classic mass re-creation.
 */
import type { ChangedAttribute } from './changes.js';
import { retain } from './retain.js';
import type { ObjectIdentity, RiskKind, RiskyChangeGroup, RiskyExample } from './types.js';

/** Bounds the anchor-flip index: past it, flips are still found among the indexed objects only. */
const MAX_FLIP_INDEX = 1_000_000;
const PROXY_ADDRESSES = 'proxyaddresses';

function compactIdentity(identity: ObjectIdentity): ObjectIdentity {
  const copy: ObjectIdentity = { id: retain(identity.id), objectType: identity.objectType, dn: retain(identity.dn), operation: identity.operation };
  for (const key of ['upn', 'displayName', 'sourceAnchor', 'alias', 'primarySmtp', 'onPremisesSamAccountName', 'mail'] as const) {
    const value = identity[key];
    if (value !== undefined) copy[key] = retain(value);
  }
  return copy;
}

export class RiskTracker {
  private readonly groups = new Map<string, RiskyChangeGroup>();
  private readonly deletedBy = new Map<string, ObjectIdentity>();
  private readonly addedBy = new Map<string, ObjectIdentity>();
  private readonly flipPairs = new Set<string>();
  private readonly sensitive: Set<string>;

  constructor(
    private readonly isEntraConnector: boolean,
    sensitiveAttributes: readonly string[],
    private readonly sampleSize: number,
  ) {
    this.sensitive = new Set(sensitiveAttributes.map((name) => name.toLowerCase()));
  }

  observe(identity: ObjectIdentity, changes: readonly ChangedAttribute[]): void {
    const operation = identity.operation;
    if (operation === 'update' || operation === 'replace') {
      for (const change of changes) {
        const lower = change.name.toLowerCase();
        if (!this.sensitive.has(lower)) continue;
        if (lower === PROXY_ADDRESSES) {
          // Adding addresses is routine; removing one bounces mail.
          if (change.removed === 0) continue;
          const removed = change.removedValues.length > 0 ? change.removedValues.join(', ') : `${change.removed} value(s)`;
          this.record('proxy-address-removal', change.name, identity, {
            attribute: change.name,
            before: change.removedValues[0],
            detail: `${change.name} removed: ${removed}`,
          });
          continue;
        }
        const after = change.modification === 'Delete' ? '(cleared)' : (change.after ?? '(value not kept)');
        this.record('sensitive-attribute', change.name, identity, {
          attribute: change.name,
          before: change.before,
          after: change.modification === 'Delete' ? undefined : change.after,
          detail: change.before !== undefined ? `${change.name} ${change.before} -> ${after}` : `${change.name} -> ${after}`,
        });
      }
    } else if (operation === 'delete-add' && this.isEntraConnector) {
      this.record('delete-add', undefined, identity, { detail: 'deleted in Entra ID, then created anew (delete-add)' });
    } else if (operation === 'delete') {
      this.index(identity, this.deletedBy, this.addedBy, true);
    } else if (operation === 'add') {
      this.index(identity, this.addedBy, this.deletedBy, false);
    }
  }

  private index(identity: ObjectIdentity, own: Map<string, ObjectIdentity>, other: Map<string, ObjectIdentity>, isDelete: boolean): void {
    const keys: [string, string][] = [];
    if (identity.upn) keys.push(['userPrincipalName', identity.upn]);
    if (identity.mail) keys.push(['mail', identity.mail]);
    let kept: ObjectIdentity | undefined;
    for (const [attribute, value] of keys) {
      const key = `${attribute}\u0000${value.toLowerCase()}`;
      const match = other.get(key);
      if (match) {
        const deleted = isDelete ? identity : match;
        const added = isDelete ? match : identity;
        const pair = `${deleted.id}\u0000${added.id}`;
        if (!this.flipPairs.has(pair)) {
          this.flipPairs.add(pair);
          const anchors = `sourceAnchor ${deleted.sourceAnchor ?? '(unknown)'} -> ${added.sourceAnchor ?? '(unknown)'}`;
          this.record('anchor-flip', undefined, added, {
            attribute,
            before: deleted.sourceAnchor,
            after: added.sourceAnchor,
            detail: `deleted and added again with the same ${attribute} ${value}: ${anchors}`,
          });
        }
      } else if (own.size < MAX_FLIP_INDEX && !own.has(key)) {
        kept ??= compactIdentity(identity);
        own.set(retain(key), kept);
      }
    }
  }

  private record(kind: RiskKind, attribute: string | undefined, identity: ObjectIdentity, example: Omit<RiskyExample, 'identity'>): void {
    const key = `${kind}\u0000${attribute ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { kind, count: 0, examples: [] };
      if (attribute !== undefined && (kind === 'sensitive-attribute' || kind === 'proxy-address-removal')) group.attribute = attribute;
      this.groups.set(key, group);
    }
    group.count += 1;
    if (group.examples.length < this.sampleSize) {
      const kept: RiskyExample = { identity: compactIdentity(identity), detail: retain(example.detail) };
      if (example.attribute !== undefined) kept.attribute = example.attribute;
      if (example.before !== undefined) kept.before = retain(example.before);
      if (example.after !== undefined) kept.after = retain(example.after);
      group.examples.push(kept);
    }
  }

  /** Groups in a fixed order: kind, then attribute. */
  finish(): RiskyChangeGroup[] {
    return sortRiskGroups([...this.groups.values()]);
  }
}

const KIND_ORDER: RiskKind[] = ['anchor-flip', 'delete-add', 'sensitive-attribute', 'proxy-address-removal'];

export function sortRiskGroups(groups: RiskyChangeGroup[]): RiskyChangeGroup[] {
  return groups.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.attribute ?? '').localeCompare(b.attribute ?? '', 'en'));
}
