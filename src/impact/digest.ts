/**
 * A pending export's change reduced to a digest: what is compared between the servers, so that neither side's
 * parsed objects are kept. Noise does not reach the digest: attribute order, value order in multi-valued
 * attributes, attribute-name case and the case of DN values (dn-attr values and the rename target).
 */
import { createHash } from 'node:crypto';
import type { DeltaRecord } from '../exports/parse.js';
import { normalizeDn } from './target.js';

export interface ChangeDigest {
  /** SHA-1 over the canonical change (20 bytes). */
  digest: Buffer;
  /** Set when a value was over the size cap: the change cannot be compared value by value. */
  uncomparable?: string;
}

const SEPARATOR = '\u0000';

export function canonicalChange(delta: DeltaRecord): { text: string; oversized: string | undefined; capped: string | undefined } {
  let oversized: string | undefined;
  let capped: string | undefined;
  const attributes = delta.attributes.map((attribute) => {
    if (attribute.cappedAdded + attribute.cappedRemoved > 0) capped ??= attribute.name;
    const values = attribute.values.map((value) => {
      if (value.value === undefined) oversized ??= attribute.name;
      const text = value.value === undefined ? '' : attribute.reference ? normalizeDn(value.value) : value.value;
      return `${value.operation ?? ''}:${text}`;
    });
    values.sort();
    return `${attribute.name.toLowerCase()}\u0001${attribute.operation ?? ''}\u0001${values.join('\u0002')}`;
  });
  attributes.sort();
  const newDn = delta.newDn !== undefined && delta.newDn !== delta.dn ? normalizeDn(delta.newDn) : '';
  return { text: [delta.operation, newDn, ...attributes].join(SEPARATOR), oversized, capped };
}

export function changeDigest(delta: DeltaRecord): ChangeDigest {
  const { text, oversized, capped } = canonicalChange(delta);
  const digest = createHash('sha1').update(text).digest();
  if (oversized !== undefined) return { digest, uncomparable: `a value of ${oversized} is over the size cap` };
  if (capped !== undefined) return { digest, uncomparable: `${capped} has more values than are kept per attribute or object` };
  return { digest };
}

/** SHA-1, base64: enough to tell changes apart, small enough to keep one per export (a whole string, not a slice of one). */
export function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
