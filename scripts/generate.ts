/**
 * npm run generate -- --objects N [--seed S] [--connector entra|ad] [--utf16] [--gzip] [--out FILE] [--oversized-every N]
 * Writes a synthetic csexport /f:x file, streaming (any size), and prints the counts a parser must find (JSON).
 * Without --out the file goes to stdout and the counts to stderr. `--help` prints the usage.
 *
 * Pair mode (the switch impact, docs/switch-impact.md):
 * npm run generate -- --objects N [--seed S] --out STAGING.xml --active-out ACTIVE.xml
 *                     [--base-staging-out FILE --base-active-out FILE] [--oversized-every N] [--utf16] [--gzip]
 * writes both servers' exports of one simulated tenant (STAGING.xml is what the single mode writes for the same
 * options) and prints the truth of every class (JSON).
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { emptyCounts, generateCsExport, type GeneratedCounts, type GeneratorOptions } from './lib/csexport-generator.js';
import { emptyTruth, generateCsExportPair, type PairOptions, type PairTruth } from './lib/csexport-pair-generator.js';

export interface WriteOptions extends GeneratorOptions {
  utf16?: boolean;
  gzip?: boolean;
}

function write(stream: Writable, data: Buffer): Promise<void> {
  return stream.write(data) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
}

/**
 * A file as the generator writes it: UTF-8, or UTF-16LE with a byte-order mark (the declaration then says so), and
 * gzipped when asked. The single and the pair mode write through it, so both honour --utf16 and --gzip.
 */
class EncodedSink {
  private readonly file: Writable;
  private readonly sink: Writable;
  /** A path opened here, or a stream gzipped into, is ended here; a stream handed in as is (stdout) is not. */
  private readonly ownsEnd: boolean;
  private first = true;

  constructor(
    out: string | Writable,
    private readonly options: { utf16?: boolean; gzip?: boolean },
  ) {
    this.file = typeof out === 'string' ? createWriteStream(out) : out;
    const gzip = options.gzip ? createGzip() : undefined;
    if (gzip) gzip.pipe(this.file);
    this.sink = gzip ?? this.file;
    this.ownsEnd = typeof out === 'string' || gzip !== undefined;
  }

  async write(text: string): Promise<void> {
    let chunk = text;
    if (this.options.utf16) {
      if (this.first) chunk = chunk.replace('encoding="utf-8"', 'encoding="utf-16"');
      await write(this.sink, Buffer.concat(this.first ? [Buffer.from([0xff, 0xfe]), Buffer.from(chunk, 'utf16le')] : [Buffer.from(chunk, 'utf16le')]));
    } else {
      await write(this.sink, Buffer.from(chunk, 'utf8'));
    }
    this.first = false;
  }

  /** Ends the file (not a stream handed in, such as stdout, unless it was gzipped into). */
  async end(): Promise<void> {
    if (!this.ownsEnd) return;
    await new Promise<void>((resolve, reject) => {
      this.file.once('finish', resolve).once('error', reject);
      this.sink.end();
    });
  }
}

/** Streams a generated file to `out` (a path), returning the expected counts. */
export async function writeCsExport(out: string | Writable, options: WriteOptions): Promise<GeneratedCounts> {
  const file = new EncodedSink(out, options);
  const counts = emptyCounts();
  for (const chunk of generateCsExport(options, counts)) await file.write(chunk);
  await file.end();
  return counts;
}

const USAGE = `Usage: npm run generate -- [--objects N] [--seed S] [--connector entra|ad] [--utf16] [--gzip] [--out FILE] [--oversized-every N]
       npm run generate -- [--objects N] [--seed S] --out STAGING.xml --active-out ACTIVE.xml [--base-staging-out F --base-active-out F]
                           [--utf16] [--gzip] [--connector entra|ad] [--oversized-every N]

Writes a synthetic csexport /f:x file (streaming, any size) and prints the counts a parser must find, as JSON.
  --objects N          cs-objects to write (default 1000; about 1.2 KB each)
  --seed S             seed of the deterministic generator (default 1)
  --utf16              UTF-16LE with a byte-order mark instead of UTF-8
  --gzip               gzip the output
  --out FILE           write to FILE and the counts to stdout (default: the file to stdout, the counts to stderr)
  --oversized-every N  one value over 64 KiB every N objects (default 0: none)
  --connector K        entra (CN={hex} DNs, the default) or ad (AD distinguished names)
  --active-out FILE    pair mode: also write the active server's exports of the same tenant (needs --out)
  --base-staging-out F, --base-active-out F
                       pair mode: earlier snapshots of both servers too (persistent vs new exports); both or
                       neither, and only with --active-out
In pair mode --utf16 and --gzip apply to every file written.
  --help               print this help
`;

/** A whole number >= 0 from an option, or a usage error naming it. */
function count(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  return value;
}

class UsageError extends Error {}

export interface PairPaths {
  staging: string;
  active: string;
  baseStaging?: string;
  baseActive?: string;
}

/**
 * Streams a consistent pair (and the base snapshots when both paths are given), returning the truth of every class.
 * Every file goes through the same encoder as the single mode (`utf16`, `gzip`).
 */
export async function writeCsExportPair(paths: PairPaths, options: PairOptions & { utf16?: boolean; gzip?: boolean }): Promise<PairTruth> {
  if ((paths.baseStaging === undefined) !== (paths.baseActive === undefined)) throw new UsageError(BASE_TOGETHER);
  const base = paths.baseStaging !== undefined && paths.baseActive !== undefined;
  const encoding = { utf16: options.utf16, gzip: options.gzip };
  const files = {
    staging: new EncodedSink(paths.staging, encoding),
    active: new EncodedSink(paths.active, encoding),
    baseStaging: base ? new EncodedSink(paths.baseStaging as string, encoding) : undefined,
    baseActive: base ? new EncodedSink(paths.baseActive as string, encoding) : undefined,
  };
  const truth = emptyTruth();
  for (const chunk of generateCsExportPair({ ...options, base }, truth)) {
    await files.staging.write(chunk.staging);
    await files.active.write(chunk.active);
    if (files.baseStaging) await files.baseStaging.write(chunk.baseStaging);
    if (files.baseActive) await files.baseActive.write(chunk.baseActive);
  }
  for (const file of Object.values(files)) if (file) await file.end();
  return truth;
}

const BASE_TOGETHER = '--base-staging-out and --base-active-out go together (the base snapshots of both servers)';

function connectorOption(value: string): 'entra' | 'ad' {
  if (value !== 'entra' && value !== 'ad') throw new UsageError(`--connector: expected entra or ad, got "${value}"`);
  return value;
}

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
      'active-out': { type: 'string' },
      'base-staging-out': { type: 'string' },
      'base-active-out': { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const baseOut = values['base-staging-out'] !== undefined || values['base-active-out'] !== undefined;
  if (baseOut && values['active-out'] === undefined) throw new UsageError('--base-staging-out and --base-active-out are pair mode: they need --active-out (and --out)');
  if (values['active-out'] !== undefined) {
    if (values.out === undefined) throw new UsageError('--active-out needs --out (the staging file)');
    if ((values['base-staging-out'] === undefined) !== (values['base-active-out'] === undefined)) throw new UsageError(BASE_TOGETHER);
    const truth = await writeCsExportPair(
      { staging: values.out, active: values['active-out'], baseStaging: values['base-staging-out'], baseActive: values['base-active-out'] },
      {
        objects: count('objects', values.objects),
        seed: count('seed', values.seed),
        oversizedEvery: count('oversized-every', values['oversized-every']),
        connector: connectorOption(values.connector),
        utf16: values.utf16,
        gzip: values.gzip,
      },
    );
    const { staging: _counts, ...classes } = truth;
    process.stdout.write(`${JSON.stringify(classes, null, 2)}\n`);
    return;
  }
  const options: WriteOptions = {
    objects: count('objects', values.objects),
    seed: count('seed', values.seed),
    utf16: values.utf16,
    gzip: values.gzip,
    oversizedEvery: count('oversized-every', values['oversized-every']),
  };
  options.connector = connectorOption(values.connector);
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
