/**
 * The Action's entry point (dist/index.js): only calls run() (src/github/action-main.ts), so the run itself can be
 * imported and called, as GitHub's local runner for actions does.
 */
import { run } from './github/action-main.js';

await run();
