import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
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
import type { Connection, Database } from './client.ts';
import { NO_FLUSH } from './no-flush.ts';
import type { RawSql, SqlRunner, TransactionRunner } from './raw-sql.ts';
import { readPresent, tableColumns } from './rows.ts';
import { cardStates, cards, prompts, reviews, users } from './schema.ts';
import { sqlTime } from './sql-time.ts';

const STATS_WINDOW_DAYS = 30;
const KNOWN_PLACES_LIMIT = 100_000; // tenants remembered per process (a few MB), then forgotten and relearned

/** QuizStore over Drizzle: works the same on PGlite and PostgreSQL. */
export class DrizzleQuizStore implements QuizStore {
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

  async updateSettings(userId: number, patch: Partial<SchedulingSettings>): Promise<Learner> {
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
    prompt: { id: string; tenantId: string },
  ): Promise<{ card: Card; state: MemoryState | null } | null> {
    const exclude = JSON.stringify(query.exclude);
    const shown = [prompt.id, prompt.tenantId, query.now];
    if (query.reviewsAllowed) {
      const [due] = await this.#raw.query(SHOW_DUE_CARD, [query.userId, query.deckId, exclude, ...shown]);
      if (due) return { card: toCard(readPresent(CARD, due)), state: toMemory(readPresent(STATE, due)) };
    }
    if (!query.newAllowed) return null;
    const [fresh] = await this.#raw.query(SHOW_NEW_CARD, [query.userId, query.deckId, exclude, ...shown]);
    return fresh ? { card: toCard(readPresent(CARD, fresh)), state: null } : null;
  }

  async nextDue(userId: number, deckId: string | null): Promise<Date | null> {
    const [row] = await this.#raw.query(NEXT_DUE, [userId, deckId]);
    return (row && DUE.read(row)?.due) ?? null;
  }

  async findCard(userId: number, cardId: string): Promise<{ card: Card; state: MemoryState | null } | null> {
    const [row] = await this.#raw.query(FIND_CARD, [userId, cardId]);
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
      const decision = decide({
        review,
        person: { platform: user.platform, externalId: user.externalId },
        learner: toLearner(user),
        card: toCard(readPresent(CARD, row)),
        state,
      });
      if (!decision.review) return { result: decision.result, reviewId: null };
      return { result: decision.result, reviewId: await storeReview(tx, decision.review, reviewId) };
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

/** What a Card is made of: a hot path reads only these columns. */
const CARD_FIELDS = [
  'id',
  'deckId',
  'kind',
  'question',
  'answer',
  'accept',
  'options',
  'correctOption',
  'note',
  'tags',
  'position',
  'sourceLine',
] as const satisfies readonly (keyof typeof cards.$inferSelect)[];
type CardRow = Pick<typeof cards.$inferSelect, (typeof CARD_FIELDS)[number]>;

const LEARNER_FIELDS = [
  'id',
  'platform',
  'externalId',
  'desiredRetention',
  'newPerDay',
  'maxReviewsPerDay',
  'timeZone',
  'fsrsWeights',
] as const satisfies readonly (keyof typeof users.$inferSelect)[];
type LearnerRow = Pick<typeof users.$inferSelect, (typeof LEARNER_FIELDS)[number]>;

const PROMPT = tableColumns(prompts, 'p');
const CARD = tableColumns(cards, 'c', CARD_FIELDS);
const USER = tableColumns(users, 'u', LEARNER_FIELDS);
const STATE = tableColumns(cardStates, 's');
const DUE = tableColumns(cardStates, 's', ['due']);
const REVIEW = tableColumns(reviews, 'r');

const ENSURE_PLACE = 'insert into tenants (id, platform, name) values ($1, $2, $3) on conflict do nothing';

/**
 * The person's row, made on first sight; the display name is written only when it changed (an upsert that
 * always updates would write a row version and flush WAL on every card shown).
 */
const ENSURE_LEARNER = `
  with written as (
    insert into users (platform, external_id, display_name) values ($1, $2, $3)
    on conflict (platform, external_id) do update set display_name = excluded.display_name
    where $3::text is not null and users.display_name is distinct from excluded.display_name
    returning *
  )
  select ${USER.list} from written u
  union all
  select ${USER.list} from users u
  where u.platform = $1 and u.external_id = $2 and not exists (select from written)`;
const FIND_LEARNER = `
  select ${USER.list}, u.display_name as "displayName" from users u where u.platform = $1 and u.external_id = $2`;

/** Reviews counted against the day's limits, and how many introduced a new card (a dispute's replacement is not a second review). */
const dayCounts = (user: string, from: string, to: string) => `
  select count(*)::int as reviewed, (count(*) filter (where r.state_before = 0))::int as introduced
  from reviews r
  where r.user_id = ${user} and r.reviewed_at >= ${from} and r.reviewed_at < ${to} and r.dispute_of is null`;

const COUNT_DAY = dayCounts('$1', '$2', '$3');

/** FIND_LEARNER with the same counts from $3 to $4 (a lateral join: one round trip for both). */
const FIND_LEARNER_DAY = `
  select ${USER.list}, u.display_name as "displayName", d.reviewed, d.introduced
  from users u cross join lateral (${dayCounts('u.id', '$3', '$4')}
  ) d
  where u.platform = $1 and u.external_id = $2`;

/** $3 / $2: a deck id or null for every deck; the last parameter: card ids to leave out, as a JSON array. */
/**
 * The card picked, and its prompt stored, in one statement (one round trip per card shown, and no flush:
 * see CREATE_PROMPT). $1: the person; $2: a deck id or null for every deck; $3: card ids to leave out, as
 * a JSON array; $4, $5, $6: the prompt's id, tenant and time, which is also "now" for what is due.
 */
const showCard = (pick: string, repsAtShow: string) => `
  with picked as (${pick}),
  shown as (
    insert into prompts (id, tenant_id, user_id, card_id, reps_at_show, shown_at)
    select $4::uuid, $5::text, $1::bigint, p."c.id", ${repsAtShow}, $6::timestamptz from picked p, ${NO_FLUSH}
  )
  select * from picked`;
const SHOW_DUE_CARD = showCard(
  `select ${CARD.list}, ${STATE.list}
  from card_states s join cards c on c.id = s.card_id
  where s.user_id = $1 and s.due <= $6::timestamptz and s.state <> 0 and c.retired_at is null
    and ($2::text is null or c.deck_id = $2) and not ($3::jsonb ? c.id)
  order by s.due
  limit 1`,
  'p."s.reps"',
);
const SHOW_NEW_CARD = showCard(
  `select ${CARD.list}
  from cards c left join card_states s on s.card_id = c.id and s.user_id = $1
  where c.retired_at is null and coalesce(s.state, 0) = 0
    and ($2::text is null or c.deck_id = $2) and not ($3::jsonb ? c.id)
  order by c.deck_id, c.position
  limit 1`,
  '0',
);
/** When the person's next card comes back ($2: a deck id, or null for every deck). */
const NEXT_DUE = `
  select min(s.due) as "s.due"
  from card_states s join cards c on c.id = s.card_id
  where s.user_id = $1 and s.state <> 0 and c.retired_at is null and ($2::text is null or c.deck_id = $2)`;
const FIND_CARD = `
  select ${CARD.list}, ${STATE.list}
  from cards c left join card_states s on s.card_id = c.id and s.user_id = $1
  where c.id = $2 and c.retired_at is null`;
/**
 * Without waiting for the disk: a prompt lost in a crash of the database only means its buttons say the card
 * is no longer open (the next /quiz deals it again); the answer to it is committed durably, and with it
 * the prompt.
 */
const CREATE_PROMPT = `
  insert into prompts (id, tenant_id, user_id, card_id, reps_at_show, shown_at, delivery_id)
  select $1::uuid, $2::text, $3::bigint, $4::text, $5::int, $6::timestamptz, $7::bigint from ${NO_FLUSH}`;

const NO_STATE = Symbol('the person has no state of the card yet');

const STATE_FIELDS = `due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses,
  state, last_review`;
const stateValues = (state: MemoryState) => [
  state.due,
  state.stability,
  state.difficulty,
  state.elapsedDays,
  state.scheduledDays,
  state.learningSteps,
  state.reps,
  state.lapses,
  state.state,
  state.lastReview,
];

/** A never-answered card's state is newMemory(the time it was shown). */
const NEW_STATE_VALUES = stateValues(newMemory(new Date(0))).slice(1); // all but `due`: the same at any time
const ENSURE_PROMPT_STATE = `
  insert into card_states (user_id, card_id, ${STATE_FIELDS})
  select p.user_id, p.card_id, p.shown_at, $2, $3, $4, $5, $6, $7, $8, $9, $10 from prompts p where p.id = $1
  on conflict do nothing`;
const LOCK_PROMPT_STATE = `
  select ${STATE.list}
  from card_states s join prompts p on p.user_id = s.user_id and p.card_id = s.card_id
  where p.id = $1
  for update of s`;
const ANSWER_SCENE = `
  select ${PROMPT.list}, ${CARD.list}, ${USER.list}
  from prompts p
  join cards c on c.id = p.card_id
  join users u on u.id = p.user_id
  where p.id = $1
  for update of p`;

const DISPUTE_SCENE = `
  select ${REVIEW.list}, ${CARD.list}, ${USER.list}
  from reviews r
  join cards c on c.id = r.card_id
  join users u on u.id = r.user_id
  where r.id = $1
  for update of r`;

const LOCK_STATE = `select ${STATE.list} from card_states s where user_id = $1 and card_id = $2 for update`;

/**
 * Locks the person's state row of a card they were reviewed on: the answer that wrote the review moved that
 * row, and state rows are never deleted.
 */
async function lockReviewedState(tx: SqlRunner, userId: number, cardId: string): Promise<MemoryState> {
  const [row] = await tx.query(LOCK_STATE, [userId, cardId]);
  if (!row) throw new Error(`card state ${userId}/${cardId} is missing under its review`);
  return toMemory(readPresent(STATE, row));
}

/**
 * One statement: the card state moves, the review is appended, the prompt points at it (its first answer
 * time kept), and a disputed review is marked superseded by it.
 */
const STORE_REVIEW = `
  with state as (
    update card_states set (${STATE_FIELDS}) = ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
    where user_id = $1 and card_id = $2
  ), review as (
    insert into reviews (user_id, card_id, tenant_id, prompt_id, dispute_of, rating, reviewed_at, elapsed_days,
      last_elapsed_days, answer, verdict, response_ms, state_before, due_before, stability_before,
      difficulty_before, scheduled_days_before, learning_steps_before, last_review_before, reps_before,
      lapses_before, due_after)
    values ($1, $2, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30,
      $31, $3)
    returning id
  ), superseded as (
    update reviews set superseded_by = (select id from review) where id = $15
  ), prompt as (
    update prompts set answered_at = coalesce(answered_at, $17), review_id = (select id from review),
      answered_by = coalesce(answered_by, $32)
    where id = $14
  )
  select id from review`;

/** The transaction's last statement: it goes with the COMMIT. */
async function storeReview(
  tx: TransactionRunner,
  review: NewReview,
  disputeOf: number | null,
  request: string | null = null,
): Promise<number> {
  const { record } = review;
  const { before } = record;
  const [row] = await tx.queryAndCommit<{ id: unknown }>(STORE_REVIEW, [
    review.userId,
    review.cardId,
    ...stateValues(record.after),
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
    before.state,
    before.due,
    before.stability,
    before.difficulty,
    before.scheduledDays,
    before.learningSteps,
    before.lastReview,
    before.reps,
    before.lapses,
    request,
  ]);
  if (!row) throw new Error('insert of a review returned no row');
  return Number(row.id);
}

const FIND_REVIEW = `select ${REVIEW.list} from reviews r where r.id = $1`;

async function findReview(tx: SqlRunner, id: number): Promise<StoredReview | null> {
  const [row] = await tx.query(FIND_REVIEW, [id]);
  return row ? toStoredReview(readPresent(REVIEW, row)) : null;
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

export function toCard(row: CardRow): Card {
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

function toPrompt(row: typeof prompts.$inferSelect, card: CardRow): Prompt {
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

function toLearner(row: LearnerRow): Learner {
  return {
    userId: row.id,
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    timeZone: row.timeZone,
    weights: row.fsrsWeights,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(id: string): boolean {
  return UUID.test(id);
}
