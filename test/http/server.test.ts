import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bodyOf,
  HTTP_LIMITS,
  type HttpLimits,
  type HttpServer,
  sendJson,
  startHttpServer,
} from '../../src/http/server.ts';

let server: HttpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(limits: Partial<HttpLimits>): Promise<HttpServer> {
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    routes: {
      '/ok': (_request, response) => sendJson(response, 200, { ok: true }),
      '/echo': async (request, response) => {
        const body = await bodyOf(request, response, pino({ level: 'silent' }));
        if (body !== null) sendJson(response, 200, { bytes: body.length });
      },
    },
    onError: () => {},
    limits,
  });
  return server;
}

/** A raw connection, and everything the server sends on it until it closes. */
async function open(port: number): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, closed };
}

describe('the HTTP server', () => {
  it('GIVEN a client that never finishes its headers THEN 408 and the connection closed', async () => {
    const { port } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 400, timeoutCheckMs: 50 });
    const { socket, closed } = await open(port);
    socket.write('POST /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('GIVEN a client that sends its body slower than the request timeout THEN 408 and the connection closed', async () => {
    const { port } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 400, timeoutCheckMs: 50 });
    const { socket, closed } = await open(port);
    socket.write('POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{');
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('GIVEN more open connections than the cap THEN the extra one is closed, and the others still served', async () => {
    const { port } = await start({ maxConnections: 2 });
    const first = await open(port);
    const second = await open(port);
    const extra = await open(port);
    expect(await extra.closed).toBe('');
    first.socket.end('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(await first.closed).toMatch(/^HTTP\/1\.1 200/);
    second.socket.destroy();
  });

  it('GIVEN a kept-alive connection idle past the headers timeout THEN its next request is served; idle past the keep-alive timeout THEN closed', async () => {
    const { port } = await start({ headersTimeoutMs: 200, timeoutCheckMs: 50, keepAliveTimeoutMs: 1_500 });
    const { socket, closed } = await open(port);
    const request = 'GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    socket.write(request);
    await new Promise((resolve) => setTimeout(resolve, 600));
    socket.write(request);
    const received = await closed; // the server closes it once it has been idle for 1.5 s
    expect(received.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    expect(received).not.toMatch(/408/);
  });

  it('GIVEN the defaults THEN an idle connection outlives a load balancer’s usual 60 s idle timeout', async () => {
    const { server: node } = await start({});
    expect(node.keepAliveTimeout).toBe(HTTP_LIMITS.keepAliveTimeoutMs);
    expect(HTTP_LIMITS.keepAliveTimeoutMs).toBeGreaterThan(60_000);
  });
});
