/**
 * `npm start`: the GitHub App as a server (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET; PORT, HOST).
 * The same app function the Action runs, with check runs and files read through the API at exact SHAs.
 */
import { syncstageApp } from './github/app.js';
import { realAppDeps } from './github/real-deps.js';
import { runServer } from './server/http.js';

// The redaction key is read here, at the edge, and travels on as a typed value; the clock is the server settings' own.
// The read limits' ceilings (SYNCSTAGE_MAX_INFLATED_MIB, ...) travel as the App's explicit settings: a repository's
// `limits:` may lower them, never raise them (settings.ts readLimitsOf).
await runServer((now, eventLimits, limitCeilings) =>
  syncstageApp(realAppDeps({ now, redactKey: process.env.SYNCSTAGE_REDACT_KEY || undefined, limitCeilings }), { eventLimits }),
);
