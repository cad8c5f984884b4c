/**
 * Pull-request labels (the `labels` setting): what the review found, as labels a reviewer and a branch rule can see
 * at a glance (as tfcmt labels a plan). syncstage manages exactly the labels of MANAGED_LABELS: it adds those that
 * hold, removes those that no longer hold, and never touches any other label, `syncstage:` prefixed or not.
 *
 * Labels go through the issues API (a pull request is an issue): applying one needs `pull-requests: write` (or
 * `issues: write`), and the first use of a label the repository does not have yet creates it, which needs
 * `issues: write`. A failure is never swallowed: the caller fails the step with it (stale labels could say "ready").
 */
import { countOperations } from '../exports/counts.js';
import type { VerificationResult } from '../verify/types.js';

export const LABELS = {
  /** The verdict is "not ready" (whatever the reason, unreadable input included). */
  notReady: 'syncstage:not-ready',
  /** Pending deletes (delete or delete-add) on any connector. */
  deletes: 'syncstage:deletes',
  /** Configuration differences between the active and the staging server. */
  drift: 'syncstage:drift',
  /** Risky changes pending (sensitive attributes, proxyAddresses removals, delete-adds to Entra ID, anchor flips). */
  risky: 'syncstage:risky',
} as const;

export const MANAGED_LABELS: readonly string[] = Object.values(LABELS);

/** The labels that hold for a result, in MANAGED_LABELS order. */
export function labelsFor(result: Pick<VerificationResult, 'verdict' | 'exports' | 'drift'>): string[] {
  const holds: Record<string, boolean> = {
    [LABELS.notReady]: result.verdict === 'not-ready',
    [LABELS.deletes]: countOperations(result.exports?.operations, 'delete', 'delete-add') > 0,
    [LABELS.drift]: (result.drift?.differences.length ?? 0) > 0,
    [LABELS.risky]: (result.exports?.risky.length ?? 0) > 0,
  };
  return MANAGED_LABELS.filter((label) => holds[label]);
}

type IssueParams = { owner: string; repo: string; issue_number: number };

import type { LabelsOctokit } from './octokit.js';

export type { LabelsOctokit };

export interface LabelChange {
  added: string[];
  removed: string[];
}

const PAGE = 100;
/** GitHub allows 100 labels on an issue; the pages are bounded all the same. */
const MAX_PAGES = 10;

/**
 * Makes the managed labels on the issue exactly `wanted`: one listing, then one POST with the labels to add and one
 * DELETE per label to remove; nothing more when they already match. A DELETE answered 404 (the label went away
 * meanwhile) is what was wanted. Any other failure throws.
 */
export async function syncLabels(octokit: LabelsOctokit, issue: { owner: string; repo: string; issueNumber: number }, wanted: readonly string[]): Promise<LabelChange> {
  const params: IssueParams = { owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber };
  const current = new Set<string>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.issues.listLabelsOnIssue({ ...params, per_page: PAGE, page });
    for (const label of data) current.add(label.name);
    if (data.length < PAGE) break;
  }
  const added = wanted.filter((label) => !current.has(label));
  const removed = MANAGED_LABELS.filter((label) => current.has(label) && !wanted.includes(label));
  if (added.length > 0) await octokit.rest.issues.addLabels({ ...params, labels: added });
  for (const name of removed) {
    try {
      await octokit.rest.issues.removeLabel({ ...params, name });
    } catch (error) {
      if ((error as { status?: unknown }).status !== 404) throw error;
    }
  }
  return { added, removed };
}

/** The sentence a failed label update is reported with: what failed, GitHub's status, and the permission it needs. */
export function labelFailure(error: unknown): string {
  const status = (error as { status?: unknown })?.status;
  const reason = error instanceof Error ? error.message : String(error);
  const permission =
    status === 403 || status === 404
      ? ': the token needs pull-requests: write to label a pull request and issues: write to create a label the repository does not have yet (a pull request from a fork gets a read-only token)'
      : '';
  return `could not update the pull request's labels (${typeof status === 'number' ? `HTTP ${status}: ` : ''}${reason})${permission}; the labels on the pull request may be stale, so the step fails`;
}
