/**
 * Settings, resolved once per event by one loader: `.github/syncstage.yml` read through a FileSource at the trusted
 * commit (a pull request's or merge group's base, the default branch for an issue command, the pushed commit for a
 * push), validated against schemas/config.schema.json (src/github/settings-file.ts), under what the runtime gives
 * explicitly (the Action's inputs), over the defaults. A pull request never sets the rules it is judged by.
 */
import { InputError } from '../errors.js';
import type { FileSource } from '../files/source.js';
import type { ReviewDeps } from './deps.js';
import { DEFAULT_CONFIG_PATH } from './inputs.js';
import { mergeSettings, type SyncstageSettings } from './settings.js';

export async function loadSettings(source: FileSource, deps: Pick<ReviewDeps, 'inputs' | 'loadConfig'>): Promise<SyncstageSettings> {
  const { configPath, settings } = deps.inputs;
  const kind = await source.kind(configPath);
  // Only the default path may be absent (no config file: the defaults); a path the workflow names must be there.
  if (kind !== 'file' && configPath !== DEFAULT_CONFIG_PATH) {
    throw new InputError('input "config"', `${source.describe(configPath)} is ${kind === 'dir' ? 'a folder' : 'not there'} (expected the path of the config file in the repository, or leave the input out for ${DEFAULT_CONFIG_PATH})`);
  }
  const fromFile = kind === 'file' ? await deps.loadConfig(source, configPath) : {};
  return mergeSettings(fromFile, settings);
}
