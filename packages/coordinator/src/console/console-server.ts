import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { WatchedCertificates } from '@vecshard/proto';
import { type ConsoleDeps, consoleRoutes, httpStatusOf } from './console-api.js';
import { checkConsoleAccess } from './console-auth.js';
import { StaticFiles } from './static-files.js';

export interface ConsoleServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The public API's certificate: with it the console speaks HTTPS only. */
  certificates?: WatchedCertificates;
  deps: ConsoleDeps;
  onError: (error: unknown) => void;
}

export interface ConsoleServer {
  /** http(s)://HOST:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Largest JSON body a console call may send. */
const MAX_BODY_BYTES = 64 * 1024;

/** Serves the console page, its libraries and its JSON API (with its event stream) over HTTP or HTTPS. */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const files = new StaticFiles();
  const routes = consoleRoutes(options.deps);
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    respond(request, response).catch((error) => {
      options.onError(error);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    });
  };
  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://console').pathname;
    securityHeaders(response);
    if (!path.startsWith('/api/')) return serveFile(request, response, path);
    const route = routes.find((r) => r.method === request.method && r.path.test(path));
    if (!route) return sendJson(response, 404, { error: `no console call ${request.method} ${path}` });
    const access = checkConsoleAccess(request, options.deps.keys, route.mirrors);
    if (!access.allowed) return sendJson(response, access.status, { error: access.message });
    if (!route.handle) return options.deps.events.listen(response);
    try {
      const body = request.method === 'POST' ? await readJson(request) : {};
      const params = route.path.exec(path)!.slice(1);
      sendJson(response, 200, await route.handle(params, body, access.holder));
    } catch (error) {
      const status = httpStatusOf(error);
      if (status === 500) options.onError(error);
      sendJson(response, status, { error: (error as Error).message });
    }
  };
  const serveFile = (request: IncomingMessage, response: ServerResponse, path: string) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? files.get(path) : undefined;
    if (!file) return sendJson(response, 404, { error: `not found: ${path}` });
    response.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
      'content-security-policy': files.contentSecurityPolicy,
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
  const server = options.certificates
    ? await httpsServer(options.certificates, handler)
    : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.certificates ? 'https' : 'http';
  return {
    url: `${scheme}://${options.host}:${port}/`,
    port,
    close: () => {
      options.deps.events.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTPS server on the public API's certificate, taking each new one the files are rotated to. */
async function httpsServer(
  certificates: WatchedCertificates,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Server> {
  const server = createHttpsServer({}, handler);
  await new Promise<void>((resolve) => {
    certificates.addIdentityCertificateListener((identity) => {
      if (identity) server.setSecureContext({ cert: identity.certificate, key: identity.privateKey });
      resolve();
    });
  });
  return server;
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('x-frame-options', 'DENY');
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? null);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body too large'), { code: 3 });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    throw Object.assign(new Error('the request body is not JSON'), { code: 3 });
  }
}
