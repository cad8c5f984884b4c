/** The list the diff modules add differences to: ids, paths and the out-of-box flag in one place. */
import { differenceId } from './ids.js';
import type { DriftCategory, DriftDifference } from './types.js';

export interface Finding extends DriftDifference {
  /** About an out-of-box rule only: left out with --hide-default-rules. */
  defaultRule?: boolean;
}

export interface FindingInput {
  category: DriftCategory;
  kind: DriftDifference['kind'];
  subject: string;
  field: string;
  path: string;
  primary?: string;
  staging?: string;
  connector?: string;
  format?: DriftDifference['format'];
  defaultRule?: boolean;
}

export class Findings {
  readonly items: Finding[] = [];

  add(input: FindingInput): void {
    const finding: Finding = {
      id: differenceId(input.category, input.connector, input.subject, input.field),
      category: input.category,
      kind: input.kind,
      subject: input.subject,
      field: input.field,
    };
    if (input.primary !== undefined && input.kind !== 'added') finding.primary = input.primary;
    if (input.staging !== undefined && input.kind !== 'removed') finding.staging = input.staging;
    if (input.connector !== undefined) finding.connector = input.connector;
    finding.path = input.path;
    if (input.format) finding.format = input.format;
    if (input.defaultRule) finding.defaultRule = true;
    this.items.push(finding);
  }

  /** A value on either side: added, removed or changed, or nothing when equal. */
  compare(input: Omit<FindingInput, 'kind' | 'primary' | 'staging'>, primary: string | undefined, staging: string | undefined): void {
    if (primary === staging) return;
    const kind = primary === undefined ? 'added' : staging === undefined ? 'removed' : 'changed';
    this.add({ ...input, kind, primary, staging });
  }

  /** Members of a set (attribute inclusion, object classes, containers): one finding per member added or removed. */
  compareSets(
    primary: readonly string[],
    staging: readonly string[],
    finding: (member: string) => Omit<FindingInput, 'kind' | 'primary' | 'staging'> & { value?: string },
  ): void {
    const left = new Map(primary.map((item) => [item.toLowerCase(), item]));
    const right = new Map(staging.map((item) => [item.toLowerCase(), item]));
    for (const [key, item] of left) {
      if (!right.has(key)) {
        const { value, ...input } = finding(item);
        this.add({ ...input, kind: 'removed', primary: value ?? item });
      }
    }
    for (const [key, item] of right) {
      if (!left.has(key)) {
        const { value, ...input } = finding(item);
        this.add({ ...input, kind: 'added', staging: value ?? item });
      }
    }
  }
}
