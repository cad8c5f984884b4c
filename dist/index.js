import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  MAX_RATE_LIMIT_RETRIES,
  MAX_SERVER_ERROR_RETRIES,
  Probot,
  boundedOctokitClass,
  fitCommentBody,
  getInput,
  handleMergeGroup,
  handlePullRequestReview,
  handleVerifyCommand,
  readActionInputs,
  realAppDeps,
  reviewDeps,
  runReview
} from "./chunks/chunk-Z43B2YC5.js";
import {
  core_exports
} from "./chunks/chunk-V4CHMARK.js";
import "./chunks/chunk-X23SFAUQ.js";
import "./chunks/chunk-ZS7XVQMJ.js";
import "./chunks/chunk-P7BT7HYC.js";
import "./chunks/chunk-EIKUCA55.js";
import "./chunks/chunk-35YEXOHM.js";
import "./chunks/chunk-3XDKIBIG.js";
import "./chunks/chunk-EKLIYGXP.js";
import {
  isInputError
} from "./chunks/chunk-QVB6L7Z4.js";
import "./chunks/chunk-TJQ7GH6D.js";

// src/github/action-adapter.ts
import { readFile } from "node:fs/promises";
function handlerEventName(eventName) {
  return eventName === "pull_request_target" ? "pull_request" : eventName;
}
function logText(args) {
  const [first, second] = args;
  if (typeof first === "string") return first;
  if (first instanceof Error) return typeof second === "string" ? `${second}: ${first.message}` : first.message;
  const err = first?.err;
  if (typeof second === "string") return err instanceof Error ? `${second}: ${err.message}` : second;
  return JSON.stringify(first);
}
function createCoreLogger(core) {
  const logger = {
    level: "info",
    trace: (...args) => core.debug(logText(args)),
    debug: (...args) => core.debug(logText(args)),
    info: (...args) => core.info(logText(args)),
    warn: (...args) => core.warning(logText(args)),
    error: (...args) => core.error(logText(args)),
    fatal: (...args) => core.error(logText(args)),
    silent: () => {
    },
    child: () => logger,
    isLevelEnabled: () => true
  };
  return logger;
}
function actionOctokitClass(core, options = {}) {
  return boundedOctokitClass((message) => core.warning(message), options);
}
function describeFailure(error) {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors.map((item) => {
    if (isInputError(item)) return item.message;
    const status = item?.status;
    const request = item?.request;
    const message = item instanceof Error ? item.message : String(item);
    if ((status === 403 || status === 429) && /rate limit/i.test(message)) {
      return `GitHub's rate limit stopped ${request?.method} ${request?.url} after ${MAX_RATE_LIMIT_RETRIES} retries: run again later, or give the workflow a concurrency group`;
    }
    if (typeof status === "number" && status >= 500) return `GitHub kept failing (${status}) on ${request?.method} ${request?.url} after ${MAX_SERVER_ERROR_RETRIES} retries: run again`;
    if (typeof status === "number") return `GitHub answered ${status} to ${request?.method} ${request?.url}: ${message}`;
    return message;
  }).join("\n");
}
async function runAppInAction(appFn, env = process.env, options = {}) {
  const core = options.core ?? await import("./chunks/core-C3FP2XZG.js");
  try {
    const token = getInput(env, "token") ?? env.GITHUB_TOKEN;
    if (!token) throw new Error("no token: set the `token` input (default `${{ github.token }}`)");
    core.setSecret(token);
    const redactKey = getInput(env, "redact-key");
    if (redactKey) core.setSecret(redactKey);
    const eventName = env.GITHUB_EVENT_NAME;
    const eventPath = env.GITHUB_EVENT_PATH;
    if (!eventName || !eventPath) throw new Error("GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this entry point runs inside GitHub Actions");
    const payload = JSON.parse(await readFile(eventPath, "utf8"));
    const probot = new Probot({
      githubToken: token,
      baseUrl: env.GITHUB_API_URL,
      Octokit: actionOctokitClass(core, options),
      log: createCoreLogger(core)
    });
    await probot.load(appFn, { cwd: env.GITHUB_WORKSPACE ?? process.cwd(), addHandler: () => {
    } });
    core.info(`syncstage: ${eventName}${payload.action ? `.${String(payload.action)}` : ""} (run ${env.GITHUB_RUN_ID ?? "local"})`);
    await probot.receive({ id: env.GITHUB_RUN_ID ?? "local", name: handlerEventName(eventName), payload });
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

// src/github/action-deps.ts
function actionDeps(io2, overrides = {}) {
  return reviewDeps(io2, overrides);
}

// src/github/push.ts
async function handlePushSummary(context, deps) {
  const { repository } = context.payload;
  const headSha = context.payload.after && !/^0+$/.test(context.payload.after) ? context.payload.after : deps.io.env.GITHUB_SHA;
  if (!headSha) throw new Error("no commit to review: the event has no `after` and GITHUB_SHA is not set");
  return runReview(context, { owner: repository.owner.login, repo: repository.name, headSha, postGateStatus: false }, deps);
}

// src/github/action-app.ts
function createActionApp(deps, commandDeps2) {
  return (app) => {
    app.on("pull_request", async (context) => {
      if (context.payload.action === "closed") return;
      await handlePullRequestReview(context, deps);
    });
    app.on("merge_group", async (context) => {
      await handleMergeGroup(context, deps);
    });
    app.on(["push", "workflow_dispatch"], async (context) => {
      await handlePushSummary(context, deps);
    });
    if (commandDeps2) {
      app.on("issue_comment.created", async (context) => {
        await handleVerifyCommand(context, commandDeps2);
      });
    }
  };
}

// src/github/action-io.ts
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var SUMMARY_BYTE_BUDGET = 1e6;
var SUMMARY_CUT_NOTE = "\n\n---\n\u2702\uFE0F **cut here**: the job summary is limited to 1 MiB; the whole report is in the report file (output `report`).\n";
function fitSummaryMarkdown(markdown, maxBytes = SUMMARY_BYTE_BUDGET) {
  if (Buffer.byteLength(markdown, "utf8") <= maxBytes) return markdown;
  let budget = Math.min(markdown.length, Math.floor(maxBytes / 1.5));
  for (; ; ) {
    const body = fitCommentBody(markdown, budget, SUMMARY_CUT_NOTE);
    const bytes = Buffer.byteLength(body, "utf8");
    if (bytes <= maxBytes) return body;
    budget = Math.floor(budget * (maxBytes / bytes) * 0.98);
  }
}
function reportJson(result) {
  return JSON.stringify(
    result,
    (_key, value) => value instanceof Error ? { name: value.name, message: value.message, ...value } : value,
    2
  );
}
async function writeRunnerFile(env, name, content) {
  const dir = path.join(env.RUNNER_TEMP || tmpdir(), `syncstage-${env.GITHUB_RUN_ID ?? "local"}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}
function createActionIO(core, env) {
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
    writeReport: (result) => writeRunnerFile(env, "report.json", reportJson(result)),
    writeCommentFile: (markdown) => writeRunnerFile(env, "comment.md", markdown)
  };
}

// src/action.ts
var actionCore = core_exports;
var io = createActionIO(actionCore, process.env);
var inputs = readActionInputs(process.env);
var commandDeps = realAppDeps({ publish: "statuses", reviewPullRequest: void 0, inputSettings: inputs.settings }, { redactKey: inputs.redactKey });
await runAppInAction(createActionApp(actionDeps(io), commandDeps), process.env, { core: actionCore });
