import type { SlackMessage } from '../render/blocks.ts';
import { postJson } from './post-json.ts';

/**
 * How a reply reaches the person through an interaction's response_url: `replace` swaps the message that held
 * the clicked button (a personal quiz moves on in place); `ephemeral` adds a message only they can see.
 */
export type ReplyMode = 'replace' | 'ephemeral';

export async function respondTo(responseUrl: string, message: SlackMessage, mode: ReplyMode): Promise<void> {
  const body =
    mode === 'replace'
      ? { replace_original: true, ...message }
      : { response_type: 'ephemeral', replace_original: false, ...message };
  const status = await postJson(responseUrl, body, 10_000);
  if (status < 200 || status > 299) throw new Error(`Slack's response_url answered ${status}`);
}
