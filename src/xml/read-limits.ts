/**
 * What reading one hostile file may cost (issue 15 items 6 and 7), as an operator sets it: how far a gzip file may
 * inflate, and how many values one csexport object keeps. One table of names, units, defaults and accepted ranges,
 * shared by every runtime (CLI options, Action inputs, `limits:` in .github/syncstage.yml, the App's environment),
 * so that they cannot disagree. Pure: the edges read their settings and hand the values in.
 */

/** The limits, in the units the reader and the parser use (bytes, a ratio, value counts). Unset: the default. */
export interface ReadLimits {
  /** Most bytes one gzip file may inflate to. Default 8 GiB. */
  maxInflatedBytes?: number;
  /** Most inflated bytes per compressed byte, once 64 MiB have been inflated. Default 200. */
  maxInflationRatio?: number;
  /** Values one csexport object keeps per attribute; the rest are counted. Default 10,000. */
  maxValuesPerAttribute?: number;
  /** Values one csexport object keeps, all attributes together; the rest are counted. Default 50,000. */
  maxValuesPerObject?: number;
  /**
   * How each limit is raised where this run was configured (`--max-inflated-mib`, "the max-inflated-mib input or
   * limits.max-inflated-mib in .github/syncstage.yml"): the messages that name a limit name this too.
   */
  raisedBy?: Partial<Record<ReadLimitName, string>>;
}

export type ReadLimitName = 'maxInflatedBytes' | 'maxInflationRatio' | 'maxValuesPerAttribute' | 'maxValuesPerObject';

export interface ReadLimitSpec {
  name: ReadLimitName;
  /** The setting's name everywhere: CLI option (with --), Action input, key under `limits:`, SYNCSTAGE_ + upper-case. */
  setting: string;
  /** The unit the setting is given in, and how many of the reader's units one of it is (MiB: 1,048,576 bytes). */
  unit: string;
  scale: number;
  /** The default, in the setting's unit. */
  default: number;
  /** Accepted values, in the setting's unit, inclusive. */
  min: number;
  max: number;
  description: string;
}

export const MIB = 1024 * 1024;

/** The one table: every runtime reads, validates and documents the limits from it. */
export const READ_LIMITS: readonly ReadLimitSpec[] = [
  {
    name: 'maxInflatedBytes',
    setting: 'max-inflated-mib',
    unit: 'MiB',
    scale: MIB,
    default: 8192,
    min: 1,
    max: 1_048_576,
    description: 'Most a gzip file (.xml.gz, an export or a configuration file) may inflate to; past it the file is refused.',
  },
  {
    name: 'maxInflationRatio',
    setting: 'max-inflation-ratio',
    unit: 'times',
    scale: 1,
    default: 200,
    min: 2,
    max: 100_000,
    description: 'Most inflated bytes per compressed byte, judged once 64 MiB have been inflated (XML exports compress 10 to 30 times); past it the file is refused.',
  },
  {
    name: 'maxValuesPerAttribute',
    setting: 'max-values-per-attribute',
    unit: 'values',
    scale: 1,
    default: 10_000,
    min: 1,
    max: 10_000_000,
    description: 'Values one object keeps per attribute; the rest are counted (in the counts, not compared value by value) and the report says how many.',
  },
  {
    name: 'maxValuesPerObject',
    setting: 'max-values-per-object',
    unit: 'values',
    scale: 1,
    default: 50_000,
    min: 1,
    max: 10_000_000,
    description: 'Values one object keeps, all attributes together; the rest are counted as above.',
  },
];

export function readLimitSpec(name: ReadLimitName): ReadLimitSpec {
  return READ_LIMITS.find((spec) => spec.name === name) as ReadLimitSpec;
}

/** How a limit is raised, for a message: the run's own words, else the setting's name and where limits are documented. */
export function raisedBy(limits: ReadLimits | undefined, name: ReadLimitName): string {
  return limits?.raisedBy?.[name] ?? `the ${readLimitSpec(name).setting} setting (docs/security.md, "Limits")`;
}

/** Whether a value given in the setting's unit is accepted: a whole number within the range. */
export function isValidLimit(spec: ReadLimitSpec, value: number): boolean {
  return Number.isSafeInteger(value) && value >= spec.min && value <= spec.max;
}

/** "a whole number from 1 to 1,048,576 (MiB)": what a setting accepts, for the errors that refuse a value. */
export function limitRangeText(spec: ReadLimitSpec): string {
  return `a whole number from ${spec.min.toLocaleString('en-US')} to ${spec.max.toLocaleString('en-US')} (${spec.unit}; default ${spec.default.toLocaleString('en-US')})`;
}

/** Values in the settings' units (max-inflated-mib: MiB) as ReadLimits, with how each is raised. */
export function readLimitsFromSettings(values: Partial<Record<ReadLimitName, number>>, raisedByName: (spec: ReadLimitSpec) => string): ReadLimits {
  const limits: ReadLimits = {};
  const raised: Partial<Record<ReadLimitName, string>> = {};
  for (const spec of READ_LIMITS) {
    const value = values[spec.name];
    if (value !== undefined) limits[spec.name] = value * spec.scale;
    raised[spec.name] = raisedByName(spec);
  }
  limits.raisedBy = raised;
  return limits;
}
