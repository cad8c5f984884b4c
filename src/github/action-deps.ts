/**
 * The Action's wiring of the review: the real verification, renderers and config loader, with outputs going to the
 * step (outputs, job summary, report file) through ActionIO, and the step's parsed inputs.
 */
import type { ActionIO } from './action-io.js';
import type { ExplicitInputs } from './inputs.js';
import { reviewDeps } from './real-deps.js';
import type { ReviewDeps } from './review.js';

export function actionDeps(io: ActionIO, inputs: ExplicitInputs, overrides: Partial<ReviewDeps> = {}): ReviewDeps {
  return reviewDeps(io, inputs, overrides);
}
