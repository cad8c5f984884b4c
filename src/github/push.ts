/** push and workflow_dispatch (the Action): the review of the commit the run is for, in the job summary only (no PR, no status). */
import type { ReviewDeps } from './deps.js';
import { runReview, type ReviewContext, type ReviewOutcome } from './review.js';
import type { Runtime } from './runtime.js';

export interface PushPayload {
  after?: string;
  repository: { name: string; owner: { login: string } };
}

export async function handlePushSummary(context: ReviewContext & { payload: PushPayload }, deps: ReviewDeps, runtime: Runtime): Promise<ReviewOutcome> {
  const { repository } = context.payload;
  // workflow_dispatch has no `after`: the run's own commit is GITHUB_SHA.
  const headSha = context.payload.after && !/^0+$/.test(context.payload.after) ? context.payload.after : deps.io?.env.GITHUB_SHA;
  if (!headSha) throw new Error('no commit to review: the event has no `after` and GITHUB_SHA is not set');
  // The pushed commit is on the branch already: its own settings are the branch's.
  return runReview(context, { target: { owner: repository.owner.login, repo: repository.name, headSha }, settingsSha: headSha }, 'push', deps, runtime);
}
