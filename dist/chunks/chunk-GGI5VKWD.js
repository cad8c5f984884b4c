import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);

// src/errors.ts
var InputError = class extends Error {
  name = "InputError";
  file;
  position;
  reason;
  constructor(file, reason, position) {
    super(position ? `${file}:${position.line}:${position.column}: ${reason}` : `${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
    this.position = position;
  }
};
function isInputError(error) {
  return error instanceof InputError;
}

export {
  InputError,
  isInputError
};
