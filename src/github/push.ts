/** push and workflow_dispatch: the review of the commit the run is for, in the job summary only (no PR, no status). */
import type { VerificationResult } from '../verify/types.js';
import { runReview, type ReviewContext, type ReviewDeps } from './review.js';

export interface PushPayload {
  after?: string;
  repository: { name: string; owner: { login: string } };
}

export async function handlePushSummary(context: ReviewContext & { payload: PushPayload }, deps: ReviewDeps): Promise<VerificationResult> {
  const { repository } = context.payload;
  // workflow_dispatch has no `after`: the run's own commit is GITHUB_SHA.
  const headSha = context.payload.after && !/^0+$/.test(context.payload.after) ? context.payload.after : deps.io.env.GITHUB_SHA;
  if (!headSha) throw new Error('no commit to review: the event has no `after` and GITHUB_SHA is not set');
  return runReview(context, { owner: repository.owner.login, repo: repository.name, headSha, postGateStatus: false }, deps);
}
