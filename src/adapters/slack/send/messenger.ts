import { type CardMedia, cardFiles } from '../../../chat/card-media.ts';
import type { Attachment } from '../../../chat/reply.ts';
import type {
  DailyQuestion,
  DailyQuestionState,
  Messenger,
  ReminderMessage,
  SentMessage,
} from '../../../core/delivery/ports.ts';
import { MnemoError } from '../../../core/errors.ts';
import type { ChannelPacer } from '../../../http/channel-pacer.ts';
import type { InWorkspace } from '../../../installs/slack/installer.ts';
import { userIdOf } from '../identity.ts';
import { openedConversation, postedHistory, postedMessage } from '../payloads.ts';
import type { SlackMessage } from '../render/blocks.ts';
import { renderDailyQuestion, renderReminder } from '../render/delivery.ts';
import type { SlackApi, WebClient } from './slack-api.ts';

/** Tags Mnemo's delivery posts, so a later look at the channel can tell which delivery a message came from. */
export const DELIVERY_EVENT_TYPE = 'mnemo_delivery';
/** How far back a retry looks for its earlier post: a retry comes a lease (60 s) after the first attempt. */
const RECENT_MESSAGES = 100;

export interface SlackMessengerOptions {
  api: SlackApi;
  pacer: ChannelPacer;
  /** OAuth installs: runs a delivery with its workspace's token. Without it, every call goes out with the one token. */
  inWorkspace?: InWorkspace | undefined;
  /** A question of the day's pictures, sound and formulas, uploaded in its thread. */
  media?: CardMedia | undefined;
}

/** Delivery's surface on Slack: channel questions of the day and DM reminders, paced per channel. */
export class SlackMessenger implements Messenger {
  readonly #api: SlackApi;
  readonly #pacer: ChannelPacer;
  readonly #inWorkspace: InWorkspace;
  readonly #media: CardMedia | undefined;

  constructor(options: SlackMessengerOptions) {
    this.#api = options.api;
    this.#pacer = options.pacer;
    this.#inWorkspace = options.inWorkspace ?? ((_, work) => work());
    this.#media = options.media;
  }

  postDailyQuestion(question: DailyQuestion, idempotencyKey: string, attempt = 1): Promise<SentMessage> {
    return this.#inWorkspace(question.tenantId, async () => {
      const earlier = attempt > 1 ? await this.#findPosted(question.channelId, question.deliveryId) : null;
      if (earlier) return earlier;
      const sent = await this.post(
        question.channelId,
        renderDailyQuestion(question, { answered: 0, revealAnswer: false }),
        deliveryMetadata(question.deliveryId, idempotencyKey),
      );
      // The card's files go in the post's thread; the question is out, so failing to upload them costs only them.
      const files = await cardFiles(this.#media, question.card, 'question');
      await this.#upload(sent.channelId, files, sent.messageId).catch((error: unknown) =>
        this.#media?.onError(error, question.card),
      );
      return sent;
    });
  }

  updateDailyQuestion(question: DailyQuestion, sent: SentMessage, update: DailyQuestionState): Promise<void> {
    return this.#inWorkspace(question.tenantId, async () => {
      const message = renderDailyQuestion(question, update);
      await this.#paced(sent.channelId, 'chat.update', (client) =>
        client.chat.update({ channel: sent.channelId, ts: sent.messageId, ...message }),
      );
    });
  }

  sendReminder(reminder: ReminderMessage, idempotencyKey: string, attempt = 1): Promise<SentMessage> {
    const user = userIdOf(reminder.userExternalId);
    return this.#inWorkspace(reminder.tenantId, async () => {
      const earlier = attempt > 1 ? await this.#findPosted(user, reminder.deliveryId) : null;
      const metadata = deliveryMetadata(reminder.deliveryId, idempotencyKey);
      return earlier ?? this.post(user, renderReminder(reminder), metadata);
    });
  }

  /**
   * Slack has no nonce: before a delivery is posted again, the conversation's latest messages are searched
   * for one carrying its id in metadata (an earlier attempt whose instance died before marking it sent).
   * A look that fails (a workspace that has not granted the *:history scopes, say) is not a reason to keep
   * the question back: it is posted. `channel` may be a user id, for the DM with them.
   */
  async #findPosted(channel: string, deliveryId: number): Promise<SentMessage | null> {
    try {
      const conversation =
        channel.startsWith('U') || channel.startsWith('W') ? await this.#dmWith(channel) : channel;
      const history = await this.#paced(conversation, 'conversations.history', (client) =>
        client.conversations.history({
          channel: conversation,
          limit: RECENT_MESSAGES,
          include_all_metadata: true,
        }),
      );
      const found = postedHistory
        .parse(history)
        .messages.find(
          (message) =>
            message.metadata?.event_type === DELIVERY_EVENT_TYPE &&
            Number(message.metadata.event_payload?.delivery_id) === deliveryId,
        );
      return found ? { messageId: found.ts, channelId: conversation } : null;
    } catch (error) {
      if (error instanceof MnemoError && error.code === 'PLATFORM_UNAUTHORIZED') throw error;
      return null;
    }
  }

  async #dmWith(user: string): Promise<string> {
    const opened = await this.#api.call('conversations.open', (client) =>
      client.conversations.open({ users: user }),
    );
    return openedConversation.parse(opened).channel.id;
  }

  /**
   * Files of a reply (the /stats and /leaderboard pictures), by `files.uploadV2` into the person's DM with
   * Mnemo: the reply itself is ephemeral, and a file shared in the channel would be seen by everyone there.
   */
  async uploadToDm(user: string, files: readonly Attachment[]): Promise<void> {
    if (files.length === 0) return;
    await this.#upload(await this.#dmWith(user), files);
  }

  /** Each file by `files.uploadV2` into the channel (in a thread when `threadTs` is given), with its alt text. */
  async #upload(channel: string, files: readonly Attachment[], threadTs?: string): Promise<void> {
    const where = threadTs ? { channel_id: channel, thread_ts: threadTs } : { channel_id: channel };
    for (const file of files) {
      await this.#paced(channel, 'files.uploadV2', (client) =>
        client.files.uploadV2({
          ...where,
          file: Buffer.from(file.bytes),
          filename: file.name,
          title: file.name,
          alt_text: file.description.slice(0, ALT_TEXT_LIMIT),
        }),
      );
    }
  }

  /** `chat.postMessage`, paced per channel. A user id as channel posts in their DM with Mnemo. */
  async post(
    channel: string,
    message: SlackMessage,
    metadata?: ReturnType<typeof deliveryMetadata>,
  ): Promise<SentMessage> {
    const result = await this.#paced(channel, 'chat.postMessage', (client) =>
      client.chat.postMessage({
        channel,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        ...(metadata ? { metadata } : {}),
      }),
    );
    const posted = postedMessage.parse(result);
    return { messageId: posted.ts, channelId: posted.channel };
  }

  /** A Web API call in `channel`'s pace (a user id: their DM with Mnemo). */
  #paced<T>(channel: string, method: string, call: (client: WebClient) => Promise<T>): Promise<T> {
    return this.#pacer.run(channel, () => this.#api.call(method, call));
  }
}

const ALT_TEXT_LIMIT = 1_000; // characters of a file's alt text Slack keeps

function deliveryMetadata(deliveryId: number, idempotencyKey: string) {
  return {
    event_type: DELIVERY_EVENT_TYPE,
    event_payload: { delivery_id: deliveryId, idempotency_key: idempotencyKey },
  };
}
