/**
 * Connectors/Connector_{guid}.xml (root <ma-data>) -> ConnectorConfig: what a person configures on a connector
 * (partitions and their containers and object classes, attribute inclusion, run profiles, password hash sync,
 * connection parameters). Per-server values (GUIDs, timestamps, versions, cookies, last DC, service account) are
 * recorded as noise. The DSML schema is skipped: it is discovered from the directory, not configured.
 */
import type { ReadLimits } from '../xml/read-limits.js';
import { InputError, type InputPosition } from '../errors.js';
import type { FileSource } from '../files/source.js';
import { CONNECTOR_NOISE, CONNECTOR_PARAMETER_NOISE, PARTITION_NOISE } from './noise.js';
import type { ConnectorConfig, ConnectorPartition, NoiseValue, RunProfile } from './types.js';
import { parseFlag, readXmlPaths } from './xml-paths.js';
import { dict } from '../dict.js';
import { retain } from '../xml/retain.js';

/** The Entra ID connector has the same GUID on every server. */
export const ENTRA_CONNECTOR_ID = '{B891884F-051E-4A83-95AF-2544101C9083}';

export interface ParsedConnector {
  /** GUID as written, upper-cased with braces: what sync rules reference. */
  id: string;
  connector: ConnectorConfig;
  noise: NoiseValue[];
}

export function normalizeGuid(value: string): string {
  const bare = value.trim().replace(/^\{|\}$/g, '').toUpperCase();
  return `{${bare}}`;
}

interface PartitionDraft extends ConnectorPartition {
  id: string;
  noise: { kind: string; field: string; value: string }[];
}

interface StepDraft {
  type: string;
  subtype: string;
  partition: string;
}

export async function parseConnector(source: FileSource, file: string, limits?: ReadLimits): Promise<ParsedConnector> {
  const top = dict<string>();
  /** Where each top-level element (and, under '', the root) closed: semantic errors point there. */
  const at = dict<InputPosition>();
  const parameters = dict<string>();
  const attributeInclusion: string[] = [];
  const partitions: PartitionDraft[] = [];
  const runProfiles: { name: string; steps: StepDraft[] }[] = [];
  let passwordHashSync: boolean | undefined;
  let partition: PartitionDraft | undefined;
  let profile: { name: string; steps: StepDraft[] } | undefined;
  let step: StepDraft | undefined;
  let parameterName: string | undefined;

  await readXmlPaths(
    source,
    file,
    'ma-data',
    {
      open(path, attributes) {
        if (path === 'ma-partition-data/partition') {
          partition = { id: '', name: '', selected: false, objectClasses: [], inclusions: [], exclusions: [], noise: [] };
        } else if (path === 'ma-run-data/run-configuration') {
          profile = { name: '', steps: [] };
        } else if (path === 'ma-run-data/run-configuration/configuration/step') {
          step = { type: '', subtype: '', partition: '' };
        } else if (path === 'ma-run-data/run-configuration/configuration/step/step-type') {
          if (step) step.type = retain(attributes.type ?? '');
        } else if (/^private-configuration\/[^/]+\/parameter-values\/parameter$/.test(path)) {
          parameterName = attributes.name;
        }
      },
      close(path, text, context) {
        const value = text.trim();
        if (!path.includes('/')) {
          at[path] = context.position();
          if (path !== '' && value !== '') top[path] = value;
          return;
        }
        if (path === 'attribute-inclusion/attribute') {
          if (value) attributeInclusion.push(value);
        } else if (path.endsWith('/password-hash-sync-config/enabled') && path.startsWith('private-configuration/')) {
          passwordHashSync = parseFlag(value);
        } else if (parameterName !== undefined && /^private-configuration\/[^/]+\/parameter-values\/parameter$/.test(path)) {
          parameters[parameterName] = value;
          parameterName = undefined;
        } else if (partition && path.startsWith('ma-partition-data/partition/')) {
          closePartitionField(partition, path.slice('ma-partition-data/partition/'.length), value);
        } else if (path === 'ma-partition-data/partition' && partition) {
          partitions.push(partition);
          partition = undefined;
        } else if (profile && path === 'ma-run-data/run-configuration/name') {
          profile.name = value;
        } else if (step && path.startsWith('ma-run-data/run-configuration/configuration/step/')) {
          const field = path.slice('ma-run-data/run-configuration/configuration/step/'.length);
          if (field.startsWith('step-type/') && field.endsWith('-subtype')) step.subtype = value;
          else if (field === 'partition') step.partition = value;
        } else if (path === 'ma-run-data/run-configuration/configuration/step' && step && profile) {
          profile.steps.push(step);
          step = undefined;
        } else if (path === 'ma-run-data/run-configuration' && profile) {
          runProfiles.push(profile);
          profile = undefined;
        }
      },
    },
    ['schema'],
    limits,
  );

  const where = source.describe(file);
  const name = top.name;
  if (!name) throw new InputError(where, 'the connector has no <name>', at.name ?? at['']);
  if (!top.id) throw new InputError(where, `connector "${name}" has no <id>`, at.id ?? at['']);
  const id = normalizeGuid(top.id);
  const noise: NoiseValue[] = [];
  const prefix = `connector:${name.toLowerCase()}`;
  for (const [field, kind] of Object.entries(CONNECTOR_NOISE)) {
    if (top[field] !== undefined) noise.push({ kind, path: `${prefix}:${field}`, value: field === 'id' ? id : top[field] });
  }
  const partitionNames = new Map(partitions.map((p) => [normalizeGuid(p.id || '{}'), p.name]));
  for (const p of partitions) {
    for (const item of p.noise) noise.push({ kind: item.kind, path: `${prefix}:partition:${p.name}:${item.field}`, value: item.field === 'id' ? normalizeGuid(item.value) : item.value });
  }
  const kept = dict<string>();
  for (const [key, value] of Object.entries(parameters)) {
    const kind = CONNECTOR_PARAMETER_NOISE[key.toLowerCase()];
    if (kind) noise.push({ kind, path: `${prefix}:parameter:${key}`, value });
    else kept[key] = value;
  }
  const profiles: RunProfile[] = runProfiles.map((p) => ({
    name: p.name,
    steps: p.steps.map((s) => describeStep(s, partitionNames)),
  }));
  const connector: ConnectorConfig = {
    name,
    category: top.category ?? '',
    subtype: top.subtype,
    isEntraConnector: id === ENTRA_CONNECTOR_ID || /azure active directory|entra/i.test(top.subtype ?? ''),
    partitions: partitions.map(({ name: partitionName, selected, objectClasses, inclusions, exclusions }) => ({
      name: partitionName,
      selected,
      objectClasses,
      inclusions,
      exclusions,
    })),
    attributeInclusion,
    runProfiles: profiles,
    passwordHashSync,
    parameters: kept,
    file: where,
  };
  return { id, connector, noise };
}

function closePartitionField(partition: PartitionDraft, field: string, value: string): void {
  const noiseKind = PARTITION_NOISE[field];
  if (field === 'id') partition.id = value;
  if (noiseKind) {
    if (value) partition.noise.push({ kind: noiseKind, field, value });
    return;
  }
  if (field === 'name') partition.name = value;
  else if (field === 'selected') partition.selected = parseFlag(value);
  else if (field === 'filter/object-classes/object-class' && value) partition.objectClasses.push(value);
  else if (field === 'filter/containers/inclusions/inclusion' && value) partition.inclusions.push(value);
  else if (field === 'filter/containers/exclusions/exclusion' && value) partition.exclusions.push(value);
}

/** "delta-import (to-cs) on DC=contoso,DC=com": the step as a person reads it, the partition by name, not GUID. */
function describeStep(step: StepDraft, partitionNames: ReadonlyMap<string, string>): string {
  const partition = step.partition ? (partitionNames.get(normalizeGuid(step.partition)) ?? 'an unknown partition') : '';
  return `${step.type}${step.subtype ? ` (${step.subtype})` : ''}${partition ? ` on ${partition}` : ''}`;
}
