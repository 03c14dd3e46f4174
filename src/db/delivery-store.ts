import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Card } from '../core/deck/card.ts';
import type {
  ClaimedDelivery,
  ClosableDelivery,
  DeliveryStore,
  DueSubscription,
  PlanDecision,
  SentMessage,
} from '../core/delivery/ports.ts';
import type { Database } from './client.ts';
import { toCard } from './quiz-store.ts';
import { rowsOf } from './rows.ts';
import { cardStates, cards, deliveries, reviews, subscriptions, tenants, users } from './schema.ts';
import { sqlTime } from './sql-time.ts';

const ACTIVE_MEMBER_DAYS = 30;

/** DeliveryStore over Drizzle: FOR UPDATE SKIP LOCKED lets any number of instances plan and claim at once. */
export class DrizzleDeliveryStore implements DeliveryStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async plan(
    now: Date,
    limit: number,
    decide: (due: DueSubscription[]) => PlanDecision,
  ): Promise<{ planned: number; subscriptions: number }> {
    return this.#db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: subscriptions.id,
          tenantId: subscriptions.tenantId,
          kind: subscriptions.kind,
          localTime: subscriptions.localTime,
          timeZone: subscriptions.timeZone,
          nextDueAt: subscriptions.nextDueAt,
          nextLocalDate: subscriptions.nextLocalDate,
        })
        .from(subscriptions)
        .where(and(eq(subscriptions.active, true), lte(subscriptions.nextDueAt, now)))
        .orderBy(asc(subscriptions.nextDueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (due.length === 0) return { planned: 0, subscriptions: 0 };
      const decision = decide(due);
      // Each batch goes as one JSON parameter: a VALUES list of up to 20,000 parameters cost more to build
      // than the database took to run it (whole-day planning 0.11× → 0.49× the floor; README, Benchmarks).
      let planned = 0;
      if (decision.deliveries.length > 0) {
        const inserted = await tx.execute(sql`
          insert into ${deliveries} (subscription_id, local_date, due_at, ends_at, status)
          select r."subscriptionId", r."localDate", r."dueAt", r."endsAt", 'pending'
          from jsonb_to_recordset(${JSON.stringify(decision.deliveries)}::text::jsonb)
            as r("subscriptionId" bigint, "localDate" date, "dueAt" timestamptz, "endsAt" timestamptz)
          on conflict (subscription_id, local_date) do nothing
          returning id`);
        planned = rowsOf(inserted).length;
      }
      if (decision.advance.length > 0) {
        await tx.execute(sql`
          update ${subscriptions} s set next_due_at = r."nextDueAt", next_local_date = r."nextLocalDate"
          from jsonb_to_recordset(${JSON.stringify(decision.advance)}::text::jsonb)
            as r("subscriptionId" bigint, "nextDueAt" timestamptz, "nextLocalDate" date)
          where s.id = r."subscriptionId"`);
      }
      return { planned, subscriptions: due.length };
    });
  }

  async claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    return this.#db.transaction(async (tx) => {
      const ready = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
        .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
        .where(
          and(
            lte(deliveries.dueAt, now),
            isNull(tenants.deliveryBlockedAt),
            or(
              eq(deliveries.status, 'pending'),
              and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, now)),
            ),
          ),
        )
        .orderBy(asc(deliveries.dueAt))
        .limit(limit)
        .for('update', { of: deliveries, skipLocked: true });
      if (ready.length === 0) return [];
      const ids = ready.map((row) => row.id);
      await tx
        .update(deliveries)
        .set({
          status: 'sending',
          leaseUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${deliveries.attempts} + 1`,
        })
        .where(inArray(deliveries.id, ids));
      const rows = await tx
        .select({ delivery: deliveries, subscription: subscriptions, user: users })
        .from(deliveries)
        .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
        .leftJoin(users, eq(users.id, subscriptions.userId))
        .where(inArray(deliveries.id, ids))
        .orderBy(asc(deliveries.dueAt));
      return rows.map(({ delivery, subscription, user }) => ({
        id: delivery.id,
        subscriptionId: subscription.id,
        kind: subscription.kind,
        tenantId: subscription.tenantId,
        channelId: subscription.channelId,
        deckId: subscription.deckId,
        userId: subscription.userId,
        userExternalId: user?.externalId ?? null,
        localDate: delivery.localDate,
        attempts: delivery.attempts,
        cardId: delivery.cardId,
        messageId: delivery.messageId,
      }));
    });
  }

  /**
   * The card the channel's active members are closest to forgetting (lowest mean retrievability among
   * people who answered there in the last 30 days), else new cards in deck order; no card repeats in the
   * channel until the deck is exhausted. Kept on the delivery, so a retry asks the same question.
   */
  async chooseCard(
    delivery: ClaimedDelivery,
    now: Date,
    curve: { decay: number; factor: number },
  ): Promise<Card | null> {
    if (delivery.cardId) return this.findCard(delivery.cardId);
    const since = new Date(now.getTime() - ACTIVE_MEMBER_DAYS * 86_400_000);
    const members = this.#db
      .selectDistinct({ userId: reviews.userId })
      .from(reviews)
      .where(and(eq(reviews.tenantId, delivery.tenantId), sql`${reviews.reviewedAt} >= ${sqlTime(since)}`));
    const asked = this.#db
      .select({ cardId: deliveries.cardId })
      .from(deliveries)
      .where(and(eq(deliveries.subscriptionId, delivery.subscriptionId), isNotNull(deliveries.cardId)));
    const elapsedDays = sql`greatest(extract(epoch from (${sqlTime(now)} - ${cardStates.lastReview})) / 86400.0, 0)`;
    const recall = sql<number>`avg(power(1 + ${curve.factor} * ${elapsedDays} / ${cardStates.stability}, ${curve.decay}))`;
    const pick = async (skipAsked: boolean) =>
      this.#db
        .select({ card: cards })
        .from(cards)
        .leftJoin(
          cardStates,
          and(
            eq(cardStates.cardId, cards.id),
            sql`${cardStates.state} <> 0`,
            sql`${cardStates.userId} in ${members}`,
          ),
        )
        .where(
          and(
            isNull(cards.retiredAt),
            delivery.deckId ? eq(cards.deckId, delivery.deckId) : undefined,
            skipAsked ? sql`${cards.id} not in ${asked}` : undefined,
          ),
        )
        .groupBy(cards.id)
        .orderBy(sql`${recall} asc nulls last`, asc(cards.deckId), asc(cards.position))
        .limit(1);
    const fresh = await pick(true);
    const [row] = fresh.length > 0 ? fresh : await pick(false);
    if (!row) return null;
    await this.#db.update(deliveries).set({ cardId: row.card.id }).where(eq(deliveries.id, delivery.id));
    return toCard(row.card);
  }

  async countDue(userId: number, now: Date): Promise<number> {
    const [row] = await this.#db
      .select({ n: sql<number>`count(*)::int` })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(
        and(
          eq(cardStates.userId, userId),
          sql`${cardStates.state} <> 0`,
          lte(cardStates.due, now),
          isNull(cards.retiredAt),
        ),
      );
    return row?.n ?? 0;
  }

  async markSent(id: number, sent: SentMessage, now: Date): Promise<void> {
    await this.#db
      .update(deliveries)
      .set({
        status: 'sent',
        messageId: sent.messageId,
        channelId: sent.channelId,
        sentAt: now,
        leaseUntil: null,
      })
      .where(eq(deliveries.id, id));
  }

  async markSkipped(id: number, reason: string): Promise<void> {
    await this.#db
      .update(deliveries)
      .set({ status: 'skipped', error: reason, leaseUntil: null })
      .where(eq(deliveries.id, id));
  }

  async markFailed(id: number, reason: string): Promise<void> {
    await this.#db
      .update(deliveries)
      .set({ status: 'failed', error: reason, leaseUntil: null })
      .where(eq(deliveries.id, id));
  }

  async release(id: number): Promise<void> {
    await this.#db
      .update(deliveries)
      .set({ status: 'pending', leaseUntil: null })
      .where(and(eq(deliveries.id, id), eq(deliveries.status, 'sending')));
  }

  async blockTenant(tenantId: string, reason: string, now: Date): Promise<void> {
    await this.#db
      .update(tenants)
      .set({ deliveryBlockedAt: now, deliveryBlockedReason: reason })
      .where(and(eq(tenants.id, tenantId), isNull(tenants.deliveryBlockedAt)));
  }

  async closable(now: Date, limit: number): Promise<ClosableDelivery[]> {
    const rows = await this.#db
      .select({
        id: deliveries.id,
        tenantId: subscriptions.tenantId,
        channelId: deliveries.channelId,
        localDate: deliveries.localDate,
        messageId: deliveries.messageId,
        cardId: deliveries.cardId,
      })
      .from(deliveries)
      .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
      .where(
        and(
          eq(deliveries.status, 'sent'),
          eq(subscriptions.kind, 'channel'),
          isNull(deliveries.closedAt),
          lte(deliveries.endsAt, now),
        ),
      )
      .orderBy(asc(deliveries.endsAt))
      .limit(limit);
    return rows.flatMap((row) =>
      row.channelId && row.messageId && row.cardId
        ? [{ ...row, channelId: row.channelId, messageId: row.messageId, cardId: row.cardId }]
        : [],
    );
  }

  async markClosed(id: number, now: Date): Promise<void> {
    await this.#db.update(deliveries).set({ closedAt: now }).where(eq(deliveries.id, id));
  }

  async findCard(cardId: string): Promise<Card | null> {
    const [row] = await this.#db.select().from(cards).where(eq(cards.id, cardId));
    return row ? toCard(row) : null;
  }
}
