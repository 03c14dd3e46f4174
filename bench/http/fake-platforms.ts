import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the bench's fake platforms answer: instantly, so that only the bot's own costs are measured. */
export interface FakePlatforms {
  /** DISCORD_API_URL for the bot. */
  discordApiUrl: string;
  /** SLACK_API_URL for the bot. */
  slackApiUrl: string;
  /** A response_url of its own for one Slack request; `posted` resolves with the body posted to it. */
  responseUrl(): { url: string; posted: Promise<unknown> };
  close(): Promise<void>;
}

const RESPONSE_PATH = '/slack/respond/';

/**
 * Discord's REST API, Slack's Web API and Slack's response_url endpoints, on 127.0.0.1, in the load
 * generator's process: Slack's answers to a command or a click arrive here, and end that request's latency.
 */
export async function startFakePlatforms(): Promise<FakePlatforms> {
  const waiting = new Map<string, (body: unknown) => void>();
  let next = 0;
  const server = createServer((request, response) => {
    void answer(request, response, waiting);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    discordApiUrl: `${base}/discord/api`,
    slackApiUrl: `${base}/slack/api/`,
    responseUrl: () => {
      const id = String(next++);
      const posted = new Promise<unknown>((resolve) => waiting.set(id, resolve));
      return { url: `${base}${RESPONSE_PATH}${id}`, posted };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  waiting: Map<string, (body: unknown) => void>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const path = request.url ?? '/';
  if (path.startsWith(RESPONSE_PATH)) {
    const id = path.slice(RESPONSE_PATH.length);
    waiting.get(id)?.(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    waiting.delete(id);
    return send(response, { ok: true });
  }
  if (path.endsWith('/auth.test')) return send(response, { ok: true, team_id: 'T0BENCH', user_id: 'UBOT' });
  if (path.startsWith('/slack/api/')) return send(response, { ok: true });
  // Discord: follow-ups and edits of an interaction's messages (only a deferred answer needs them).
  return send(response, { id: '1', channel_id: '1', content: '' });
}

function send(response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
