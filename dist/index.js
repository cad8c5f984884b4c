import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  ACTION_EVENT_LIMIT_SETTERS,
  DEFAULT_EVENT_LIMITS,
  MAX_RATE_LIMIT_RETRIES,
  MAX_SERVER_ERROR_RETRIES,
  Probot,
  actionRuntime,
  boundedOctokitClass,
  eventBudget,
  getInput,
  handleMergeGroup,
  handlePullRequest,
  handleVerifyCommand,
  postGateFailure,
  pullRequestPlan,
  readActionInputs,
  realActionDeps,
  runReview,
  runUrl
} from "./chunks/chunk-HTRX7ITI.js";
import {
  core_exports
} from "./chunks/chunk-V4CHMARK.js";
import "./chunks/chunk-LMUAIQ6L.js";
import "./chunks/chunk-HZZFRPN5.js";
import {
  GATE_CHECK_NAME,
  fitMarkdownBytes
} from "./chunks/chunk-27BQ6EPQ.js";
import "./chunks/chunk-RIV2F3BZ.js";
import "./chunks/chunk-V6BOQP4V.js";
import "./chunks/chunk-TGO2PSWY.js";
import "./chunks/chunk-2YJQUTME.js";
import "./chunks/chunk-SY3FYCIP.js";
import "./chunks/chunk-XMJXO2RK.js";
import "./chunks/chunk-SBY42SO4.js";
import "./chunks/chunk-FZGWJ4S2.js";
import "./chunks/chunk-FQ37H2IA.js";
import {
  ClockError,
  InputError,
  clockFromEnvironment,
  isInputError,
  pinnedClockWarning
} from "./chunks/chunk-XGP4FN77.js";
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
    // Probot reports a handler's error by itself, as a bare Error; the adapter fails the step with that same error in
    // one line, so the report stays at debug level: the step shows one ::error:: line, not two.
    error: (...args) => args.length === 1 && args[0] instanceof Error ? core.debug(logText(args)) : core.error(logText(args)),
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
function gateTargetOf(eventName, payload, env) {
  const event = payload;
  const name = handlerEventName(eventName);
  const sha = name === "pull_request" && event.action !== "closed" ? event.pull_request?.head?.sha : name === "merge_group" ? event.merge_group?.head_sha : void 0;
  const [owner, repo] = typeof event.repository?.owner?.login === "string" && typeof event.repository.name === "string" ? [event.repository.owner.login, event.repository.name] : (env.GITHUB_REPOSITORY ?? "").split("/");
  if (typeof sha !== "string" || !owner || !repo) return void 0;
  return { owner, repo, headSha: sha };
}
async function postInputFailure(probot, target, env, error, core) {
  if (!target) return;
  try {
    const octokit = await probot.auth();
    await postGateFailure(octokit, target, runUrl(env, target), describeFailure(error));
  } catch (statusError) {
    core.warning(`could not post the failing ${GATE_CHECK_NAME} status: ${describeFailure(statusError)}`);
  }
}
async function runAction(buildApp, env = process.env, options = {}) {
  const core = options.core ?? await import("./chunks/core-C3FP2XZG.js");
  try {
    const rawToken = getInput(env, "token") ?? env.GITHUB_TOKEN?.trim();
    if (rawToken) core.setSecret(rawToken);
    const rawKey = getInput(env, "redact-key");
    if (rawKey) core.setSecret(rawKey);
    if (!rawToken) throw new InputError('input "token"', "no token was given (expected a GitHub token: the default ${{ github.token }}, an App installation token or a personal access token)");
    const eventName = env.GITHUB_EVENT_NAME;
    const eventPath = env.GITHUB_EVENT_PATH;
    if (!eventName || !eventPath) throw new Error("GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this entry point runs inside GitHub Actions");
    const payload = JSON.parse(await readFile(eventPath, "utf8"));
    const probot = new Probot({
      githubToken: rawToken,
      baseUrl: env.GITHUB_API_URL,
      Octokit: actionOctokitClass(core, options),
      log: createCoreLogger(core)
    });
    let inputs;
    try {
      inputs = readActionInputs(env);
    } catch (error) {
      if (isInputError(error) && error.file !== 'input "token"') await postInputFailure(probot, gateTargetOf(eventName, payload, env), env, error, core);
      throw error;
    }
    await probot.load(buildApp(inputs), { cwd: env.GITHUB_WORKSPACE ?? process.cwd(), addHandler: () => {
    } });
    core.info(`syncstage: ${eventName}${payload.action ? `.${String(payload.action)}` : ""} (run ${env.GITHUB_RUN_ID ?? "local"})`);
    await probot.receive({ id: env.GITHUB_RUN_ID ?? "local", name: handlerEventName(eventName), payload });
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}

// src/github/action-io.ts
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
      await core.summary.addRaw(fitMarkdownBytes(markdown), true).write();
    },
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    writeReport: (result) => writeRunnerFile(env, "report.json", reportJson(result)),
    writeCommentFile: (markdown) => writeRunnerFile(env, "comment.md", markdown)
  };
}
function runnerOf(deps) {
  if (!deps.io) throw new Error("this handler runs in the Action only: no runner is wired");
  return deps.io;
}

// src/github/push.ts
async function handlePushSummary(context, deps, runtime) {
  const { repository } = context.payload;
  const headSha = context.payload.after && !/^0+$/.test(context.payload.after) ? context.payload.after : deps.io?.env.GITHUB_SHA;
  if (!headSha) throw new Error("no commit to review: the event has no `after` and GITHUB_SHA is not set");
  return runReview(context, { target: { owner: repository.owner.login, repo: repository.name, headSha }, settingsSha: headSha }, "push", deps, runtime);
}

// src/github/workflow-run.ts
async function pullRequestsAtHead(octokit, repo, run2) {
  const headOwner = run2.head_repository?.owner?.login;
  if (!run2.head_branch || !headOwner) return [];
  const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: "open", head: `${headOwner}:${run2.head_branch}`, per_page: 100 });
  return pulls.filter((pull) => pull.head.sha === run2.head_sha).map((pull) => ({ number: pull.number, head: { sha: pull.head.sha }, base: { sha: pull.base.sha, ref: pull.base.ref } }));
}
async function handleWorkflowRunReview(context, deps, runtime) {
  const { workflow_run: run2, repository } = context.payload;
  if (run2.event !== "pull_request") {
    context.log.info(`the completed run was triggered by ${run2.event}, not by a pull request: nothing to review`);
    return;
  }
  const repo = { owner: repository.owner.login, repo: repository.name };
  const pulls = await pullRequestsAtHead(context.octokit, repo, run2);
  if (pulls.length === 0) {
    const warn = (message) => deps.io ? deps.io.warning(message) : context.log.warn(message);
    warn(`no open pull request of ${repo.owner}/${repo.repo} has commit ${run2.head_sha} at its head (closed, or pushed to since): nothing reviewed, nothing posted`);
    return;
  }
  for (const pull of pulls) {
    await runReview(context, pullRequestPlan(context, { pull_request: pull, repository }), "pull-request", deps, runtime);
  }
}

// src/github/action-app.ts
function createActionApp(deps, eventLimits = DEFAULT_EVENT_LIMITS) {
  const runtime = actionRuntime(runnerOf(deps), deps);
  const eventBudget2 = (octokit) => eventBudget(octokit, eventLimits, ACTION_EVENT_LIMIT_SETTERS);
  return (app) => {
    app.on("pull_request", async (context) => {
      if (context.payload.action === "closed") return;
      eventBudget2(context.octokit);
      await handlePullRequest(context, deps, runtime);
    });
    app.on("merge_group", async (context) => {
      eventBudget2(context.octokit);
      await handleMergeGroup(context, deps, runtime);
    });
    app.on("workflow_run.completed", async (context) => {
      eventBudget2(context.octokit);
      await handleWorkflowRunReview(context, deps, runtime);
    });
    app.on(["push", "workflow_dispatch"], async (context) => {
      eventBudget2(context.octokit);
      await handlePushSummary(context, deps, runtime);
    });
    app.on("issue_comment.created", async (context) => {
      eventBudget2(context.octokit);
      await handleVerifyCommand(context, deps, runtime);
    });
  };
}

// src/main.ts
function actionApp(io, now) {
  return (inputs) => createActionApp(realActionDeps(io, inputs, { now }), inputs.eventLimits);
}
async function run(env = process.env, options = {}) {
  const actionCore = options.core ?? core_exports;
  const clock = readClock(env, actionCore);
  if (!clock) return;
  await runAction(actionApp(createActionIO(actionCore, env), clock.now), env, { ...options, core: actionCore });
}
function readClock(env, actionCore) {
  try {
    const chosen = clockFromEnvironment(env);
    if (chosen.pinnedAt) actionCore.warning(pinnedClockWarning(chosen.pinnedAt));
    return chosen;
  } catch (error) {
    if (!(error instanceof ClockError)) throw error;
    actionCore.setFailed(error.message);
    return void 0;
  }
}

// src/index.ts
await run();
