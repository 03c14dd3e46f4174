import { createHash } from 'node:crypto';
import { type CardMedia, cardFiles } from '../../chat/card-media.ts';
import type { Attachment } from '../../chat/reply.ts';
import type {
  DailyQuestion,
  DailyQuestionState,
  Messenger,
  ReminderMessage,
  SentMessage,
} from '../../core/delivery/ports.ts';
import { MnemoError } from '../../core/errors.ts';
import type { DiscordApi } from './api.ts';
import { guildIdOf } from './identity.ts';
import { dailyQuestionBody, type MessageBody, reminderBody } from './render.ts';

/** Discord's limit on a message nonce. */
const NONCE_LIMIT = 25; // characters

/**
 * Delivery on Discord: a channel's question of the day and DM reminders. Each send carries a nonce derived from
 * the idempotency key with enforce_nonce, so Discord drops a retried send instead of posting it twice.
 */
export class DiscordMessenger implements Messenger {
  readonly #api: DiscordApi;
  readonly #media: CardMedia | undefined;

  /** With `media`, a question of the day carries its card's pictures, sound and formulas. */
  constructor(api: DiscordApi, media?: CardMedia) {
    this.#api = api;
    this.#media = media;
  }

  async postDailyQuestion(question: DailyQuestion, idempotencyKey: string): Promise<SentMessage> {
    const state = { answered: 0, revealAnswer: false };
    const body = dailyQuestionBody(question.card, question.deliveryId, state, question.locale);
    const files = await cardFiles(this.#media, question.card, 'question');
    return this.#post('post the question of the day', question.channelId, body, idempotencyKey, files);
  }

  async updateDailyQuestion(
    question: DailyQuestion,
    sent: SentMessage,
    update: DailyQuestionState,
  ): Promise<void> {
    const body = dailyQuestionBody(question.card, question.deliveryId, update, question.locale);
    await this.#api.platformCall('edit the question of the day', () =>
      this.#api.editMessage(sent.channelId, sent.messageId, body),
    );
  }

  async sendReminder(reminder: ReminderMessage, idempotencyKey: string): Promise<SentMessage> {
    const guildId = guildIdOf(reminder.tenantId);
    if (guildId === null) {
      throw new MnemoError(
        'INVARIANT',
        `a Discord reminder for tenant ${reminder.tenantId}, not a Discord server`,
      );
    }
    const dm = await this.#api.platformCall('open a DM', () => this.#api.openDm(reminder.userExternalId));
    const body = reminderBody(reminder.dueCount, guildId, reminder.locale);
    return this.#post('send a DM reminder', dm.id, body, idempotencyKey);
  }

  /** A new message, once only: a retried send with the same key is dropped by Discord. */
  async #post(what: string, channelId: string, body: MessageBody, key: string, files?: Attachment[]) {
    const once = { ...body, nonce: nonceOf(key), enforce_nonce: true };
    const message = await this.#api.platformCall(what, () => this.#api.createMessage(channelId, once, files));
    return { messageId: message.id, channelId };
  }
}

/** The idempotency key itself when it fits Discord's nonce, else a stable digest of it. */
export function nonceOf(idempotencyKey: string): string {
  if (idempotencyKey.length <= NONCE_LIMIT) return idempotencyKey;
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, NONCE_LIMIT);
}
