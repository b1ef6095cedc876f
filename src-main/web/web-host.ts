import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { EventName, Events } from '../../shared/contract/events';
import { createDispatcher } from '../core/rpc/dispatcher';
import { allHandlers } from '../core/rpc/all-handlers';
import type { HostContext } from '../core/rpc/host-context';

export interface WebHostOptions {
  host: HostContext;
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the built UI (index.html + assets); omitted → API only. */
  staticDir?: string;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
}

export interface RunningWebHost {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/**
 * Loopback HTTP host for the same RPC contract the Electron shell uses: `POST /rpc/:method`
 * (JSON body = args) and `GET /events` (SSE). Listens on 127.0.0.1 only, and every API request
 * needs the per-run token, a loopback Host header and (when present) a same-origin Origin —
 * so other local pages (DNS rebinding, CSRF) cannot drive the workspace.
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const dispatch = createDispatcher(allHandlers(options.host));
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const broadcast = <E extends EventName>(name: E, payload: Events[E]) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(frame);
  };
  const onProgress = (p: Events['job.progress']) => broadcast('job.progress', p);
  const onFinished = (f: Events['job.finished']) => broadcast('job.finished', f);
  const onChanged = (ids: number[]) => broadcast('workspace.changed', { contactIds: ids });
  options.host.jobs.events.on('progress', onProgress);
  options.host.jobs.events.on('finished', onFinished);
  options.host.ws.events.on('contacts.changed', onChanged);

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const authorised = (req: IncomingMessage, url: URL): boolean => {
    if (!allowedHosts().has(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
      return false;
    const given = (
      req.headers.authorization?.replace(/^Bearer /, '') ??
      url.searchParams.get('token') ??
      ''
    ).trim();
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (url.pathname.startsWith('/rpc/') || url.pathname === '/events') {
      if (!authorised(req, url))
        return sendJson(res, 403, {
          ok: false,
          error: { code: 'web.forbidden', message: 'Missing or wrong token, or foreign Host/Origin.' },
        });
      if (url.pathname === '/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (req.method !== 'POST')
        return sendJson(res, 405, {
          ok: false,
          error: { code: 'web.method', message: 'Use POST for RPC calls.' },
        });
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      readJsonBody(req)
        .then(async (args) => {
          const result = await dispatch(method, args);
          sendJson(res, 200, result);
        })
        .catch((e: Error) =>
          sendJson(res, 400, { ok: false, error: { code: 'web.bad-request', message: e.message } }),
        );
      return;
    }
    serveStatic(options.staticDir, url.pathname, res);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    server,
    close: async () => {
      options.host.jobs.events.off('progress', onProgress);
      options.host.jobs.events.off('finished', onFinished);
      options.host.ws.events.off('contacts.changed', onChanged);
      for (const res of sseClients) res.end();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('Request body too large.'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        ok(text ? JSON.parse(text) : {});
      } catch {
        fail(new Error('Request body is not valid JSON.'));
      }
    });
    req.on('error', fail);
  });
}

/** Serves the built UI; resolves every path inside `root` (no traversal) and falls back to index.html. */
function serveStatic(root: string | undefined, pathname: string, res: ServerResponse): void {
  if (!root || !existsSync(root)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('No UI bundle in this build; the RPC API is available under /rpc.');
    return;
  }
  const base = resolve(root);
  let file = resolve(join(base, decodeURIComponent(pathname)));
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(403);
    res.end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
  });
  createReadStream(file).pipe(res);
}
