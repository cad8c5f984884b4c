/**
 * What a handler writes to the Actions runner: outputs, the job summary (capped under 1 MiB: over it GitHub drops the
 * whole summary), the full JSON report file, and the step's failure. Behind an interface so the handlers run the same
 * under test, and so the App (which has no runner) can hand in a quiet one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VerificationResult } from '../verify/types.js';
import type { Env } from './inputs.js';

import { fitMarkdownBytes as fitSummaryMarkdown, SUMMARY_BYTE_BUDGET, SUMMARY_CUT_NOTE } from '../report/github-limits.js';

export { fitSummaryMarkdown, SUMMARY_BYTE_BUDGET, SUMMARY_CUT_NOTE };

export interface ActionIO {
  env: Env;
  setOutput(name: string, value: string | number | boolean): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** Writes the full JSON report; returns its path. */
  writeReport(result: VerificationResult): Promise<string>;
  /** Writes the comment's Markdown (for the fork-safe workflow, which posts it from another run); returns its path. */
  writeCommentFile(markdown: string): Promise<string>;
}

/** The subset of @actions/core the Action uses. */
export interface ActionCore {
  setOutput(name: string, value: unknown): void;
  setFailed(message: string | Error): void;
  setSecret(secret: string): void;
  info(message: string): void;
  warning(message: string | Error): void;
  error(message: string | Error): void;
  debug(message: string): void;
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } };
}

/** InputError and other errors do not serialise to JSON by themselves: keep what a reader needs. */
export function reportJson(result: VerificationResult): string {
  return JSON.stringify(
    result,
    (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, ...(value as object) } : value),
    2,
  );
}

async function writeRunnerFile(env: Env, name: string, content: string): Promise<string> {
  const dir = path.join(env.RUNNER_TEMP || tmpdir(), `syncstage-${env.GITHUB_RUN_ID ?? 'local'}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

export function createActionIO(core: ActionCore, env: Env): ActionIO {
  return {
    env,
    setOutput: (name, value) => core.setOutput(name, String(value)),
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(fitSummaryMarkdown(markdown), true).write();
    },
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    writeReport: (result) => writeRunnerFile(env, 'report.json', reportJson(result)),
    writeCommentFile: (markdown) => writeRunnerFile(env, 'comment.md', markdown),
  };
}

/** The Actions runner of a dependency set: every Action handler needs it, the App has none. */
export function runnerOf(deps: { io?: ActionIO }): ActionIO {
  if (!deps.io) throw new Error('this handler runs in the Action only: no runner is wired');
  return deps.io;
}
