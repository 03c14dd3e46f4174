import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Handles one request on one path; it must always answer. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** What one client may take of the server: no request may hold it for long or fill its memory. */
export interface HttpLimits {
  /** A request whose headers have not all arrived by then is answered 408 and closed. */
  headersTimeoutMs: number;
  /** A request (headers and body) not all received by then is answered 408 and closed. */
  requestTimeoutMs: number;
  /** How often the two timeouts above are checked. */
  timeoutCheckMs: number;
  /** Connections past this many are closed as they open. */
  maxConnections: number;
  /** An idle kept-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
}

export const HTTP_LIMITS = {
  headersTimeoutMs: 5_000, // ms
  requestTimeoutMs: 10_000, // ms
  timeoutCheckMs: 1_000, // ms: Node's default, 30 s, would let a slow client hold a connection that long
  maxConnections: 1_000,
  // Longer than a load balancer's idle timeout (60 s on AWS's ALB, the usual default): the balancer then
  // always closes first, and never reuses a connection the server is closing at that moment (Node's default,
  // 5 s, answers some requests behind a balancer with a reset, seen as 502s).
  keepAliveTimeoutMs: 65_000, // ms
} as const satisfies HttpLimits;

/** The largest request body read; a larger one is answered 413 (Slack's and Discord's payloads are far smaller). */
export const BODY_LIMIT = 1_048_576; // bytes

export interface HttpOptions {
  port: number;
  host?: string;
  /** Exact paths (without query string) to handlers, e.g. `POST /discord/interactions` is `'/discord/interactions'`. */
  routes: Record<string, RouteHandler>;
  onError: (error: unknown, request: IncomingMessage) => void;
  /** Tests shorten these; the defaults suit a bot behind a load balancer. */
  limits?: Partial<HttpLimits>;
}

export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** One HTTP server on PORT for every platform endpoint and for operations. */
export async function startHttpServer(options: HttpOptions): Promise<HttpServer> {
  const limits: HttpLimits = { ...HTTP_LIMITS, ...options.limits };
  const timeouts = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  };
  const server = createServer(timeouts, (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const handler = options.routes[path];
    if (!handler) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    Promise.resolve()
      .then(() => handler(request, response))
      .catch((error: unknown) => {
        options.onError(error, request);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.end();
      });
  });
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** A request header's value (the first, when it was sent more than once). */
export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export type BodyRead = { ok: true; body: Buffer } | { ok: false; problem: 'too large' | 'aborted' };

/**
 * Reads the whole body as bytes (signatures are checked over the raw body), up to `limit`. A body declared
 * larger is refused before a byte of it is read; one that grows larger is refused as soon as it does.
 */
export async function readBody(request: IncomingMessage, limit: number = BODY_LIMIT): Promise<BodyRead> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return { ok: false, problem: 'too large' };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > limit) return { ok: false, problem: 'too large' };
      chunks.push(chunk as Buffer);
    }
  } catch {
    // The client went away mid-body ('aborted', ECONNRESET): there is no one left to answer.
    return { ok: false, problem: 'aborted' };
  }
  return { ok: true, body: Buffer.concat(chunks) };
}

/**
 * The request's body, or null once the request is dealt with: 413 for a body over the limit (and the
 * connection closed, so the rest is never read), one debug line for a client that left mid-body.
 */
export async function bodyOf(
  request: IncomingMessage,
  response: ServerResponse,
  log: Logger,
  limit: number = BODY_LIMIT,
): Promise<Buffer | null> {
  const read = await readBody(request, limit);
  if (read.ok) return read.body;
  if (read.problem === 'aborted') {
    log.debug({ path: request.url }, 'the client closed the connection before its request body arrived');
    return null;
  }
  response.setHeader('connection', 'close');
  sendJson(response, 413, { error: `body over ${limit} bytes` });
  return null;
}
