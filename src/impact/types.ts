/**
 * What switching the staging server to active changes in the connected directories, compared with letting the
 * active server carry on: both servers' pending exports paired per object (docs/switch-impact.md). The JSON output
 * is `{ schemaVersion, ..., switchImpact }` (schemas/impact.schema.json); add fields, never rename them without
 * bumping IMPACT_SCHEMA_VERSION.
 */
import type { DeltaOperation, OperationCounts } from '../exports/types.js';

export const IMPACT_SCHEMA_VERSION = 1;

/** The four classes of a pending export, named as the JSON names them. */
export type ImpactClassName = 'stagingOnly' | 'same' | 'different' | 'activeOnly';
export const IMPACT_CLASSES: readonly ImpactClassName[] = ['different', 'stagingOnly', 'activeOnly', 'same'];

/** One attribute a pending export changes, with the values the file gives (bounded: MAX_VALUES_SHOWN each). */
export interface ImpactChange {
  attribute: string;
  /** attr/@operation, or the delta's operation for add/replace deltas. */
  modification: string;
  /** Values before (the synchronized hologram), where the file has them. */
  old?: string[];
  /** Values after (single-valued and replaced attributes). */
  new?: string[];
  /** Values added / removed (multi-valued updates). */
  added?: string[];
  removed?: string[];
  /** Values left out of the lists above (over MAX_VALUES_SHOWN, or over the size cap). */
  omitted?: number;
}

/** What one server would export for one object. */
export interface ServerExport {
  operation: DeltaOperation;
  /** The renamed DN when the export renames the object. */
  newDn?: string;
  changes: ImpactChange[];
}

/** One object in a class (a bounded sample per class: the rest are counted only). */
export interface ImpactObject {
  connector: string;
  objectType: string;
  /** The target DN (on the Entra ID connector `CN={hex of sourceAnchor}`). */
  dn: string;
  displayName?: string;
  upn?: string;
  /** The operation of the server that exports it (staging for stagingOnly, same and different; active for activeOnly). */
  operation: DeltaOperation;
  /** What the staging server would export (absent for activeOnly). */
  staging?: ServerExport;
  /** What the active server would export (absent for stagingOnly; for same it equals staging and is left out). */
  active?: ServerExport;
  /** Why a pair could not be compared value by value (a value over the size cap): counted as different. */
  uncomparable?: string;
  /** Pending in the base snapshot too (only when base snapshots were given). */
  persistent?: boolean;
}

/** Connector -> object type -> operation -> count. */
export type ConnectorCounts = Record<string, Record<string, OperationCounts>>;

export interface ImpactClass {
  count: number;
  operations: OperationCounts;
  byConnector: ConnectorCounts;
  /** The first objects met (file order), at most the sample size; `count` counts them all. */
  objects: ImpactObject[];
}

export interface SwitchImpactClasses {
  stagingOnly: ImpactClass;
  same: ImpactClass;
  different: ImpactClass;
  activeOnly: ImpactClass;
  /** How many of each class were pending in the base snapshots too (only with base snapshots). */
  persistent?: Record<ImpactClassName, number>;
}

/** One server's exports newly pending since its base snapshot. */
export interface NewSinceBase {
  count: number;
  operations: OperationCounts;
  objects: ImpactObject[];
}

export interface ImpactServer {
  /** The snapshot folder (as the source names it). */
  snapshot: string;
  server?: string;
  capturedAt?: string;
  files: string[];
}

export interface ConnectorPair {
  /** The staging server's connector name (reports use it). */
  connector: string;
  /** The active server's name for it, when it differs (a --map rename or a different case). */
  activeName?: string;
  isEntraConnector: boolean;
}

export interface SwitchImpactReport {
  schemaVersion: number;
  active: ImpactServer;
  staging: ImpactServer;
  base?: { active: ImpactServer; staging: ImpactServer };
  connectors: ConnectorPair[];
  switchImpact: SwitchImpactClasses;
  /** Per server, the exports pending now and not in its base snapshot (only with base snapshots). */
  newSinceBase?: { active: NewSinceBase; staging: NewSinceBase };
  /** Objects kept per class (and per newSinceBase list). */
  sampleSize: number;
  /** What the reader must know to read the numbers right, in sentences. */
  notes: string[];
}

/** The headline counts: what switching exports that the active server would not (stagingOnly + different). */
export interface SwitchCounts {
  changes: number;
  adds: number;
  /** update + replace */
  updates: number;
  /** delete (docs/counting.md: delete-adds apart) */
  deletes: number;
  deleteAdds: number;
  different: number;
}

export const PAIRED_OPERATIONS: readonly DeltaOperation[] = ['add', 'update', 'replace', 'delete', 'delete-add'];
