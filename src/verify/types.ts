/**
 * The whole verification of a staging server, as every edge runs it: the PR review (Action and App),
 * `/verify-staging`, and `syncstage verify`. Implemented in src/verify/verify.ts over a FileSource.
 */
import type { DriftReport, ServerConfig } from '../config/types.js';
import type { InputError } from '../errors.js';
import type { PendingExportReport, ThresholdSetter } from '../exports/types.js';
import type { FileSource } from '../files/source.js';
import type { GateResult } from '../gate/types.js';
import type { SwitchImpactReport } from '../impact/types.js';
import type { ReadLimits } from '../xml/read-limits.js';

export interface VerificationInputs {
  /** Globs of csexport files (and snapshot folders), relative to the source root. */
  exports: string[];
  /** Snapshot (or bare configuration) folder of the active server. */
  primary?: string;
  /** Snapshot (or bare configuration) folder of the staging server. */
  staging?: string;
  /**
   * Globs of failover runbooks looked for at the commit (a push, `/verify-staging` in an issue): a glob may match
   * nothing. Every file it matches is judged, and one that cannot be judged is in `unjudgedRunbooks`.
   */
  runbooks: string[];
  /**
   * Runbooks named exactly: those a pull request adds or changes, or `runbook=` / `--runbook`. Names, never globs
   * (`[`, `{` and `\` are characters of the name). Each one is judged or is in `unjudgedRunbooks`: a missing one too.
   */
  runbookFiles?: string[];
  /**
   * Markdown files a change adds or modifies outside the runbook globs: each is read (its first 64 KiB) and judged
   * as a runbook when its front matter says so (`syncstage: failover`); one that cannot be read is unjudged.
   */
  runbookCandidates?: string[];
  /**
   * Names that differ on purpose between the two servers (primary name -> staging name, as `drift --map`): drift
   * (the review's and the gate's) and the switch impact's connector pairing read the primary's names through it.
   */
  nameMap?: Record<string, string>;
  deletionThreshold?: number;
  /** What set deletionThreshold (the CLI option, the Action's input, .github/syncstage.yml), for the reports. */
  deletionThresholdSetBy?: ThresholdSetter;
  sensitiveAttributes?: string[];
  /** The time the evaluation is made (the gate's "recently"). */
  now: Date;
  /** The gate's ages, when the configuration sets them (else the runbook's front matter, else the defaults). */
  gate?: { maxSnapshotAgeHours?: number; maxSyncAgeHours?: number };
  /** Replace names with keyed hashes in the result (src/redact/redact.ts). */
  redact?: boolean;
  /** The redaction key, filled in by the edge (Action input, environment); a secret, never logged or reported. */
  redactKey?: string;
  /**
   * The gzip ceiling and the value caps every file is read under (src/xml/read-limits.ts): from trusted settings only
   * (the CLI's options, the Action's inputs, the config file at the base commit, the App's environment), never from a
   * runbook's front matter.
   */
  limits?: ReadLimits;
}

export type Verdict = 'ready' | 'not-ready';

/** A runbook that was changed, named or matched but produced no gate result, and why (the error is in inputErrors too). */
export interface UnjudgedRunbook {
  /** The runbook's path as named (relative to the repository root). */
  path: string;
  error: InputError;
}

export interface VerificationResult {
  inputs: VerificationInputs;
  exports?: PendingExportReport;
  /** Both servers' pending exports paired, when the active server's snapshot carries them (docs/switch-impact.md). */
  impact?: SwitchImpactReport;
  /** Why the switch impact was not judged although the staging server has pending exports (said, never silent). */
  impactNotJudged?: string;
  drift?: DriftReport;
  gates: GateResult[];
  /** Runbooks that could not be judged: each fails the gate, naming the file and the reason. */
  unjudgedRunbooks: UnjudgedRunbook[];
  /** Files that could not be read or parsed: the verdict is never "ready" when any exist. */
  inputErrors: InputError[];
  verdict: Verdict;
  /** Why, in order of importance; empty when ready. */
  reasons: string[];
  /**
   * The configurations read, for comparing this commit with another (what a pull request changes on one server).
   * Large: report writers leave it out (reportJson, `syncstage verify --format json`).
   */
  configs?: { primary?: ServerConfig; staging?: ServerConfig };
}

/** Where else a verification may read: the base commit of a pull request, for the switch impact's persistence. */
export interface VerificationSources {
  base?: FileSource;
}

export type Verify = (source: FileSource, inputs: VerificationInputs, sources?: VerificationSources) => Promise<VerificationResult>;
