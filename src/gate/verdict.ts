/**
 * What the evidence says about one prerequisite, before the checklist tick is weighed in: it holds, it fails
 * (the evidence says otherwise), or it is unknown (missing, unreadable or stale evidence: fails closed).
 */
export type EvidenceState = 'holds' | 'fails' | 'unknown';

export class Verdict {
  readonly evidence: string[] = [];
  private failed = false;
  private unknown = false;

  ok(sentence: string): this {
    this.evidence.push(sentence);
    return this;
  }

  fail(sentence: string): this {
    this.failed = true;
    this.evidence.push(sentence);
    return this;
  }

  missing(sentence: string): this {
    this.unknown = true;
    this.evidence.push(sentence);
    return this;
  }

  get state(): EvidenceState {
    return this.failed ? 'fails' : this.unknown ? 'unknown' : 'holds';
  }
}

/** Lists at most `limit` values, then "and N more": evidence stays readable when there are hundreds. */
export function listSome(values: readonly string[], limit = 10): string {
  const shown = values.slice(0, limit).join(', ');
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown;
}
