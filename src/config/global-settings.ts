/**
 * GlobalSettings/MV.xml (root <saved-mv-configuration server export-date>, single-quoted attributes) -> the
 * global parameters by name. The metaverse schema inside it is skipped.
 */
import type { ReadLimits } from '../xml/read-limits.js';
import type { FileSource } from '../files/source.js';
import { readXmlPaths } from './xml-paths.js';
import { dict } from '../dict.js';
import { retain } from '../xml/retain.js';

export interface ParsedGlobalSettings {
  server?: string;
  exportDate?: string;
  /** mv-data/version: bumped by every save, per server. */
  version?: string;
  parameters: Record<string, string>;
}

export async function parseGlobalSettings(source: FileSource, file: string, limits?: ReadLimits): Promise<ParsedGlobalSettings> {
  const result: ParsedGlobalSettings = { parameters: dict<string>() };
  let parameterName: string | undefined;
  await readXmlPaths(
    source,
    file,
    'saved-mv-configuration',
    {
      open(path, attributes) {
        if (path === '') {
          result.server = retain(attributes.server || undefined);
          result.exportDate = retain(attributes['export-date'] || undefined);
        } else if (path === 'mv-data/parameter-values/parameter') {
          parameterName = attributes.name;
        }
      },
      close(path, text) {
        if (path === 'mv-data/parameter-values/parameter' && parameterName !== undefined) {
          result.parameters[parameterName] = text.trim();
          parameterName = undefined;
        } else if (path === 'mv-data/version') {
          result.version = text.trim();
        }
      },
    },
    ['schema'],
    limits,
  );
  return result;
}
