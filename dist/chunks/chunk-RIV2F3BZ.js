import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_VALUE_LENGTH,
  DELTA_OPERATIONS,
  DetachedTempFile,
  changedAttributes,
  csObjectHandler,
  identityOf,
  isEntraConnectorName,
  valueCapsOf
} from "./chunk-SY3FYCIP.js";
import {
  MANIFEST_FILE,
  dict,
  inflationOptions,
  isSnapshotFolder,
  joinPath,
  listSnapshotExports,
  readManifest,
  readXml,
  retain
} from "./chunk-FQ37H2IA.js";
import {
  InputError,
  isInputError
} from "./chunk-XGP4FN77.js";

// src/impact/target.ts
function normalizeDn(dn) {
  return dn.trim().toLowerCase().replace(/\s*(?<!\\)([,=+;])\s*/g, (_, separator) => separator === ";" ? "," : separator);
}
function targetKey(dn) {
  const key = normalizeDn(dn);
  return key === "" ? void 0 : retain(key);
}
function namesAConnector(files, name) {
  const wanted = name.toLowerCase();
  return files.some((ref) => ref.connector.toLowerCase().includes(wanted));
}
function connectorMatchName(name, nameMap = {}) {
  const entries = Object.entries(nameMap).filter(([from]) => from !== "").sort((a, b) => b[0].length - a[0].length);
  let mapped = name.trim();
  if (entries.length > 0) {
    const pattern = new RegExp(entries.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
    const lookup = new Map(entries.map(([from, to]) => [from.toLowerCase(), to]));
    mapped = mapped.replace(pattern, (match) => lookup.get(match.toLowerCase()) ?? match);
  }
  return mapped.toLowerCase();
}

// src/impact/spool.ts
import { readSync, writeSync } from "node:fs";
var FLUSH_AT = 1 << 20;
var FileDetailSpool = class {
  file;
  fd;
  pending = [];
  pendingBytes = 0;
  written = 0;
  constructor(detach) {
    this.file = new DetachedTempFile("syncstage-impact-", detach);
    this.fd = this.file.fd;
  }
  /** The temporary folder still on disk (where the open file could not be detached), until dispose(). */
  get leftBehind() {
    return this.file.leftBehind;
  }
  put(text) {
    const length = Buffer.byteLength(text, "utf8");
    const at = this.written + this.pendingBytes;
    this.pending.push(text);
    this.pendingBytes += length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
    return { at, length };
  }
  get(at, length) {
    this.flush();
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, buffer, read, length - read, at + read);
      if (n === 0) throw new Error(`detail spool: short read at ${at}`);
      read += n;
    }
    return buffer.toString("utf8");
  }
  flush() {
    if (this.pendingBytes === 0) return;
    const data = Buffer.from(this.pending.join(""), "utf8");
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.written + done);
    this.written += data.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
  /** Safe to call more than once (the pairing disposes of it, and so does the CLI's exit cleanup). */
  dispose() {
    this.pending = [];
    this.pendingBytes = 0;
    this.file.close();
  }
};

// src/impact/classes.ts
function emptyClass() {
  return { count: 0, operations: dict(), byConnector: dict(), objects: [] };
}
function countInto(into, connector, objectType, operation) {
  into.count += 1;
  into.operations[operation] = (into.operations[operation] ?? 0) + 1;
  const types = into.byConnector[connector] ??= dict();
  const counts = types[objectType] ??= dict();
  counts[operation] = (counts[operation] ?? 0) + 1;
}
function emptyNewSinceBase() {
  return { count: 0, operations: dict(), objects: [] };
}
function countNew(into, operation, object, sampleSize) {
  into.count += 1;
  into.operations[operation] = (into.operations[operation] ?? 0) + 1;
  if (object && into.objects.length < sampleSize) into.objects.push(object());
}
function switchCounts(impact) {
  const ops = (name) => (impact.stagingOnly.operations[name] ?? 0) + (impact.different.operations[name] ?? 0);
  return {
    changes: impact.stagingOnly.count + impact.different.count,
    adds: ops("add"),
    updates: ops("update") + ops("replace"),
    deletes: ops("delete"),
    deleteAdds: ops("delete-add"),
    different: impact.different.count
  };
}

// src/impact/details.ts
var MAX_VALUES_SHOWN = 5;
function bounded(values, into, field) {
  const kept = values.filter((value) => value !== void 0);
  const shown = kept.slice(0, MAX_VALUES_SHOWN).map((value) => retain(value));
  const omitted = values.length - shown.length;
  if (shown.length > 0) into[field] = shown;
  if (omitted > 0) into.omitted = (into.omitted ?? 0) + omitted;
}
function exportDetails(record) {
  const delta = record.pending;
  if (!delta) throw new Error("exportDetails: the record has no pending export");
  const identity = identityOf(record);
  const changed = new Set(changedAttributes(record).map((change) => change.name));
  const synchronized = record.holograms.synchronized;
  const changes = [];
  if (delta.operation !== "delete") {
    for (const attribute of delta.attributes) {
      if (!changed.has(attribute.name)) continue;
      const change = { attribute: retain(attribute.name), modification: attribute.operation ?? delta.operation };
      const before = delta.operation === "add" || delta.operation === "delete-add" ? void 0 : synchronized?.get(attribute.name);
      if (before && before.length > 0) bounded(before, change, "old");
      const byValue = attribute.values.some((value) => value.operation !== void 0);
      if (byValue) {
        const added = attribute.values.filter((value) => value.operation !== "delete").map((value) => value.value);
        const removed = attribute.values.filter((value) => value.operation === "delete").map((value) => value.value);
        if (added.length > 0) bounded(added, change, "added");
        if (removed.length > 0) bounded(removed, change, "removed");
      } else if (attribute.operation !== "delete") {
        bounded(attribute.values.map((value) => value.value), change, "new");
      }
      changes.push(change);
    }
  }
  const serverExport = { operation: delta.operation, changes };
  if (delta.newDn !== void 0 && delta.newDn !== delta.dn) serverExport.newDn = retain(delta.newDn);
  const details = { dn: retain(delta.dn), objectType: retain(record.objectType), export: serverExport };
  if (identity.displayName !== void 0) details.displayName = retain(identity.displayName);
  if (identity.upn !== void 0) details.upn = retain(identity.upn);
  return details;
}

// src/impact/digest.ts
import { createHash } from "node:crypto";
var SEPARATOR = "\0";
function canonicalChange(delta) {
  let oversized;
  let capped;
  const attributes = delta.attributes.map((attribute) => {
    if (attribute.cappedAdded + attribute.cappedRemoved > 0) capped ??= attribute.name;
    const values = attribute.values.map((value) => {
      if (value.value === void 0) oversized ??= attribute.name;
      const text = value.value === void 0 ? "" : attribute.reference ? normalizeDn(value.value) : value.value;
      return `${value.operation ?? ""}:${text}`;
    });
    values.sort();
    return `${attribute.name.toLowerCase()}${attribute.operation ?? ""}${values.join("")}`;
  });
  attributes.sort();
  const newDn = delta.newDn !== void 0 && delta.newDn !== delta.dn ? normalizeDn(delta.newDn) : "";
  return { text: [delta.operation, newDn, ...attributes].join(SEPARATOR), oversized, capped };
}
function changeDigest(delta) {
  const { text, oversized, capped } = canonicalChange(delta);
  const digest = createHash("sha1").update(text).digest();
  if (oversized !== void 0) return { digest, uncomparable: `a value of ${oversized} is over the size cap` };
  if (capped !== void 0) return { digest, uncomparable: `${capped} has more values than are kept per attribute or object` };
  return { digest };
}
function hash(text) {
  return createHash("sha1").update(text).digest("base64");
}

// src/impact/active-store.ts
var DIGEST_BYTES = 20;
var PERSISTENT = 1;
var MATCHED = 2;
var STAGING_SEEN = 4;
var STAGING_ONLY_SLOT = -1;
var ActiveStore = class {
  slots = /* @__PURE__ */ new Map();
  capacity = 1024;
  count = 0;
  digests = Buffer.alloc(this.capacity * DIGEST_BYTES);
  at = new Float64Array(this.capacity);
  length = new Uint32Array(this.capacity);
  operation = new Uint8Array(this.capacity);
  flags = new Uint8Array(this.capacity);
  type = new Uint16Array(this.capacity);
  types = [];
  typeIndex = /* @__PURE__ */ new Map();
  uncomparable = /* @__PURE__ */ new Map();
  anchors = /* @__PURE__ */ new Map();
  has(key) {
    return this.slots.has(key);
  }
  /** The slot of a key: a number >= 0, STAGING_ONLY_SLOT, or undefined when the key was never seen. */
  slotOf(key) {
    return this.slots.get(key);
  }
  markStagingOnly(key) {
    this.slots.set(key, STAGING_ONLY_SLOT);
  }
  add(key, entry) {
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    entry.digest.copy(this.digests, slot * DIGEST_BYTES, 0, DIGEST_BYTES);
    this.at[slot] = entry.at;
    this.length[slot] = entry.length;
    this.operation[slot] = DELTA_OPERATIONS.indexOf(entry.operation);
    let type = this.typeIndex.get(entry.objectType);
    if (type === void 0) {
      type = this.types.length;
      this.types.push(entry.objectType);
      this.typeIndex.set(entry.objectType, type);
    }
    this.type[slot] = type;
    this.flags[slot] = entry.persistent ? PERSISTENT : 0;
    if (entry.uncomparable !== void 0) this.uncomparable.set(slot, entry.uncomparable);
    if (entry.anchor !== void 0) this.anchors.set(slot, entry.anchor);
    this.slots.set(key, slot);
  }
  sameDigest(slot, digest) {
    return this.digests.compare(digest, 0, DIGEST_BYTES, slot * DIGEST_BYTES, (slot + 1) * DIGEST_BYTES) === 0;
  }
  match(slot) {
    this.flags[slot] = this.flags[slot] | MATCHED;
  }
  markStagingSeen(slot) {
    this.flags[slot] = this.flags[slot] | STAGING_SEEN;
  }
  read(slot) {
    const flags = this.flags[slot];
    return {
      slot,
      operation: DELTA_OPERATIONS[this.operation[slot]],
      objectType: this.types[this.type[slot]],
      at: this.at[slot],
      length: this.length[slot],
      persistent: (flags & PERSISTENT) !== 0,
      matched: (flags & MATCHED) !== 0,
      stagingSeen: (flags & STAGING_SEEN) !== 0,
      uncomparable: this.uncomparable.get(slot),
      anchor: this.anchors.get(slot)
    };
  }
  /** Keys and slots in insertion (file) order, staging-only marks left out. */
  *activeSlots() {
    for (const entry of this.slots) if (entry[1] !== STAGING_ONLY_SLOT) yield entry;
  }
  grow() {
    const capacity = this.capacity * 2;
    const digests = Buffer.alloc(capacity * DIGEST_BYTES);
    this.digests.copy(digests);
    this.digests = digests;
    const widen = (old, make) => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.at = widen(this.at, (n) => new Float64Array(n));
    this.length = widen(this.length, (n) => new Uint32Array(n));
    this.operation = widen(this.operation, (n) => new Uint8Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.type = widen(this.type, (n) => new Uint16Array(n));
    this.capacity = capacity;
  }
};

// src/impact/capture-skew.ts
var MAX_CAPTURE_SKEW_MINUTES = 60;
function captureSkew(report) {
  const at = (value) => value === void 0 ? Number.NaN : Date.parse(value);
  const active = at(report.active.capturedAt);
  const staging = at(report.staging.capturedAt);
  const unknown = [Number.isNaN(active) ? "the active server's" : void 0, Number.isNaN(staging) ? "the staging server's" : void 0].filter(Boolean);
  if (unknown.length > 0) return { comparable: false, why: `${unknown.join(" and ")} capture time is unknown (capturedAt in snapshot.json)` };
  const minutes = Math.round(Math.abs(active - staging) / 6e4);
  if (minutes > MAX_CAPTURE_SKEW_MINUTES) return { comparable: false, why: `the snapshots were captured ${describeMinutes(minutes)} apart (more than ${MAX_CAPTURE_SKEW_MINUTES} minutes: not after the same sync cycle)` };
  return { comparable: true, minutes };
}
function describeMinutes(minutes) {
  if (minutes < 120) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours < 48 ? `${Math.round(hours * 10) / 10} hours` : `${Math.round(hours / 24)} days`;
}

// src/impact/types.ts
var IMPACT_SCHEMA_VERSION = 1;
var PAIRED_OPERATIONS = ["add", "update", "replace", "delete", "delete-add"];

// src/impact/pair.ts
var DEFAULT_IMPACT_SAMPLE_SIZE = 20;
async function pairSwitchImpact(source, inputs) {
  const sampleSize = inputs.sampleSize ?? DEFAULT_IMPACT_SAMPLE_SIZE;
  const connectors = pairConnectors(source, inputs);
  const baseSets = inputs.base ? {
    active: await baseSet(source, inputs.base.active, inputs.active, connectors, inputs, true),
    staging: await baseSet(source, inputs.base.staging, inputs.staging, connectors, inputs, false)
  } : void 0;
  const impact = { stagingOnly: emptyClass(), same: emptyClass(), different: emptyClass(), activeOnly: emptyClass() };
  const persistent = { stagingOnly: 0, same: 0, different: 0, activeOnly: 0 };
  const newSince = { active: emptyNewSinceBase(), staging: emptyNewSinceBase() };
  const spool = (inputs.spool ?? (() => new FileDetailSpool()))();
  const store = new ActiveStore();
  const activeAnchors = /* @__PURE__ */ new Map();
  const stagingAnchors = /* @__PURE__ */ new Set();
  const connectorOf = (index) => connectors.pairs[index];
  const activeDetails = (entry) => JSON.parse(spool.get(entry.at, entry.length));
  const keyed = (key, digest) => hash(key + "\0" + digest.toString("base64"));
  try {
    for (const ref of inputs.active.files) {
      const index = connectors.activeIndex.get(ref.path);
      await readPending(inputs.active.source ?? source, ref, inputs, (record, context) => {
        const key = keyOf(record, context, index);
        if (store.has(key)) context.fail(`a second pending export to ${record.pending?.dn} on connector "${ref.connector}": the pairing needs one per object`);
        const { digest, uncomparable } = changeDigest(record.pending);
        const details = exportDetails(record);
        const where = spool.put(JSON.stringify(details));
        const isPersistent = baseSets ? baseSets.active.has(keyed(key, digest)) : false;
        const operation = record.pending.operation;
        const anchor = record.pending.anchor;
        if (anchor !== void 0) {
          const anchorKey = retain(`${index}\0${anchor}`);
          if (activeAnchors.has(anchorKey)) context.fail(`a second pending export with the anchor ${anchor} on connector "${ref.connector}": the pairing needs one per object`);
          activeAnchors.set(anchorKey, key);
        }
        store.add(key, { digest, at: where.at, length: where.length, objectType: details.objectType, operation, uncomparable, persistent: isPersistent, anchor: anchor === void 0 ? void 0 : retain(anchor) });
        if (baseSets && !isPersistent) countNew(newSince.active, operation, () => objectFrom(connectorOf(index).connector, details, "active"), sampleSize);
      });
    }
    for (const ref of inputs.staging.files) {
      const index = connectors.stagingIndex.get(ref.path);
      const connector = connectorOf(index).connector;
      await readPending(inputs.staging.source ?? source, ref, inputs, (record, context) => {
        const key = keyOf(record, context, index);
        const delta = record.pending;
        const own = store.slotOf(key);
        const atDn = own === void 0 || own === STAGING_ONLY_SLOT ? void 0 : store.read(own);
        if (own === STAGING_ONLY_SLOT || atDn?.stagingSeen) {
          return context.fail(`a second pending export to ${delta.dn} on connector "${ref.connector}": the pairing needs one per object`);
        }
        if (delta.anchor !== void 0) {
          const anchorKey = `${index}\0${delta.anchor}`;
          if (stagingAnchors.has(anchorKey)) return context.fail(`a second pending export with the anchor ${delta.anchor} on connector "${ref.connector}": the pairing needs one per object`);
          stagingAnchors.add(retain(anchorKey));
        }
        if (own === void 0) store.markStagingOnly(key);
        else store.markStagingSeen(own);
        const entry = pairedWith(store, activeAnchors, atDn, index, delta.anchor);
        const { digest, uncomparable } = changeDigest(delta);
        const isPersistent = baseSets ? baseSets.staging.has(keyed(key, digest)) : false;
        const operation = delta.operation;
        const objectType = record.objectType;
        let className;
        if (entry === void 0) {
          className = "stagingOnly";
        } else {
          store.match(entry.slot);
          className = uncomparable === void 0 && entry.uncomparable === void 0 && store.sameDigest(entry.slot, digest) ? "same" : "different";
        }
        const classPersistent = isPersistent && (entry === void 0 || entry.persistent);
        if (classPersistent) persistent[className] += 1;
        const into = impact[className];
        countInto(into, connector, objectType, operation);
        const build = () => {
          const details = exportDetails(record);
          const object = objectFrom(connector, details, "staging");
          if (entry !== void 0 && className === "different") {
            object.active = activeDetails(entry).export;
            const reason = uncomparable ?? entry.uncomparable;
            if (reason !== void 0) object.uncomparable = reason;
          }
          if (baseSets) object.persistent = classPersistent;
          return object;
        };
        if (into.objects.length < sampleSize) into.objects.push(build());
        inputs.onExport?.(className, build);
        if (baseSets && !isPersistent) countNew(newSince.staging, operation, () => objectFrom(connector, exportDetails(record), "staging"), sampleSize);
      });
    }
    for (const [key, slot] of store.activeSlots()) {
      const entry = store.read(slot);
      if (entry.matched) continue;
      const connector = connectorOf(Number.parseInt(key.slice(0, key.indexOf("\0")), 10)).connector;
      countInto(impact.activeOnly, connector, entry.objectType, entry.operation);
      if (entry.persistent) persistent.activeOnly += 1;
      const build = () => {
        const object = objectFrom(connector, activeDetails(entry), "active");
        if (baseSets) object.persistent = entry.persistent;
        return object;
      };
      if (impact.activeOnly.objects.length < sampleSize) impact.activeOnly.objects.push(build());
      inputs.onExport?.("activeOnly", build);
    }
  } finally {
    spool.dispose();
  }
  if (baseSets) impact.persistent = persistent;
  const report = {
    schemaVersion: IMPACT_SCHEMA_VERSION,
    active: describeSide(source, inputs.active),
    staging: describeSide(source, inputs.staging),
    connectors: connectors.pairs,
    switchImpact: impact,
    sampleSize,
    notes: notes(inputs, impact)
  };
  if (inputs.base) {
    report.base = { active: describeSide(source, inputs.base.active), staging: describeSide(source, inputs.base.staging) };
    report.newSinceBase = newSince;
  }
  return report;
}
function notes(inputs, impact) {
  const list = [];
  const skew = captureSkew({ active: inputs.active, staging: inputs.staging });
  if (!skew.comparable) {
    list.push(`Captured apart: ${skew.why}. An export in "same" may have been sent by one server since; the failover gate counts the deletes in "same" toward the threshold too.`);
  }
  if (!inputs.base) {
    list.push(`${inputs.baseMissing ?? "No base snapshots"}: transient exports (which the next sync cycle exports or clears anyway) cannot be told apart from persistent ones.`);
  }
  if (impact.activeOnly.count > 0) {
    list.push("activeOnly exports are changes the active server would make that the staging server will not: after the switch they may be lost, unless the staging server already holds them.");
  }
  return list;
}
function describeSide(source, side) {
  const server = { snapshot: side.snapshot, files: side.files.map((ref) => (side.source ?? source).describe(ref.path)) };
  if (side.server !== void 0) server.server = side.server;
  if (side.capturedAt !== void 0) server.capturedAt = side.capturedAt;
  return server;
}
function objectFrom(connector, details, side) {
  const object = { connector, objectType: details.objectType, dn: details.dn, operation: details.export.operation };
  if (details.displayName !== void 0) object.displayName = details.displayName;
  if (details.upn !== void 0) object.upn = details.upn;
  object[side] = details.export;
  return object;
}
function pairedWith(store, activeAnchors, atDn, connectorIndex, anchor) {
  if (atDn && !atDn.matched && (atDn.anchor === void 0 || anchor === void 0 || atDn.anchor === anchor)) return atDn;
  if (anchor === void 0) return void 0;
  const byAnchor = activeAnchors.get(`${connectorIndex}\0${anchor}`);
  const slot = byAnchor === void 0 ? void 0 : store.slotOf(byAnchor);
  if (slot === void 0 || slot === STAGING_ONLY_SLOT) return void 0;
  const found = store.read(slot);
  return found.matched ? void 0 : found;
}
function keyOf(record, context, connectorIndex) {
  const key = targetKey(record.pending?.dn ?? "");
  if (key === void 0) context.fail(`a pending export without a DN (cs-object ${record.id}): it cannot be paired with the other server's`);
  return `${connectorIndex}\0${key}`;
}
async function readPending(source, ref, inputs, onPending) {
  const file = source.describe(ref.path);
  const maxValueLength = inputs.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  const onBytes = inputs.onBytes;
  await readXml(
    await source.open(ref.path),
    file,
    (context) => csObjectHandler(
      context,
      (record) => {
        if (record.pending && record.pending.operation !== "none") onPending(record, context);
      },
      maxValueLength,
      valueCapsOf(inputs.limits)
    ),
    { roots: ["cs-objects"], maxTextLength: maxValueLength, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : void 0, ...inflationOptions(inputs.limits) }
  );
}
var EVERYTHING = { has: () => true };
async function baseSet(source, side, head, connectors, inputs, active) {
  if (await sameBytes(side.source ?? source, side, head.source ?? source, head)) return EVERYTHING;
  const byName = new Map(connectors.pairs.map((pair, index) => [pair.connector.toLowerCase(), index]));
  const set = /* @__PURE__ */ new Set();
  for (const ref of side.files) {
    const index = byName.get(connectorMatchName(ref.connector, active ? inputs.nameMap : {}));
    if (index === void 0) continue;
    await readPending(side.source ?? source, ref, inputs, (record, context) => {
      set.add(hash(keyOf(record, context, index) + "\0" + changeDigest(record.pending).digest.toString("base64")));
    });
  }
  return set;
}
async function sameBytes(baseSource, base, headSource, head) {
  if (!baseSource.contentId || !headSource.contentId || base.files.length !== head.files.length) return false;
  const ids = async (from, side) => {
    const list = await Promise.all(side.files.map(async (ref) => `${ref.connector.trim().toLowerCase()}\0${await from.contentId?.(ref.path) ?? ""}`));
    return list.sort();
  };
  const [baseIds, headIds] = [await ids(baseSource, base), await ids(headSource, head)];
  return baseIds.every((id, index) => !id.endsWith("\0") && id === headIds[index]);
}
function pairConnectors(source, inputs) {
  if (inputs.active.files.length === 0) throw new InputError(inputs.active.snapshot, "the active server's snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers' exports");
  if (inputs.staging.files.length === 0) throw new InputError(inputs.staging.snapshot, "the staging server's snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers' exports");
  const pairs = [];
  const byName = /* @__PURE__ */ new Map();
  const stagingIndex = /* @__PURE__ */ new Map();
  for (const ref of inputs.staging.files) {
    const name = connectorMatchName(ref.connector);
    let index = byName.get(name);
    if (index === void 0) {
      index = pairs.length;
      byName.set(name, index);
      pairs.push({ connector: retain(ref.connector.trim()), isEntraConnector: isEntraConnectorName(ref.connector) });
    }
    stagingIndex.set(ref.path, index);
  }
  const activeIndex = /* @__PURE__ */ new Map();
  const paired = /* @__PURE__ */ new Set();
  for (const ref of inputs.active.files) {
    const matchName = connectorMatchName(ref.connector, inputs.nameMap);
    const index = byName.get(matchName);
    if (index === void 0) {
      const mapped = matchName !== ref.connector.trim().toLowerCase() ? ` (looked for as "${matchName}" after the name map)` : "";
      throw new InputError(
        source.describe(ref.path),
        `the active server has an export file for connector "${ref.connector}"${mapped} but the staging server has none (its connectors: ${pairs.map((pair2) => `"${pair2.connector}"`).join(", ")}): export it there too, or map its name with --map ACTIVE=STAGING`
      );
    }
    activeIndex.set(ref.path, index);
    paired.add(index);
    const pair = pairs[index];
    if (ref.connector.trim() !== pair.connector) pair.activeName = ref.connector.trim();
  }
  for (const [index, pair] of pairs.entries()) {
    if (!paired.has(index)) {
      const ref = inputs.staging.files.find((file) => stagingIndex.get(file.path) === index);
      throw new InputError(
        source.describe(ref.path),
        `the staging server has an export file for connector "${pair.connector}" but the active server has none: export it there too, or map its name with --map ACTIVE=STAGING`
      );
    }
  }
  return { pairs, stagingIndex, activeIndex };
}

// src/impact/side.ts
async function loadImpactSide(source, root, role) {
  const where = source.describe(root || ".");
  if (await source.kind(root) !== "dir" || !await isSnapshotFolder(source, root)) {
    throw new InputError(where, `no server snapshot here (snapshot.json, exports/): expected the ${role} server's snapshot folder`);
  }
  const manifest = await readManifest(source, root);
  if (manifest?.role !== void 0 && manifest.role !== role) {
    throw new InputError(source.describe(joinPath(root, MANIFEST_FILE)), `snapshot.json of the ${role} server says role "${manifest.role}": are the active and the staging server swapped?`);
  }
  const files = await listSnapshotExports(source, root, manifest);
  if (files.length === 0) {
    throw new InputError(where, `the ${role} server's snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers' exports (csexport "<connector>" exports/<connector>.xml /f:x on the ${role} server)`);
  }
  const side = { snapshot: where, files };
  if (manifest?.server !== void 0) side.server = manifest.server;
  if (manifest?.capturedAt !== void 0) side.capturedAt = manifest.capturedAt;
  return side;
}
async function loadImpactSides(source, activeRoot, stagingRoot) {
  const active = await loadImpactSide(source, activeRoot, "active");
  const staging = await loadImpactSide(source, stagingRoot, "staging");
  if (active.server !== void 0 && staging.server !== void 0 && active.server.toLowerCase() === staging.server.toLowerCase()) {
    throw new InputError(
      source.describe(joinPath(stagingRoot, MANIFEST_FILE)),
      `snapshot.json of the staging server says server "${staging.server}", as does the active server's (${source.describe(joinPath(activeRoot, MANIFEST_FILE))}): the same server given as both sides?`
    );
  }
  return { active, staging };
}
function impactSideOf(source, snapshot) {
  const side = { snapshot: source.describe(snapshot.root || "."), files: snapshot.exportFiles };
  if (snapshot.manifest?.server !== void 0) side.server = snapshot.manifest.server;
  if (snapshot.manifest?.capturedAt !== void 0) side.capturedAt = snapshot.manifest.capturedAt;
  return side;
}
async function switchImpactOfSnapshots(source, active, staging, options = {}) {
  if (active.exportFiles.length === 0) return void 0;
  const baseSource = options.base;
  const inputs = { active: impactSideOf(source, active), staging: impactSideOf(source, staging), ...options.nameMap ? { nameMap: options.nameMap } : {}, ...options.limits ? { limits: options.limits } : {} };
  if (!baseSource) return pairSwitchImpact(source, inputs);
  const base = await baseSides(baseSource, active.root, staging.root);
  if (typeof base === "string") return pairSwitchImpact(source, { ...inputs, baseMissing: base });
  try {
    return await pairSwitchImpact(source, { ...inputs, base });
  } catch (error) {
    const baseFiles = new Set([...base.active.files, ...base.staging.files].map((ref) => baseSource.describe(ref.path)));
    if (!isInputError(error) || !baseFiles.has(error.file)) throw error;
    return pairSwitchImpact(source, { ...inputs, baseMissing: `The base snapshots could not be read (${error.message})` });
  }
}
async function baseSides(baseSource, activeRoot, stagingRoot) {
  const sides = {};
  for (const [role, root] of [["active", activeRoot], ["staging", stagingRoot]]) {
    try {
      sides[role] = { ...await loadImpactSide(baseSource, root, role), source: baseSource };
    } catch (error) {
      if (!isInputError(error)) throw error;
      return `No usable base snapshot of the ${role} server at ${baseSource.describe(root || ".")} (${error.reason})`;
    }
  }
  return sides;
}

export {
  switchCounts,
  PAIRED_OPERATIONS,
  namesAConnector,
  captureSkew,
  FileDetailSpool,
  pairSwitchImpact,
  loadImpactSides,
  switchImpactOfSnapshots
};
