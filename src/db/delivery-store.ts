import { and, asc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Card } from '../core/deck/card.ts';
import type {
  ClaimedDelivery,
  ClosableDelivery,
  DeliveryStore,
  DueSubscription,
  PlanDecision,
  SentMessage,
} from '../core/delivery/ports.ts';
import { toCard } from './card-row.ts';
import type { Connection, Database } from './client.ts';
import { channelLocaleTag, countDeliveryAnswers, deliveryLocaleOf } from './delivery-answers.ts';
import type { RawSql } from './raw-sql.ts';
import { columnNames, readPresent, tableColumns } from './rows.ts';
import { cardStates, cards, deliveries, reviews, subscriptions, tenants } from './schema.ts';
import { sqlTime } from './sql-time.ts';
import { visibleCardOf } from './visible-decks.ts';

const ACTIVE_MEMBER_DAYS = 30;

/** DeliveryStore on PostgreSQL or PGlite: FOR UPDATE SKIP LOCKED lets any number of instances plan and claim at once. */
export class PgDeliveryStore implements DeliveryStore {
  readonly #db: Database;
  readonly #raw: RawSql;

  constructor(connection: Pick<Connection, 'db' | 'raw'>) {
    this.#db = connection.db;
    this.#raw = connection.raw;
  }

  /**
   * Planning and claiming are in hand-written SQL: with Drizzle, building the statements and mapping the
   * rows of a 5,000-subscription batch took longer than PostgreSQL took to run them (README, Benchmarks).
   */
  async plan(
    now: Date,
    limit: number,
    decide: (due: DueSubscription[]) => PlanDecision,
  ): Promise<{ planned: number; subscriptions: number }> {
    return this.#raw.transaction(async (tx) => {
      const rows = await tx.query(DUE_SUBSCRIPTIONS, [now, limit]);
      if (rows.length === 0) return { planned: 0, subscriptions: 0 };
      const due: DueSubscription[] = rows.map((row) => readPresent(DUE, row));
      const decision = decide(due);
      // The batch goes as two JSON parameters, not a VALUES list of up to 20,000 parameters.
      const [result] = await tx.query<{ planned: number }>(PLAN, [
        JSON.stringify(decision.deliveries),
        JSON.stringify(decision.advance),
      ]);
      return { planned: result?.planned ?? 0, subscriptions: due.length };
    });
  }

  async claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.#raw.query(CLAIM, [now, new Date(now.getTime() + leaseMs), limit]);
    return rows
      .map((row) => {
        const delivery = readPresent(DELIVERY, row);
        const subscription = readPresent(SUBSCRIPTION, row);
        return {
          dueAt: delivery.dueAt,
          claimed: {
            id: delivery.id,
            subscriptionId: subscription.id,
            kind: subscription.kind,
            tenantId: subscription.tenantId,
            channelId: subscription.channelId,
            deckId: subscription.deckId,
            userId: subscription.userId,
            userExternalId: (row.user_external_id as string | null) ?? null,
            localDate: delivery.localDate,
            attempts: delivery.attempts,
            cardId: delivery.cardId,
            messageId: delivery.messageId,
            locale: deliveryLocaleOf(row.locale_tag as string | null),
          } satisfies ClaimedDelivery,
        };
      })
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map(({ claimed }) => claimed);
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
            visibleCardOf(delivery.tenantId),
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

  async countDue(userId: number, tenantId: string, now: Date): Promise<number> {
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
          visibleCardOf(tenantId),
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

  blockPlatform(platform: string, reason: string, now: Date): Promise<number> {
    return this.#setBlock(platform, { at: now, reason });
  }

  unblockPlatform(platform: string): Promise<number> {
    return this.#setBlock(platform, null);
  }

  async blockTenant(tenantId: string, reason: string, now: Date): Promise<boolean> {
    const changed = await this.#db
      .update(tenants)
      .set({ deliveryBlockedAt: now, deliveryBlockedReason: reason })
      .where(and(eq(tenants.id, tenantId), isNull(tenants.deliveryBlockedAt)))
      .returning({ id: tenants.id });
    return changed.length > 0;
  }

  async unblockTenant(tenantId: string): Promise<boolean> {
    const changed = await this.#db
      .update(tenants)
      .set({ deliveryBlockedAt: null, deliveryBlockedReason: null })
      .where(and(eq(tenants.id, tenantId), isNotNull(tenants.deliveryBlockedAt)))
      .returning({ id: tenants.id });
    return changed.length > 0;
  }

  /** Sets or lifts the stop on the platform's tenants that do not have it yet; returns how many changed. */
  async #setBlock(platform: string, block: { at: Date; reason: string } | null): Promise<number> {
    const changed = await this.#db
      .update(tenants)
      .set({ deliveryBlockedAt: block?.at ?? null, deliveryBlockedReason: block?.reason ?? null })
      .where(
        and(
          eq(tenants.platform, platform),
          block ? isNull(tenants.deliveryBlockedAt) : isNotNull(tenants.deliveryBlockedAt),
        ),
      )
      .returning({ id: tenants.id });
    return changed.length;
  }

  async expire(now: Date): Promise<number> {
    const expired = await this.#db
      .update(deliveries)
      .set({ status: 'skipped', leaseUntil: null, error: 'its local day ended before it could be sent' })
      .where(
        and(
          lte(deliveries.endsAt, now),
          // Each arm matches a partial index (drizzle/0002); due_at <= now is implied by ends_at <= now.
          or(
            and(eq(deliveries.status, 'pending'), lte(deliveries.dueAt, now)),
            and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, now)),
          ),
        ),
      )
      .returning({ id: deliveries.id });
    return expired.length;
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
        localeTag: channelLocaleTag,
      })
      .from(deliveries)
      .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
      .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
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
    return rows.flatMap(({ localeTag, ...row }) =>
      row.channelId && row.messageId && row.cardId
        ? [
            {
              ...row,
              channelId: row.channelId,
              messageId: row.messageId,
              cardId: row.cardId,
              locale: deliveryLocaleOf(localeTag),
            },
          ]
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

  countAnswers(deliveryId: number): Promise<number> {
    return countDeliveryAnswers(this.#db, deliveryId);
  }
}

const SUBSCRIPTION = tableColumns(subscriptions, 's');

/**
 * The tag a delivery is written in, over subscriptions s, tenants t and users u: a reminder's person's chosen
 * language, else their app's; a channel's chosen language, else its community's. English when none is spoken.
 */
const LOCALE_TAG = `case when s.kind = 'reminder' then coalesce(u.language, u.seen_locale)
  else coalesce(s.language, t.locale) end`;
const DELIVERY = tableColumns(deliveries, 'd');

/** What planning reads of a due subscription. */
const DUE = tableColumns(subscriptions, 's', [
  'id',
  'tenantId',
  'kind',
  'localTime',
  'timeZone',
  'nextDueAt',
  'nextLocalDate',
]);
const DUE_SUBSCRIPTIONS = `
  select ${DUE.list} from subscriptions s
  where s.active and s.next_due_at <= $1
  order by s.next_due_at
  limit $2
  for update skip locked`;

/** The batch's deliveries (on conflict, planned already) and every subscription's next run, in one go. */
const PLAN = `
  with planned as (
    insert into deliveries (${columnNames(deliveries, ['subscriptionId', 'localDate', 'dueAt', 'endsAt', 'status'])})
    select r."subscriptionId", r."localDate", r."dueAt", r."endsAt", 'pending'
    from jsonb_to_recordset($1::text::jsonb)
      as r("subscriptionId" bigint, "localDate" date, "dueAt" timestamptz, "endsAt" timestamptz)
    on conflict (subscription_id, local_date) do nothing
    returning 1
  ), advanced as (
    update subscriptions s set next_due_at = r."nextDueAt", next_local_date = r."nextLocalDate"
    from jsonb_to_recordset($2::text::jsonb)
      as r("subscriptionId" bigint, "nextDueAt" timestamptz, "nextLocalDate" date)
    where s.id = r."subscriptionId"
  )
  select count(*)::int as planned from planned`;

/**
 * Takes up to $3 deliveries: those whose lease lapsed first, then due pending ones, oldest first; skipping
 * rows another instance holds, tenants whose delivery is stopped and days already over. Returns what
 * sending needs. Each kind is found through its own partial index (drizzle/0002), so rows in hand (sending,
 * lease running) are never read again by the next claim.
 */
const CLAIM = `
  with lapsed as (
    select ready.id from deliveries ready
    join subscriptions rs on rs.id = ready.subscription_id
    join tenants t on t.id = rs.tenant_id
    where ready.status = 'sending' and ready.lease_until <= $1 and ready.ends_at > $1
      and t.delivery_blocked_at is null
    order by ready.lease_until
    limit $3
    for update of ready skip locked
  ), pending as (
    select ready.id from deliveries ready
    join subscriptions rs on rs.id = ready.subscription_id
    join tenants t on t.id = rs.tenant_id
    where ready.status = 'pending' and ready.due_at <= $1 and ready.ends_at > $1
      and t.delivery_blocked_at is null
    order by ready.due_at
    limit $3 - (select count(*) from lapsed)
    for update of ready skip locked
  )
  update deliveries d set status = 'sending', lease_until = $2, attempts = d.attempts + 1
  from subscriptions s join tenants t on t.id = s.tenant_id left join users u on u.id = s.user_id
  where s.id = d.subscription_id and d.id in (select id from lapsed union all select id from pending)
  returning ${DELIVERY.list}, ${SUBSCRIPTION.list}, u.external_id as user_external_id,
    ${LOCALE_TAG} as locale_tag`;
