import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  readXml
} from "./chunk-MI3TJSFR.js";
import {
  InputError
} from "./chunk-AS5RQRXU.js";

// src/exports/retain.ts
function retain(value) {
  if (value === void 0 || value.length < 13) return value;
  return Buffer.from(value, "utf8").toString("utf8");
}

// src/exports/risk.ts
var MAX_FLIP_INDEX = 5e5;
var PROXY_ADDRESSES = "proxyaddresses";
function compactIdentity(identity) {
  const copy = { id: retain(identity.id), objectType: identity.objectType, dn: retain(identity.dn), operation: identity.operation };
  for (const key of ["upn", "displayName", "sourceAnchor", "alias", "primarySmtp", "onPremisesSamAccountName", "mail"]) {
    const value = identity[key];
    if (value !== void 0) copy[key] = retain(value);
  }
  return copy;
}
var RiskTracker = class {
  constructor(sensitiveAttributes, sampleSize) {
    this.sampleSize = sampleSize;
    this.sensitive = new Set(sensitiveAttributes.map((name) => name.toLowerCase()));
  }
  groups = /* @__PURE__ */ new Map();
  /** Lower-cased UPN/mail -> sourceAnchor, of the deletes and of the adds seen so far. */
  deletedBy = /* @__PURE__ */ new Map();
  addedBy = /* @__PURE__ */ new Map();
  sensitive;
  observe(operation, getIdentity, changes) {
    if (operation === "update" || operation === "replace") {
      for (const change2 of changes) {
        const lower = change2.name.toLowerCase();
        if (!this.sensitive.has(lower)) continue;
        const identity = getIdentity();
        if (lower === PROXY_ADDRESSES) {
          if (change2.removed === 0) continue;
          const removed = change2.removedValues.length > 0 ? change2.removedValues.join(", ") : `${change2.removed} value(s)`;
          this.record("proxy-address-removal", change2.name, identity, {
            attribute: change2.name,
            before: change2.removedValues[0],
            detail: `${change2.name} removed: ${removed}`
          });
          continue;
        }
        const after = change2.modification === "Delete" ? "(cleared)" : change2.after ?? "(value not kept)";
        this.record("sensitive-attribute", change2.name, identity, {
          attribute: change2.name,
          before: change2.before,
          after: change2.modification === "Delete" ? void 0 : change2.after,
          detail: change2.before !== void 0 ? `${change2.name} ${change2.before} -> ${after}` : `${change2.name} -> ${after}`
        });
      }
    } else if (operation === "delete-add") {
      this.record("delete-add", void 0, getIdentity(), { detail: "deleted in Entra ID, then created anew (delete-add)" });
    } else if (operation === "delete") {
      this.index(getIdentity(), this.deletedBy, this.addedBy, true);
    } else if (operation === "add") {
      this.index(getIdentity(), this.addedBy, this.deletedBy, false);
    }
  }
  /**
   * The anchor-flip index keeps, per lower-cased UPN/mail of each delete and add, only the sourceAnchor (about
   * 100 bytes an entry): a whole identity per object made peak memory grow with the file.
   */
  index(identity, own, other, isDelete) {
    let matched = false;
    for (let k = 0; k < 2; k++) {
      const attribute = k === 0 ? "userPrincipalName" : "mail";
      const value = k === 0 ? identity.upn : identity.mail;
      if (!value) continue;
      const key = `${k}${value.toLowerCase()}`;
      const otherAnchor = other.get(key);
      if (otherAnchor !== void 0) {
        if (matched) continue;
        matched = true;
        const before = isDelete ? identity.sourceAnchor : otherAnchor || void 0;
        const after = isDelete ? otherAnchor || void 0 : identity.sourceAnchor;
        this.record("anchor-flip", void 0, identity, {
          attribute,
          before,
          after,
          detail: `deleted and added again with the same ${attribute} ${value}: sourceAnchor ${before ?? "(unknown)"} -> ${after ?? "(unknown)"}`
        });
      } else if (own.size < MAX_FLIP_INDEX && !own.has(key)) {
        own.set(retain(key), retain(identity.sourceAnchor ?? ""));
      }
    }
  }
  record(kind, attribute, identity, example) {
    const key = `${kind}\0${attribute ?? ""}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { kind, count: 0, examples: [] };
      if (attribute !== void 0 && (kind === "sensitive-attribute" || kind === "proxy-address-removal")) group.attribute = attribute;
      this.groups.set(key, group);
    }
    group.count += 1;
    if (group.examples.length < this.sampleSize) {
      const kept = { identity: compactIdentity(identity), detail: retain(example.detail) };
      if (example.attribute !== void 0) kept.attribute = example.attribute;
      if (example.before !== void 0) kept.before = retain(example.before);
      if (example.after !== void 0) kept.after = retain(example.after);
      group.examples.push(kept);
    }
  }
  /** Groups in a fixed order: kind, then attribute. delete-add is a risk on the Entra ID connector only. */
  finish(entraConnector) {
    return sortRiskGroups([...this.groups.values()].filter((group) => entraConnector || group.kind !== "delete-add"));
  }
};
var KIND_ORDER = ["anchor-flip", "delete-add", "sensitive-attribute", "proxy-address-removal"];
function sortRiskGroups(groups) {
  return groups.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.attribute ?? "").localeCompare(b.attribute ?? "", "en"));
}

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
function change(attribute, deltaOperation, synchronized) {
  const values = attribute.values;
  const modification = modificationOf(attribute.operation, deltaOperation);
  let added = 0;
  let removed = 0;
  const removedValues = [];
  const hasValueOperations = values.some((v) => v.operation !== void 0);
  if (hasValueOperations) {
    for (const v of values) {
      if (v.operation === "delete") {
        removed += 1;
        if (v.value !== void 0) removedValues.push(v.value);
      } else {
        added += 1;
      }
    }
  } else if (attribute.operation === "delete") {
    removed = synchronized?.length || values.length || 1;
    if (synchronized) removedValues.push(...synchronized);
  } else if (synchronized && (deltaOperation === "replace" || attribute.operation === "replace")) {
    if (sameValues(values.map((v) => v.value), synchronized)) return void 0;
    const before = new Set(synchronized);
    const after = new Set(values.map((v) => v.value ?? ""));
    for (const v of after) if (!before.has(v)) added += 1;
    for (const v of before) {
      if (!after.has(v)) {
        removed += 1;
        removedValues.push(v);
      }
    }
  } else {
    added = values.length;
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
    removedValues
  };
}
function changedAttributes(record) {
  const delta = record.pending;
  if (!delta || delta.operation === "delete" || delta.operation === "none") return [];
  const synchronized = record.holograms.synchronized;
  const result = [];
  for (const attribute of delta.attributes) {
    const before = delta.operation === "add" || delta.operation === "delete-add" ? void 0 : synchronized?.get(attribute.name);
    const changed = change(attribute, delta.operation, before);
    if (changed) result.push(changed);
  }
  return result;
}

// src/exports/connector.ts
var UNKNOWN_KIND_NOTE = "connector kind unknown: judged as Entra ID for the threshold; name it with --connector or in snapshot.json";
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
  finish() {
    if (this.declared) return { kind: this.declared.kind, source: this.declared.source };
    if (this.content) return { kind: this.content.kind, source: "content" };
    if (isEntraConnectorName(this.ref.connector)) return { kind: "entra", source: "file-name" };
    return { kind: "unknown", source: "none", note: UNKNOWN_KIND_NOTE };
  }
};
function judgedAsEntra(kind) {
  return kind !== "other";
}

// src/exports/identity.ts
var IDENTITY_ATTRIBUTES = ["userPrincipalName", "displayName", "sourceAnchor", "alias", "onPremisesSamAccountName", "mail"];
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
  const [upn, displayName, sourceAnchor, alias, sam, mail] = IDENTITY_ATTRIBUTES.map((name) => first(holograms, record, name));
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
  return identity;
}
function identityLabel(identity) {
  return identity.displayName ?? identity.upn ?? identity.mail ?? identity.dn;
}

// src/exports/types.ts
var EXPORTS_SCHEMA_VERSION = 1;
var DELTA_OPERATIONS = ["add", "update", "replace", "delete", "delete-add", "none"];
var DEFAULT_DELETION_THRESHOLD = 500;
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

// src/exports/summarize.ts
var DEFAULT_SAMPLE_SIZE = 20;
function deletionThreshold(deletes, applies, options) {
  const configured = options.configuredThreshold;
  const protection = configured ? { protectionEnabled: configured.enabled } : {};
  if (options.deletionThreshold !== void 0) {
    const limit = options.deletionThreshold;
    return { limit, source: "option", deletes, exceeded: applies && deletes > limit, applies, ...protection };
  }
  if (configured) {
    return { limit: configured.limit, source: "configuration", deletes, exceeded: applies && configured.enabled && deletes > configured.limit, applies, ...protection };
  }
  return { limit: DEFAULT_DELETION_THRESHOLD, source: "default", deletes, exceeded: applies && deletes > DEFAULT_DELETION_THRESHOLD, applies };
}
function copyIdentity(identity) {
  const copy = { ...identity };
  for (const key of Object.keys(copy)) {
    const value = copy[key];
    if (typeof value === "string") copy[key] = retain(value);
  }
  return copy;
}
var SummaryBuilder = class {
  constructor(ref, file, options) {
    this.file = file;
    this.options = options;
    this.deleteSampleSize = options.deleteSampleSize ?? DEFAULT_SAMPLE_SIZE;
    this.risk = new RiskTracker(options.sensitiveAttributes ?? DEFAULT_SENSITIVE_ATTRIBUTES, options.riskySampleSize ?? DEFAULT_SAMPLE_SIZE);
    this.kind = new ConnectorKindTracker(options.entraConnector && !ref.declaredKind ? { ...ref, declaredKind: { kind: "entra", source: "option" } } : ref);
    this.summary = emptySummary(ref.connector, [file], { kind: "unknown", source: "none" }, options);
  }
  summary;
  risk;
  kind;
  deleteSampleSize;
  thresholdDeletes = 0;
  /**
   * Adds one object. Returns its changed attributes (the CSV view reuses them) or undefined when nothing is pending.
   * Throws an InputError at the object when the file's connector kind cannot be trusted.
   */
  add(record) {
    const conflict = this.kind.observe(record);
    if (conflict) throw new InputError(this.file, conflict, record.position);
    const s = this.summary;
    s.oversizedValues += record.oversizedValues;
    if (record.escrowed) s.otherExports.escrowed += 1;
    if (record.unconfirmed) s.otherExports.unconfirmed += 1;
    const delta = record.pending;
    let identity;
    const getIdentity = () => identity ??= identityOf(record);
    if (record.error) {
      const name = record.error.errorName;
      s.errors[name] = (s.errors[name] ?? 0) + 1;
      if (s.errorSample.length < this.deleteSampleSize) {
        const example = { identity: copyIdentity(getIdentity()), errorName: retain(name) };
        if (record.error.errorType !== void 0) example.errorType = record.error.errorType;
        if (record.error.detail !== void 0) example.detail = retain(record.error.detail);
        if (record.error.firstOccurred !== void 0) example.firstOccurred = record.error.firstOccurred;
        if (record.error.retryCount !== void 0 && !Number.isNaN(record.error.retryCount)) example.retryCount = record.error.retryCount;
        s.errorSample.push(example);
      }
    }
    if (!delta || delta.operation === "none") return void 0;
    const operation = delta.operation;
    s.objects += 1;
    s.operations[operation] = (s.operations[operation] ?? 0) + 1;
    const byType = s.objectTypes[record.objectType] ??= {};
    byType[operation] = (byType[operation] ?? 0) + 1;
    const changes = changedAttributes(record);
    for (const change2 of changes) {
      s.attributes[change2.name] = (s.attributes[change2.name] ?? 0) + 1;
      if (change2.multivalued) {
        const counts = s.multiValued[change2.name] ??= { added: 0, removed: 0 };
        counts.added += change2.added;
        counts.removed += change2.removed;
      }
    }
    if (delta.newDn !== void 0 && delta.newDn !== delta.dn) {
      s.renames += 1;
      if (s.renameSample.length < this.deleteSampleSize) s.renameSample.push({ identity: copyIdentity(getIdentity()), newDn: retain(delta.newDn) });
    }
    if (operation === "delete") {
      s.deletes.count += 1;
      if (s.deletes.sample.length < this.deleteSampleSize) s.deletes.sample.push(copyIdentity(getIdentity()));
    }
    if (operation === "delete" || operation === "delete-add") this.thresholdDeletes += 1;
    this.risk.observe(operation, getIdentity, changes);
    return { identity: getIdentity, changes };
  }
  finish() {
    const s = this.summary;
    const kind = this.kind.finish();
    const applies = judgedAsEntra(kind.kind);
    s.connectorKind = kind;
    s.isEntraConnector = kind.kind === "entra";
    s.risky = this.risk.finish(applies);
    s.threshold = deletionThreshold(applies ? this.thresholdDeletes : 0, applies, this.options);
    return s;
  }
};
function emptySummary(connector, files, connectorKind, options) {
  return {
    schemaVersion: EXPORTS_SCHEMA_VERSION,
    connector,
    files,
    isEntraConnector: connectorKind.kind === "entra",
    connectorKind,
    objects: 0,
    operations: {},
    objectTypes: {},
    attributes: {},
    multiValued: {},
    renames: 0,
    renameSample: [],
    errors: {},
    errorSample: [],
    deletes: { count: 0, sample: [] },
    risky: [],
    threshold: deletionThreshold(0, judgedAsEntra(connectorKind.kind), options),
    otherExports: { escrowed: 0, unconfirmed: 0 },
    oversizedValues: 0
  };
}

// src/exports/aggregate.ts
function addCounts(into, from) {
  for (const [key, value] of Object.entries(from)) if (value !== void 0) into[key] = (into[key] ?? 0) + value;
}
function bounded(into, from, size) {
  for (const item of from) {
    if (into.length >= size) return;
    into.push(item);
  }
}
function aggregateSummaries(connectors, options = {}) {
  const sampleSize = options.deleteSampleSize ?? DEFAULT_SAMPLE_SIZE;
  const riskySampleSize = options.riskySampleSize ?? DEFAULT_SAMPLE_SIZE;
  const kinds = new Set(connectors.map((c) => c.connectorKind.kind));
  const kind = kinds.has("entra") ? "entra" : kinds.has("unknown") ? "unknown" : "other";
  const total = { ...emptySummary("total", connectors.flatMap((c) => c.files), { kind, source: "connectors" }, options), connectors };
  const risky = /* @__PURE__ */ new Map();
  let thresholdDeletes = 0;
  for (const c of connectors) {
    total.objects += c.objects;
    addCounts(total.operations, c.operations);
    for (const [type, counts] of Object.entries(c.objectTypes)) addCounts(total.objectTypes[type] ??= {}, counts);
    addCounts(total.attributes, c.attributes);
    for (const [name, counts] of Object.entries(c.multiValued)) {
      const into = total.multiValued[name] ??= { added: 0, removed: 0 };
      into.added += counts.added;
      into.removed += counts.removed;
    }
    total.renames += c.renames;
    bounded(total.renameSample, c.renameSample, sampleSize);
    addCounts(total.errors, c.errors);
    bounded(total.errorSample, c.errorSample, sampleSize);
    total.deletes.count += c.deletes.count;
    bounded(total.deletes.sample, c.deletes.sample, sampleSize);
    for (const group of c.risky) {
      const key = `${group.kind}\0${group.attribute ?? ""}`;
      const into = risky.get(key);
      if (!into) risky.set(key, { ...group, examples: group.examples.slice(0, riskySampleSize) });
      else {
        into.count += group.count;
        bounded(into.examples, group.examples, riskySampleSize);
      }
    }
    if (c.threshold.applies) thresholdDeletes += c.threshold.deletes;
    total.otherExports.escrowed += c.otherExports.escrowed;
    total.otherExports.unconfirmed += c.otherExports.unconfirmed;
    total.oversizedValues += c.oversizedValues;
  }
  total.risky = sortRiskGroups([...risky.values()]);
  total.threshold = deletionThreshold(thresholdDeletes, connectors.some((c) => c.threshold.applies), options);
  if (connectors.some((c) => c.threshold.exceeded)) total.threshold.exceeded = true;
  return total;
}

// src/exports/parse.ts
var DEFAULT_MAX_VALUE_LENGTH = 64 * 1024;
var HOLOGRAMS = {
  "synchronized-hologram": "synchronized",
  "unapplied-export-hologram": "unapplied-export",
  "escrowed-export-hologram": "escrowed-export",
  "unconfirmed-export-hologram": "unconfirmed-export",
  "pending-import-hologram": "pending-import"
};
var OPERATIONS = new Set(DELTA_OPERATIONS);
var IDENTITY_ATTRIBUTES2 = /* @__PURE__ */ new Set(["userPrincipalName", "displayName", "sourceAnchor", "alias", "onPremisesSamAccountName", "mail", "proxyAddresses"]);
function csObjectHandler(context, onObject, maxValueLength) {
  let depth = 0;
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
  return {
    open(name, attributes) {
      depth += 1;
      if (depth === 2) {
        if (name !== "cs-object") return;
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
          oversizedValues: 0
        };
        return;
      }
      if (!object || depth < 3) return;
      if (depth === 3) {
        sectionDepth = 3;
        switch (name) {
          case "unapplied-export":
            section = 1 /* Pending */;
            return;
          case "escrowed-export":
            section = 2 /* Escrowed */;
            object.escrowed = true;
            return;
          case "unconfirmed-export":
            section = 3 /* Unconfirmed */;
            object.unconfirmed = true;
            return;
          case "pending-import":
            section = 4 /* OtherDelta */;
            return;
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
            return;
          default: {
            const kind = HOLOGRAMS[name];
            if (kind) {
              section = 5 /* Hologram */;
              keepAllHologram = kind === "synchronized";
              hologram = /* @__PURE__ */ new Map();
              object.holograms[kind] = hologram;
            } else {
              section = 0 /* None */;
            }
            return;
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
              values: []
            };
          } else if (depth === 6 && attribute && (name === "value" || name === "dn-value")) {
            const op = attributes.operation;
            valueOperation = op === "add" ? "add" : op === "delete" ? "delete" : void 0;
            if (attributes.encoding !== void 0) attribute.encoding = attributes.encoding;
          }
          return;
        case 5 /* Hologram */:
          if (depth === 5 && (name === "attr" || name === "dn-attr")) {
            const key = attributes.name ?? "";
            if (!keepAllHologram && !IDENTITY_ATTRIBUTES2.has(key)) {
              hologramValues = void 0;
              return;
            }
            hologramValues = hologram.get(key);
            if (!hologramValues) {
              hologramValues = [];
              hologram.set(key, hologramValues);
            }
          }
          return;
        default:
          return;
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
            attribute.values.push({ operation: valueOperation, value: keep(text, textLength) });
          } else if (closing === 6 && name === "value" && attribute) {
            attribute.values.push({ operation: valueOperation, value: keep(text, textLength) });
          } else if (closing === 5 && attribute) {
            delta.attributes.push(attribute);
            attribute = void 0;
          }
          return;
        case 5 /* Hologram */:
          if (hologramValues && (closing === 6 && name === "value" || closing === 7 && name === "dn")) {
            const value = keep(text, textLength);
            if (value !== void 0) hologramValues.push(value);
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
  return readXml(stream, file, (context) => csObjectHandler(context, onObject, maxValueLength), {
    roots: ["cs-objects"],
    maxTextLength: maxValueLength,
    onBytes: options.onBytes
  });
}

// src/exports/summary-cache.ts
var SummaryCache = class {
  constructor(maxEntries) {
    this.maxEntries = maxEntries;
  }
  #entries = /* @__PURE__ */ new Map();
  get size() {
    return this.#entries.size;
  }
  clear() {
    this.#entries.clear();
  }
  /** The summary under `key`, computed by `analyze` when missing. Callers get their own copy. */
  async summary(key, analyze) {
    let pending = this.#entries.get(key);
    if (pending) {
      this.#entries.delete(key);
    } else {
      pending = analyze();
      pending.catch(() => {
        if (this.#entries.get(key) === pending) this.#entries.delete(key);
      });
    }
    this.#entries.set(key, pending);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
    return structuredClone(await pending);
  }
};

// src/exports/analyze.ts
async function analyzeExportStream(stream, file, connector, options = {}) {
  const ref = typeof connector === "string" ? { connector } : connector;
  const builder = new SummaryBuilder(ref, file, options);
  let objects = 0;
  const { onChange, onObject, onBytes } = options;
  await parseCsExport(
    stream,
    file,
    (record) => {
      objects += 1;
      const added = builder.add(record);
      if (added && onChange) onChange({ connector: ref.connector, record, identity: added.identity(), changes: added.changes });
      if (onObject) onObject(file, objects);
    },
    { maxValueLength: options.maxValueLength, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : void 0 }
  );
  return builder.finish();
}
var SHARED_SUMMARY_CACHE = new SummaryCache(64);
async function analyzeExportFiles(source, files, options = {}, cache = SHARED_SUMMARY_CACHE) {
  const summaries = [];
  const unreadable = [];
  const cacheable = !Object.values(options).some((value) => typeof value === "function");
  for (const ref of files) {
    const file = source.describe(ref.path);
    const analyze = async () => analyzeExportStream(await source.open(ref.path), file, ref, options);
    try {
      const contentId = cacheable ? await source.contentId?.(ref.path) : void 0;
      if (contentId === void 0) {
        summaries.push(await analyze());
        continue;
      }
      const summary = await cache.summary(JSON.stringify([contentId, { connector: ref.connector, connectorSource: ref.connectorSource, declaredKind: ref.declaredKind }, options]), analyze);
      summaries.push({ ...summary, files: [file] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unreadable.push(error);
    }
  }
  return { ...summaries.length > 0 ? { report: aggregateSummaries(summaries, options) } : {}, unreadable };
}

export {
  DELTA_OPERATIONS,
  DEFAULT_DELETION_THRESHOLD,
  ENTRA_CONNECTOR_ID,
  identityOf,
  identityLabel,
  aggregateSummaries,
  parseCsExport,
  analyzeExportStream,
  analyzeExportFiles
};
