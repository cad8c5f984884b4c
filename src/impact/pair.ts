/**
 * pairSwitchImpact: both servers' pending exports paired per object and classified (docs/switch-impact.md).
 *
 * Memory is bounded by what is kept per export, never by the parsed objects: the active server's exports are
 * read first into one slot each (active-store.ts: target key -> digest of the change, operation, object type, where its
 * details wait in the spool); the staging server's exports are then read one at a time and classified on the
 * spot; what is left in the map is activeOnly. Base snapshots, when given, are read first into sets of
 * key+change digests: an export pending in the base and in the head of the same server is persistent.
 */
import { InputError } from '../errors.js';
import { isEntraConnectorName } from '../exports/connector.js';
import { csObjectHandler, DEFAULT_MAX_VALUE_LENGTH, valueCapsOf, type CsObjectRecord } from '../exports/parse.js';
import { retain } from '../exports/retain.js';
import type { DeltaOperation, ExportFileRef } from '../exports/types.js';
import type { FileSource } from '../files/source.js';
import { inflationOptions, readXml, type XmlContext } from '../xml/reader.js';
import type { ReadLimits } from '../xml/read-limits.js';
import { countInto, countNew, emptyClass, emptyNewSinceBase } from './classes.js';
import { exportDetails, type ExportDetails } from './details.js';
import { changeDigest, hash } from './digest.js';
import { ActiveStore, STAGING_ONLY_SLOT, type ActiveSlot } from './active-store.js';
import { captureSkew } from './capture-skew.js';
import { FileDetailSpool, type DetailSpool } from './spool.js';
import { connectorMatchName, targetKey } from './target.js';
import { IMPACT_SCHEMA_VERSION, type ConnectorPair, type ImpactClassName, type ImpactObject, type ImpactServer, type SwitchImpactClasses, type SwitchImpactReport } from './types.js';

export const DEFAULT_IMPACT_SAMPLE_SIZE = 20;

export interface ImpactSide {
  /** The snapshot folder as the source names it. */
  snapshot: string;
  server?: string;
  capturedAt?: string;
  files: ExportFileRef[];
  /** Where the files are read, when not the pairing's source (a base snapshot at the pull request's base commit). */
  source?: FileSource;
}

export interface ImpactInputs {
  active: ImpactSide;
  staging: ImpactSide;
  /** Earlier snapshots of the same two servers (the base commit of a pull request). */
  base?: { active: ImpactSide; staging: ImpactSide };
  /** Why no base was paired, when one was looked for (said in the notes instead of the generic sentence). */
  baseMissing?: string;
  /** Names that differ on purpose: active (primary) name -> staging name, as `syncstage drift --map`. */
  nameMap?: Readonly<Record<string, string>>;
  /** Objects kept per class. Default DEFAULT_IMPACT_SAMPLE_SIZE. */
  sampleSize?: number;
  maxValueLength?: number;
  /** The gzip ceiling and the value caps (src/xml/read-limits.ts); unset ones are the defaults. */
  limits?: ReadLimits;
  /** Where the active server's export details wait; default a temporary file. */
  spool?: () => DetailSpool;
  onBytes?: (file: string, bytesRead: number) => void;
  /** Called for every classified export, in order (the CSV view streams them); `object` builds the details. */
  onExport?: (className: ImpactClassName, object: () => ImpactObject) => void;
}

interface Connectors {
  pairs: ConnectorPair[];
  /** File path -> index into pairs. */
  stagingIndex: Map<string, number>;
  activeIndex: Map<string, number>;
}

export async function pairSwitchImpact(source: FileSource, inputs: ImpactInputs): Promise<SwitchImpactReport> {
  const sampleSize = inputs.sampleSize ?? DEFAULT_IMPACT_SAMPLE_SIZE;
  const connectors = pairConnectors(source, inputs);
  const baseSets = inputs.base
    ? {
        active: await baseSet(source, inputs.base.active, inputs.active, connectors, inputs, true),
        staging: await baseSet(source, inputs.base.staging, inputs.staging, connectors, inputs, false),
      }
    : undefined;
  const impact: SwitchImpactClasses = { stagingOnly: emptyClass(), same: emptyClass(), different: emptyClass(), activeOnly: emptyClass() };
  const persistent: Record<ImpactClassName, number> = { stagingOnly: 0, same: 0, different: 0, activeOnly: 0 };
  const newSince = { active: emptyNewSinceBase(), staging: emptyNewSinceBase() };
  const spool = (inputs.spool ?? (() => new FileDetailSpool()))();
  const store = new ActiveStore();
  /** Connector + the active export's delta anchor -> its target key: pairs an object whose DN differs (a rename one server has seen). */
  const activeAnchors = new Map<string, string>();
  /** Connector + anchor of every staging export that has one: a second is a duplicate, as on the active side. */
  const stagingAnchors = new Set<string>();
  const connectorOf = (index: number) => connectors.pairs[index] as ConnectorPair;
  const activeDetails = (entry: ActiveSlot): ExportDetails => JSON.parse(spool.get(entry.at, entry.length)) as ExportDetails;
  const keyed = (key: string, digest: Buffer) => hash(key + '\u0000' + digest.toString('base64'));

  try {
    for (const ref of inputs.active.files) {
      const index = connectors.activeIndex.get(ref.path) as number;
      await readPending(inputs.active.source ?? source, ref, inputs, (record, context) => {
        const key = keyOf(record, context, index);
        if (store.has(key)) context.fail(`a second pending export to ${record.pending?.dn} on connector "${ref.connector}": the pairing needs one per object`);
        const { digest, uncomparable } = changeDigest(record.pending!);
        const details = exportDetails(record);
        const where = spool.put(JSON.stringify(details));
        const isPersistent = baseSets ? baseSets.active.has(keyed(key, digest)) : false;
        const operation = record.pending!.operation;
        const anchor = record.pending!.anchor;
        if (anchor !== undefined) {
          // A copy: the anchor is a slice of the parser's chunk, and the key outlives it.
          const anchorKey = retain(`${index}\u0000${anchor}`);
          if (activeAnchors.has(anchorKey)) context.fail(`a second pending export with the anchor ${anchor} on connector "${ref.connector}": the pairing needs one per object`);
          activeAnchors.set(anchorKey, key);
        }
        store.add(key, { digest, at: where.at, length: where.length, objectType: details.objectType, operation, uncomparable, persistent: isPersistent, anchor: anchor === undefined ? undefined : retain(anchor) });
        if (baseSets && !isPersistent) countNew(newSince.active, operation, () => objectFrom(connectorOf(index).connector, details, 'active'), sampleSize);
      });
    }

    for (const ref of inputs.staging.files) {
      const index = connectors.stagingIndex.get(ref.path) as number;
      const connector = connectorOf(index).connector;
      await readPending(inputs.staging.source ?? source, ref, inputs, (record, context) => {
        // Its own key (the DN) finds duplicates and tells persistence against its own base; the active export it
        // pairs with may sit under another DN, found by the anchor (pairedWith).
        const key = keyOf(record, context, index);
        const delta = record.pending!;
        const own = store.slotOf(key);
        const atDn = own === undefined || own === STAGING_ONLY_SLOT ? undefined : store.read(own);
        if (own === STAGING_ONLY_SLOT || atDn?.stagingSeen) {
          return context.fail(`a second pending export to ${delta.dn} on connector "${ref.connector}": the pairing needs one per object`);
        }
        if (delta.anchor !== undefined) {
          const anchorKey = `${index}\u0000${delta.anchor}`;
          if (stagingAnchors.has(anchorKey)) return context.fail(`a second pending export with the anchor ${delta.anchor} on connector "${ref.connector}": the pairing needs one per object`);
          stagingAnchors.add(retain(anchorKey));
        }
        if (own === undefined) store.markStagingOnly(key);
        else store.markStagingSeen(own);
        const entry = pairedWith(store, activeAnchors, atDn, index, delta.anchor);
        const { digest, uncomparable } = changeDigest(delta);
        const isPersistent = baseSets ? baseSets.staging.has(keyed(key, digest)) : false;
        const operation = delta.operation;
        const objectType = record.objectType;
        let className: ImpactClassName;
        if (entry === undefined) {
          className = 'stagingOnly';
        } else {
          store.match(entry.slot);
          className = uncomparable === undefined && entry.uncomparable === undefined && store.sameDigest(entry.slot, digest) ? 'same' : 'different';
        }
        const classPersistent = isPersistent && (entry === undefined || entry.persistent);
        if (classPersistent) persistent[className] += 1;
        const into = impact[className];
        countInto(into, connector, objectType, operation);
        const build = (): ImpactObject => {
          const details = exportDetails(record);
          const object = objectFrom(connector, details, 'staging');
          if (entry !== undefined && className === 'different') {
            object.active = activeDetails(entry).export;
            const reason = uncomparable ?? entry.uncomparable;
            if (reason !== undefined) object.uncomparable = reason;
          }
          if (baseSets) object.persistent = classPersistent;
          return object;
        };
        if (into.objects.length < sampleSize) into.objects.push(build());
        inputs.onExport?.(className, build);
        if (baseSets && !isPersistent) countNew(newSince.staging, operation, () => objectFrom(connector, exportDetails(record), 'staging'), sampleSize);
      });
    }

    for (const [key, slot] of store.activeSlots()) {
      const entry = store.read(slot);
      if (entry.matched) continue;
      const connector = connectorOf(Number.parseInt(key.slice(0, key.indexOf('\u0000')), 10)).connector;
      countInto(impact.activeOnly, connector, entry.objectType, entry.operation);
      if (entry.persistent) persistent.activeOnly += 1;
      const build = (): ImpactObject => {
        const object = objectFrom(connector, activeDetails(entry), 'active');
        if (baseSets) object.persistent = entry.persistent;
        return object;
      };
      if (impact.activeOnly.objects.length < sampleSize) impact.activeOnly.objects.push(build());
      inputs.onExport?.('activeOnly', build);
    }
  } finally {
    spool.dispose();
  }

  if (baseSets) impact.persistent = persistent;
  const report: SwitchImpactReport = {
    schemaVersion: IMPACT_SCHEMA_VERSION,
    active: describeSide(source, inputs.active),
    staging: describeSide(source, inputs.staging),
    connectors: connectors.pairs,
    switchImpact: impact,
    sampleSize,
    notes: notes(inputs, impact),
  };
  if (inputs.base) {
    report.base = { active: describeSide(source, inputs.base.active), staging: describeSide(source, inputs.base.staging) };
    report.newSinceBase = newSince;
  }
  return report;
}

function notes(inputs: ImpactInputs, impact: SwitchImpactClasses): string[] {
  const list: string[] = [];
  const skew = captureSkew({ active: inputs.active, staging: inputs.staging });
  if (!skew.comparable) {
    list.push(`Captured apart: ${skew.why}. An export in "same" may have been sent by one server since; the failover gate counts the deletes in "same" toward the threshold too.`);
  }
  if (!inputs.base) {
    list.push(`${inputs.baseMissing ?? 'No base snapshots'}: transient exports (which the next sync cycle exports or clears anyway) cannot be told apart from persistent ones.`);
  }
  if (impact.activeOnly.count > 0) {
    list.push('activeOnly exports are changes the active server would make that the staging server will not: after the switch they may be lost, unless the staging server already holds them.');
  }
  return list;
}

function describeSide(source: FileSource, side: ImpactSide): ImpactServer {
  const server: ImpactServer = { snapshot: side.snapshot, files: side.files.map((ref) => (side.source ?? source).describe(ref.path)) };
  if (side.server !== undefined) server.server = side.server;
  if (side.capturedAt !== undefined) server.capturedAt = side.capturedAt;
  return server;
}

function objectFrom(connector: string, details: ExportDetails, side: 'active' | 'staging'): ImpactObject {
  const object: ImpactObject = { connector, objectType: details.objectType, dn: details.dn, operation: details.export.operation };
  if (details.displayName !== undefined) object.displayName = details.displayName;
  if (details.upn !== undefined) object.upn = details.upn;
  object[side] = details.export;
  return object;
}

/**
 * The active export a staging export pairs with: the unpaired one at its DN, unless both carry anchors and they
 * differ (two objects that took turns at one DN); else the unpaired one with its anchor (the object moved or
 * renamed on one server only); else none (stagingOnly). Neither depends on the order of the staging file.
 */
function pairedWith(store: ActiveStore, activeAnchors: ReadonlyMap<string, string>, atDn: ActiveSlot | undefined, connectorIndex: number, anchor: string | undefined): ActiveSlot | undefined {
  if (atDn && !atDn.matched && (atDn.anchor === undefined || anchor === undefined || atDn.anchor === anchor)) return atDn;
  if (anchor === undefined) return undefined;
  const byAnchor = activeAnchors.get(`${connectorIndex}\u0000${anchor}`);
  const slot = byAnchor === undefined ? undefined : store.slotOf(byAnchor);
  if (slot === undefined || slot === STAGING_ONLY_SLOT) return undefined;
  const found = store.read(slot);
  return found.matched ? undefined : found;
}

function keyOf(record: CsObjectRecord, context: XmlContext, connectorIndex: number): string {
  const key = targetKey(record.pending?.dn ?? '');
  if (key === undefined) context.fail(`a pending export without a DN (cs-object ${record.id}): it cannot be paired with the other server's`);
  return `${connectorIndex}\u0000${key}`;
}

/** Reads one export file, calling `onPending` for each object with a pending delta other than `none`. */
async function readPending(source: FileSource, ref: ExportFileRef, inputs: ImpactInputs, onPending: (record: CsObjectRecord, context: XmlContext) => void): Promise<void> {
  const file = source.describe(ref.path);
  const maxValueLength = inputs.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH;
  const onBytes = inputs.onBytes;
  await readXml(
    await source.open(ref.path),
    file,
    (context) =>
      csObjectHandler(
        context,
        (record) => {
          if (record.pending && record.pending.operation !== 'none') onPending(record, context);
        },
        maxValueLength,
        valueCapsOf(inputs.limits),
      ),
    { roots: ['cs-objects'], maxTextLength: maxValueLength, onBytes: onBytes ? (bytes) => onBytes(file, bytes) : undefined, ...inflationOptions(inputs.limits) },
  );
}

/** What was pending at the base: asked by key+change digest. */
interface BaseExports {
  has(keyedDigest: string): boolean;
}

/** The base holds the very bytes of the head's files: everything pending now was pending then. */
const EVERYTHING: BaseExports = { has: () => true };

/**
 * The key+change digests of a base snapshot's pending exports (connectors matched to the head's by name). When each
 * base file is the head's file of the same connector with the same content id (an unchanged git blob), nothing is
 * read: every export of that server is persistent.
 */
async function baseSet(source: FileSource, side: ImpactSide, head: ImpactSide, connectors: Connectors, inputs: ImpactInputs, active: boolean): Promise<BaseExports> {
  if (await sameBytes(side.source ?? source, side, head.source ?? source, head)) return EVERYTHING;
  const byName = new Map(connectors.pairs.map((pair, index) => [pair.connector.toLowerCase(), index]));
  const set = new Set<string>();
  for (const ref of side.files) {
    const index = byName.get(connectorMatchName(ref.connector, active ? inputs.nameMap : {}));
    // A connector the head no longer has: nothing of it can be persistent.
    if (index === undefined) continue;
    await readPending(side.source ?? source, ref, inputs, (record, context) => {
      set.add(hash(keyOf(record, context, index) + '\u0000' + changeDigest(record.pending!).digest.toString('base64')));
    });
  }
  return set;
}

/** Whether both sides list the same connectors' files with equal, known content ids. */
async function sameBytes(baseSource: FileSource, base: ImpactSide, headSource: FileSource, head: ImpactSide): Promise<boolean> {
  if (!baseSource.contentId || !headSource.contentId || base.files.length !== head.files.length) return false;
  const ids = async (from: FileSource, side: ImpactSide) => {
    const list = await Promise.all(side.files.map(async (ref) => `${ref.connector.trim().toLowerCase()}\u0000${(await from.contentId?.(ref.path)) ?? ''}`));
    return list.sort();
  };
  const [baseIds, headIds] = [await ids(baseSource, base), await ids(headSource, head)];
  return baseIds.every((id, index) => !id.endsWith('\u0000') && id === headIds[index]);
}

/**
 * Connectors matched by name (the active name after --map). A connector with exports on one server and no
 * export file on the other cannot be paired: an InputError naming it, never a silent "stagingOnly".
 */
function pairConnectors(source: FileSource, inputs: ImpactInputs): Connectors {
  if (inputs.active.files.length === 0) throw new InputError(inputs.active.snapshot, 'the active server\'s snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers\' exports');
  if (inputs.staging.files.length === 0) throw new InputError(inputs.staging.snapshot, 'the staging server\'s snapshot has no pending-export files (exports/*.xml): the switch impact needs both servers\' exports');
  const pairs: ConnectorPair[] = [];
  const byName = new Map<string, number>();
  const stagingIndex = new Map<string, number>();
  for (const ref of inputs.staging.files) {
    const name = connectorMatchName(ref.connector);
    let index = byName.get(name);
    if (index === undefined) {
      index = pairs.length;
      byName.set(name, index);
      pairs.push({ connector: retain(ref.connector.trim()), isEntraConnector: isEntraConnectorName(ref.connector) });
    }
    stagingIndex.set(ref.path, index);
  }
  const activeIndex = new Map<string, number>();
  const paired = new Set<number>();
  for (const ref of inputs.active.files) {
    const matchName = connectorMatchName(ref.connector, inputs.nameMap);
    const index = byName.get(matchName);
    if (index === undefined) {
      const mapped = matchName !== ref.connector.trim().toLowerCase() ? ` (looked for as "${matchName}" after the name map)` : '';
      throw new InputError(
        source.describe(ref.path),
        `the active server has an export file for connector "${ref.connector}"${mapped} but the staging server has none (its connectors: ${pairs.map((pair) => `"${pair.connector}"`).join(', ')}): export it there too, or map its name with --map ACTIVE=STAGING`,
      );
    }
    activeIndex.set(ref.path, index);
    paired.add(index);
    const pair = pairs[index] as ConnectorPair;
    if (ref.connector.trim() !== pair.connector) pair.activeName = ref.connector.trim();
  }
  for (const [index, pair] of pairs.entries()) {
    if (!paired.has(index)) {
      const ref = inputs.staging.files.find((file) => stagingIndex.get(file.path) === index) as ExportFileRef;
      throw new InputError(
        source.describe(ref.path),
        `the staging server has an export file for connector "${pair.connector}" but the active server has none: export it there too, or map its name with --map ACTIVE=STAGING`,
      );
    }
  }
  return { pairs, stagingIndex, activeIndex };
}
