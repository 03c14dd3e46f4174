import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm';
import type {
  ChannelDaily,
  CommunityStore,
  DeckSummary,
  LeaderboardRow,
  NextRun,
  Reminder,
} from '../core/community/ports.ts';
import { isLocale } from '../core/language.ts';
import { streakOf } from '../core/quiz/streak.ts';
import type { Database } from './client.ts';
import { cards, decks, hiddenDecks, reviews, subscriptions, tenants, users } from './schema.ts';
import { visibleCardOf, visibleDeck } from './visible-decks.ts';

/** CommunityStore over Drizzle. Every query about a community is filtered by its tenant id. */
export class PgCommunityStore implements CommunityStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async listDecks(tenantId: string | null): Promise<DeckSummary[]> {
    const rows = await this.#db
      .select({
        id: decks.id,
        title: decks.title,
        description: decks.description,
        tags: decks.tags,
        cards: sql<number>`count(${cards.id})::int`,
      })
      .from(decks)
      .leftJoin(cards, and(eq(cards.deckId, decks.id), isNull(cards.retiredAt)))
      .where(and(isNull(decks.retiredAt), visibleDeck(tenantId)))
      .groupBy(decks.id)
      .orderBy(asc(decks.id));
    return rows;
  }

  async setDeckHidden(tenantId: string, deckId: string, hidden: boolean): Promise<boolean> {
    const [deck] = await this.#db
      .select({ id: decks.id })
      .from(decks)
      .where(and(eq(decks.id, deckId), isNull(decks.owner)));
    if (!deck) return false;
    if (!hidden) {
      await this.#db
        .delete(hiddenDecks)
        .where(and(eq(hiddenDecks.tenantId, tenantId), eq(hiddenDecks.deckId, deckId)));
      return true;
    }
    await this.#db
      .insert(tenants)
      .values({ id: tenantId, platform: tenantId.slice(0, tenantId.indexOf(':')) })
      .onConflictDoNothing();
    await this.#db.insert(hiddenDecks).values({ tenantId, deckId }).onConflictDoNothing();
    return true;
  }

  async leaderboard(
    tenantId: string,
    since: Date | null,
    now: Date,
    limit: number,
  ): Promise<LeaderboardRow[]> {
    // Reviews of a deck the community hid count no more there (nor in streaks), as the deck shows no more.
    const inTenant = and(
      eq(reviews.tenantId, tenantId),
      isNull(reviews.supersededBy),
      since ? gte(reviews.reviewedAt, since) : undefined,
      eq(users.leaderboardHidden, false),
      visibleCardOf(tenantId),
    );
    const rows = await this.#db
      .select({
        userId: users.id,
        platform: users.platform,
        externalId: users.externalId,
        displayName: users.displayName,
        timeZone: users.timeZone,
        reviews: sql<number>`count(*)::int`,
        recalled: sql<number>`(count(*) filter (where ${reviews.rating} > 1))::int`,
      })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .innerJoin(cards, eq(cards.id, reviews.cardId))
      .where(inTenant)
      .groupBy(users.id)
      .orderBy(sql`count(*) desc`, asc(users.id))
      .limit(limit);
    if (rows.length === 0) return [];
    const days = await this.#db
      .selectDistinct({
        userId: reviews.userId,
        day: sql<string>`to_char(${reviews.reviewedAt} at time zone ${users.timeZone}, 'YYYY-MM-DD')`,
      })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .innerJoin(cards, eq(cards.id, reviews.cardId))
      .where(
        and(
          visibleCardOf(tenantId),
          eq(reviews.tenantId, tenantId),
          isNull(reviews.supersededBy),
          sql`${reviews.userId} in ${rows.map((row) => row.userId)}`,
          gte(reviews.reviewedAt, new Date(now.getTime() - 400 * 86_400_000)),
        ),
      )
      .orderBy(sql`2 desc`);
    return rows.map((row) => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: row.timeZone }).format(now);
      const mine = days.filter((day) => day.userId === row.userId).map((day) => day.day);
      return {
        userId: row.userId,
        platform: row.platform,
        externalId: row.externalId,
        displayName: row.displayName,
        reviews: row.reviews,
        accuracy: row.reviews === 0 ? 0 : row.recalled / row.reviews,
        streak: streakOf(mine, today),
      };
    });
  }

  async upsertChannelDaily(daily: Omit<ChannelDaily, 'id'>, next: NextRun): Promise<ChannelDaily> {
    const [row] = await this.#db
      .insert(subscriptions)
      .values({ ...daily, ...next, kind: 'channel', active: true })
      .onConflictDoUpdate({
        target: [subscriptions.tenantId, subscriptions.channelId],
        targetWhere: sql`${subscriptions.kind} = 'channel'`,
        set: {
          localTime: daily.localTime,
          timeZone: daily.timeZone,
          deckId: daily.deckId,
          createdBy: daily.createdBy,
          language: daily.language,
          active: true,
          ...next,
        },
      })
      .returning();
    if (!row) throw new Error('upsert of a daily subscription returned no row');
    return toDaily(row);
  }

  async noteCommunityLocale(tenantId: string, tag: string): Promise<boolean> {
    const changed = await this.#db
      .update(tenants)
      .set({ locale: tag })
      .where(and(eq(tenants.id, tenantId), sql`${tenants.locale} is distinct from ${tag}`))
      .returning({ id: tenants.id });
    if (changed.length > 0) return true;
    const [known] = await this.#db.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
    return known !== undefined;
  }

  async stopChannelDaily(tenantId: string, channelId: string): Promise<boolean> {
    const stopped = await this.#db
      .update(subscriptions)
      .set({ active: false })
      .where(
        and(
          eq(subscriptions.tenantId, tenantId),
          eq(subscriptions.channelId, channelId),
          eq(subscriptions.kind, 'channel'),
          eq(subscriptions.active, true),
        ),
      )
      .returning({ id: subscriptions.id });
    return stopped.length > 0;
  }

  async listChannelDailies(tenantId: string): Promise<ChannelDaily[]> {
    const rows = await this.#db
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.tenantId, tenantId),
          eq(subscriptions.kind, 'channel'),
          eq(subscriptions.active, true),
        ),
      )
      .orderBy(asc(subscriptions.channelId));
    return rows.map(toDaily);
  }

  async setReminder(tenantId: string, userId: number, reminder: Reminder, next: NextRun): Promise<void> {
    await this.#db
      .insert(subscriptions)
      .values({
        tenantId,
        kind: 'reminder',
        userId,
        localTime: reminder.localTime,
        timeZone: reminder.timeZone,
        active: reminder.enabled,
        ...next,
      })
      .onConflictDoUpdate({
        target: [subscriptions.tenantId, subscriptions.userId],
        targetWhere: sql`${subscriptions.kind} = 'reminder'`,
        set: {
          localTime: reminder.localTime,
          timeZone: reminder.timeZone,
          active: reminder.enabled,
          ...next,
        },
      });
  }

  async getReminder(tenantId: string, userId: number): Promise<Reminder | null> {
    const [row] = await this.#db
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.tenantId, tenantId),
          eq(subscriptions.userId, userId),
          eq(subscriptions.kind, 'reminder'),
        ),
      );
    return row ? { enabled: row.active, localTime: row.localTime, timeZone: row.timeZone } : null;
  }
}

function toDaily(row: typeof subscriptions.$inferSelect): ChannelDaily {
  return {
    id: row.id,
    tenantId: row.tenantId,
    channelId: row.channelId ?? '',
    localTime: row.localTime,
    timeZone: row.timeZone,
    deckId: row.deckId,
    createdBy: row.createdBy,
    language: row.language !== null && isLocale(row.language) ? row.language : null,
  };
}
