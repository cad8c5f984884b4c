/**
 * The Action's inputs, read from `INPUT_*` as @actions/core does (name upper-cased, spaces to underscores, dashes
 * kept), so the parsing is testable with a plain env object. An empty input is "not given": the runner sets every
 * declared input, empty when the workflow leaves it out, which is why action.yml declares no defaults for them.
 */
import { InputError } from '../errors.js';
import { COMMENT_MODES, FAIL_ON_VALUES, parseCommaList, SETTINGS_TABLE, type CommentMode, type SyncstageSettings } from './settings.js';

export type Env = Record<string, string | undefined>;

export const DEFAULT_CONFIG_PATH = '.github/syncstage.yml';
/** The one fail-on vocabulary (settings.ts), shared with the config file and the App. */
export { FAIL_ON_VALUES };

export interface ActionInputs {
  /** Never logged. */
  token: string;
  /** Path of the config file in the repository. */
  configPath: string;
  /** Only what the workflow gave explicitly. */
  settings: Partial<SyncstageSettings>;
  /** The redaction key (a secret: masked by the adapter, never logged). */
  redactKey?: string;
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

export function parseWholeNumber(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw inputError(name, `expected a whole number, got "${value}"`);
  return Number.parseInt(value, 10);
}

export function parseBoolean(name: string, value: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw inputError(name, `expected true or false, got "${value}"`);
}

export function parseCommentMode(name: string, value: string): CommentMode {
  const mode = value.toLowerCase();
  if (!(COMMENT_MODES as readonly string[]).includes(mode)) throw inputError(name, `expected one of ${COMMENT_MODES.join(', ')}, got "${value}"`);
  return mode as CommentMode;
}

export function parseFailOnList(name: string, value: string): string[] {
  const items = parseCommaList(value.toLowerCase());
  for (const item of items) {
    if (!(FAIL_ON_VALUES as readonly string[]).includes(item)) throw inputError(name, `unknown condition "${item}" (expected a comma-separated list of ${FAIL_ON_VALUES.join(', ')})`);
  }
  return items.includes('none') ? [] : items;
}

const PARSERS: Partial<Record<keyof SyncstageSettings, (name: string, value: string) => unknown>> = {
  exports: (_name, value) => parseLines(value),
  runbooks: (_name, value) => parseLines(value),
  primary: (_name, value) => value,
  staging: (_name, value) => value,
  deletionThreshold: parseWholeNumber,
  sensitiveAttributes: (_name, value) => parseCommaList(value),
  comment: parseCommentMode,
  failOn: parseFailOnList,
  redact: parseBoolean,
};

/** The inputs the workflow set explicitly, parsed; throws an InputError naming the input on a bad value. */
export function readActionInputs(env: Env): ActionInputs {
  const settings: Record<string, unknown> = {};
  for (const row of SETTINGS_TABLE) {
    if (!row.input) continue;
    const raw = getInput(env, row.input);
    const parse = PARSERS[row.key];
    if (raw !== undefined && parse) settings[row.key] = parse(row.input, raw);
  }
  return {
    token: getInput(env, 'token') ?? '',
    configPath: getInput(env, 'config') ?? DEFAULT_CONFIG_PATH,
    redactKey: getInput(env, 'redact-key'),
    settings: settings as Partial<SyncstageSettings>,
  };
}
