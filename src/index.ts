/**
 * The Action's entry point (dist/index.js, action.yml's `main`): it only calls run() from src/main.ts, as
 * actions/typescript-action does, so the run can be imported without running: GitHub's local runner
 * (`npx @github/local-action run . src/main.ts .env`) imports src/main.ts and calls run() itself.
 */
import { run } from './main.js';

await run();
