import type { Card } from '../../src/core/deck/card.ts';
import type {
  ClaimedDelivery,
  ClosableDelivery,
  DailyQuestion,
  DeliveryStore,
  DueSubscription,
  Messenger,
  PlanDecision,
  ReminderMessage,
  SentMessage,
} from '../../src/core/delivery/ports.ts';
import type { Locale } from '../../src/core/language.ts';

export interface MemoryDelivery {
  id: number;
  subscriptionId: number;
  localDate: string;
  dueAt: Date;
  endsAt: Date;
  status: 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';
  leaseUntil: Date | null;
  attempts: number;
  cardId: string | null;
  messageId: string | null;
  channelId: string | null;
  error: string | null;
  closedAt: Date | null;
}

export interface MemorySubscription extends DueSubscription {
  channelId: string | null;
  deckId: string | null;
  userId: number | null;
  userExternalId: string | null;
  active: boolean;
  /** The language its deliveries are written in (the SQL store works it out from the person or community). */
  locale: Locale;
}

/**
 * DeliveryStore in memory, for pure tests of Deliveries' decisions: planning hands the due subscriptions
 * to `decide` and applies its decision as the SQL does (a run planned twice is one delivery), claims take
 * lapsed leases and due pending rows, and a blocked platform's tenants are not claimed.
 */
export class MemoryDeliveryStore implements DeliveryStore {
  readonly subscriptions: MemorySubscription[] = [];
  readonly deliveries: MemoryDelivery[] = [];
  /** Blocked tenants' platforms, with the reason. */
  readonly blocked = new Map<string, string>();
  /** What chooseCard answers for a channel; countDue for a person. */
  card: Card | null = null;
  dueCount = 0;
  /** People who answered each delivery's question, by delivery id. */
  readonly answers = new Map<number, number>();

  subscribe(
    subscription: Omit<MemorySubscription, 'id' | 'active' | 'locale'> & { locale?: Locale },
  ): MemorySubscription {
    const added = { locale: 'en' as const, ...subscription, id: this.subscriptions.length + 1, active: true };
    this.subscriptions.push(added);
    return added;
  }

  async plan(now: Date, limit: number, decide: (due: DueSubscription[]) => PlanDecision) {
    const due = this.subscriptions
      .filter((subscription) => subscription.active && subscription.nextDueAt <= now)
      .slice(0, limit);
    if (due.length === 0) return { planned: 0, subscriptions: 0 };
    const decision = decide(due.map((subscription) => ({ ...subscription })));
    let planned = 0;
    for (const run of decision.deliveries) {
      const exists = this.deliveries.some(
        (delivery) => delivery.subscriptionId === run.subscriptionId && delivery.localDate === run.localDate,
      );
      if (exists) continue;
      this.deliveries.push({
        ...run,
        id: this.deliveries.length + 1,
        status: 'pending',
        leaseUntil: null,
        attempts: 0,
        cardId: null,
        messageId: null,
        channelId: null,
        error: null,
        closedAt: null,
      });
      planned++;
    }
    for (const next of decision.advance) {
      const subscription = this.#subscription(next.subscriptionId);
      subscription.nextDueAt = next.nextDueAt;
      subscription.nextLocalDate = next.nextLocalDate;
    }
    return { planned, subscriptions: due.length };
  }

  async claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const ready = this.deliveries.filter((delivery) => {
      const tenant = this.#subscription(delivery.subscriptionId).tenantId;
      const waiting =
        (delivery.status === 'sending' && delivery.leaseUntil !== null && delivery.leaseUntil <= now) ||
        (delivery.status === 'pending' && delivery.dueAt <= now);
      return waiting && delivery.endsAt > now && !this.blocked.has(tenant);
    });
    return ready.slice(0, limit).map((delivery) => {
      delivery.status = 'sending';
      delivery.leaseUntil = new Date(now.getTime() + leaseMs);
      delivery.attempts++;
      const subscription = this.#subscription(delivery.subscriptionId);
      return {
        id: delivery.id,
        subscriptionId: subscription.id,
        kind: subscription.kind,
        tenantId: subscription.tenantId,
        channelId: subscription.channelId,
        deckId: subscription.deckId,
        userId: subscription.userId,
        userExternalId: subscription.userExternalId,
        localDate: delivery.localDate,
        attempts: delivery.attempts,
        cardId: delivery.cardId,
        messageId: delivery.messageId,
        locale: subscription.locale,
      };
    });
  }

  async chooseCard(delivery: ClaimedDelivery): Promise<Card | null> {
    if (this.card) this.#delivery(delivery.id).cardId = this.card.id;
    return this.card;
  }

  async countDue(): Promise<number> {
    return this.dueCount;
  }

  async countAnswers(deliveryId: number): Promise<number> {
    return this.answers.get(deliveryId) ?? 0;
  }

  async markSent(id: number, sent: SentMessage): Promise<void> {
    Object.assign(this.#delivery(id), { status: 'sent', ...sent, leaseUntil: null });
  }

  async markSkipped(id: number, reason: string): Promise<void> {
    Object.assign(this.#delivery(id), { status: 'skipped', error: reason, leaseUntil: null });
  }

  async markFailed(id: number, reason: string): Promise<void> {
    Object.assign(this.#delivery(id), { status: 'failed', error: reason, leaseUntil: null });
  }

  async release(id: number): Promise<void> {
    const delivery = this.#delivery(id);
    if (delivery.status === 'sending') Object.assign(delivery, { status: 'pending', leaseUntil: null });
  }

  async blockPlatform(platform: string, reason: string): Promise<number> {
    let changed = 0;
    for (const tenant of this.#tenants(platform))
      if (!this.blocked.has(tenant)) {
        this.blocked.set(tenant, reason);
        changed++;
      }
    return changed;
  }

  async unblockPlatform(platform: string): Promise<number> {
    let changed = 0;
    for (const tenant of this.#tenants(platform)) if (this.blocked.delete(tenant)) changed++;
    return changed;
  }

  async blockTenant(tenantId: string, reason: string): Promise<boolean> {
    if (this.blocked.has(tenantId)) return false;
    this.blocked.set(tenantId, reason);
    return true;
  }

  async unblockTenant(tenantId: string): Promise<boolean> {
    return this.blocked.delete(tenantId);
  }

  async expire(now: Date): Promise<number> {
    let expired = 0;
    for (const delivery of this.deliveries) {
      const waiting =
        (delivery.status === 'pending' && delivery.dueAt <= now) ||
        (delivery.status === 'sending' && delivery.leaseUntil !== null && delivery.leaseUntil <= now);
      if (delivery.endsAt <= now && waiting) {
        Object.assign(delivery, { status: 'skipped', leaseUntil: null, error: 'its local day ended' });
        expired++;
      }
    }
    return expired;
  }

  async closable(now: Date, limit: number): Promise<ClosableDelivery[]> {
    return this.deliveries
      .filter(
        (delivery) => delivery.status === 'sent' && delivery.closedAt === null && delivery.endsAt <= now,
      )
      .filter((delivery) => this.#subscription(delivery.subscriptionId).kind === 'channel')
      .slice(0, limit)
      .flatMap(({ id, subscriptionId, channelId, localDate, messageId, cardId }) =>
        channelId && messageId && cardId
          ? [
              {
                id,
                tenantId: this.#subscription(subscriptionId).tenantId,
                channelId,
                localDate,
                messageId,
                cardId,
                locale: this.#subscription(subscriptionId).locale,
              },
            ]
          : [],
      );
  }

  async markClosed(id: number, now: Date): Promise<void> {
    this.#delivery(id).closedAt = now;
  }

  async findCard(cardId: string): Promise<Card | null> {
    return this.card?.id === cardId ? this.card : null;
  }

  #tenants(platform: string): Set<string> {
    return new Set(
      this.subscriptions.map((each) => each.tenantId).filter((tenant) => tenant.startsWith(`${platform}:`)),
    );
  }

  #subscription(id: number): MemorySubscription {
    const found = this.subscriptions.find((subscription) => subscription.id === id);
    if (!found) throw new Error(`subscription ${id} does not exist`);
    return found;
  }

  #delivery(id: number): MemoryDelivery {
    const found = this.deliveries.find((delivery) => delivery.id === id);
    if (!found) throw new Error(`delivery ${id} does not exist`);
    return found;
  }
}

/** A Messenger that records what it is asked, and fails the way a test tells it to. */
export class RecordingMessenger implements Messenger {
  readonly posted: DailyQuestion[] = [];
  readonly updated: { question: DailyQuestion; update: { answered: number; revealAnswer: boolean } }[] = [];
  readonly reminders: ReminderMessage[] = [];
  /** Thrown by every send while set. */
  failWith: unknown = null;

  async postDailyQuestion(question: DailyQuestion): Promise<SentMessage> {
    if (this.failWith) throw this.failWith;
    this.posted.push(question);
    return { messageId: `m${this.posted.length}`, channelId: question.channelId };
  }

  async updateDailyQuestion(
    question: DailyQuestion,
    _sent: SentMessage,
    update: { answered: number; revealAnswer: boolean },
  ): Promise<void> {
    this.updated.push({ question, update });
  }

  async sendReminder(reminder: ReminderMessage): Promise<SentMessage> {
    if (this.failWith) throw this.failWith;
    this.reminders.push(reminder);
    return { messageId: `dm${this.reminders.length}`, channelId: `dm-${reminder.userExternalId}` };
  }
}
