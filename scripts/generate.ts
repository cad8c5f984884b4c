/**
 * npm run generate -- --objects N [--seed S] [--connector entra|ad] [--utf16] [--gzip] [--out FILE] [--oversized-every N]
 * Writes a synthetic csexport /f:x file, streaming (any size), and prints the counts a parser must find (JSON).
 * Without --out the file goes to stdout and the counts to stderr. `--help` prints the usage.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { emptyCounts, generateCsExport, type GeneratedCounts, type GeneratorOptions } from './lib/csexport-generator.js';

export interface WriteOptions extends GeneratorOptions {
  utf16?: boolean;
  gzip?: boolean;
}

function write(stream: Writable, data: Buffer): Promise<void> {
  return stream.write(data) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
}

/** Streams a generated file to `out` (a path), returning the expected counts. */
export async function writeCsExport(out: string | Writable, options: WriteOptions): Promise<GeneratedCounts> {
  const file = typeof out === 'string' ? createWriteStream(out) : out;
  let sink: Writable = file;
  const gzip = options.gzip ? createGzip() : undefined;
  if (gzip) {
    gzip.pipe(file);
    sink = gzip;
  }
  const counts = emptyCounts();
  let first = true;
  for (let chunk of generateCsExport(options, counts)) {
    if (options.utf16) {
      if (first) chunk = chunk.replace('encoding="utf-8"', 'encoding="utf-16"');
      await write(sink, Buffer.concat(first ? [Buffer.from([0xff, 0xfe]), Buffer.from(chunk, 'utf16le')] : [Buffer.from(chunk, 'utf16le')]));
    } else {
      await write(sink, Buffer.from(chunk, 'utf8'));
    }
    first = false;
  }
  if (typeof out === 'string' || gzip) {
    await new Promise<void>((resolve, reject) => {
      file.once('finish', resolve).once('error', reject);
      sink.end();
    });
  }
  return counts;
}

const USAGE = `Usage: npm run generate -- [--objects N] [--seed S] [--utf16] [--gzip] [--out FILE] [--oversized-every N]

Writes a synthetic csexport /f:x file (streaming, any size) and prints the counts a parser must find, as JSON.
  --objects N          cs-objects to write (default 1000; about 1.2 KB each)
  --seed S             seed of the deterministic generator (default 1)
  --utf16              UTF-16LE with a byte-order mark instead of UTF-8
  --gzip               gzip the output
  --out FILE           write to FILE and the counts to stdout (default: the file to stdout, the counts to stderr)
  --oversized-every N  one value over 64 KiB every N objects (default 0: none)
  --help               print this help
`;

/** A whole number >= 0 from an option, or a usage error naming it. */
function count(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  return value;
}

class UsageError extends Error {}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', default: false },
      objects: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      utf16: { type: 'boolean', default: false },
      gzip: { type: 'boolean', default: false },
      out: { type: 'string' },
      'oversized-every': { type: 'string', default: '0' },
      connector: { type: 'string', default: 'entra' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const options: WriteOptions = {
    objects: count('objects', values.objects),
    seed: count('seed', values.seed),
    utf16: values.utf16,
    gzip: values.gzip,
    oversizedEvery: count('oversized-every', values['oversized-every']),
  };
  if (values.connector !== 'entra' && values.connector !== 'ad') throw new Error(`--connector: expected entra or ad, got "${values.connector}"`);
  options.connector = values.connector;
  const counts = await writeCsExport(values.out ?? process.stdout, options);
  (values.out ? process.stdout : process.stderr).write(`${JSON.stringify(counts, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  try {
    await cli();
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  }
}
