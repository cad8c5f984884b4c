/**
 * The id git gives a file's bytes (a blob): SHA-1 of `blob <size>\0` followed by the bytes, what `git hash-object`
 * prints and what GitHub lists in a tree. Equal ids, equal bytes: a file of the checkout whose id is the blob id the
 * API lists at another commit need not be fetched from there.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The id of `size` bytes read from a stream, hashed as they pass (never held whole); undefined when the stream does
 * not hold exactly `size` bytes (a file that changed while it was read has no id, so it is never taken for another).
 */
export async function gitBlobIdOfStream(stream: Readable, size: number): Promise<string | undefined> {
  const hash = createHash('sha1').update(`blob ${size}\0`);
  let read = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    read += bytes.length;
    if (read > size) {
      stream.destroy();
      return undefined;
    }
    hash.update(bytes);
  }
  return read === size ? hash.digest('hex') : undefined;
}
