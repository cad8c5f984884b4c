/**
 * Files a pull request or a merge group adds or changes (removed files are not evidence). GitHub lists at most
 * 3,000 files of a pull request and 300 of a comparison: a list that reaches the cap may hide a runbook, so it is an
 * error (both checks fail naming it), never a shorter list that could say "no runbook in this PR".
 */
import { InputError } from '../errors.js';
import type { Octokit, RepoRef } from './deps.js';

/** GitHub's caps: `GET /pulls/{n}/files` lists at most 3,000 files, a comparison at most 300. */
export const PULL_REQUEST_FILES_CAP = 3000;
export const COMPARISON_FILES_CAP = 300;

function refuseCapped(listed: number, cap: number, what: string): void {
  if (listed >= cap) {
    throw new InputError(what, `GitHub lists at most ${cap.toLocaleString('en-US')} changed files here and this change reaches that limit, so a runbook among the others could not be seen: split the change`);
  }
}

export async function pullRequestFiles(octokit: Octokit, repo: RepoRef, pullNumber: number): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 });
  refuseCapped(files.length, PULL_REQUEST_FILES_CAP, `pull request #${pullNumber}`);
  return files.filter((file) => file.status !== 'removed').map((file) => file.filename);
}

export async function comparedFiles(octokit: Octokit, repo: RepoRef, baseSha: string, headSha: string): Promise<string[]> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${baseSha}...${headSha}`, per_page: 100 });
  const files = data.files ?? [];
  refuseCapped(files.length, COMPARISON_FILES_CAP, `${baseSha.slice(0, 7)}...${headSha.slice(0, 7)}`);
  return files.filter((file) => file.status !== 'removed').map((file) => file.filename);
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
