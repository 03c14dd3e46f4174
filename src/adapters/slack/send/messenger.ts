import type { DailyQuestion, Messenger, ReminderMessage, SentMessage } from '../../../core/delivery/ports.ts';
import type { Quiz } from '../../../core/quiz/quiz.ts';
import { userIdOf } from '../identity.ts';
import { postedMessage } from '../payloads.ts';
import type { SlackMessage } from '../render/blocks.ts';
import { renderDailyQuestion, renderReminder } from '../render/delivery.ts';
import type { ChannelPacer } from './pacer.ts';
import type { SlackApi } from './slack-api.ts';

/** Tags Mnemo's delivery posts, so a later look at the channel can tell which delivery a message came from. */
export const DELIVERY_EVENT_TYPE = 'mnemo_delivery';

export interface SlackMessengerOptions {
  api: SlackApi;
  pacer: ChannelPacer;
  quiz: Pick<Quiz, 'answersToDelivery'>;
}

/** Delivery's surface on Slack: channel questions of the day and DM reminders, paced per channel. */
export class SlackMessenger implements Messenger {
  readonly #api: SlackApi;
  readonly #pacer: ChannelPacer;
  readonly #quiz: Pick<Quiz, 'answersToDelivery'>;

  constructor(options: SlackMessengerOptions) {
    this.#api = options.api;
    this.#pacer = options.pacer;
    this.#quiz = options.quiz;
  }

  postDailyQuestion(question: DailyQuestion, idempotencyKey: string): Promise<SentMessage> {
    return this.post(
      question.channelId,
      renderDailyQuestion(question, { answered: 0, revealAnswer: false }),
      deliveryMetadata(question.deliveryId, idempotencyKey),
    );
  }

  /** `answered` below 0 means "count them": the count comes from core. */
  async updateDailyQuestion(
    question: DailyQuestion,
    sent: SentMessage,
    update: { answered: number; revealAnswer: boolean },
  ): Promise<void> {
    const answered =
      update.answered >= 0 ? update.answered : await this.#quiz.answersToDelivery(question.deliveryId);
    const message = renderDailyQuestion(question, { answered, revealAnswer: update.revealAnswer });
    await this.#pacer.run(sent.channelId, () =>
      this.#api.call('chat.update', (client) =>
        client.chat.update({ channel: sent.channelId, ts: sent.messageId, ...message }),
      ),
    );
  }

  sendReminder(reminder: ReminderMessage, idempotencyKey: string): Promise<SentMessage> {
    return this.post(
      userIdOf(reminder.userExternalId),
      renderReminder(reminder),
      deliveryMetadata(reminder.deliveryId, idempotencyKey),
    );
  }

  /** `chat.postMessage`, paced per channel. A user id as channel posts in their DM with Mnemo. */
  async post(
    channel: string,
    message: SlackMessage,
    metadata?: ReturnType<typeof deliveryMetadata>,
  ): Promise<SentMessage> {
    const result = await this.#pacer.run(channel, () =>
      this.#api.call('chat.postMessage', (client) =>
        client.chat.postMessage({
          channel,
          ...message,
          unfurl_links: false,
          unfurl_media: false,
          ...(metadata ? { metadata } : {}),
        }),
      ),
    );
    const posted = postedMessage.parse(result);
    return { messageId: posted.ts, channelId: posted.channel };
  }
}

function deliveryMetadata(deliveryId: number, idempotencyKey: string) {
  return {
    event_type: DELIVERY_EVENT_TYPE,
    event_payload: { delivery_id: deliveryId, idempotency_key: idempotencyKey },
  };
}
