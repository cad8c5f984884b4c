/**
 * The one Octokit both runtimes use: Probot's (global fetch, so nock sees it), with a bounded retry policy.
 */
import { ProbotOctokit } from 'probot';

/** The client both runtimes hold; every narrower port below is derived from it. */
export type Octokit = InstanceType<typeof ProbotOctokit>;

type Rest = Octokit['rest'];

/**
 * Narrow ports: each names the part of the one client a module uses, as indexed-access types of the real client
 * (github/branch-deploy's habit), so a module asks for no more than it uses and a stub is checked against GitHub's
 * real signatures, not a hand-written copy of them.
 */
export type FilesOctokit = { rest: { git: Pick<Rest['git'], 'getTree' | 'getBlob'> } };
export type CommentsOctokit = Pick<Octokit, 'paginate' | 'graphql'> & { rest: { issues: Pick<Rest['issues'], 'createComment' | 'updateComment' | 'deleteComment'> } };
export type PermissionOctokit = { rest: { repos: Pick<Rest['repos'], 'getCollaboratorPermissionLevel'>; teams: Pick<Rest['teams'], 'getMembershipForUserInOrg'> } };
export type LabelsOctokit = { rest: { issues: Pick<Rest['issues'], 'listLabelsOnIssue' | 'addLabels' | 'removeLabel'> } };
export type ChecksOctokit = { rest: { checks: Pick<Rest['checks'], 'create'> } };
export type StatusOctokit = { rest: { repos: Pick<Rest['repos'], 'createCommitStatus'> } };
export type ViewerOctokit = Pick<Octokit, 'graphql'>;
export type HookedOctokit = Pick<Octokit, 'hook'>;

/** Rate-limited requests are retried this many times, then the run fails with a clear message. */
export const MAX_RATE_LIMIT_RETRIES = 3;
/** A wait longer than this (a primary limit resetting in an hour) is not worth holding a runner for. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
/** 5xx and network errors: retried with backoff (1 s, 4 s, 9 s) by @octokit/plugin-retry. */
export const MAX_SERVER_ERROR_RETRIES = 3;

export interface ThrottledRequest {
  method?: string;
  url?: string;
}

export interface ActionOctokitOptions {
  maxRateLimitRetries?: number;
  maxRateLimitWaitSeconds?: number;
  /** Milliseconds per second of retry-after / backoff: tests make it 1. */
  retryAfterBaseValue?: number;
}

/**
 * Probot's Octokit with a bounded retry policy, in both runtimes: rate limits (primary and secondary, 403/429 with
 * retry-after) retried up to MAX_RATE_LIMIT_RETRIES times when the wait is at most MAX_RATE_LIMIT_WAIT_SECONDS,
 * then a clear failure; 5xx retried with backoff. Probot's own defaults retry rate limits without end.
 */
export function boundedOctokitClass(warn: (message: string) => void, options: ActionOctokitOptions = {}): typeof ProbotOctokit {
  const maxRetries = options.maxRateLimitRetries ?? MAX_RATE_LIMIT_RETRIES;
  const maxWait = options.maxRateLimitWaitSeconds ?? MAX_RATE_LIMIT_WAIT_SECONDS;
  const onLimit = (kind: string) => (retryAfter: number, request: ThrottledRequest, _octokit: unknown, retryCount: number) => {
    const what = `${request.method} ${request.url}`;
    if (retryCount < maxRetries && retryAfter <= maxWait) {
      warn(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries})`);
      return true;
    }
    warn(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retries (retry-after ${retryAfter} s)`);
    return false;
  };
  const base = options.retryAfterBaseValue;
  return ProbotOctokit.defaults((instance: Record<string, unknown>) => ({
    ...instance,
    throttle: {
      ...(instance.throttle as object),
      enabled: true,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(base === undefined ? {} : { retryAfterBaseValue: base, fallbackSecondaryRateRetryAfter: 1 }),
    },
    retry: { retries: MAX_SERVER_ERROR_RETRIES, ...(base === undefined ? {} : { retryAfterBaseValue: base }) },
  })) as typeof ProbotOctokit;
}

