/**
 * `.github/syncstage.yml` read from a FileSource (the Action's checkout or a commit through the API), validated
 * against the same schema the App uses, and turned into settings.
 */
import { parse as parseYaml } from 'yaml';
import type { FileSource } from '../files/source.js';
import { ConfigError, parseSyncstageConfig } from './settings-schema.js';
import { configFileToSettings, type SyncstageSettings } from './settings.js';

const MAX_CONFIG_BYTES = 256 * 1024;

export async function loadConfigFile(source: FileSource, path: string): Promise<Partial<SyncstageSettings>> {
  const where = source.describe(path);
  let raw: unknown;
  try {
    // maxAliasCount bounds YAML alias expansion (a "billion laughs" in YAML form).
    raw = parseYaml(await source.readText(path, MAX_CONFIG_BYTES), { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const message = (error as Error).message.split('\n')[0] ?? 'not valid YAML';
    throw new ConfigError(where, message);
  }
  return configFileToSettings(parseSyncstageConfig(raw, where));
}
