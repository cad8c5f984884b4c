/**
 * Who a cs-object is. On the Entra ID connector the DN is `CN={hex}`, so the identity comes from the holograms:
 * the object as it will be (unapplied-export-hologram) first, as last confirmed (synchronized-hologram) for
 * deletes and what the first lacks, then the delta's own values (an add without hologram).
 */
import type { CsObjectRecord, HologramValues } from './parse.js';
import type { DeltaOperation, ObjectIdentity } from './types.js';

const IDENTITY_ATTRIBUTES = ['userPrincipalName', 'displayName', 'sourceAnchor', 'alias', 'onPremisesSamAccountName', 'mail'] as const;

function sources(record: CsObjectRecord): HologramValues[] {
  const h = record.holograms;
  const order = record.pending?.operation === 'delete'
    ? [h.synchronized, h['pending-import'], h['unapplied-export']]
    : [h['unapplied-export'], h.synchronized, h['pending-import'], h['escrowed-export'], h['unconfirmed-export']];
  const list = order.filter((x): x is HologramValues => x !== undefined);
  if (record.pending && record.pending.attributes.length > 0) {
    const fromDelta: HologramValues = new Map();
    for (const attribute of record.pending.attributes) {
      const values = attribute.values.filter((v) => v.operation !== 'delete' && v.value !== undefined).map((v) => v.value as string);
      if (values.length > 0) fromDelta.set(attribute.name, values);
    }
    list.push(fromDelta);
  }
  return list;
}

function first(holograms: HologramValues[], name: string): string | undefined {
  for (const hologram of holograms) {
    const values = hologram.get(name);
    if (values && values.length > 0) return values[0];
  }
  return undefined;
}

/** The proxyAddresses value whose prefix is upper-case `SMTP:` (the primary address), without the prefix. */
export function primarySmtp(proxyAddresses: readonly string[] | undefined): string | undefined {
  const primary = proxyAddresses?.find((value) => value.startsWith('SMTP:'));
  return primary?.slice(5);
}

export function identityOf(record: CsObjectRecord): ObjectIdentity {
  const holograms = sources(record);
  const identity: ObjectIdentity = {
    id: record.id,
    objectType: record.objectType,
    dn: record.pending?.dn ?? record.csDn,
    operation: (record.pending?.operation ?? 'none') as DeltaOperation,
  };
  const [upn, displayName, sourceAnchor, alias, sam, mail] = IDENTITY_ATTRIBUTES.map((name) => first(holograms, name));
  if (upn !== undefined) identity.upn = upn;
  if (displayName !== undefined) identity.displayName = displayName;
  if (sourceAnchor !== undefined) identity.sourceAnchor = sourceAnchor;
  if (alias !== undefined) identity.alias = alias;
  for (const hologram of holograms) {
    const smtp = primarySmtp(hologram.get('proxyAddresses'));
    if (smtp !== undefined) {
      identity.primarySmtp = smtp;
      break;
    }
  }
  if (sam !== undefined) identity.onPremisesSamAccountName = sam;
  if (mail !== undefined) identity.mail = mail;
  return identity;
}

/** A short human name for reports: display name, else UPN, else mail, else the DN. */
export function identityLabel(identity: ObjectIdentity): string {
  return identity.displayName ?? identity.upn ?? identity.mail ?? identity.dn;
}
