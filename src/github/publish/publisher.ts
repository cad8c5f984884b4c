/**
 * Publish many: each publisher posts one outcome one way (check runs, commit statuses, the sticky comment, labels,
 * the step's outputs and summary). A runtime picks its list per event; the list runs in order, and a publisher that
 * fails does not stop the others (a failed check still gets its comment, and the other way round): every failure is
 * reported together at the end.
 */
import type { ReviewLog, ReviewOutcome } from '../review-commit.js';
import type { Octokit } from '../octokit.js';

export interface PublishContext {
  octokit: Octokit;
  log: ReviewLog;
  /** The run behind the review, once known: the Action's workflow run, or the review check run a publisher posted. */
  run?: { url: string; label: string };
  /** What a publisher could not do without failing the others (labels): the step's failure names it. */
  problems: string[];
}

export interface Publisher {
  /** For the log and the failure message: `check runs`, `sticky comment`, ... */
  readonly name: string;
  publish(outcome: ReviewOutcome, context: PublishContext): Promise<void>;
}

export class PublishError extends Error {
  override readonly name = 'PublishError';
  readonly failures: { publisher: string; error: unknown }[];

  constructor(failures: { publisher: string; error: unknown }[]) {
    super(failures.map((failure) => `${failure.publisher}: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`).join('; '));
    this.failures = failures;
  }
}

/** Every publisher in turn; throws one PublishError naming each that failed, after all have run. */
export async function publishAll(outcome: ReviewOutcome, context: PublishContext, publishers: readonly Publisher[]): Promise<void> {
  const failures: { publisher: string; error: unknown }[] = [];
  for (const publisher of publishers) {
    try {
      await publisher.publish(outcome, context);
    } catch (error) {
      context.log.warn(`${publisher.name} could not be published: ${error instanceof Error ? error.message : String(error)}`);
      failures.push({ publisher: publisher.name, error });
    }
  }
  if (failures.length === 1) throw failures[0]!.error;
  if (failures.length > 1) throw new PublishError(failures);
}
