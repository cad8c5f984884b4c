/**
 * Applied-/Exported-SynchronizationPolicy-*.json (docs/formats.md §2): no public real file exists, so the reader is
 * lenient. Unknown keys are kept as they are; the keys known from Microsoft's migration script that are absent are
 * reported; nothing here throws on shape, only on text that is not JSON.
 */
import { parseJson } from '../files/json.js';

export interface SynchronizationPolicy {
  /** The whole object as read (unknown keys kept). */
  raw: Record<string, unknown>;
  /** policyMetadata.azureADConnectVersion, when present. */
  connectVersion?: string;
  /** deploymentMetadata.hostName: per server, never drift. */
  hostName?: string;
  /** Known keys that are absent, as dotted paths. */
  missingKeys: string[];
}

const KNOWN_TOP_LEVEL = ['policyMetadata', 'deploymentMetadata', 'onpremisesDirectoryPolicy', 'azureDirectoryPolicy'];

export function parseSynchronizationPolicy(text: string, where: string): SynchronizationPolicy {
  const raw = parseJson(text, where);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { raw: { value: raw }, missingKeys: [...KNOWN_TOP_LEVEL] };
  }
  const record = raw as Record<string, unknown>;
  const missingKeys = KNOWN_TOP_LEVEL.filter((key) => record[key] === undefined);
  const meta = asRecord(record.policyMetadata);
  const deployment = asRecord(record.deploymentMetadata);
  if (meta && meta.azureADConnectVersion === undefined) missingKeys.push('policyMetadata.azureADConnectVersion');
  return {
    raw: record,
    connectVersion: typeof meta?.azureADConnectVersion === 'string' ? meta.azureADConnectVersion : undefined,
    hostName: typeof deployment?.hostName === 'string' ? deployment.hostName : undefined,
    missingKeys,
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
