/**
 * The JSON view of a PendingExportReport (schemas/exports.schema.json): the same object, with map keys in a fixed
 * order (operations in delta order, other maps by name) so two runs over the same files give the same bytes.
 */
import { DELTA_OPERATIONS, type OperationCounts, type PendingExportReport, type PendingExportSummary } from '../exports/types.js';

function sortedKeys<T>(map: Record<string, T>, value: (item: T) => T = (item) => item): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map).sort()) out[key] = value(map[key] as T);
  return out;
}

function operations(counts: OperationCounts): OperationCounts {
  const out: OperationCounts = {};
  for (const operation of DELTA_OPERATIONS) if (counts[operation] !== undefined) out[operation] = counts[operation];
  return out;
}

function stableSummary(summary: PendingExportSummary): PendingExportSummary {
  return {
    ...summary,
    operations: operations(summary.operations),
    objectTypes: sortedKeys(summary.objectTypes, operations),
    attributes: sortedKeys(summary.attributes),
    multiValued: sortedKeys(summary.multiValued),
    errors: sortedKeys(summary.errors),
  };
}

export function exportsJsonValue(report: PendingExportReport): PendingExportReport {
  return { ...stableSummary(report), connectors: report.connectors.map(stableSummary) };
}

export function renderExportsJson(report: PendingExportReport): string {
  return [...exportsJsonChunks(report)].join('');
}

/**
 * The same bytes as JSON.stringify(exportsJsonValue(report), null, 2) + "\n", one key of the total and of each
 * connector at a time: `exports --format json` lists up to 5,000 objects per list, and one string of the whole
 * report (the lists twice: in the total and in each connector) cost over a hundred megabytes at once.
 */
export function* exportsJsonChunks(report: PendingExportReport): Generator<string> {
  yield* objectChunks(exportsJsonValue(report) as unknown as Record<string, unknown>, 0, '\n');
}

/**
 * An object's JSON at `depth`, key by key; the connectors array element by element, each element key by key. Each
 * value is yielded apart from its key: writing a 5 MB list joined to its key would copy it once more.
 */
function* objectChunks(value: Record<string, unknown>, depth: number, end: string): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) {
    yield `{}${end}`;
    return;
  }
  yield '{\n';
  for (const [index, [key, item]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',\n' : '\n';
    if (depth === 0 && key === 'connectors' && Array.isArray(item) && item.length > 0) {
      yield `${pad}${JSON.stringify(key)}: [\n`;
      for (const [position, connector] of item.entries()) {
        yield `${pad}  `;
        yield* objectChunks(connector as Record<string, unknown>, depth + 2, position < item.length - 1 ? ',\n' : '\n');
      }
      yield `${pad}]${comma}`;
    } else {
      yield `${pad}${JSON.stringify(key)}: `;
      yield indented(item, depth + 1);
      yield comma;
    }
  }
  yield `${'  '.repeat(depth)}}${end}`;
}

/**
 * A value as JSON.stringify(..., 2) writes it `depth` levels down. JSON.stringify indents by nesting, so the value is
 * stringified inside `depth` arrays and the arrays' brackets are cut off: one pass over the output, where replacing
 * every newline of a 5 MB list with a longer one took three (measured: 4x the time of stringifying it).
 */
function indented(item: unknown, depth: number): string {
  let wrapped: unknown = item;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  // Each wrapper opens with "[\n" plus its indentation and closes with "\n", its indentation and "]".
  let cut = 0;
  for (let level = 0; level < depth; level++) cut += 2 * level + 2;
  return json.slice(cut + 2 * depth, json.length - cut);
}
