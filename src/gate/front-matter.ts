/**
 * The runbook's YAML front matter: which servers, which snapshot folders, which stage (docs/failover-gate.md).
 * Paths are relative to the repository root (the CLI's working directory, the Action's checkout), so the same
 * runbook reads the same in the CLI, the Action and the App.
 */
import { LineCounter, parseDocument, isMap, visit } from 'yaml';
import { InputError } from '../errors.js';

export type GateStage = 'pre-switch' | 'post-switch';

export interface RunbookServer {
  /** The server's name as MV.xml and the manifest say it (SYNC01). */
  server: string;
  /** Snapshot folder (docs/formats.md §5). */
  snapshot?: string;
}

export interface RunbookFrontMatter {
  stage: GateStage;
  /** The server active before the switch. */
  active: RunbookServer;
  /** The server in staging mode before the switch. */
  staging: RunbookServer & { exports?: string };
  /** Post-switch: snapshots taken after the switch. */
  after?: { oldActive?: string; newActive?: string };
  /** Base-branch staging snapshot, when the PR moves it: the time a rule or scope change first showed. */
  baseStaging?: string;
  maxSnapshotAgeHours?: number;
  maxSyncAgeHours?: number;
}

export interface ParsedFrontMatter {
  frontMatter: RunbookFrontMatter;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** `syncstage: failover` in the front matter marks a runbook explicitly; `active` + `staging` keys do too. */
export const RUNBOOK_MARKER = 'failover';

const KNOWN_KEYS = new Set(['syncstage', 'stage', 'active', 'staging', 'after', 'base-staging', 'max-snapshot-age-hours', 'max-sync-age-hours']);

export function parseFrontMatter(text: string, file: string): ParsedFrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') throw new InputError(file, 'the runbook must start with YAML front matter between "---" lines (see docs/failover-gate.md)', { line: 1, column: 1 });
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end < 0) throw new InputError(file, 'the front matter is not closed by a "---" line', { line: 1, column: 1 });
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number; column: number } => {
    const pos = counter.linePos(offset ?? 0);
    return { line: pos.line + 1, column: pos.col };
  };
  const firstError = doc.errors[0];
  if (firstError) throw new InputError(file, `front matter: ${firstError.message.split('\n')[0]}`, at(firstError.pos[0]));
  if (!isMap(doc.contents)) throw new InputError(file, 'front matter must be a YAML mapping', { line: 2, column: 1 });
  let raw: Record<string, unknown>;
  try {
    // Aliases are resolved by reference, but a YAML "billion laughs" still multiplies what is walked: capped.
    raw = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    let alias: number | undefined;
    visit(doc, {
      Alias(_, node) {
        alias = node.range?.[0];
        return visit.BREAK;
      },
    });
    throw new InputError(file, `front matter: ${(error as Error).message.split('\n')[0]}`, at(alias));
  }
  const fail = (path: (string | number)[], reason: string): never => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const keyOffset = path.length > 0 ? findKeyOffset(doc, path) : undefined;
    // An unknown key is pointed at by its name; a wrong value by the value.
    const offset = reason.startsWith('unknown key') ? (keyOffset ?? node?.range?.[0]) : (node?.range?.[0] ?? keyOffset);
    throw new InputError(file, `front matter: ${path.join('.')}: ${reason}`, at(offset));
  };

  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) fail([key], `unknown key (expected ${[...KNOWN_KEYS].join(', ')})`);
  if (raw.syncstage !== undefined && raw.syncstage !== RUNBOOK_MARKER) fail(['syncstage'], `must be "${RUNBOOK_MARKER}" (it marks the file as a failover runbook)`);
  const stage = raw.stage ?? 'pre-switch';
  if (stage !== 'pre-switch' && stage !== 'post-switch') fail(['stage'], `must be "pre-switch" or "post-switch", got ${JSON.stringify(stage)}`);

  const server = (key: 'active' | 'staging'): RunbookServer & { exports?: string } => {
    const value = raw[key];
    if (value === undefined) return fail([key], 'missing: name the server and its snapshot folder ({server: SYNC01, snapshot: path})');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail([key], 'must be a mapping with server and snapshot');
    const entry = value as Record<string, unknown>;
    for (const field of Object.keys(entry)) if (!['server', 'snapshot', ...(key === 'staging' ? ['exports'] : [])].includes(field)) fail([key, field], 'unknown key');
    const name = entry.server;
    if (typeof name !== 'string' || name.trim() === '') return fail([key, 'server'], 'must be the server name');
    const result: RunbookServer & { exports?: string } = { server: name.trim() };
    const snapshot = optionalPath(entry.snapshot, () => fail([key, 'snapshot'], 'must be a folder path'));
    if (snapshot !== undefined) result.snapshot = snapshot;
    const exports = optionalPath(entry.exports, () => fail([key, 'exports'], 'must be a glob'));
    if (exports !== undefined) result.exports = exports;
    return result;
  };

  const frontMatter: RunbookFrontMatter = { stage: stage as GateStage, active: server('active'), staging: server('staging') };
  if (frontMatter.active.server.toLowerCase() === frontMatter.staging.server.toLowerCase()) fail(['staging', 'server'], 'the staging server must be another server than the active one');
  if (raw.after !== undefined) {
    if (typeof raw.after !== 'object' || raw.after === null || Array.isArray(raw.after)) fail(['after'], 'must be a mapping with old-active and new-active');
    const after = raw.after as Record<string, unknown>;
    for (const field of Object.keys(after)) if (field !== 'old-active' && field !== 'new-active') fail(['after', field], 'unknown key (expected old-active, new-active)');
    frontMatter.after = {};
    const oldActive = optionalPath(after['old-active'], () => fail(['after', 'old-active'], 'must be a folder path'));
    const newActive = optionalPath(after['new-active'], () => fail(['after', 'new-active'], 'must be a folder path'));
    if (oldActive !== undefined) frontMatter.after.oldActive = oldActive;
    if (newActive !== undefined) frontMatter.after.newActive = newActive;
  }
  const base = optionalPath(raw['base-staging'], () => fail(['base-staging'], 'must be a folder path'));
  if (base !== undefined) frontMatter.baseStaging = base;
  for (const [key, field] of [['max-snapshot-age-hours', 'maxSnapshotAgeHours'], ['max-sync-age-hours', 'maxSyncAgeHours']] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) fail([key], 'must be a positive number of hours');
    frontMatter[field] = value as number;
  }
  return { frontMatter, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

function optionalPath(value: unknown, onError: () => never): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') return onError();
  return value.trim().replace(/\\/g, '/');
}

/** Where a key sits, for messages about a missing or wrong value. */
function findKeyOffset(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return (parent as { range?: number[] } | undefined)?.range?.[0];
  const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path[path.length - 1]);
  return (pair?.key as { range?: number[] } | undefined)?.range?.[0] ?? (parent as { range?: number[] }).range?.[0];
}

/**
 * Whether a Markdown file is a failover runbook, so the check can say "no runbook in this PR" about every other
 * file. Loose on purpose: a runbook with a broken front matter is still a runbook (and then fails with its error).
 */
export function isFailoverRunbook(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return false;
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  const head = lines.slice(1, end < 0 ? lines.length : end);
  const key = (name: string): boolean => head.some((line) => new RegExp(`^${name}\\s*:`).test(line));
  return head.some((line) => new RegExp(`^syncstage\\s*:\\s*["']?${RUNBOOK_MARKER}["']?\\s*(#.*)?$`).test(line)) || (key('active') && key('staging'));
}
