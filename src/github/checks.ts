/**
 * Check runs (the App) and commit statuses (the Action after a comment): the two ways a result lands on a commit.
 * GitHub's limits (src/report/github-limits.ts) are applied here so callers need not think about them: a check run's
 * title, summary and text, a status description.
 */
import { CHECK_TEXT_LIMIT, CHECK_TITLE_LIMIT, fitLine, fitText, STATUS_DESCRIPTION_LIMIT } from '../report/github-limits.js';

export { CHECK_TEXT_LIMIT, CHECK_TITLE_LIMIT, fitLine, fitText, STATUS_DESCRIPTION_LIMIT };

export type CheckConclusion = 'success' | 'failure' | 'neutral';
export type StatusState = 'success' | 'failure' | 'error' | 'pending';

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  detailsUrl?: string;
  completedAt?: Date;
}

export interface CommitStatusInput {
  owner: string;
  repo: string;
  sha: string;
  context: string;
  state: StatusState;
  description: string;
  targetUrl?: string;
}

import type { ChecksOctokit, StatusOctokit } from './octokit.js';

export type { ChecksOctokit, StatusOctokit };


export async function createCheckRun(octokit: ChecksOctokit, input: CheckRunInput): Promise<{ id: number; url: string | null }> {
  const output: { title: string; summary: string; text?: string } = {
    title: fitLine(input.title, CHECK_TITLE_LIMIT),
    summary: fitText(input.summary, CHECK_TEXT_LIMIT),
  };
  if (input.text !== undefined) output.text = fitText(input.text, CHECK_TEXT_LIMIT);
  const { data } = await octokit.rest.checks.create({
    owner: input.owner,
    repo: input.repo,
    name: input.name,
    head_sha: input.headSha,
    status: 'completed',
    conclusion: input.conclusion,
    ...(input.completedAt ? { completed_at: input.completedAt.toISOString() } : {}),
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    output,
  });
  return { id: data.id, url: data.html_url };
}

export async function createCommitStatus(octokit: StatusOctokit, input: CommitStatusInput): Promise<void> {
  await octokit.rest.repos.createCommitStatus({
    owner: input.owner,
    repo: input.repo,
    sha: input.sha,
    state: input.state,
    context: input.context,
    description: fitLine(input.description, STATUS_DESCRIPTION_LIMIT),
    ...(input.targetUrl ? { target_url: input.targetUrl } : {}),
  });
}
