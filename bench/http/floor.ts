/**
 * The floor: a bare node:http server that verifies each request as the bot does (Discord's Ed25519, Slack's
 * v0 HMAC) and answers a fixed message (Slack: 200, then the message to the response_url). No database, no
 * framework. Run as a child process, like the bot: prints its port on stdout.
 *   FLOOR_DISCORD_PUBLIC_KEY=<hex> FLOOR_SLACK_SIGNING_SECRET=<secret> tsx bench/http/floor.ts
 */
import { createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const PROMPT = '00000000-0000-4000-8000-000000000000';
const CARD =
  'Question 1 of the generated deck: what is asked here?\n-# A typed card: answer it, or say you do not know.';
const DISCORD_ANSWER = JSON.stringify({
  type: 4,
  data: {
    content: CARD,
    flags: 64,
    components: [
      {
        type: 1,
        components: [
          { type: 2, style: 1, label: 'Answer', custom_id: `mn:ans:${PROMPT}:-` },
          { type: 2, style: 2, label: "I don't know", custom_id: `mn:idk:${PROMPT}:-` },
          { type: 2, style: 2, label: 'Next card', custom_id: 'mn:next:-' },
        ],
      },
    ],
    allowed_mentions: { parse: [] },
  },
});
const SLACK_ANSWER = JSON.stringify({
  replace_original: true,
  text: CARD,
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: CARD } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'mn:give-up',
          value: JSON.stringify({ promptId: PROMPT, context: { deck: null } }),
        },
        { type: 'button', action_id: 'mn:next', value: JSON.stringify({ deck: null }) },
      ],
    },
  ],
});

const hex = process.env.FLOOR_DISCORD_PUBLIC_KEY ?? '';
const secret = process.env.FLOOR_SLACK_SIGNING_SECRET ?? '';
const discordKey = createPublicKey({
  key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
  format: 'jwk',
});
const outbound = new Agent({ keepAlive: true });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.url === '/discord/interactions') discord(req, res, body);
    else if (req.url === '/slack/events') slack(req, res, body);
    else end(res, 404, '');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.once('SIGTERM', () => process.exit(0));

function discord(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const signature = String(req.headers['x-signature-ed25519'] ?? '');
  const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
  const signed = Buffer.concat([Buffer.from(timestamp), body]);
  const valid = verify(null, signed, discordKey, Buffer.from(signature, 'hex'));
  end(res, valid ? 200 : 401, valid ? DISCORD_ANSWER : '');
}

function slack(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
  const given = Buffer.from(String(req.headers['x-slack-signature'] ?? '').slice(3), 'hex');
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  const fresh = Math.abs(Date.now() / 1_000 - Number(timestamp)) < 300;
  if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    end(res, 401, '');
    return;
  }
  end(res, 200, '');
  const form = new URLSearchParams(body.toString('utf8'));
  const payload = form.get('payload');
  const responseUrl =
    payload === null
      ? form.get('response_url')
      : (JSON.parse(payload) as { response_url: string }).response_url;
  if (!responseUrl) return;
  const sent = request(responseUrl, {
    method: 'POST',
    agent: outbound,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(SLACK_ANSWER) },
  });
  sent.on('response', (response) => response.resume());
  sent.on('error', () => {});
  sent.end(SLACK_ANSWER);
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
