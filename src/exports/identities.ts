/** The identities of every object with a pending export, in file order (the csanalyzer.ps1 view). */
import type { Readable } from 'node:stream';
import { identityOf } from './identity.js';
import { parseCsExport, type ParseOptions } from './parse.js';
import type { ObjectIdentity } from './types.js';

export async function readExportIdentities(
  stream: Readable,
  file: string,
  onIdentity: (identity: ObjectIdentity) => void,
  options: ParseOptions = {},
): Promise<number> {
  let count = 0;
  await parseCsExport(
    stream,
    file,
    (record) => {
      if (!record.pending) return;
      count += 1;
      onIdentity(identityOf(record));
    },
    options,
  );
  return count;
}
