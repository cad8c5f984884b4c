/**
 * Issue 15 item 5: the fork-safe comment workflow (part 2, write token) posts nothing a fork wrote. Part 1 runs the
 * fork's copy of the workflow, so its artifact is hostile: part 2 must not download it, must not post a file from
 * it, and must build its comment from GitHub's values only, passed through the environment (never `${{ }}` inside
 * a script, where a value would become shell code).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const text = readFileSync('docs/workflows/fork-safe-comment.yml', 'utf8');
const workflow = parse(text) as { permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('fork-safe-comment.yml', () => {
  it('never downloads the fork run\'s artifact, never checks out code, and holds no token it does not need', () => {
    expect(steps.map((step) => step.uses).filter(Boolean)).toEqual(['marocchino/sticky-pull-request-comment@v2']);
    expect(JSON.stringify(steps)).not.toMatch(/download-artifact|actions\/checkout|[^-]comment\.md|report\.json|pr-number/);
    expect(workflow.permissions).toEqual({ 'pull-requests': 'write' });
  });

  it('posts the file it wrote itself, from values GitHub gave, checked before use', () => {
    const script = steps.find((step) => step.run)!;
    expect(script.run).not.toContain('${{');
    expect(Object.values(script.env!).every((value) => /^\$\{\{ github\.(token|event\.workflow_run\.[a-z_.]+) \}\}$/.test(value))).toBe(true);
    expect(script.run).toContain("grep -Eqx '[0-9a-f]{40}'");
    expect(script.run).toContain("grep -Eqx '[0-9]{1,10}'");
    expect(script.run).toContain('> "$RUNNER_TEMP/syncstage-comment.md"');
    const post = steps.find((step) => step.uses?.startsWith('marocchino/'))!;
    expect(post.with).toEqual({ header: 'syncstage-review', number: '${{ steps.pr.outputs.number }}', path: '${{ steps.pr.outputs.file }}' });
  });
});
