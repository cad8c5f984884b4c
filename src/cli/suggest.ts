/** "Did you mean …?": the closest known name to a misspelled one, for unknown options and commands. */

/** Edit distance with adjacent transpositions (optimal string alignment): "--fromat" is one edit from "--format". */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name a typed one most likely meant: a unique name it is a prefix of ("--fail" for "--fail-on"), else the
 * nearest within a third of its length (at least 1, at most 3 edits), ties broken by the order given. Case-insensitive.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  if (lower.replace(/^-+/, '') === '') return undefined;
  const exact = known.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  const prefixed = known.filter((name) => name.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.min(3, Math.max(1, Math.floor(lower.replace(/^-+/, '').length / 3)));
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** " (did you mean --format?)", or "" when nothing is close. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const name = closestName(typed, known);
  return name === undefined ? '' : ` (did you mean ${name}?)`;
}
