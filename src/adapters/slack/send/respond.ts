import { postJson } from '../../../http/post-json.ts';
import type { SlackMessage } from '../render/blocks.ts';

/**
 * How a reply reaches the person through an interaction's response_url: `replace` swaps the message that held
 * the clicked button (a personal quiz moves on in place); `ephemeral` adds a message only they can see.
 */
export type ReplyMode = 'replace' | 'ephemeral';

export function respondTo(responseUrl: string, message: SlackMessage, mode: ReplyMode): Promise<void> {
  const how =
    mode === 'replace' ? { replace_original: true } : { response_type: 'ephemeral', replace_original: false };
  return postJson(responseUrl, { ...how, ...message }, "Slack's response_url");
}
