/** One export in words, for tables and CSV cells: "update: department Dept 1 -> Dept 2; proxyAddresses +smtp:a -smtp:b". Plain text. */
import type { ImpactChange, ServerExport } from '../impact/types.js';

/** Changes named per export before "and N more". */
const CHANGES_SHOWN = 4;

/** Characters of one value in a Markdown cell: a 60 KB thumbnailPhoto would take the whole comment's budget. */
export const MARKDOWN_VALUE_CHARS = 80;

function shorten(value: string, max: number | undefined): string {
  if (max === undefined || value.length <= max) return value;
  return `${value.slice(0, max)}… (${value.length.toLocaleString('en-US')} characters)`;
}

/** `maxValue`: characters kept per value (the Markdown's cells); the CSV keeps every value whole. */
export function describeChange(change: ImpactChange, maxValue?: number): string {
  const values = (list: readonly string[] | undefined): string => (list ?? []).map((value) => shorten(value, maxValue)).join(', ');
  const parts: string[] = [];
  if (change.added || change.removed) {
    if (change.added) parts.push(`+${values(change.added)}`);
    if (change.removed) parts.push(`-${values(change.removed)}`);
  } else if (change.modification === 'delete') {
    parts.push(change.old ? `${values(change.old)} -> (cleared)` : 'cleared');
  } else if (change.old) {
    parts.push(`${values(change.old)} -> ${values(change.new)}`);
  } else if (change.new) {
    parts.push(values(change.new));
  }
  if (change.omitted) parts.push(`(+${change.omitted} more)`);
  return parts.length > 0 ? `${change.attribute} ${parts.join(' ')}` : change.attribute;
}

export function describeExport(serverExport: ServerExport | undefined, limit = CHANGES_SHOWN, maxValue?: number): string {
  if (!serverExport) return 'nothing pending';
  const shown = serverExport.changes.slice(0, limit).map((change) => describeChange(change, maxValue));
  const more = serverExport.changes.length - shown.length;
  if (more > 0) shown.push(`and ${more} more`);
  const rename = serverExport.newDn !== undefined ? ` (rename to ${serverExport.newDn})` : '';
  return `${serverExport.operation}${rename}${shown.length > 0 ? `: ${shown.join('; ')}` : ''}`;
}
