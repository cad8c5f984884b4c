/** The Action's entry point (dist/index.js): the review app, run by our adapter with the runner's environment. */
import * as core from '@actions/core';
import { ClockError, clockFromEnvironment, pinnedClockWarning, type Clock } from './clock.js';
import { runAppInAction } from './github/action-adapter.js';
import { actionDeps } from './github/action-deps.js';
import { createActionApp } from './github/action-app.js';
import { createActionIO, type ActionCore } from './github/action-io.js';
import { readActionInputs } from './github/inputs.js';
import { realAppDeps } from './github/real-deps.js';

const actionCore = core as unknown as ActionCore;
const clock = readClock(process.env);
if (clock) {
  const io = createActionIO(actionCore, process.env);
  // /verify-staging in Action form: the App's handler, results as commit statuses on the pinned head SHA; the step's
  // inputs win over the config file there too, and the redaction key comes from the redact-key input.
  const inputs = readActionInputs(process.env);
  const commandDeps = realAppDeps({ publish: 'statuses', reviewPullRequest: undefined, inputSettings: inputs.settings, now: clock.now }, { redactKey: inputs.redactKey });
  await runAppInAction(createActionApp(actionDeps(io, { now: clock.now }), commandDeps), process.env, { core: actionCore });
}

/** The clock judgments are made at; a bad SYNCSTAGE_NOW fails the step before anything runs, a pinned one is announced. */
function readClock(env: NodeJS.ProcessEnv): Clock | undefined {
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
