import { ProbotOctokit } from 'probot';

export const API = 'https://api.github.com';

/** Probot's Octokit (global fetch, so nock sees it) without retries or throttling, to keep tests exact and fast. */
export function testOctokit(): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: 'test-token' }, retry: { enabled: false }, throttle: { enabled: false } });
}

export function comment(id: number, login: string, body: string, createdAt = `2026-11-24T10:00:${String(id % 60).padStart(2, '0')}Z`) {
  return { id, node_id: `IC_${id}`, body, created_at: createdAt, user: { login } };
}
