import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  Probot,
  boundedOctokitClass,
  createNodeMiddleware,
  evaluateCommit,
  handleVerifyCommand,
  mergeGroupFiles,
  pullRequestFiles,
  realAppDeps
} from "./chunks/chunk-AO5TYCK5.js";
import "./chunks/chunk-KE63ZAUD.js";
import {
  GATE_CHECK_NAME,
  REVIEW_CHECK_NAME
} from "./chunks/chunk-VFIJBRL6.js";
import "./chunks/chunk-R4GK5RZB.js";
import "./chunks/chunk-44H6TWFN.js";
import "./chunks/chunk-FBPS7DWW.js";
import "./chunks/chunk-CI44TLRH.js";
import "./chunks/chunk-RQRRIYOE.js";
import "./chunks/chunk-QVB6L7Z4.js";
import "./chunks/chunk-TJQ7GH6D.js";

// src/github/deliveries.ts
var DEFAULT_DELIVERY_MEMORY = 1e4;
var DeliveryLog = class {
  #ids = /* @__PURE__ */ new Map();
  #capacity;
  constructor(capacity = DEFAULT_DELIVERY_MEMORY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
    this.#capacity = capacity;
  }
  /** True when `id` was seen before (and keeps it fresh); otherwise remembers it and returns false. */
  seen(id) {
    if (this.#ids.has(id)) {
      this.#ids.delete(id);
      this.#ids.set(id, true);
      return true;
    }
    this.#ids.set(id, true);
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.keys().next().value;
      if (oldest !== void 0) this.#ids.delete(oldest);
    }
    return false;
  }
  /** Forgets a delivery whose handling failed, so GitHub's "Redeliver" can run it again. */
  forget(id) {
    this.#ids.delete(id);
  }
  get size() {
    return this.#ids.size;
  }
};

// src/github/app.ts
var PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.edited",
  "pull_request.ready_for_review"
];
var COMMENT_EVENTS = ["issue_comment.created", "issue_comment.edited"];
var HANDLED_EVENTS = [...PULL_REQUEST_EVENTS, ...COMMENT_EVENTS, "check_run.rerequested", "check_suite.rerequested", "merge_group.checks_requested"];
function isHandled(name, action) {
  return HANDLED_EVENTS.includes(typeof action === "string" ? `${name}.${action}` : name);
}
async function settleAll(context, tasks) {
  const names = Object.keys(tasks);
  const results = await Promise.allSettled(names.map((name) => tasks[name]()));
  const failures = results.flatMap((result, index) => result.status === "rejected" ? [{ task: names[index], error: result.reason }] : []);
  for (const failure of failures) {
    context.log.error({ task: failure.task, status: failure.error.status, error: String(failure.error) }, "handler failed");
  }
  if (failures.length > 0) throw new Error(`${failures.map((failure) => failure.task).join(", ")} failed`);
}
async function handlePullRequest(context, deps, appLogin = async () => void 0) {
  const pull = context.payload.pull_request;
  const repo = context.repo();
  let verified;
  const tasks = {
    checks: async () => {
      verified = await evaluateCommit(context, deps, { ...repo, sha: pull.head.sha, detailsUrl: pull.html_url }, () => pullRequestFiles(context.octokit, repo, pull.number));
    }
  };
  const checks = await settleAll(context, tasks).then(() => void 0, (error) => error);
  const review = deps.reviewPullRequest;
  const reviewed = review ? await settleAll(context, {
    review: async () => {
      const login = await appLogin();
      await review(context, { ...login ? { commentAuthors: [login] } : {}, ...verified ? { verified } : {} });
    }
  }).then(() => void 0, (error) => error) : void 0;
  const failures = [checks, reviewed].filter((error) => error !== void 0);
  if (failures.length > 0) throw new Error(failures.map((error) => error.message).join("; "));
}
async function reevaluateCommit(context, deps, sha, listed) {
  const repo = context.repo();
  let numbers = listed.map((pull) => pull.number);
  if (numbers.length === 0) {
    const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
    numbers = data.filter((pull) => pull.state === "open").map((pull) => pull.number);
  }
  if (numbers.length === 0) {
    context.log.info({ sha }, "re-run requested: no open pull request has this commit; nothing to do");
    return;
  }
  const changed = async () => [...new Set((await Promise.all(numbers.map((number) => pullRequestFiles(context.octokit, repo, number)))).flat())];
  const detailsUrl = `${context.payload.repository.html_url}/pull/${numbers[0]}`;
  await evaluateCommit(context, deps, { ...repo, sha, detailsUrl }, changed);
}
async function handleCheckRunRerequested(context, deps) {
  const run = context.payload.check_run;
  if (run.name !== REVIEW_CHECK_NAME && run.name !== GATE_CHECK_NAME) {
    context.log.debug({ name: run.name }, "check_run.rerequested for another check ignored");
    return;
  }
  await reevaluateCommit(context, deps, run.head_sha, run.pull_requests);
}
async function handleCheckSuiteRerequested(context, deps) {
  const suite = context.payload.check_suite;
  await reevaluateCommit(context, deps, suite.head_sha, suite.pull_requests);
}
async function handleMergeGroup(context, deps) {
  const group = context.payload.merge_group;
  const repo = context.repo();
  await evaluateCommit(context, deps, { ...repo, sha: group.head_sha }, () => mergeGroupFiles(context.octokit, repo, group));
}
function ownLogin(app) {
  let login;
  return () => login ??= (async () => {
    try {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      const own = data?.slug ? `${data.slug}[bot]` : void 0;
      app.log.info({ login: own }, "the app comments as this login");
      return own;
    } catch (error) {
      app.log.warn({ status: error.status, error: error.message }, "could not read the app's own login (GET /app): sticky comments cannot be found by author");
      login = void 0;
      return void 0;
    }
  })();
}
function oncePerDelivery(deliveries) {
  return (handler) => async (context) => {
    if (deliveries.seen(context.id)) {
      context.log.info({ delivery: context.id, event: context.name }, "duplicate delivery ignored (replay)");
      return;
    }
    try {
      await handler(context);
    } catch (error) {
      deliveries.forget(context.id);
      throw error;
    }
  };
}
function syncstageApp(deps, options = {}) {
  const deliveries = options.deliveries ?? new DeliveryLog();
  return (app) => {
    const once = oncePerDelivery(deliveries);
    const appLogin = ownLogin(app);
    app.on([...PULL_REQUEST_EVENTS], once((context) => handlePullRequest(context, deps, appLogin)));
    app.on("check_run.rerequested", once((context) => handleCheckRunRerequested(context, deps)));
    app.on("check_suite.rerequested", once((context) => handleCheckSuiteRerequested(context, deps)));
    app.on("merge_group.checks_requested", once((context) => handleMergeGroup(context, deps)));
    app.on([...COMMENT_EVENTS], once((context) => handleVerifyCommand(context, deps)));
    app.onAny(async (context) => {
      const action = context.payload.action;
      if (!isHandled(context.name, action)) {
        app.log.debug({ event: context.name, action, delivery: context.id }, "event ignored: syncstage does not handle it");
      }
    });
  };
}

// src/server/http.ts
import { createServer } from "node:http";

// src/server/config.ts
import { readFileSync } from "node:fs";
var WEBHOOK_PATH = "/api/github/webhooks";
var HEALTH_PATH = "/healthz";
var LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];
var ServerConfigError = class extends Error {
  name = "ServerConfigError";
};
var PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;
function readPrivateKey(env, readFile = (path) => readFileSync(path, "utf8")) {
  let key;
  if (env.PRIVATE_KEY) {
    key = env.PRIVATE_KEY.includes("-----BEGIN") ? env.PRIVATE_KEY : Buffer.from(env.PRIVATE_KEY, "base64").toString("utf8");
    key = key.replace(/\\n/g, "\n");
  } else if (env.PRIVATE_KEY_PATH) {
    try {
      key = readFile(env.PRIVATE_KEY_PATH);
    } catch {
      throw new ServerConfigError(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}`);
    }
  } else {
    throw new ServerConfigError("PRIVATE_KEY or PRIVATE_KEY_PATH must be set (the GitHub App's private key, PEM)");
  }
  if (!PEM.test(key)) throw new ServerConfigError(`${env.PRIVATE_KEY ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH"} does not hold a PEM private key`);
  return key;
}
function parsePort(value) {
  if (value === void 0 || value === "") return 3e3;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerConfigError(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}
function baseUrlOf(env) {
  if (!env.GHE_HOST) return "https://api.github.com";
  const protocol = env.GHE_PROTOCOL || "https";
  if (protocol !== "https" && protocol !== "http") throw new ServerConfigError("GHE_PROTOCOL must be https or http");
  return `${protocol}://${env.GHE_HOST}/api/v3`;
}
function readServerConfig(env, readFile) {
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) throw new ServerConfigError("APP_ID must be set to the GitHub App's numeric id");
  if (!env.WEBHOOK_SECRET) throw new ServerConfigError("WEBHOOK_SECRET must be set: the server refuses to accept unsigned webhooks");
  const logLevel = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(logLevel)) throw new ServerConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  return {
    appId,
    privateKey: readPrivateKey(env, readFile),
    webhookSecret: env.WEBHOOK_SECRET,
    port: parsePort(env.PORT),
    host: env.HOST || "localhost",
    baseUrl: baseUrlOf(env),
    logLevel
  };
}

// src/server/http.ts
function sendJson(response, status, body) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
function createProbotFor(config, options = {}) {
  let log;
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    logLevel: config.logLevel,
    ...options.log ? { log: options.log } : {},
    Octokit: options.Octokit ?? boundedOctokitClass((message) => log?.warn(message))
  });
  log = probot.log;
  return probot;
}
async function createSyncstageServer(appFn, config, options = {}) {
  const probot = createProbotFor(config, options);
  const middleware = await createNodeMiddleware(appFn, { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === HEALTH_PATH) {
      if (request.method === "GET" || request.method === "HEAD") sendJson(response, 200, { status: "ok" });
      else sendJson(response, 405, { error: "method not allowed" });
      return;
    }
    if (path === WEBHOOK_PATH && request.method === "POST" && !request.headers["x-hub-signature-256"]) {
      probot.log.warn({ delivery: request.headers["x-github-delivery"], event: request.headers["x-github-event"] }, "webhook refused: no X-Hub-Signature-256 header");
    }
    void middleware(request, response, () => sendJson(response, 404, { error: "not found" }));
  });
  return { server, probot };
}
async function startServer(appFn, env = process.env, options = {}) {
  const config = readServerConfig(env);
  const { server, probot } = await createSyncstageServer(appFn, config, options);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  probot.log.info({ url, webhooks: WEBHOOK_PATH, health: HEALTH_PATH, api: config.baseUrl }, `syncstage listening on ${url}`);
  return { server, url, probot };
}
async function runServer(appFn, env = process.env) {
  try {
    const { server, probot } = await startServer(appFn, env);
    const stop = (signal) => {
      probot.log.info(`${signal}: shutting down`);
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 1e4).unref();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  } catch (error) {
    process.stderr.write(`syncstage server: ${error instanceof Error ? error.message : String(error)}
`);
    process.exitCode = 1;
  }
}

// src/server.ts
await runServer(syncstageApp(realAppDeps({ redactKey: process.env.SYNCSTAGE_REDACT_KEY || void 0 })));
