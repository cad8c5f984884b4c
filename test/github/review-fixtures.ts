import type { ActionIO } from '../../src/github/action-io.js';
import type { ReviewDeps } from '../../src/github/deps.js';
import { readActionInputs } from '../../src/github/inputs.js';
import { handleMergeGroup, handlePullRequest, type MergeGroupPayload, type PullRequestPayload } from '../../src/github/pull-request.js';
import { handlePushSummary, type PushPayload } from '../../src/github/push.js';
import type { ReviewContext, ReviewOutcome } from '../../src/github/review.js';
import { actionRuntime } from '../../src/github/runtime.js';
import { checkoutSources } from '../../src/github/sources.js';
import type { VerificationInputs, VerificationResult } from '../../src/verify/types.js';
import type { FileSource } from '../../src/files/source.js';

export const HEAD = '1'.repeat(40);
export const BASE = '2'.repeat(40);

export interface RecordingIO extends ActionIO {
  outputs: Record<string, string>;
  summaries: string[];
  failures: string[];
  warnings: string[];
}

export function recordingIO(env: Record<string, string | undefined> = {}): RecordingIO {
  const io: RecordingIO = {
    env,
    outputs: {},
    summaries: [],
    failures: [],
    warnings: [],
    setOutput: (name, value) => void (io.outputs[name] = String(value)),
    appendSummary: async (markdown) => void io.summaries.push(markdown),
    setFailed: (message) => void io.failures.push(message),
    info: () => {},
    warning: (message) => void io.warnings.push(message),
    writeReport: async () => '/tmp/report.json',
    writeCommentFile: async () => '/tmp/comment.md',
  };
  return io;
}

export interface VerifyCall {
  label: string;
  inputs: VerificationInputs;
  files: string[];
  /** How the base source handed over (the switch impact's earlier snapshots) names a file, if one was. */
  base?: string;
}

/** A verify that lists the exports glob (so file-source traffic is real) and returns the given results in turn. */
export function stubDeps(io: ActionIO, results: VerificationResult[], calls: VerifyCall[] = []): ReviewDeps {
  let index = 0;
  return {
    verify: async (source: FileSource, inputs, sources) => {
      const files = (await Promise.all(inputs.exports.map((glob) => source.list(glob)))).flat();
      calls.push({ label: source.describe('x'), inputs, files, ...(sources?.base ? { base: sources.base.describe('x') } : {}) });
      return results[Math.min(index++, results.length - 1)]!;
    },
    renderComment: (r, options) => `comment: ${r.verdict}${options.base ? ` (base ${options.base.verdict} on ${options.baseRef})` : ''} budget ${options.budget}${options.sha ? ` sha ${options.sha}` : ''}${options.run ? ` ${options.run.label} ${options.run.url}` : ''}`,
    renderSummary: (r, options) => `summary: ${r.verdict}${options.base ? ` vs ${options.baseRef}` : ''}`,
    renderReviewCheck: (r) => ({ title: r.verdict === 'ready' ? 'ready to switch' : 'not ready', summary: `review: ${r.reasons.join('; ')}` }),
    renderGateCheck: (g) => ({ title: g.title, summary: `gate summary for ${g.runbook}` }),
    renderVerifyReply: (r, { sha }) => `**${r.verdict}** at ${sha}`,
    openSource: checkoutSources(io.env.GITHUB_WORKSPACE),
    now: () => new Date('2026-11-24T12:00:00Z'),
    loadConfig: async (source, file) => {
      const text = await source.readText(file);
      return JSON.parse(text) as object;
    },
    io,
    // The review reads its explicit inputs from the env the test gives, as the Action parses them.
    inputs: readActionInputs(io.env),
  };
}

/** The Action's pull_request handler: the shared handler with the Action's runtime (src/github/action-app.ts). */
export async function actionPullRequest(context: ReviewContext & { payload: PullRequestPayload }, deps: ReviewDeps): Promise<ReviewOutcome> {
  const outcome = await handlePullRequest({ ...context, payload: { ...context.payload, action: 'opened' } }, deps, actionRuntime(deps.io!, deps));
  return outcome!;
}

export function actionMergeGroup(context: ReviewContext & { payload: MergeGroupPayload }, deps: ReviewDeps): Promise<ReviewOutcome> {
  return handleMergeGroup(context, deps, actionRuntime(deps.io!, deps));
}

export function actionPush(context: ReviewContext & { payload: PushPayload }, deps: ReviewDeps): Promise<ReviewOutcome> {
  return handlePushSummary(context, deps, actionRuntime(deps.io!, deps));
}
