/**
 * What one pending-export file (one connector) or several (a total) come to. This is the contract between the
 * parser, the reports (Markdown, JSON, CSV), the gate and the GitHub edges. The JSON output is this object
 * (schemas/exports.schema.json); add fields, never rename them without bumping EXPORTS_SCHEMA_VERSION.
 */
export const EXPORTS_SCHEMA_VERSION = 1;

/** The delta operations of a csexport file, named as the file names them. */
export type DeltaOperation = 'add' | 'update' | 'replace' | 'delete' | 'delete-add' | 'none';
export const DELTA_OPERATIONS: readonly DeltaOperation[] = ['add', 'update', 'replace', 'delete', 'delete-add', 'none'];

export type OperationCounts = Partial<Record<DeltaOperation, number>>;

/** Who an object is, read from its holograms (the AAD DN `CN={hex}` identifies nobody). */
export interface ObjectIdentity {
  /** cs-object/@id */
  id: string;
  objectType: string;
  dn: string;
  operation: DeltaOperation;
  upn?: string;
  displayName?: string;
  sourceAnchor?: string;
  alias?: string;
  primarySmtp?: string;
  onPremisesSamAccountName?: string;
  mail?: string;
}

export type RiskKind =
  /** A change to an attribute on the sensitive list (sourceAnchor, userPrincipalName, accountEnabled, ...). */
  | 'sensitive-attribute'
  /** proxyAddresses values removed: mail stops flowing to those addresses. */
  | 'proxy-address-removal'
  /** delete-add on the Entra ID connector: the cloud object is deleted, then created anew. */
  | 'delete-add'
  /** A delete and an add in the same export sharing a UPN or mail: a sourceAnchor flip (mass re-creation). */
  | 'anchor-flip';

export interface RiskyExample {
  identity: ObjectIdentity;
  /** The attribute concerned, when there is one. */
  attribute?: string;
  /** Values before/after where known (before from the synchronized-hologram). */
  before?: string;
  after?: string;
  /** One human sentence: "userPrincipalName megan@contoso.com -> megan.bowen@fabrikam.com". */
  detail: string;
}

export interface RiskyChangeGroup {
  kind: RiskKind;
  /** For sensitive-attribute / proxy-address-removal: the attribute. */
  attribute?: string;
  count: number;
  /** A bounded sample (RISKY_SAMPLE_SIZE). */
  examples: RiskyExample[];
}

export interface ExportErrorExample {
  identity: ObjectIdentity;
  errorName: string;
  errorType?: string;
  detail?: string;
  firstOccurred?: string;
  retryCount?: number;
}

export interface DeletionThreshold {
  /** The limit deletes are compared to. */
  limit: number;
  /** Where the limit came from: the server configuration (ExportDeletionThresholdValue), the option, or 500. */
  source: 'configuration' | 'option' | 'default';
  /** Deletes to the Entra ID connector: delete + delete-add. 0 for other connectors. */
  deletes: number;
  /** deletes > limit (and protection enabled, when the configuration says). */
  exceeded: boolean;
  /** Whether this summary is of the Entra ID connector (the threshold applies only there). */
  applies: boolean;
  /** ExportDeletionThreshold from the configuration, when known. */
  protectionEnabled?: boolean;
}

export interface PendingExportSummary {
  schemaVersion: number;
  /** Connector name (from the manifest, --connector, or the file name); "total" for an aggregate. */
  connector: string;
  /** Files this summary covers (source paths). */
  files: string[];
  isEntraConnector: boolean;
  /** Objects with a pending (unapplied-export) delta other than `none`. */
  objects: number;
  operations: OperationCounts;
  objectTypes: Record<string, OperationCounts>;
  /** Attribute -> objects whose pending export changes it (replace: only attributes differing from the synchronized hologram). */
  attributes: Record<string, number>;
  multiValued: Record<string, { added: number; removed: number }>;
  renames: number;
  renameSample: { identity: ObjectIdentity; newDn: string }[];
  errors: Record<string, number>;
  errorSample: ExportErrorExample[];
  deletes: { count: number; sample: ObjectIdentity[] };
  risky: RiskyChangeGroup[];
  threshold: DeletionThreshold;
  otherExports: { escrowed: number; unconfirmed: number };
  /** Values longer than the size cap: counted, not kept. */
  oversizedValues: number;
}

/** The result of `syncstage exports` over several files: the total at the top, one summary per connector. */
export interface PendingExportReport extends PendingExportSummary {
  connectors: PendingExportSummary[];
}

export interface ExportAnalysisOptions {
  /** Accidental-delete limit from the option; the configuration's value wins when given. Default 500. */
  deletionThreshold?: number;
  /** From the server configuration (MV.xml), when a snapshot gives it. */
  configuredThreshold?: { enabled: boolean; limit: number };
  /** Sensitive attributes (case-insensitive). Default DEFAULT_SENSITIVE_ATTRIBUTES. */
  sensitiveAttributes?: readonly string[];
  /** Sample sizes. */
  deleteSampleSize?: number;
  riskySampleSize?: number;
  /** Forces whether the connector is the Entra ID one; by default it is told from the connector name. */
  entraConnector?: boolean;
  /** Longest value kept (characters); longer ones are counted in oversizedValues. Default 64 KiB. */
  maxValueLength?: number;
}

export const DEFAULT_DELETION_THRESHOLD = 500;
export const DEFAULT_SENSITIVE_ATTRIBUTES: readonly string[] = [
  'sourceAnchor',
  'userPrincipalName',
  'onPremisesImmutableId',
  'cloudAnchor',
  'accountEnabled',
  'cloudFiltered',
  'proxyAddresses',
];
export const ENTRA_CONNECTOR_ID = '{B891884F-051E-4A83-95AF-2544101C9083}';
