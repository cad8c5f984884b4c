/**
 * `--max-inflated-mib`, `--max-inflation-ratio`, `--max-values-per-attribute`, `--max-values-per-object`: the read
 * limits (src/xml/read-limits.ts) on every command that reads export or configuration files. A value that is not a
 * whole number in range is bad usage naming the option and the value (exit 2), never the default in silence.
 */
import { isValidLimit, limitRangeText, READ_LIMITS, readLimitsFromSettings, type ReadLimitName, type ReadLimits } from '../xml/read-limits.js';
import { UsageError } from './common.js';

export const LIMIT_OPTIONS = {
  'max-inflated-mib': { type: 'string' },
  'max-inflation-ratio': { type: 'string' },
  'max-values-per-attribute': { type: 'string' },
  'max-values-per-object': { type: 'string' },
} as const;

type LimitOptionValues = { [K in keyof typeof LIMIT_OPTIONS]?: string | undefined };

const HELP: Record<ReadLimitName, string> = {
  maxInflatedBytes: 'most a gzip file may inflate to, in MiB',
  maxInflationRatio: 'most inflated bytes per compressed byte, past 64 MiB',
  maxValuesPerAttribute: 'values an object keeps per attribute, the rest counted',
  maxValuesPerObject: 'values an object keeps in all, the rest counted',
};

/** The options' help lines, the description starting at `column` (each command aligns its own). */
export function limitsUsage(column: number): string {
  return READ_LIMITS.map((spec) => {
    const flag = `  --${spec.setting} N`;
    const gap = flag.length < column - 1 ? ' '.repeat(column - flag.length) : `\n${' '.repeat(column)}`;
    return `${flag}${gap}${HELP[spec.name]} (default ${spec.default})`;
  }).join('\n');
}

/** The limits the options set, each raised by its option; a refusal names the option and the value. */
export function readLimitOptions(values: LimitOptionValues): ReadLimits {
  const given: Partial<Record<ReadLimitName, number>> = {};
  for (const spec of READ_LIMITS) {
    const raw = values[spec.setting as keyof LimitOptionValues];
    if (raw === undefined) continue;
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!isValidLimit(spec, value)) throw new UsageError(`--${spec.setting}: expected ${limitRangeText(spec)}, got ${JSON.stringify(raw)}`);
    given[spec.name] = value;
  }
  return readLimitsFromSettings(given, (spec) => `--${spec.setting}`);
}
