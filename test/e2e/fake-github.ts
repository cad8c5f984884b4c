/**
 * A local stand-in for api.github.com, for running dist/index.js as a child process (nock cannot reach into another
 * process). It records every request and answers the routes the Action uses: the PR's head, issue comments (list,
 * create, edit, delete), GraphQL `viewer` and isMinimized, commit statuses, and git trees/blobs served from a folder
 * on disk.
 * As GitHub does, it knows who each token is: a comment is written by the token's login, and `viewer` answers it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gitBlobSha } from './fake-github-app.js';

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
  authorization?: string;
}

export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: string };
  created_at: string;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments = new Map<number, FakeComment[]>();
  readonly statuses: { sha: string; body: any }[] = [];
  #server: Server | undefined;
  #nextId = 1000;
  #blobs = new Map<string, string>();

  /** Files the pull request changes (GET /pulls/:n/files): the gate judges the runbooks among them. */
  changedFiles: string[] = [];

  /** Open pull requests (GET /pulls?state=open&head=owner:branch): `head.label` is `owner:branch`, as GitHub writes it. */
  openPulls: { number: number; head: { sha: string; ref: string; label: string }; base: { sha: string; ref: string } }[] = [];

  /** Token -> login, as GitHub knows them: GITHUB_TOKEN is github-actions[bot], an App's installation token `<slug>[bot]`. */
  readonly identities = new Map<string, string>([['ghs_e2eToken', 'github-actions[bot]']]);

  /**
   * @param trees commit SHA -> folder whose files make that commit's tree
   * @param pullHead the head SHA GET /pulls/:n answers (the PR's head now; a push moves it); 404 when unset
   */
  constructor(
    readonly trees: Record<string, string> = {},
    public pullHead?: string,
  ) {}

  /** GraphQL `viewer` questions received (who is this token?). */
  viewerQueries(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/graphql' && /\bviewer\b/.test(String(r.body?.query)));
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  /** The blob ids fetched (GET git/blobs/:sha), in order: each at most once per event is the goal (issue 12). */
  blobFetches(): string[] {
    return this.requests.flatMap((r) => /\/git\/blobs\/([0-9a-f]+)$/.exec(r.path.split('?')[0]!)?.slice(1) ?? []);
  }

  /** Requests other than GraphQL and trees/blobs: the writes and reads a test asserts on. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, body, authorization: req.headers.authorization });
    const send = (status: number, data: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof data === 'string' && type !== 'application/json' ? data : JSON.stringify(data));
    };
    const route = `${req.method} ${url.pathname}`;
    const login = this.identities.get((req.headers.authorization ?? '').replace(/^(token|bearer) /i, ''));
    if (!login) return send(401, { message: 'Bad credentials' });
    let match: RegExpExecArray | null;
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(route))) {
      return send(200, this.comments.get(Number(match[1])) ?? []);
    }
    if ((match = /^POST \/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(route))) {
      const id = this.#nextId++;
      const created: FakeComment = { id, node_id: `IC_${id}`, body: body.body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }, created_at: new Date().toISOString() };
      const list = this.comments.get(Number(match[1])) ?? [];
      list.push(created);
      this.comments.set(Number(match[1]), list);
      return send(201, created);
    }
    if ((match = /^(PATCH|DELETE) \/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(route))) {
      const id = Number(match[2]);
      for (const list of this.comments.values()) {
        const index = list.findIndex((c) => c.id === id);
        if (index < 0) continue;
        if (match[1] === 'DELETE') {
          list.splice(index, 1);
          res.writeHead(204).end();
          return;
        }
        list[index]!.body = body.body;
        return send(200, list[index]);
      }
      return send(404, { message: 'Not Found' });
    }
    if (/^GET \/repos\/[^/]+\/[^/]+\/pulls$/.test(route)) {
      const head = url.searchParams.get('head');
      return send(200, url.searchParams.get('state') === 'open' ? this.openPulls.filter((pull) => head === null || pull.head.label === head) : []);
    }
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(route))) {
      if (!this.pullHead) return send(404, { message: 'Not Found' });
      return send(200, { number: Number(match[1]), state: 'open', head: { sha: this.pullHead } });
    }
    if (/^GET \/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/.test(route)) {
      return send(200, this.changedFiles.map((filename) => ({ filename, status: 'modified' })));
    }
    if (route === 'POST /graphql' && /\bviewer\s*\{\s*login\s*\}/.test(String(body?.query))) {
      return send(200, { data: { viewer: { login } } });
    }
    if (route === 'POST /graphql') {
      return send(200, { data: { nodes: (body.variables.ids as string[]).map((id) => ({ id, isMinimized: false })) } });
    }
    if ((match = /^POST \/repos\/[^/]+\/[^/]+\/statuses\/([0-9a-f]+)$/.exec(route))) {
      this.statuses.push({ sha: match[1]!, body });
      return send(201, { id: 1, ...body });
    }
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/git\/trees\/([0-9a-f]+)$/.exec(route))) {
      const folder = this.trees[match[1]!];
      if (!folder) return send(404, { message: 'Not Found' });
      return send(200, { sha: match[1], truncated: false, tree: this.#tree(folder) });
    }
    if ((match = /^GET \/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]+)$/.exec(route))) {
      const file = this.#blobs.get(match[1]!);
      if (!file) return send(404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw' });
      res.end(readFileSync(file));
      return;
    }
    send(404, { message: `fake GitHub has no route for ${route}` });
  }

  #tree(root: string): { path: string; type: string; sha: string; size?: number }[] {
    const entries: { path: string; type: string; sha: string; size?: number }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const full = path.join(dir, name);
        const rel = path.relative(root, full).split(path.sep).join('/');
        if (statSync(full).isDirectory()) {
          entries.push({ path: rel, type: 'tree', sha: createHash('sha1').update(`tree ${rel}`).digest('hex') });
          walk(full);
        } else {
          // Content-addressed, as git names blobs: the same bytes at two commits are one blob.
          const sha = gitBlobSha(readFileSync(full));
          this.#blobs.set(sha, full);
          entries.push({ path: rel, type: 'blob', sha, size: statSync(full).size });
        }
      }
    };
    walk(root);
    return entries;
  }
}
