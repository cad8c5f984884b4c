/**
 * Strings cut from the tokenizer's text are V8 "sliced strings" that keep the whole parser chunk alive. Anything kept past
 * the current object (samples, the anchor-flip index) is copied first, so memory stays bounded by what is kept.
 */
export function retain(value: string): string;
export function retain(value: string | undefined): string | undefined;
export function retain(value: string | undefined): string | undefined {
  if (value === undefined || value.length < 13) return value;
  return Buffer.from(value, 'utf8').toString('utf8');
}
