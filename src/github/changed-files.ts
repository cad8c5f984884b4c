/** Files a pull request or a merge group adds or changes (removed files are not evidence). */
import type { Octokit, RepoRef } from './deps.js';

export async function pullRequestFiles(octokit: Octokit, repo: RepoRef, pullNumber: number): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 });
  return files.filter((file) => file.status !== 'removed').map((file) => file.filename);
}

export async function comparedFiles(octokit: Octokit, repo: RepoRef, baseSha: string, headSha: string): Promise<string[]> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${baseSha}...${headSha}`, per_page: 100 });
  return (data.files ?? []).filter((file) => file.status !== 'removed').map((file) => file.filename);
}

/** `refs/heads/gh-readonly-queue/main/pr-42-<sha>` -> 42: the pull request a merge-queue entry was made for. */
export function mergeQueuePullNumber(headRef: string): number | undefined {
  // Anchored at the ref's start: unanchored, the pattern rescanned the ref from every `gh-readonly-queue/` in it.
  const match = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(headRef);
  return match ? Number(match[1]) : undefined;
}

/**
 * The files a merge-queue entry's own pull request adds or changes (paginated: up to GitHub's 3,000), so its
 * runbook is found however large the change; the entries ahead of it were judged in their own groups. When the
 * ref does not name a pull request, the comparison with the base (GitHub lists at most 300 files there).
 */
export async function mergeGroupFiles(octokit: Octokit, repo: RepoRef, group: { head_ref: string; base_sha: string; head_sha: string }): Promise<string[]> {
  const pull = mergeQueuePullNumber(group.head_ref);
  return pull !== undefined ? pullRequestFiles(octokit, repo, pull) : comparedFiles(octokit, repo, group.base_sha, group.head_sha);
}
