import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  LeechRow,
  PracticeAnswer,
  PracticeCandidate,
  PracticePrompt,
  PracticeQuery,
  StudyStore,
  SuspendedCard,
  SuspendReason,
} from '../core/quiz/study.ts';
import type { Rating } from '../core/rating.ts';
import { toCard } from './card-row.ts';
import type { Database } from './client.ts';
import { toMemory } from './quiz/rows.ts';
import { cardHolds, cardStates, cards, practiceReviews, prompts, reviews } from './schema.ts';
import { sqlTime } from './sql-time.ts';
import { visibleCardOf } from './visible-decks.ts';

/** StudyStore on PostgreSQL or PGlite: holds (suspended, buried, leech counts) and the practice log. */
export class PgStudyStore implements StudyStore {
  readonly #db: Database;

  constructor(connection: { db: Database }) {
    this.#db = connection.db;
  }

  async leechBase(userId: number, cardId: string): Promise<number> {
    const [row] = await this.#db
      .select({ base: cardHolds.leechBase })
      .from(cardHolds)
      .where(and(eq(cardHolds.userId, userId), eq(cardHolds.cardId, cardId)));
    return row?.base ?? 0;
  }

  async suspend(userId: number, cardId: string, reason: SuspendReason, at: Date): Promise<void> {
    const leeches = reason === 'leech' ? 1 : 0;
    await this.#db
      .insert(cardHolds)
      .values({ userId, cardId, suspendedAt: at, suspendedAs: reason, leeches })
      .onConflictDoUpdate({
        target: [cardHolds.userId, cardHolds.cardId],
        set: {
          suspendedAt: at,
          suspendedAs: reason,
          leeches: sql`${cardHolds.leeches} + ${leeches}`,
        },
      });
  }

  async bury(userId: number, cardId: string, until: Date): Promise<void> {
    await this.#db
      .insert(cardHolds)
      .values({ userId, cardId, buriedUntil: until })
      .onConflictDoUpdate({ target: [cardHolds.userId, cardHolds.cardId], set: { buriedUntil: until } });
  }

  async unsuspend(userId: number, cardId: string, resetLeech: boolean): Promise<boolean> {
    const lapses = sql`coalesce((select ${cardStates.lapses} from ${cardStates} where ${cardStates.userId} = ${userId} and ${cardStates.cardId} = ${cardId}), 0)`;
    const rows = await this.#db
      .update(cardHolds)
      .set({
        suspendedAt: null,
        suspendedAs: null,
        ...(resetLeech ? { leechBase: lapses } : {}),
      })
      .where(
        and(eq(cardHolds.userId, userId), eq(cardHolds.cardId, cardId), isNotNull(cardHolds.suspendedAt)),
      )
      .returning({ cardId: cardHolds.cardId });
    return rows.length > 0;
  }

  async suspended(userId: number, limit: number): Promise<SuspendedCard[]> {
    const rows = await this.#db
      .select({
        cardId: cards.id,
        deckId: cards.deckId,
        question: cards.question,
        reason: cardHolds.suspendedAs,
        since: cardHolds.suspendedAt,
      })
      .from(cardHolds)
      .innerJoin(cards, eq(cards.id, cardHolds.cardId))
      .where(and(eq(cardHolds.userId, userId), isNotNull(cardHolds.suspendedAt), isNull(cards.retiredAt)))
      .orderBy(desc(cardHolds.suspendedAt), cards.id)
      .limit(limit);
    return rows.map((row) => ({
      ...row,
      reason: row.reason ?? 'manual',
      since: row.since ?? new Date(0),
    }));
  }

  async leeches(tenantId: string, limit: number): Promise<LeechRow[]> {
    // Members: people with a review in this community; their holds count wherever the leech happened.
    const member = sql`exists (select 1 from ${reviews} where ${reviews.tenantId} = ${tenantId} and ${reviews.userId} = ${cardHolds.userId})`;
    const leeches = sql<number>`sum(${cardHolds.leeches})::int`;
    return this.#db
      .select({
        cardId: cards.id,
        deckId: cards.deckId,
        question: cards.question,
        people: sql<number>`count(*)::int`,
        leeches,
      })
      .from(cardHolds)
      .innerJoin(cards, eq(cards.id, cardHolds.cardId))
      .where(and(sql`${cardHolds.leeches} > 0`, member, visibleCardOf(tenantId), isNull(cards.retiredAt)))
      .groupBy(cards.id, cards.deckId, cards.question)
      .orderBy(sql`count(*) desc`, desc(leeches), cards.id)
      .limit(limit);
  }

  async practiceCandidates(query: PracticeQuery): Promise<PracticeCandidate[]> {
    const failed = sql<boolean>`exists (select 1 from ${reviews} where ${reviews.userId} = ${query.userId} and ${reviews.cardId} = ${cards.id} and ${reviews.rating} = 1 and ${reviews.supersededBy} is null and ${reviews.reviewedAt} >= ${sqlTime(query.failedSince)})`;
    const practised = sql`exists (select 1 from ${prompts} where ${prompts.userId} = ${query.userId} and ${prompts.cardId} = ${cards.id} and ${prompts.practice} and ${prompts.shownAt} >= ${sqlTime(query.practisedSince)})`;
    const suspended = sql`exists (select 1 from ${cardHolds} where ${cardHolds.userId} = ${query.userId} and ${cardHolds.cardId} = ${cards.id} and ${cardHolds.suspendedAt} is not null)`;
    const rows = await this.#db
      .select({ card: cards, state: cardStates, failed })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(
        and(
          eq(cardStates.userId, query.userId),
          sql`${cardStates.state} <> 0`,
          isNull(cards.retiredAt),
          query.deckId === null ? undefined : eq(cards.deckId, query.deckId),
          query.tag === null ? undefined : sql`${cards.tags} ? ${query.tag}`,
          visibleCardOf(query.tenantId),
          sql`not ${practised}`,
          sql`not ${suspended}`,
        ),
      )
      .orderBy(sql`${failed} desc`, cardStates.due)
      .limit(query.limit);
    return rows.map((row) => ({
      card: toCard(row.card),
      state: toMemory(row.state),
      failedRecently: row.failed,
    }));
  }

  async createPracticePrompt(prompt: PracticePrompt): Promise<void> {
    await this.#db.insert(prompts).values({ ...prompt, practice: true });
  }

  async recordPractice(
    answer: PracticeAnswer,
  ): Promise<{ id: number; repeated: boolean; first: PracticeAnswer }> {
    const [inserted] = await this.#db
      .insert(practiceReviews)
      .values(answer)
      .onConflictDoNothing({ target: practiceReviews.promptId })
      .returning({ id: practiceReviews.id });
    if (inserted) return { id: inserted.id, repeated: false, first: answer };
    const [row] = await this.#db
      .select()
      .from(practiceReviews)
      .where(eq(practiceReviews.promptId, answer.promptId));
    if (!row) throw new Error(`practice answer to ${answer.promptId} vanished after its conflict`);
    const { id, ...first } = row;
    return { id, repeated: true, first: { ...first, rating: first.rating as Rating } };
  }
}
