/**
 * `--redact` on the CLI: the key comes from the environment (SYNCSTAGE_REDACT_KEY), never from an argument, so it
 * does not land in shell history or process lists. Asking for redaction without a key is bad usage: refusing is
 * better than printing the names the operator meant to hide.
 */
import { createRedactor, type Redactor } from '../redact/redact.js';
import { UsageError } from './common.js';

export const REDACT_KEY_VARIABLE = 'SYNCSTAGE_REDACT_KEY';

export function redactorFor(redact: boolean | undefined, env: Record<string, string | undefined>): Redactor | undefined {
  if (!redact) return undefined;
  const key = env[REDACT_KEY_VARIABLE];
  if (!key) throw new UsageError(`--redact needs the key in the environment variable ${REDACT_KEY_VARIABLE} (at least 16 characters)`);
  try {
    return createRedactor(key);
  } catch (error) {
    throw new UsageError(`${REDACT_KEY_VARIABLE}: ${(error as Error).message}`);
  }
}
