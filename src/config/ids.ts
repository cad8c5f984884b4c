/**
 * Stable ids for differences: a runbook acknowledges drift by id, so the id must not move when the report is
 * re-run, re-ordered or rendered differently. It hashes only what names the difference (category, connector,
 * subject, field), never the values.
 */
import { createHash } from 'node:crypto';

export function differenceId(category: string, connector: string | undefined, subject: string, field: string): string {
  const text = [category, (connector ?? '').toLowerCase(), subject.toLowerCase(), field].join('\u0000');
  return `d-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10)}`;
}
