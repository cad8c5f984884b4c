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
