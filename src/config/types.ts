/**
 * A normalized server configuration (names, not GUIDs) and the drift report between two of them.
 * JSON output of `syncstage drift` is DriftReport (schemas/drift.schema.json).
 */
export const DRIFT_SCHEMA_VERSION = 1;

export interface ScopeCondition {
  attribute: string;
  operator: string;
  value: string;
}

export interface JoinCondition {
  csAttribute: string;
  mvAttribute: string;
  caseSensitive: boolean;
}

export interface AttributeMapping {
  destination: string;
  sources: string[];
  expression?: string;
  mergeType?: string;
  executeOnce: boolean;
}

export interface SyncRule {
  /** connector name (lower-case) + rule name + direction + link type: how rules are matched between servers. */
  key: string;
  name: string;
  description?: string;
  connector: string;
  direction: 'Inbound' | 'Outbound' | string;
  linkType: string;
  sourceObjectType?: string;
  targetObjectType?: string;
  precedence: number;
  disabled: boolean;
  immutableTag?: string;
  /** Out-of-box (immutable tag Microsoft.*) or custom. */
  outOfBox: boolean;
  /** OR of AND groups. */
  scope: ScopeCondition[][];
  /** OR of AND groups. */
  join: JoinCondition[][];
  mappings: AttributeMapping[];
  /** Other top-level settings of the rule (EnablePasswordSync, softDeleteExpiryInterval, ...), compared as they are. */
  other?: Record<string, string>;
  /** File it came from, for messages. */
  file?: string;
}

export interface ConnectorPartition {
  name: string;
  selected: boolean;
  objectClasses: string[];
  inclusions: string[];
  exclusions: string[];
}

export interface RunProfile {
  name: string;
  steps: string[];
}

export interface ConnectorConfig {
  name: string;
  /** AD | Extensible2 | ... */
  category: string;
  subtype?: string;
  isEntraConnector: boolean;
  partitions: ConnectorPartition[];
  attributeInclusion: string[];
  runProfiles: RunProfile[];
  passwordHashSync?: boolean;
  /** private-configuration parameter values by name, minus per-server ones (service account, password, cookie, last DC). */
  parameters?: Record<string, string>;
  file?: string;
}

/** A value that differs between servers without being drift (docs/formats.md §2), kept only to count it. */
export interface NoiseValue {
  /** guid, timestamp, version, cookie, lastDc, nextStartTime, serverName, exportDate, serviceAccount. */
  kind: string;
  /** Stable place of the value in names, e.g. "connector:contoso.com:creation-time". */
  path: string;
  value: string;
}

export interface ServerConfig {
  /** MV.xml `server`: per-server, never drift. */
  server?: string;
  exportDate?: string;
  /** Global parameters by name (Microsoft.Synchronize.StagingMode, ...). */
  globalSettings: Record<string, string>;
  /** Keyed by lower-case connector name. */
  connectors: Record<string, ConnectorConfig>;
  /** Keyed by SyncRule.key. */
  rules: Record<string, SyncRule>;
  /** From the settings JSON, when given (friendly name -> policy object, kept lenient). */
  settings?: Record<string, unknown>;
  /** Parts absent from the folder. */
  missing: string[];
  /** Per-server values ignored by the diff (GUIDs, timestamps, cookies, ...), counted in DriftReport.ignored. */
  noise?: NoiseValue[];
  /** Entra Connect version from a snapshot manifest; preferred over ServerConfigurationVersion when both sides have it. */
  connectVersion?: string;
}

export type DriftCategory =
  | 'version'
  | 'identity'
  | 'features'
  | 'scope'
  | 'sync-rules'
  | 'connectors'
  | 'settings';

/** Ranked by what breaks a failover first. */
export const DRIFT_CATEGORY_ORDER: readonly DriftCategory[] = ['version', 'identity', 'features', 'scope', 'sync-rules', 'connectors', 'settings'];

export interface DriftDifference {
  /** Stable id: hash of category, subject and field, so a runbook can acknowledge it. */
  id: string;
  category: DriftCategory;
  kind: 'added' | 'removed' | 'changed';
  /** Human name: rule name, connector name, setting name, container DN. */
  subject: string;
  field: string;
  /** Value on the primary (active) server; absent when kind is 'added'. */
  primary?: string;
  /** Value on the staging server; absent when kind is 'removed'. */
  staging?: string;
  /** Connector the subject belongs to (rules, partitions, attribute inclusion). */
  connector?: string;
  /** Dotted path of the field, what --ignore matches: "settings.Microsoft.Synchronize.TimeInterval", "connectors.contoso.com.runProfiles". */
  path?: string;
  /** "expression" when the values are sync-rule expressions (rendered as code blocks). */
  format?: 'expression' | 'text';
}

export interface ProductVersionChange {
  subject: string;
  /** Connector of the rule. */
  connector?: string;
  field: 'precedence' | 'immutableTag';
  primary: string;
  staging: string;
}

export interface Expectation {
  /** e.g. "StagingMode". */
  name: string;
  server: 'primary' | 'staging';
  expected: string;
  actual?: string;
  ok: boolean;
  message: string;
}

export interface DriftReport {
  schemaVersion: number;
  primary: { server?: string; version?: string; path?: string };
  staging: { server?: string; version?: string; path?: string };
  differences: DriftDifference[];
  productVersion: ProductVersionChange[];
  expected: Expectation[];
  /** Noise ignored, by kind: guid, timestamp, version, cookie, lastDc, nextStartTime, serverName, exportDate, connectorNameCase. */
  ignored: Record<string, number>;
  /** Parts missing from either side, in words. */
  missing: string[];
  /** Real differences left out on request, by reason: defaultRules, onlyChanges, ignorePaths. */
  hidden?: Record<string, number>;
  /** DriftOptions.ignorePaths that matched no difference (a typo hides nothing): the CLI warns about them. */
  unmatchedIgnorePaths?: string[];
}

export interface DriftOptions {
  /** Names that differ on purpose: primary value -> staging value (contoso.com=contoso-dev.com). */
  nameMap?: Record<string, string>;
  hideDefaultRules?: boolean;
  onlyChanges?: boolean;
  /** Extra field paths to ignore, e.g. "connectors.*.runProfiles" or "settings.Microsoft.Synchronize.TimeInterval". */
  ignorePaths?: string[];
}
