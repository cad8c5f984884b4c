/**
 * `--map A=B` (repeatable) and `--map-file FILE`: the names that differ on purpose between the primary and the
 * staging server, as `drift`, `impact` and `verify` take them. The file's lines win in order, then each --map.
 */
import { parseNameMap } from '../config/name-map.js';
import type { DiskFileSource } from '../files/disk.js';
import { UsageError } from './common.js';
import { sourcePath } from './inputs.js';

/** Name maps are a few lines; a bigger file is not one. */
const MAX_MAP_FILE_BYTES = 1024 * 1024;

export const NAME_MAP_USAGE = `  --map A=B                a name that differs on purpose (primary A is staging B), e.g. contoso.com=contoso-dev.com;
                           repeatable
  --map-file FILE          A=B lines (# comments allowed)`;

export interface NameMapOptions {
  nameMap: Record<string, string>;
  /** Where each mapped name was given (`--map`, `--map-file FILE`), to name it when it matches nothing. */
  givenBy: Record<string, string>;
}

export async function readNameMapOptions(values: { map?: string[]; 'map-file'?: string }, source: DiskFileSource, cwd: string): Promise<NameMapOptions> {
  const nameMap: Record<string, string> = {};
  const givenBy: Record<string, string> = {};
  if (values['map-file'] !== undefined) {
    const file = sourcePath(source, cwd, values['map-file']);
    const fromFile = parseNameMap((await source.readText(file, MAX_MAP_FILE_BYTES)).split(/\r?\n/), source.describe(file));
    Object.assign(nameMap, fromFile);
    for (const name of Object.keys(fromFile)) givenBy[name] = `--map-file ${source.describe(file)}`;
  }
  for (const entry of values.map ?? []) {
    if (!/^[^=]+=.+$/.test(entry.trim())) throw new UsageError(`--map: expected primary-name=staging-name, got "${entry}"`);
    const parsed = parseNameMap([entry], '--map');
    Object.assign(nameMap, parsed);
    for (const name of Object.keys(parsed)) givenBy[name] = '--map';
  }
  return { nameMap, givenBy };
}
