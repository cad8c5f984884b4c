import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  ConnectorKindTracker,
  DEFAULT_DELETION_THRESHOLD,
  DEFAULT_SENSITIVE_ATTRIBUTES,
  EXPORTS_SCHEMA_VERSION,
  changedAttributes,
  identityOf,
  judgedAsEntra,
  parseCsExport,
  valueCapsOf
} from "./chunk-SY3FYCIP.js";
import {
  dict,
  raisedBy,
  retain
} from "./chunk-FQ37H2IA.js";
import {
  InputError
} from "./chunk-XGP4FN77.js";

// src/exports/kept-budget.ts
var DEFAULT_KEPT_CHARACTERS = 8 * 1024 * 1024;
var KeptBudget = class {
  constructor(limit = DEFAULT_KEPT_CHARACTERS) {
    this.limit = limit;
  }
  used = 0;
  /** Takes `characters` from the budget when they fit; false (and nothing taken) when they do not. */
  take(characters) {
    if (this.used + characters > this.limit) return false;
    this.used += characters;
    return true;
  }
};
function identityCharacters(identity) {
  let total = 0;
  for (const value of Object.values(identity)) if (typeof value === "string") total += value.length;
  return total;
}

// src/exports/risk.ts
var MAX_FLIP_INDEX = 5e5;
var PROXY_ADDRESSES = "proxyaddresses";
var DETAIL_VALUES = 20;
function compactIdentity(identity) {
  const copy = { id: retain(identity.id), objectType: identity.objectType, dn: retain(identity.dn), operation: identity.operation };
  for (const key of ["upn", "displayName", "sourceAnchor", "alias", "primarySmtp", "onPremisesSamAccountName", "mail"]) {
    const value = identity[key];
    if (value !== void 0) copy[key] = retain(value);
  }
  return copy;
}
var RiskTracker = class {
  constructor(sensitiveAttributes, sampleSize, budget = new KeptBudget()) {
    this.sampleSize = sampleSize;
    this.budget = budget;
    this.sensitive = new Set(sensitiveAttributes.map((name) => name.toLowerCase()));
  }
  /** Kind -> attribute ('' for kinds without one) -> group: no key string joined per risky change. */
  groups = /* @__PURE__ */ new Map();
  /** Lower-cased UPN/mail -> sourceAnchor, of the deletes and of the adds seen so far. */
  deletedBy = /* @__PURE__ */ new Map();
  addedBy = /* @__PURE__ */ new Map();
  sensitive;
  /** Attribute name as written -> its lower-cased name when sensitive, '' when not: one lower-casing per name, not per change. */
  sensitiveByName = /* @__PURE__ */ new Map();
  sensitiveName(name) {
    let lower = this.sensitiveByName.get(name);
    if (lower === void 0) {
      lower = name.toLowerCase();
      if (!this.sensitive.has(lower)) lower = "";
      if (this.sensitiveByName.size < 1e4) this.sensitiveByName.set(retain(name), lower);
    }
    return lower;
  }
  /** Records the object's risks and returns them (empty when it has none). */
  observe(operation, getIdentity, changes) {
    const found = [];
    if (operation === "update" || operation === "replace") {
      for (const change of changes) {
        const lower = this.sensitiveName(change.name);
        if (lower === "") continue;
        if (lower === PROXY_ADDRESSES) {
          if (change.removed === 0) continue;
          found.push({ kind: "proxy-address-removal", attribute: change.name });
          this.record("proxy-address-removal", change.name, getIdentity, () => {
            const named = change.removedValues.slice(0, DETAIL_VALUES).join(", ");
            const rest = change.removed - Math.min(change.removedValues.length, DETAIL_VALUES);
            const removed = named === "" ? `${change.removed} value(s)` : rest > 0 ? `${named} and ${rest} more` : named;
            return { attribute: change.name, before: change.removedValues[0], detail: `${change.name} removed: ${removed}` };
          });
          continue;
        }
        found.push({ kind: "sensitive-attribute", attribute: change.name });
        this.record("sensitive-attribute", change.name, getIdentity, () => {
          const after = change.modification === "Delete" ? "(cleared)" : change.after ?? "(value not kept)";
          return {
            attribute: change.name,
            before: change.before,
            after: change.modification === "Delete" ? void 0 : change.after,
            detail: change.before !== void 0 ? `${change.name} ${change.before} -> ${after}` : `${change.name} -> ${after}`
          };
        });
      }
    } else if (operation === "delete-add") {
      found.push({ kind: "delete-add" });
      this.record("delete-add", void 0, getIdentity, () => ({ detail: "deleted in Entra ID, then created anew (delete-add)" }));
    } else if (operation === "delete") {
      if (this.index(getIdentity(), this.deletedBy, this.addedBy, true)) found.push({ kind: "anchor-flip" });
    } else if (operation === "add") {
      if (this.index(getIdentity(), this.addedBy, this.deletedBy, false)) found.push({ kind: "anchor-flip" });
    }
    return found;
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
        this.record("anchor-flip", void 0, () => identity, () => ({
          attribute,
          before,
          after,
          detail: `deleted and added again with the same ${attribute} ${value}: sourceAnchor ${before ?? "(unknown)"} -> ${after ?? "(unknown)"}`
        }));
      } else if (own.size < MAX_FLIP_INDEX && !own.has(key)) {
        own.set(retain(key), retain(identity.sourceAnchor ?? ""));
      }
    }
    return matched;
  }
  /**
   * Counts the risk in its group and lists the object while the group has room and the budget allows. The identity
   * and the example are built only then: most risky objects of a large file are counted, not listed.
   */
  record(kind, attribute, getIdentity, describe) {
    let ofKind = this.groups.get(kind);
    if (!ofKind) {
      ofKind = /* @__PURE__ */ new Map();
      this.groups.set(kind, ofKind);
    }
    let group = ofKind.get(attribute ?? "");
    if (!group) {
      group = { kind, count: 0, examples: [] };
      if (attribute !== void 0 && (kind === "sensitive-attribute" || kind === "proxy-address-removal")) group.attribute = retain(attribute);
      ofKind.set(retain(attribute ?? ""), group);
    }
    group.count += 1;
    if (group.examples.length >= this.sampleSize) return;
    const identity = getIdentity();
    const example = describe();
    const characters = identityCharacters(identity) + example.detail.length + (example.before?.length ?? 0) + (example.after?.length ?? 0);
    if (this.budget.take(characters)) {
      const kept = { identity: compactIdentity(identity), detail: retain(example.detail) };
      if (example.attribute !== void 0) kept.attribute = retain(example.attribute);
      if (example.before !== void 0) kept.before = retain(example.before);
      if (example.after !== void 0) kept.after = retain(example.after);
      group.examples.push(kept);
    }
  }
  /** Groups in a fixed order: kind, then attribute. delete-add is a risk on the Entra ID connector only. */
  finish(entraConnector) {
    return sortRiskGroups([...this.groups.values()].flatMap((ofKind) => [...ofKind.values()]).filter((group) => entraConnector || group.kind !== "delete-add").map(withOmitted));
  }
};
function withOmitted(group) {
  const { omitted: _previous, ...rest } = group;
  const omitted = group.count - group.examples.length;
  return omitted > 0 ? { ...rest, omitted } : rest;
}
var KIND_ORDER = ["anchor-flip", "delete-add", "sensitive-attribute", "proxy-address-removal"];
function sortRiskGroups(groups) {
  return groups.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.attribute ?? "").localeCompare(b.attribute ?? "", "en"));
}

// src/exports/summarize.ts
var DEFAULT_SAMPLE_SIZE = 20;
function deletionThreshold(deletes, applies, options) {
  const configured = options.configuredThreshold;
  const protection = configured ? { protectionEnabled: configured.enabled } : {};
  if (options.deletionThreshold !== void 0) {
    const limit = options.deletionThreshold;
    const setBy = options.deletionThresholdSetBy !== void 0 ? { setBy: options.deletionThresholdSetBy } : {};
    return { limit, source: "option", ...setBy, deletes, exceeded: applies && deletes > limit, applies, ...protection };
  }
  if (configured) {
    return { limit: configured.limit, source: "configuration", deletes, exceeded: applies && deletes > configured.limit, applies, ...protection };
  }
  const unreadable = options.unreadableThreshold !== void 0 ? { unreadable: options.unreadableThreshold } : {};
  return { limit: DEFAULT_DELETION_THRESHOLD, source: "default", deletes, exceeded: applies && deletes > DEFAULT_DELETION_THRESHOLD, applies, ...unreadable };
}
function copyIdentity(identity) {
  const copy = { ...identity };
  for (const key of Object.keys(copy)) {
    const value = copy[key];
    if (typeof value === "string") copy[key] = retain(value);
  }
  return copy;
}
function deleteContainer(identity) {
  const dn = identity.onPremisesDistinguishedName ?? (/^CN=\{[0-9A-F]+\}$/i.test(identity.dn) ? void 0 : identity.dn);
  return dn === void 0 ? "" : parentDn(dn);
}
var MAX_DELETE_CONTAINERS = 1e3;
var OTHER_CONTAINERS = "(other containers)";
function countContainer(containers, container) {
  if (containers[container] === void 0 && Object.keys(containers).length >= MAX_DELETE_CONTAINERS) container = OTHER_CONTAINERS;
  else if (containers[container] === void 0) container = retain(container);
  containers[container] = (containers[container] ?? 0) + 1;
}
function parentDn(dn) {
  const match = /^(?:\\.|[^,\\])*,\s*/.exec(dn);
  return match ? dn.slice(match[0].length) : "";
}
var SummaryBuilder = class {
  constructor(ref, file, options) {
    this.file = file;
    this.options = options;
    this.deleteSampleSize = options.deleteSampleSize ?? DEFAULT_SAMPLE_SIZE;
    this.budget = new KeptBudget(options.maxKeptCharacters);
    this.risk = new RiskTracker(options.sensitiveAttributes ?? DEFAULT_SENSITIVE_ATTRIBUTES, options.riskySampleSize ?? DEFAULT_SAMPLE_SIZE, this.budget);
    this.kind = new ConnectorKindTracker(options.entraConnector && !ref.declaredKind ? { ...ref, declaredKind: { kind: "entra", source: "option" } } : ref);
    this.summary = emptySummary(ref.connector, [file], { kind: "unknown", source: "none" }, options);
  }
  summary;
  risk;
  kind;
  deleteSampleSize;
  /** Shared by every list of the summary: the characters they keep together are bounded. */
  budget;
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
    s.cappedValues += record.cappedValues;
    if (record.escrowed) s.otherExports.escrowed += 1;
    if (record.unconfirmed) s.otherExports.unconfirmed += 1;
    const delta = record.pending;
    let identity;
    const getIdentity = () => identity ??= identityOf(record);
    if (record.error) {
      const name = record.error.errorName;
      s.errors[name] = (s.errors[name] ?? 0) + 1;
      if (s.errorSample.length < this.deleteSampleSize && this.budget.take(identityCharacters(getIdentity()) + name.length + (record.error.detail?.length ?? 0))) {
        const example = { identity: copyIdentity(getIdentity()), errorName: retain(name) };
        if (record.error.errorType !== void 0) example.errorType = retain(record.error.errorType);
        if (record.error.detail !== void 0) example.detail = retain(record.error.detail);
        if (record.error.firstOccurred !== void 0) example.firstOccurred = retain(record.error.firstOccurred);
        if (record.error.retryCount !== void 0 && !Number.isNaN(record.error.retryCount)) example.retryCount = record.error.retryCount;
        s.errorSample.push(example);
      }
    }
    if (!delta || delta.operation === "none") return void 0;
    const operation = delta.operation;
    s.objects += 1;
    s.operations[operation] = (s.operations[operation] ?? 0) + 1;
    const byType = s.objectTypes[record.objectType] ??= dict();
    byType[operation] = (byType[operation] ?? 0) + 1;
    const changes = changedAttributes(record);
    for (const change of changes) {
      s.attributes[change.name] = (s.attributes[change.name] ?? 0) + 1;
      if (change.multivalued) {
        const counts = s.multiValued[change.name] ??= { added: 0, removed: 0 };
        counts.added += change.added;
        counts.removed += change.removed;
      }
    }
    if (delta.newDn !== void 0 && delta.newDn !== delta.dn) {
      s.renames += 1;
      if (s.renameSample.length < this.deleteSampleSize && this.budget.take(identityCharacters(getIdentity()) + delta.newDn.length)) s.renameSample.push({ identity: copyIdentity(getIdentity()), newDn: retain(delta.newDn) });
    }
    if (operation === "delete") {
      s.deletes.count += 1;
      const identity2 = getIdentity();
      countContainer(s.deletes.containers ??= /* @__PURE__ */ Object.create(null), deleteContainer(identity2));
      if (s.deletes.sample.length < this.deleteSampleSize && this.budget.take(identityCharacters(identity2))) s.deletes.sample.push(copyIdentity(identity2));
    }
    if (operation === "delete" || operation === "delete-add") this.thresholdDeletes += 1;
    const risks = this.risk.observe(operation, getIdentity, changes);
    return { identity: getIdentity, changes, risks };
  }
  finish() {
    const s = this.summary;
    const kind = this.kind.finish(this.options.connectorNaming);
    const applies = judgedAsEntra(kind.kind);
    s.connectorKind = kind;
    s.isEntraConnector = kind.kind === "entra";
    s.risky = this.risk.finish(applies);
    s.deletes = withDeletesOmitted(s.deletes);
    s.threshold = deletionThreshold(applies ? this.thresholdDeletes : 0, applies, this.options);
    if (s.cappedValues > 0) s.valueCaps = valueCapsReport(this.options.limits);
    return s;
  }
};
function withDeletesOmitted(deletes) {
  const omitted = deletes.count - deletes.sample.length;
  const containers = deletes.containers ? { containers: deletes.containers } : {};
  return omitted > 0 ? { count: deletes.count, sample: deletes.sample, omitted, ...containers } : { count: deletes.count, sample: deletes.sample, ...containers };
}
function valueCapsReport(limits) {
  const caps = valueCapsOf(limits);
  if (limits?.raisedBy?.maxValuesPerAttribute === void 0 && limits?.raisedBy?.maxValuesPerObject === void 0) {
    return { ...caps, raisedBy: 'the max-values-per-attribute and max-values-per-object settings (docs/security.md, "Limits")' };
  }
  const attribute = raisedBy(limits, "maxValuesPerAttribute");
  const object = raisedBy(limits, "maxValuesPerObject");
  return { ...caps, raisedBy: attribute === object ? attribute : `${attribute} and ${object}` };
}
function emptySummary(connector, files, connectorKind, options) {
  return {
    schemaVersion: EXPORTS_SCHEMA_VERSION,
    connector,
    files,
    isEntraConnector: connectorKind.kind === "entra",
    connectorKind,
    objects: 0,
    operations: dict(),
    objectTypes: dict(),
    attributes: dict(),
    multiValued: dict(),
    renames: 0,
    renameSample: [],
    errors: dict(),
    errorSample: [],
    deletes: { count: 0, sample: [] },
    risky: [],
    threshold: deletionThreshold(0, judgedAsEntra(connectorKind.kind), options),
    otherExports: { escrowed: 0, unconfirmed: 0 },
    oversizedValues: 0,
    cappedValues: 0
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
    for (const [type, counts] of Object.entries(c.objectTypes)) addCounts(total.objectTypes[type] ??= dict(), counts);
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
    if (c.deletes.containers) addCounts(total.deletes.containers ??= /* @__PURE__ */ Object.create(null), c.deletes.containers);
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
    total.cappedValues += c.cappedValues;
  }
  const capped = connectors.find((c) => c.valueCaps !== void 0)?.valueCaps;
  if (capped) total.valueCaps = capped;
  total.risky = sortRiskGroups([...risky.values()].map(withOmitted));
  total.deletes = withDeletesOmitted(total.deletes);
  total.threshold = deletionThreshold(thresholdDeletes, connectors.some((c) => c.threshold.applies), options);
  if (connectors.some((c) => c.threshold.exceeded)) total.threshold.exceeded = true;
  return total;
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
      if (added && onChange) onChange({ connector: ref.connector, record, identity: added.identity(), changes: added.changes, risks: added.risks });
      if (onObject) onObject(file, objects);
    },
    { maxValueLength: options.maxValueLength, limits: options.limits, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : void 0 }
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
  valueCapsReport,
  aggregateSummaries,
  analyzeExportStream,
  analyzeExportFiles
};
