/**
 * diffServerConfigs: the real drift between the primary (active) and the staging server, and nothing else.
 * Pure: two ServerConfigs in, a DriftReport out. Noise (GUIDs, timestamps, cookies, ...) is counted in
 * `ignored`; StagingMode is checked in `expected`; upgrade-only changes of out-of-box rules go to productVersion.
 */
import { diffConnectors } from './diff-connectors.js';
import { diffRules } from './diff-rules.js';
import { Findings, type Finding } from './findings.js';
import { differenceId } from './ids.js';
import { applyNameMap } from './name-map.js';
import { countNoise, SERVER_STATE_PARAMETERS, SERVER_VERSION_PARAMETER, STAGING_MODE_PARAMETER } from './noise.js';
import { PASSWORD_HASH_SYNC_PARAMETER, settingCategory } from './setting-categories.js';
import { DRIFT_CATEGORY_ORDER, DRIFT_SCHEMA_VERSION, type DriftDifference, type DriftOptions, type DriftReport, type Expectation, type ProductVersionChange, type ServerConfig } from './types.js';
import { dict } from '../dict.js';

export function diffServerConfigs(primaryConfig: ServerConfig, staging: ServerConfig, options: DriftOptions = {}): DriftReport {
  const primary = options.nameMap ? applyNameMap(primaryConfig, options.nameMap) : primaryConfig;
  const findings = new Findings();
  const productVersion: ProductVersionChange[] = [];
  const ignored = dict<number>();
  const count = (kind: string, n = 1) => {
    if (n > 0) ignored[kind] = (ignored[kind] ?? 0) + n;
  };

  const versions = { primary: serverVersion(primary, staging), staging: serverVersion(staging, primary) };
  findings.compare({ category: 'version', subject: 'Entra Connect Sync version', field: 'version', path: 'version' }, versions.primary, versions.staging);

  const stateful = new Set([...SERVER_STATE_PARAMETERS, STAGING_MODE_PARAMETER, SERVER_VERSION_PARAMETER]);
  for (const name of [...new Set([...Object.keys(primary.globalSettings), ...Object.keys(staging.globalSettings)])].sort()) {
    const a = primary.globalSettings[name];
    const b = staging.globalSettings[name];
    if (stateful.has(name)) {
      if (SERVER_STATE_PARAMETERS.includes(name) && a !== undefined && b !== undefined && a !== b) count('serverState');
      continue;
    }
    findings.compare({ category: settingCategory(name), subject: name, field: 'value', path: `settings.${name}` }, a, b);
  }

  const ruleCounts = { primary: rulesPerConnector(primary), staging: rulesPerConnector(staging) };
  // Password hash sync is one feature: when the global switch differs, the connector flags follow it.
  const samePhs = primary.globalSettings[PASSWORD_HASH_SYNC_PARAMETER] === staging.globalSettings[PASSWORD_HASH_SYNC_PARAMETER];
  const connectors = diffConnectors(primary.connectors, staging.connectors, ruleCounts, samePhs, findings);
  count('connectorNameCase', connectors.nameCaseDifferences);
  diffRules(primary.rules, staging.rules, connectors.oneSided, findings, productVersion);

  countNoise(primary.noise ?? [], staging.noise ?? [], ignored);

  const hidden = dict<number>();
  const differences = filterFindings(findings.items, options, hidden);
  const unmatchedIgnorePaths = (options.ignorePaths ?? []).filter((ignorePath) => {
    const pattern = pathPattern(ignorePath);
    return !findings.items.some((finding) => pattern.test(finding.path ?? ''));
  });
  return {
    schemaVersion: DRIFT_SCHEMA_VERSION,
    primary: { server: primary.server, version: versions.primary },
    staging: { server: staging.server, version: versions.staging },
    differences: sortDifferences(differences),
    productVersion: productVersion.sort((a, b) => `${a.connector}|${a.subject}|${a.field}`.localeCompare(`${b.connector}|${b.subject}|${b.field}`)),
    expected: [stagingModeExpectation(primary, 'primary'), stagingModeExpectation(staging, 'staging')],
    ignored: Object.fromEntries(Object.entries(ignored).sort(([a], [b]) => a.localeCompare(b))),
    missing: [...primary.missing.map((part) => `primary: ${part}`), ...staging.missing.map((part) => `staging: ${part}`)],
    hidden,
    ...(unmatchedIgnorePaths.length > 0 ? { unmatchedIgnorePaths } : {}),
  };
}

/** The manifest's connectVersion when both sides have one (what the collector saw), else MV.xml's ServerConfigurationVersion. */
function serverVersion(config: ServerConfig, other: ServerConfig): string | undefined {
  if (config.connectVersion && other.connectVersion) return config.connectVersion;
  return config.globalSettings[SERVER_VERSION_PARAMETER] ?? config.connectVersion;
}

function rulesPerConnector(config: ServerConfig): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of Object.values(config.rules)) counts.set(rule.connector.toLowerCase(), (counts.get(rule.connector.toLowerCase()) ?? 0) + 1);
  return counts;
}

/** Active: StagingMode False; staging: True. A violation is a finding (ok: false), never a difference. */
export function stagingModeExpectation(config: ServerConfig, server: 'primary' | 'staging'): Expectation {
  const expected = server === 'staging' ? 'True' : 'False';
  const actual = config.globalSettings[STAGING_MODE_PARAMETER];
  const role = server === 'staging' ? 'the staging server' : 'the primary (active) server';
  if (actual === undefined) {
    return { name: 'StagingMode', server, expected, ok: false, message: `${STAGING_MODE_PARAMETER} is not in the global settings of ${role}: cannot tell whether it is in staging mode` };
  }
  const ok = actual.trim().toLowerCase() === expected.toLowerCase();
  const message = ok
    ? `${role} has StagingMode ${actual}, as expected`
    : server === 'staging'
      ? `${role} is NOT in staging mode (StagingMode ${actual}): two active servers export at once, which is unsupported`
      : `${role} is in staging mode (StagingMode ${actual}): it does not export; check which server is really active`;
  return { name: 'StagingMode', server, expected, actual, ok, message };
}

function filterFindings(items: readonly Finding[], options: DriftOptions, hidden: Record<string, number>): DriftDifference[] {
  const ignore = (options.ignorePaths ?? []).map(pathPattern);
  const result: DriftDifference[] = [];
  for (const { defaultRule, ...difference } of items) {
    const reason =
      options.hideDefaultRules && defaultRule
        ? 'defaultRules'
        : ignore.some((pattern) => pattern.test(difference.path ?? ''))
          ? 'ignorePaths'
          : options.onlyChanges && difference.kind !== 'changed'
            ? 'onlyChanges'
            : undefined;
    if (reason) hidden[reason] = (hidden[reason] ?? 0) + 1;
    else result.push(difference);
  }
  return result;
}

/**
 * An --ignore path: "*" matches anything (dots included, since names hold dots: contoso.com), and a path also
 * ignores everything under it. Case-insensitive.
 */
export function pathPattern(pattern: string): RegExp {
  const body = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}(?:[.[].*)?$`, 'i');
}

function sortDifferences(differences: DriftDifference[]): DriftDifference[] {
  const rank = (d: DriftDifference) => DRIFT_CATEGORY_ORDER.indexOf(d.category);
  return differences.sort((a, b) => rank(a) - rank(b) || (a.connector ?? '').localeCompare(b.connector ?? '') || a.subject.localeCompare(b.subject) || a.field.localeCompare(b.field) || a.id.localeCompare(b.id));
}

