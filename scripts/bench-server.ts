/**
 * npm run bench:server -- [--objects 85000] [--deliveries 4] [--interval 25] [--source memory|disk]
 *
 * Is the App's server responsive while it parses? Starts the real HTTP server (createSyncstageServer: /healthz and
 * the webhook middleware, a throwaway key) and, in the same process, runs N export analyses at once on a generated
 * UTF-8 export (default 85,000 objects, ~100 MB), as N pull-request deliveries would, while a client asks
 * GET /healthz every `interval` ms on a keep-alive connection. Prints the /healthz latency (p50, p99, max) during
 * the parses (and for 3 s before them, idle, as the machine's baseline), and the parse time.
 * `--source memory` (the default) hands each parse the file as 64 KiB chunks already in memory, as a blob body
 * received faster than it is parsed: nothing but the reader itself gives the event loop a turn. `--source disk`
 * reads the file (each 64 KiB read is a callback, a turn of the event loop anyway). Goal: p99 < 200 ms with 4 deliveries.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/clock.js';
import { analyzeExportStream } from '../src/exports/analyze.js';
import { createSyncstageServer } from '../src/server/http.js';
import { writeCsExport } from './generate.js';

const USAGE = `Usage: npm run bench:server -- [--objects N] [--deliveries N] [--interval MS] [--source memory|disk]
  --objects     objects in the generated export each delivery parses (default 85000, ~100 MB)
  --deliveries  parses running at once (default 4)
  --interval    milliseconds between /healthz requests (default 25)
  --source      memory: the file's 64 KiB chunks already in memory, as a received blob body (default); disk: read
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { objects: { type: 'string', default: '85000' }, deliveries: { type: 'string', default: '4' }, interval: { type: 'string', default: '25' }, source: { type: 'string', default: 'memory' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const objects = Number(values.objects);
  const deliveries = Number(values.deliveries);
  const interval = Number(values.interval);
  if (![objects, deliveries, interval].every((n) => Number.isSafeInteger(n) && n > 0) || !['memory', 'disk'].includes(values.source)) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const dir = path.resolve(import.meta.dirname, '..', '.bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `exports-${objects}-objects.xml`);
  if (!existsSync(file)) {
    console.log(`generating ${file} ...`);
    await writeCsExport(`${file}.partial`, { objects, seed: 42, oversizedEvery: 5000 });
    renameSync(`${file}.partial`, file);
  }

  const chunks: Buffer[] = [];
  if (values.source === 'memory') for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) chunks.push(chunk as Buffer);
  const open = () => (values.source === 'memory' ? Readable.from(chunks) : createReadStream(file, { highWaterMark: 64 * 1024 }));

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const { server } = await createSyncstageServer(() => {}, { appId: 1, privateKey, webhookSecret: 'bench', port: 0, host: '127.0.0.1', baseUrl: 'http://127.0.0.1:9', logLevel: 'fatal', logFormat: 'json', clock: systemClock });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const health = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      get({ host: '127.0.0.1', port, path: '/healthz', agent }, (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`/healthz answered ${response.statusCode}`))));
      }).on('error', reject);
    });
  await health(); // warm the connection

  // The same probing with nothing parsing first: on a shared machine the baseline is not 0 ms.
  const idle: number[] = [];
  for (const until = performance.now() + 3000; performance.now() < until; ) {
    idle.push(await health());
    await new Promise((resolve) => setTimeout(resolve, interval));
  }

  const latencies: number[] = [];
  const started = performance.now();
  let parsing = true;
  const prober = (async () => {
    while (parsing) {
      const at = performance.now();
      latencies.push(await health());
      if (process.env.BENCH_DEBUG && (latencies.at(-1) ?? 0) > 100) console.log(`slow /healthz at ${(at - started).toFixed(0)} ms: ${latencies.at(-1)?.toFixed(0)} ms`);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  })();
  await Promise.all(Array.from({ length: deliveries }, (_, i) => analyzeExportStream(open(), `delivery-${i}.xml`, 'contoso.onmicrosoft.com - AAD')));
  const seconds = (performance.now() - started) / 1000;
  parsing = false;
  await prober;
  agent.destroy();
  server.close();

  const idleSorted = [...idle].sort((a, b) => a - b);
  console.log(`/healthz every ${interval} ms for 3 s with nothing parsing: ${idle.length} requests, p50 ${percentile(idleSorted, 50).toFixed(1)} ms, p99 ${percentile(idleSorted, 99).toFixed(1)} ms`);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`node ${process.version}: ${deliveries} parses of ${file} (${values.source}) at once took ${seconds.toFixed(1)} s`);
  console.log(`/healthz every ${interval} ms meanwhile: ${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms (goal p99 < 200 ms: ${percentile(sorted, 99) < 200 ? 'met' : 'MISSED'})`);
}

await main();
