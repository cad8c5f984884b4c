#!/usr/bin/env node
/**
 * docs/demo-comment.png: the demo's review comment as a pull request shows it, first screen on top. The Markdown is
 * `npm run demo`'s (dist/cli.js verify on examples/, with a commit and a workflow run as the Action names them),
 * rendered by cmark-gfm (GitHub's renderer, with GitHub's extensions) into a page styled like a GitHub comment,
 * photographed by headless Chromium. Not GitHub itself: its stylesheet is approximated here, and nothing is fetched.
 *
 * Needs: the Debian packages cmark-gfm and chromium (tsx runs the sources, as `npm run generate` does).
 * Usage: node scripts/screenshot-comment.mjs [--out docs/demo-comment.png] [--height 1150]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/demo-comment.png' }, height: { type: 'string', default: '1150' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log('Usage: node scripts/screenshot-comment.mjs [--out docs/demo-comment.png] [--height 1150]');
  process.exit(0);
}

function run(command, args, input) {
  const result = spawnSync(command, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} could not be run (${result.error.message}): install it (Debian package ${command === 'chromium' ? 'chromium' : command})`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

// The demo's review, as `npm run demo` prints it, with the commit and run the Action would name.
function demoMarkdown() {
  const script = `
    const { verifyStaging } = await import(${JSON.stringify(path.join(root, 'src/verify/verify.ts'))});
    const { DiskFileSource } = await import(${JSON.stringify(path.join(root, 'src/files/disk.ts'))});
    const { renderReview } = await import(${JSON.stringify(path.join(root, 'src/report/review.ts'))});
    const result = await verifyStaging(new DiskFileSource(${JSON.stringify(root)}), {
      primary: 'examples/primary', staging: 'examples/staging', exports: [],
      runbooks: ['examples/runbooks/failover-2026-11-24.md'], now: new Date('2026-11-24T09:00:00Z'),
    });
    process.stdout.write(renderReview(result, {
      sha: '3f786850e387550fdab836ed7e6dc881de23001b',
      run: { url: 'https://github.com/contoso/identity-sync/actions/runs/4242', label: 'workflow run' },
    }));
  `;
  return run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
}

const markdown = demoMarkdown();
const body = run('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'], markdown);

const page = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #fff; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328; }
  .comment { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; max-width: 980px; }
  .header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; border-radius: 6px 6px 0 0; }
  .header b { color: #1f2328; }
  .body { padding: 16px; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin: 0 0 16px; }
  h3 { font-size: 1.25em; margin: 24px 0 16px; } h4 { margin: 24px 0 16px; }
  p, ol, ul, table, pre, details { margin: 0 0 16px; }
  a { color: #0969da; text-decoration: none; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 85%; background: #818b981f; padding: .2em .4em; border-radius: 6px; }
  pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; } pre code { background: none; padding: 0; }
  table { border-collapse: collapse; display: block; overflow: auto; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; } tr:nth-child(2n) { background: #f6f8fa; }
  summary { cursor: pointer; }
</style></head><body><div class="comment"><div class="header"><b>syncstage</b> <span>bot</span> commented</div><div class="body">${body}</div></div></body></html>`;

const dir = mkdtempSync(path.join(tmpdir(), 'syncstage-screenshot-'));
try {
  const file = path.join(dir, 'comment.html');
  writeFileSync(file, page);
  const out = path.resolve(root, values.out);
  run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=1012,${values.height}`, `--screenshot=${out}`, `file://${file}`]);
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
