/**
 * The one error type for bad input. It carries where the problem is and a sentence a person can act on;
 * the CLI maps it to exit 2, the Action to a failed step, the App to a failed check with the same sentence.
 */
export interface InputPosition {
  line: number;
  column: number;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file: string;
  readonly position?: InputPosition;
  readonly reason: string;

  constructor(file: string, reason: string, position?: InputPosition) {
    super(position ? `${file}:${position.line}:${position.column}: ${reason}` : `${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
    this.position = position;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
