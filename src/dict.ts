/**
 * A record keyed by names that come from files (object types, attribute and connector names, rule names): an object
 * without a prototype, so `valueOf`, `constructor` or `__proto__` in a file are keys like any other, never the
 * built-ins that a plain `{}` would answer with (a count of `valueOf` deletes read as a function is a count lost,
 * and `__proto__` written into a plain object rewrites Object.prototype for the whole process).
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
