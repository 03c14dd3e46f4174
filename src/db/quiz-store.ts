import { and, asc, eq, gte, isNotNull, isNull, lt, lte, min, notInArray, sql } from 'drizzle-orm';
import type { Card } from '../core/deck/card.ts';
import type {
  AnswerScene,
  DayCounts,
  DisputeScene,
  Learner,
  LearnerStats,
  NewReview,
  NextCardQuery,
  Person,
  Place,
  Prompt,
  QuizStore,
  StoredReview,
} from '../core/quiz/ports.ts';
import { streakOf } from '../core/quiz/streak.ts';
import { localDay } from '../core/scheduling/day.ts';
import { type MemoryState, newMemory, type Rating } from '../core/scheduling/memory.ts';
import type { SchedulingSettings } from '../core/scheduling/settings.ts';
import type { Database } from './client.ts';
import { cardStates, cards, prompts, reviews, tenants, users } from './schema.ts';
import { sqlTime } from './sql-time.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Executor = Database | Tx;

const STATS_WINDOW_DAYS = 30;

/** QuizStore over Drizzle: works the same on PGlite and PostgreSQL. */
export class DrizzleQuizStore implements QuizStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async ensurePlace(place: Place): Promise<void> {
    await this.#db
      .insert(tenants)
      .values({ id: place.tenantId, platform: place.platform, name: place.name ?? null })
      .onConflictDoNothing();
  }

  async ensureLearner(person: Person): Promise<Learner> {
    // Called on every prompt: write only for a new person or a changed name, else just read the row
    // (an upsert that always updates would write a row version and flush WAL each time).
    const [written] = await this.#db
      .insert(users)
      .values({
        platform: person.platform,
        externalId: person.externalId,
        displayName: person.displayName ?? null,
      })
      .onConflictDoUpdate({
        target: [users.platform, users.externalId],
        set: { displayName: sql`excluded.display_name` },
        setWhere: person.displayName
          ? sql`${users.displayName} is distinct from excluded.display_name`
          : sql`false`,
      })
      .returning();
    if (written) return toLearner(written);
    const [existing] = await this.#db
      .select()
      .from(users)
      .where(and(eq(users.platform, person.platform), eq(users.externalId, person.externalId)));
    if (!existing) throw new Error(`user ${person.platform}:${person.externalId} vanished after its upsert`);
    return toLearner(existing);
  }

  async updateSettings(userId: number, patch: Partial<SchedulingSettings>): Promise<Learner> {
    const [row] = await this.#db.update(users).set(patch).where(eq(users.id, userId)).returning();
    if (!row) throw new Error(`user ${userId} does not exist`);
    return toLearner(row);
  }

  async countDay(userId: number, start: Date, end: Date): Promise<DayCounts> {
    const [row] = await this.#db
      .select({
        reviewed: sql<number>`count(*)::int`,
        introduced: sql<number>`(count(*) filter (where ${reviews.stateBefore} = 0))::int`,
      })
      .from(reviews)
      .where(
        and(
          eq(reviews.userId, userId),
          gte(reviews.reviewedAt, start),
          lt(reviews.reviewedAt, end),
          isNull(reviews.disputeOf),
        ),
      );
    return { reviewed: row?.reviewed ?? 0, introduced: row?.introduced ?? 0 };
  }

  async nextCard(query: NextCardQuery): Promise<{ card: Card; state: MemoryState | null } | null> {
    const inDeck = query.deckId === null ? undefined : eq(cards.deckId, query.deckId);
    const notExcluded = query.exclude.length > 0 ? notInArray(cards.id, [...query.exclude]) : undefined;
    if (query.reviewsAllowed) {
      const [due] = await this.#db
        .select({ card: cards, state: cardStates })
        .from(cardStates)
        .innerJoin(cards, eq(cards.id, cardStates.cardId))
        .where(
          and(
            eq(cardStates.userId, query.userId),
            lte(cardStates.due, query.now),
            sql`${cardStates.state} <> 0`,
            isNull(cards.retiredAt),
            inDeck,
            notExcluded,
          ),
        )
        .orderBy(asc(cardStates.due))
        .limit(1);
      if (due) return { card: toCard(due.card), state: toMemory(due.state) };
    }
    if (!query.newAllowed) return null;
    const [fresh] = await this.#db
      .select({ card: cards })
      .from(cards)
      .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, query.userId)))
      .where(and(isNull(cards.retiredAt), sql`coalesce(${cardStates.state}, 0) = 0`, inDeck, notExcluded))
      .orderBy(asc(cards.deckId), asc(cards.position))
      .limit(1);
    return fresh ? { card: toCard(fresh.card), state: null } : null;
  }

  async nextDue(userId: number, deckId: string | null): Promise<Date | null> {
    const [row] = await this.#db
      .select({ due: min(cardStates.due) })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(
        and(
          eq(cardStates.userId, userId),
          sql`${cardStates.state} <> 0`,
          isNull(cards.retiredAt),
          deckId === null ? undefined : eq(cards.deckId, deckId),
        ),
      );
    return row?.due ?? null;
  }

  async findCard(userId: number, cardId: string): Promise<{ card: Card; state: MemoryState | null } | null> {
    const [row] = await this.#db
      .select({ card: cards, state: cardStates })
      .from(cards)
      .leftJoin(cardStates, and(eq(cardStates.cardId, cards.id), eq(cardStates.userId, userId)))
      .where(and(eq(cards.id, cardId), isNull(cards.retiredAt)));
    return row ? { card: toCard(row.card), state: row.state ? toMemory(row.state) : null } : null;
  }

  async createPrompt(prompt: Omit<Prompt, 'card'> & { cardId: string }): Promise<void> {
    await this.#db.insert(prompts).values({
      id: prompt.id,
      tenantId: prompt.tenantId,
      userId: prompt.userId,
      cardId: prompt.cardId,
      repsAtShow: prompt.repsAtShow,
      shownAt: prompt.shownAt,
      deliveryId: prompt.deliveryId,
    });
  }

  async findDeliveryPrompt(deliveryId: number, userId: number): Promise<Prompt | null> {
    const [row] = await this.#db
      .select({ prompt: prompts, card: cards })
      .from(prompts)
      .innerJoin(cards, eq(cards.id, prompts.cardId))
      .where(and(eq(prompts.deliveryId, deliveryId), eq(prompts.userId, userId)))
      .orderBy(asc(prompts.shownAt))
      .limit(1);
    return row ? toPrompt(row.prompt, row.card) : null;
  }

  async countDeliveryAnswers(deliveryId: number): Promise<number> {
    const [row] = await this.#db
      .select({ n: sql<number>`count(distinct ${prompts.userId})::int` })
      .from(prompts)
      .where(and(eq(prompts.deliveryId, deliveryId), isNotNull(prompts.answeredAt)));
    return row?.n ?? 0;
  }

  async findPrompt(id: string): Promise<Prompt | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.#db
      .select({ prompt: prompts, card: cards })
      .from(prompts)
      .innerJoin(cards, eq(cards.id, prompts.cardId))
      .where(eq(prompts.id, id));
    return row ? toPrompt(row.prompt, row.card) : null;
  }

  async markRevealed(promptId: string, at: Date): Promise<void> {
    await this.#db
      .update(prompts)
      .set({ revealedAt: at })
      .where(and(eq(prompts.id, promptId), isNull(prompts.revealedAt)));
  }

  async answer<T>(
    promptId: string,
    decide: (scene: AnswerScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null> {
    if (!isUuid(promptId)) return null;
    return this.#db.transaction(async (tx) => {
      const [row] = await tx
        .select({ prompt: prompts, card: cards, user: users })
        .from(prompts)
        .innerJoin(cards, eq(cards.id, prompts.cardId))
        .innerJoin(users, eq(users.id, prompts.userId))
        .where(eq(prompts.id, promptId))
        .for('update', { of: prompts });
      if (!row) return null;
      const prompt = toPrompt(row.prompt, row.card);
      const state = await lockState(tx, prompt.userId, prompt.card.id, prompt.shownAt);
      const existing = row.prompt.reviewId === null ? null : await findReview(tx, row.prompt.reviewId);
      const decision = decide({
        prompt,
        person: { platform: row.user.platform, externalId: row.user.externalId },
        learner: toLearner(row.user),
        state,
        existing,
      });
      if (!decision.review) return { result: decision.result, reviewId: null };
      const reviewId = await storeReview(tx, decision.review, null);
      await tx
        .update(prompts)
        .set({ answeredAt: decision.review.record.reviewedAt, reviewId })
        .where(eq(prompts.id, promptId));
      return { result: decision.result, reviewId };
    });
  }

  async dispute<T>(
    reviewId: number,
    decide: (scene: DisputeScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null> {
    if (!Number.isSafeInteger(reviewId) || reviewId <= 0) return null;
    return this.#db.transaction(async (tx) => {
      const [row] = await tx
        .select({ review: reviews, card: cards, user: users })
        .from(reviews)
        .innerJoin(cards, eq(cards.id, reviews.cardId))
        .innerJoin(users, eq(users.id, reviews.userId))
        .where(eq(reviews.id, reviewId))
        .for('update', { of: reviews });
      if (!row) return null;
      const review = toStoredReview(row.review);
      const state = await lockState(tx, review.userId, review.cardId, review.record.reviewedAt);
      const decision = decide({
        review,
        person: { platform: row.user.platform, externalId: row.user.externalId },
        learner: toLearner(row.user),
        card: toCard(row.card),
        state,
      });
      if (!decision.review) return { result: decision.result, reviewId: null };
      const replacement = await storeReview(tx, decision.review, reviewId);
      await tx.update(reviews).set({ supersededBy: replacement }).where(eq(reviews.id, reviewId));
      if (review.promptId)
        await tx.update(prompts).set({ reviewId: replacement }).where(eq(prompts.id, review.promptId));
      return { result: decision.result, reviewId: replacement };
    });
  }

  async stats(userId: number, now: Date, timeZone: string): Promise<LearnerStats> {
    const today = localDay(now, timeZone);
    const dayMs = 86_400_000;
    const tomorrowEnd = new Date(today.end.getTime() + dayMs);
    const weekEnd = new Date(today.end.getTime() + 6 * dayMs);
    const windowStart = new Date(now.getTime() - STATS_WINDOW_DAYS * dayMs);
    const live = and(eq(cardStates.userId, userId), sql`${cardStates.state} <> 0`, isNull(cards.retiredAt));
    const [due] = await this.#db
      .select({
        now: sql<number>`(count(*) filter (where ${cardStates.due} <= ${sqlTime(now)}))::int`,
        today: sql<number>`(count(*) filter (where ${cardStates.due} < ${sqlTime(today.end)}))::int`,
        tomorrow: sql<number>`(count(*) filter (where ${cardStates.due} >= ${sqlTime(today.end)} and ${cardStates.due} < ${sqlTime(tomorrowEnd)}))::int`,
        week: sql<number>`(count(*) filter (where ${cardStates.due} < ${sqlTime(weekEnd)}))::int`,
      })
      .from(cardStates)
      .innerJoin(cards, eq(cards.id, cardStates.cardId))
      .where(live);
    const counted = and(eq(reviews.userId, userId), isNull(reviews.supersededBy));
    const [recent] = await this.#db
      .select({
        total: sql<number>`count(*)::int`,
        window: sql<number>`(count(*) filter (where ${reviews.reviewedAt} >= ${sqlTime(windowStart)}))::int`,
        recalled: sql<number>`(count(*) filter (where ${reviews.reviewedAt} >= ${sqlTime(windowStart)} and ${reviews.rating} > 1))::int`,
        today: sql<number>`(count(*) filter (where ${reviews.reviewedAt} >= ${sqlTime(today.start)} and ${reviews.reviewedAt} < ${sqlTime(today.end)}))::int`,
      })
      .from(reviews)
      .where(counted);
    const days = await this.#db
      .selectDistinct({
        day: sql<string>`to_char(${reviews.reviewedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
      })
      .from(reviews)
      .where(counted)
      .orderBy(sql`1 desc`)
      .limit(3_660);
    return {
      dueNow: due?.now ?? 0,
      dueToday: due?.today ?? 0,
      dueTomorrow: due?.tomorrow ?? 0,
      dueThisWeek: due?.week ?? 0,
      reviewedToday: recent?.today ?? 0,
      retention30d: recent && recent.window > 0 ? recent.recalled / recent.window : null,
      streak: streakOf(
        days.map((row) => row.day),
        today.date,
      ),
      totalReviews: recent?.total ?? 0,
    };
  }
}

/** Locks the person's state row of the card, creating a new one first if they never saw it. */
async function lockState(tx: Executor, userId: number, cardId: string, now: Date): Promise<MemoryState> {
  const fresh = newMemory(now);
  await tx
    .insert(cardStates)
    .values({ userId, cardId, ...fresh })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(cardStates)
    .where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, cardId)))
    .for('update');
  if (!row) throw new Error(`card state ${userId}/${cardId} vanished inside its transaction`);
  return toMemory(row);
}

async function storeReview(tx: Executor, review: NewReview, disputeOf: number | null): Promise<number> {
  const { record } = review;
  await tx
    .update(cardStates)
    .set({ ...record.after })
    .where(and(eq(cardStates.userId, review.userId), eq(cardStates.cardId, review.cardId)));
  const [row] = await tx
    .insert(reviews)
    .values({
      tenantId: review.tenantId,
      userId: review.userId,
      cardId: review.cardId,
      promptId: review.promptId,
      rating: record.rating,
      stateBefore: record.before.state,
      dueBefore: record.before.due,
      stabilityBefore: record.before.stability,
      difficultyBefore: record.before.difficulty,
      elapsedDays: record.elapsedDays,
      lastElapsedDays: record.lastElapsedDays,
      scheduledDaysBefore: record.before.scheduledDays,
      learningStepsBefore: record.before.learningSteps,
      lastReviewBefore: record.before.lastReview,
      repsBefore: record.before.reps,
      lapsesBefore: record.before.lapses,
      dueAfter: record.after.due,
      answer: review.answer,
      verdict: review.verdict,
      responseMs: review.responseMs,
      reviewedAt: record.reviewedAt,
      disputeOf,
    })
    .returning({ id: reviews.id });
  if (!row) throw new Error('insert of a review returned no row');
  return row.id;
}

async function findReview(tx: Executor, id: number): Promise<StoredReview | null> {
  const [row] = await tx.select().from(reviews).where(eq(reviews.id, id));
  return row ? toStoredReview(row) : null;
}

/** Rebuilds a review's record; the state after it is what the card state was set to, read from the row. */
function toStoredReview(row: typeof reviews.$inferSelect): StoredReview {
  const before: MemoryState = {
    due: row.dueBefore,
    stability: row.stabilityBefore,
    difficulty: row.difficultyBefore,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDaysBefore,
    learningSteps: row.learningStepsBefore,
    reps: row.repsBefore,
    lapses: row.lapsesBefore,
    state: row.stateBefore,
    lastReview: row.lastReviewBefore,
  };
  return {
    id: row.id,
    tenantId: row.tenantId,
    userId: row.userId,
    cardId: row.cardId,
    promptId: row.promptId,
    record: {
      rating: row.rating as Rating,
      before,
      // Only `due` and `reps` of the state after are kept on the row; they identify it for a dispute.
      after: { ...before, due: row.dueAfter, reps: row.repsBefore + 1 },
      elapsedDays: row.elapsedDays,
      lastElapsedDays: row.lastElapsedDays,
      reviewedAt: row.reviewedAt,
    },
    answer: row.answer,
    verdict: row.verdict,
    responseMs: row.responseMs,
    supersededBy: row.supersededBy,
    disputeOf: row.disputeOf,
  };
}

function toMemory(row: typeof cardStates.$inferSelect): MemoryState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}

export function toCard(row: typeof cards.$inferSelect): Card {
  return {
    id: row.id,
    deckId: row.deckId,
    kind: row.kind,
    question: row.question,
    answer: row.answer,
    accept: row.accept,
    options: row.options,
    correctOption: row.correctOption,
    note: row.note,
    tags: row.tags,
    position: row.position,
    line: row.sourceLine,
  };
}

function toPrompt(row: typeof prompts.$inferSelect, card: typeof cards.$inferSelect): Prompt {
  return {
    id: row.id,
    tenantId: row.tenantId,
    userId: row.userId,
    card: toCard(card),
    shownAt: row.shownAt,
    repsAtShow: row.repsAtShow,
    deliveryId: row.deliveryId,
  };
}

function toLearner(row: typeof users.$inferSelect): Learner {
  return {
    userId: row.id,
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    timeZone: row.timeZone,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(id: string): boolean {
  return UUID.test(id);
}
