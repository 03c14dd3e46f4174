import type { Card } from '../core/deck/card.ts';
import type { Person, Place } from '../core/people.ts';
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
  StandingLog,
  StoredReview,
} from '../core/quiz/ports.ts';
import { streakOf } from '../core/quiz/streak.ts';
import { localDay } from '../core/scheduling/day.ts';
import { type MemoryState, newMemory } from '../core/scheduling/memory.ts';
import { DEFAULT_SETTINGS } from '../core/scheduling/settings.ts';

/** A person the store knows, with who they are on their platform. */
export type MemoryLearner = Learner & { person: Person };

/** One person's state of one card. */
export interface MemoryCardState {
  userId: number;
  cardId: string;
  state: MemoryState;
}

interface PromptRow extends Prompt {
  answeredBy: string | null;
  reviewId: number | null;
  revealedAt: Date | null;
}

/** What the store keeps of one person, shaped for the questions the quiz asks on every card shown. */
class PersonBook {
  /** The person's card states, by card id, and in the order they were made (a scan of ≤ one deck). */
  readonly states = new Map<string, { card: Card; state: MemoryState }>();
  /** Times (ms) of the reviews counted against the day's limits (not a dispute's replacement), ascending. */
  readonly reviewedAt: number[] = [];
  /** Those of them that introduced a new card. */
  readonly introducedAt: number[] = [];
  /** When each card with siblings was last shown to the person (ms), by note. */
  readonly shownByNote = new Map<string, Map<string, number>>();
  constructor(readonly learner: MemoryLearner) {}
}

const DAY_MS = 86_400_000;
const STATS_WINDOW_DAYS = 30;

/**
 * QuizStore in memory, with the contract of PgQuizStore (a first answer makes the card state, one review per
 * prompt, a dispute supersedes, the same pick order and day counts): the simulator runs the real Quiz over it,
 * then writes what it holds to the database in bulk (src/db/simulation-store.ts). Every call runs to its end
 * before the next starts, as the database's locks make it. Not kept here, since no caller of it needs them:
 * retired cards and decks hidden from a community (it holds the cards it is given, all shown everywhere),
 * and holds (suspended or buried cards: the StudyStore, which the simulator runs without).
 */
export class MemoryQuizStore implements QuizStore {
  readonly #places = new Map<string, Place>();
  readonly #people = new Map<string, PersonBook>();
  readonly #byId: PersonBook[] = [];
  readonly #cards = new Map<string, Card>();
  /** Every card in the order new cards are dealt: by deck, then position. */
  readonly #dealOrder: Card[];
  readonly #prompts = new Map<string, PromptRow>();
  /** Requests (tenant:request) whose prompt is stored: one each, as PgQuizStore keeps by the prompt's id. */
  readonly #requests = new Set<string>();
  readonly #reviews: StoredReview[] = [];
  /**
   * Each deck's answers, the same array until a card changes: the grader keeps what it read of a card per
   * vocabulary, and the Quiz asks again every few simulated minutes.
   */
  readonly #answers = new Map<string, readonly string[]>();

  constructor(cards: readonly Card[] = []) {
    this.#dealOrder = [];
    for (const card of cards) this.addCard(card);
  }

  /** A card added to (or changed in) its deck, as a deck sync makes it. */
  addCard(card: Card): void {
    const known = this.#dealOrder.findIndex((each) => each.id === card.id);
    if (known >= 0) this.#dealOrder.splice(known, 1);
    this.#cards.set(card.id, card);
    const at = this.#dealOrder.findIndex((each) => dealtBefore(card, each));
    this.#dealOrder.splice(at < 0 ? this.#dealOrder.length : at, 0, card);
    this.#answers.clear();
  }

  /** Every person the store made, in the order it made them. */
  learners(): MemoryLearner[] {
    return this.#byId.map((book) => ({ ...book.learner }));
  }

  /** Every community the store was told of. */
  places(): Place[] {
    return [...this.#places.values()];
  }

  /** Schedules the person with their own FSRS weights from now on (as adopting a fit does). */
  adoptWeights(userId: number, weights: readonly number[] | null): void {
    this.#book(userId).learner.weights = weights;
  }

  /** Every card state, person by person. */
  cardStates(): MemoryCardState[] {
    return this.#byId.flatMap((book) =>
      [...book.states].map(([cardId, { state }]) => ({ userId: book.learner.userId, cardId, state })),
    );
  }

  /** Every review stored, in the order stored (ids 1, 2, …). */
  reviews(): readonly StoredReview[] {
    return this.#reviews;
  }

  async ensurePlace(place: Place): Promise<void> {
    if (!this.#places.has(place.tenantId)) this.#places.set(place.tenantId, place);
  }

  async ensureLearner(person: Person): Promise<Learner> {
    return learnerOf(this.#bookOf(person).learner);
  }

  async findLearner(person: Person): Promise<Learner | null> {
    const book = this.#people.get(personKey(person));
    return book ? learnerOf(book.learner) : null;
  }

  async updateSettings(userId: number, patch: Partial<LearnerSettings>): Promise<Learner> {
    const { learner } = this.#book(userId);
    for (const [field, value] of Object.entries(patch))
      if (value !== undefined) Reflect.set(learner, field, value);
    return learnerOf(learner);
  }

  async countDay(userId: number, start: Date, end: Date): Promise<DayCounts> {
    return this.#counts(this.#book(userId), start.getTime(), end.getTime());
  }

  async learnerToday(person: Person, dayIn: (timeZone: string) => { start: Date; end: Date }) {
    const book = this.#bookOf(person);
    const day = dayIn(book.learner.timeZone);
    return {
      learner: learnerOf(book.learner),
      counts: this.#counts(book, day.start.getTime(), day.end.getTime()),
    };
  }

  async showNextCard(
    query: NextCardQuery,
    prompt: { id: string; tenantId: string; request: string | null },
  ): Promise<ShownCard | null> {
    const book = this.#book(query.userId);
    const now = query.now.getTime();
    const since = query.siblings.since.getTime();
    const open = (card: Card) =>
      (query.deckId === null || card.deckId === query.deckId) &&
      (query.tag === null || card.tags.includes(query.tag)) &&
      !query.exclude.includes(card.id) &&
      !siblingShownSince(book, card, since);
    let found: { card: Card; state: MemoryState | null } | null = null;
    if (query.reviewsAllowed) {
      let dueAt = Number.POSITIVE_INFINITY;
      for (const entry of book.states.values()) {
        const due = entry.state.due.getTime();
        if (entry.state.state !== 0 && due <= now && due < dueAt && open(entry.card)) {
          found = entry;
          dueAt = due;
        }
      }
    }
    if (!found && query.newAllowed) {
      for (const card of this.#dealOrder) {
        const known = book.states.get(card.id);
        if ((known === undefined || known.state.state === 0) && open(card)) {
          found = { card, state: null };
          break;
        }
      }
    }
    if (!found) return null;
    const request = prompt.request === null ? null : `${prompt.tenantId}:${prompt.request}`;
    if (request !== null) {
      if (this.#requests.has(request)) return { repeated: true };
      this.#requests.add(request);
    }
    this.#createPrompt(
      {
        id: prompt.id,
        tenantId: prompt.tenantId,
        userId: query.userId,
        shownAt: query.now,
        repsAtShow: found.state?.reps ?? 0,
        deliveryId: null,
      },
      found.card,
    );
    return { repeated: false, card: found.card, state: found.state, promptId: prompt.id };
  }

  async nextDue(
    userId: number,
    deckId: string | null,
    _tenantId: string,
    siblings: SiblingBurial,
  ): Promise<Date | null> {
    const book = this.#book(userId);
    const since = siblings.since.getTime();
    let next = Number.POSITIVE_INFINITY;
    for (const { card, state } of book.states.values()) {
      if (state.state === 0 || (deckId !== null && card.deckId !== deckId)) continue;
      const due = state.due.getTime();
      const at = siblingShownSince(book, card, since) ? Math.max(due, siblings.until.getTime()) : due;
      if (at < next) next = at;
    }
    return next === Number.POSITIVE_INFINITY ? null : new Date(next);
  }

  async findCard(userId: number, cardId: string) {
    const card = this.#cards.get(cardId);
    return card ? { card, state: this.#book(userId).states.get(cardId)?.state ?? null } : null;
  }

  async deckAnswers(deckId: string, limit: number): Promise<readonly string[]> {
    const key = `${deckId}\n${limit}`;
    let answers = this.#answers.get(key);
    if (!answers) {
      answers = this.#dealOrder
        .filter((card) => card.deckId === deckId)
        .slice(0, limit)
        .map((card) => card.answer);
      this.#answers.set(key, answers);
    }
    return answers;
  }

  async createPrompt(prompt: Omit<Prompt, 'card'> & { cardId: string }): Promise<void> {
    const { cardId, ...rest } = prompt;
    const card = this.#cards.get(cardId);
    if (!card) throw new Error(`card ${cardId} does not exist`);
    this.#createPrompt(rest, card);
  }

  async findPrompt(id: string): Promise<Prompt | null> {
    const row = this.#prompts.get(id);
    return row ? promptOf(row) : null;
  }

  async findDeliveryPrompt(deliveryId: number, userId: number): Promise<Prompt | null> {
    let first: PromptRow | null = null;
    for (const row of this.#prompts.values())
      if (row.deliveryId === deliveryId && row.userId === userId && (!first || row.shownAt < first.shownAt))
        first = row;
    return first ? promptOf(first) : null;
  }

  async countDeliveryAnswers(deliveryId: number): Promise<number> {
    const people = new Set<number>();
    for (const row of this.#prompts.values())
      if (row.deliveryId === deliveryId && row.reviewId !== null) people.add(row.userId);
    return people.size;
  }

  async markRevealed(promptId: string, at: Date): Promise<void> {
    const row = this.#prompts.get(promptId);
    if (row && row.revealedAt === null) row.revealedAt = at;
  }

  async answer<T>(
    promptId: string,
    decide: (scene: AnswerScene) => { result: T; review: NewReview | null },
    request: string | null = null,
  ): Promise<{ result: T; reviewId: number | null } | null> {
    const row = this.#prompts.get(promptId);
    if (!row) return null;
    const book = this.#book(row.userId);
    let entry = book.states.get(row.card.id);
    if (!entry) {
      entry = { card: row.card, state: newMemory(row.shownAt) };
      book.states.set(row.card.id, entry);
    }
    const decision = decide({
      prompt: promptOf(row),
      person: book.learner.person,
      learner: learnerOf(book.learner),
      state: entry.state,
      existing: row.reviewId === null ? null : (this.#reviews[row.reviewId - 1] ?? null),
      answeredBy: row.answeredBy,
    });
    if (!decision.review) return { result: decision.result, reviewId: null };
    const reviewId = this.#store(decision.review, null);
    row.reviewId = reviewId;
    row.answeredBy ??= request;
    return { result: decision.result, reviewId };
  }

  async dispute<T>(
    reviewId: number,
    decide: (scene: DisputeScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null> {
    const review = Number.isSafeInteger(reviewId) ? this.#reviews[reviewId - 1] : undefined;
    if (!review) return null;
    const book = this.#book(review.userId);
    const entry = book.states.get(review.cardId);
    if (!entry) throw new Error(`card state ${review.userId}/${review.cardId} is missing under its review`);
    const decision = decide({
      review: { ...review },
      person: book.learner.person,
      learner: learnerOf(book.learner),
      card: entry.card,
      state: entry.state,
      log: this.#standingLog(review.userId, review.cardId),
    });
    if (!decision.review) return { result: decision.result, reviewId: null };
    const replacement = this.#store(decision.review, reviewId);
    review.supersededBy = replacement;
    return { result: decision.result, reviewId: replacement };
  }

  async reschedule(
    userId: number,
    decide: (scene: RescheduleScene) => { cardId: string; state: MemoryState }[],
  ): Promise<void> {
    const book = this.#book(userId);
    const cards = [...book.states].map(([cardId, { state }]) => ({
      cardId,
      state,
      ...this.#standingLog(userId, cardId),
    }));
    for (const { cardId, state } of decide({ learner: learnerOf(book.learner), cards })) {
      const entry = book.states.get(cardId);
      if (entry) entry.state = state;
    }
  }

  async stats(userId: number, now: Date, timeZone: string): Promise<LearnerStats> {
    const book = this.#book(userId);
    const today = localDay(now, timeZone);
    const [at, todayEnd] = [now.getTime(), today.end.getTime()];
    const due = { now: 0, today: 0, tomorrow: 0, week: 0 };
    for (const { state } of book.states.values()) {
      if (state.state === 0) continue;
      const when = state.due.getTime();
      if (when <= at) due.now++;
      if (when < todayEnd) due.today++;
      else if (when < todayEnd + DAY_MS) due.tomorrow++;
      if (when < todayEnd + 6 * DAY_MS) due.week++;
    }
    const standing = this.#reviews.filter(
      (review) => review.userId === userId && review.supersededBy === null,
    );
    const windowStart = at - STATS_WINDOW_DAYS * DAY_MS;
    const recent = standing.filter((review) => review.record.reviewedAt.getTime() >= windowStart);
    const days = new Set(standing.map((review) => localDay(review.record.reviewedAt, timeZone).date));
    return {
      dueNow: due.now,
      dueToday: due.today,
      dueTomorrow: due.tomorrow,
      dueThisWeek: due.week,
      reviewedToday: standing.filter((review) => {
        const when = review.record.reviewedAt.getTime();
        return when >= today.start.getTime() && when < todayEnd;
      }).length,
      retention30d:
        recent.length > 0 ? recent.filter((review) => review.record.rating > 1).length / recent.length : null,
      streak: streakOf([...days].sort().reverse(), today.date),
      totalReviews: standing.length,
    };
  }

  /** The card's standing reviews for the person, oldest first. */
  #standingLog(userId: number, cardId: string): StandingLog {
    const standing = this.#reviews
      .filter(
        (review) => review.userId === userId && review.cardId === cardId && review.supersededBy === null,
      )
      .sort((a, b) => a.record.reviewedAt.getTime() - b.record.reviewedAt.getTime() || a.id - b.id);
    return {
      stateBeforeFirst: standing[0]?.record.before.state ?? null,
      reviews: standing.map(({ id, record }) => ({
        id,
        rating: record.rating,
        reviewedAt: record.reviewedAt,
      })),
    };
  }

  #createPrompt(prompt: Omit<Prompt, 'card'>, card: Card): void {
    this.#prompts.set(prompt.id, { ...prompt, card, answeredBy: null, reviewId: null, revealedAt: null });
    if (card.noteId === undefined) return;
    const book = this.#book(prompt.userId);
    let shown = book.shownByNote.get(card.noteId);
    if (!shown) {
      shown = new Map();
      book.shownByNote.set(card.noteId, shown);
    }
    const at = prompt.shownAt.getTime();
    if (at > (shown.get(card.id) ?? Number.NEGATIVE_INFINITY)) shown.set(card.id, at);
  }

  #store(review: NewReview, disputeOf: number | null): number {
    const id = this.#reviews.length + 1;
    this.#reviews.push({ ...review, id, supersededBy: null, disputeOf });
    const book = this.#book(review.userId);
    const entry = book.states.get(review.cardId);
    const card = entry?.card ?? this.#cards.get(review.cardId);
    if (!card) throw new Error(`card ${review.cardId} does not exist`);
    if (entry) entry.state = review.record.after;
    else book.states.set(review.cardId, { card, state: review.record.after });
    if (disputeOf === null) {
      const at = review.record.reviewedAt.getTime();
      insertSorted(book.reviewedAt, at);
      if (review.record.before.state === 0) insertSorted(book.introducedAt, at);
    }
    return id;
  }

  #counts(book: PersonBook, start: number, end: number): DayCounts {
    return {
      reviewed: countBetween(book.reviewedAt, start, end),
      introduced: countBetween(book.introducedAt, start, end),
    };
  }

  #bookOf(person: Person): PersonBook {
    const key = personKey(person);
    let book = this.#people.get(key);
    if (!book) {
      book = new PersonBook({
        userId: this.#byId.length + 1,
        ...DEFAULT_SETTINGS,
        language: null,
        weights: null,
        person: { platform: person.platform, externalId: person.externalId },
      });
      this.#people.set(key, book);
      this.#byId.push(book);
    }
    if (person.displayName !== undefined) book.learner.person.displayName = person.displayName;
    return book;
  }

  #book(userId: number): PersonBook {
    const book = this.#byId[userId - 1];
    if (!book) throw new Error(`user ${userId} does not exist`);
    return book;
  }
}

/** Whether a sibling of the card (another card of its note) was shown to the person since `since` (ms). */
function siblingShownSince(book: PersonBook, card: Card, since: number): boolean {
  if (card.noteId === undefined) return false;
  const shown = book.shownByNote.get(card.noteId);
  if (!shown) return false;
  for (const [cardId, at] of shown) if (cardId !== card.id && at >= since) return true;
  return false;
}

/** Values of the ascending `times` in [start, end). */
function countBetween(times: readonly number[], start: number, end: number): number {
  return firstAtLeast(times, end) - firstAtLeast(times, start);
}

function firstAtLeast(times: readonly number[], value: number): number {
  let [low, high] = [0, times.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Appends in order: reviews come in time order, so this is nearly always a push. */
function insertSorted(times: number[], value: number): void {
  const last = times.at(-1);
  if (last === undefined || last <= value) times.push(value);
  else times.splice(firstAtLeast(times, value + 1), 0, value);
}

/** New cards are dealt by deck, then by position in it. */
function dealtBefore(a: Card, b: Card): boolean {
  return a.deckId < b.deckId || (a.deckId === b.deckId && a.position < b.position);
}

function personKey(person: Person): string {
  return `${person.platform}:${person.externalId}`;
}

function learnerOf(learner: MemoryLearner): Learner {
  const { person: _person, ...rest } = learner;
  return rest;
}

function promptOf(row: PromptRow): Prompt {
  const { answeredBy: _by, reviewId: _review, revealedAt: _revealed, ...prompt } = row;
  return prompt;
}
