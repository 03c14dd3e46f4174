import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Card } from '../../core/deck/card.ts';
import type { Locale } from '../../core/language.ts';
import type { Person, Place } from '../../core/people.ts';
import type {
  AnswerScene,
  DayCounts,
  DisputeScene,
  Learner,
  LearnerSettings,
  LearnerStats,
  NewReview,
  NextCardQuery,
  Prompt,
  QuizStore,
  RescheduleScene,
  ShownCard,
  SiblingBurial,
  StoredReview,
} from '../../core/quiz/ports.ts';
import { streakOf } from '../../core/quiz/streak.ts';
import { localDay } from '../../core/scheduling/day.ts';
import { type MemoryState, newMemory } from '../../core/scheduling/memory.ts';
import { toCard } from '../card-row.ts';
import type { Connection, Database } from '../client.ts';
import { countDeliveryAnswers, deliveryLanguage } from '../delivery-answers.ts';
import type { RawSql, SqlRunner, TransactionRunner } from '../raw-sql.ts';
import { readPresent } from '../rows.ts';
import { cardStates, cards, prompts, reviews, users } from '../schema.ts';
import { sqlTime } from '../sql-time.ts';
import { countedCard, countedReview } from '../visible-decks.ts';
import { rescheduleStates, standingLog } from './reschedule.ts';
import { beforeValues, memoryValues, toLearner, toMemory, toPrompt, toStoredReview } from './rows.ts';
import {
  ANSWER_SCENE,
  CARD,
  COUNT_DAY,
  CREATE_PROMPT,
  DISPUTE_SCENE,
  DUE,
  ENSURE_LEARNER,
  ENSURE_PLACE,
  ENSURE_PROMPT_STATE,
  FIND_CARD,
  FIND_LEARNER,
  FIND_LEARNER_DAY,
  FIND_REVIEW,
  LOCK_PROMPT_STATE,
  LOCK_STATE,
  LOG_REVIEW,
  NEXT_DUE,
  NOTE_APP_LOCALE,
  PROMPT,
  REVIEW,
  SHOW_DUE_CARD,
  SHOW_NEW_CARD,
  STANDING_LOG,
  STATE,
  STORE_REVIEW,
  USER,
} from './sql.ts';

const STATS_WINDOW_DAYS = 30;
const KNOWN_PLACES_LIMIT = 100_000; // tenants remembered per process (a few MB), then forgotten and relearned

/** QuizStore on PostgreSQL or PGlite (the same SQL on both). */
export class PgQuizStore implements QuizStore {
  readonly #db: Database;
  readonly #raw: RawSql;
  /** Tenants this process has made or seen: a row is never removed, so each is written once per process. */
  readonly #knownPlaces = new Set<string>();
  /**
   * The time zone of the last learner whose day was counted: the day is counted in the same statement that
   * reads the learner, so it must be guessed first, and on most servers most people share a zone.
   */
  #lastZone = 'UTC';

  constructor(connection: Pick<Connection, 'db' | 'raw'>) {
    this.#db = connection.db;
    this.#raw = connection.raw;
  }

  // Showing a card (ensurePlace, ensureLearner, countDay, nextCard or findCard, createPrompt) is the other
  // path people wait on: prepared hand-written statements, like answering (README, Benchmarks).
  async ensurePlace(place: Place): Promise<void> {
    if (this.#knownPlaces.has(place.tenantId)) return;
    await this.#raw.query(ENSURE_PLACE, [place.tenantId, place.platform, place.name ?? null]);
    if (this.#knownPlaces.size >= KNOWN_PLACES_LIMIT) this.#knownPlaces.clear();
    this.#knownPlaces.add(place.tenantId);
  }

  async findLearner(person: Person): Promise<Learner | null> {
    const [known] = await this.#raw.query(FIND_LEARNER, [person.platform, person.externalId]);
    return known ? toLearner(readPresent(USER, known)) : null;
  }

  async noteAppLocale(person: Person, tag: string): Promise<boolean> {
    const [row] = await this.#raw.query<{ known: number }>(NOTE_APP_LOCALE, [
      person.platform,
      person.externalId,
      tag,
    ]);
    return (row?.known ?? 0) > 0;
  }

  async ensureLearner(person: Person): Promise<Learner> {
    const key = [person.platform, person.externalId];
    // Read first: an upsert locks the row even when it changes nothing, and a lock is a write that makes
    // the commit wait for the disk, on every card shown.
    const [known] = await this.#raw.query(FIND_LEARNER, key);
    if (known && (person.displayName === undefined || known.displayName === person.displayName)) {
      return toLearner(readPresent(USER, known));
    }
    const [row] = await this.#raw.query(ENSURE_LEARNER, [...key, person.displayName ?? null]);
    // Empty only when another request made this person after the statement began: read it now.
    const found = row ?? (await this.#raw.query(FIND_LEARNER, key))[0];
    if (!found) throw new Error(`user ${person.platform}:${person.externalId} vanished after its upsert`);
    return toLearner(readPresent(USER, found));
  }

  async learnerToday(
    person: Person,
    dayIn: (timeZone: string) => { start: Date; end: Date },
  ): Promise<{ learner: Learner; counts: DayCounts }> {
    const guess = this.#lastZone;
    const day = dayIn(guess);
    const [known] = await this.#raw.query(FIND_LEARNER_DAY, [
      person.platform,
      person.externalId,
      day.start,
      day.end,
    ]);
    if (!known || (person.displayName !== undefined && known.displayName !== person.displayName)) {
      return this.#countedDay(await this.ensureLearner(person), dayIn);
    }
    const learner = toLearner(readPresent(USER, known));
    if (learner.timeZone !== guess) return this.#countedDay(learner, dayIn);
    return {
      learner,
      counts: { reviewed: known.reviewed as number, introduced: known.introduced as number },
    };
  }

  async #countedDay(learner: Learner, dayIn: (timeZone: string) => { start: Date; end: Date }) {
    this.#lastZone = learner.timeZone;
    const day = dayIn(learner.timeZone);
    return { learner, counts: await this.countDay(learner.userId, day.start, day.end) };
  }

  async updateSettings(userId: number, patch: Partial<LearnerSettings>): Promise<Learner> {
    const [row] = await this.#db.update(users).set(patch).where(eq(users.id, userId)).returning();
    if (!row) throw new Error(`user ${userId} does not exist`);
    return toLearner(row);
  }

  async countDay(userId: number, start: Date, end: Date): Promise<DayCounts> {
    const [row] = await this.#raw.query<DayCounts>(COUNT_DAY, [userId, start, end]);
    return { reviewed: row?.reviewed ?? 0, introduced: row?.introduced ?? 0 };
  }

  async showNextCard(
    query: NextCardQuery,
    prompt: { id: string; tenantId: string; request: string | null },
  ): Promise<ShownCard | null> {
    const exclude = JSON.stringify(query.exclude);
    const params = [
      query.userId,
      query.deckId,
      exclude,
      prompt.id,
      prompt.tenantId,
      query.now,
      query.siblings.since,
      query.tag,
      prompt.request,
    ];
    if (query.reviewsAllowed) {
      const [due] = await this.#raw.query<ShownRow>(SHOW_DUE_CARD, params);
      if (due) return shownCard(due, toMemory(readPresent(STATE, due)));
    }
    if (!query.newAllowed) return null;
    const [fresh] = await this.#raw.query<ShownRow>(SHOW_NEW_CARD, params);
    return fresh ? shownCard(fresh, null) : null;
  }

  async nextDue(
    userId: number,
    deckId: string | null,
    tenantId: string,
    siblings: SiblingBurial,
  ): Promise<Date | null> {
    const [row] = await this.#raw.query(NEXT_DUE, [userId, deckId, tenantId, siblings.since, siblings.until]);
    return (row && DUE.read(row)?.due) ?? null;
  }

  async findCard(
    userId: number,
    cardId: string,
    tenantId: string,
  ): Promise<{ card: Card; state: MemoryState | null } | null> {
    const [row] = await this.#raw.query(FIND_CARD, [userId, cardId, tenantId]);
    if (!row) return null;
    const state = STATE.read(row);
    return { card: toCard(readPresent(CARD, row)), state: state ? toMemory(state) : null };
  }

  async createPrompt(prompt: Omit<Prompt, 'card'> & { cardId: string }): Promise<void> {
    await this.#raw.query(CREATE_PROMPT, [
      prompt.id,
      prompt.tenantId,
      prompt.userId,
      prompt.cardId,
      prompt.repsAtShow,
      prompt.shownAt,
      prompt.deliveryId,
    ]);
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

  countDeliveryAnswers(deliveryId: number): Promise<number> {
    return countDeliveryAnswers(this.#db, deliveryId);
  }

  deliveryLanguage(deliveryId: number): Promise<Locale> {
    return deliveryLanguage(this.#db, deliveryId);
  }

  async deckAnswers(deckId: string, limit: number): Promise<readonly string[]> {
    const rows = await this.#db
      .select({ answer: cards.answer })
      .from(cards)
      .where(and(eq(cards.deckId, deckId), isNull(cards.retiredAt)))
      .orderBy(asc(cards.position))
      .limit(limit);
    return rows.map((row) => row.answer);
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
    request: string | null = null,
  ): Promise<{ result: T; reviewId: number | null } | null> {
    if (!isUuid(promptId)) return null;
    for (let attempt = 1; ; attempt++) {
      const answered = await this.#answerOnce(promptId, decide, request);
      if (answered !== NO_STATE) return answered;
      if (attempt === 3) throw new Error(`prompt ${promptId}: its card state cannot be made`);
      // The person's first answer to this card: make its state (committed, so that every racing answer
      // finds and locks it) and start over.
      await this.#raw.query(ENSURE_PROMPT_STATE, [promptId, ...NEW_STATE_VALUES]);
    }
  }

  /**
   * The hot path users wait on, in hand-written SQL (Drizzle's query building cost more than the database
   * did; see README, Benchmarks). Two statements sent together and run in order: lock the card state, then
   * lock and read the prompt. Every writer takes the state before the prompt, so racing answers queue
   * instead of deadlocking, and the prompt is read after the wait, with any answer that got in first; then
   * one statement writes. Without a state row it changes nothing and says so.
   */
  #answerOnce<T>(
    promptId: string,
    decide: (scene: AnswerScene) => { result: T; review: NewReview | null },
    request: string | null,
  ): Promise<{ result: T; reviewId: number | null } | null | typeof NO_STATE> {
    return this.#raw.transaction(async (tx) => {
      const [[locked], [row]] = await Promise.all([
        tx.query(LOCK_PROMPT_STATE, [promptId]),
        tx.query(ANSWER_SCENE, [promptId]),
      ]);
      if (!row) return null;
      if (!locked) return NO_STATE;
      const found = readPresent(PROMPT, row);
      const prompt = toPrompt(found, readPresent(CARD, row));
      const state = toMemory(readPresent(STATE, locked));
      const user = readPresent(USER, row);
      const existing = found.reviewId === null ? null : await findReview(tx, found.reviewId);
      const decision = decide({
        prompt,
        person: { platform: user.platform, externalId: user.externalId },
        learner: toLearner(user),
        state,
        existing,
        answeredBy: found.answeredBy,
      });
      if (!decision.review) return { result: decision.result, reviewId: null };
      return { result: decision.result, reviewId: await storeReview(tx, decision.review, null, request) };
    });
  }

  async dispute<T>(
    reviewId: number,
    decide: (scene: DisputeScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null> {
    if (!Number.isSafeInteger(reviewId) || reviewId <= 0) return null;
    return this.#raw.transaction(async (tx) => {
      const [row] = await tx.query(DISPUTE_SCENE, [reviewId]);
      if (!row) return null;
      const review = toStoredReview(readPresent(REVIEW, row));
      const user = readPresent(USER, row);
      const state = await lockReviewedState(tx, review.userId, review.cardId);
      const logged = await tx.query(STANDING_LOG, [review.userId, review.cardId]);
      const decision = decide({
        review,
        person: { platform: user.platform, externalId: user.externalId },
        learner: toLearner(user),
        card: toCard(readPresent(CARD, row)),
        state,
        log: standingLog(logged.map((each) => readPresent(LOG_REVIEW, each))),
      });
      if (!decision.review) return { result: decision.result, reviewId: null };
      return { result: decision.result, reviewId: await storeReview(tx, decision.review, reviewId) };
    });
  }

  reschedule(
    userId: number,
    decide: (scene: RescheduleScene) => { cardId: string; state: MemoryState }[],
  ): Promise<void> {
    return rescheduleStates(this.#db, userId, decide);
  }

  async stats(userId: number, now: Date, timeZone: string, tenantId?: string): Promise<LearnerStats> {
    const today = localDay(now, timeZone);
    const dayMs = 86_400_000;
    const tomorrowEnd = new Date(today.end.getTime() + dayMs);
    const weekEnd = new Date(today.end.getTime() + 6 * dayMs);
    const windowStart = new Date(now.getTime() - STATS_WINDOW_DAYS * dayMs);
    const live = and(
      eq(cardStates.userId, userId),
      sql`${cardStates.state} <> 0`,
      isNull(cards.retiredAt),
      countedCard(tenantId),
    );
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
    const counted = and(eq(reviews.userId, userId), isNull(reviews.supersededBy), countedReview(tenantId));
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

const NO_STATE = Symbol('the person has no state of the card yet');

/** A never-answered card's state is newMemory(the time it was shown). */
const NEW_STATE_VALUES = memoryValues(newMemory(new Date(0))).slice(1); // all but `due`: the same at any time

/**
 * Locks the person's state row of a card they were reviewed on: the answer that wrote the review moved that
 * row, and state rows are never deleted.
 */
async function lockReviewedState(tx: SqlRunner, userId: number, cardId: string): Promise<MemoryState> {
  const [row] = await tx.query(LOCK_STATE, [userId, cardId]);
  if (!row) throw new Error(`card state ${userId}/${cardId} is missing under its review`);
  return toMemory(readPresent(STATE, row));
}

/** The transaction's last statement: it goes with the COMMIT. */
async function storeReview(
  tx: TransactionRunner,
  review: NewReview,
  disputeOf: number | null,
  request: string | null = null,
): Promise<number> {
  const { record } = review;
  const [row] = await tx.queryAndCommit<{ id: unknown }>(STORE_REVIEW, [
    review.userId,
    review.cardId,
    ...memoryValues(record.after),
    review.tenantId,
    review.promptId,
    disputeOf,
    record.rating,
    record.reviewedAt,
    record.elapsedDays,
    record.lastElapsedDays,
    review.answer,
    review.verdict,
    review.responseMs,
    ...beforeValues(record.before),
    request,
  ]);
  if (!row) throw new Error('insert of a review returned no row');
  return Number(row.id);
}

async function findReview(tx: SqlRunner, id: number): Promise<StoredReview | null> {
  const [row] = await tx.query(FIND_REVIEW, [id]);
  return row ? toStoredReview(readPresent(REVIEW, row)) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(id: string): boolean {
  return UUID.test(id);
}

type ShownRow = Record<string, unknown> & { 'shown.id': string | null };

/** A picked card's row as SHOW_DUE_CARD and SHOW_NEW_CARD return it: no "shown" id when its request had one. */
function shownCard(row: ShownRow, state: MemoryState | null): ShownCard {
  const promptId = row['shown.id'];
  if (promptId === null) return { repeated: true };
  return { repeated: false, card: toCard(readPresent(CARD, row)), state, promptId };
}
