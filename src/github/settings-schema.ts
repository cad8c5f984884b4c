/**
 * `.github/syncstage.yml` as written: validated against schemas/config.schema.json. A bad file is a ConfigError
 * naming the key and what it must be. It is read at the trusted commit by one loader (src/github/settings-loader.ts).
 */
import { repositoryGlobProblem } from '../files/glob.js';
import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../schemas/config.schema.json' with { type: 'json' };

export const CONFIG_FILE_NAME = 'syncstage.yml';
export const CONFIG_PATH = `.github/${CONFIG_FILE_NAME}`;

/** The file as written (kebab-case keys). The integrator maps it onto SyncstageSettings. */
export interface SyncstageConfigFile {
  exports?: string | string[];
  primary?: string;
  staging?: string;
  runbooks?: string | string[];
  'deletion-threshold'?: number;
  'sensitive-attributes'?: string | string[];
  comment?: 'update' | 'recreate' | 'new' | 'off';
  /** Comma-separated or a list: threshold, errors, risky, drift, prerequisites, not-ready, none. */
  'fail-on'?: string | string[];
  redact?: boolean;
  labels?: boolean;
  'verify-on-edit'?: boolean;
  allowlist?: { users?: string[]; teams?: string[] };
  'max-snapshot-age-hours'?: number;
  'max-sync-age-hours'?: number;
  /** Names that differ on purpose: the primary server's name -> the staging server's. */
  'name-map'?: Record<string, string>;
  /** Read limits (src/xml/read-limits.ts), by setting name: max-inflated-mib, max-inflation-ratio, ... */
  limits?: Record<string, number>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
const validate = ajv.compile<SyncstageConfigFile>(schema);

/** `/allowlist/users/0` -> `allowlist.users[0]`. */
export function keyPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function describeError(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    const parent = keyPath(error.instancePath);
    const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> }).properties ?? {});
    const name = parent === '' ? extra : `${parent}.${extra}`;
    return `unknown key ${JSON.stringify(name)} (known keys: ${known.join(', ')})`;
  }
  const path = keyPath(error.instancePath);
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  const expected = description ? `must be ${description}` : (error.message ?? 'is not valid');
  return path === '' ? expected : `${JSON.stringify(path)} ${expected}`;
}

/** Of the errors about the first bad value, the one from the outermost schema (anyOf over its branches). */
function mostGeneralError(errors: ErrorObject[]): ErrorObject | undefined {
  const first = errors[0];
  if (!first) return undefined;
  return errors
    .filter((error) => error.instancePath === first.instancePath)
    .reduce((best, error) => (error.schemaPath.split('/').length < best.schemaPath.split('/').length ? error : best), first);
}

/** Validates the parsed YAML (null or undefined: no file, all defaults). Pure. */
export function parseSyncstageConfig(raw: unknown, file: string = CONFIG_PATH): SyncstageConfigFile {
  if (raw === null || raw === undefined) return {};
  if (validate(raw)) {
    // Globs the schema accepts but that can match no repository path (`./runbooks/*.md`): refused, never "no runbook".
    for (const key of ['runbooks', 'exports'] as const) {
      const value = raw[key];
      const globs = (value === undefined ? [] : Array.isArray(value) ? value : value.split(',')).map((glob) => glob.trim()).filter(Boolean);
      for (const glob of globs) {
        const problem = repositoryGlobProblem(glob);
        if (problem) throw new ConfigError(file, `${JSON.stringify(key)}: ${problem}`);
      }
    }
    return raw;
  }
  const error = mostGeneralError(validate.errors ?? []);
  throw new ConfigError(file, error ? describeError(error) : 'is not valid');
}
