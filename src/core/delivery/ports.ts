import type { Card } from '../deck/card.ts';
import type { Locale } from '../language.ts';

/** A channel's question of the day, as an adapter renders it. */
export interface DailyQuestion {
  deliveryId: number;
  tenantId: string;
  channelId: string;
  card: Card;
  /** The channel's local date the question belongs to (YYYY-MM-DD). */
  localDate: string;
  /** The language it is written in: the one chosen at /daily set, else the community's, else English. */
  locale: Locale;
}

/** What a posted question of the day shows besides the card. */
export interface DailyQuestionState {
  /** How many people have answered it: always counted, never a placeholder. */
  answered: number;
  /** The day is over: show the answer, and take no more answers. */
  revealAnswer: boolean;
}

/** A person's DM reminder. */
export interface ReminderMessage {
  deliveryId: number;
  tenantId: string;
  /** The person's id on the platform. */
  userExternalId: string;
  dueCount: number;
  /** The person's chosen language, else the app language Mnemo last saw them use, else English. */
  locale: Locale;
}

export interface SentMessage {
  /** The platform's id of the message: a Discord message id, a Slack `ts` (with its channel). */
  messageId: string;
  channelId: string;
}

/**
 * What delivery needs from a chat platform. `idempotencyKey` is stable per delivery: Discord sends it as the
 * message nonce with `enforce_nonce`, so a retry within Discord's dedupe window does not post twice.
 * Implementations throw MnemoError PLATFORM_UNAUTHORIZED on a 401 (stop sending on the platform), and
 * PLATFORM_REJECTED for other refusals (missing access, unknown channel).
 */
export interface Messenger {
  /**
   * `attempt` counts the times the delivery was taken (1 when not given): above 1, an earlier attempt may
   * have posted before its instance died, and a platform without a nonce should look before posting again.
   */
  postDailyQuestion(question: DailyQuestion, idempotencyKey: string, attempt?: number): Promise<SentMessage>;
  /** Edits a posted question: the count of answers so far, and the right answer once the day is over. */
  updateDailyQuestion(question: DailyQuestion, sent: SentMessage, update: DailyQuestionState): Promise<void>;
  sendReminder(reminder: ReminderMessage, idempotencyKey: string, attempt?: number): Promise<SentMessage>;
}

export type SubscriptionKind = 'channel' | 'reminder';

/** A subscription whose next run has come, locked for planning. */
export interface DueSubscription {
  id: number;
  tenantId: string;
  kind: SubscriptionKind;
  localTime: string;
  timeZone: string;
  nextDueAt: Date;
  nextLocalDate: string;
}

export interface NewDelivery {
  subscriptionId: number;
  localDate: string;
  dueAt: Date;
  endsAt: Date;
}

export interface PlanDecision {
  deliveries: NewDelivery[];
  /** Where each locked subscription's next run moves to. */
  advance: { subscriptionId: number; nextDueAt: Date; nextLocalDate: string }[];
}

/** A delivery this instance holds the lease of. */
export interface ClaimedDelivery {
  id: number;
  subscriptionId: number;
  kind: SubscriptionKind;
  tenantId: string;
  channelId: string | null;
  deckId: string | null;
  userId: number | null;
  userExternalId: string | null;
  localDate: string;
  attempts: number;
  /** The card chosen on an earlier attempt, so a retry posts the same question. */
  cardId: string | null;
  /** The message recorded by an earlier attempt, if any (Slack: check it before posting again). */
  messageId: string | null;
  /** The language it is written in: the person's (a reminder) or the channel's (a question of the day). */
  locale: Locale;
}

export interface ClosableDelivery {
  id: number;
  tenantId: string;
  channelId: string;
  localDate: string;
  messageId: string;
  cardId: string;
  locale: Locale;
}

export interface DeliveryStore {
  /** In one transaction: lock due subscriptions (SKIP LOCKED), insert what `decide` plans (ON CONFLICT DO NOTHING), move their next runs. */
  plan(
    now: Date,
    limit: number,
    decide: (due: DueSubscription[]) => PlanDecision,
  ): Promise<{ planned: number; subscriptions: number }>;
  /** Takes up to `limit` due deliveries that are pending, or whose lease lapsed, for `leaseMs`. */
  claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /** The card for a channel's question: chosen once per delivery and kept on it. */
  chooseCard(
    delivery: ClaimedDelivery,
    now: Date,
    curve: { decay: number; factor: number },
  ): Promise<Card | null>;
  /** The person's cards due now among the decks the community sees. */
  countDue(userId: number, tenantId: string, now: Date): Promise<number>;
  markSent(id: number, sent: SentMessage, now: Date): Promise<void>;
  markSkipped(id: number, reason: string): Promise<void>;
  markFailed(id: number, reason: string): Promise<void>;
  /** Gives a claimed delivery back (shutdown, a passing error): another instance may take it at once. */
  release(id: number): Promise<void>;
  /** Stops delivery to every tenant of a platform (its one token was refused); returns how many it stopped. */
  blockPlatform(platform: string, reason: string, now: Date): Promise<number>;
  /** Lifts that stop; returns how many tenants it lifted it for. */
  unblockPlatform(platform: string): Promise<number>;
  /** Stops delivery to one tenant (its own credentials are gone); false when it was stopped already. */
  blockTenant(tenantId: string, reason: string, now: Date): Promise<boolean>;
  /** Lifts a stop on one tenant; false when it had none. */
  unblockTenant(tenantId: string): Promise<boolean>;
  /** Marks skipped the deliveries whose local day ended before they could be sent; returns how many. */
  expire(now: Date): Promise<number>;
  closable(now: Date, limit: number): Promise<ClosableDelivery[]>;
  markClosed(id: number, now: Date): Promise<void>;
  findCard(cardId: string): Promise<Card | null>;
  /** How many people answered a channel's question of the day. */
  countAnswers(deliveryId: number): Promise<number>;
}
