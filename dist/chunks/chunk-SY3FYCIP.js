import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  inflationOptions,
  readLimitSpec,
  readXml
} from "./chunk-FQ37H2IA.js";

// src/exports/types.ts
var EXPORTS_SCHEMA_VERSION = 1;
var DELTA_OPERATIONS = ["add", "update", "replace", "delete", "delete-add", "none"];
var DEFAULT_DELETION_THRESHOLD = 500;
var JSON_LIST_LIMIT = 5e3;
var DEFAULT_SENSITIVE_ATTRIBUTES = [
  "sourceAnchor",
  "userPrincipalName",
  "onPremisesImmutableId",
  "cloudAnchor",
  "accountEnabled",
  "cloudFiltered",
  "proxyAddresses"
];
var ENTRA_CONNECTOR_ID = "{B891884F-051E-4A83-95AF-2544101C9083}";

// src/exports/identity.ts
var IDENTITY_ATTRIBUTES = ["userPrincipalName", "displayName", "sourceAnchor", "alias", "onPremisesSamAccountName", "mail", "onPremisesDistinguishedName"];
function sources(record) {
  const h = record.holograms;
  const list = [];
  if (record.pending?.operation === "delete") {
    if (h.synchronized) list.push(h.synchronized);
    if (h["pending-import"]) list.push(h["pending-import"]);
    if (h["unapplied-export"]) list.push(h["unapplied-export"]);
  } else {
    if (h["unapplied-export"]) list.push(h["unapplied-export"]);
    if (h.synchronized) list.push(h.synchronized);
    if (h["pending-import"]) list.push(h["pending-import"]);
    if (h["escrowed-export"]) list.push(h["escrowed-export"]);
    if (h["unconfirmed-export"]) list.push(h["unconfirmed-export"]);
  }
  return list;
}
function first(holograms, record, name) {
  for (const hologram of holograms) {
    const values = hologram.get(name);
    if (values && values.length > 0) return values[0];
  }
  const attributes = record.pending?.attributes;
  if (attributes) {
    for (const attribute of attributes) {
      if (attribute.name !== name) continue;
      for (const v of attribute.values) if (v.operation !== "delete" && v.value !== void 0) return v.value;
    }
  }
  return void 0;
}
function primarySmtp(proxyAddresses) {
  const primary = proxyAddresses?.find((value) => value.startsWith("SMTP:"));
  return primary?.slice(5);
}
function identityOf(record) {
  const holograms = sources(record);
  const identity = {
    id: record.id,
    objectType: record.objectType,
    dn: record.pending?.dn ?? record.csDn,
    operation: record.pending?.operation ?? "none"
  };
  const [upn, displayName, sourceAnchor, alias, sam, mail, onPremisesDn] = IDENTITY_ATTRIBUTES.map((name) => first(holograms, record, name));
  if (upn !== void 0) identity.upn = upn;
  if (displayName !== void 0) identity.displayName = displayName;
  if (sourceAnchor !== void 0) identity.sourceAnchor = sourceAnchor;
  if (alias !== void 0) identity.alias = alias;
  for (const hologram of holograms) {
    const smtp = primarySmtp(hologram.get("proxyAddresses"));
    if (smtp !== void 0) {
      identity.primarySmtp = smtp;
      break;
    }
  }
  if (identity.primarySmtp === void 0) {
    const proxy = record.pending?.attributes.find((a) => a.name === "proxyAddresses");
    const smtp = proxy ? primarySmtp(proxy.values.filter((v) => v.operation !== "delete" && v.value !== void 0).map((v) => v.value)) : void 0;
    if (smtp !== void 0) identity.primarySmtp = smtp;
  }
  if (sam !== void 0) identity.onPremisesSamAccountName = sam;
  if (mail !== void 0) identity.mail = mail;
  if (onPremisesDn !== void 0) identity.onPremisesDistinguishedName = onPremisesDn;
  return identity;
}
function identityLabel(identity) {
  return identity.displayName ?? identity.upn ?? identity.mail ?? identity.dn;
}

// src/exports/connector.ts
var UNKNOWN_KIND_NOTES = {
  "option-or-manifest": "connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json",
  manifest: `connector kind unknown: judged as Entra ID for the threshold; name its connector in snapshot.json's "exports" map (the file in that snapshot's exports/ folder)`
};
function isEntraConnectorName(name) {
  return / - AAD$/i.test(name.trim()) || /onmicrosoft\.com/i.test(name) || /\bAAD\b/.test(name);
}
function isEntraConnectorDn(dn) {
  return /^CN=\{[0-9A-F]+\}$/i.test(dn.trim());
}
function kindOfDn(dn) {
  if (dn.trim() === "") return void 0;
  return isEntraConnectorDn(dn) ? "entra" : "other";
}
var KIND_WORDS = { entra: "the Entra ID connector", other: "a connector other than Entra ID" };
function declaredBy(ref) {
  const source = ref.declaredKind?.source;
  if (source === "option") return "--entra";
  if (source === "configuration") return `the server configuration (connector "${ref.connector}")`;
  return ref.connectorSource === "manifest" ? `snapshot.json (connector "${ref.connector}")` : `--connector "${ref.connector}"`;
}
function declaredKind(ref) {
  if (ref.declaredKind) return ref.declaredKind;
  const named = ref.connectorSource ?? "option";
  if (named !== "file-name" && isEntraConnectorName(ref.connector)) return { kind: "entra", source: named };
  return void 0;
}
var ConnectorKindTracker = class {
  constructor(ref) {
    this.ref = ref;
    this.declared = declaredKind(ref);
  }
  declared;
  content;
  /**
   * The reason the file cannot be judged, or undefined when this object is consistent with what came before.
   * Reasons name no DN value: an AD DN holds people's names, and errors are shown even when reports are redacted.
   */
  observe(record) {
    const named = this.ref.connectorSource ?? "option";
    if (record.maName !== void 0 && record.maName !== "") {
      if (named !== "file-name" && record.maName.trim().toLowerCase() !== this.ref.connector.trim().toLowerCase()) {
        const by = named === "manifest" ? "snapshot.json" : "--connector";
        return `the object's ma-name "${record.maName}" differs from the connector name "${this.ref.connector}" given by ${by}: name the right connector for this file`;
      }
      if (isEntraConnectorName(record.maName)) {
        const reason = this.see("entra", `ma-name "${record.maName}" names an Entra ID connector`);
        if (reason) return reason;
      }
    }
    for (const dn of [record.csDn, record.pending?.dn ?? ""]) {
      const kind = kindOfDn(dn);
      if (!kind) continue;
      const reason = this.see(kind, kind === "entra" ? "DN has the Entra ID connector's form CN={hex}" : "DN is not of the Entra ID connector's form CN={hex}");
      if (reason) return reason;
    }
    return void 0;
  }
  see(kind, shows) {
    if (this.content && this.content.kind !== kind) {
      return `this file mixes two connectors: an earlier object's ${this.content.shows}, but this object's ${shows}; export one connector per file (csexport "<connector>" <file> /f:x)`;
    }
    if (this.declared && this.declared.kind !== kind) {
      return `${declaredBy(this.ref)} says ${KIND_WORDS[this.declared.kind]}, but this object's ${shows}: name the right connector for this file`;
    }
    this.content ??= { kind, shows };
    return void 0;
  }
  finish(naming = "option-or-manifest") {
    if (this.declared) return { kind: this.declared.kind, source: this.declared.source };
    if (this.content) return { kind: this.content.kind, source: "content" };
    if (isEntraConnectorName(this.ref.connector)) return { kind: "entra", source: "file-name" };
    return { kind: "unknown", source: "none", note: UNKNOWN_KIND_NOTES[naming] };
  }
};
function judgedAsEntra(kind) {
  return kind !== "other";
}

// src/exports/parse.ts
var DEFAULT_VALUE_CAPS = {
  maxValuesPerAttribute: readLimitSpec("maxValuesPerAttribute").default,
  maxValuesPerObject: readLimitSpec("maxValuesPerObject").default
};
function valueCapsOf(limits) {
  return {
    maxValuesPerAttribute: limits?.maxValuesPerAttribute ?? DEFAULT_VALUE_CAPS.maxValuesPerAttribute,
    maxValuesPerObject: limits?.maxValuesPerObject ?? DEFAULT_VALUE_CAPS.maxValuesPerObject
  };
}
var DEFAULT_MAX_VALUE_LENGTH = 64 * 1024;
function hologramKind(name) {
  switch (name) {
    case "synchronized-hologram":
      return "synchronized";
    case "unapplied-export-hologram":
      return "unapplied-export";
    case "escrowed-export-hologram":
      return "escrowed-export";
    case "unconfirmed-export-hologram":
      return "unconfirmed-export";
    case "pending-import-hologram":
      return "pending-import";
    default:
      return void 0;
  }
}
var OPERATIONS = new Set(DELTA_OPERATIONS);
function isIdentityAttribute(name) {
  switch (name) {
    case "userPrincipalName":
    case "displayName":
    case "sourceAnchor":
    case "alias":
    case "onPremisesSamAccountName":
    case "mail":
    case "proxyAddresses":
    case "onPremisesDistinguishedName":
      return true;
    default:
      return false;
  }
}
function csObjectHandler(context, onObject, maxValueLength, caps = DEFAULT_VALUE_CAPS) {
  let depth = 0;
  let keptValues = 0;
  let object;
  let section = 0 /* None */;
  let sectionDepth = 0;
  let hologram;
  let delta;
  let attribute;
  let hologramValues;
  let valueOperation;
  let error;
  let keepAllHologram = false;
  const keep = (text, length) => {
    if (length > maxValueLength) {
      if (object) object.oversizedValues += 1;
      return void 0;
    }
    return text;
  };
  const roomFor = (kept) => {
    if (kept.length < caps.maxValuesPerAttribute && keptValues < caps.maxValuesPerObject) {
      keptValues += 1;
      return true;
    }
    if (object) object.cappedValues += 1;
    return false;
  };
  const addValue = (target, text, textLength) => {
    if (roomFor(target.values)) target.values.push({ operation: valueOperation, value: keep(text, textLength) });
    else if (valueOperation === "delete") target.cappedRemoved += 1;
    else target.cappedAdded += 1;
  };
  return {
    // open() returns whether the element's own text is read (close() uses it): saxes copies out no other text.
    open(name, attributes) {
      depth += 1;
      if (depth === 2) {
        if (name !== "cs-object") return false;
        object = {
          id: attributes.id ?? "",
          objectType: attributes["object-type"] ?? "",
          csDn: attributes["cs-dn"] ?? "",
          maName: attributes["ma-name"]?.trim(),
          position: context.position(),
          pending: void 0,
          escrowed: false,
          unconfirmed: false,
          holograms: {},
          error: void 0,
          oversizedValues: 0,
          cappedValues: 0
        };
        keptValues = 0;
        return false;
      }
      if (!object || depth < 3) return false;
      if (depth === 3) {
        sectionDepth = 3;
        switch (name) {
          case "unapplied-export":
            section = 1 /* Pending */;
            return false;
          case "escrowed-export":
            section = 2 /* Escrowed */;
            object.escrowed = true;
            return false;
          case "unconfirmed-export":
            section = 3 /* Unconfirmed */;
            object.unconfirmed = true;
            return false;
          case "pending-import":
            section = 4 /* OtherDelta */;
            return false;
          case "export-errordetail":
            section = 6 /* Error */;
            error = {
              errorName: "",
              errorType: attributes["error-type"],
              errorCode: void 0,
              detail: void 0,
              firstOccurred: attributes["first-occurred"],
              retryCount: attributes["retry-count"] === void 0 ? void 0 : Number.parseInt(attributes["retry-count"], 10)
            };
            return false;
          default: {
            const kind = hologramKind(name);
            if (kind) {
              section = 5 /* Hologram */;
              keepAllHologram = kind === "synchronized";
              hologram = /* @__PURE__ */ new Map();
              object.holograms[kind] = hologram;
              return false;
            }
            section = 0 /* None */;
            return name === "ma-name";
          }
        }
      }
      switch (section) {
        case 1 /* Pending */:
          if (depth === 4 && name === "delta") {
            const operation = attributes.operation ?? "";
            if (!OPERATIONS.has(operation)) context.fail(`unknown delta operation "${operation}" (expected ${DELTA_OPERATIONS.join(", ")})`);
            delta = { operation, dn: attributes.dn ?? object.csDn, newDn: attributes.newdn, attributes: [] };
          } else if (depth === 5 && delta && (name === "attr" || name === "dn-attr")) {
            attribute = {
              name: attributes.name ?? "",
              reference: name === "dn-attr",
              multivalued: attributes.multivalued === "true",
              operation: attributes.operation,
              type: attributes.type,
              encoding: void 0,
              values: [],
              cappedRemoved: 0,
              cappedAdded: 0
            };
          } else if (depth === 6 && attribute && (name === "value" || name === "dn-value")) {
            const op = attributes.operation;
            valueOperation = op === "add" ? "add" : op === "delete" ? "delete" : void 0;
            if (attributes.encoding !== void 0) attribute.encoding = attributes.encoding;
            return name === "value";
          }
          if (depth === 5 && delta !== void 0 && name === "anchor") return true;
          return depth === 7 && attribute !== void 0 && name === "dn";
        case 5 /* Hologram */:
          if (depth === 5 && (name === "attr" || name === "dn-attr")) {
            const key = attributes.name ?? "";
            if (!keepAllHologram && !isIdentityAttribute(key)) {
              hologramValues = void 0;
              return false;
            }
            hologramValues = hologram.get(key);
            if (!hologramValues) {
              hologramValues = [];
              hologram.set(key, hologramValues);
            }
            return false;
          }
          return hologramValues !== void 0 && (depth === 6 && name === "value" || depth === 7 && name === "dn");
        case 6 /* Error */:
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
        if (name === "cs-object") {
          const done = object;
          object = void 0;
          onObject(done);
        }
        return;
      }
      if (closing === sectionDepth) {
        if (closing === 3 && name === "ma-name" && text.trim() !== "") object.maName = text.trim();
        if (section === 1 /* Pending */ && delta) object.pending = delta;
        if (section === 6 /* Error */ && error) {
          if (error.errorName === "") error.errorName = error.errorType ?? "unknown-error";
          object.error = error;
        }
        section = 0 /* None */;
        sectionDepth = 0;
        delta = void 0;
        hologram = void 0;
        error = void 0;
        return;
      }
      switch (section) {
        case 1 /* Pending */:
          if (closing === 7 && name === "dn" && attribute) {
            addValue(attribute, text, textLength);
          } else if (closing === 6 && name === "value" && attribute) {
            addValue(attribute, text, textLength);
          } else if (closing === 5 && attribute) {
            delta.attributes.push(attribute);
            attribute = void 0;
          } else if (closing === 5 && name === "anchor" && delta && text.trim() !== "") {
            const anchor = keep(text.trim(), textLength);
            if (anchor !== void 0) delta.anchor = anchor;
          }
          return;
        case 5 /* Hologram */:
          if (hologramValues && (closing === 6 && name === "value" || closing === 7 && name === "dn")) {
            if (roomFor(hologramValues)) {
              const value = keep(text, textLength);
              if (value !== void 0) hologramValues.push(value);
            }
          } else if (closing === 5) {
            hologramValues = void 0;
          }
          return;
        case 6 /* Error */:
          switch (name) {
            case "error-name":
              if (text.trim()) error.errorName = text.trim();
              return;
            case "error-literal":
              if (!error.errorName && text.trim()) error.errorName = text.trim();
              return;
            case "error-code":
              error.errorCode = text.trim();
              return;
            case "extra-error-details":
            case "server-error-detail":
              if (text.trim()) error.detail = keep(text.trim(), textLength);
              return;
            default:
              return;
          }
        default:
          return;
      }
    }
  };
}
function parseCsExport(stream, file, onObject, options = {}) {
  const maxValueLength = options.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  const caps = valueCapsOf(options.limits);
  return readXml(stream, file, (context) => csObjectHandler(context, onObject, maxValueLength, caps), {
    roots: ["cs-objects"],
    maxTextLength: maxValueLength,
    onBytes: options.onBytes,
    ...inflationOptions(options.limits)
  });
}

// src/files/detached-temp-file.ts
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
var detachNow = (file, folder) => {
  unlinkSync(file);
  rmdirSync(folder);
};
var DetachedTempFile = class {
  /** Read and write through this descriptor only: the file has no name once detached. */
  fd;
  folder;
  closed = false;
  constructor(prefix, detach = detachNow) {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    const file = path.join(folder, "spool");
    this.fd = openSync(file, "w+", 384);
    this.folder = folder;
    try {
      detach(file, folder);
      this.folder = void 0;
    } catch {
    }
  }
  /** The folder still on disk when the open file could not be removed; undefined once detached or closed. */
  get leftBehind() {
    return this.folder;
  }
  /** Closes the descriptor and removes what is left on disk. Safe to call more than once. */
  close() {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    if (this.folder !== void 0) {
      rmSync(this.folder, { recursive: true, force: true });
      this.folder = void 0;
    }
  }
};

// src/exports/changes.ts
function sameValues(a, b) {
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0] === b[0];
  const sorted = [...b].sort();
  const other = a.map((v) => v ?? "").sort();
  return sorted.every((v, i) => v === other[i]);
}
function modificationOf(operation, deltaOperation) {
  if (operation === "delete") return "Delete";
  if (operation === "add") return "Add";
  if (operation === "replace" || operation === "update") return "Update";
  return deltaOperation === "replace" ? "Update" : "Add";
}
function change(attribute, deltaOperation, synchronized, capped) {
  const values = attribute.values;
  const cappedValues = attribute.cappedAdded + attribute.cappedRemoved;
  const modification = modificationOf(attribute.operation, deltaOperation);
  let added = 0;
  let removed = 0;
  const removedValues = [];
  const addedValues = [];
  const hasValueOperations = values.some((v) => v.operation !== void 0);
  if (hasValueOperations) {
    for (const v of values) {
      if (v.operation === "delete") {
        removed += 1;
        if (v.value !== void 0) removedValues.push(v.value);
      } else {
        added += 1;
        if (v.value !== void 0) addedValues.push(v.value);
      }
    }
    added += attribute.cappedAdded;
    removed += attribute.cappedRemoved;
  } else if (attribute.operation === "delete") {
    removed = synchronized?.length || values.length + cappedValues || 1;
    if (synchronized) removedValues.push(...synchronized);
  } else if (synchronized && !capped && (deltaOperation === "replace" || attribute.operation === "replace") && values.length === 1 && synchronized.length === 1) {
    const before = synchronized[0];
    const after = values[0].value;
    if (after === before) return void 0;
    if ((after ?? "") !== before) {
      added = 1;
      removed = 1;
      removedValues.push(before);
    }
  } else if (synchronized && !capped && (deltaOperation === "replace" || attribute.operation === "replace")) {
    if (sameValues(values.map((v) => v.value), synchronized)) return void 0;
    const before = new Set(synchronized);
    const after = new Set(values.map((v) => v.value ?? ""));
    for (const v of after) {
      if (!before.has(v)) {
        added += 1;
        addedValues.push(v);
      }
    }
    for (const v of before) {
      if (!after.has(v)) {
        removed += 1;
        removedValues.push(v);
      }
    }
  } else {
    added = values.length + cappedValues;
    for (const v of values) if (v.value !== void 0) addedValues.push(v.value);
  }
  const afterValue = values.find((v) => v.operation !== "delete")?.value;
  return {
    name: attribute.name,
    multivalued: attribute.multivalued,
    modification,
    added,
    removed,
    before: synchronized?.[0],
    after: attribute.operation === "delete" ? void 0 : afterValue,
    removedValues,
    addedValues
  };
}
function changedAttributes(record) {
  const delta = record.pending;
  if (!delta || delta.operation === "delete" || delta.operation === "none") return [];
  const synchronized = record.holograms.synchronized;
  const result = [];
  for (const attribute of delta.attributes) {
    const before = delta.operation === "add" || delta.operation === "delete-add" ? void 0 : synchronized?.get(attribute.name);
    const changed = change(attribute, delta.operation, before, record.cappedValues > 0);
    if (changed) result.push(changed);
  }
  return result;
}

export {
  EXPORTS_SCHEMA_VERSION,
  DELTA_OPERATIONS,
  DEFAULT_DELETION_THRESHOLD,
  JSON_LIST_LIMIT,
  DEFAULT_SENSITIVE_ATTRIBUTES,
  ENTRA_CONNECTOR_ID,
  identityOf,
  identityLabel,
  changedAttributes,
  isEntraConnectorName,
  ConnectorKindTracker,
  judgedAsEntra,
  valueCapsOf,
  DEFAULT_MAX_VALUE_LENGTH,
  csObjectHandler,
  parseCsExport,
  DetachedTempFile
};
