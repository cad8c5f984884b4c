/**
 * The read limits and the run's budget as trusted settings (issue 15 items 6, 7 and 10, configurable): `limits:` in
 * .github/syncstage.yml (schema-checked), the Action's inputs over it, the App's environment as ceilings the file may
 * only lower. Each limit reaches the verification with the words that raise it.
 */
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { ConfigError, parseSyncstageConfig } from '../../src/github/settings-schema.js';
import { readActionInputs } from '../../src/github/inputs.js';
import { configFileToSettings, mergeSettings, settingsToVerificationInputs, type SyncstageSettings } from '../../src/github/settings.js';
import { readServerEnvironment, ServerEnvironmentError } from '../../src/server/environment.js';
import { READ_LIMITS } from '../../src/xml/read-limits.js';
import { privateKey } from './helpers.js';

const FILE = '.github/syncstage.yml';
const NOW = new Date('2026-11-24T12:00:00Z');
const MIB = 1024 * 1024;

function fileSettings(limits: Record<string, unknown>): Partial<SyncstageSettings> {
  return configFileToSettings(parseSyncstageConfig({ limits }, FILE));
}

function refusal(limits: Record<string, unknown>): string {
  try {
    parseSyncstageConfig({ limits }, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('limits: in .github/syncstage.yml', () => {
  it('the schema accepts each limit in the range of the one table, and nothing else', () => {
    const properties = (schema.properties.limits as { properties: Record<string, { minimum: number; maximum: number }> }).properties;
    expect(Object.keys(properties)).toEqual(READ_LIMITS.map((spec) => spec.setting));
    for (const spec of READ_LIMITS) expect([properties[spec.setting]?.minimum, properties[spec.setting]?.maximum], spec.setting).toEqual([spec.min, spec.max]);
  });

  it.each([
    [{ 'max-inflated-mib': 0 }, '"limits.max-inflated-mib" must be a whole number from 1 to 1048576 (MiB a gzip file may inflate to; default 8192)'],
    [{ 'max-inflation-ratio': 100_001 }, '"limits.max-inflation-ratio" must be a whole number from 2 to 100000 (inflated bytes per compressed byte; default 200)'],
    [{ 'max-values-per-attribute': 1.5 }, '"limits.max-values-per-attribute" must be a whole number from 1 to 10000000 (values one object keeps per attribute; default 10000)'],
    [{ 'max-values-per-object': 'lots' }, '"limits.max-values-per-object" must be a whole number from 1 to 10000000 (values one object keeps in all; default 50000)'],
    [{ 'max-inflated-gib': 1 }, 'unknown key "limits.max-inflated-gib" (known keys: max-inflated-mib, max-inflation-ratio, max-values-per-attribute, max-values-per-object)'],
  ])('refuses %j naming the key and what it must be', (limits, message) => {
    expect(refusal(limits)).toBe(`${FILE}: ${message}`);
  });

  it('reaches the verification in the reader\'s units, each limit naming the input and the file key that raise it', () => {
    const inputs = settingsToVerificationInputs(mergeSettings(fileSettings({ 'max-inflated-mib': 64, 'max-values-per-object': 500 })), NOW);
    expect(inputs.limits).toEqual({
      maxInflatedBytes: 64 * MIB,
      maxValuesPerObject: 500,
      raisedBy: {
        maxInflatedBytes: 'the max-inflated-mib input or max-inflated-mib under limits: in .github/syncstage.yml',
        maxInflationRatio: 'the max-inflation-ratio input or max-inflation-ratio under limits: in .github/syncstage.yml',
        maxValuesPerAttribute: 'the max-values-per-attribute input or max-values-per-attribute under limits: in .github/syncstage.yml',
        maxValuesPerObject: 'the max-values-per-object input or max-values-per-object under limits: in .github/syncstage.yml',
      },
    });
  });

  it('an Action input wins for its limit and leaves the file\'s other limits standing', () => {
    const action = readActionInputs({ 'INPUT_MAX-INFLATED-MIB': '16', GITHUB_TOKEN: 'ghs_x' });
    const merged = mergeSettings(fileSettings({ 'max-inflated-mib': 64, 'max-values-per-object': 500 }), action.settings);
    expect(merged.limits).toEqual({ maxInflatedBytes: 16, maxValuesPerObject: 500 });
    expect(settingsToVerificationInputs(merged, NOW).limits).toMatchObject({ maxInflatedBytes: 16 * MIB, maxValuesPerObject: 500 });
  });
});

describe('the App: its environment sets ceilings, the file may only lower them', () => {
  const app = (limits: Record<string, unknown> | undefined, ceilings: SyncstageSettings['limitCeilings'] = {}) =>
    settingsToVerificationInputs(mergeSettings(limits ? fileSettings(limits) : {}, { limitCeilings: ceilings }), NOW).limits;

  it('with neither, the defaults, raised by the App\'s variables', () => {
    expect(app(undefined)).toEqual({
      maxInflatedBytes: 8192 * MIB,
      maxInflationRatio: 200,
      maxValuesPerAttribute: 10_000,
      maxValuesPerObject: 50_000,
      raisedBy: {
        maxInflatedBytes: "SYNCSTAGE_MAX_INFLATED_MIB on the App's server (its operator's setting; .github/syncstage.yml may only lower it)",
        maxInflationRatio: "SYNCSTAGE_MAX_INFLATION_RATIO on the App's server (its operator's setting; .github/syncstage.yml may only lower it)",
        maxValuesPerAttribute: "SYNCSTAGE_MAX_VALUES_PER_ATTRIBUTE on the App's server (its operator's setting; .github/syncstage.yml may only lower it)",
        maxValuesPerObject: "SYNCSTAGE_MAX_VALUES_PER_OBJECT on the App's server (its operator's setting; .github/syncstage.yml may only lower it)",
      },
    });
  });

  it('a file value under the ceiling wins and names the file; one over it is the ceiling, naming the variable', () => {
    const limits = app({ 'max-inflated-mib': 16, 'max-values-per-object': 900_000 }, { maxInflatedBytes: 1024, maxValuesPerObject: 100_000 });
    expect(limits?.maxInflatedBytes).toBe(16 * MIB);
    expect(limits?.raisedBy?.maxInflatedBytes).toBe("max-inflated-mib under limits: in .github/syncstage.yml (up to 1,024 MiB, the App's SYNCSTAGE_MAX_INFLATED_MIB)");
    expect(limits?.maxValuesPerObject).toBe(100_000);
    expect(limits?.raisedBy?.maxValuesPerObject).toBe("SYNCSTAGE_MAX_VALUES_PER_OBJECT on the App's server (its operator's setting; .github/syncstage.yml may only lower it)");
  });

  it('reads the ceilings from SYNCSTAGE_MAX_* and refuses to start on a bad one, naming it', () => {
    const env = { APP_ID: '123', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: 's3cret' };
    expect(readServerEnvironment({ ...env, SYNCSTAGE_MAX_INFLATED_MIB: '512', SYNCSTAGE_MAX_VALUES_PER_OBJECT: '20000' }).readLimitCeilings).toEqual({ maxInflatedBytes: 512, maxValuesPerObject: 20_000 });
    expect(() => readServerEnvironment({ ...env, SYNCSTAGE_MAX_INFLATION_RATIO: '1' })).toThrow(new ServerEnvironmentError('SYNCSTAGE_MAX_INFLATION_RATIO must be a whole number from 2 to 100,000 (times; default 200), not "1"'));
    expect(() => readServerEnvironment({ ...env, SYNCSTAGE_MAX_VALUES_PER_ATTRIBUTE: 'lots' })).toThrow(ServerEnvironmentError);
  });
});

describe('the Action\'s inputs', () => {
  it.each([
    ['max-inflated-mib', '0', 'expected a whole number from 1 to 1,048,576 (MiB; default 8,192), got "0"'],
    ['max-inflation-ratio', '1', 'expected a whole number from 2 to 100,000 (times; default 200), got "1"'],
    ['max-values-per-attribute', '1.5', 'expected a whole number from 1 to 10,000,000 (values; default 10,000), got "1.5"'],
    ['max-values-per-object', '10000001', 'expected a whole number from 1 to 10,000,000 (values; default 50,000), got "10000001"'],
    ['event-content-reads', 'lots', 'expected a whole number from 1 to 100,000 (reads; default 1,000), got "lots"'],
    ['event-blob-mib', '65537', 'expected a whole number from 1 to 65,536 (MiB; default 512), got "65537"'],
  ])('%s=%s is refused naming the input and the range', (input, value, reason) => {
    expect(() => readActionInputs({ [`INPUT_${input.toUpperCase()}`]: value, GITHUB_TOKEN: 'ghs_x' })).toThrow(`input "${input}": ${reason}`);
  });

  it('the run\'s budget comes from event-content-reads and event-blob-mib, over the defaults', () => {
    expect(readActionInputs({ GITHUB_TOKEN: 'ghs_x' }).eventLimits).toBeUndefined();
    expect(readActionInputs({ 'INPUT_EVENT-CONTENT-READS': '50', GITHUB_TOKEN: 'ghs_x' }).eventLimits).toEqual({ maxContentRequests: 50, maxBlobBytes: 512 * MIB });
    expect(readActionInputs({ 'INPUT_EVENT-BLOB-MIB': '2', GITHUB_TOKEN: 'ghs_x' }).eventLimits).toEqual({ maxContentRequests: 1_000, maxBlobBytes: 2 * MIB });
  });
});
