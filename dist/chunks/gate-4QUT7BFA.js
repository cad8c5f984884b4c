import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  unresolvedFrontMatterPaths
} from "./chunk-OIT7JEKE.js";
import {
  directLoaders,
  evaluatePrerequisites,
  evidencePaths,
  loadGateEvidence,
  parseFrontMatter,
  renderGateMarkdown
} from "./chunk-27BQ6EPQ.js";
import "./chunk-RIV2F3BZ.js";
import "./chunk-2YJQUTME.js";
import "./chunk-SY3FYCIP.js";
import "./chunk-SBY42SO4.js";
import "./chunk-FZGWJ4S2.js";
import {
  LIMIT_OPTIONS,
  limitsUsage,
  readLimitOptions,
  sourcePath
} from "./chunk-B7FHMQU2.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parseFormat,
  parseNowOption
} from "./chunk-CJNZHR3P.js";
import {
  DiskFileSource
} from "./chunk-FQ37H2IA.js";
import "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";

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
${limitsUsage(29)}
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
  const now = parseNowOption(values.now, io.now);
  const limits = readLimitOptions(values);
  const options = {};
  const snapshotAge = parseHours("--max-snapshot-age", values["max-snapshot-age"]);
  const syncAge = parseHours("--max-sync-age", values["max-sync-age"]);
  if (snapshotAge !== void 0) options.maxSnapshotAgeHours = snapshotAge;
  if (syncAge !== void 0) options.maxSyncAgeHours = syncAge;
  const source = new DiskFileSource(io.cwd);
  const runbookPath = sourcePath(source, io.cwd, positionals[0]);
  const text = await source.readText(runbookPath, 1024 * 1024);
  const { frontMatter } = parseFrontMatter(text, runbookPath);
  const relative = (value) => value === void 0 ? void 0 : sourcePath(source, io.cwd, value);
  const paths = evidencePaths(frontMatter, {
    primary: relative(values.primary),
    staging: relative(values.staging),
    exports: values.exports,
    oldActive: relative(values["old-active"]),
    newActive: relative(values["new-active"]),
    baseStaging: relative(values["base-staging"])
  });
  const evidence = await loadGateEvidence(source, paths, { loaders: directLoaders(source, { limits }), exportOptions: { limits } });
  const overridden = new Set(
    [["primary", "active.snapshot"], ["staging", "staging.snapshot"], ["exports", "staging.exports"], ["old-active", "after.old-active"], ["new-active", "after.new-active"], ["base-staging", "base-staging"]].filter(([option]) => values[option] !== void 0).map(([, key]) => key)
  );
  for (const note of await unresolvedFrontMatterPaths(source, io.cwd, runbookPath, frontMatter, overridden)) io.stderr(`syncstage gate: ${note}
`);
  for (const [part, message] of Object.entries(evidence.unreadable ?? {})) io.stderr(`syncstage gate: ${part} evidence unreadable (the prerequisites resting on it fail closed): ${message}
`);
  const result = evaluatePrerequisites({ ...evidence, runbook: { path: runbookPath, text }, now, options });
  io.stdout(format === "json" ? `${JSON.stringify(result, null, 2)}
` : renderGateMarkdown(result));
  return result.ok ? EXIT_OK : EXIT_CONDITION;
}
function parseGateArgs(argv) {
  return parseCommandArgs("gate", argv, {
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
    ...LIMIT_OPTIONS,
    help: { type: "boolean", short: "h" }
  });
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
