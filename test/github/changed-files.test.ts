import { describe, expect, it } from 'vitest';
import { mergeQueuePullNumber } from '../../src/github/changed-files.js';

describe('mergeQueuePullNumber', () => {
  it('reads the pull request of a merge-queue entry from its ref, and nothing else', () => {
    expect(mergeQueuePullNumber('refs/heads/gh-readonly-queue/main/pr-42-89e6c98d92887913cadf06b2adb97f26cde4849b')).toBe(42);
    expect(mergeQueuePullNumber('refs/heads/gh-readonly-queue/release/2026-11/pr-7-abc123')).toBe(7);
    expect(mergeQueuePullNumber('refs/heads/custom-queue/main')).toBeUndefined();
    expect(mergeQueuePullNumber('refs/heads/gh-readonly-queue/main/pr-x-abc')).toBeUndefined();
  });
});
