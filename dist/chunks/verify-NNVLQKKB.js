import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  unresolvedRunbookPaths
} from "./chunk-OIT7JEKE.js";
import {
  renderReview,
  verifyStaging
} from "./chunk-LMUAIQ6L.js";
import "./chunk-HZZFRPN5.js";
import "./chunk-27BQ6EPQ.js";
import "./chunk-RIV2F3BZ.js";
import {
  REDACT_KEY_VARIABLE,
  redactorFor
} from "./chunk-RXFLYGFL.js";
import "./chunk-V6BOQP4V.js";
import "./chunk-TGO2PSWY.js";
import "./chunk-2YJQUTME.js";
import "./chunk-SY3FYCIP.js";
import {
  NAME_MAP_USAGE,
  readNameMapOptions
} from "./chunk-NRCVCVHH.js";
import "./chunk-XMJXO2RK.js";
import "./chunk-SBY42SO4.js";
import "./chunk-FZGWJ4S2.js";
import {
  LIMIT_OPTIONS,
  limitsUsage,
  readLimitOptions,
  resolveRunbookArgs,
  sourcePath
} from "./chunk-B7FHMQU2.js";
import {
  EXIT_CONDITION,
  EXIT_OK,
  UsageError,
  parseCommandArgs,
  parseFailOn,
  parseFormat,
  parseNowOption,
  parsePositiveInteger
} from "./chunk-CJNZHR3P.js";
import {
  DiskFileSource
} from "./chunk-FQ37H2IA.js";
import {
  FAIL_ON_CONDITIONS,
  failOnReasons,
  failOnSubject
} from "./chunk-XGP4FN77.js";
import "./chunk-TJQ7GH6D.js";

// src/cli/verify.ts
var VERIFY_USAGE = `Usage: syncstage verify [--primary DIR] [--staging DIR] [--exports PATH|GLOB]... [--runbook PATH|GLOB]...
                        [--deletion-threshold N] [--sensitive-attributes A,B] [--now ISO-TIME]
                        [--map A=B]... [--map-file FILE] [--format markdown|json] [--fail-on LIST]

The full verification before a failover: pending exports of the staging server (its exports/ folder, or
--exports), the switch impact when the primary snapshot has its exports/ too (what the failover itself will
export), configuration drift between the primary and the staging server, and the failover prerequisites
of each runbook. Prints the Markdown a pull request gets (or JSON).

  --primary DIR            snapshot folder (or bare Get-ADSyncServerConfiguration folder) of the active server
  --staging DIR            snapshot folder of the staging server
  --exports PATH|GLOB      pending-export files or folders (default: the staging snapshot's exports/)
  --runbook PATH|GLOB      failover runbooks to evaluate; each must exist and be judged (else exit 2)
  --deletion-threshold N   accidental-delete limit; wins over the staging configuration's value (default: that value, else 500)
  --sensitive-attributes   comma-separated attributes whose changes are risky
  --now ISO-TIME           evaluate as of this time (default: now)
${NAME_MAP_USAGE}
                           (drift and the switch impact's connector pairing read the primary's names through it)
  --format FORMAT          markdown (default) or json
  --fail-on LIST           comma-separated: not-ready, threshold, errors, risky, drift, prerequisites, none
                           (default: not-ready)
  --redact                 UPNs, mail addresses, names and DN names as keyed hashes (key: SYNCSTAGE_REDACT_KEY)
${limitsUsage(27)}

Exit codes: 0 ready (or no --fail-on condition holds); 1 a --fail-on condition holds; 2 bad usage or input that
cannot be read (a named runbook, folder or export file that is missing or cannot be judged).
`;
async function runVerify(argv, io) {
  const { values, positionals } = parseCommandArgs("verify", argv, {
    primary: { type: "string" },
    staging: { type: "string" },
    exports: { type: "string", multiple: true },
    runbook: { type: "string", multiple: true },
    "deletion-threshold": { type: "string" },
    "sensitive-attributes": { type: "string" },
    now: { type: "string" },
    format: { type: "string" },
    "fail-on": { type: "string" },
    redact: { type: "boolean" },
    map: { type: "string", multiple: true },
    "map-file": { type: "string" },
    ...LIMIT_OPTIONS,
    help: { type: "boolean", short: "h" }
  });
  if (positionals.length > 0) throw new UsageError(`verify: unexpected argument "${positionals[0]}" (folders and files are given with --primary, --staging, --exports, --runbook)`);
  if (values.help) {
    io.stdout(VERIFY_USAGE);
    return EXIT_OK;
  }
  const format = parseFormat(values.format, ["markdown", "json"], "markdown");
  const failOn = parseFailOn(values["fail-on"] ?? "not-ready", FAIL_ON_CONDITIONS);
  const now = parseNowOption(values.now, io.now);
  const limits = readLimitOptions(values);
  if (!values.primary && !values.staging && !values.exports && !values.runbook) throw new UsageError("verify: give at least --staging (or --exports / --runbook)");
  const source = new DiskFileSource(io.cwd);
  const toSource = (value) => sourcePath(source, io.cwd, value);
  const { nameMap } = await readNameMapOptions(values, source, io.cwd);
  const runbookFiles = await resolveRunbookArgs(source, io.cwd, values.runbook ?? []);
  const result = await verifyStaging(source, {
    primary: values.primary === void 0 ? void 0 : toSource(values.primary),
    staging: values.staging === void 0 ? void 0 : toSource(values.staging),
    exports: (values.exports ?? []).map(toSource),
    runbooks: [],
    runbookFiles,
    deletionThreshold: parsePositiveInteger("--deletion-threshold", values["deletion-threshold"]),
    deletionThresholdSetBy: "cli-option",
    sensitiveAttributes: values["sensitive-attributes"]?.split(",").map((name) => name.trim()).filter(Boolean),
    now,
    limits,
    ...Object.keys(nameMap).length > 0 ? { nameMap } : {},
    ...values.redact ? { redact: true, redactKey: redactKey(io.env) } : {}
  });
  io.stdout(format === "json" ? `${JSON.stringify(toJson(result), null, 2)}
` : `${renderReview(result)}
`);
  const overridden = /* @__PURE__ */ new Set([...values.primary !== void 0 ? ["active.snapshot"] : [], ...values.staging !== void 0 ? ["staging.snapshot"] : []]);
  for (const note of await unresolvedRunbookPaths(source, io.cwd, runbookFiles, overridden)) io.stderr(`syncstage verify: ${note}
`);
  if (result.inputErrors.length > 0) {
    for (const error of result.inputErrors) io.stderr(`${error.message}
`);
    return 2;
  }
  const reasons = failOnReasons(failOn, failOnSubject(result));
  if (reasons.length === 0) return EXIT_OK;
  io.stderr(`syncstage: --fail-on: ${reasons.join("; ")}
`);
  return EXIT_CONDITION;
}
function toJson(result) {
  return {
    schemaVersion: 1,
    verdict: result.verdict,
    reasons: result.reasons,
    inputErrors: result.inputErrors.map((error) => ({ file: error.file, line: error.position?.line, column: error.position?.column, message: error.reason })),
    exports: result.exports,
    ...result.impact ? { switchImpact: result.impact } : {},
    drift: result.drift,
    gates: result.gates
  };
}
function redactKey(env) {
  redactorFor(true, env);
  return env[REDACT_KEY_VARIABLE];
}
export {
  VERIFY_USAGE,
  runVerify
};
