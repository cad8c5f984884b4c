/**
 * Configuration XML through the project's one XML stack (xml/reader.ts), seen as element paths: the handlers get
 * "partition/filter/containers/exclusions/exclusion" instead of raw SAX events. Subtrees named in `skip` (the
 * DSML `schema` of a connector, up to megabytes) are walked past without their text being copied out or kept.
 *
 * Each text handed to `close` is a copy of its own (retain): a configuration keeps its values past the file, and a
 * slice of the tokenizer's text would keep the whole decoded file (or 64 KiB chunk) alive with it. Without the copies,
 * 2,000 rule files a side kept ~190 MB alive through young-generation collections (promoted, copied twice each):
 * a quarter of drift's CPU was garbage collection.
 */
import { inflationOptions, readXml, type XmlContext } from '../xml/reader.js';
import type { ReadLimits } from '../xml/read-limits.js';
import { retain } from '../xml/retain.js';
import type { FileSource } from '../files/source.js';

export interface PathHandler {
  open?(path: string, attributes: Readonly<Record<string, string>>, context: XmlContext): void;
  close?(path: string, text: string, context: XmlContext): void;
}

/** `limits`: the gzip ceiling (a configuration file may be gzip too); unset, the defaults. */
export async function readXmlPaths(source: FileSource, file: string, root: string, handler: PathHandler, skip: readonly string[] = [], limits?: ReadLimits): Promise<void> {
  const stream = await source.open(file);
  await readXml(
    stream,
    source.describe(file),
    (context) => {
      // The path of each open element below the root ('' for the root), built once when it opens.
      const paths: string[] = [];
      let skipDepth = 0;
      return {
        // Returns false inside a skipped subtree: the tokenizer then checks its text without copying it out.
        open(name, attributes) {
          if (skipDepth > 0) {
            skipDepth += 1;
            return false;
          }
          if (paths.length > 0 && skip.includes(name)) {
            skipDepth = 1;
            return false;
          }
          const parent = paths[paths.length - 1];
          const path = parent === undefined ? '' : parent === '' ? name : `${parent}/${name}`;
          paths.push(path);
          handler.open?.(path, attributes, context);
          return true;
        },
        close(_name, text) {
          if (skipDepth > 0) {
            skipDepth -= 1;
            return;
          }
          handler.close?.(paths.pop() ?? '', retain(text), context);
        },
      };
    },
    { roots: [root], maxTextLength: 256 * 1024, ...inflationOptions(limits) },
  );
}

/** "True"/"true"/"1" as a boolean; anything else false. */
export function parseFlag(value: string | undefined): boolean {
  return value !== undefined && /^(true|1)$/i.test(value.trim());
}
