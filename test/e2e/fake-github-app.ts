/** A local stand-in for the GitHub REST API (GitHub Enterprise Server layout: /api/v3), recording every request. */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
  body?: unknown;
}

/** A JSON answer, or `raw` bytes with their own content type (raw blobs, raw file contents). */
export type Answer = { status: number; body?: unknown; raw?: string | Buffer; contentType?: string };

export type Route = (request: ReceivedRequest) => Answer | undefined;

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class FakeGitHub {
  readonly received: ReceivedRequest[] = [];
  readonly #routes: Route[] = [];
  #server: Server | undefined;

  route(route: Route): void {
    this.#routes.push(route);
  }

  async start(): Promise<string> {
    this.#server = createServer(async (request, response) => {
      const received: ReceivedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', authorization: request.headers.authorization, accept: request.headers.accept, body: await readBody(request) };
      this.received.push(received);
      const answer = this.#routes.map((route) => route(received)).find((result) => result !== undefined) ?? { status: 404, body: { message: 'Not Found' } };
      if (answer.raw !== undefined) {
        response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/octet-stream' }).end(answer.raw);
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  requests(method: string, pathPrefix: string): ReceivedRequest[] {
    return this.received.filter((request) => request.method === method && request.path.startsWith(pathPrefix));
  }

  /** `METHOD /path` of every request, in order (query strings kept). */
  calls(): string[] {
    return this.received.map((request) => `${request.method} ${request.path}`);
  }

  /** Forgets what was received (between tests sharing one server). */
  reset(): void {
    this.received.length = 0;
  }
}

/**
 * A repository's commits served from files: each commit SHA maps to `path -> content`. Trees list every file and
 * folder (`GET /git/trees/:sha?recursive=1`), blobs are addressed by the sha1 of their content as Git does, and
 * answer raw bytes when asked for `application/vnd.github.raw`.
 */
export class FakeRepository {
  readonly #commits = new Map<string, Map<string, Buffer>>();
  readonly #blobs = new Map<string, Buffer>();

  constructor(readonly prefix: string) {}

  commit(sha: string, files: Map<string, Buffer>): void {
    this.#commits.set(sha, files);
    for (const content of files.values()) this.#blobs.set(gitBlobSha(content), content);
  }

  route: Route = (request) => {
    if (request.method !== 'GET') return undefined;
    const url = new URL(request.path, 'http://fake');
    if (!url.pathname.startsWith(`${this.prefix}/git/`)) return undefined;
    const rest = url.pathname.slice(this.prefix.length);
    let match: RegExpExecArray | null;
    if ((match = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest))) {
      const files = this.#commits.get(match[1]!);
      if (!files) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: { sha: match[1], truncated: false, tree: treeEntries(files) } };
    }
    if ((match = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
      const content = this.#blobs.get(match[1]!);
      if (!content) return { status: 404, body: { message: 'Not Found' } };
      if (request.accept?.includes('application/vnd.github.raw')) return { status: 200, raw: content, contentType: 'application/vnd.github.raw' };
      return { status: 200, body: { sha: match[1], size: content.length, encoding: 'base64', content: content.toString('base64') } };
    }
    return undefined;
  };
}

/** The id Git gives a blob: sha1 of `blob <size>\0` and the content. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

function treeEntries(files: Map<string, Buffer>): { path: string; mode: string; type: string; sha: string; size?: number }[] {
  const dirs = new Set<string>();
  for (const file of files.keys()) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const entries = [
    ...[...dirs].map((dir) => ({ path: dir, mode: '040000', type: 'tree', sha: createHash('sha1').update(`tree ${dir}`).digest('hex') })),
    ...[...files].map(([file, content]) => ({ path: file, mode: '100644', type: 'blob', sha: gitBlobSha(content), size: content.length })),
  ];
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
