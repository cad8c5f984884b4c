/**
 * The Action's inputs, read from `INPUT_*` as @actions/core does (name upper-cased, spaces to underscores, dashes
 * kept), so the parsing is testable with a plain env object. An empty input is "not given": the runner sets every
 * declared input, empty when the workflow leaves it out, which is why action.yml declares no defaults for them.
 */
import { repositoryGlobProblem } from '../files/glob.js';
import { InputError } from '../errors.js';
import { MIN_SECRET_LENGTH } from '../redact/redact.js';
import { COMMENT_MODES, FAIL_ON_VALUES, parseCommaList, SETTINGS_TABLE, type CommentMode, type LimitSettings, type SyncstageSettings } from './settings.js';
import { limitRangeText, READ_LIMITS } from '../xml/read-limits.js';
import { DEFAULT_EVENT_LIMITS, EVENT_LIMIT_SETTINGS, type EventLimits } from './event-budget.js';

export type Env = Record<string, string | undefined>;

export const DEFAULT_CONFIG_PATH = '.github/syncstage.yml';
/** The one fail-on vocabulary (settings.ts), shared with the config file and the App. */
export { FAIL_ON_VALUES };

/**
 * What a runtime gives a review explicitly, over the config file: the Action's inputs; the App gives only its
 * redaction key. Secrets travel here as typed values, never read back from an environment.
 */
export interface ExplicitInputs {
  /** Path of the config file in the repository. */
  configPath: string;
  /** Only what the workflow gave explicitly. */
  settings: Partial<SyncstageSettings>;
  /** The redaction key (a secret: masked by the adapter, never logged, never in an error message). */
  redactKey?: string;
}

export interface ActionInputs extends ExplicitInputs {
  /** The `token` input, else GITHUB_TOKEN; undefined when neither is set. Never logged. */
  token?: string;
  /** The run's budget (event-content-reads, event-blob-mib over DEFAULT_EVENT_LIMITS): one Action run is one event. */
  eventLimits?: EventLimits;
}

/**
 * Inputs that are limits: the read limits (also `limits:` in the config file) and the run's budget (inputs only: it
 * is charged from the run's first request, before the config file is read).
 */
export const LIMIT_INPUTS: readonly string[] = [...READ_LIMITS.map((spec) => spec.setting), ...EVENT_LIMIT_SETTINGS.map((spec) => spec.input)];

/** The App's explicit inputs: none but the redaction key from its own environment (read by src/server.ts). */
export function appInputs(redactKey?: string): ExplicitInputs {
  return { configPath: DEFAULT_CONFIG_PATH, settings: {}, ...(redactKey ? { redactKey } : {}) };
}

export function getInput(env: Env, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Globs, one per line (commas belong to glob braces, so they do not split). */
export function parseLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function inputError(name: string, reason: string): InputError {
  return new InputError(`input "${name}"`, reason);
}

/** A value as quoted in an error: one line, bounded (a pasted file must not flood the log). */
function quoted(value: string): string {
  const line = JSON.stringify(value);
  return line.length > 80 ? `${line.slice(0, 77)}…"` : line;
}

export function parseWholeNumber(name: string, value: string): number {
  const number = /^\d+$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw inputError(name, `expected a whole number (0 or more), got ${quoted(value)}`);
  return number;
}

export function parseBoolean(name: string, value: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw inputError(name, `expected true or false, got ${quoted(value)}`);
}

export function parseCommentMode(name: string, value: string): CommentMode {
  const mode = value.toLowerCase();
  if (!(COMMENT_MODES as readonly string[]).includes(mode)) throw inputError(name, `expected one of ${COMMENT_MODES.join(', ')}, got ${quoted(value)}`);
  return mode as CommentMode;
}

export function parseFailOnList(name: string, value: string): string[] {
  const expected = `a comma-separated list of ${FAIL_ON_VALUES.join(', ')}`;
  const items = parseCommaList(value.toLowerCase());
  if (items.length === 0) throw inputError(name, `no condition given (expected ${expected})`);
  for (const item of items) {
    if (!(FAIL_ON_VALUES as readonly string[]).includes(item)) throw inputError(name, `unknown condition ${quoted(item)} (expected ${expected})`);
  }
  return items.includes('none') ? [] : items;
}

/** Globs one per line: a value of only comments and blank lines would silently look at nothing. */
export function parseGlobLines(name: string, value: string): string[] {
  const globs = parseLines(value);
  if (globs.length === 0) throw inputError(name, 'no glob given, only comments or blank lines (expected at least one glob, one per line)');
  for (const glob of globs) {
    const problem = repositoryGlobProblem(glob);
    if (problem) throw inputError(name, `${problem} (expected globs of repository paths, one per line)`);
  }
  return globs;
}

/** One folder: several lines would be read as one path that exists nowhere. */
export function parseFolder(name: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw inputError(name, 'expected one folder path on one line, got several lines');
  return value;
}

/** The config file is read from a commit of this repository: a path inside it, relative to its root. */
export function parseRepositoryPath(name: string, value: string): string {
  const segments = value.split(/[\\/]/);
  if (/[\r\n\0]/.test(value) || /^([\\/]|[A-Za-z]:)/.test(value) || segments.includes('..')) {
    throw inputError(name, `expected a path inside the repository relative to its root, e.g. ${DEFAULT_CONFIG_PATH}, got ${quoted(value)}`);
  }
  return value;
}

/** Attribute names as the sync engine spells them: a letter, then letters, digits, `-`, `_` or `.`. */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function parseAttributeList(name: string, value: string): string[] {
  const expected = 'a comma-separated list of attribute names, e.g. userPrincipalName, proxyAddresses';
  const items = parseCommaList(value);
  if (items.length === 0) throw inputError(name, `no attribute given (expected ${expected})`);
  for (const item of items) {
    if (!ATTRIBUTE_NAME.test(item)) throw inputError(name, `${quoted(item)} is not an attribute name (expected ${expected})`);
  }
  return items;
}

/** The token goes into an HTTP header as it is: whitespace inside means two values or a pasted line break. */
export function parseToken(name: string, value: string): string {
  if (/\s/.test(value)) throw inputError(name, 'the token contains whitespace or a line break (expected one GitHub token, e.g. ${{ github.token }})');
  return value;
}

/** A secret: its value is never quoted in the error. */
export function parseRedactKey(name: string, value: string): string {
  if (value.length < MIN_SECRET_LENGTH) throw inputError(name, `the key is ${value.length} characters long (expected at least ${MIN_SECRET_LENGTH} characters, e.g. \${{ secrets.SYNCSTAGE_REDACT_KEY }})`);
  return value;
}

const SETTING_PARSERS: { [K in keyof SyncstageSettings]?: (name: string, value: string) => SyncstageSettings[K] } = {
  exports: parseGlobLines,
  runbooks: parseGlobLines,
  primary: parseFolder,
  staging: parseFolder,
  deletionThreshold: parseWholeNumber,
  sensitiveAttributes: parseAttributeList,
  comment: parseCommentMode,
  failOn: parseFailOnList,
  redact: parseBoolean,
  labels: parseBoolean,
};

/**
 * The Action's inputs, parsed; throws an InputError naming the input and the values it accepts on the first bad one.
 * Every input of action.yml is read here: the settings (SETTINGS_TABLE), `config`, `token` and `redact-key`.
 */
export function readActionInputs(env: Env): ActionInputs {
  const settings: Record<string, unknown> = {};
  for (const row of SETTINGS_TABLE) {
    if (!row.input) continue;
    const raw = getInput(env, row.input);
    const parse = SETTING_PARSERS[row.key];
    if (raw !== undefined && parse) settings[row.key] = parse(row.input, raw);
  }
  if (settings.deletionThreshold !== undefined) settings.deletionThresholdSetBy = 'action-input';
  const limits = readLimitInputs(env);
  if (Object.keys(limits).length > 0) settings.limits = limits;
  const eventLimits = readEventLimitInputs(env);
  const rawToken = getInput(env, 'token') ?? env.GITHUB_TOKEN?.trim();
  const token = rawToken ? parseToken('token', rawToken) : undefined;
  const rawKey = getInput(env, 'redact-key');
  const redactKey = rawKey === undefined ? undefined : parseRedactKey('redact-key', rawKey);
  if (settings.redact === true && redactKey === undefined) {
    throw inputError('redact-key', `redact is true but no key was given (expected a secret of at least ${MIN_SECRET_LENGTH} characters, e.g. \${{ secrets.SYNCSTAGE_REDACT_KEY }}); a fork's pull request gets no secrets`);
  }
  return {
    ...(token ? { token } : {}),
    ...(eventLimits ? { eventLimits } : {}),
    configPath: parseRepositoryPath('config', getInput(env, 'config') ?? DEFAULT_CONFIG_PATH),
    ...(redactKey ? { redactKey } : {}),
    settings: settings as Partial<SyncstageSettings>,
  };
}

/** A whole number from min to max, else an InputError naming the input, the value and the range. */
function parseLimit(name: string, value: string, min: number, max: number, expected: string): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) throw inputError(name, `expected ${expected}, got ${quoted(value)}`);
  return number;
}

/** max-inflated-mib, max-inflation-ratio, max-values-per-attribute, max-values-per-object: the ones given. */
function readLimitInputs(env: Env): LimitSettings {
  const limits: LimitSettings = {};
  for (const spec of READ_LIMITS) {
    const raw = getInput(env, spec.setting);
    if (raw === undefined) continue;
    limits[spec.name] = parseLimit(spec.setting, raw, spec.min, spec.max, limitRangeText(spec));
  }
  return limits;
}

/** event-content-reads and event-blob-mib over the defaults; undefined when neither is given. */
function readEventLimitInputs(env: Env): EventLimits | undefined {
  let limits: EventLimits | undefined;
  for (const spec of EVENT_LIMIT_SETTINGS) {
    const raw = getInput(env, spec.input);
    if (raw === undefined) continue;
    const value = parseLimit(spec.input, raw, spec.min, spec.max, `a whole number from ${spec.min.toLocaleString('en-US')} to ${spec.max.toLocaleString('en-US')} (${spec.unit}; default ${spec.default.toLocaleString('en-US')})`);
    limits = { ...(limits ?? DEFAULT_EVENT_LIMITS), [spec.name]: value * spec.scale };
  }
  return limits;
}
