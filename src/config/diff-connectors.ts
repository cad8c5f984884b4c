/**
 * Connectors of two servers, matched by name case-insensitively. Partitions, containers and object classes are
 * scope; attribute inclusion, run profiles and parameters are the connector's own settings.
 */
import type { Findings } from './findings.js';
import type { ConnectorConfig, ConnectorPartition } from './types.js';

export interface ConnectorDiffResult {
  /** Lower-case names of connectors present on one side only (their rules are not listed one by one). */
  oneSided: Set<string>;
  /** Connectors whose name differs only in case. */
  nameCaseDifferences: number;
}

export function diffConnectors(
  primary: Readonly<Record<string, ConnectorConfig>>,
  staging: Readonly<Record<string, ConnectorConfig>>,
  ruleCounts: { primary: ReadonlyMap<string, number>; staging: ReadonlyMap<string, number> },
  comparePasswordHashSync: boolean,
  findings: Findings,
): ConnectorDiffResult {
  const result: ConnectorDiffResult = { oneSided: new Set(), nameCaseDifferences: 0 };
  for (const key of [...new Set([...Object.keys(primary), ...Object.keys(staging)])].sort()) {
    const left = primary[key];
    const right = staging[key];
    if (!left || !right) {
      const connector = (left ?? right) as ConnectorConfig;
      result.oneSided.add(key);
      const rules = (left ? ruleCounts.primary : ruleCounts.staging).get(key) ?? 0;
      const summary = `${connector.category || 'unknown'} connector with ${rules} sync rule${rules === 1 ? '' : 's'}`;
      findings.add({ category: 'connectors', kind: left ? 'removed' : 'added', subject: connector.name, field: 'connector', path: `connectors.${connector.name}`, primary: left && summary, staging: right && summary });
      continue;
    }
    if (left.name !== right.name) result.nameCaseDifferences += 1;
    const name = right.name;
    const at = (field: string) => `connectors.${name}.${field}`;
    const own = { category: 'connectors' as const, subject: name, connector: name };
    findings.compare({ ...own, field: 'category', path: at('category') }, left.category, right.category);
    findings.compare({ ...own, field: 'subtype', path: at('subtype') }, left.subtype ?? '', right.subtype ?? '');
    if (comparePasswordHashSync) {
      findings.compare({ ...own, category: 'features', field: 'passwordHashSync', path: at('passwordHashSync') }, flag(left.passwordHashSync), flag(right.passwordHashSync));
    }
    const parameters = [...new Set([...Object.keys(left.parameters ?? {}), ...Object.keys(right.parameters ?? {})])].sort();
    for (const parameter of parameters) {
      findings.compare({ ...own, field: `parameter[${parameter}]`, path: at(`parameters.${parameter}`) }, left.parameters?.[parameter], right.parameters?.[parameter]);
    }
    findings.compareSets(left.attributeInclusion, right.attributeInclusion, (attribute) => ({ ...own, field: `attributeInclusion[${attribute}]`, path: at(`attributeInclusion.${attribute}`) }));
    diffRunProfiles(left, right, name, findings);
    diffPartitions(left.partitions, right.partitions, name, findings);
  }
  return result;
}

function diffRunProfiles(left: ConnectorConfig, right: ConnectorConfig, connector: string, findings: Findings): void {
  const a = new Map(left.runProfiles.map((p) => [p.name.toLowerCase(), p]));
  const b = new Map(right.runProfiles.map((p) => [p.name.toLowerCase(), p]));
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(key);
    const y = b.get(key);
    const profile = (y ?? x)?.name ?? key;
    findings.compare(
      { category: 'connectors', subject: connector, connector, field: `runProfile[${profile}]`, path: `connectors.${connector}.runProfiles.${profile}` },
      x && (x.steps.join('; ') || '(no steps)'),
      y && (y.steps.join('; ') || '(no steps)'),
    );
  }
}

function diffPartitions(left: readonly ConnectorPartition[], right: readonly ConnectorPartition[], connector: string, findings: Findings): void {
  const a = new Map(left.map((p) => [p.name.toLowerCase(), p]));
  const b = new Map(right.map((p) => [p.name.toLowerCase(), p]));
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(key);
    const y = b.get(key);
    const partition = ((y ?? x) as ConnectorPartition).name;
    const at = (field: string) => `connectors.${connector}.partitions.${partition}${field ? `.${field}` : ''}`;
    const scope = { category: 'scope' as const, connector };
    if (!x || !y) {
      const selected = (p: ConnectorPartition) => (p.selected ? 'selected' : 'present, not selected');
      findings.add({ ...scope, kind: x ? 'removed' : 'added', subject: partition, field: 'partition', path: at(''), primary: x && selected(x), staging: y && selected(y) });
      continue;
    }
    findings.compare({ ...scope, subject: partition, field: 'selected', path: at('selected') }, String(x.selected), String(y.selected));
    findings.compareSets(x.objectClasses, y.objectClasses, (objectClass) => ({ ...scope, subject: partition, field: `objectClass[${objectClass}]`, path: at(`objectClasses.${objectClass}`) }));
    findings.compareSets(x.inclusions, y.inclusions, (dn) => ({ ...scope, subject: dn, field: 'containerInclusion', path: at(`inclusions.${dn}`), value: `included (partition ${partition})` }));
    findings.compareSets(x.exclusions, y.exclusions, (dn) => ({ ...scope, subject: dn, field: 'containerExclusion', path: at(`exclusions.${dn}`), value: `excluded (partition ${partition})` }));
  }
}

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
