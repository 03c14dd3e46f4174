import type { Card } from '../../src/core/deck/card.ts';
import type { Person, Place } from '../../src/core/people.ts';
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
  StoredReview,
} from '../../src/core/quiz/ports.ts';
import { type MemoryState, newMemory } from '../../src/core/scheduling/memory.ts';
import { DEFAULT_SETTINGS } from '../../src/core/scheduling/settings.ts';

/**
 * QuizStore in memory, for pure tests of Quiz's decisions: the same contract as PgQuizStore (a first
 * answer makes the card state, one review per prompt, a dispute supersedes), without a database.
 * Every call runs to its end before the next starts, as the locks make it on a database.
 */
export class MemoryQuizStore implements QuizStore {
  readonly places = new Map<string, Place>();
  readonly learners = new Map<string, Learner & { person: Person }>();
  readonly cards = new Map<string, Card>();
  /** By `${userId}/${cardId}`. */
  readonly states = new Map<string, MemoryState>();
  readonly prompts = new Map<string, Prompt & { answeredBy: string | null; reviewId: number | null }>();
  readonly reviews: StoredReview[] = [];
  readonly revealed = new Map<string, Date>();

  constructor(cards: readonly Card[] = []) {
    for (const card of cards) this.cards.set(card.id, card);
  }

  async ensurePlace(place: Place): Promise<void> {
    if (!this.places.has(place.tenantId)) this.places.set(place.tenantId, place);
  }

  async ensureLearner(person: Person): Promise<Learner> {
    const key = `${person.platform}:${person.externalId}`;
    let learner = this.learners.get(key);
    if (!learner) {
      learner = {
        userId: this.learners.size + 1,
        ...DEFAULT_SETTINGS,
        language: null,
        weights: null,
        person,
      };
      this.learners.set(key, learner);
    }
    return learnerOf(learner);
  }

  async findLearner(person: Person): Promise<Learner | null> {
    const learner = this.learners.get(`${person.platform}:${person.externalId}`);
    return learner ? learnerOf(learner) : null;
  }

  async updateSettings(userId: number, patch: Partial<LearnerSettings>): Promise<Learner> {
    const learner = [...this.learners.values()].find((each) => each.userId === userId);
    if (!learner) throw new Error(`user ${userId} does not exist`);
    Object.assign(learner, patch);
    return learnerOf(learner);
  }

  async countDay(userId: number, start: Date, end: Date): Promise<DayCounts> {
    const day = this.reviews.filter(
      (review) =>
        review.userId === userId &&
        review.disputeOf === null &&
        review.record.reviewedAt >= start &&
        review.record.reviewedAt < end,
    );
    return {
      reviewed: day.length,
      introduced: day.filter((review) => review.record.before.state === 0).length,
    };
  }

  async learnerToday(person: Person, dayIn: (timeZone: string) => { start: Date; end: Date }) {
    const learner = await this.ensureLearner(person);
    const day = dayIn(learner.timeZone);
    return { learner, counts: await this.countDay(learner.userId, day.start, day.end) };
  }

  async showNextCard(
    query: NextCardQuery,
    prompt: { id: string; tenantId: string },
  ): Promise<{ card: Card; state: MemoryState | null } | null> {
    const open = [...this.cards.values()].filter(
      (card) => (query.deckId === null || card.deckId === query.deckId) && !query.exclude.includes(card.id),
    );
    const withState = open.map((card) => ({ card, state: this.#state(query.userId, card.id) }));
    const due = query.reviewsAllowed
      ? withState
          .filter(({ state }) => state !== null && state.state !== 0 && state.due <= query.now)
          .sort((a, b) => (a.state?.due.getTime() ?? 0) - (b.state?.due.getTime() ?? 0))[0]
      : undefined;
    const fresh = query.newAllowed
      ? withState.find(({ state }) => state === null || state.state === 0)
      : undefined;
    const found = due ?? (fresh ? { card: fresh.card, state: null } : undefined);
    if (!found) return null;
    await this.createPrompt({
      id: prompt.id,
      tenantId: prompt.tenantId,
      userId: query.userId,
      cardId: found.card.id,
      shownAt: query.now,
      repsAtShow: found.state?.reps ?? 0,
      deliveryId: null,
    });
    return found;
  }

  async nextDue(userId: number, deckId: string | null): Promise<Date | null> {
    const dues = [...this.cards.values()]
      .filter((card) => deckId === null || card.deckId === deckId)
      .map((card) => this.#state(userId, card.id))
      .filter((state): state is MemoryState => state !== null && state.state !== 0)
      .map((state) => state.due.getTime());
    return dues.length === 0 ? null : new Date(Math.min(...dues));
  }

  async findCard(userId: number, cardId: string) {
    const card = this.cards.get(cardId);
    return card ? { card, state: this.#state(userId, cardId) } : null;
  }

  async deckAnswers(deckId: string, limit: number): Promise<readonly string[]> {
    return [...this.cards.values()]
      .filter((card) => card.deckId === deckId)
      .slice(0, limit)
      .map((card) => card.answer);
  }

  async createPrompt(prompt: Omit<Prompt, 'card'> & { cardId: string }): Promise<void> {
    const { cardId, ...rest } = prompt;
    const card = this.cards.get(cardId);
    if (!card) throw new Error(`card ${cardId} does not exist`);
    this.prompts.set(prompt.id, { ...rest, card, answeredBy: null, reviewId: null });
  }

  async findPrompt(id: string): Promise<Prompt | null> {
    return this.prompts.get(id) ?? null;
  }

  async findDeliveryPrompt(deliveryId: number, userId: number): Promise<Prompt | null> {
    return (
      [...this.prompts.values()].find(
        (prompt) => prompt.deliveryId === deliveryId && prompt.userId === userId,
      ) ?? null
    );
  }

  async countDeliveryAnswers(deliveryId: number): Promise<number> {
    const answered = [...this.prompts.values()].filter(
      (prompt) => prompt.deliveryId === deliveryId && prompt.reviewId !== null,
    );
    return new Set(answered.map((prompt) => prompt.userId)).size;
  }

  async markRevealed(promptId: string, at: Date): Promise<void> {
    if (!this.revealed.has(promptId)) this.revealed.set(promptId, at);
  }

  async answer<T>(
    promptId: string,
    decide: (scene: AnswerScene) => { result: T; review: NewReview | null },
    request: string | null = null,
  ): Promise<{ result: T; reviewId: number | null } | null> {
    const prompt = this.prompts.get(promptId);
    if (!prompt) return null;
    const learner = this.#learner(prompt.userId);
    const key = `${prompt.userId}/${prompt.card.id}`;
    if (!this.states.has(key)) this.states.set(key, newMemory(prompt.shownAt));
    const decision = decide({
      prompt,
      person: learner.person,
      learner: learnerOf(learner),
      state: this.states.get(key) as MemoryState,
      existing: this.reviews.find((review) => review.id === prompt.reviewId) ?? null,
      answeredBy: prompt.answeredBy,
    });
    if (!decision.review) return { result: decision.result, reviewId: null };
    const reviewId = this.#store(decision.review, null);
    prompt.reviewId = reviewId;
    prompt.answeredBy ??= request;
    return { result: decision.result, reviewId };
  }

  async dispute<T>(
    reviewId: number,
    decide: (scene: DisputeScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null> {
    const review = this.reviews.find((each) => each.id === reviewId);
    if (!review) return null;
    const learner = this.#learner(review.userId);
    const card = this.cards.get(review.cardId);
    const state = this.#state(review.userId, review.cardId);
    if (!card || !state) throw new Error(`review ${reviewId} has no card or state`);
    const decision = decide({ review, person: learner.person, learner: learnerOf(learner), card, state });
    if (!decision.review) return { result: decision.result, reviewId: null };
    const replacement = this.#store(decision.review, reviewId);
    review.supersededBy = replacement;
    return { result: decision.result, reviewId: replacement };
  }

  async reschedule(
    userId: number,
    decide: (scene: RescheduleScene) => { cardId: string; state: MemoryState }[],
  ): Promise<void> {
    const learner = [...this.learners.values()].find((one) => one.userId === userId);
    if (!learner) throw new Error(`user ${userId} is missing`);
    const standing = this.reviews
      .filter((review) => review.userId === userId && review.supersededBy === null)
      .sort((a, b) => a.record.reviewedAt.getTime() - b.record.reviewedAt.getTime() || a.id - b.id);
    const cards = [...this.states]
      .filter(([key]) => key.startsWith(`${userId}/`))
      .map(([key, state]) => {
        const cardId = key.slice(key.indexOf('/') + 1);
        const log = standing.filter((review) => review.cardId === cardId);
        return {
          cardId,
          state,
          stateBeforeFirst: log[0]?.record.before.state ?? null,
          reviews: log.map(({ record }) => ({ rating: record.rating, reviewedAt: record.reviewedAt })),
        };
      });
    for (const { cardId, state } of decide({ learner, cards })) this.states.set(`${userId}/${cardId}`, state);
  }

  async stats(): Promise<LearnerStats> {
    throw new Error('stats are counted in SQL: see test/db');
  }

  #store(review: NewReview, disputeOf: number | null): number {
    const id = this.reviews.length + 1;
    this.reviews.push({ ...review, id, supersededBy: null, disputeOf });
    this.states.set(`${review.userId}/${review.cardId}`, review.record.after);
    return id;
  }

  #state(userId: number, cardId: string): MemoryState | null {
    return this.states.get(`${userId}/${cardId}`) ?? null;
  }

  #learner(userId: number): Learner & { person: Person } {
    const learner = [...this.learners.values()].find((each) => each.userId === userId);
    if (!learner) throw new Error(`user ${userId} does not exist`);
    return learner;
  }
}

function learnerOf(learner: Learner & { person: Person }): Learner {
  const { person: _person, ...rest } = learner;
  return rest;
}
