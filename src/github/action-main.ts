/**
 * The Action's run: the review app, run by our adapter with the runner's environment. Everything, the reading of
 * the inputs included, happens inside run(): a bad input fails the step with one line, never a stack trace.
 */
import * as core from '@actions/core';
import { type ActionAppBuilder, type RunAppOptions, runAction } from './action-adapter.js';
import { actionDeps } from './action-deps.js';
import { createActionApp } from './action-app.js';
import { createActionIO, type ActionCore, type ActionIO } from './action-io.js';
import type { Env } from './inputs.js';
import { realAppDeps } from './real-deps.js';

/**
 * The Action's handlers from its parsed inputs. /verify-staging in Action form is the App's handler, with results as
 * commit statuses on the pinned head SHA; the step's inputs win over the config file there too, and the redaction
 * key is the redact-key input, handed on as a typed value on both paths (review and command).
 */
export function actionApp(io: ActionIO): ActionAppBuilder {
  return (inputs) =>
    createActionApp(
      actionDeps(io, inputs),
      realAppDeps({ publish: 'statuses', reviewPullRequest: undefined, inputSettings: inputs.settings, ...(inputs.redactKey ? { redactKey: inputs.redactKey } : {}) }),
    );
}

export async function run(env: Env = process.env, options: RunAppOptions = {}): Promise<void> {
  const actionCore = options.core ?? (core as unknown as ActionCore);
  await runAction(actionApp(createActionIO(actionCore, env)), env, { ...options, core: actionCore });
}
