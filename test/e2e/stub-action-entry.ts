/**
 * The Action's entry with a stand-in verify: the same adapter, app, IO and comment plumbing as src/action.ts, so the
 * end-to-end test exercises the runner contract before the analysis is integrated. The stand-in counts the export
 * files it finds: one "add" per file.
 */
import * as core from '@actions/core';
import type { PendingExportReport } from '../../src/exports/types.js';
import { runAppInAction } from '../../src/github/action-adapter.js';
import { createActionApp } from '../../src/github/action-app.js';
import { actionDeps } from '../../src/github/action-deps.js';
import { createActionIO, type ActionCore } from '../../src/github/action-io.js';
import type { Verify } from '../../src/verify/types.js';

const countingVerify: Verify = async (source, inputs) => {
  const files = (await Promise.all(inputs.exports.map((glob) => source.list(glob)))).flat();
  const exports = { operations: { add: files.length }, connectors: [], threshold: { exceeded: false }, errors: {}, risky: [] } as unknown as PendingExportReport;
  return { inputs, exports, gates: [], inputErrors: [], verdict: 'ready', reasons: [] };
};

const actionCore = core as unknown as ActionCore;
await runAppInAction(createActionApp(actionDeps(createActionIO(actionCore, process.env), { verify: countingVerify })), process.env, { core: actionCore });
