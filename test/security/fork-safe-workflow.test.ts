/**
 * Issue 15 item 5: the fork-safe comment workflow (part 2, write token) posts nothing a fork wrote. Part 1 runs the
 * fork's copy of the workflow, so its artifact is hostile: part 2 must not download it or check out the pull
 * request's code; it runs syncstage itself (pinned here, from the default branch) on the pull request GitHub names,
 * reading the head's files through the API as data. What that run posts is tested against dist/index.js in
 * test/e2e/attacks-action.test.ts ("part 2 reviews the fork's pull request itself").
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

type Step = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { if?: string; steps: Step[] }> };

const comment = parse(readFileSync('docs/workflows/fork-safe-comment.yml', 'utf8')) as Workflow;
const analyse = parse(readFileSync('docs/workflows/fork-safe-analyse.yml', 'utf8')) as Workflow & { name: string };
const steps = Object.values(comment.jobs).flatMap((job) => job.steps);

describe('fork-safe-comment.yml', () => {
  it('runs after part 1 completes, for pull-request runs only', () => {
    expect(comment.on).toEqual({ workflow_run: { workflows: [analyse.name], types: ['completed'] } });
    expect(Object.values(comment.jobs).map((job) => job.if)).toEqual(["github.event.workflow_run.event == 'pull_request'"]);
  });

  it('runs one step: syncstage itself, pinned, with no checkout, no artifact, no script and no expression from the event', () => {
    expect(steps).toEqual([{ uses: 'syncstage/syncstage@v1', with: { comment: 'update', 'fail-on': 'threshold' } }]);
    expect(JSON.stringify(comment)).not.toMatch(/download-artifact|actions\/checkout|comment\.md|report\.json|github\.event\.workflow_run\.(?!event)/);
  });

  it('holds the write permissions the review posts with, and nothing more', () => {
    expect(comment.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write', statuses: 'write' });
  });
});
