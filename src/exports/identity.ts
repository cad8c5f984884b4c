/**
 * Who a cs-object is. On the Entra ID connector the DN is `CN={hex}`, so the identity comes from the holograms:
 * the object as it will be (unapplied-export-hologram) first, as last confirmed (synchronized-hologram) for
 * deletes and what the first lacks, then the delta's own values (an add without hologram).
 */
import type { CsObjectRecord, HologramValues } from './parse.js';
import type { DeltaOperation, ObjectIdentity } from './types.js';

const IDENTITY_ATTRIBUTES = ['userPrincipalName', 'displayName', 'sourceAnchor', 'alias', 'onPremisesSamAccountName', 'mail', 'onPremisesDistinguishedName'] as const;

function sources(record: CsObjectRecord): HologramValues[] {
  const h = record.holograms;
  const list: HologramValues[] = [];
  if (record.pending?.operation === 'delete') {
    if (h.synchronized) list.push(h.synchronized);
    if (h['pending-import']) list.push(h['pending-import']);
    if (h['unapplied-export']) list.push(h['unapplied-export']);
  } else {
    if (h['unapplied-export']) list.push(h['unapplied-export']);
    if (h.synchronized) list.push(h.synchronized);
    if (h['pending-import']) list.push(h['pending-import']);
    if (h['escrowed-export']) list.push(h['escrowed-export']);
    if (h['unconfirmed-export']) list.push(h['unconfirmed-export']);
  }
  return list;
}

/** The first value of an attribute: holograms in order, then the pending delta's own values (an add without hologram). */
function first(holograms: HologramValues[], record: CsObjectRecord, name: string): string | undefined {
  for (const hologram of holograms) {
    const values = hologram.get(name);
    if (values && values.length > 0) return values[0];
  }
  const attributes = record.pending?.attributes;
  if (attributes) {
    for (const attribute of attributes) {
      if (attribute.name !== name) continue;
      for (const v of attribute.values) if (v.operation !== 'delete' && v.value !== undefined) return v.value;
    }
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
  const [upn, displayName, sourceAnchor, alias, sam, mail, onPremisesDn] = IDENTITY_ATTRIBUTES.map((name) => first(holograms, record, name));
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
  if (identity.primarySmtp === undefined) {
    const proxy = record.pending?.attributes.find((a) => a.name === 'proxyAddresses');
    const smtp = proxy ? primarySmtp(proxy.values.filter((v) => v.operation !== 'delete' && v.value !== undefined).map((v) => v.value as string)) : undefined;
    if (smtp !== undefined) identity.primarySmtp = smtp;
  }
  if (sam !== undefined) identity.onPremisesSamAccountName = sam;
  if (mail !== undefined) identity.mail = mail;
  if (onPremisesDn !== undefined) identity.onPremisesDistinguishedName = onPremisesDn;
  return identity;
}

/** A short human name for reports: display name, else UPN, else mail, else the DN. */
export function identityLabel(identity: ObjectIdentity): string {
  return identity.displayName ?? identity.upn ?? identity.mail ?? identity.dn;
}
