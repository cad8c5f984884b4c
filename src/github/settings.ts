/**
 * What a syncstage run is configured with, whatever the source: Action inputs, `.github/syncstage.yml`, or both.
 * The settings-file loader (src/github/settings-file.ts) returns a Partial<SyncstageSettings>; the Action's inputs another; they are
 * merged with SETTINGS_TABLE's defaults by mergeSettings (src/github/inputs.ts). Defaults live here and only here:
 * action.yml gives no default to an input the file can set, or the file could never win over it.
 */
import { DEFAULT_DELETION_THRESHOLD } from '../exports/types.js';
import type { SyncstageConfigFile } from './settings-schema.js';
import type { VerificationInputs } from '../verify/types.js';
import { READ_LIMITS, readLimitsFromSettings, type ReadLimitName, type ReadLimits, type ReadLimitSpec } from '../xml/read-limits.js';

export type CommentMode = 'update' | 'recreate' | 'new' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['update', 'recreate', 'new', 'off'];

export interface SyncstageSettings {
  exports: string[];
  primary?: string;
  staging?: string;
  runbooks: string[];
  deletionThreshold?: number;
  /** What set deletionThreshold: set with it by each layer, so the layer that wins says so in the reports. */
  deletionThresholdSetBy?: 'action-input' | 'settings-file';
  sensitiveAttributes?: string[];
  comment: CommentMode;
  failOn: string[];
  redact?: boolean;
  /** Add and remove the syncstage: labels of the pull request (src/github/labels.ts). */
  labels?: boolean;
  verifyOnEdit?: boolean;
  allowlist?: { users: string[]; teams: string[] };
  maxSnapshotAgeHours?: number;
  maxSyncAgeHours?: number;
  nameMap?: Record<string, string>;
  /** Read limits in their settings' units (max-inflated-mib: MiB): `limits:` in the config file, the Action's inputs. */
  limits?: LimitSettings;
  /**
   * The App's ceilings on the read limits (SYNCSTAGE_MAX_INFLATED_MIB, ...: its operator's, never a repository's):
   * the config file may lower a limit under its ceiling, never raise it past. Unset in the Action (its runner is the
   * repository's own).
   */
  limitCeilings?: LimitSettings;
}

/** Read limits by name, in their settings' units (src/xml/read-limits.ts). */
export type LimitSettings = Partial<Record<ReadLimitName, number>>;

/** The conditions `fail-on` may name, on every command and in both runtimes. */
export { FAIL_ON_CONDITIONS as FAIL_ON_VALUES } from '../verify/fail-on.js';

/** "a, b" or "a\nb" (an input, a YAML string) as a list; blank items dropped. */
export function parseCommaList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map((item) => item.trim()).filter(Boolean) : parseCommaList(value);
}

function failOnList(value: string | string[] | undefined): string[] | undefined {
  const items = list(value)?.map((item) => item.toLowerCase());
  return items?.includes('none') ? [] : items;
}

/** `.github/syncstage.yml` (kebab-case, validated) as settings; keys the file leaves out stay unset. */
export function configFileToSettings(file: SyncstageConfigFile): Partial<SyncstageSettings> {
  const settings: Partial<SyncstageSettings> = {
    exports: list(file.exports),
    primary: file.primary,
    staging: file.staging,
    runbooks: list(file.runbooks),
    deletionThreshold: file['deletion-threshold'],
    deletionThresholdSetBy: file['deletion-threshold'] !== undefined ? 'settings-file' : undefined,
    sensitiveAttributes: list(file['sensitive-attributes']),
    comment: file.comment,
    // `none` wins over anything listed with it, as in the Action's input (inputs.ts parseFailOnList).
    failOn: failOnList(file['fail-on']),
    redact: file.redact,
    labels: file.labels,
    verifyOnEdit: file['verify-on-edit'],
    allowlist: file.allowlist ? { users: file.allowlist.users ?? [], teams: file.allowlist.teams ?? [] } : undefined,
    maxSnapshotAgeHours: file['max-snapshot-age-hours'],
    maxSyncAgeHours: file['max-sync-age-hours'],
    nameMap: file['name-map'],
    limits: file.limits ? limitsFromFile(file.limits) : undefined,
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<SyncstageSettings>;
}

/** `limits:` of the config file (kebab-case keys, validated by the schema) by limit name. */
function limitsFromFile(file: Record<string, number>): LimitSettings {
  const limits: LimitSettings = {};
  for (const spec of READ_LIMITS) {
    const value = file[spec.setting];
    if (value !== undefined) limits[spec.name] = value;
  }
  return limits;
}

export type SettingKey = keyof SyncstageSettings;

export interface SettingRow {
  key: SettingKey;
  /** The action input and config-file key (kebab-case); undefined when only the config file can set it. */
  input?: string;
  /** The default, applied in code; undefined when "not set" is a meaning of its own. */
  default: SyncstageSettings[SettingKey];
  /** How the default reads in the documentation. */
  defaultText: string;
  description: string;
}

/** The one table of settings and defaults: docs/configuration.md is checked against it by a test. */
export const SETTINGS_TABLE: readonly SettingRow[] = [
  {
    key: 'exports',
    input: 'exports',
    default: ['**/exports/*.xml', '**/exports/*.xml.gz'],
    defaultText: '`**/exports/*.xml`, `**/exports/*.xml.gz`',
    description: 'Globs of committed `csexport /f:x` files (one per line).',
  },
  { key: 'primary', input: 'primary', default: undefined, defaultText: 'not set', description: 'Snapshot (or bare configuration) folder of the active server.' },
  { key: 'staging', input: 'staging', default: undefined, defaultText: 'not set', description: 'Snapshot (or bare configuration) folder of the staging server.' },
  {
    key: 'runbooks',
    input: 'runbooks',
    default: ['**/*runbook*.md', '**/runbooks/*.md'],
    defaultText: '`**/*runbook*.md`, `**/runbooks/*.md`',
    description: 'Globs of failover runbooks; the gate evaluates those a pull request adds or changes (one per line).',
  },
  {
    key: 'deletionThreshold',
    input: 'deletion-threshold',
    default: undefined,
    defaultText: `the server's configured value, else ${DEFAULT_DELETION_THRESHOLD}`,
    description: "Accidental-delete limit deletes to Entra ID are compared to (over it when deletes > limit); when set, it wins over the server's configured value.",
  },
  {
    key: 'sensitiveAttributes',
    input: 'sensitive-attributes',
    default: undefined,
    defaultText: 'sourceAnchor, userPrincipalName, onPremisesImmutableId, cloudAnchor, accountEnabled, cloudFiltered, proxyAddresses',
    description: 'Attributes whose pending changes are listed as risky (comma-separated).',
  },
  { key: 'comment', input: 'comment', default: 'update', defaultText: '`update`', description: 'Sticky comment mode: `update` | `recreate` | `new` | `off`.' },
  {
    key: 'failOn',
    input: 'fail-on',
    default: ['threshold', 'errors'],
    defaultText: '`threshold,errors`',
    description: 'Conditions that fail the step and the `syncstage/review` check (comma-separated): threshold, errors, risky, drift, prerequisites, not-ready, none. Input that could not be read fails them whatever this says.',
  },
  { key: 'redact', input: 'redact', default: false, defaultText: '`false`', description: 'Replace UPNs, mail addresses and names with keyed hashes everywhere syncstage writes.' },
  {
    key: 'labels',
    input: 'labels',
    default: false,
    defaultText: '`false`',
    description:
      'Label the pull request `syncstage:not-ready`, `syncstage:deletes`, `syncstage:drift`, `syncstage:risky` while each holds, and remove each when it no longer does (no other label is touched). Needs `pull-requests: write`, and `issues: write` to create a label the first time. A failed label update fails the step.',
  },
  { key: 'maxSnapshotAgeHours', default: undefined, defaultText: '24 (a runbook may only tighten it)', description: 'Config file only: snapshots older than this are stale evidence for the gate.' },
  { key: 'maxSyncAgeHours', default: undefined, defaultText: '3 (a runbook may only tighten it)', description: 'Config file only: the staging server must have synced this recently.' },
  { key: 'verifyOnEdit', default: false, defaultText: '`false`', description: 'Config file only: re-run `/verify-staging` when its comment is edited (the App; authorised as the editor).' },
  { key: 'allowlist', default: undefined, defaultText: 'write, maintain and admin', description: 'Config file only: `users` and `teams` allowed to run `/verify-staging`.' },
  {
    key: 'limits',
    default: undefined,
    defaultText: 'see [Limits](security.md#limits)',
    description:
      'Config file `limits:` (and the Action inputs of the same names): `max-inflated-mib`, `max-inflation-ratio`, `max-values-per-attribute`, `max-values-per-object`, what reading one hostile file may cost. In the App, its operator\'s environment sets the ceilings and the file may only lower them.',
  },
  {
    key: 'nameMap',
    default: undefined,
    defaultText: 'none',
    description: 'Config file only (`name-map`): names that differ on purpose, primary name to staging name (`contoso.com: contoso-dev.com`), as `syncstage drift --map`; drift and the switch impact\'s connector pairing use it. An entry whose name occurs nowhere on its side (configuration or export files) fails the review, naming it.',
  },
];

/** Settings with every default applied. */
export function defaultSettings(): SyncstageSettings {
  const settings: Record<string, unknown> = {};
  for (const row of SETTINGS_TABLE) {
    if (row.default !== undefined) settings[row.key] = structuredClone(row.default);
  }
  return settings as unknown as SyncstageSettings;
}

/** Layers settings: the later layer wins for each key it sets; undefined never overrides. */
export function mergeSettings(...layers: Partial<SyncstageSettings>[]): SyncstageSettings {
  const merged: Record<string, unknown> = { ...defaultSettings() };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      // Limits layer one by one: an input sets its limit and leaves the file's others standing.
      merged[key] = key === 'limits' || key === 'limitCeilings' ? { ...(merged[key] as LimitSettings | undefined), ...(value as LimitSettings) } : value;
    }
  }
  return merged as unknown as SyncstageSettings;
}

/** The Markdown table of settings in docs/configuration.md (a test checks the file holds exactly this). */
export function renderSettingsTable(): string {
  const rows = SETTINGS_TABLE.map((row) => `| ${row.input ? `\`${row.input}\`` : '—'} | \`${row.key}\` | ${row.defaultText} | ${row.description} |`);
  return ['| Input / file key | Setting | Default | What it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** What the core is asked to verify, from the settings. */
export function settingsToVerificationInputs(settings: SyncstageSettings, now: Date): VerificationInputs {
  const inputs: VerificationInputs = { exports: settings.exports, runbooks: settings.runbooks, now };
  if (settings.primary !== undefined) inputs.primary = settings.primary;
  if (settings.staging !== undefined) inputs.staging = settings.staging;
  if (settings.deletionThreshold !== undefined) {
    inputs.deletionThreshold = settings.deletionThreshold;
    if (settings.deletionThresholdSetBy !== undefined) inputs.deletionThresholdSetBy = settings.deletionThresholdSetBy;
  }
  if (settings.sensitiveAttributes !== undefined) inputs.sensitiveAttributes = settings.sensitiveAttributes;
  if (settings.redact) inputs.redact = true;
  if (settings.nameMap !== undefined && Object.keys(settings.nameMap).length > 0) inputs.nameMap = settings.nameMap;
  inputs.limits = readLimitsOf(settings);
  if (settings.maxSnapshotAgeHours !== undefined || settings.maxSyncAgeHours !== undefined) {
    inputs.gate = {
      ...(settings.maxSnapshotAgeHours !== undefined ? { maxSnapshotAgeHours: settings.maxSnapshotAgeHours } : {}),
      ...(settings.maxSyncAgeHours !== undefined ? { maxSyncAgeHours: settings.maxSyncAgeHours } : {}),
    };
  }
  return inputs;
}

/**
 * The read limits a run works under, each with the words that raise it. In the Action: the inputs over the config
 * file over the defaults. In the App (limitCeilings set): the config file's value when it is under the operator's
 * ceiling, else the ceiling.
 */
export function readLimitsOf(settings: Pick<SyncstageSettings, 'limits' | 'limitCeilings'>): ReadLimits {
  const ceilings = settings.limitCeilings;
  const chosen = settings.limits ?? {};
  if (!ceilings) {
    return readLimitsFromSettings(chosen, (spec) => `the ${spec.setting} input or ${spec.setting} under limits: in .github/syncstage.yml`);
  }
  const values: LimitSettings = {};
  const fileWins = new Set<ReadLimitName>();
  for (const spec of READ_LIMITS) {
    const ceiling = ceilings[spec.name] ?? spec.default;
    const asked = chosen[spec.name];
    if (asked !== undefined && asked < ceiling) fileWins.add(spec.name);
    values[spec.name] = asked !== undefined && asked < ceiling ? asked : ceiling;
  }
  const raisedByInApp = (spec: ReadLimitSpec): string =>
    fileWins.has(spec.name)
      ? `${spec.setting} under limits: in .github/syncstage.yml (up to ${ceilingText(spec, ceilings)}, the App's ${appVariable(spec)})`
      : `${appVariable(spec)} on the App's server (its operator's setting; .github/syncstage.yml may only lower it)`;
  return readLimitsFromSettings(values, raisedByInApp);
}

/** The App's environment variable of a read limit: SYNCSTAGE_MAX_INFLATED_MIB. */
export function appVariable(spec: ReadLimitSpec): string {
  return `SYNCSTAGE_${spec.setting.toUpperCase().replace(/-/g, '_')}`;
}

function ceilingText(spec: ReadLimitSpec, ceilings: LimitSettings): string {
  return `${(ceilings[spec.name] ?? spec.default).toLocaleString('en-US')}${spec.unit === 'MiB' ? ' MiB' : ''}`;
}
