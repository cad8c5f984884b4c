/** The drift report as JSON (schemas/drift.schema.json): the contract keys first, in a fixed order. */
import type { DriftReport } from '../config/types.js';

export function renderDriftJson(report: DriftReport): string {
  const { schemaVersion, differences, productVersion, expected, ignored, primary, staging, missing, hidden } = report;
  return `${JSON.stringify({ schemaVersion, differences, productVersion, expected, ignored, primary, staging, missing, hidden: hidden ?? {} }, null, 2)}\n`;
}
