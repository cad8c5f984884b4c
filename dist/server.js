import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  BlobCache,
  DEFAULT_EVENT_LIMITS,
  EVENT_LIMIT_SETTINGS,
  Probot,
  appRuntime,
  appVariable,
  boundedOctokitClass,
  eventBlobs,
  eventBudget,
  getTransformStream,
  handleMergeGroup,
  handlePullRequest,
  handleVerifyCommand,
  mergeQueuePullNumber,
  publishAll,
  pullRequestFiles,
  realAppDeps,
  refusedReview,
  require_pino,
  runReview,
  stoppedReview
} from "./chunks/chunk-HTRX7ITI.js";
import "./chunks/chunk-LMUAIQ6L.js";
import "./chunks/chunk-HZZFRPN5.js";
import {
  GATE_CHECK_NAME,
  REVIEW_CHECK_NAME
} from "./chunks/chunk-27BQ6EPQ.js";
import "./chunks/chunk-RIV2F3BZ.js";
import "./chunks/chunk-V6BOQP4V.js";
import "./chunks/chunk-TGO2PSWY.js";
import "./chunks/chunk-2YJQUTME.js";
import "./chunks/chunk-SY3FYCIP.js";
import "./chunks/chunk-XMJXO2RK.js";
import "./chunks/chunk-SBY42SO4.js";
import "./chunks/chunk-FZGWJ4S2.js";
import {
  READ_LIMITS,
  isValidLimit,
  limitRangeText
} from "./chunks/chunk-FQ37H2IA.js";
import {
  ClockError,
  clockFromEnvironment,
  pinnedClockWarning
} from "./chunks/chunk-XGP4FN77.js";
import {
  __toESM
} from "./chunks/chunk-TJQ7GH6D.js";

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
var RerunRefused = class extends Error {
};
async function rerunPullRequests(context, target) {
  const pulls = (list) => list.map((pull) => ({ number: pull.number, ...pull.base?.sha ? { baseSha: pull.base.sha } : {} }));
  if (target.listed.length > 0) return pulls(target.listed);
  const branch = target.headBranch ?? "";
  if (isMergeQueueBranch(branch)) {
    const pull = mergeQueuePullNumber(branch);
    if (pull === void 0) throw new RerunRefused(`the merge-queue branch ${branch} names no pull request (expected gh-readonly-queue/<base>/pr-<number>-<sha>), so the change to judge is unknown`);
    return [{ number: pull }];
  }
  const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...context.repo(), commit_sha: target.sha });
  const open = pulls(data.filter((pull) => pull.state === "open"));
  if (open.length === 0) throw new RerunRefused(`no open pull request has commit ${target.sha.slice(0, 7)}, so there is no change to judge: re-run the checks from an open pull request, or push to it`);
  return open;
}
async function reevaluateCommit(context, deps, runtime, target) {
  const repo = context.repo();
  const commit = { ...repo, headSha: target.sha };
  const publish = (outcome) => publishAll(outcome, { octokit: context.octokit, log: context.log, problems: [] }, runtime.publishers("re-run"));
  let pulls;
  let baseSha;
  try {
    pulls = await rerunPullRequests(context, target);
    baseSha = pulls[0]?.baseSha ?? await rerunBase(context, target, pulls[0].number);
  } catch (error) {
    if (error instanceof RerunRefused) {
      context.log.info(`re-run of ${target.sha.slice(0, 7)} refused: ${error.message}`);
      await publish(refusedReview(commit, "re-run not possible", error.message));
      return;
    }
    await publish(stoppedReview(commit, error));
    throw error;
  }
  const numbers = pulls.map((pull) => pull.number);
  const changedFiles = async () => [...new Set((await Promise.all(numbers.map((number) => pullRequestFiles(context.octokit, repo, number)))).flat())];
  const detailsUrl = `${context.payload.repository.html_url}/pull/${numbers[0]}`;
  await runReview(context, { target: { ...commit, baseSha, detailsUrl }, settingsSha: baseSha, changedFiles }, "re-run", deps, runtime);
}
async function rerunBase(context, target, pullNumber) {
  const repo = context.repo();
  if (isMergeQueueBranch(target.headBranch)) {
    const { data } = await context.octokit.rest.repos.getCommit({ ...repo, ref: target.sha });
    const parent = data.parents[0]?.sha;
    if (!parent) throw new RerunRefused(`the merge-queue commit ${target.sha.slice(0, 7)} has no parent, so the queue's base (where its rules are read) is unknown`);
    return parent;
  }
  return (await context.octokit.rest.pulls.get({ ...repo, pull_number: pullNumber })).data.base.sha;
}
function isMergeQueueBranch(branch) {
  return /^(?:refs\/heads\/)?gh-readonly-queue\//.test(branch ?? "");
}
async function handleCheckRunRerequested(context, deps, runtime) {
  const run = context.payload.check_run;
  if (run.name !== REVIEW_CHECK_NAME && run.name !== GATE_CHECK_NAME) {
    context.log.debug({ name: run.name }, "check_run.rerequested for another check ignored");
    return;
  }
  await reevaluateCommit(context, deps, runtime, { sha: run.head_sha, listed: run.pull_requests, headBranch: run.check_suite.head_branch });
}
async function handleCheckSuiteRerequested(context, deps, runtime) {
  const suite = context.payload.check_suite;
  await reevaluateCommit(context, deps, runtime, { sha: suite.head_sha, listed: suite.pull_requests, headBranch: suite.head_branch });
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
function oncePerDelivery(deliveries, eventLimits = DEFAULT_EVENT_LIMITS, blobs = new BlobCache()) {
  return (handler) => async (context) => {
    if (deliveries.seen(context.id)) {
      context.log.info({ delivery: context.id, event: context.name }, "duplicate delivery ignored (replay)");
      return;
    }
    if (context.octokit) {
      eventBudget(context.octokit, eventLimits);
      eventBlobs(context.octokit, blobs);
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
    const once = oncePerDelivery(deliveries, options.eventLimits, options.blobs ?? new BlobCache());
    const runtime = options.runtime ?? appRuntime(deps, ownLogin(app), app.log);
    app.on([...PULL_REQUEST_EVENTS], once(async (context) => void await handlePullRequest(context, deps, runtime)));
    app.on("check_run.rerequested", once((context) => handleCheckRunRerequested(context, deps, runtime)));
    app.on("check_suite.rerequested", once((context) => handleCheckSuiteRerequested(context, deps, runtime)));
    app.on("merge_group.checks_requested", once(async (context) => void await handleMergeGroup(context, deps, runtime)));
    app.on([...COMMENT_EVENTS], once((context) => handleVerifyCommand(context, deps, runtime)));
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

// src/server/delivery-queue.ts
var DEFAULT_DELIVERY_QUEUE = { running: 2, waiting: 100, waitingBytes: 64 * 1024 * 1024 };
var DeliveryQueue = class {
  constructor(limits = DEFAULT_DELIVERY_QUEUE) {
    this.limits = limits;
  }
  #running = 0;
  #waitingBytes = 0;
  #waiting = [];
  get running() {
    return this.#running;
  }
  get waiting() {
    return this.#waiting.length;
  }
  /**
   * Runs the task now when a slot is free, else once one is; undefined when the queue is full (nothing is run).
   * `bytes` is what the waiting delivery holds (its body).
   */
  offer(bytes, task) {
    if (this.#running < this.limits.running) {
      this.#running++;
      return { queued: false, done: this.#run(task) };
    }
    if (this.#waiting.length >= this.limits.waiting || this.#waitingBytes + bytes > this.limits.waitingBytes) return void 0;
    this.#waitingBytes += bytes;
    const slot = new Promise((resolve) => this.#waiting.push(resolve));
    return {
      queued: true,
      done: slot.then(() => {
        this.#waitingBytes -= bytes;
        return this.#run(task);
      })
    };
  }
  async #run(task) {
    try {
      return await task();
    } finally {
      this.#release();
    }
  }
  #release() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
};

// src/server/environment.ts
import { readFileSync } from "node:fs";
var WEBHOOK_PATH = "/api/github/webhooks";
var HEALTH_PATH = "/healthz";
var LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];
var LOG_FORMATS = ["pretty", "json"];
var ServerEnvironmentError = class extends Error {
  name = "ServerEnvironmentError";
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
      throw new ServerEnvironmentError(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}`);
    }
  } else {
    throw new ServerEnvironmentError("PRIVATE_KEY or PRIVATE_KEY_PATH must be set (the GitHub App's private key, PEM)");
  }
  if (!PEM.test(key)) throw new ServerEnvironmentError(`${env.PRIVATE_KEY ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH"} does not hold a PEM private key`);
  return key;
}
function parseCount(name, value, fallback, min, max) {
  if (value === void 0 || value === "") return fallback;
  const count = Number(value);
  if (!/^\d{1,6}$/.test(value) || count < min || count > max) throw new ServerEnvironmentError(`${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(value.slice(0, 40))}`);
  return count;
}
function readEventLimits(env) {
  const limits = {};
  for (const spec of EVENT_LIMIT_SETTINGS) limits[spec.name] = parseCount(spec.variable, env[spec.variable], spec.default, spec.min, spec.max) * spec.scale;
  return limits;
}
function readLimitCeilings(env) {
  const ceilings = {};
  for (const spec of READ_LIMITS) {
    const name = appVariable(spec);
    const value = env[name];
    if (value === void 0 || value === "") continue;
    const number = /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
    if (!isValidLimit(spec, number)) throw new ServerEnvironmentError(`${name} must be ${limitRangeText(spec)}, not ${JSON.stringify(value.slice(0, 40))}`);
    ceilings[spec.name] = number;
  }
  return ceilings;
}
function readDeliveryLimits(env) {
  return {
    ...DEFAULT_DELIVERY_QUEUE,
    running: parseCount("SYNCSTAGE_CONCURRENT_DELIVERIES", env.SYNCSTAGE_CONCURRENT_DELIVERIES, DEFAULT_DELIVERY_QUEUE.running, 1, 64),
    waiting: parseCount("SYNCSTAGE_QUEUED_DELIVERIES", env.SYNCSTAGE_QUEUED_DELIVERIES, DEFAULT_DELIVERY_QUEUE.waiting, 0, 1e4)
  };
}
function parsePort(value) {
  if (value === void 0 || value === "") return 3e3;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerEnvironmentError(`PORT must be an integer from 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}
function baseUrlOf(env) {
  if (!env.GHE_HOST) return "https://api.github.com";
  const protocol = env.GHE_PROTOCOL || "https";
  if (protocol !== "https" && protocol !== "http") throw new ServerEnvironmentError("GHE_PROTOCOL must be https or http");
  return `${protocol}://${env.GHE_HOST}/api/v3`;
}
function readLogSettings(env) {
  const logLevel = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(logLevel)) throw new ServerEnvironmentError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  const logFormat = env.LOG_FORMAT || "pretty";
  if (!LOG_FORMATS.includes(logFormat)) throw new ServerEnvironmentError(`LOG_FORMAT must be one of ${LOG_FORMATS.join(", ")}`);
  return { logLevel, logFormat };
}
function readServerEnvironment(env, readFile) {
  const { logLevel, logFormat } = readLogSettings(env);
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) throw new ServerEnvironmentError("APP_ID must be set to the GitHub App's numeric id");
  if (!env.WEBHOOK_SECRET) throw new ServerEnvironmentError("WEBHOOK_SECRET must be set: the server refuses to accept unsigned webhooks");
  return {
    appId,
    privateKey: readPrivateKey(env, readFile),
    webhookSecret: env.WEBHOOK_SECRET,
    port: parsePort(env.PORT),
    host: env.HOST || "localhost",
    baseUrl: baseUrlOf(env),
    logLevel,
    logFormat,
    clock: readClock(env),
    deliveries: readDeliveryLimits(env),
    eventLimits: readEventLimits(env),
    readLimitCeilings: readLimitCeilings(env)
  };
}
function readClock(env) {
  try {
    return clockFromEnvironment(env);
  } catch (error) {
    if (error instanceof ClockError) throw new ServerEnvironmentError(error.message);
    throw error;
  }
}

// src/server/log.ts
var import_pino2 = __toESM(require_pino(), 1);
function field(value, name) {
  return typeof value === "object" && value !== null ? value[name] : void 0;
}
function text(value) {
  return typeof value === "string" ? value : void 0;
}
function serializeError(error, depth = 0) {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const serialized = { type: error.name, message: error.message };
  if (error.stack) serialized.stack = error.stack;
  const status = field(error, "status");
  if (typeof status === "number") serialized.status = status;
  const event = field(error, "event");
  if (event !== void 0) {
    const action = text(field(field(event, "payload"), "action"));
    serialized.event = { id: text(field(event, "id")), name: text(field(event, "name")), ...action ? { action } : {} };
  }
  if (error instanceof AggregateError && depth < 2) serialized.errors = error.errors.slice(0, 10).map((inner) => serializeError(inner, depth + 1));
  return serialized;
}
async function createServerLog(settings) {
  const options = { level: settings.logLevel, serializers: { err: serializeError } };
  if (settings.logFormat === "json") return (0, import_pino2.pino)(options, import_pino2.pino.destination({ fd: 1, sync: true }));
  const pretty = await getTransformStream({ logFormat: "pretty" });
  pretty.pipe(process.stdout);
  return (0, import_pino2.pino)(options, pretty);
}

// src/server/webhook-body.ts
var MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
var MAX_UNVERIFIED_BYTES = 4 * MAX_WEBHOOK_BYTES;
var ByteBudget = class {
  constructor(capacity) {
    this.capacity = capacity;
  }
  #used = 0;
  take(bytes) {
    if (this.#used + bytes > this.capacity) return false;
    this.#used += bytes;
    return true;
  }
  release(bytes) {
    this.#used = Math.max(0, this.#used - bytes);
  }
  get used() {
    return this.#used;
  }
};
function declaredLength(request) {
  const header = request.headers["content-length"];
  return header === void 0 ? void 0 : Number(header);
}
var ignore = () => void 0;
function readBoundedBody(request, limit, budget) {
  return new Promise((resolve) => {
    const chunks = [];
    let received = 0;
    let settled = false;
    const settle = (result) => {
      if (settled) return;
      settled = true;
      request.off("data", onData).off("end", onEnd).off("error", onAborted).off("close", onAborted);
      request.on("error", ignore);
      budget.release(received);
      if (result.kind !== "complete") {
        chunks.length = 0;
        request.pause();
      }
      resolve(result);
    };
    const onData = (chunk) => {
      if (received + chunk.length > limit) {
        settle({ kind: "too-large", received: received + chunk.length });
        return;
      }
      if (!budget.take(chunk.length)) {
        settle({ kind: "busy" });
        return;
      }
      received += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => settle({ kind: "complete", body: Buffer.concat(chunks, received) });
    const onAborted = () => settle({ kind: "aborted" });
    request.on("data", onData).once("end", onEnd).once("error", onAborted).once("close", onAborted);
  });
}

// src/server/signature.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
function checkSignature(secret, body, header) {
  if (header === void 0 || header === "") return "missing";
  const match = typeof header === "string" ? SIGNATURE.exec(header.trim()) : null;
  if (!match) return "malformed";
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(match[1], "hex");
  return timingSafeEqual(expected, given) ? "valid" : "mismatch";
}
var SIGNATURE_PROBLEMS = {
  missing: "no X-Hub-Signature-256 header",
  malformed: 'X-Hub-Signature-256 is not "sha256=" and 64 hex digits',
  mismatch: "X-Hub-Signature-256 does not match the body and the webhook secret"
};

// src/server/webhook-route.ts
var JSON_CONTENT_TYPE = /^\s*application\/json\s*(;|$)/i;
var HEADER_SHOWN = 100;
function shown(value) {
  const text2 = Array.isArray(value) ? value.join(", ") : value;
  return text2 === void 0 ? void 0 : text2.length > HEADER_SHOWN ? `${text2.slice(0, HEADER_SHOWN)}\u2026` : text2;
}
function discardRest(request, lingerMs) {
  if (request.complete) return;
  const socket = request.socket;
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  const stop = () => clearTimeout(timer);
  request.once("end", stop);
  socket.once("close", stop);
  request.resume();
}
var MIB = 1024 * 1024;
function size(bytes) {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MB` : `${bytes.toLocaleString("en-US")} bytes`;
}
async function handleWebhook(request, response, route) {
  const event = shown(request.headers["x-github-event"]);
  const delivery = shown(request.headers["x-github-delivery"]);
  const logRefusal = (status, reason) => route.log.warn({ event, delivery, status, reason }, `webhook refused: ${reason}`);
  const refuse = (status, reason, headers = {}) => {
    logRefusal(status, reason);
    if (response.headersSent || response.destroyed) return;
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify({ error: reason }));
    discardRest(request, route.lingerMs);
  };
  if (request.method !== "POST") return refuse(405, `method ${shown(request.method)} is not allowed: webhooks are POSTed`, { allow: "POST" });
  const limit = `GitHub's webhook limit of ${size(route.maxBodyBytes)}`;
  const length = declaredLength(request);
  if (length !== void 0 && length > route.maxBodyBytes) return refuse(413, `body of ${size(length)} is over ${limit}`);
  if (!JSON_CONTENT_TYPE.test(request.headers["content-type"] ?? "")) return refuse(415, "Content-Type must be application/json (set it in the webhook settings)");
  const missing = ["x-github-event", "x-github-delivery"].filter((name2) => !request.headers[name2]);
  if (missing.length > 0) return refuse(400, `missing header ${missing.join(", ")}`);
  if (!request.headers["x-hub-signature-256"]) return refuse(401, SIGNATURE_PROBLEMS.missing);
  if (request.headers.expect?.toLowerCase() === "100-continue") response.writeContinue();
  const read = await readBoundedBody(request, route.maxBodyBytes, route.budget);
  if (read.kind === "too-large") return refuse(413, `body is over ${limit} (stopped reading at ${size(read.received)})`);
  if (read.kind === "busy") return refuse(503, "too many webhook bodies are being received at once; retry later", { "retry-after": "10" });
  if (read.kind === "aborted") {
    logRefusal(void 0, "the body did not arrive in full (the connection closed or the request timed out)");
    response.destroy();
    return;
  }
  const signature = checkSignature(route.secret, read.body, request.headers["x-hub-signature-256"]);
  if (signature !== "valid") return refuse(signature === "malformed" ? 400 : 401, SIGNATURE_PROBLEMS[signature]);
  let payload;
  try {
    payload = JSON.parse(read.body.toString("utf8"));
  } catch {
    return refuse(400, "the body is not JSON");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return refuse(400, "the body is not a JSON object");
  route.log.debug({ event, delivery }, "webhook received");
  const id = String(request.headers["x-github-delivery"]);
  const name = String(request.headers["x-github-event"]);
  const authenticated = { id, name, payload };
  const offered = route.queue.offer(read.body.length, () => route.webhooks.receive(authenticated));
  if (!offered) {
    const { running, waiting } = route.queue.limits;
    return refuse(503, `the server is busy: ${running} deliveries are being handled and ${waiting} are waiting (or their bodies fill the queue); redeliver this one later (the app's Advanced settings)`, { "retry-after": "60" });
  }
  if (offered.queued) route.log.info({ event, delivery, waiting: route.queue.waiting }, "webhook queued: other deliveries are being handled");
  const handled = offered.done.then(
    () => "ok",
    // Probot's error handler has logged the failure (src/server/log.ts keeps the payload out of it).
    () => "failed"
  );
  let timer;
  const late = new Promise((resolve) => timer = setTimeout(() => resolve("late"), route.answerWithinMs));
  const outcome = await Promise.race([handled, late]);
  clearTimeout(timer);
  if (outcome === "ok") response.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
  else if (outcome === "failed") response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "handling the delivery failed: the server log says why" }));
  else {
    response.writeHead(202, { "content-type": "text/plain" }).end("still processing\n");
    await handled;
  }
}

// src/server/http.ts
var SERVER_LIMITS = {
  maxBodyBytes: MAX_WEBHOOK_BYTES,
  maxUnverifiedBytes: MAX_UNVERIFIED_BYTES,
  headersTimeoutMs: 1e4,
  requestTimeoutMs: 3e4,
  timeoutCheckMs: 1e3,
  maxConnections: 256,
  answerWithinMs: 9e3,
  lingerMs: 2e3,
  deliveries: DEFAULT_DELIVERY_QUEUE
};
function sendJson(response, status, body, headers = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
async function createProbotFor(config, options = {}) {
  const log = options.log ?? await createServerLog(config);
  const probot = new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.baseUrl,
    log,
    Octokit: options.Octokit ?? boundedOctokitClass((message) => probot.log.warn(message))
  });
  return probot;
}
async function createSyncstageServer(appFn, config, options = {}) {
  const limits = { ...SERVER_LIMITS, ...config.deliveries ? { deliveries: config.deliveries } : {}, ...options.limits };
  const probot = await createProbotFor(config, options);
  await probot.load(appFn, {
    cwd: process.cwd(),
    addHandler: () => {
      throw new Error("the syncstage server serves no routes of the app's own");
    }
  });
  const route = { secret: config.webhookSecret, webhooks: probot.webhooks, log: probot.log, maxBodyBytes: limits.maxBodyBytes, budget: new ByteBudget(limits.maxUnverifiedBytes), answerWithinMs: limits.answerWithinMs, lingerMs: limits.lingerMs, queue: new DeliveryQueue(limits.deliveries) };
  const handle = (request, response) => {
    const path = (request.url ?? "/").split("?")[0].replace(/(.)\/+$/, "$1");
    if (path === WEBHOOK_PATH) {
      handleWebhook(request, response, route).catch((error) => {
        probot.log.error({ err: error }, "webhook route failed");
        if (!response.headersSent) sendJson(response, 500, { error: "internal error" }, { connection: "close" });
      });
      return;
    }
    if (path === HEALTH_PATH) {
      if (request.method === "GET" || request.method === "HEAD") sendJson(response, 200, { status: "ok" });
      else sendJson(response, 405, { error: "method not allowed" }, { allow: "GET, HEAD" });
      return;
    }
    sendJson(response, 404, { error: "not found" });
  };
  const server = createServer({ headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.timeoutCheckMs }, handle);
  server.on("checkContinue", handle);
  server.maxConnections = limits.maxConnections;
  return { server, probot };
}
async function startServer(appFor, env = process.env, options = {}) {
  const config = readServerEnvironment(env);
  const { server, probot } = await createSyncstageServer(appFor(config.clock.now, config.eventLimits ?? DEFAULT_EVENT_LIMITS, config.readLimitCeilings ?? {}), config, options);
  if (config.clock.pinnedAt) probot.log.warn(pinnedClockWarning(config.clock.pinnedAt));
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
async function runServer(appFor, env = process.env) {
  let log;
  try {
    log = await createServerLog(readLogSettings(env));
  } catch (error) {
    process.stderr.write(`syncstage server: ${error instanceof Error ? error.message : String(error)}
`);
    process.exitCode = 1;
    return;
  }
  const crash = (what) => (error) => {
    log.fatal({ err: error }, `syncstage server: ${what}`);
    process.exit(1);
  };
  process.on("uncaughtException", crash("uncaught exception"));
  process.on("unhandledRejection", crash("unhandled promise rejection"));
  try {
    const { server, probot } = await startServer(appFor, env, { log });
    const stop = (signal) => {
      probot.log.info(`${signal}: shutting down`);
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 1e4).unref();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  } catch (error) {
    log.fatal(`syncstage server: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

// src/server.ts
await runServer(
  (now, eventLimits, limitCeilings) => syncstageApp(realAppDeps({ now, redactKey: process.env.SYNCSTAGE_REDACT_KEY || void 0, limitCeilings }), { eventLimits })
);
