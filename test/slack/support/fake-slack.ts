import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the app made to the fake Web API. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
}

/** One reply the app sent to an interaction's response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** A scripted answer: an HTTP status and headers, and the JSON body. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

/** A workspace the fake lets install the app: the code its OAuth redirect carries, and the token it grants. */
export interface FakeWorkspace {
  code: string;
  teamId: string;
  teamName: string;
  token: string;
  botUserId: string;
  installerId: string;
  /** Set for an Enterprise Grid org-wide install: Slack then names the org, and no team. */
  enterpriseId?: string;
}

export interface SlackUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  tz?: string;
  /** Told only when the call asks `include_locale`, as Slack does. */
  locale?: string;
}

/**
 * A local fake of Slack's Web API and of response_url endpoints, on 127.0.0.1. It records every call and
 * answers like Slack does; a test can script the next answers of a method.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Files uploaded (files.uploadV2's second step) to the upload URL the fake handed out, by file id. */
  readonly uploads = new Map<string, Buffer>();
  #files = 0;
  /** Files shared with the app (url_private), served only with a bot token, as files.slack.com does. */
  readonly #shared = new Map<string, Buffer>();
  /** Every fetch of a shared file, with the token it came with. */
  readonly fileDownloads: { path: string; token: string | null }[] = [];
  readonly users = new Map<string, SlackUser>();
  /** Workspaces that can install: `oauth.v2.access` exchanges their code, `auth.test` knows their token. */
  readonly workspaces: FakeWorkspace[] = [];
  /** Tokens Slack no longer takes: every call with one is answered `invalid_auth`. */
  readonly revoked = new Set<string>();
  /** Messages posted per conversation, oldest first, as conversations.history returns them (newest first). */
  readonly #history = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  readonly #scripted = new Map<string, FakeReply[]>();
  #ts = 0;
  #server = createServer((request, response) => {
    this.#handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url of this fake; what is posted to it lands in `responses` under `id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** A file a person uploaded; returns it as a file input submits it (its url_private on this fake). */
  shareFile(
    name: string,
    bytes: Uint8Array,
  ): { id: string; name: string; url_private: string; size: number } {
    this.#files += 1;
    const id = `F${String(this.#files).padStart(6, '0')}`;
    const path = `/files-pri/T1-${id}/${name}`;
    this.#shared.set(path, Buffer.from(bytes));
    return { id, name, url_private: `http://127.0.0.1:${this.port}${path}`, size: bytes.length };
  }

  /** The next answers of `method`, in order, before it goes back to answering normally. */
  script(method: string, ...replies: FakeReply[]): void {
    this.#scripted.set(method, [...(this.#scripted.get(method) ?? []), ...replies]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((post) => post.id === id).map((post) => post.body);
  }

  /** Waits (polling briefly) until the fake has seen what `ready` looks for. */
  async until<T>(ready: () => T | undefined | null | false, what = 'the expected call'): Promise<T> {
    for (let tries = 0; tries < 500; tries++) {
      const value = ready();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = request.url ?? '/';
    if (url.startsWith('/upload/')) {
      // Like files.slack.com: the file's bytes (raw, or a multipart file part as the WebClient sends them).
      this.uploads.set(url.slice('/upload/'.length), await uploadedBytes(Buffer.concat(chunks), request));
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('OK - 1');
      return;
    }
    const shared = this.#shared.get(url);
    if (shared) {
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? null;
      this.fileDownloads.push({ path: url, token });
      // Without a bot token Slack answers its login page; the fake says no.
      if (token === null || this.revoked.has(token)) response.writeHead(403).end();
      else response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(shared);
      return;
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (url.startsWith('/respond/')) {
      this.responses.push({ id: url.slice('/respond/'.length), body: JSON.parse(text) });
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseArgs(text, request.headers['content-type']);
    const authorization = request.headers.authorization;
    this.calls.push({ method, args, token: authorization?.replace(/^Bearer /, '') ?? null });
    const token = authorization?.replace(/^Bearer /, '') ?? null;
    const reply =
      token !== null && this.revoked.has(token)
        ? { body: { ok: false, error: 'invalid_auth' } }
        : (this.#scripted.get(method)?.shift() ?? { body: this.#answer(method, args, token) });
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    response.end(JSON.stringify(reply.body));
  }

  #answer(method: string, args: Record<string, unknown>, token: string | null): Record<string, unknown> {
    switch (method) {
      case 'auth.test': {
        const workspace = this.workspaces.find((candidate) => candidate.token === token);
        return workspace
          ? {
              ok: true,
              team_id: workspace.teamId,
              user_id: workspace.botUserId,
              bot_id: `B${workspace.teamId}`,
            }
          : { ok: true, team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      }
      case 'oauth.v2.access': {
        const workspace = this.workspaces.find((candidate) => candidate.code === args.code);
        if (!workspace || !args.client_secret) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          access_token: workspace.token,
          token_type: 'bot',
          scope: 'commands,chat:write,im:write,users:read',
          bot_user_id: workspace.botUserId,
          app_id: 'A0MNEMO',
          ...(workspace.enterpriseId
            ? { team: null, enterprise: { id: workspace.enterpriseId, name: workspace.teamName } }
            : { team: { id: workspace.teamId, name: workspace.teamName }, enterprise: null }),
          is_enterprise_install: workspace.enterpriseId !== undefined,
          authed_user: { id: workspace.installerId },
        };
      }
      case 'chat.postMessage': {
        // A user id as channel posts in the DM with the app.
        const channel = dmOf(String(args.channel));
        const ts = this.#nextTs();
        const posted = [
          ...(this.#history.get(channel) ?? []),
          { ts, text: args.text, metadata: args.metadata },
        ];
        this.#history.set(channel, posted);
        return { ok: true, channel, ts };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: dmOf(String(args.users)) } };
      case 'conversations.history': {
        // Like Slack: newest first, at most `limit`, metadata only when include_all_metadata is set.
        const withMetadata = String(args.include_all_metadata) === 'true';
        const messages = [...(this.#history.get(String(args.channel)) ?? [])]
          .reverse()
          .slice(0, Number(args.limit ?? 100))
          .map(({ metadata, ...message }) => ({
            type: 'message',
            ...message,
            ...(withMetadata && metadata ? { metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case 'files.getUploadURLExternal': {
        this.#files += 1;
        const fileId = `F${String(this.#files).padStart(6, '0')}`;
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (args.files as { id: string; title?: string }[]) ?? [];
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      case 'users.info': {
        const found = this.users.get(String(args.user));
        if (!found) return { ok: false, error: 'user_not_found' };
        const { locale, ...user } = found;
        const told = args.include_locale === true || args.include_locale === 'true';
        return { ok: true, user: told && locale !== undefined ? { ...user, locale } : user };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  #nextTs(): string {
    this.#ts += 1;
    return `1777000000.${String(this.#ts).padStart(6, '0')}`;
  }
}

async function uploadedBytes(raw: Buffer, request: IncomingMessage): Promise<Buffer> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  throw new Error('a multipart upload without a file part');
}

function dmOf(channel: string): string {
  return channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
}

/** The WebClient posts form fields, with objects (blocks, views, metadata) as JSON text. */
function parseArgs(text: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(text || '{}');
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}
