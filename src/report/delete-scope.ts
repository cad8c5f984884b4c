/**
 * Which scope drift finding explains deletes under an AD container: an OU excluded on one server and not the other,
 * or an inclusion one server lacks. "312 deletes under OU=Disabled Users,...: excluded on the staging server, drift
 * d-f966163fbe". Containers compare case-insensitively, and a finding covers the OUs beneath its own.
 */
import type { DriftDifference } from '../config/types.js';

const SCOPE_FIELDS: Record<string, Partial<Record<DriftDifference['kind'], string>>> = {
  containerExclusion: { added: 'excluded on the staging server', removed: 'excluded on the active server only' },
  containerInclusion: { added: 'included on the staging server only', removed: 'not included on the staging server' },
};

export interface ScopeFinding {
  id: string;
  /** "excluded on the staging server" */
  what: string;
  /** The container the finding names. */
  container: string;
}

function normalized(dn: string): string {
  return dn.replace(/\s*,\s*/g, ',').toLowerCase();
}

/** The scope finding whose container is `container` or holds it; the most specific when several do. */
export function scopeFindingFor(container: string, differences: readonly DriftDifference[]): ScopeFinding | undefined {
  if (container === '') return undefined;
  const under = normalized(container);
  let best: ScopeFinding | undefined;
  for (const difference of differences) {
    const what = SCOPE_FIELDS[difference.field]?.[difference.kind];
    if (difference.category !== 'scope' || what === undefined) continue;
    const scope = normalized(difference.subject);
    if (under !== scope && !under.endsWith(`,${scope}`)) continue;
    if (!best || difference.subject.length > best.container.length) best = { id: difference.id, what, container: difference.subject };
  }
  return best;
}
