/**
 * csexport /f:x XML -> one CsObjectRecord per <cs-object>, handed to `onObject` and then dropped: memory is
 * bounded by what one object may keep (ValueCaps: values per attribute and per object; the rest are counted in
 * `cappedValues`), never by the file nor by the largest object. Sits on readXml (strict saxes, encodings, gzip,
 * positions); this module only knows the shape of docs/formats.md §1. Unknown elements are skipped.
 */
import type { Readable } from 'node:stream';
import type { InputPosition } from '../errors.js';
import { inflationOptions, readXml, type XmlContext, type XmlElementHandler, type XmlReadResult } from '../xml/reader.js';
import { readLimitSpec, type ReadLimits } from '../xml/read-limits.js';
import { DELTA_OPERATIONS, type DeltaOperation } from './types.js';

/** One value of an attr/dn-attr in a delta. `value` is undefined when it was over the size cap. */
export interface ValueChange {
  /** The value's own operation inside an `update` attr of a multi-valued attribute. */
  operation: 'add' | 'delete' | undefined;
  value: string | undefined;
}

export interface AttributeChange {
  name: string;
  /** `dn-attr` (reference) or `attr`. */
  reference: boolean;
  multivalued: boolean;
  /** attr/@operation: add, replace, update, delete; undefined inside add/replace deltas. */
  operation: string | undefined;
  type: string | undefined;
  /** base64 for binary values. */
  encoding: string | undefined;
  values: ValueChange[];
  /** Values past the caps (ValueCaps), counted by their own operation, not kept: `delete` ones, the others. */
  cappedRemoved: number;
  cappedAdded: number;
}

export interface DeltaRecord {
  operation: DeltaOperation;
  dn: string;
  newDn: string | undefined;
  /** The delta's `<anchor>` (the connector-space anchor, e.g. base64 of an AD objectGUID), when the file gives one. */
  anchor?: string;
  attributes: AttributeChange[];
}

/** Attribute name -> values, as a hologram holds them (dn-attr values are the DNs). */
export type HologramValues = Map<string, string[]>;

export interface ExportErrorRecord {
  errorName: string;
  errorType: string | undefined;
  errorCode: string | undefined;
  detail: string | undefined;
  firstOccurred: string | undefined;
  retryCount: number | undefined;
}

export type HologramKind = 'synchronized' | 'unapplied-export' | 'escrowed-export' | 'unconfirmed-export' | 'pending-import';

export interface CsObjectRecord {
  id: string;
  objectType: string;
  csDn: string;
  /** The connector's name when the object carries one (`ma-name`, as an attribute or a child element). */
  maName: string | undefined;
  /** Where the `<cs-object>` start tag ends: errors about the whole object point here. */
  position: InputPosition;
  /** The unapplied-export delta: what the next export run sends. */
  pending: DeltaRecord | undefined;
  escrowed: boolean;
  unconfirmed: boolean;
  holograms: Partial<Record<HologramKind, HologramValues>>;
  error: ExportErrorRecord | undefined;
  /** Values over the size cap met in this object (counted, not kept). */
  oversizedValues: number;
  /** Values past the per-attribute or per-object caps met in this object (counted, not kept). */
  cappedValues: number;
}

/** How many values one object keeps: bounds the parser's memory whatever one object holds. */
export interface ValueCaps {
  /** Values kept per attribute (of the delta, or of a hologram). Default 10,000. */
  maxValuesPerAttribute: number;
  /** Values kept per object, all attributes together. Default 50,000. */
  maxValuesPerObject: number;
}

export const DEFAULT_VALUE_CAPS: ValueCaps = {
  maxValuesPerAttribute: readLimitSpec('maxValuesPerAttribute').default,
  maxValuesPerObject: readLimitSpec('maxValuesPerObject').default,
};

/** The value caps a run's limits set, over the defaults. */
export function valueCapsOf(limits: ReadLimits | undefined): ValueCaps {
  return {
    maxValuesPerAttribute: limits?.maxValuesPerAttribute ?? DEFAULT_VALUE_CAPS.maxValuesPerAttribute,
    maxValuesPerObject: limits?.maxValuesPerObject ?? DEFAULT_VALUE_CAPS.maxValuesPerObject,
  };
}

export interface ParseOptions {
  /** Longest value kept, in characters. Longer ones are counted in oversizedValues. Default 64 KiB. */
  maxValueLength?: number;
  /** The value caps (valueCapsOf) and the gzip ceiling (the reader's); unset ones are the defaults. */
  limits?: ReadLimits;
  onBytes?: (bytesRead: number) => void;
}

export const DEFAULT_MAX_VALUE_LENGTH = 64 * 1024;

/**
 * The hologram an element names, or undefined. A switch, not an object or Set lookup: saxes hands over a new string
 * for every tag, and a keyed lookup hashes it each time (measured: the hottest lines of the handler).
 */
function hologramKind(name: string): HologramKind | undefined {
  switch (name) {
    case 'synchronized-hologram':
      return 'synchronized';
    case 'unapplied-export-hologram':
      return 'unapplied-export';
    case 'escrowed-export-hologram':
      return 'escrowed-export';
    case 'unconfirmed-export-hologram':
      return 'unconfirmed-export';
    case 'pending-import-hologram':
      return 'pending-import';
    default:
      return undefined;
  }
}

const enum Section {
  None,
  Pending,
  Escrowed,
  Unconfirmed,
  OtherDelta,
  Hologram,
  Error,
}

const OPERATIONS = new Set<string>(DELTA_OPERATIONS);

/** Hologram attributes kept outside the synchronized hologram: what identities are read from. */
export const IDENTITY_ATTRIBUTES: ReadonlySet<string> = new Set(['userPrincipalName', 'displayName', 'sourceAnchor', 'alias', 'onPremisesSamAccountName', 'mail', 'proxyAddresses', 'onPremisesDistinguishedName']);

/** IDENTITY_ATTRIBUTES.has(name), by comparison rather than hashing a new string per attribute. */
function isIdentityAttribute(name: string): boolean {
  switch (name) {
    case 'userPrincipalName':
    case 'displayName':
    case 'sourceAnchor':
    case 'alias':
    case 'onPremisesSamAccountName':
    case 'mail':
    case 'proxyAddresses':
    case 'onPremisesDistinguishedName':
      return true;
    default:
      return false;
  }
}

/** Builds the element handler; exported for tests and for callers that drive readXml themselves. */
export function csObjectHandler(
  context: XmlContext,
  onObject: (record: CsObjectRecord) => void,
  maxValueLength: number,
  caps: ValueCaps = DEFAULT_VALUE_CAPS,
): XmlElementHandler {
  let depth = 0;
  /** Values kept in the current object, all attributes together. */
  let keptValues = 0;
  let object: CsObjectRecord | undefined;
  let section = Section.None;
  let sectionDepth = 0;
  let hologram: HologramValues | undefined;
  let delta: DeltaRecord | undefined;
  let attribute: AttributeChange | undefined;
  let hologramValues: string[] | undefined;
  let valueOperation: 'add' | 'delete' | undefined;
  let error: ExportErrorRecord | undefined;
  let keepAllHologram = false;

  const keep = (text: string, length: number): string | undefined => {
    if (length > maxValueLength) {
      if (object) object.oversizedValues += 1;
      return undefined;
    }
    return text;
  };
  /** Whether one more value fits under the caps; if not it is counted in the object's cappedValues. */
  const roomFor = (kept: readonly unknown[]): boolean => {
    if (kept.length < caps.maxValuesPerAttribute && keptValues < caps.maxValuesPerObject) {
      keptValues += 1;
      return true;
    }
    if (object) object.cappedValues += 1;
    return false;
  };
  const addValue = (target: AttributeChange, text: string, textLength: number) => {
    if (roomFor(target.values)) target.values.push({ operation: valueOperation, value: keep(text, textLength) });
    else if (valueOperation === 'delete') target.cappedRemoved += 1;
    else target.cappedAdded += 1;
  };

  return {
    // open() returns whether the element's own text is read (close() uses it): saxes copies out no other text.
    open(name, attributes) {
      depth += 1;
      if (depth === 2) {
        if (name !== 'cs-object') return false;
        object = {
          id: attributes.id ?? '',
          objectType: attributes['object-type'] ?? '',
          csDn: attributes['cs-dn'] ?? '',
          maName: attributes['ma-name']?.trim(),
          position: context.position(),
          pending: undefined,
          escrowed: false,
          unconfirmed: false,
          holograms: {},
          error: undefined,
          oversizedValues: 0,
          cappedValues: 0,
        };
        keptValues = 0;
        return false;
      }
      if (!object || depth < 3) return false;
      if (depth === 3) {
        sectionDepth = 3;
        switch (name) {
          case 'unapplied-export':
            section = Section.Pending;
            return false;
          case 'escrowed-export':
            section = Section.Escrowed;
            object.escrowed = true;
            return false;
          case 'unconfirmed-export':
            section = Section.Unconfirmed;
            object.unconfirmed = true;
            return false;
          case 'pending-import':
            section = Section.OtherDelta;
            return false;
          case 'export-errordetail':
            section = Section.Error;
            error = {
              errorName: '',
              errorType: attributes['error-type'],
              errorCode: undefined,
              detail: undefined,
              firstOccurred: attributes['first-occurred'],
              retryCount: attributes['retry-count'] === undefined ? undefined : Number.parseInt(attributes['retry-count'], 10),
            };
            return false;
          default: {
            const kind = hologramKind(name);
            if (kind) {
              section = Section.Hologram;
              keepAllHologram = kind === 'synchronized';
              hologram = new Map();
              object.holograms[kind] = hologram;
              return false;
            }
            section = Section.None;
            // <ma-name> is the one leaf of a cs-object read for its text.
            return name === 'ma-name';
          }
        }
      }
      switch (section) {
        case Section.Pending:
          if (depth === 4 && name === 'delta') {
            const operation = attributes.operation ?? '';
            if (!OPERATIONS.has(operation)) context.fail(`unknown delta operation "${operation}" (expected ${DELTA_OPERATIONS.join(', ')})`);
            delta = { operation: operation as DeltaOperation, dn: attributes.dn ?? object.csDn, newDn: attributes.newdn, attributes: [] };
          } else if (depth === 5 && delta && (name === 'attr' || name === 'dn-attr')) {
            attribute = {
              name: attributes.name ?? '',
              reference: name === 'dn-attr',
              multivalued: attributes.multivalued === 'true',
              operation: attributes.operation,
              type: attributes.type,
              encoding: undefined,
              values: [],
              cappedRemoved: 0,
              cappedAdded: 0,
            };
          } else if (depth === 6 && attribute && (name === 'value' || name === 'dn-value')) {
            const op = attributes.operation;
            valueOperation = op === 'add' ? 'add' : op === 'delete' ? 'delete' : undefined;
            if (attributes.encoding !== undefined) attribute.encoding = attributes.encoding;
            return name === 'value';
          }
          // The delta's own <anchor> pairs objects across servers (impact/pair.ts): its text is kept.
          if (depth === 5 && delta !== undefined && name === 'anchor') return true;
          // <dn-value><dn>...</dn></dn-value>: the DN is the value.
          return depth === 7 && attribute !== undefined && name === 'dn';
        case Section.Hologram:
          if (depth === 5 && (name === 'attr' || name === 'dn-attr')) {
            const key = attributes.name ?? '';
            // Only the synchronized hologram is compared value by value; the others serve identities, so a
            // group's 50,000 members in its unapplied-export-hologram are not kept.
            if (!keepAllHologram && !isIdentityAttribute(key)) {
              hologramValues = undefined;
              return false;
            }
            hologramValues = hologram!.get(key);
            if (!hologramValues) {
              hologramValues = [];
              hologram!.set(key, hologramValues);
            }
            return false;
          }
          return hologramValues !== undefined && ((depth === 6 && name === 'value') || (depth === 7 && name === 'dn'));
        case Section.Error:
          return true;
        default:
          return false;
      }
    },

    close(name, text, textLength) {
      const closing = depth;
      depth -= 1;
      if (!object) return;
      if (closing === 2) {
        if (name === 'cs-object') {
          const done = object;
          object = undefined;
          onObject(done);
        }
        return;
      }
      if (closing === sectionDepth) {
        if (closing === 3 && name === 'ma-name' && text.trim() !== '') object.maName = text.trim();
        if (section === Section.Pending && delta) object.pending = delta;
        if (section === Section.Error && error) {
          if (error.errorName === '') error.errorName = error.errorType ?? 'unknown-error';
          object.error = error;
        }
        section = Section.None;
        sectionDepth = 0;
        delta = undefined;
        hologram = undefined;
        error = undefined;
        return;
      }
      switch (section) {
        case Section.Pending:
          if (closing === 7 && name === 'dn' && attribute) {
            // <dn-value><dn>...</dn></dn-value>: the DN is the value.
            addValue(attribute, text, textLength);
          } else if (closing === 6 && name === 'value' && attribute) {
            addValue(attribute, text, textLength);
          } else if (closing === 5 && attribute) {
            delta!.attributes.push(attribute);
            attribute = undefined;
          } else if (closing === 5 && name === 'anchor' && delta && text.trim() !== '') {
            // A slice of the chunk, like every value here: whoever keeps it past the object copies it (retain.ts).
            const anchor = keep(text.trim(), textLength);
            if (anchor !== undefined) delta.anchor = anchor;
          }
          return;
        case Section.Hologram:
          if (hologramValues && ((closing === 6 && name === 'value') || (closing === 7 && name === 'dn'))) {
            if (roomFor(hologramValues)) {
              const value = keep(text, textLength);
              if (value !== undefined) hologramValues.push(value);
            }
          } else if (closing === 5) {
            hologramValues = undefined;
          }
          return;
        case Section.Error:
          // Both forms: export-status/cd-error/* and the older nested export-error/*: the leaves name themselves.
          switch (name) {
            case 'error-name':
              if (text.trim()) error!.errorName = text.trim();
              return;
            case 'error-literal':
              if (!error!.errorName && text.trim()) error!.errorName = text.trim();
              return;
            case 'error-code':
              error!.errorCode = text.trim();
              return;
            case 'extra-error-details':
            case 'server-error-detail':
              if (text.trim()) error!.detail = keep(text.trim(), textLength);
              return;
            default:
              return;
          }
        default:
          return;
      }
    },
  };
}

/** Parses one csexport file, calling `onObject` for each cs-object in file order. */
export function parseCsExport(
  stream: Readable,
  file: string,
  onObject: (record: CsObjectRecord) => void,
  options: ParseOptions = {},
): Promise<XmlReadResult> {
  const maxValueLength = options.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  const caps = valueCapsOf(options.limits);
  return readXml(stream, file, (context) => csObjectHandler(context, onObject, maxValueLength, caps), {
    roots: ['cs-objects'],
    maxTextLength: maxValueLength,
    onBytes: options.onBytes,
    ...inflationOptions(options.limits),
  });
}
