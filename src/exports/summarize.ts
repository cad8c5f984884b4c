/**
 * Accumulates one connector's PendingExportSummary from cs-object records, one at a time: counters and bounded
 * samples only, so the summary of a 500 MB file costs what the summary of a small one does.
 */
import { InputError } from '../errors.js';
import { changedAttributes, type ChangedAttribute } from './changes.js';
import { ConnectorKindTracker, judgedAsEntra } from './connector.js';
import { identityOf } from './identity.js';
import { valueCapsOf, type CsObjectRecord } from './parse.js';
import { raisedBy, type ReadLimits } from '../xml/read-limits.js';
import { retain } from './retain.js';
import { identityCharacters, KeptBudget } from './kept-budget.js';
import { RiskTracker, type ObservedRisk } from './risk.js';
import {
  DEFAULT_DELETION_THRESHOLD,
  DEFAULT_SENSITIVE_ATTRIBUTES,
  EXPORTS_SCHEMA_VERSION,
  type ConnectorKindJudgement,
  type ConnectorRef,
  type DeletionThreshold,
  type ExportAnalysisOptions,
  type ExportErrorExample,
  type ObjectIdentity,
  type PendingExportSummary,
} from './types.js';
import { dict } from '../dict.js';

export const DEFAULT_SAMPLE_SIZE = 20;

/**
 * The limit deletes are judged by: an explicit option wins (the operator asked for it), then the snapshot's own
 * configuration, then Entra Connect's default of 500. Exceeded when deletes > limit: Entra Connect stops an export
 * only when the deletes are more than the threshold value. With protection off in the configuration, deletes over
 * the limit are exceeded all the same (fail closed): nothing on the server will stop them.
 */
export function deletionThreshold(deletes: number, applies: boolean, options: ExportAnalysisOptions): DeletionThreshold {
  const configured = options.configuredThreshold;
  const protection = configured ? { protectionEnabled: configured.enabled } : {};
  if (options.deletionThreshold !== undefined) {
    const limit = options.deletionThreshold;
    const setBy = options.deletionThresholdSetBy !== undefined ? { setBy: options.deletionThresholdSetBy } : {};
    return { limit, source: 'option', ...setBy, deletes, exceeded: applies && deletes > limit, applies, ...protection };
  }
  if (configured) {
    return { limit: configured.limit, source: 'configuration', deletes, exceeded: applies && deletes > configured.limit, applies, ...protection };
  }
  const unreadable = options.unreadableThreshold !== undefined ? { unreadable: options.unreadableThreshold } : {};
  return { limit: DEFAULT_DELETION_THRESHOLD, source: 'default', deletes, exceeded: applies && deletes > DEFAULT_DELETION_THRESHOLD, applies, ...unreadable };
}


function copyIdentity(identity: ObjectIdentity): ObjectIdentity {
  const copy = { ...identity };
  for (const key of Object.keys(copy) as (keyof ObjectIdentity)[]) {
    const value = copy[key];
    if (typeof value === 'string') (copy as Record<string, string>)[key] = retain(value);
  }
  return copy;
}

/**
 * The AD container a delete lives in: the parent of the hologram's onPremisesDistinguishedName (the Entra ID
 * connector's own DN, `CN={hex}`, says nothing), else of the DN; "" when neither tells it.
 */
export function deleteContainer(identity: ObjectIdentity): string {
  const dn = identity.onPremisesDistinguishedName ?? (/^CN=\{[0-9A-F]+\}$/i.test(identity.dn) ? undefined : identity.dn);
  return dn === undefined ? '' : parentDn(dn);
}

/** Containers counted apart per connector; past it, a hostile file's millions of containers are one count. */
export const MAX_DELETE_CONTAINERS = 1000;
export const OTHER_CONTAINERS = '(other containers)';

function countContainer(containers: Record<string, number>, container: string): void {
  if (containers[container] === undefined && Object.keys(containers).length >= MAX_DELETE_CONTAINERS) container = OTHER_CONTAINERS;
  else if (containers[container] === undefined) container = retain(container);
  containers[container] = (containers[container] ?? 0) + 1;
}

/** The DN without its first RDN (an escaped comma, `\,`, stays inside the RDN). */
export function parentDn(dn: string): string {
  const match = /^(?:\\.|[^,\\])*,\s*/.exec(dn);
  return match ? dn.slice(match[0].length) : '';
}

export class SummaryBuilder {
  private readonly summary: PendingExportSummary;
  private readonly risk: RiskTracker;
  private readonly kind: ConnectorKindTracker;
  private readonly deleteSampleSize: number;
  /** Shared by every list of the summary: the characters they keep together are bounded. */
  private readonly budget: KeptBudget;
  private thresholdDeletes = 0;

  constructor(
    ref: ConnectorRef,
    private readonly file: string,
    private readonly options: ExportAnalysisOptions,
  ) {
    this.deleteSampleSize = options.deleteSampleSize ?? DEFAULT_SAMPLE_SIZE;
    this.budget = new KeptBudget(options.maxKeptCharacters);
    this.risk = new RiskTracker(options.sensitiveAttributes ?? DEFAULT_SENSITIVE_ATTRIBUTES, options.riskySampleSize ?? DEFAULT_SAMPLE_SIZE, this.budget);
    this.kind = new ConnectorKindTracker(options.entraConnector && !ref.declaredKind ? { ...ref, declaredKind: { kind: 'entra', source: 'option' } } : ref);
    this.summary = emptySummary(ref.connector, [file], { kind: 'unknown', source: 'none' }, options);
  }

  /**
   * Adds one object. Returns its changed attributes (the CSV view reuses them) or undefined when nothing is pending.
   * Throws an InputError at the object when the file's connector kind cannot be trusted.
   */
  add(record: CsObjectRecord): { identity: () => ObjectIdentity; changes: ChangedAttribute[]; risks: ObservedRisk[] } | undefined {
    const conflict = this.kind.observe(record);
    if (conflict) throw new InputError(this.file, conflict, record.position);
    const s = this.summary;
    s.oversizedValues += record.oversizedValues;
    s.cappedValues += record.cappedValues;
    if (record.escrowed) s.otherExports.escrowed += 1;
    if (record.unconfirmed) s.otherExports.unconfirmed += 1;
    const delta = record.pending;
    // Identities cost allocations; most objects never need one (no sample, no risk, no CSV).
    let identity: ObjectIdentity | undefined;
    const getIdentity = () => (identity ??= identityOf(record));
    if (record.error) {
      const name = record.error.errorName;
      s.errors[name] = (s.errors[name] ?? 0) + 1;
      if (s.errorSample.length < this.deleteSampleSize && this.budget.take(identityCharacters(getIdentity()) + name.length + (record.error.detail?.length ?? 0))) {
        const example: ExportErrorExample = { identity: copyIdentity(getIdentity()), errorName: retain(name) };
        // Every kept string is copied: a slice of the parser's text keeps its whole 64 KiB chunk alive.
        if (record.error.errorType !== undefined) example.errorType = retain(record.error.errorType);
        if (record.error.detail !== undefined) example.detail = retain(record.error.detail);
        if (record.error.firstOccurred !== undefined) example.firstOccurred = retain(record.error.firstOccurred);
        if (record.error.retryCount !== undefined && !Number.isNaN(record.error.retryCount)) example.retryCount = record.error.retryCount;
        s.errorSample.push(example);
      }
    }
    if (!delta || delta.operation === 'none') return undefined;
    const operation = delta.operation;
    s.objects += 1;
    s.operations[operation] = (s.operations[operation] ?? 0) + 1;
    const byType = (s.objectTypes[record.objectType] ??= dict<number>());
    byType[operation] = (byType[operation] ?? 0) + 1;
    const changes = changedAttributes(record);
    for (const change of changes) {
      s.attributes[change.name] = (s.attributes[change.name] ?? 0) + 1;
      if (change.multivalued) {
        const counts = (s.multiValued[change.name] ??= { added: 0, removed: 0 });
        counts.added += change.added;
        counts.removed += change.removed;
      }
    }
    if (delta.newDn !== undefined && delta.newDn !== delta.dn) {
      s.renames += 1;
      if (s.renameSample.length < this.deleteSampleSize && this.budget.take(identityCharacters(getIdentity()) + delta.newDn.length)) s.renameSample.push({ identity: copyIdentity(getIdentity()), newDn: retain(delta.newDn) });
    }
    if (operation === 'delete') {
      s.deletes.count += 1;
      const identity = getIdentity();
      countContainer((s.deletes.containers ??= Object.create(null) as Record<string, number>), deleteContainer(identity));
      if (s.deletes.sample.length < this.deleteSampleSize && this.budget.take(identityCharacters(identity))) s.deletes.sample.push(copyIdentity(identity));
    }
    if (operation === 'delete' || operation === 'delete-add') this.thresholdDeletes += 1;
    const risks = this.risk.observe(operation, getIdentity, changes);
    return { identity: getIdentity, changes, risks };
  }

  finish(): PendingExportSummary {
    const s = this.summary;
    const kind = this.kind.finish(this.options.connectorNaming);
    const applies = judgedAsEntra(kind.kind);
    s.connectorKind = kind;
    s.isEntraConnector = kind.kind === 'entra';
    s.risky = this.risk.finish(applies);
    s.deletes = withDeletesOmitted(s.deletes);
    s.threshold = deletionThreshold(applies ? this.thresholdDeletes : 0, applies, this.options);
    if (s.cappedValues > 0) s.valueCaps = valueCapsReport(this.options.limits);
    return s;
  }
}

/** deletes.omitted: the deletes counted but not listed; absent when every one is listed. */
export function withDeletesOmitted(deletes: PendingExportSummary['deletes']): PendingExportSummary['deletes'] {
  const omitted = deletes.count - deletes.sample.length;
  const containers = deletes.containers ? { containers: deletes.containers } : {};
  return omitted > 0 ? { count: deletes.count, sample: deletes.sample, omitted, ...containers } : { count: deletes.count, sample: deletes.sample, ...containers };
}

/** The caps values were counted past, and how to raise them, for the report. */
export function valueCapsReport(limits: ReadLimits | undefined): NonNullable<PendingExportSummary['valueCaps']> {
  const caps = valueCapsOf(limits);
  if (limits?.raisedBy?.maxValuesPerAttribute === undefined && limits?.raisedBy?.maxValuesPerObject === undefined) {
    return { ...caps, raisedBy: 'the max-values-per-attribute and max-values-per-object settings (docs/security.md, "Limits")' };
  }
  const attribute = raisedBy(limits, 'maxValuesPerAttribute');
  const object = raisedBy(limits, 'maxValuesPerObject');
  return { ...caps, raisedBy: attribute === object ? attribute : `${attribute} and ${object}` };
}

/** A summary with nothing counted yet: the start of a connector's summary, and of the total. */
export function emptySummary(connector: string, files: string[], connectorKind: ConnectorKindJudgement, options: ExportAnalysisOptions): PendingExportSummary {
  return {
    schemaVersion: EXPORTS_SCHEMA_VERSION,
    connector,
    files,
    isEntraConnector: connectorKind.kind === 'entra',
    connectorKind,
    objects: 0,
    operations: dict<number>(),
    objectTypes: dict<Record<string, number>>(),
    attributes: dict<number>(),
    multiValued: dict<{ added: number; removed: number }>(),
    renames: 0,
    renameSample: [],
    errors: dict<number>(),
    errorSample: [],
    deletes: { count: 0, sample: [] },
    risky: [],
    threshold: deletionThreshold(0, judgedAsEntra(connectorKind.kind), options),
    otherExports: { escrowed: 0, unconfirmed: 0 },
    oversizedValues: 0,
    cappedValues: 0,
  };
}
