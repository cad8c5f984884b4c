/** The Action's entry point (dist/index.js): the review app, run by our adapter with the runner's environment. */
import * as core from '@actions/core';
import { runAppInAction } from './github/action-adapter.js';
import { actionDeps } from './github/action-deps.js';
import { createActionApp } from './github/action-app.js';
import { createActionIO, type ActionCore } from './github/action-io.js';

const actionCore = core as unknown as ActionCore;
await runAppInAction(createActionApp(actionDeps(createActionIO(actionCore, process.env))), process.env, { core: actionCore });
