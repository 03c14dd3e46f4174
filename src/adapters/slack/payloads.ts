import { z } from 'zod';
import { cleanText, TEXT_LIMITS } from '../../core/text/clean-text.ts';

/** The parts of Slack's payloads that Mnemo reads, checked at the edge. Unknown fields are ignored. */

const user = z.object({
  id: z.string().min(1),
  username: z.string().optional(),
  name: z.string().optional(),
});

/** A slash command: form fields. */
export const commandPayload = z.object({
  team_id: z.string().min(1),
  team_domain: z.string().optional(),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  command: z.string(),
  // The text as a person typed it, without control characters and within a sane length.
  text: z
    .string()
    .default('')
    .transform((text) => cleanText(text, TEXT_LIMITS.commandLine)),
  trigger_id: z.string().min(1),
  response_url: z.string().min(1),
});
export type CommandPayload = z.infer<typeof commandPayload>;

/** A click on a button of a message or of the App Home. */
export const blockActionPayload = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string().min(1), domain: z.string().optional() }),
  user,
  trigger_id: z.string().min(1),
  response_url: z.string().optional(),
  container: z
    .object({
      type: z.string(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().optional() }))
    .min(1)
    .max(1),
});

/** Text a person typed into a modal (an answer, a time zone): cleaned here, before anything reads it. */
const typedValue = z
  .string()
  .nullish()
  .transform((value) => (typeof value === 'string' ? cleanText(value, TEXT_LIMITS.answer) : value));

/** A file given to a modal's file input: fetched from `url_private` with the workspace's bot token. */
const sharedFile = z.object({
  name: z.string().default('upload'),
  url_private: z.url(),
  url_private_download: z.url().optional(),
  size: z.number().int().nonnegative().optional(),
});

const inputValue = z.object({
  type: z.string(),
  value: typedValue,
  files: z.array(sharedFile).max(1).nullish(),
  selected_time: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});

/** A modal's submission: its state is block id → action id → value. */
export const viewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string().min(1), domain: z.string().optional() }),
  user,
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputValue)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof viewSubmissionPayload>;

/** `app_home_opened`, wrapped in the Events API envelope. */
export const appHomeOpenedPayload = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('app_home_opened'),
    user: z.string().min(1),
    tab: z.string().optional(),
  }),
});

/** What `users.info` says about a person's rights in the workspace. */
export const userInfoResult = z.object({
  user: z.object({
    id: z.string(),
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
    tz: z.string().optional(),
    locale: z.string().max(16).optional(),
  }),
});

/** `chat.postMessage`'s answer: where the message went (a user id resolves to the DM channel) and its ts. */
export const postedMessage = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/** conversations.history with include_all_metadata: the messages, and the metadata Mnemo put on its own. */
export const postedHistory = z.object({
  messages: z.array(
    z.object({
      ts: z.string().min(1),
      metadata: z
        .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
        .optional(),
    }),
  ),
});

/** conversations.open: the DM's channel id. */
export const openedConversation = z.object({ channel: z.object({ id: z.string().min(1) }) });
