/**
 * One review of one commit, for every event of both runtimes: the settings from the trusted commit (one loader), the
 * files at the exact SHAs, the change's files, then reviewCommit (judge once) and the runtime's publishers (publish
 * many). Event handlers only map their payload to a ReviewRequest and pick the publishers.
 */
import { GATE_CHECK_NAME } from '../check-names.js';
import type { FileSource } from '../files/source.js';
import type { CommandArguments } from './command.js';
import { createCommitStatus, type StatusOctokit } from './checks.js';
import type { ReviewDeps, RepoRef } from './deps.js';
import { ApiFileSource } from './files.js';
import type { Octokit } from './octokit.js';
import { publishAll, type PublishContext, type Publisher } from './publish/publisher.js';
import { reviewCommit, stoppedReview, type ReviewLog, type ReviewOutcome, type ReviewTarget } from './review-commit.js';
import { loadSettings } from './settings-loader.js';
import type { SyncstageSettings } from './settings.js';
import type { ReviewKind, Runtime } from './runtime.js';

export type { ReviewLog, ReviewOutcome, ReviewTarget } from './review-commit.js';

export interface ReviewContext {
  octokit: Octokit;
  log: ReviewLog;
}

export interface ReviewPlan {
  target: ReviewTarget;
  /**
   * The commit the settings are read at: the base of a pull request or merge group (the trusted side), the default
   * branch for an issue command, the commit itself for a push.
   */
  settingsSha: string;
  /** Files the change adds or modifies (the gate judges the runbooks among them); none: the `runbooks` globs at the head. */
  changedFiles?: () => Promise<readonly string[]>;
  args?: CommandArguments;
  /** Verify the base on its own too, for "what changed since main": set by the runtime when it shows it. */
  compareWithBase?: boolean;
  /** Settings already resolved for this event (the command reads them before it may run): not read again. */
  settings?: SyncstageSettings;
  /** The run behind the review when known before publishing (the Action's workflow run). */
  run?: { url: string; label: string };
}

/** The files of each commit this review reads, opened once: the settings' commit is often the base. */
async function openSources(context: ReviewContext, plan: ReviewPlan, deps: ReviewDeps): Promise<{ head: FileSource; base?: FileSource; settings?: FileSource }> {
  const repo: RepoRef = { owner: plan.target.owner, repo: plan.target.repo };
  const opened = new Map<string, Promise<FileSource>>();
  const open = (sha: string) => {
    const key = sha.toLowerCase();
    let source = opened.get(key);
    if (!source) opened.set(key, (source = Promise.resolve(deps.openSource(context.octokit, repo, sha))));
    return source;
  };
  // Settings already resolved (the command's) need no source of their own.
  const settings = plan.settings ? undefined : await open(plan.settingsSha);
  const head = await open(plan.target.headSha);
  const base = plan.target.baseSha ? await open(plan.target.baseSha) : undefined;
  return { head, ...(settings ? { settings } : {}), ...(base ? { base } : {}) };
}

/**
 * Judges the plan's commit and publishes the outcome. A review that cannot run (bad settings, input that cannot be
 * read, GitHub failing past the retries) is published as a stopped outcome, both checks failing with the reason: a
 * required check never waits forever, nor keeps an older success. The outcome says whether it stopped; the caller
 * decides whether that fails its run.
 */
export async function reviewAndPublish(context: ReviewContext, plan: ReviewPlan, deps: ReviewDeps, publishers: readonly Publisher[]): Promise<ReviewOutcome> {
  let settings: SyncstageSettings | undefined;
  let outcome: ReviewOutcome;
  try {
    const sources = await openSources(context, plan, deps);
    settings = plan.settings ?? (await loadSettings(sources.settings!, deps));
    const changedFiles = plan.changedFiles ? await plan.changedFiles() : undefined;
    context.log.info(`reviewing ${plan.target.owner}/${plan.target.repo}@${plan.target.headSha.slice(0, 7)} from ${sources.head instanceof ApiFileSource ? 'the API' : 'the checkout'}`);
    outcome = await reviewCommit(
      {
        target: plan.target,
        settings,
        head: sources.head,
        ...(sources.base ? { base: sources.base } : {}),
        ...(changedFiles ? { changedFiles } : {}),
        ...(plan.args ? { args: plan.args } : {}),
        ...(plan.compareWithBase ? { compareWithBase: true } : {}),
      },
      deps,
      context.log,
    );
  } catch (error) {
    outcome = stoppedReview(plan.target, error, settings);
  }
  const publishContext: PublishContext = { octokit: context.octokit, log: context.log, problems: [], ...(plan.run ? { run: plan.run } : {}) };
  await publishAll(outcome, publishContext, publishers);
  return outcome;
}

/**
 * The review of a plan in a runtime: judged, published through the runtime's publishers for this kind of review,
 * and thrown when the runtime says a stopped review fails the event.
 */
export async function runReview(context: ReviewContext, plan: ReviewPlan, kind: ReviewKind, deps: ReviewDeps, runtime: Runtime): Promise<ReviewOutcome> {
  const run = plan.run ?? runtime.run?.(plan.target);
  const compareWithBase = runtime.comparesWithBase(kind);
  const outcome = await reviewAndPublish(context, { ...plan, ...(run ? { run } : {}), ...(compareWithBase ? { compareWithBase } : {}) }, deps, runtime.publishers(kind));
  if (outcome.stopped && runtime.failsEvent(outcome)) throw outcome.stopped.error;
  return outcome;
}

/** The commit the gate's status goes on. */
export interface GateTarget extends RepoRef {
  headSha: string;
}

/** The gate's failing status when the run stops before any review (a bad input in the Action). */
export async function postGateFailure(octokit: StatusOctokit, target: GateTarget, targetUrl: string | undefined, description: string): Promise<void> {
  await createCommitStatus(octokit, {
    owner: target.owner,
    repo: target.repo,
    sha: target.headSha,
    context: GATE_CHECK_NAME,
    state: 'failure',
    description,
    ...(targetUrl ? { targetUrl } : {}),
  });
}
