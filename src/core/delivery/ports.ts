import type { Card } from '../deck/card.ts';

/** A channel's question of the day, as an adapter renders it. */
export interface DailyQuestion {
  deliveryId: number;
  tenantId: string;
  channelId: string;
  card: Card;
  /** The channel's local date the question belongs to (YYYY-MM-DD). */
  localDate: string;
}

/** A person's DM reminder. */
export interface ReminderMessage {
  deliveryId: number;
  tenantId: string;
  /** The person's id on the platform. */
  userExternalId: string;
  dueCount: number;
}

export interface SentMessage {
  /** The platform's id of the message: a Discord message id, a Slack `ts` (with its channel). */
  messageId: string;
  channelId: string;
}

/**
 * What delivery needs from a chat platform. `idempotencyKey` is stable per delivery: Discord sends it as the
 * message nonce with `enforce_nonce`, so a retry within Discord's dedupe window does not post twice.
 * Implementations throw MnemoError PLATFORM_UNAUTHORIZED on a 401 (stop sending for the tenant), and
 * PLATFORM_REJECTED for other refusals (missing access, unknown channel).
 */
export interface Messenger {
  postDailyQuestion(question: DailyQuestion, idempotencyKey: string): Promise<SentMessage>;
  /** Edits a posted question: the count of answers so far, and the right answer once the day is over. */
  updateDailyQuestion(
    question: DailyQuestion,
    sent: SentMessage,
    update: { answered: number; revealAnswer: boolean },
  ): Promise<void>;
  sendReminder(reminder: ReminderMessage, idempotencyKey: string): Promise<SentMessage>;
}
