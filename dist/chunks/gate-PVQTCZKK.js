import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  GATE_CHECK_NAME,
  GATE_SCHEMA_VERSION,
  require_dist
} from "./chunk-AESXFFVU.js";
import {
  analyzeExportFiles
} from "./chunk-RSK4XDX6.js";
import {
  ENTRA_CONNECTOR_ID
} from "./chunk-FHJQM7GU.js";
import {
  diffServerConfigs,
  loadServerSnapshot
} from "./chunk-PPXZN4NS.js";
import {
  connectorFromFileName,
  isExportFile,
  isSnapshotFolder,
  listSnapshotExports,
  readManifest
} from "./chunk-AHY7V7OR.js";
import {
  DiskFileSource,
  codeSpan,
  escapeText,
  rawTable
} from "./chunk-BBM6FSNZ.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseFormat
} from "./chunk-SRXYHMOI.js";
import {
  InputError,
  isInputError
} from "./chunk-GGI5VKWD.js";
import {
  __toESM
} from "./chunk-TJQ7GH6D.js";

// src/cli/gate.ts
import { parseArgs } from "node:util";

// src/gate/checklist.ts
var OPEN_LOOKALIKES = /[\uFF3B\u27E6\u3010\u3014\u301A\u2045\u27E8\u298B\u298D\u298F]/g;
var CLOSE_LOOKALIKES = /[\uFF3D\u27E7\u3011\u3015\u301B\u2046\u27E9\u298C\u298E\u2990]/g;
var ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
var ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
var X_LOOKALIKES = /[\u0445\u0425\u00D7\uFF58\uFF38\u2715\u2716\u2717\u2718\u2713\u2714]/g;
var BULLET_LOOKALIKES = { "\uFF0D": "-", "\u2212": "-", "\uFF0A": "*", "\uFF0B": "+" };
var TASK = /^((?:[ \t]*>)*)([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;
var FENCE_OPEN = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})(.*)$/;
var TRAILING_ID = /[ \t]*`([A-Za-z0-9][A-Za-z0-9._-]*)`[ \t]*$/;
var ACK = /^ack(?:nowledge)?[ \t]+(drift|risky)[ \t]+([^\s:]+)(?:[ \t]+([^\s:]+))?[ \t]*(?::[ \t]*(.*))?$/i;
function parseChecklist(markdown, firstLine = 1) {
  const items = [];
  const acknowledgements = [];
  const notes = [];
  const lines = markdown.split(/\r\n|\r|\n/);
  let fence;
  let inComment = false;
  const indentedCode = new IndentedCodeTracker();
  lines.forEach((raw, index) => {
    const lineNumber = firstLine + index;
    if (fence) {
      const close = FENCE_OPEN.exec(raw);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && close[2].trim() === "") fence = void 0;
      return;
    }
    const { text: visible, inComment: stillInComment } = stripComments(raw, inComment);
    const wasInComment = inComment;
    inComment = stillInComment;
    if (!wasInComment) {
      const open = FENCE_OPEN.exec(visible);
      if (open && !(open[1][0] === "`" && open[2].includes("`"))) {
        fence = { char: open[1][0], length: open[1].length };
        return;
      }
    }
    if (indentedCode.skip(normalizeLine(visible))) return;
    const item = readTaskLine(visible, lineNumber);
    if (!item) return;
    items.push(item);
    const body = item.text.replace(TRAILING_ID, "");
    const ack = ACK.exec(body.trim());
    if (!ack) return;
    const reason = (ack[4] ?? "").trim();
    if (!item.ticked) return;
    if (reason === "") {
      notes.push(`line ${lineNumber}: acknowledgement without a reason is not an acknowledgement`);
      return;
    }
    const target = ack[1].toLowerCase() === "drift" ? { kind: "drift", id: ack[2] } : { kind: "risky", risk: ack[2].toLowerCase(), ...ack[3] ? { attribute: ack[3] } : {} };
    acknowledgements.push({ line: lineNumber, target, reason });
  });
  const seen = /* @__PURE__ */ new Map();
  for (const item of items) if (item.id) seen.set(item.id, [...seen.get(item.id) ?? [], item.line]);
  for (const [id, at] of seen) if (at.length > 1) notes.push(`id \`${id}\` appears ${at.length} times (lines ${at.join(", ")})`);
  return { items, acknowledgements, notes };
}
var LIST_LINE = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
var IndentedCodeTracker = class {
  inList = false;
  afterBlank = true;
  inCode = false;
  skip(line) {
    if (line.trim() === "") {
      this.afterBlank = true;
      return false;
    }
    const indent = columns(/^[ \t]*/.exec(line)[0]);
    const blank = this.afterBlank;
    this.afterBlank = false;
    if (this.inCode && indent >= 4) return true;
    this.inCode = false;
    if (indent >= 4 && !this.inList && blank) {
      this.inCode = true;
      return true;
    }
    const heading = indent < 4 && /^#{1,6}(\s|$)/.test(line.trim());
    if (LIST_LINE.test(line)) this.inList = true;
    else if (indent < 2 && (blank || heading)) this.inList = false;
    if (heading) this.afterBlank = true;
    return false;
  }
};
function stripComments(line, inComment) {
  let out = "";
  let rest = line;
  let open = inComment;
  while (rest.length > 0) {
    if (open) {
      const end = rest.indexOf("-->");
      if (end < 0) return { text: out, inComment: true };
      rest = rest.slice(end + 3);
      open = false;
    } else {
      const start = rest.indexOf("<!--");
      if (start < 0) return { text: out + rest, inComment: false };
      out += rest.slice(0, start);
      rest = rest.slice(start + 4);
      open = true;
    }
  }
  return { text: out, inComment: open };
}
function normalizeLine(line) {
  let text = line.replace(ZERO_WIDTH, "").replace(ODD_SPACES, " ").replace(OPEN_LOOKALIKES, "[").replace(CLOSE_LOOKALIKES, "]");
  text = text.replace(/^((?:[ \t]*>)*[ \t]*)([\uFF0D\u2212\uFF0A\uFF0B])/, (_, lead, bullet) => lead + BULLET_LOOKALIKES[bullet]);
  return text.replace(/^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([^\]])(\])/, (_, head, mark, close) => head + mark.replace(X_LOOKALIKES, "x") + close);
}
function readTaskLine(line, lineNumber) {
  const normalized = normalizeLine(line);
  const match = TASK.exec(normalized);
  if (!match) return void 0;
  const indent = columns(match[1].replace(/>/g, " ") + match[2]);
  const text = (match[5] ?? "").trim();
  const id = TRAILING_ID.exec(text)?.[1];
  return { line: lineNumber, ticked: match[4] !== " ", text, ...id ? { id } : {}, indent, normalized: normalized !== line };
}
function columns(whitespace) {
  let width = 0;
  for (const char of whitespace) width = char === "	" ? width + 4 - width % 4 : width + 1;
  return width;
}

// src/gate/front-matter.ts
var import_yaml = __toESM(require_dist(), 1);
var RUNBOOK_MARKER = "failover";
var KNOWN_KEYS = /* @__PURE__ */ new Set(["syncstage", "stage", "active", "staging", "after", "base-staging", "max-snapshot-age-hours", "max-sync-age-hours"]);
function parseFrontMatter(text, file) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== "---") throw new InputError(file, 'the runbook must start with YAML front matter between "---" lines (see docs/failover-gate.md)', { line: 1, column: 1 });
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === "---" || line.trim() === "..."));
  if (end < 0) throw new InputError(file, 'the front matter is not closed by a "---" line', { line: 1, column: 1 });
  const yamlText = lines.slice(1, end).join("\n");
  const counter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset) => {
    const pos = counter.linePos(offset ?? 0);
    return { line: pos.line + 1, column: pos.col };
  };
  const firstError = doc.errors[0];
  if (firstError) throw new InputError(file, `front matter: ${firstError.message.split("\n")[0]}`, at(firstError.pos[0]));
  if (!(0, import_yaml.isMap)(doc.contents)) throw new InputError(file, "front matter must be a YAML mapping", { line: 2, column: 1 });
  const raw = doc.toJS();
  const fail = (path, reason) => {
    const node = doc.getIn(path, true);
    const keyOffset = path.length > 0 ? findKeyOffset(doc, path) : void 0;
    const offset = reason.startsWith("unknown key") ? keyOffset ?? node?.range?.[0] : node?.range?.[0] ?? keyOffset;
    throw new InputError(file, `front matter: ${path.join(".")}: ${reason}`, at(offset));
  };
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) fail([key], `unknown key (expected ${[...KNOWN_KEYS].join(", ")})`);
  if (raw.syncstage !== void 0 && raw.syncstage !== RUNBOOK_MARKER) fail(["syncstage"], `must be "${RUNBOOK_MARKER}" (it marks the file as a failover runbook)`);
  const stage = raw.stage ?? "pre-switch";
  if (stage !== "pre-switch" && stage !== "post-switch") fail(["stage"], `must be "pre-switch" or "post-switch", got ${JSON.stringify(stage)}`);
  const server = (key) => {
    const value = raw[key];
    if (value === void 0) return fail([key], "missing: name the server and its snapshot folder ({server: SYNC01, snapshot: path})");
    if (typeof value !== "object" || value === null || Array.isArray(value)) return fail([key], "must be a mapping with server and snapshot");
    const entry = value;
    for (const field of Object.keys(entry)) if (!["server", "snapshot", ...key === "staging" ? ["exports"] : []].includes(field)) fail([key, field], "unknown key");
    const name = entry.server;
    if (typeof name !== "string" || name.trim() === "") return fail([key, "server"], "must be the server name");
    const result = { server: name.trim() };
    const snapshot = optionalPath(entry.snapshot, () => fail([key, "snapshot"], "must be a folder path"));
    if (snapshot !== void 0) result.snapshot = snapshot;
    const exports = optionalPath(entry.exports, () => fail([key, "exports"], "must be a glob"));
    if (exports !== void 0) result.exports = exports;
    return result;
  };
  const frontMatter = { stage, active: server("active"), staging: server("staging") };
  if (frontMatter.active.server.toLowerCase() === frontMatter.staging.server.toLowerCase()) fail(["staging", "server"], "the staging server must be another server than the active one");
  if (raw.after !== void 0) {
    if (typeof raw.after !== "object" || raw.after === null || Array.isArray(raw.after)) fail(["after"], "must be a mapping with old-active and new-active");
    const after = raw.after;
    for (const field of Object.keys(after)) if (field !== "old-active" && field !== "new-active") fail(["after", field], "unknown key (expected old-active, new-active)");
    frontMatter.after = {};
    const oldActive = optionalPath(after["old-active"], () => fail(["after", "old-active"], "must be a folder path"));
    const newActive = optionalPath(after["new-active"], () => fail(["after", "new-active"], "must be a folder path"));
    if (oldActive !== void 0) frontMatter.after.oldActive = oldActive;
    if (newActive !== void 0) frontMatter.after.newActive = newActive;
  }
  const base = optionalPath(raw["base-staging"], () => fail(["base-staging"], "must be a folder path"));
  if (base !== void 0) frontMatter.baseStaging = base;
  for (const [key, field] of [["max-snapshot-age-hours", "maxSnapshotAgeHours"], ["max-sync-age-hours", "maxSyncAgeHours"]]) {
    const value = raw[key];
    if (value === void 0) continue;
    if (typeof value !== "number" || !(value > 0)) fail([key], "must be a positive number of hours");
    frontMatter[field] = value;
  }
  return { frontMatter, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}
function optionalPath(value, onError) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string" || value.trim() === "") return onError();
  return value.trim().replace(/\\/g, "/");
}
function findKeyOffset(doc, path) {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!(0, import_yaml.isMap)(parent)) return parent?.range?.[0];
  const pair = parent.items.find((item) => item.key?.value === path[path.length - 1]);
  return pair?.key?.range?.[0] ?? parent.range?.[0];
}

// src/snapshot/export-files.ts
var DELETE_PROTECTION_SETTING = "Microsoft.OptionalFeature.ExportDeletionThreshold";
var DELETE_THRESHOLD_SETTING = "Microsoft.OptionalFeature.ExportDeletionThresholdValue";
function configuredThreshold(snapshot) {
  const settings = snapshot?.config?.globalSettings;
  const enabled = settings?.[DELETE_PROTECTION_SETTING]?.trim().toLowerCase();
  const value = settings?.[DELETE_THRESHOLD_SETTING]?.trim();
  if (enabled !== "true" && enabled !== "false" || value === void 0 || !/^\d+$/.test(value)) return void 0;
  return { enabled: enabled === "true", limit: Number.parseInt(value, 10) };
}
function exportOptionsFor(staging, options = {}) {
  const threshold = configuredThreshold(staging);
  return {
    ...options.deletionThreshold !== void 0 ? { deletionThreshold: options.deletionThreshold } : {},
    ...options.sensitiveAttributes !== void 0 ? { sensitiveAttributes: options.sensitiveAttributes } : {},
    ...threshold ? { configuredThreshold: threshold } : {}
  };
}
async function resolveExportFiles(source, patterns, staging) {
  const refs = /* @__PURE__ */ new Map();
  const add = (ref) => {
    if (!refs.has(ref.path)) refs.set(ref.path, ref);
  };
  if (patterns.length === 0 && staging) staging.exportFiles.forEach(add);
  for (const pattern of patterns) {
    const trimmed = pattern.length > 1 ? pattern.replace(/\/+$/, "") : pattern;
    if (await source.kind(trimmed) === "dir") {
      if (await isSnapshotFolder(source, trimmed)) {
        (await listSnapshotExports(source, trimmed, await readManifest(source, trimmed))).forEach(add);
      } else {
        for (const entry of await source.children(trimmed)) {
          if (entry.kind === "file" && isExportFile(entry.name)) add({ path: `${trimmed}/${entry.name}`, connector: connectorFromFileName(entry.name) });
        }
      }
      continue;
    }
    const matches = (await source.list(trimmed)).filter(isExportFile);
    if (matches.length === 0) throw new InputError(source.describe(trimmed), "no pending-export file (.xml or .xml.gz) matches this path or pattern");
    for (const path of matches) add({ path, connector: await connectorNameFor(source, path) });
  }
  return [...refs.values()];
}
async function connectorNameFor(source, path) {
  const match = /^(?:(.*)\/)?exports\/([^/]+)$/.exec(path);
  if (match) {
    const manifest = await readManifest(source, match[1] ?? "").catch(() => void 0);
    const named = manifest?.exports?.[match[2]] ?? manifest?.exports?.[`exports/${match[2]}`];
    if (named) return named;
  }
  return connectorFromFileName(path);
}

// src/gate/snapshot-facts.ts
var STAGING_MODE_SETTING = "Microsoft.Synchronize.StagingMode";
function parseBoolean(value) {
  if (value === void 0) return void 0;
  const text = value.trim().toLowerCase();
  return text === "true" || text === "1" ? true : text === "false" || text === "0" ? false : void 0;
}
function stagingModes(snapshot) {
  return { config: parseBoolean(snapshot.config?.globalSettings[STAGING_MODE_SETTING]), scheduler: snapshot.scheduler?.stagingModeEnabled };
}
function describeMode(staging) {
  return staging === void 0 ? "unknown" : staging ? "True" : "False";
}
function capturedAt(snapshot) {
  const text = snapshot?.manifest?.capturedAt;
  if (!text) return void 0;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? void 0 : time;
}
function parseRunDate(value) {
  if (!value) return void 0;
  const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value.trim());
  const time = ms ? new Date(Number(ms[1])) : new Date(value);
  return Number.isNaN(time.getTime()) ? void 0 : time;
}
function hoursBetween(earlier, later) {
  return (later.getTime() - earlier.getTime()) / 36e5;
}
function formatHours(hours) {
  return `${Math.round(hours * 10) / 10} h`;
}
function iso(time) {
  return time.toISOString().replace(/\.000Z$/, "Z");
}

// src/gate/verdict.ts
var Verdict = class {
  evidence = [];
  failed = false;
  unknown = false;
  ok(sentence) {
    this.evidence.push(sentence);
    return this;
  }
  fail(sentence) {
    this.failed = true;
    this.evidence.push(sentence);
    return this;
  }
  missing(sentence) {
    this.unknown = true;
    this.evidence.push(sentence);
    return this;
  }
  get state() {
    return this.failed ? "fails" : this.unknown ? "unknown" : "holds";
  }
};
function listSome(values, limit = 10) {
  const shown = values.slice(0, limit).join(", ");
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown;
}

// src/gate/pre-switch.ts
function checkFreshness(verdict, label, snapshot, context, unreadable) {
  if (unreadable) {
    verdict.missing(`${label} snapshot unreadable: ${unreadable}`);
    return false;
  }
  if (!snapshot) {
    verdict.missing(`${label} snapshot not given`);
    return false;
  }
  const time = capturedAt(snapshot);
  if (!time) {
    verdict.missing(`${label} snapshot ${snapshot.root} has no capturedAt in snapshot.json: its age cannot be told`);
    return false;
  }
  const age = hoursBetween(time, context.now);
  if (age > context.maxSnapshotAgeHours) {
    verdict.missing(`${label} snapshot captured ${iso(time)} is stale: ${formatHours(age)} old, over the ${context.maxSnapshotAgeHours} h limit`);
    return false;
  }
  if (age < -0.25) {
    verdict.missing(`${label} snapshot captured ${iso(time)} is in the future of the check (${iso(context.now)})`);
    return false;
  }
  return true;
}
function checkRole(verdict, label, expected, snapshot, other, wantStaging, context, unreadable) {
  if (!checkFreshness(verdict, label, snapshot, context, unreadable)) return;
  checkIdentity(verdict, label, expected.server, snapshot);
  const role = snapshot.manifest?.role;
  const wantRole = wantStaging ? "staging" : "active";
  if (role !== void 0 && role !== wantRole) verdict.fail(`${label} snapshot.json says role "${role}", the runbook says ${wantRole}`);
  const modes = stagingModes(snapshot);
  const want = describeMode(wantStaging);
  if (modes.config === void 0) verdict.missing(`${label} MV.xml has no Microsoft.Synchronize.StagingMode`);
  else if (modes.config !== wantStaging) verdict.fail(`${label} MV.xml StagingMode ${describeMode(modes.config)}, expected ${want}`);
  else verdict.ok(`${label} MV.xml StagingMode ${want}`);
  if (modes.scheduler === void 0) verdict.missing(`${label} scheduler.json has no StagingModeEnabled`);
  else if (modes.scheduler !== wantStaging) verdict.fail(`${label} scheduler StagingModeEnabled ${describeMode(modes.scheduler)}, expected ${want}`);
  else verdict.ok(`${label} scheduler StagingModeEnabled ${want}`);
  if (other) {
    const mine = serverNames(snapshot);
    const theirs = serverNames(other);
    const shared = mine.filter((name) => theirs.includes(name));
    if (shared.length > 0) verdict.fail(`the active and staging snapshots are both from ${shared[0]}: two snapshots of one server`);
  }
}
function serverNames(snapshot) {
  return [snapshot.manifest?.server, snapshot.config?.server].filter((name) => !!name).map((name) => name.toLowerCase());
}
function checkIdentity(verdict, label, expected, snapshot) {
  const fromManifest = snapshot.manifest?.server;
  const fromConfig = snapshot.config?.server;
  if (fromManifest === void 0 && fromConfig === void 0) {
    verdict.missing(`${label} snapshot names no server (no snapshot.json server, no MV.xml server)`);
    return;
  }
  for (const [source, name] of [["snapshot.json", fromManifest], ["MV.xml", fromConfig]]) {
    if (name === void 0) continue;
    if (name.toLowerCase() !== expected.toLowerCase()) verdict.fail(`${label} ${source} server is ${name}, the runbook names ${expected}`);
  }
  if (fromManifest !== void 0 && fromConfig !== void 0 && fromManifest.toLowerCase() === fromConfig.toLowerCase() && fromManifest.toLowerCase() === expected.toLowerCase()) {
    verdict.ok(`${label} snapshot is ${expected} (snapshot.json and MV.xml agree)`);
  } else if (fromManifest?.toLowerCase() === expected.toLowerCase() || fromConfig?.toLowerCase() === expected.toLowerCase()) {
    verdict.ok(`${label} snapshot is ${expected}`);
  }
}
var SYNC_PROFILE = /synchroni[sz]ation/i;
function runTime(run) {
  return parseRunDate(run.endDate) ?? parseRunDate(run.startDate);
}
function checkStagingSynced(verdict, staging, context) {
  const scheduler = staging.scheduler;
  if (!scheduler) verdict.missing("staging scheduler.json missing");
  else if (scheduler.syncCycleEnabled === void 0) verdict.missing("staging scheduler.json has no SyncCycleEnabled");
  else if (!scheduler.syncCycleEnabled) verdict.fail("staging scheduler SyncCycleEnabled False");
  else verdict.ok("staging scheduler SyncCycleEnabled True");
  if (staging.runHistory) {
    const syncs = staging.runHistory.filter((run) => SYNC_PROFILE.test(run.runProfileName ?? "") && run.result?.toLowerCase() === "success").map((run) => ({ run, time: runTime(run) })).filter((entry) => entry.time !== void 0).sort((a, b) => b.time.getTime() - a.time.getTime());
    const latest = syncs[0];
    if (!latest) {
      verdict.fail(`staging run history (${staging.runHistory.length} runs) has no successful synchronization run`);
      return;
    }
    const age2 = hoursBetween(latest.time, context.now);
    const what2 = `last successful ${latest.run.runProfileName} (${latest.run.connectorName ?? "unknown connector"}) ended ${iso(latest.time)}, ${formatHours(age2)} before the check`;
    if (age2 > context.maxSyncAgeHours) verdict.fail(`${what2}: over the ${context.maxSyncAgeHours} h limit`);
    else verdict.ok(what2);
    return;
  }
  const next = parseRunDate(scheduler?.nextSyncCycleStartTimeInUTC);
  const interval = scheduler?.currentlyEffectiveSyncCycleInterval;
  if (!next || interval === void 0) {
    verdict.missing("staging run-history.json missing, and the scheduler gives no next cycle time and interval to fall back on");
    return;
  }
  const previous = new Date(next.getTime() - interval * 1e3);
  const age = hoursBetween(previous, context.now);
  const what = `weaker evidence (no run history): NextSyncCycleStartTimeInUTC ${iso(next)} minus the ${interval / 60} min interval puts the last cycle's start at ${iso(previous)}, ${formatHours(age)} before the check; it does not say the cycle succeeded`;
  if (age > context.maxSyncAgeHours) verdict.fail(`${what}: over the ${context.maxSyncAgeHours} h limit`);
  else verdict.ok(what);
}
function checkInitialSync(verdict, staging, ruleChanges2) {
  const policy = staging.scheduler?.nextSyncCyclePolicyType;
  if (policy !== void 0 && policy.toLowerCase() === "initial") verdict.fail("staging scheduler NextSyncCyclePolicyType Initial: an initial sync cycle is still pending");
  if (!ruleChanges2) {
    verdict.missing("no drift report and no base-branch comparison: whether sync rules or scope changed cannot be told");
    return;
  }
  if (ruleChanges2.changes.length === 0) {
    verdict.ok("no change to sync rules or scope");
    if (policy === void 0) verdict.missing("staging scheduler.json gives no NextSyncCyclePolicyType");
    return;
  }
  verdict.ok(`sync rules or scope changed: ${listSome(ruleChanges2.changes, 5)}`);
  if (!staging.runHistory) {
    verdict.missing("staging run-history.json missing: the initial sync cycle cannot be seen");
    return;
  }
  const since = ruleChanges2.firstSeenAt;
  const after = (run) => {
    const time = parseRunDate(run.startDate) ?? runTime(run);
    return time !== void 0 && (since === void 0 || time.getTime() >= since.getTime());
  };
  const succeeded = (run) => /^(success|completed-)/i.test(run.result ?? "");
  const connectors = [...new Set(staging.runHistory.map((run) => run.connectorName).filter((name) => !!name))].sort();
  if (connectors.length === 0) {
    verdict.fail("staging run history names no connector runs");
    return;
  }
  const lacking = [];
  for (const connector of connectors) {
    const runs = staging.runHistory.filter((run) => run.connectorName === connector && after(run) && succeeded(run));
    const profiles = runs.map((run) => (run.runProfileName ?? "").toLowerCase());
    if (!profiles.includes("full import")) lacking.push(`${connector}: Full Import`);
    if (!profiles.includes("full synchronization")) lacking.push(`${connector}: Full Synchronization`);
  }
  const window = since ? `after ${iso(since)} (first snapshot showing the change)` : "in the run history";
  if (lacking.length > 0) verdict.fail(`no successful run ${window} for ${listSome(lacking, 6)}`);
  else verdict.ok(`Full Import and Full Synchronization ran on ${connectors.length} connector(s) ${window}`);
  if (!since) verdict.ok("weaker evidence: the change first shows in this snapshot, so whether the full runs came after it cannot be told; the base branch's staging snapshot would tell");
}
function checkDeleteProtection(verdict, staging) {
  const settings = staging.config?.globalSettings;
  if (!settings) {
    verdict.missing("staging configuration (MV.xml) missing");
    return;
  }
  const enabled = parseBoolean(settings[DELETE_PROTECTION_SETTING]);
  const value = settings[DELETE_THRESHOLD_SETTING];
  const limit = value !== void 0 && /^\s*\d+\s*$/.test(value) ? Number.parseInt(value, 10) : void 0;
  if (enabled === void 0) verdict.missing(`staging MV.xml has no ${DELETE_PROTECTION_SETTING}`);
  else if (!enabled) verdict.fail(`staging ${DELETE_PROTECTION_SETTING} False: accidental-delete protection is off`);
  if (limit === void 0) verdict.missing(`staging MV.xml has no usable ${DELETE_THRESHOLD_SETTING}`);
  else if (limit <= 0) verdict.fail(`staging ${DELETE_THRESHOLD_SETTING} ${limit}: no threshold`);
  if (enabled && limit !== void 0 && limit > 0) verdict.ok(`staging accidental-delete protection on, threshold ${limit} objects`);
}
function checkExports(verdict, staging, report, acknowledgements, exportsCapturedAt, unreadable) {
  if (unreadable) {
    verdict.missing(`pending exports unreadable: ${unreadable}`);
    return;
  }
  if (!report || report.files.length === 0) {
    verdict.missing("no pending-export files for the staging server (csexport /f:x)");
    return;
  }
  const root = `${staging.root.replace(/\/+$/, "")}/`;
  const inSnapshot = report.files.every((file) => file.startsWith(root) || file.includes(`:${root}`));
  const configTime = capturedAt(staging);
  if (inSnapshot) verdict.ok(`${report.files.length} export file(s) in the staging snapshot, captured with its configuration`);
  else if (!exportsCapturedAt || !configTime) verdict.missing("export files are outside the staging snapshot and their capture time is unknown: they cannot be tied to the configuration snapshot");
  else if (exportsCapturedAt.getTime() < configTime.getTime()) verdict.fail(`export files captured ${iso(exportsCapturedAt)}, before the configuration snapshot (${iso(configTime)})`);
  else verdict.ok(`export files captured ${iso(exportsCapturedAt)}, with or after the configuration snapshot (${iso(configTime)})`);
  const summaries = report.connectors.length > 0 ? report.connectors : [report];
  const over = summaries.filter((summary) => summary.threshold.applies && summary.threshold.exceeded);
  if (report.threshold.exceeded && over.length === 0) over.push(report);
  for (const summary of over) verdict.fail(`${summary.threshold.deletes} deletes to Entra ID (${summary.connector}) exceed the accidental-delete threshold of ${summary.threshold.limit}`);
  if (over.length === 0) {
    const entra = summaries.find((summary) => summary.threshold.applies);
    verdict.ok(entra ? `${entra.threshold.deletes} deletes to Entra ID, under the threshold of ${entra.threshold.limit}` : "no Entra ID export file: no deletes to compare to the threshold");
  }
  for (const group of report.risky) {
    const label = group.attribute ? `${group.kind} ${group.attribute}` : group.kind;
    const ack = acknowledgements.find(
      (candidate) => candidate.target.kind === "risky" && candidate.target.risk === group.kind && (candidate.target.attribute === void 0 || candidate.target.attribute.toLowerCase() === (group.attribute ?? "").toLowerCase())
    );
    if (ack) verdict.ok(`risky ${label} (${group.count}) acknowledged on line ${ack.line}: ${ack.reason}`);
    else verdict.fail(`risky ${label} (${group.count} objects) not acknowledged`);
  }
  if (report.risky.length === 0) verdict.ok("no risky changes");
}
function checkDrift(verdict, drift, acknowledgements, unreadable) {
  if (unreadable) {
    verdict.missing(`drift report unreadable: ${unreadable}`);
    return;
  }
  if (!drift) {
    verdict.missing("no drift report (both server configurations are needed)");
    return;
  }
  if (drift.missing.length > 0) verdict.missing(`configuration incomplete: ${listSome(drift.missing, 5)} missing`);
  const acked = /* @__PURE__ */ new Map();
  for (const ack of acknowledgements) if (ack.target.kind === "drift") acked.set(ack.target.id.toLowerCase(), ack);
  const open = drift.differences.filter((difference) => !acked.has(difference.id.toLowerCase()));
  const known = new Set(drift.differences.map((difference) => difference.id.toLowerCase()));
  const acknowledged = drift.differences.length - open.length;
  if (drift.differences.length === 0) verdict.ok("no configuration drift between the servers");
  else if (acknowledged > 0) verdict.ok(`${acknowledged} of ${drift.differences.length} difference(s) acknowledged`);
  if (open.length > 0) verdict.fail(`${open.length} difference(s) not acknowledged: ${listSome(open.map((d) => `${d.id} (${d.category}: ${d.subject} ${d.field})`), 5)}`);
  for (const [id, ack] of acked) if (!known.has(id)) verdict.ok(`line ${ack.line} acknowledges unknown drift id ${ack.target.kind === "drift" ? ack.target.id : id}`);
}

// src/gate/post-switch.ts
function isActive(snapshot) {
  const modes = stagingModes(snapshot);
  if (modes.config === false || modes.scheduler === false) return true;
  if (modes.config === true || modes.scheduler === true) return false;
  return void 0;
}
function checkSwitchOrder(verdict, oldActive, newActive, context) {
  const usableOld = checkFreshness(verdict, "old active (after switch)", oldActive?.snapshot, context);
  const usableNew = checkFreshness(verdict, "new active (after switch)", newActive?.snapshot, context);
  if (!usableOld || !usableNew || !oldActive || !newActive) return;
  const oldActiveNow = isActive(oldActive.snapshot);
  const newActiveNow = isActive(newActive.snapshot);
  if (oldActiveNow === void 0) verdict.missing(`${oldActive.server} snapshot after the switch gives no StagingMode`);
  else if (oldActiveNow) verdict.fail(`${oldActive.server} snapshot after the switch is not in staging mode`);
  else verdict.ok(`${oldActive.server} in staging mode at ${iso(capturedAt(oldActive.snapshot))}`);
  if (newActiveNow === void 0) verdict.missing(`${newActive.server} snapshot after the switch gives no StagingMode`);
  else if (!newActiveNow) verdict.fail(`${newActive.server} snapshot after the switch is still in staging mode`);
  else verdict.ok(`${newActive.server} active at ${iso(capturedAt(newActive.snapshot))}`);
  const before = capturedAt(oldActive.snapshot);
  const after = capturedAt(newActive.snapshot);
  if (before.getTime() < after.getTime()) verdict.ok(`${oldActive.server} was switched to staging mode before ${newActive.server} went active`);
  else verdict.fail(`${oldActive.server}'s staging-mode snapshot (${iso(before)}) is not earlier than ${newActive.server}'s active snapshot (${iso(after)}): the order cannot be shown`);
}
function checkNeverTwoActive(verdict, snapshots) {
  const events = [];
  for (const entry of snapshots) {
    const at = capturedAt(entry.snapshot);
    const active = isActive(entry.snapshot);
    if (!at) verdict.missing(`${entry.label} snapshot has no capturedAt`);
    else if (active === void 0) verdict.missing(`${entry.label} snapshot gives no StagingMode`);
    else events.push({ at, server: entry.server.toLowerCase(), active, label: entry.label });
  }
  if (snapshots.length < 2) verdict.missing("fewer than two snapshots: nothing to compare");
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = /* @__PURE__ */ new Map();
  for (const event of events) {
    state.set(event.server, event);
    const active = [...state.values()].filter((entry) => entry.active);
    if (active.length > 1) {
      verdict.fail(`two active servers at ${iso(event.at)}: ${active.map((entry) => `${entry.label} (${iso(entry.at)})`).join(" and ")}`);
      return;
    }
  }
  if (events.length >= 2) verdict.ok(`${events.length} snapshots in capture order: never more than one active server`);
}
function checkFirstExport(verdict, newActive, switchedAfter) {
  const history = newActive?.snapshot.runHistory;
  if (!newActive || !history) {
    verdict.missing("new active server run-history.json missing");
    return;
  }
  const allExports = history.filter((run) => (run.runProfileName ?? "").trim().toLowerCase() === "export");
  const entra = allExports.filter((run) => isEntraRun(run, newActive.snapshot));
  const exports = (entra.length > 0 ? entra : allExports).map((run) => ({ run, start: parseRunDate(run.startDate) ?? parseRunDate(run.endDate) })).filter((entry) => entry.start !== void 0 && (switchedAfter === void 0 || entry.start.getTime() >= switchedAfter.getTime())).sort((a, b) => a.start.getTime() - b.start.getTime());
  const window = switchedAfter ? ` after ${iso(switchedAfter)}` : "";
  const first = exports[0];
  if (entra.length === 0 && allExports.length > 0) verdict.ok("the Entra ID connector cannot be told from the run history: every connector's exports are judged");
  if (!first) {
    verdict.fail(`${newActive.server} run history shows no Export run${window}`);
    return;
  }
  const result = first.run.result ?? "unknown";
  const what = `first Export${window}: ${first.run.connectorName ?? "unknown connector"} at ${iso(first.start)}, result ${result}`;
  if (/^stopped-/i.test(result) || first.run.isRunComplete === false) verdict.fail(what);
  else verdict.ok(what);
  const stopped = exports.filter((entry) => entry !== first && /deletion-threshold/i.test(entry.run.result ?? ""));
  for (const entry of stopped) verdict.fail(`Export ${entry.run.connectorName ?? ""} at ${iso(entry.start)} stopped: ${entry.run.result}`);
}
var ENTRA_ID = ENTRA_CONNECTOR_ID.replace(/[{}]/g, "").toLowerCase();
function isEntraRun(run, snapshot) {
  if (run.connectorId && run.connectorId.replace(/[{}]/g, "").toLowerCase() === ENTRA_ID) return true;
  const connector = run.connectorName ? snapshot.config?.connectors[run.connectorName.toLowerCase()] : void 0;
  return connector?.isEntraConnector === true;
}

// src/gate/evaluate.ts
var DEFAULT_MAX_SNAPSHOT_AGE_HOURS = 24;
var DEFAULT_MAX_SYNC_AGE_HOURS = 3;
var PRE_SWITCH_IDS = ["one-active", "one-staging", "staging-synced", "initial-sync", "delete-protection", "exports-verified", "no-drift", "health-agent"];
var POST_SWITCH_IDS = ["switch-order", "never-two-active", "first-export", "post-checks"];
var KNOWN_IDS = /* @__PURE__ */ new Set([...PRE_SWITCH_IDS, ...POST_SWITCH_IDS]);
function evaluatePrerequisites(input) {
  const { frontMatter, body, bodyLine } = parseFrontMatter(input.runbook.text, input.runbook.path);
  const checklist = parseChecklist(body, bodyLine);
  const context = {
    now: input.now,
    maxSnapshotAgeHours: input.options?.maxSnapshotAgeHours ?? frontMatter.maxSnapshotAgeHours ?? DEFAULT_MAX_SNAPSHOT_AGE_HOURS,
    maxSyncAgeHours: input.options?.maxSyncAgeHours ?? frontMatter.maxSyncAgeHours ?? DEFAULT_MAX_SYNC_AGE_HOURS
  };
  const prerequisites = frontMatter.stage === "post-switch" ? postSwitch(input, frontMatter, context) : preSwitch(input, frontMatter, checklist, context);
  const results = prerequisites.map((prerequisite) => weigh(prerequisite, checklist));
  const satisfied = results.filter((result) => result.status === "satisfied").length;
  const unknownIds = checklist.items.filter((item) => item.id !== void 0 && !KNOWN_IDS.has(item.id)).map((item) => `line ${item.line}: item id \`${item.id}\` matches no prerequisite`);
  const notes = [...checklist.notes, ...unknownIds];
  return {
    schemaVersion: GATE_SCHEMA_VERSION,
    stage: frontMatter.stage,
    runbook: input.runbook.path,
    prerequisites: results,
    satisfied,
    total: results.length,
    ok: satisfied === results.length,
    title: `${satisfied} of ${results.length} prerequisites satisfied`,
    ...notes.length > 0 ? { notes } : {}
  };
}
function preSwitch(input, frontMatter, checklist, context) {
  const unreadable = input.unreadable ?? {};
  const staging = (verdict) => checkFreshness(verdict, "staging", input.staging, context, unreadable.staging) ? input.staging : void 0;
  return [
    {
      id: "one-active",
      title: "One currently active sync server",
      check: (v) => checkRole(v, "active", frontMatter.active, input.primary, input.staging, false, context, unreadable.primary)
    },
    {
      id: "one-staging",
      title: "One staging sync server",
      check: (v) => checkRole(v, "staging", frontMatter.staging, input.staging, input.primary, true, context, unreadable.staging)
    },
    {
      id: "staging-synced",
      title: "Staging server scheduler enabled and synchronized recently",
      check: (v) => {
        const snapshot = staging(v);
        if (snapshot) checkStagingSynced(v, snapshot, context);
      }
    },
    {
      id: "initial-sync",
      title: "Initial sync cycle after sync rule or scope changes",
      check: (v) => {
        const snapshot = staging(v);
        if (snapshot) checkInitialSync(v, snapshot, ruleChanges(input, unreadable.base));
      }
    },
    {
      id: "delete-protection",
      title: "Accidental-delete protection configured",
      check: (v) => {
        const snapshot = staging(v);
        if (snapshot) checkDeleteProtection(v, snapshot);
      }
    },
    {
      id: "exports-verified",
      title: "Pending exports verified",
      check: (v) => {
        const snapshot = staging(v);
        const exportsAt = input.exportsCapturedAt ? new Date(input.exportsCapturedAt) : void 0;
        if (snapshot) checkExports(v, snapshot, input.exports, checklist.acknowledgements, exportsAt && !Number.isNaN(exportsAt.getTime()) ? exportsAt : void 0, unreadable.exports);
      }
    },
    {
      id: "no-drift",
      title: "No configuration drift, or each difference acknowledged",
      check: (v) => {
        const fresh = [
          ["active", input.primary],
          ["staging", input.staging]
        ].map(([label, snapshot]) => !snapshot || checkFreshness(v, label, snapshot, context));
        if (fresh.every(Boolean)) checkDrift(v, input.drift, checklist.acknowledgements, unreadable.drift);
      }
    },
    { id: "health-agent", title: "Connect Health agent up to date", manual: true }
  ];
}
function ruleChanges(input, baseUnreadable) {
  if (!input.drift && !input.base) return void 0;
  const fromDrift = (input.drift?.differences ?? []).filter((difference) => difference.category === "sync-rules" || difference.category === "scope").map((difference) => `${difference.category} ${difference.subject} ${difference.field} (${difference.id})`);
  const fromBase = (input.base?.ruleChanges ?? []).map((change) => `since the base branch: ${change}`);
  const changes = [...fromDrift, ...fromBase];
  if (baseUnreadable) changes.push(`base-branch snapshot unreadable (${baseUnreadable})`);
  const baseTime = input.base?.stagingCapturedAt ? new Date(input.base.stagingCapturedAt) : void 0;
  const firstSeenAt = fromDrift.length > 0 && fromBase.length === 0 && !baseUnreadable && baseTime && !Number.isNaN(baseTime.getTime()) ? baseTime : void 0;
  return firstSeenAt ? { changes, firstSeenAt } : { changes };
}
function postSwitch(input, frontMatter, context) {
  const unreadable = input.unreadable ?? {};
  const label = (name, server, snapshot) => snapshot ? { label: name, server, snapshot } : void 0;
  const oldActive = unreadable.oldActive ? void 0 : label(`${frontMatter.active.server} after the switch`, frontMatter.active.server, input.after?.oldActive);
  const newActive = unreadable.newActive ? void 0 : label(`${frontMatter.staging.server} after the switch`, frontMatter.staging.server, input.after?.newActive);
  const unreadableNote = (v) => {
    if (unreadable.oldActive) v.missing(`old active snapshot after the switch unreadable: ${unreadable.oldActive}`);
    if (unreadable.newActive) v.missing(`new active snapshot after the switch unreadable: ${unreadable.newActive}`);
  };
  return [
    {
      id: "switch-order",
      title: "Active server switched to staging mode before the staging server went active",
      check: (v) => {
        unreadableNote(v);
        checkSwitchOrder(v, oldActive, newActive, context);
      }
    },
    {
      id: "never-two-active",
      title: "Never two active servers",
      check: (v) => {
        unreadableNote(v);
        const all = [
          label(`${frontMatter.active.server} before the switch`, frontMatter.active.server, input.primary),
          label(`${frontMatter.staging.server} before the switch`, frontMatter.staging.server, input.staging),
          oldActive,
          newActive
        ].filter((entry) => entry !== void 0);
        if (!oldActive || !newActive) v.missing("both snapshots after the switch are needed");
        checkNeverTwoActive(v, all);
      }
    },
    {
      id: "first-export",
      title: "First export on the new active server ran without hitting the deletion threshold",
      check: (v) => {
        unreadableNote(v);
        checkFirstExport(v, newActive, capturedAt(input.staging));
      }
    },
    { id: "post-checks", title: "Post-switch checks done by hand (password writeback, password hash sync)", manual: true }
  ];
}
function weigh(prerequisite, checklist) {
  const items = checklist.items.filter((item) => item.id === prerequisite.id);
  const ticked = items.length > 0 && items.every((item) => item.ticked);
  const evidence = [];
  if (items.length === 0) evidence.push(`no checklist item \`${prerequisite.id}\` in the runbook`);
  if (items.length > 1) evidence.push(`item \`${prerequisite.id}\` appears ${items.length} times (lines ${items.map((item) => item.line).join(", ")}): counted as ticked only when every copy is`);
  const result = (status) => ({ id: prerequisite.id, title: prerequisite.title, status, ticked, evidence });
  if (prerequisite.manual || !prerequisite.check) {
    evidence.push(ticked ? `ticked by a person on line ${items[0].line} (manual item: no evidence file)` : "manual item: not ticked");
    return result(ticked ? "satisfied" : "unsatisfied");
  }
  const verdict = new Verdict();
  prerequisite.check(verdict);
  evidence.push(...verdict.evidence);
  if (verdict.state === "fails") return result(ticked ? "contradicted" : "unsatisfied");
  if (verdict.state === "unknown") return result("unsatisfied");
  if (!ticked) {
    if (items.length > 0) evidence.push("the evidence holds, but the item is not ticked");
    return result("unsatisfied");
  }
  return result("satisfied");
}

// src/gate/load-evidence.ts
function evidencePaths(frontMatter, overrides = {}) {
  return {
    primary: overrides.primary ?? frontMatter.active.snapshot,
    staging: overrides.staging ?? frontMatter.staging.snapshot,
    exports: overrides.exports ?? frontMatter.staging.exports,
    oldActive: overrides.oldActive ?? frontMatter.after?.oldActive,
    newActive: overrides.newActive ?? frontMatter.after?.newActive,
    baseStaging: overrides.baseStaging ?? frontMatter.baseStaging
  };
}
function directLoaders(source) {
  return {
    loadSnapshot: (root) => loadServerSnapshot(source, root),
    analyzeExports: (files, options) => analyzeExportFiles(source, files, options)
  };
}
async function loadGateEvidence(source, paths, options = {}) {
  const driftOptions = options.driftOptions ?? {};
  const loaders = options.loaders ?? directLoaders(source);
  const unreadable = {};
  const load = async (part, root) => {
    if (!root) return void 0;
    try {
      return await loaders.loadSnapshot(root);
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable[part] = error.message;
      return void 0;
    }
  };
  const primary = await load("primary", paths.primary);
  const staging = await load("staging", paths.staging);
  const evidence = { unreadable };
  if (primary) evidence.primary = primary;
  if (staging) evidence.staging = staging;
  if (primary?.config && staging?.config) {
    try {
      evidence.drift = diffServerConfigs(primary.config, staging.config, driftOptions);
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable.drift = error.message;
    }
  }
  if (staging || paths.exports) {
    try {
      const files = await resolveExportFiles(source, paths.exports ? [paths.exports] : [], staging);
      if (files.length > 0) evidence.exports = await loaders.analyzeExports(files, exportOptionsFor(staging, options.exportOptions));
    } catch (error) {
      if (!isInputError(error)) throw error;
      unreadable.exports = error.message;
    }
  }
  const oldActive = await load("oldActive", paths.oldActive);
  const newActive = await load("newActive", paths.newActive);
  if (oldActive || newActive) evidence.after = { ...oldActive ? { oldActive } : {}, ...newActive ? { newActive } : {} };
  const base = await load("base", paths.baseStaging);
  if (base && staging) evidence.base = baseComparison(base, staging, driftOptions);
  return evidence;
}
function baseComparison(base, head, driftOptions = {}) {
  const changes = base.config && head.config ? diffServerConfigs(base.config, head.config, driftOptions).differences.filter((difference) => difference.category === "sync-rules" || difference.category === "scope").map((difference) => `${difference.category} ${difference.subject} ${difference.field}`) : [];
  return { ...base.manifest?.capturedAt ? { stagingCapturedAt: base.manifest.capturedAt } : {}, ruleChanges: changes };
}

// src/report/gate-markdown.ts
var STATUS_LABEL = {
  satisfied: "\u2705 satisfied",
  unsatisfied: "\u2B1C unsatisfied",
  contradicted: "\u274C contradicted"
};
function renderGateMarkdown(result, options = {}) {
  const heading = `### ${result.ok ? "\u2705" : "\u274C"} Failover gate (${result.stage}): ${escapeText(result.title)}`;
  const runbookLine = `Runbook ${codeSpan(result.runbook)} \xB7 check ${codeSpan(GATE_CHECK_NAME)}`;
  const rows = result.prerequisites.map((prerequisite) => [
    STATUS_LABEL[prerequisite.status],
    codeSpan(prerequisite.id),
    escapeText(prerequisite.title),
    renderEvidence(prerequisite, options)
  ]);
  const table = rawTable(["Status", "Id", "Prerequisite", "Evidence"], rows);
  const notes = (result.notes ?? []).map((note) => `- ${escapeText(note)}`);
  const notesBlock = notes.length > 0 ? ["", "**Checklist notes**", "", ...notes] : [];
  return [heading, "", runbookLine, "", verdictLine(result), "", table, ...notesBlock, ""].join("\n");
}
function verdictLine(result) {
  const post = result.stage === "post-switch";
  if (result.ok) return post ? "**The switch is confirmed:** every check is satisfied by a ticked item and its evidence." : "**The switch may go ahead:** every prerequisite is satisfied by a ticked item and its evidence.";
  const contradicted = result.prerequisites.filter((p) => p.status === "contradicted").map((p) => codeSpan(p.id));
  const open = result.prerequisites.filter((p) => p.status === "unsatisfied").map((p) => codeSpan(p.id));
  const parts = [contradicted.length > 0 ? `contradicted by the evidence: ${contradicted.join(", ")}` : "", open.length > 0 ? `unsatisfied: ${open.join(", ")}` : ""].filter(Boolean);
  return `**${post ? "The switch is not confirmed." : "Not ready to switch."}** ${parts.join("; ")}.`;
}
function renderEvidence(prerequisite, options) {
  const limit = options.maxEvidencePerRow ?? prerequisite.evidence.length;
  const shown = prerequisite.evidence.slice(0, limit).map((sentence) => {
    const max = options.maxEvidenceLength;
    return escapeText(max !== void 0 && sentence.length > max ? `${sentence.slice(0, max)}\u2026` : sentence);
  });
  const hidden = prerequisite.evidence.length - shown.length;
  if (hidden > 0) shown.push(`\u2026and ${hidden} more`);
  return shown.length > 0 ? shown.join("<br>") : "\u2014";
}

// src/cli/gate.ts
var GATE_HELP = `Usage: syncstage gate RUNBOOK [options]

Checks a failover runbook (docs/failover-gate.md): each prerequisite's checklist item against the server
snapshots it names. Paths are relative to the repository root (the working directory).

Options:
  --primary DIR              the active server's snapshot (default: front matter active.snapshot)
  --staging DIR              the staging server's snapshot (default: front matter staging.snapshot)
  --exports GLOB             the staging server's export files (default: front matter staging.exports, else the
                             staging snapshot's exports/)
  --old-active DIR           post-switch: the old active server's snapshot after the switch (after.old-active)
  --new-active DIR           post-switch: the new active server's snapshot after the switch (after.new-active)
  --base-staging DIR         the base branch's staging snapshot, to date sync-rule and scope changes
  --now ISO-TIME             the time of the check (default: now), e.g. 2026-11-24T12:00:00Z
  --max-snapshot-age H       snapshots older than H hours are stale (default 24)
  --max-sync-age H           the staging server's last successful sync must be this recent (default 3)
  --format markdown|json     markdown (default): the check's summary; json: schemas/gate.schema.json
  -h, --help                 this help

Exit codes: 0 the switch may go ahead; 1 a prerequisite is not satisfied; 2 bad usage or bad input.
`;
var FORMATS = ["markdown", "json"];
async function runGate(argv, io) {
  const { values, positionals } = parseGateArgs(argv);
  if (values.help) {
    io.stdout(GATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`gate: expected one RUNBOOK, got ${positionals.length}`);
  const format = parseFormat(values.format, FORMATS, "markdown");
  const now = parseNow(values.now);
  const options = {};
  const snapshotAge = parseHours("--max-snapshot-age", values["max-snapshot-age"]);
  const syncAge = parseHours("--max-sync-age", values["max-sync-age"]);
  if (snapshotAge !== void 0) options.maxSnapshotAgeHours = snapshotAge;
  if (syncAge !== void 0) options.maxSyncAgeHours = syncAge;
  const source = new DiskFileSource(io.cwd);
  const runbookPath = source.relative(positionals[0]);
  const text = await source.readText(runbookPath, 1024 * 1024);
  const { frontMatter } = parseFrontMatter(text, runbookPath);
  const relative = (value) => value === void 0 ? void 0 : source.relative(value);
  const paths = evidencePaths(frontMatter, {
    primary: relative(values.primary),
    staging: relative(values.staging),
    exports: values.exports,
    oldActive: relative(values["old-active"]),
    newActive: relative(values["new-active"]),
    baseStaging: relative(values["base-staging"])
  });
  const evidence = await loadGateEvidence(source, paths);
  for (const [part, message] of Object.entries(evidence.unreadable ?? {})) io.stderr(`syncstage gate: ${part} evidence unreadable (the prerequisites resting on it fail closed): ${message}
`);
  const result = evaluatePrerequisites({ ...evidence, runbook: { path: runbookPath, text }, now, options });
  io.stdout(format === "json" ? `${JSON.stringify(result, null, 2)}
` : renderGateMarkdown(result));
  return result.ok ? EXIT_OK : EXIT_CONDITION;
}
function parseGateArgs(argv) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        primary: { type: "string" },
        staging: { type: "string" },
        exports: { type: "string" },
        "old-active": { type: "string" },
        "new-active": { type: "string" },
        "base-staging": { type: "string" },
        now: { type: "string" },
        "max-snapshot-age": { type: "string" },
        "max-sync-age": { type: "string" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(`gate: ${error.message}`);
  }
}
function parseNow(value) {
  if (value === void 0) return /* @__PURE__ */ new Date();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--now: expected an ISO 8601 time with a zone (e.g. 2026-11-24T12:00:00Z), got "${value}"`);
  }
  return new Date(value);
}
function parseHours(name, value) {
  if (value === void 0) return void 0;
  const hours = Number(value);
  if (value.trim() === "" || !Number.isFinite(hours) || hours <= 0) throw new UsageError(`${name}: expected a positive number of hours, got "${value}"`);
  return hours;
}
export {
  GATE_HELP,
  runGate
};
