import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  GLOBAL_NOISE,
  RULE_NOISE,
  joinPath,
  normalizeGuid,
  parseConnector,
  parseFlag,
  parseGlobalSettings,
  readXmlPaths
} from "./chunk-HUGM43SY.js";
import {
  InputError
} from "./chunk-AS5RQRXU.js";

// src/config/rules.ts
var MODELLED = /* @__PURE__ */ new Set(["name", "description", "immutable-tag", "direction", "disabled", "connector", "sourceObjectType", "targetObjectType", "linkType", "precedence"]);
async function parseSyncRule(source, file) {
  const top = {};
  const other = {};
  const mappings = [];
  const scope = [];
  const join = [];
  let mapping;
  let group = {};
  let conditions;
  const at = {};
  await readXmlPaths(source, file, "synchronizationRule", {
    open(path, attributes) {
      if (path === "attribute-mappings/mapping") {
        mapping = { destination: "", sources: [], executeOnce: parseFlag(attributes["execute-once"]) };
      } else if (path === "synchronizationCriteria/conditions") {
        conditions = [];
        scope.push(conditions);
      } else if (path === "relationshipCriteria/conditions") {
        conditions = [];
        join.push(conditions);
      } else if (path === "synchronizationCriteria/conditions/scope" || path === "relationshipCriteria/conditions/condition") {
        group = {};
      }
    },
    close(path, text, context) {
      const value = text.trim();
      if (!path.includes("/")) at[path] = context.position();
      if (path !== "" && !path.includes("/")) {
        if (MODELLED.has(path) || RULE_NOISE[path]) top[path] = value;
        else if (value !== "" || !isContainer(path)) other[path] = value;
        return;
      }
      if (mapping && path.startsWith("attribute-mappings/mapping/")) {
        const field = path.slice("attribute-mappings/mapping/".length);
        if (field === "dest") mapping.destination = value;
        else if (field === "src/attr") mapping.sources.push(value);
        else if (field === "expression") mapping.expression = text.trim();
        else if (field === "valueMergeType") mapping.mergeType = value;
      } else if (path === "attribute-mappings/mapping" && mapping) {
        mappings.push(mapping);
        mapping = void 0;
      } else if (/^(synchronizationCriteria\/conditions\/scope|relationshipCriteria\/conditions\/condition)\//.test(path)) {
        group[path.slice(path.lastIndexOf("/") + 1)] = value;
      } else if (path === "synchronizationCriteria/conditions/scope") {
        conditions?.push({ attribute: group.csAttribute ?? "", operator: group.csOperator ?? "", value: group.csValue ?? "" });
      } else if (path === "relationshipCriteria/conditions/condition") {
        conditions?.push({ csAttribute: group.csAttribute ?? "", mvAttribute: group.ilmAttribute ?? "", caseSensitive: parseFlag(group.caseSensitive) });
      }
    }
  });
  const where = source.describe(file);
  if (!top.name) throw new InputError(where, "the synchronization rule has no <name>", at.name ?? at[""]);
  if (!top.connector) throw new InputError(where, `rule "${top.name}" has no <connector>`, at.connector ?? at[""]);
  const precedence = Number.parseInt(top.precedence ?? "", 10);
  if (!Number.isFinite(precedence)) throw new InputError(where, `rule "${top.name}" has no numeric <precedence> (got "${top.precedence ?? ""}")`, at.precedence ?? at[""]);
  const immutableTag = top["immutable-tag"] || void 0;
  const noise = Object.entries(RULE_NOISE).filter(([field]) => top[field]).map(([field, kind]) => ({ kind, field, value: top[field] }));
  return {
    connectorId: normalizeGuid(top.connector),
    noise,
    rule: {
      name: top.name,
      description: top.description || void 0,
      direction: top.direction ?? "",
      linkType: top.linkType ?? "",
      sourceObjectType: top.sourceObjectType,
      targetObjectType: top.targetObjectType,
      precedence,
      disabled: parseFlag(top.disabled),
      immutableTag,
      outOfBox: isOutOfBoxTag(immutableTag),
      scope: scope.filter((g) => g.length > 0),
      join: join.filter((g) => g.length > 0),
      mappings,
      other,
      file: where
    }
  };
}
function isOutOfBoxTag(tag) {
  return tag !== void 0 && /^Microsoft\./i.test(tag);
}
function tagBase(tag) {
  return tag.replace(/\.\d+$/, "");
}
function isContainer(name) {
  return name === "attribute-mappings" || name === "relationshipCriteria" || name === "synchronizationCriteria";
}

// src/config/load.ts
var CONNECTORS_DIR = "Connectors";
var GLOBAL_SETTINGS_FILE = "GlobalSettings/MV.xml";
var RULES_DIR = "SynchronizationRules";
var CONCURRENCY = 16;
function ruleKey(connector, name, direction, linkType) {
  return [connector.toLowerCase(), name, direction, linkType].join("|");
}
async function loadServerConfig(source, dir) {
  if (await source.kind(dir) !== "dir") throw new InputError(source.describe(dir || "."), "no such folder: expected a Get-ADSyncServerConfiguration export (Connectors/, GlobalSettings/MV.xml, SynchronizationRules/)");
  const names = new Set((await source.children(dir)).map((entry) => entry.name));
  if (!names.has(CONNECTORS_DIR) && !names.has("GlobalSettings") && !names.has(RULES_DIR)) {
    throw new InputError(source.describe(dir || "."), "not a Get-ADSyncServerConfiguration export: it has none of Connectors/, GlobalSettings/, SynchronizationRules/");
  }
  const missing = [];
  const noise = [];
  const mvFile = joinPath(dir, GLOBAL_SETTINGS_FILE);
  if (await source.kind(mvFile) !== "file") {
    throw new InputError(source.describe(mvFile), "missing: the global settings (StagingMode, optional features, anchor) are in this file; export the configuration again with Get-ADSyncServerConfiguration");
  }
  const global = await parseGlobalSettings(source, mvFile);
  if (global.server) noise.push({ kind: "serverName", path: "mv:server", value: global.server });
  if (global.exportDate) noise.push({ kind: "exportDate", path: "mv:export-date", value: global.exportDate });
  if (global.version) noise.push({ kind: "version", path: "mv:version", value: global.version });
  const globalSettings = {};
  for (const [name, value] of Object.entries(global.parameters)) {
    const kind = GLOBAL_NOISE[name];
    if (kind) noise.push({ kind, path: `mv:parameter:${name}`, value });
    else globalSettings[name] = value;
  }
  const connectorFiles = await xmlFiles(source, joinPath(dir, CONNECTORS_DIR));
  if (!names.has(CONNECTORS_DIR)) missing.push(`${CONNECTORS_DIR}/`);
  const parsedConnectors = await mapLimited(connectorFiles, (file) => parseConnector(source, file));
  const connectors = {};
  const byId = /* @__PURE__ */ new Map();
  for (const parsed of parsedConnectors) {
    const key = parsed.connector.name.toLowerCase();
    const clash = connectors[key];
    if (clash) throw new InputError(parsed.connector.file ?? "", `connector name "${parsed.connector.name}" is also used by ${clash.file}: names must be unique`);
    connectors[key] = parsed.connector;
    byId.set(parsed.id, parsed);
    noise.push(...parsed.noise);
  }
  const ruleFiles = await xmlFiles(source, joinPath(dir, RULES_DIR));
  if (!names.has(RULES_DIR)) missing.push(`${RULES_DIR}/`);
  const parsedRules = await mapLimited(ruleFiles, (file) => parseSyncRule(source, file));
  const rules = {};
  for (const parsed of parsedRules) {
    const owner = byId.get(parsed.connectorId);
    if (!owner) {
      throw new InputError(parsed.rule.file ?? "", `rule "${parsed.rule.name}" points to connector ${parsed.connectorId}, which is not in ${source.describe(joinPath(dir, CONNECTORS_DIR))}`);
    }
    const connector = owner.connector.name;
    const key = ruleKey(connector, parsed.rule.name, parsed.rule.direction, parsed.rule.linkType);
    const clash = rules[key];
    if (clash) {
      throw new InputError(parsed.rule.file ?? "", `rule "${parsed.rule.name}" (${parsed.rule.direction}, ${parsed.rule.linkType}, connector ${connector}) is defined twice: also in ${clash.file}; rules are matched between servers by this name, so it must be unique`);
    }
    rules[key] = { key, connector, ...parsed.rule };
    for (const item of parsed.noise) noise.push({ kind: item.kind, path: `rule:${key}:${item.field}`, value: item.value });
  }
  return { server: global.server, exportDate: global.exportDate, globalSettings, connectors, rules, missing, noise };
}
async function xmlFiles(source, dir) {
  return (await source.children(dir)).filter((entry) => entry.kind === "file" && /\.xml$/i.test(entry.name)).map((entry) => joinPath(dir, entry.name));
}
async function mapLimited(items, map) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

// src/config/name-map.ts
function parseNameMap(lines, where) {
  const map = {};
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const equals = line.indexOf("=");
    const from = equals > 0 ? line.slice(0, equals).trim() : "";
    const to = equals > 0 ? line.slice(equals + 1).trim() : "";
    if (!from || !to) throw new InputError(where, `expected "primary-name=staging-name", got "${line}"`, { line: index + 1, column: 1 });
    map[from] = to;
  });
  return map;
}
function applyNameMap(config, nameMap) {
  const entries = Object.entries(nameMap).filter(([from]) => from !== "").sort((a, b) => b[0].length - a[0].length);
  if (entries.length === 0) return config;
  const pattern = new RegExp(entries.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  const lookup = new Map(entries.map(([from, to]) => [from.toLowerCase(), to]));
  const mapString = (value) => value.replace(pattern, (match) => lookup.get(match.toLowerCase()) ?? match);
  const walk = (value) => {
    if (typeof value === "string") return mapString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [mapString(key), walk(item)]));
    return value;
  };
  const mapped = walk(config);
  mapped.connectors = Object.fromEntries(Object.values(mapped.connectors).map((connector) => [connector.name.toLowerCase(), connector]));
  mapped.rules = Object.fromEntries(
    Object.values(mapped.rules).map((rule) => {
      const key = ruleKey(rule.connector, rule.name, rule.direction, rule.linkType);
      return [key, { ...rule, key }];
    })
  );
  return mapped;
}

export {
  tagBase,
  loadServerConfig,
  parseNameMap,
  applyNameMap
};
