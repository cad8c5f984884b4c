/**
 * The Action's wiring of the review: the real verification, renderers and config loader, with outputs going to the
 * step (outputs, job summary, report file) through ActionIO.
 */
import type { ActionIO } from './action-io.js';
import { reviewDeps } from './real-deps.js';
import type { ReviewDeps } from './review.js';

export function actionDeps(io: ActionIO, overrides: Partial<ReviewDeps> = {}): ReviewDeps {
  return reviewDeps(io, overrides);
}
