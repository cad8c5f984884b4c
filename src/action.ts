/** The Action's entry point (dist/index.js): the review app, run by our adapter with the runner's environment. */
import * as core from '@actions/core';
import { runAppInAction } from './github/action-adapter.js';
import { actionDeps } from './github/action-deps.js';
import { createActionApp } from './github/action-app.js';
import { createActionIO, type ActionCore } from './github/action-io.js';
import { readActionInputs } from './github/inputs.js';
import { realAppDeps } from './github/real-deps.js';

const actionCore = core as unknown as ActionCore;
const io = createActionIO(actionCore, process.env);
// /verify-staging in Action form: the App's handler, results as commit statuses on the pinned head SHA; the step's
// inputs win over the config file there too, and the redaction key comes from the redact-key input.
const inputs = readActionInputs(process.env);
const commandDeps = realAppDeps({ publish: 'statuses', reviewPullRequest: undefined, inputSettings: inputs.settings }, { redactKey: inputs.redactKey });
await runAppInAction(createActionApp(actionDeps(io), commandDeps), process.env, { core: actionCore });
