/** A local stand-in for the GitHub REST API (GitHub Enterprise Server layout: /api/v3), recording every request. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export type Route = (request: ReceivedRequest) => { status: number; body?: unknown } | undefined;

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
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
      const received: ReceivedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', authorization: request.headers.authorization, body: await readBody(request) };
      this.received.push(received);
      const answer = this.#routes.map((route) => route(received)).find((result) => result !== undefined) ?? { status: 404, body: { message: 'Not Found' } };
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
}
