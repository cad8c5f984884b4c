import { Readable } from 'node:stream';
import { InputError } from '../../src/errors.js';
import type { FileSource } from '../../src/files/source.js';

/** A FileSource over strings: path -> content. */
export function memorySource(files: Record<string, string>, chunkSize = 4096): FileSource {
  return {
    list: async (pattern) => (pattern in files ? [pattern] : []),
    children: async (dir) =>
      Object.keys(files)
        .filter((path) => path.startsWith(`${dir}/`) && !path.slice(dir.length + 1).includes('/'))
        .map((path) => ({ name: path.slice(dir.length + 1), kind: 'file' as const })),
    kind: async (path) => (path in files ? 'file' : undefined),
    open: async (path) => {
      const text = files[path];
      if (text === undefined) throw new InputError(path, 'no such file');
      const bytes = Buffer.from(text, 'utf8');
      const parts: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += chunkSize) parts.push(bytes.subarray(i, i + chunkSize));
      return Readable.from(parts);
    },
    readText: async (path) => files[path] ?? '',
    describe: (path) => path,
  };
}
