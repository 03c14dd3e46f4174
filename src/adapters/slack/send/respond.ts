import type { SlackMessage } from '../render/blocks.ts';

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
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Slack's response_url answered ${response.status}`);
}
