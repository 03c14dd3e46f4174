import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-gateway.ts';
import { APP_ID, sentMessage, snowflake } from './payloads.ts';

/** One request the fake received, with the /api/v10 prefix taken off its path. */
export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the bot sent
  body: any;
  /** The files of a multipart request (its JSON is `body`, from `payload_json`). */
  files: UploadedFile[];
}

/** A file part of a multipart request, as Discord reads it. */
export interface UploadedFile {
  field: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

type Override = { status: number; body?: unknown };

const API_PREFIX = '/api/v10';

/**
 * Discord's REST API and gateway on 127.0.0.1: records every call and answers as Discord would (a created
 * message gets an id, a DM channel is opened, an interaction callback gets 204).
 */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  /** Channel messages created: a resend deduplicated by its nonce is not counted again. */
  readonly created: ReturnType<typeof message>[] = [];
  readonly #byNonce = new Map<string, ReturnType<typeof message>>();
  readonly rateLimitedCalls: RecordedCall[] = [];
  #rateLimit: { path: RegExp; retryAfter: number; seen: Set<string> } | null = null;
  readonly #holds = new Map<string, { create: boolean; arrived: (call: RecordedCall) => void }>();
  readonly gateway = new FakeGateway(APP_ID);
  readonly #overrides: { method: string; path: RegExp; reply: Override }[] = [];
  readonly #waiters: { match: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  /** The fake CDN: uploaded attachments by path, served on the same loopback port. */
  readonly #files = new Map<string, Uint8Array>();
  #server: Server | null = null;
  #port = 0;

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const [rawPath = '', query = ''] = (request.url ?? '').split('?');
        const fullPath = decodeURIComponent(rawPath);
        const read = await readBody(Buffer.concat(chunks), request.headers['content-type']);
        const call: RecordedCall = {
          method: request.method ?? 'GET',
          path: fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) : fullPath,
          query,
          headers: request.headers,
          body: read.body,
          files: read.files,
        };
        const attachment = call.method === 'GET' ? this.#files.get(call.path) : undefined;
        if (attachment) {
          this.calls.push(call);
          response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(attachment);
          return;
        }
        const hold = this.#holds.get(call.path);
        if (hold && call.method === 'POST') {
          // The platform took the request (and maybe created the message) but the sender never hears back.
          this.#holds.delete(call.path);
          if (hold.create) this.#answer(call);
          this.calls.push(call);
          hold.arrived(call);
          return;
        }
        const limited = this.#rateLimited(call);
        if (limited) {
          this.calls.push(call);
          this.rateLimitedCalls.push(call);
          response
            .writeHead(429, {
              'content-type': 'application/json',
              'retry-after': String(limited),
              'x-ratelimit-scope': 'user',
            })
            .end(
              JSON.stringify({ message: 'You are being rate limited.', retry_after: limited, global: false }),
            );
          return;
        }
        const { status, body } = this.#answer(call);
        this.calls.push(call);
        if (body === undefined) response.writeHead(status).end();
        else response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        for (const waiter of [...this.#waiters]) {
          if (!waiter.match(call)) continue;
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      });
    });
    server.on('upgrade', (request, socket) => this.gateway.upgrade(request, socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
    return this;
  }

  /** What DISCORD_API_URL is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /**
   * The next message posted to the channel gets no answer, as if the sender died mid-request; with
   * `create` the message was created first (died between sending and committing), else it never was.
   * Resolves when that request arrives.
   */
  hold(channelId: string, create: boolean): Promise<RecordedCall> {
    return new Promise((arrived) => this.#holds.set(`/channels/${channelId}/messages`, { create, arrived }));
  }

  /** The first POST to each path matching `path` is answered 429 with `retryAfter` seconds, as Discord does. */
  rateLimitFirst(path: RegExp, retryAfter: number): void {
    this.#rateLimit = { path, retryAfter, seen: new Set() };
  }

  #rateLimited(call: RecordedCall): number | null {
    const limit = this.#rateLimit;
    if (!limit || call.method !== 'POST' || !limit.path.test(call.path) || limit.seen.has(call.path))
      return null;
    limit.seen.add(call.path);
    return limit.retryAfter;
  }

  /** An attachment as Discord's CDN would serve it; returns its URL (loopback, never the internet). */
  serveAttachment(name: string, bytes: Uint8Array): string {
    const path = `/attachments/${snowflake()}/${name}`;
    this.#files.set(path, bytes);
    return `http://127.0.0.1:${this.#port}${path}?ex=1&is=2&hm=3`;
  }

  /** Makes requests matching `method` and `path` get this answer from now on. */
  failWith(method: string, path: RegExp, reply: Override): void {
    this.#overrides.unshift({ method, path, reply });
  }

  /** The first call matching, already made (from the `from`th call on) or still to come. */
  waitFor(match: (call: RecordedCall) => boolean, from = 0): Promise<RecordedCall> {
    const made = this.calls.slice(from).find(match);
    if (made) return Promise.resolve(made);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Calls made so far whose path matches. */
  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && path.test(call.path));
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  #answer(call: RecordedCall): Override {
    const override = this.#overrides.find((o) => o.method === call.method && o.path.test(call.path));
    if (override) return override.reply;
    const { method, path, body } = call;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.#port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (method === 'POST' && path === '/users/@me/channels') {
      return { status: 200, body: { id: `9${body.recipient_id.slice(1)}`, type: 1 } };
    }
    const channelMessage = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (channelMessage && method === 'POST') {
      // Like Discord: a message sent again with the same nonce and enforce_nonce returns the first one.
      const channelId = channelMessage[1] ?? '';
      const key = body?.enforce_nonce && body.nonce ? `${channelId}/${body.nonce}` : null;
      const earlier = key ? this.#byNonce.get(key) : undefined;
      if (earlier) return { status: 200, body: earlier };
      const created = message(snowflake(), channelId, body);
      if (key) this.#byNonce.set(key, created);
      this.created.push(created);
      return { status: 200, body: created };
    }
    if (channelMessage && method === 'PATCH') {
      return { status: 200, body: message(channelMessage[2] ?? snowflake(), channelMessage[1] ?? '', body) };
    }
    if (
      /^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(path) &&
      (method === 'POST' || method === 'PATCH')
    ) {
      return { status: 200, body: message(snowflake(), '0', body) };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return {
        status: 200,
        body: (body as { name: string }[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: APP_ID,
        })),
      };
    }
    return { status: 404, body: { message: 'Unknown route in the fake', code: 0 } };
  }
}

/** JSON, or multipart form data as discord.js sends files: `payload_json` and `files[n]` parts. */
async function readBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (!contentType?.startsWith('multipart/form-data')) {
    const text = raw.toString('utf8');
    return { body: text === '' ? null : JSON.parse(text), files: [] };
  }
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  let body: unknown = null;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      fileName: value.name,
      contentType: value.type,
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, files };
}

function message(id: string, channelId: string, body: Record<string, unknown>) {
  return sentMessage(body, { id, channel: channelId, type: 0 });
}
