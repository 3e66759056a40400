/**
 * The one HTTP server of the playground (`npm start`) and the sidebar harness (`npm run sidebar`,
 * the browser tests): it serves the sidebar page and its `/rpc` bridge to the server code the same
 * way for both, then hands every other request to the caller's routes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type.includes('charset') || Buffer.isBuffer(body) ? type : `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

export const json = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, JSON.stringify(value), 'application/json');

/** The request's body, refused past `limit` bytes with the error `tooLarge` makes. */
export function readBody(
  req: IncomingMessage,
  limit = 12 * 1024 * 1024,
  tooLarge: () => Error = () => new Error('request body too large'),
): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        fail(tooLarge());
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** dist/Sidebar.html with the google.script.run shim (server.ts: withShim). */
  sidebarHtml: string;
  /** Runs one server call for the sidebar; its answer is sent as JSON. */
  rpc: (method: string, args: unknown[]) => unknown;
  /** Every other request; answers 404 itself when it knows none. */
  routes: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;
  /** The `name` of the error a route threw, in the 500 answer. */
  errorName: string;
  onClose?: () => void;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(o: ServeOptions): Promise<Served> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/sidebar') return send(res, 200, o.sidebarHtml, 'text/html');
      if (req.method === 'GET' && url.pathname === '/favicon.ico') return send(res, 204, '', 'text/plain');
      if (req.method === 'POST' && url.pathname === '/rpc') {
        let call: { method?: unknown; args?: unknown };
        try {
          call = JSON.parse((await readBody(req)).toString('utf8'));
        } catch {
          return json(res, 400, { ok: false, error: { name: 'SyntaxError', message: 'body is not JSON' } });
        }
        return json(res, 200, await o.rpc(String(call.method), Array.isArray(call.args) ? call.args : []));
      }
      await o.routes(req, res, url);
    } catch (e) {
      json(res, 500, { ok: false, error: { name: o.errorName, message: (e as Error).message } });
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => {
          o.onClose?.();
          ok();
        });
      }),
  };
}
