import { Agent, request } from 'undici';
import type { SlackMessage } from '../render/blocks.ts';

/**
 * How a reply reaches the person through an interaction's response_url: `replace` swaps the message that held
 * the clicked button (a personal quiz moves on in place); `ephemeral` adds a message only they can see.
 */
export type ReplyMode = 'replace' | 'ephemeral';

const TIMEOUT_MS = 10_000;

/**
 * Connections to Slack stay open between replies. undici's `request`, not fetch (Bolt's `respond`) nor
 * node:http: on every command and click, fetch's streams cost about six times the request itself, and
 * node:http about 15 % more CPU than undici (a local server answering at once, same run).
 */
const responses = new Agent({
  keepAliveTimeout: 30_000,
  headersTimeout: TIMEOUT_MS,
  bodyTimeout: TIMEOUT_MS,
});

export async function respondTo(responseUrl: string, message: SlackMessage, mode: ReplyMode): Promise<void> {
  const body =
    mode === 'replace'
      ? { replace_original: true, ...message }
      : { response_type: 'ephemeral', replace_original: false, ...message };
  const answer = await request(responseUrl, {
    method: 'POST',
    dispatcher: responses,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await answer.body.dump();
  if (answer.statusCode < 200 || answer.statusCode > 299)
    throw new Error(`Slack's response_url answered ${answer.statusCode}`);
}
