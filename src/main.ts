/**
 * The Action's run: the review app, run by our adapter with the runner's environment. Everything, the reading of
 * the inputs included, happens inside run(): a bad input fails the step with one line, never a stack trace.
 * Importing this module does nothing (src/index.ts calls run()): GitHub's local runner imports it and calls run()
 * with its own @actions/core in place (`npx @github/local-action run . src/main.ts .env`, docs/local-debugging.md).
 */
import * as core from '@actions/core';
import { ClockError, clockFromEnvironment, pinnedClockWarning, type Clock } from './clock.js';
import { type ActionAppBuilder, type RunAppOptions, runAction } from './github/action-adapter.js';
import { createActionApp } from './github/action-app.js';
import { createActionIO, type ActionCore, type ActionIO } from './github/action-io.js';
import type { Env } from './github/inputs.js';
import { realActionDeps } from './github/real-deps.js';

/**
 * The Action's handlers from its parsed inputs: the App's handlers with the Action's runtime. The step's inputs win
 * over the config file on every path, and the redaction key is the redact-key input, handed on as a typed value.
 */
export function actionApp(io: ActionIO, now: () => Date): ActionAppBuilder {
  return (inputs) => createActionApp(realActionDeps(io, inputs, { now }), inputs.eventLimits);
}

export async function run(env: Env = process.env, options: RunAppOptions = {}): Promise<void> {
  const actionCore = options.core ?? (core as unknown as ActionCore);
  const clock = readClock(env, actionCore);
  if (!clock) return;
  await runAction(actionApp(createActionIO(actionCore, env), clock.now), env, { ...options, core: actionCore });
}

/** The clock judgments are made at; a bad SYNCSTAGE_NOW fails the step before anything runs, a pinned one is announced. */
function readClock(env: Env, actionCore: ActionCore): Clock | undefined {
  try {
    const chosen = clockFromEnvironment(env);
    if (chosen.pinnedAt) actionCore.warning(pinnedClockWarning(chosen.pinnedAt));
    return chosen;
  } catch (error) {
    if (!(error instanceof ClockError)) throw error;
    actionCore.setFailed(error.message);
    return undefined;
  }
}
