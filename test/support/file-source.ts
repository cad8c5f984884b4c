/** The one stand-in for a FileSource where a test needs only some of its methods: typed against the real interface. */
import type { FileSource } from '../../src/files/source.js';

/** A FileSource answering with `stubbed`; any other method rejects, naming itself (a test that reaches it is wrong). */
export function stubSource(stubbed: Partial<FileSource> & Pick<FileSource, 'describe'>): FileSource {
  const notStubbed =
    (method: string) =>
    async (): Promise<never> => {
      throw new Error(`stub source ${stubbed.describe('')}: ${method}() was not stubbed`);
    };
  return { list: notStubbed('list'), children: notStubbed('children'), kind: notStubbed('kind'), open: notStubbed('open'), readText: notStubbed('readText'), ...stubbed } satisfies FileSource;
}
