/**
 * Check runs (the App) and commit statuses (the Action after a comment): the two ways a result lands on a commit.
 * GitHub's limits are respected here so callers need not think about them: a check run's title is kept to 255
 * characters, summary and text to 65,535 (cut with a note), a status description to 140.
 */
export const CHECK_TEXT_LIMIT = 65_535;
export const CHECK_TITLE_LIMIT = 255;
export const STATUS_DESCRIPTION_LIMIT = 140;

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


/** Text cut to `limit` characters with a note of how much was cut; unchanged when it fits. */
export function fitText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = (cut: number) => `\n\n… cut: ${cut.toLocaleString('en-US')} more characters did not fit GitHub's ${limit.toLocaleString('en-US')}-character limit.`;
  let keep = limit - note(text.length).length;
  // The note's own length depends on the number in it; one correction settles it.
  keep = limit - note(text.length - keep).length;
  return text.slice(0, Math.max(0, keep)) + note(text.length - keep);
}

/** A one-line text cut to `limit` characters, ending with an ellipsis when cut. */
export function fitLine(text: string, limit: number): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1)}…`;
}

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
