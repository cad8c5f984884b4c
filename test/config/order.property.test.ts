import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffServerConfigs } from '../../src/config/diff.js';
import { loadServerConfig } from '../../src/config/load.js';
import type { ServerConfig } from '../../src/config/types.js';
import { DiskFileSource } from '../../src/files/disk.js';

/** Order carries no meaning anywhere in the model: files, rules, mappings, scoping groups, sets. */
function reorder(config: ServerConfig, seed: number): ServerConfig {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const clone = structuredClone(config);
  clone.rules = Object.fromEntries(
    shuffle(Object.entries(clone.rules)).map(([key, rule]) => [
      key,
      { ...rule, mappings: shuffle(rule.mappings), scope: shuffle(rule.scope.map((g) => shuffle(g))), join: shuffle(rule.join.map((g) => shuffle(g))) },
    ]),
  );
  clone.connectors = Object.fromEntries(
    shuffle(Object.entries(clone.connectors)).map(([key, c]) => [
      key,
      {
        ...c,
        attributeInclusion: shuffle(c.attributeInclusion),
        runProfiles: shuffle(c.runProfiles),
        partitions: shuffle(c.partitions.map((p) => ({ ...p, objectClasses: shuffle(p.objectClasses), inclusions: shuffle(p.inclusions), exclusions: shuffle(p.exclusions) }))),
      },
    ]),
  );
  clone.globalSettings = Object.fromEntries(shuffle(Object.entries(clone.globalSettings)));
  clone.globalSettings['Microsoft.Synchronize.StagingMode'] = 'True';
  return clone;
}

describe('diffServerConfigs properties', async () => {
  const contoso = await loadServerConfig(new DiskFileSource(process.cwd()), 'examples/primary/config');

  it('finds no drift in the same configuration in any order', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const report = diffServerConfigs(contoso, reorder(contoso, seed));
        expect(report.differences).toEqual([]);
        expect(report.productVersion).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same ids and order whatever the input order', () => {
    const changed = structuredClone(contoso);
    changed.globalSettings['Microsoft.OptionalFeature.PasswordWriteback'] = 'True';
    for (const rule of Object.values(changed.rules).slice(0, 5)) rule.disabled = !rule.disabled;
    const expected = diffServerConfigs(contoso, changed).differences;
    expect(expected).toHaveLength(6);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(diffServerConfigs(reorder(contoso, seed), reorder(changed, seed + 1)).differences).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
