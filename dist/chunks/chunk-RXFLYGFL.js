import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  createRedactor
} from "./chunk-TGO2PSWY.js";
import {
  UsageError
} from "./chunk-CJNZHR3P.js";

// src/cli/redaction.ts
var REDACT_KEY_VARIABLE = "SYNCSTAGE_REDACT_KEY";
function redactorFor(redact, env) {
  if (!redact) return void 0;
  const key = env[REDACT_KEY_VARIABLE];
  if (!key) throw new UsageError(`--redact needs the key in the environment variable ${REDACT_KEY_VARIABLE} (at least 16 characters)`);
  try {
    return createRedactor(key);
  } catch (error) {
    throw new UsageError(`${REDACT_KEY_VARIABLE}: ${error.message}`);
  }
}

export {
  REDACT_KEY_VARIABLE,
  redactorFor
};
