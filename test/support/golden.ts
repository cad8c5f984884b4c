import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { PendingExportSummary } from '../../src/exports/types.js';

export const GOLDEN_DIR = new URL('../fixtures/csexport-golden/', import.meta.url);
export const GOLDEN_XML = new URL('contoso.onmicrosoft.com - AAD.xml', GOLDEN_DIR);
const expected = JSON.parse(readFileSync(new URL('expected.json', GOLDEN_DIR), 'utf8'));

/** Every key of expected.json, compared exactly (maps too); extra top-level keys are allowed. */
export function expectGolden(summary: PendingExportSummary | Record<string, unknown>): void {
  const actual = summary as Record<string, unknown>;
  for (const key of ['objects', 'operations', 'objectTypes', 'attributes', 'multiValued', 'errors', 'renames', 'otherExports']) {
    expect(actual[key], key).toEqual(expected[key]);
  }
  expect((actual.deletes as { count: number }).count).toBe(expected.deletes.count);
  expect(actual.threshold).toMatchObject(expected.threshold);
}

