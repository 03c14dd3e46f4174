import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { DayDue, DayReviews, ProgressLearner, ProgressStore } from '../core/progress/ports.ts';
import type { LearnerStats } from '../core/quiz/ports.ts';
import type { Connection } from './client.ts';
import { PgQuizStore } from './quiz/pg-quiz-store.ts';
import { cardStates, cards, reviews, users } from './schema.ts';
import { sqlTime } from './sql-time.ts';
import { countedCard, countedReview } from './visible-decks.ts';

/** ProgressStore over Drizzle: the figures of the progress picture, the same on PGlite and PostgreSQL. */
export class PgProgressStore implements ProgressStore {
  readonly #connection: Pick<Connection, 'db' | 'raw'>;
  readonly #quizStore: PgQuizStore;

  constructor(connection: Pick<Connection, 'db' | 'raw'>) {
    this.#connection = connection;
    this.#quizStore = new PgQuizStore(connection);
  }

  async findLearner(platform: string, externalId: string): Promise<ProgressLearner | null> {
    const [row] = await this.#connection.db
      .select({
        userId: users.id,
        platform: users.platform,
        externalId: users.externalId,
        displayName: users.displayName,
        timeZone: users.timeZone,
      })
      .from(users)
      .where(and(eq(users.platform, platform), eq(users.externalId, externalId)));
    return row ?? null;
  }

  async reviewsByDay(
    userId: number,
    timeZone: string,
    from: Date,
    to: Date,
    tenantId?: string,
  ): Promise<DayReviews[]> {
    const date = sql<string>`to_char(${reviews.reviewedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
    return this.#connection.db
      .select({
        date,
        reviews: sql<number>`count(*)::int`,
        recalled: sql<number>`(count(*) filter (where ${reviews.rating} > 1))::int`,
      })
      .from(reviews)
      .where(
        and(
          eq(reviews.userId, userId),
          isNull(reviews.supersededBy),
          gte(reviews.reviewedAt, from),
          lt(reviews.reviewedAt, to),
          countedReview(tenantId),
        ),
      )
      .groupBy(sql`1`)
      .orderBy(sql`1`);
  }

  async dueByDay(
    userId: number,
    timeZone: string,
    from: Date,
    to: Date,
    tenantId?: string,
  ): Promise<DayDue[]> {
    // An overdue card is due now: it counts on the first day, as /stats counts it in "due today".
    const date = sql<string>`to_char(greatest(${cardStates.due}, ${sqlTime(from)}) at time zone ${timeZone}, 'YYYY-MM-DD')`;
    return this.#connection.db
      .select({ date, due: sql<number>`count(*)::int` })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(
        and(
          eq(cardStates.userId, userId),
          sql`${cardStates.state} <> 0`,
          isNull(cards.retiredAt),
          lt(cardStates.due, to),
          countedCard(tenantId),
        ),
      )
      .groupBy(sql`1`)
      .orderBy(sql`1`);
  }

  stats(userId: number, now: Date, timeZone: string, tenantId?: string): Promise<LearnerStats> {
    return this.#quizStore.stats(userId, now, timeZone, tenantId);
  }
}
