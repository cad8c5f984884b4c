import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  applyNameMap
} from "./chunk-FZGWJ4S2.js";
import {
  SERVER_STATE_PARAMETERS,
  SERVER_VERSION_PARAMETER,
  STAGING_MODE_PARAMETER,
  countNoise,
  dict,
  isSnapshotFolder,
  joinPath,
  listSnapshotExports,
  loadServerConfig,
  parseJson,
  readManifest,
  tagBase
} from "./chunk-FQ37H2IA.js";
import {
  InputError
} from "./chunk-XGP4FN77.js";

// src/config/settings-json.ts
var KNOWN_TOP_LEVEL = ["policyMetadata", "deploymentMetadata", "onpremisesDirectoryPolicy", "azureDirectoryPolicy"];
function parseSynchronizationPolicy(text, where) {
  const raw = parseJson(text, where);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { raw: { value: raw }, missingKeys: [...KNOWN_TOP_LEVEL] };
  }
  const record = raw;
  const missingKeys = KNOWN_TOP_LEVEL.filter((key) => record[key] === void 0);
  const meta = asRecord(record.policyMetadata);
  const deployment = asRecord(record.deploymentMetadata);
  if (meta && meta.azureADConnectVersion === void 0) missingKeys.push("policyMetadata.azureADConnectVersion");
  return {
    raw: record,
    connectVersion: typeof meta?.azureADConnectVersion === "string" ? meta.azureADConnectVersion : void 0,
    hostName: typeof deployment?.hostName === "string" ? deployment.hostName : void 0,
    missingKeys
  };
}
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

// src/snapshot/powershell-json.ts
function psDate(value) {
  if (typeof value === "string") {
    const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value.trim());
    if (ms) {
      const date = new Date(Number(ms[1]));
      return Number.isNaN(date.getTime()) ? void 0 : date.toISOString();
    }
    const iso = value.trim();
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(iso)) return void 0;
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) && iso.length > 10;
    const parsed = Date.parse(hasZone ? iso.replace(" ", "T") : `${iso.replace(" ", "T")}${iso.length > 10 ? "Z" : "T00:00:00Z"}`);
    return Number.isNaN(parsed) || Math.abs(parsed) > 864e13 ? void 0 : new Date(parsed).toISOString();
  }
  if (value && typeof value === "object") {
    const record = value;
    return psDate(record.value ?? record.DateTime);
  }
  return void 0;
}
function psTimeSpan(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value.trim());
    if (!m) return void 0;
    const seconds = Number(m[2] ?? 0) * 86400 + Number(m[3]) * 3600 + Number(m[4]) * 60 + Number(m[5]) + (m[6] ? Number(`0.${m[6]}`) : 0);
    return m[1] ? -seconds : seconds;
  }
  if (value && typeof value === "object") {
    const record = value;
    if (typeof record.TotalSeconds === "number") return record.TotalSeconds;
    if (typeof record.Ticks === "number") return record.Ticks / 1e7;
  }
  return void 0;
}
function psBoolean(value) {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  if (typeof value === "number") return value !== 0;
  return void 0;
}
function psString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function psNumber(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return void 0;
}

// src/snapshot/run-history.ts
function parseRunHistory(raw, where) {
  const items = Array.isArray(raw) ? raw : raw === null ? [] : [raw];
  return items.map((item, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw new InputError(where, `run ${index + 1} is not a JSON object`);
    const record = item;
    const entry = {
      runHistoryId: psString(record.RunHistoryId),
      connectorId: psString(record.ConnectorId),
      connectorName: psString(record.ConnectorName),
      runProfileName: psString(record.RunProfileName),
      runNumber: psNumber(record.RunNumber),
      isRunComplete: psBoolean(record.IsRunComplete),
      result: psString(record.Result),
      startDate: psDate(record.StartDate),
      endDate: psDate(record.EndDate)
    };
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== void 0));
  });
}

// src/snapshot/scheduler.ts
function parseScheduler(raw, where) {
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InputError(where, "expected the JSON object of Get-ADSyncScheduler | ConvertTo-Json");
  const record = value;
  const state = {
    syncCycleEnabled: psBoolean(record.SyncCycleEnabled),
    // Older builds call it IsStagingModeEnabled.
    stagingModeEnabled: psBoolean(record.StagingModeEnabled ?? record.IsStagingModeEnabled),
    schedulerSuspended: psBoolean(record.SchedulerSuspended),
    maintenanceEnabled: psBoolean(record.MaintenanceEnabled),
    syncCycleInProgress: psBoolean(record.SyncCycleInProgress),
    nextSyncCyclePolicyType: policyType(record.NextSyncCyclePolicyType),
    nextSyncCycleStartTimeInUTC: psDate(record.NextSyncCycleStartTimeInUTC),
    currentlyEffectiveSyncCycleInterval: psTimeSpan(record.CurrentlyEffectiveSyncCycleInterval),
    allowedSyncCycleInterval: psTimeSpan(record.AllowedSyncCycleInterval),
    customizedSyncCycleInterval: psTimeSpan(record.CustomizedSyncCycleInterval),
    purgeRunHistoryInterval: psTimeSpan(record.PurgeRunHistoryInterval)
  };
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== void 0));
}
function policyType(value) {
  if (typeof value === "number") return ["Unspecified", "Delta", "Initial"][value] ?? String(value);
  return psString(value);
}

// src/snapshot/load.ts
var CONFIG_PARTS = ["Connectors", "GlobalSettings", "SynchronizationRules"];
var JSON_LIMIT = 32 * 1024 * 1024;
async function loadServerSnapshot(source, root, limits) {
  const where = source.describe(root || ".");
  const kind = await source.kind(root);
  if (kind !== "dir") {
    const what = kind === "file" ? "a file, not a folder" : "no such folder";
    throw new InputError(where, `${what}: expected a server snapshot folder (snapshot.json, config/, ...) or a Get-ADSyncServerConfiguration export folder`);
  }
  const names = new Set((await source.children(root)).map((entry) => entry.name));
  if (CONFIG_PARTS.some((part) => names.has(part)) && !await isSnapshotFolder(source, root)) {
    const config = await loadServerConfig(source, root, limits);
    return { root, bare: true, config, exportFiles: [], missing: [...config.missing] };
  }
  if (!await isSnapshotFolder(source, root)) {
    throw new InputError(where, "neither a server snapshot (snapshot.json, config/, exports/) nor a Get-ADSyncServerConfiguration export (Connectors/, GlobalSettings/, SynchronizationRules/)");
  }
  const snapshot = { root, bare: false, exportFiles: [], missing: [] };
  snapshot.manifest = await readManifest(source, root);
  if (!snapshot.manifest) snapshot.missing.push("snapshot.json");
  const configDir = joinPath(root, "config");
  if (await source.kind(configDir) === "dir") {
    snapshot.config = await loadServerConfig(source, configDir, limits);
    snapshot.missing.push(...snapshot.config.missing.map((part) => `config/${part}`));
    if (snapshot.manifest?.connectVersion) snapshot.config.connectVersion = snapshot.manifest.connectVersion;
  } else {
    snapshot.missing.push("config/");
  }
  const settingsFiles = (await source.children(joinPath(root, "settings"))).filter((entry) => entry.kind === "file" && /\.json$/i.test(entry.name));
  if (settingsFiles.length === 0) snapshot.missing.push("settings/*.json");
  for (const entry of settingsFiles) {
    const file = joinPath(root, "settings", entry.name);
    const policy = parseSynchronizationPolicy(await source.readText(file, JSON_LIMIT), source.describe(file));
    if (snapshot.config) (snapshot.config.settings ??= dict())[entry.name] = policy.raw;
    snapshot.missing.push(...policy.missingKeys.map((key) => `settings/${entry.name}: ${key}`));
  }
  const scheduler = await readJson(source, joinPath(root, "scheduler.json"));
  if (scheduler === void 0) snapshot.missing.push("scheduler.json");
  else snapshot.scheduler = parseScheduler(scheduler.value, scheduler.where);
  const history = await readJson(source, joinPath(root, "run-history.json"));
  if (history === void 0) snapshot.missing.push("run-history.json");
  else snapshot.runHistory = parseRunHistory(history.value, history.where);
  snapshot.exportFiles = await listSnapshotExports(source, root, snapshot.manifest);
  const globalStaging = snapshot.config?.globalSettings[STAGING_MODE_PARAMETER];
  const schedulerStaging = snapshot.scheduler?.stagingModeEnabled;
  if (globalStaging !== void 0 && schedulerStaging !== void 0 && /^true$/i.test(globalStaging.trim()) !== schedulerStaging) {
    snapshot.stagingModeConflict = { globalSetting: globalStaging, scheduler: schedulerStaging };
  }
  return snapshot;
}
function snapshotExpectations(snapshot, server) {
  const conflict = snapshot.stagingModeConflict;
  if (!conflict) return [];
  return [
    {
      name: "StagingModeConsistent",
      server,
      expected: `scheduler StagingModeEnabled ${conflict.globalSetting}`,
      actual: `scheduler StagingModeEnabled ${conflict.scheduler ? "True" : "False"}`,
      ok: false,
      message: `${server === "staging" ? "the staging server" : "the primary server"} disagrees with itself: MV.xml StagingMode is ${conflict.globalSetting} but Get-ADSyncScheduler says StagingModeEnabled ${conflict.scheduler ? "True" : "False"}; re-collect the snapshot or check the server`
    }
  ];
}
async function readJson(source, file) {
  if (await source.kind(file) !== "file") return void 0;
  const where = source.describe(file);
  return { value: parseJson(await source.readText(file, JSON_LIMIT), where), where };
}

// src/config/diff-connectors.ts
function diffConnectors(primary, staging, ruleCounts, comparePasswordHashSync, findings) {
  const result = { oneSided: /* @__PURE__ */ new Set(), nameCaseDifferences: 0 };
  for (const key of [.../* @__PURE__ */ new Set([...Object.keys(primary), ...Object.keys(staging)])].sort()) {
    const left = primary[key];
    const right = staging[key];
    if (!left || !right) {
      const connector = left ?? right;
      result.oneSided.add(key);
      const rules = (left ? ruleCounts.primary : ruleCounts.staging).get(key) ?? 0;
      const summary = `${connector.category || "unknown"} connector with ${rules} sync rule${rules === 1 ? "" : "s"}`;
      findings.add({ category: "connectors", kind: left ? "removed" : "added", subject: connector.name, field: "connector", path: `connectors.${connector.name}`, primary: left && summary, staging: right && summary });
      continue;
    }
    if (left.name !== right.name) result.nameCaseDifferences += 1;
    const name = right.name;
    const at = (field) => `connectors.${name}.${field}`;
    const own = { category: "connectors", subject: name, connector: name };
    findings.compare({ ...own, field: "category", path: at("category") }, left.category, right.category);
    findings.compare({ ...own, field: "subtype", path: at("subtype") }, left.subtype ?? "", right.subtype ?? "");
    if (comparePasswordHashSync) {
      findings.compare({ ...own, category: "features", field: "passwordHashSync", path: at("passwordHashSync") }, flag(left.passwordHashSync), flag(right.passwordHashSync));
    }
    const parameters = [.../* @__PURE__ */ new Set([...Object.keys(left.parameters ?? {}), ...Object.keys(right.parameters ?? {})])].sort();
    for (const parameter of parameters) {
      findings.compare({ ...own, field: `parameter[${parameter}]`, path: at(`parameters.${parameter}`) }, left.parameters?.[parameter], right.parameters?.[parameter]);
    }
    findings.compareSets(left.attributeInclusion, right.attributeInclusion, (attribute) => ({ ...own, field: `attributeInclusion[${attribute}]`, path: at(`attributeInclusion.${attribute}`) }));
    diffRunProfiles(left, right, name, findings);
    diffPartitions(left.partitions, right.partitions, name, findings);
  }
  return result;
}
function diffRunProfiles(left, right, connector, findings) {
  const a = new Map(left.runProfiles.map((p) => [p.name.toLowerCase(), p]));
  const b = new Map(right.runProfiles.map((p) => [p.name.toLowerCase(), p]));
  for (const key of [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(key);
    const y = b.get(key);
    const profile = (y ?? x)?.name ?? key;
    findings.compare(
      { category: "connectors", subject: connector, connector, field: `runProfile[${profile}]`, path: `connectors.${connector}.runProfiles.${profile}` },
      x && (x.steps.join("; ") || "(no steps)"),
      y && (y.steps.join("; ") || "(no steps)")
    );
  }
}
function diffPartitions(left, right, connector, findings) {
  const a = new Map(left.map((p) => [p.name.toLowerCase(), p]));
  const b = new Map(right.map((p) => [p.name.toLowerCase(), p]));
  for (const key of [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(key);
    const y = b.get(key);
    const partition = (y ?? x).name;
    const at = (field) => `connectors.${connector}.partitions.${partition}${field ? `.${field}` : ""}`;
    const scope = { category: "scope", connector };
    if (!x || !y) {
      const selected = (p) => p.selected ? "selected" : "present, not selected";
      findings.add({ ...scope, kind: x ? "removed" : "added", subject: partition, field: "partition", path: at(""), primary: x && selected(x), staging: y && selected(y) });
      continue;
    }
    findings.compare({ ...scope, subject: partition, field: "selected", path: at("selected") }, String(x.selected), String(y.selected));
    findings.compareSets(x.objectClasses, y.objectClasses, (objectClass) => ({ ...scope, subject: partition, field: `objectClass[${objectClass}]`, path: at(`objectClasses.${objectClass}`) }));
    findings.compareSets(x.inclusions, y.inclusions, (dn) => ({ ...scope, subject: dn, field: "containerInclusion", path: at(`inclusions.${dn}`), value: `included (partition ${partition})` }));
    findings.compareSets(x.exclusions, y.exclusions, (dn) => ({ ...scope, subject: dn, field: "containerExclusion", path: at(`exclusions.${dn}`), value: `excluded (partition ${partition})` }));
  }
}
function flag(value) {
  return value === void 0 ? void 0 : String(value);
}

// src/config/rule-text.ts
function describeScope(groups) {
  return describeGroups(groups.map((group) => group.map((c) => `${c.attribute} ${c.operator}${c.value !== "" ? ` ${c.value}` : ""}`)));
}
function describeJoin(groups) {
  return describeGroups(groups.map((group) => group.map((c) => `${c.csAttribute} = ${c.mvAttribute}${c.caseSensitive ? " (case-sensitive)" : ""}`)));
}
function describeGroups(groups) {
  const parts = groups.filter((group) => group.length > 0).map((group) => [...group].sort().join(" AND "));
  if (parts.length === 0) return "(none)";
  if (parts.length === 1) return parts[0];
  return [...new Set(parts)].sort().map((part) => `(${part})`).join(" OR ");
}
function describeFlow(mapping) {
  if (mapping.expression !== void 0 && mapping.expression !== "") return mapping.expression;
  if (mapping.sources.length > 0) return mapping.sources.map((source) => `[${source}]`).join(", ");
  return "(no source)";
}
function mappingsByDestination(mappings) {
  const result = /* @__PURE__ */ new Map();
  for (const mapping of mappings) {
    let key = mapping.destination;
    for (let n = 2; result.has(key); n++) key = `${mapping.destination}#${n}`;
    result.set(key, mapping);
  }
  return result;
}

// src/config/diff-rules.ts
function diffRules(primary, staging, skipConnectors, findings, productVersion) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(primary), ...Object.keys(staging)])].sort();
  for (const key of keys) {
    const left = primary[key];
    const right = staging[key];
    const any = left ?? right;
    if (skipConnectors.has(any.connector.toLowerCase())) continue;
    const base = {
      category: "sync-rules",
      subject: any.name,
      connector: any.connector,
      defaultRule: (left?.outOfBox ?? true) && (right?.outOfBox ?? true)
    };
    const path = (field) => `rules.${any.connector}.${any.name}${field ? `.${field}` : ""}`;
    if (!left || !right) {
      const rule = left ?? right;
      findings.add({ ...base, kind: left ? "removed" : "added", field: "rule", path: path(""), primary: left && summarize(left), staging: right && summarize(right) });
      continue;
    }
    const compare = (field, a, b, format) => {
      if (a !== b) findings.compare({ ...base, field, path: path(field), format }, a, b);
    };
    if (left.outOfBox && right.outOfBox) {
      if (left.precedence !== right.precedence) {
        productVersion.push({ subject: left.name, connector: left.connector, field: "precedence", primary: String(left.precedence), staging: String(right.precedence) });
      }
      const tagA = left.immutableTag ?? "";
      const tagB = right.immutableTag ?? "";
      if (tagA !== tagB) {
        if (tagBase(tagA) === tagBase(tagB)) productVersion.push({ subject: left.name, connector: left.connector, field: "immutableTag", primary: tagA, staging: tagB });
        else compare("immutableTag", tagA, tagB);
      }
    } else {
      compare("precedence", String(left.precedence), String(right.precedence));
      compare("immutableTag", left.immutableTag, right.immutableTag);
    }
    compare("disabled", String(left.disabled), String(right.disabled));
    compare("description", left.description ?? "", right.description ?? "");
    compare("sourceObjectType", left.sourceObjectType, right.sourceObjectType);
    compare("targetObjectType", left.targetObjectType, right.targetObjectType);
    compare("scopingFilter", describeScope(left.scope), describeScope(right.scope));
    compare("joinRules", describeJoin(left.join), describeJoin(right.join));
    diffMappings(left, right, compare);
    for (const field of [.../* @__PURE__ */ new Set([...Object.keys(left.other ?? {}), ...Object.keys(right.other ?? {})])].sort()) {
      compare(field, left.other?.[field], right.other?.[field]);
    }
  }
}
function diffMappings(left, right, compare) {
  const a = mappingsByDestination(left.mappings);
  const b = mappingsByDestination(right.mappings);
  for (const destination of [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(destination);
    const y = b.get(destination);
    const field = `attributeFlow[${destination}]`;
    const expression = x?.expression !== void 0 || y?.expression !== void 0 ? "expression" : void 0;
    compare(field, x && describeFlow(x), y && describeFlow(y), expression);
    if (x && y) {
      compare(`${field}.mergeType`, x.mergeType ?? "", y.mergeType ?? "");
      compare(`${field}.executeOnce`, String(x.executeOnce), String(y.executeOnce));
    }
  }
}
function summarize(rule) {
  return `${rule.direction} ${rule.linkType} rule, ${rule.sourceObjectType ?? "?"} -> ${rule.targetObjectType ?? "?"}, precedence ${rule.precedence}, ${rule.outOfBox ? `out-of-box (${rule.immutableTag})` : "custom"}${rule.disabled ? ", disabled" : ""}`;
}

// src/config/ids.ts
import { createHash } from "node:crypto";
function differenceId(category, connector, subject, field) {
  const text = [category, (connector ?? "").toLowerCase(), subject.toLowerCase(), field].join("\0");
  return `d-${createHash("sha256").update(text, "utf8").digest("hex").slice(0, 10)}`;
}

// src/config/findings.ts
var Findings = class {
  items = [];
  add(input) {
    const finding = {
      id: differenceId(input.category, input.connector, input.subject, input.field),
      category: input.category,
      kind: input.kind,
      subject: input.subject,
      field: input.field
    };
    if (input.primary !== void 0 && input.kind !== "added") finding.primary = input.primary;
    if (input.staging !== void 0 && input.kind !== "removed") finding.staging = input.staging;
    if (input.connector !== void 0) finding.connector = input.connector;
    finding.path = input.path;
    if (input.format) finding.format = input.format;
    if (input.defaultRule) finding.defaultRule = true;
    this.items.push(finding);
  }
  /** A value on either side: added, removed or changed, or nothing when equal. */
  compare(input, primary, staging) {
    if (primary === staging) return;
    const kind = primary === void 0 ? "added" : staging === void 0 ? "removed" : "changed";
    this.add({ ...input, kind, primary, staging });
  }
  /** Members of a set (attribute inclusion, object classes, containers): one finding per member added or removed. */
  compareSets(primary, staging, finding) {
    const left = new Map(primary.map((item) => [item.toLowerCase(), item]));
    const right = new Map(staging.map((item) => [item.toLowerCase(), item]));
    for (const [key, item] of left) {
      if (!right.has(key)) {
        const { value, ...input } = finding(item);
        this.add({ ...input, kind: "removed", primary: value ?? item });
      }
    }
    for (const [key, item] of right) {
      if (!left.has(key)) {
        const { value, ...input } = finding(item);
        this.add({ ...input, kind: "added", staging: value ?? item });
      }
    }
  }
};

// src/config/setting-categories.ts
var IDENTITY = /* @__PURE__ */ new Set([
  "Microsoft.SynchronizationOption.AnchorAttribute",
  "Microsoft.SynchronizationOption.UPNAttribute",
  "Microsoft.SynchronizationOption.JoinCriteria"
]);
var FEATURE_PREFIX = /^Microsoft\.(OptionalFeature|GroupWriteBack|UserWriteBack|DeviceWriteBack|DirectoryExtension|AADFilter)\./;
var NOT_FEATURES = /* @__PURE__ */ new Set(["Microsoft.OptionalFeature.AutoUpgradeState"]);
function settingCategory(name) {
  if (IDENTITY.has(name)) return "identity";
  if (FEATURE_PREFIX.test(name) && !NOT_FEATURES.has(name)) return "features";
  return "settings";
}
var PASSWORD_HASH_SYNC_PARAMETER = "Microsoft.OptionalFeature.PasswordHashSync";

// src/config/types.ts
var DRIFT_SCHEMA_VERSION = 1;
var DRIFT_CATEGORY_ORDER = ["version", "identity", "features", "scope", "sync-rules", "connectors", "settings"];

// src/config/diff.ts
function diffServerConfigs(primaryConfig, staging, options = {}) {
  const primary = options.nameMap ? applyNameMap(primaryConfig, options.nameMap) : primaryConfig;
  const findings = new Findings();
  const productVersion = [];
  const ignored = dict();
  const count = (kind, n = 1) => {
    if (n > 0) ignored[kind] = (ignored[kind] ?? 0) + n;
  };
  const versions = { primary: serverVersion(primary, staging), staging: serverVersion(staging, primary) };
  findings.compare({ category: "version", subject: "Entra Connect Sync version", field: "version", path: "version" }, versions.primary, versions.staging);
  const stateful = /* @__PURE__ */ new Set([...SERVER_STATE_PARAMETERS, STAGING_MODE_PARAMETER, SERVER_VERSION_PARAMETER]);
  for (const name of [.../* @__PURE__ */ new Set([...Object.keys(primary.globalSettings), ...Object.keys(staging.globalSettings)])].sort()) {
    const a = primary.globalSettings[name];
    const b = staging.globalSettings[name];
    if (stateful.has(name)) {
      if (SERVER_STATE_PARAMETERS.includes(name) && a !== void 0 && b !== void 0 && a !== b) count("serverState");
      continue;
    }
    findings.compare({ category: settingCategory(name), subject: name, field: "value", path: `settings.${name}` }, a, b);
  }
  const ruleCounts = { primary: rulesPerConnector(primary), staging: rulesPerConnector(staging) };
  const samePhs = primary.globalSettings[PASSWORD_HASH_SYNC_PARAMETER] === staging.globalSettings[PASSWORD_HASH_SYNC_PARAMETER];
  const connectors = diffConnectors(primary.connectors, staging.connectors, ruleCounts, samePhs, findings);
  count("connectorNameCase", connectors.nameCaseDifferences);
  diffRules(primary.rules, staging.rules, connectors.oneSided, findings, productVersion);
  countNoise(primary.noise ?? [], staging.noise ?? [], ignored);
  const hidden = dict();
  const differences = filterFindings(findings.items, options, hidden);
  const unmatchedIgnorePaths = (options.ignorePaths ?? []).filter((ignorePath) => {
    const pattern = pathPattern(ignorePath);
    return !findings.items.some((finding) => pattern.test(finding.path ?? ""));
  });
  return {
    schemaVersion: DRIFT_SCHEMA_VERSION,
    primary: { server: primary.server, version: versions.primary },
    staging: { server: staging.server, version: versions.staging },
    differences: sortDifferences(differences),
    productVersion: productVersion.sort((a, b) => `${a.connector}|${a.subject}|${a.field}`.localeCompare(`${b.connector}|${b.subject}|${b.field}`)),
    expected: [stagingModeExpectation(primary, "primary"), stagingModeExpectation(staging, "staging")],
    ignored: Object.fromEntries(Object.entries(ignored).sort(([a], [b]) => a.localeCompare(b))),
    missing: [...primary.missing.map((part) => `primary: ${part}`), ...staging.missing.map((part) => `staging: ${part}`)],
    hidden,
    ...unmatchedIgnorePaths.length > 0 ? { unmatchedIgnorePaths } : {}
  };
}
function serverVersion(config, other) {
  if (config.connectVersion && other.connectVersion) return config.connectVersion;
  return config.globalSettings[SERVER_VERSION_PARAMETER] ?? config.connectVersion;
}
function rulesPerConnector(config) {
  const counts = /* @__PURE__ */ new Map();
  for (const rule of Object.values(config.rules)) counts.set(rule.connector.toLowerCase(), (counts.get(rule.connector.toLowerCase()) ?? 0) + 1);
  return counts;
}
function stagingModeExpectation(config, server) {
  const expected = server === "staging" ? "True" : "False";
  const actual = config.globalSettings[STAGING_MODE_PARAMETER];
  const role = server === "staging" ? "the staging server" : "the primary (active) server";
  if (actual === void 0) {
    return { name: "StagingMode", server, expected, ok: false, message: `${STAGING_MODE_PARAMETER} is not in the global settings of ${role}: cannot tell whether it is in staging mode` };
  }
  const ok = actual.trim().toLowerCase() === expected.toLowerCase();
  const message = ok ? `${role} has StagingMode ${actual}, as expected` : server === "staging" ? `${role} is NOT in staging mode (StagingMode ${actual}): two active servers export at once, which is unsupported` : `${role} is in staging mode (StagingMode ${actual}): it does not export; check which server is really active`;
  return { name: "StagingMode", server, expected, actual, ok, message };
}
function filterFindings(items, options, hidden) {
  const ignore = (options.ignorePaths ?? []).map(pathPattern);
  const result = [];
  for (const { defaultRule, ...difference } of items) {
    const reason = options.hideDefaultRules && defaultRule ? "defaultRules" : ignore.some((pattern) => pattern.test(difference.path ?? "")) ? "ignorePaths" : options.onlyChanges && difference.kind !== "changed" ? "onlyChanges" : void 0;
    if (reason) hidden[reason] = (hidden[reason] ?? 0) + 1;
    else result.push(difference);
  }
  return result;
}
function pathPattern(pattern) {
  const body = pattern.trim().split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}(?:[.[].*)?$`, "i");
}
function sortDifferences(differences) {
  const rank = (d) => DRIFT_CATEGORY_ORDER.indexOf(d.category);
  return differences.sort((a, b) => rank(a) - rank(b) || (a.connector ?? "").localeCompare(b.connector ?? "") || a.subject.localeCompare(b.subject) || a.field.localeCompare(b.field) || a.id.localeCompare(b.id));
}

// src/snapshot/drift.ts
function diffServerSnapshots(primary, staging, options = {}) {
  const report = diffServerConfigs(primary.config, staging.config, options);
  report.primary.path = primary.root;
  report.staging.path = staging.root;
  report.primary.server = primary.manifest?.server ?? report.primary.server;
  report.staging.server = staging.manifest?.server ?? report.staging.server;
  const extra = [...snapshotExpectations(primary, "primary"), ...snapshotExpectations(staging, "staging")];
  for (const [snapshot, server, role] of [[primary, "primary", "active"], [staging, "staging", "staging"]]) {
    const declared = snapshot.manifest?.role;
    if (declared !== void 0 && declared !== role) {
      extra.push({ name: "Role", server, expected: role, actual: declared, ok: false, message: `snapshot.json of the ${server} server says role "${declared}": are the primary and the staging server swapped?` });
    }
  }
  report.expected.push(...extra);
  return report;
}
function hasConfig(snapshot) {
  return snapshot?.config !== void 0;
}

export {
  DRIFT_CATEGORY_ORDER,
  diffServerConfigs,
  loadServerSnapshot,
  diffServerSnapshots,
  hasConfig
};
