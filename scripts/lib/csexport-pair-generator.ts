/**
 * A consistent pair of pending-export files: what the active and the staging server of one simulated tenant
 * would export, with the known truth of every class (docs/switch-impact.md). The staging file is exactly what
 * generateCsExport writes for the same options; the active file is derived object by object:
 *  - same: the same change, with a per-server cs-object id, attributes and multi-valued values in another order,
 *    and the DN in lower case (all noise);
 *  - different: a value changed (or, for a delete, an update instead);
 *  - stagingOnly: nothing pending on the active server;
 *  - activeOnly: an object with nothing pending on staging gets a pending update on the active server.
 * A value over the size cap cannot be compared, so such a pair is different in the truth.
 * With `base`, earlier snapshots of both servers are written too: each pending export of the head is in its
 * server's base with probability `baseShare` (then it is persistent), else it is new since the base.
 */
import type { DeltaOperation } from '../../src/exports/types.js';
import { emptyCounts, generateCsExport, random, type GeneratedCounts, type GeneratorOptions } from './csexport-generator.js';

export type PairClass = 'stagingOnly' | 'same' | 'different' | 'activeOnly';
export const PAIR_CLASSES: readonly PairClass[] = ['stagingOnly', 'same', 'different', 'activeOnly'];

export interface PairOptions extends GeneratorOptions {
  /** Seed of the class draw (the staging file depends on `seed` only). Default seed + 1. */
  pairSeed?: number;
  /** Shares of pending staging exports that are stagingOnly and different (the rest are same). */
  stagingOnlyShare?: number;
  differentShare?: number;
  /** Share of objects with nothing pending on staging that the active server exports (activeOnly). */
  activeOnlyShare?: number;
  /** Write base snapshots too. */
  base?: boolean;
  baseShare?: number;
}

export interface TruthCounts {
  count: number;
  operations: Partial<Record<DeltaOperation, number>>;
}

export interface PairTruth {
  classes: Record<PairClass, TruthCounts>;
  /** Pending in the base too: stagingOnly by the staging base, activeOnly by the active base, same/different by both. */
  persistent: Record<PairClass, number>;
  newSinceBase: { active: TruthCounts; staging: TruthCounts };
  staging: GeneratedCounts;
}

export interface PairChunk {
  staging: string;
  active: string;
  baseStaging: string;
  baseActive: string;
}

const empty = (): TruthCounts => ({ count: 0, operations: {} });

export function emptyTruth(): PairTruth {
  return {
    classes: { stagingOnly: empty(), same: empty(), different: empty(), activeOnly: empty() },
    persistent: { stagingOnly: 0, same: 0, different: 0, activeOnly: 0 },
    newSinceBase: { active: empty(), staging: empty() },
    staging: emptyCounts(),
  };
}

function count(into: TruthCounts, operation: DeltaOperation): void {
  into.count += 1;
  into.operations[operation] = (into.operations[operation] ?? 0) + 1;
}

const PENDING = /<unapplied-export>[\s\S]*?<\/unapplied-export>/;
const DELTA = /<delta operation="([a-z-]+)" dn="([^"]*)"([^>]*?)(\/>|>([\s\S]*?)<\/delta>)/;
const ATTRIBUTE = /<(dn-attr|attr) [^>]*>[\s\S]*?<\/\1>/g;
const VALUE = /<(value|dn-value)[^>]*>[\s\S]*?<\/\1>/g;
const OVERSIZED = /<value>(x{1000}|y{1000})/;

/** The same change written differently: attributes and values in reverse order, the DN in lower case. */
function shuffled(pending: string): string {
  return pending.replace(DELTA, (whole, operation: string, dn: string, rest: string, _end: string, body: string | undefined) => {
    const renamed = rest.replace(/newdn="([^"]*)"/, (_m, newDn: string) => `newdn="${newDn.toLowerCase()}"`);
    if (body === undefined) return `<delta operation="${operation}" dn="${dn.toLowerCase()}"${renamed}/>`;
    const attributes = body.match(ATTRIBUTE) ?? [];
    const prefix = body.slice(0, body.search(/<(dn-attr|attr) /) < 0 ? body.length : body.search(/<(dn-attr|attr) /));
    const reordered = attributes.reverse().map((attribute) => {
      const values = attribute.match(VALUE);
      if (!values || values.length < 2) return attribute;
      const open = attribute.slice(0, attribute.indexOf('>') + 1);
      const close = attribute.slice(attribute.lastIndexOf('</'));
      return `${open}${values.reverse().join('')}${close}`;
    });
    return `<delta operation="${operation}" dn="${dn.toLowerCase()}"${renamed}>${prefix}${reordered.join('')}</delta>`;
  });
}

/** Another change to the same object: the first value altered, or an update where staging deletes. */
function altered(pending: string): string {
  const delta = DELTA.exec(pending);
  if (delta && delta[1] !== 'delete' && /<value[^>]*>[^<]/.test(pending)) return pending.replace(/(<value[^>]*>)([^<])/, '$1active:$2');
  const dn = delta?.[2] ?? '';
  return `<unapplied-export><delta operation="update" dn="${dn}"><attr name="department" type="string" multivalued="false" operation="replace"><value>Set by the active server</value></attr></delta></unapplied-export>`;
}

function activeOnlyExport(dn: string, n: number): string {
  return `<unapplied-export><delta operation="update" dn="${dn}"><attr name="extensionAttribute1" type="string" multivalued="false" operation="replace"><value>active ${n}</value></attr></delta></unapplied-export>`;
}

/** Generates both servers' files chunk by chunk (and the base snapshots when asked), filling `truth`. */
export function* generateCsExportPair(options: PairOptions, truth: PairTruth = emptyTruth()): Generator<PairChunk, PairTruth> {
  const rnd = random(options.pairSeed ?? (options.seed ?? 1) + 1);
  const stagingOnlyShare = options.stagingOnlyShare ?? 0.2;
  const differentShare = options.differentShare ?? 0.15;
  const activeOnlyShare = options.activeOnlyShare ?? 0.5;
  const baseShare = options.baseShare ?? 0.7;
  let n = 0;
  const object = (text: string): { active: string; baseStaging: string; baseActive: string } => {
    n += 1;
    const active = text.replace(/ id="\{([0-9A-F]{8})-0000-4000-8000-/, ' id="{$1-1111-4000-A000-');
    const pending = PENDING.exec(text)?.[0];
    const delta = pending ? DELTA.exec(pending) : null;
    const operation = delta?.[1] as DeltaOperation | undefined;
    const inStagingBase = rnd() < baseShare;
    const inActiveBase = rnd() < baseShare;
    const roll = rnd();
    const withoutPending = (t: string) => (pending ? t.replace(PENDING, '') : t);
    if (pending && operation && operation !== 'none') {
      let kind: PairClass = roll < stagingOnlyShare ? 'stagingOnly' : roll < stagingOnlyShare + differentShare ? 'different' : 'same';
      let activeText: string;
      if (kind === 'stagingOnly') activeText = active.replace(PENDING, '');
      else if (kind === 'different') activeText = active.replace(PENDING, altered(pending));
      else activeText = active.replace(PENDING, shuffled(pending));
      if (kind === 'same' && OVERSIZED.test(pending)) kind = 'different';
      count(truth.classes[kind], operation);
      const stagingPersists = options.base === true && inStagingBase;
      const activePersists = options.base === true && inActiveBase;
      if (options.base) {
        if (!stagingPersists) count(truth.newSinceBase.staging, operation);
        if (kind !== 'stagingOnly' && !activePersists) count(truth.newSinceBase.active, pendingOperation(activeText));
      }
      if (kind === 'stagingOnly' ? stagingPersists : stagingPersists && activePersists) truth.persistent[kind] += 1;
      return {
        active: activeText,
        baseStaging: stagingPersists ? text : withoutPending(text),
        baseActive: activePersists ? activeText : withoutPending(activeText),
      };
    }
    if (roll < activeOnlyShare) {
      const dn = / cs-dn="([^"]*)"/.exec(text)?.[1] ?? '';
      const added = activeOnlyExport(dn, n);
      const activeText = pending ? active.replace(PENDING, added) : active.replace('>\r\n', `>\r\n${added}`);
      count(truth.classes.activeOnly, 'update');
      const activePersists = options.base === true && inActiveBase;
      if (options.base && !activePersists) count(truth.newSinceBase.active, 'update');
      if (activePersists) truth.persistent.activeOnly += 1;
      return { active: activeText, baseStaging: text, baseActive: activePersists ? activeText : withoutPending(active) };
    }
    return { active, baseStaging: text, baseActive: active };
  };
  for (const chunk of generateCsExport(options, truth.staging)) {
    const out: PairChunk = { staging: chunk, active: '', baseStaging: '', baseActive: '' };
    let last = 0;
    for (const match of chunk.matchAll(/<cs-object [\s\S]*?<\/cs-object>\r\n/g)) {
      const between = chunk.slice(last, match.index);
      const sides = object(match[0]);
      out.active += between + sides.active;
      if (options.base) {
        out.baseStaging += between + sides.baseStaging;
        out.baseActive += between + sides.baseActive;
      }
      last = match.index + match[0].length;
    }
    const tail = chunk.slice(last);
    out.active += tail;
    if (options.base) {
      out.baseStaging += tail;
      out.baseActive += tail;
    }
    yield out;
  }
  return truth;
}

function pendingOperation(text: string): DeltaOperation {
  return (DELTA.exec(PENDING.exec(text)?.[0] ?? '')?.[1] ?? 'none') as DeltaOperation;
}

/** All four files as strings (tests). */
export function generateCsExportPairStrings(options: PairOptions): { files: PairChunk; truth: PairTruth } {
  const truth = emptyTruth();
  const files: PairChunk = { staging: '', active: '', baseStaging: '', baseActive: '' };
  for (const chunk of generateCsExportPair(options, truth)) {
    files.staging += chunk.staging;
    files.active += chunk.active;
    files.baseStaging += chunk.baseStaging;
    files.baseActive += chunk.baseActive;
  }
  return { files, truth };
}
