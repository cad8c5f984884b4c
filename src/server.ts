/**
 * `npm start`: the GitHub App as a server (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET; PORT, HOST).
 * The same app function the Action runs, with check runs and files read through the API at exact SHAs.
 */
import { syncstageApp } from './github/app.js';
import { realAppDeps } from './github/real-deps.js';
import { runServer } from './server/http.js';

await runServer((now) => syncstageApp(realAppDeps({ now })));
