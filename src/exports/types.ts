import type { ReadLimits } from '../xml/read-limits.js';

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
  /** The on-premises DN an Entra ID object carries (its hologram's onPremisesDistinguishedName): where it lives in AD. */
  onPremisesDistinguishedName?: string;
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
  /**
   * The objects, in file order, up to riskySampleSize (20 by default; `exports --format json` lists up to
   * JSON_LIST_LIMIT) and the kept-text budget.
   */
  examples: RiskyExample[];
  /** count minus examples: counted, not listed. Absent when every object is listed. */
  omitted?: number;
}

export interface ExportErrorExample {
  identity: ObjectIdentity;
  errorName: string;
  errorType?: string;
  detail?: string;
  firstOccurred?: string;
  retryCount?: number;
}

/**
 * What set an explicit limit: the CLI's --deletion-threshold option, the Action's deletion-threshold input, or
 * deletion-threshold in .github/syncstage.yml (the Action and the App).
 */
export type ThresholdSetter = 'cli-option' | 'action-input' | 'settings-file';

/** How a run can name a file's connector: --connector or snapshot.json (`syncstage exports`), or snapshot.json only. */
export type ConnectorNaming = 'option-or-manifest' | 'manifest';

export interface DeletionThreshold {
  /** The limit deletes are compared to. */
  limit: number;
  /** Where the limit came from: the deletion-threshold option (it wins), the snapshot's configuration (ExportDeletionThresholdValue), or 500. */
  source: 'configuration' | 'option' | 'default';
  /** With source option, what set it, when the caller says (a library caller may not). */
  setBy?: ThresholdSetter;
  /** Deletes to the Entra ID connector (or one of unknown kind): delete + delete-add. 0 for other connectors. */
  deletes: number;
  /**
   * deletes > limit, as Entra Connect stops an export. True with protection off too (protectionEnabled false): then
   * nothing on the server stops these deletes, and syncstage fails closed.
   */
  exceeded: boolean;
  /** Whether the threshold applies: the Entra ID connector, or a connector whose kind cannot be told (fail closed). */
  applies: boolean;
  /** ExportDeletionThreshold from the configuration, when known: false means the server stops no deletes at all. */
  protectionEnabled?: boolean;
  /**
   * Why the snapshot configuration's threshold cannot be read (file, parameter and value), when no option gave the
   * limit: the default stands in for the comparison, but the threshold is not judged (--fail-on threshold and the
   * gate fail closed on it).
   */
  unreadable?: string;
}

export type ConnectorKind = 'entra' | 'other' | 'unknown';

/** Whether a file is the Entra ID connector's, and what told it (strongest first). */
export interface ConnectorKindJudgement {
  kind: ConnectorKind;
  /**
   * option: --entra, or a name given with --connector; configuration: the server configuration's connector of that
   * name; manifest: the name snapshot.json gives; content: the file's own DNs (`CN={hex}`) or ma-name; file-name: the
   * file's name; none: nothing told it. The total says `connectors`.
   */
  source: 'option' | 'configuration' | 'manifest' | 'content' | 'file-name' | 'none' | 'connectors';
  /** For an unknown kind: that the threshold was applied all the same, and how to name the connector. */
  note?: string;
}

/** One file's connector as the caller names it. */
export interface ConnectorRef {
  /** Connector name. */
  connector: string;
  /** Where the name comes from: --connector (or a library caller), snapshot.json, or the file name. Default option. */
  connectorSource?: 'option' | 'manifest' | 'file-name';
  /** The kind --entra or the server configuration gives; it wins over the file's content, which must agree. */
  declaredKind?: { kind: 'entra' | 'other'; source: 'option' | 'configuration' };
}

/** One export file; its connector named by --connector, the manifest, else the file name without .xml/.xml.gz. */
export interface ExportFileRef extends ConnectorRef {
  /** Source path of the file. */
  path: string;
}

export interface PendingExportSummary {
  schemaVersion: number;
  /** Connector name (from the manifest, --connector, or the file name); "total" for an aggregate. */
  connector: string;
  /** Files this summary covers (source paths). */
  files: string[];
  /** Known to be the Entra ID connector (connectorKind.kind is entra; for the total, any connector is). */
  isEntraConnector: boolean;
  connectorKind: ConnectorKindJudgement;
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
  /**
   * Deletes (delete operations), in file order, up to deleteSampleSize and the kept-text budget (omitted: the rest,
   * counted), and the count per AD container (the parent of the DN, or of the hologram's onPremisesDistinguishedName
   * on the Entra ID connector; "" when neither tells it; bounded: see MAX_DELETE_CONTAINERS).
   */
  deletes: { count: number; sample: ObjectIdentity[]; omitted?: number; containers?: Record<string, number> };
  risky: RiskyChangeGroup[];
  threshold: DeletionThreshold;
  otherExports: { escrowed: number; unconfirmed: number };
  /** Values longer than the size cap: counted, not kept. */
  oversizedValues: number;
  /**
   * Values past the per-attribute or per-object caps (one object with millions of values): counted, not kept. Their
   * attributes' added/removed counts include them; comparisons that need the values themselves are not made.
   */
  cappedValues: number;
  /**
   * The caps cappedValues counts past, and how they are raised where the run was configured: present when
   * cappedValues > 0.
   */
  valueCaps?: { maxValuesPerAttribute: number; maxValuesPerObject: number; raisedBy: string };
}

/** The result of `syncstage exports` over several files: the total at the top, one summary per connector. */
export interface PendingExportReport extends PendingExportSummary {
  connectors: PendingExportSummary[];
}

export interface ExportAnalysisOptions {
  /** Accidental-delete limit from the option: it wins over the configuration's value. Default 500. */
  deletionThreshold?: number;
  /** What set deletionThreshold, for the reports: "set by the Action's deletion-threshold input". */
  deletionThresholdSetBy?: ThresholdSetter;
  /** From the server configuration (MV.xml), when a snapshot gives it; used when no option is given. */
  configuredThreshold?: { enabled: boolean; limit: number };
  /** Why the server configuration's threshold cannot be read (file, parameter, value), when it cannot. */
  unreadableThreshold?: string;
  /** Sensitive attributes (case-insensitive). Default DEFAULT_SENSITIVE_ATTRIBUTES. */
  sensitiveAttributes?: readonly string[];
  /** How many deletes, errors and renames are listed (default 20; `exports --format json`: JSON_LIST_LIMIT). */
  deleteSampleSize?: number;
  /** How many objects each risk group lists (default 20; `exports --format json`: JSON_LIST_LIMIT). */
  riskySampleSize?: number;
  /** Characters all those lists may keep together (DEFAULT_KEPT_CHARACTERS): past it, objects are counted only. */
  maxKeptCharacters?: number;
  /** Declares every file the Entra ID connector's (--entra); each file's content must agree. */
  entraConnector?: boolean;
  /** Longest value kept (characters); longer ones are counted in oversizedValues. Default 64 KiB. */
  maxValueLength?: number;
  /** How the unknown-kind note tells to name a connector. Default option-or-manifest (`syncstage exports`). */
  connectorNaming?: ConnectorNaming;
  /** The gzip ceiling and the value caps (src/xml/read-limits.ts); unset ones are the defaults. */
  limits?: ReadLimits;
}

export const DEFAULT_DELETION_THRESHOLD = 500;
/**
 * Objects `exports --format json` lists per list (deletes, each risk group, errors, renames); the rest are counted in
 * `omitted`. Measured on a 245 MB file (19,704 deletes, 8,695 errors, 6,445 renames, 38,046 risky objects): peak RSS
 * 110 MB at 1,000, 139 MB at 3,000, 162 MB at 5,000, 265 MB at 10,000 (100 MB for the Markdown); the CSV lists all.
 */
export const JSON_LIST_LIMIT = 5_000;
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
