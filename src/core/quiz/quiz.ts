import type { Clock } from '../clock.ts';
import type { Card } from '../deck/card.ts';
import type { Locale } from '../language.ts';
import type { FitSummary } from '../memory-model/ports.ts';
import type { Person, Place } from '../people.ts';
import type { Rating } from '../rating.ts';
import { isTimeZone, localDay } from '../scheduling/day.ts';
import type { MemoryState } from '../scheduling/memory.ts';
import { rollback, schedule } from '../scheduling/scheduler.ts';
import { checkSettings, type SettingsRefusal } from '../scheduling/settings.ts';
import type { Verdict } from '../verdict.ts';
import { type AnswerInput, judge } from './answer.ts';
import type { Learner, LearnerSettings, LearnerStats, Prompt, QuizStore } from './ports.ts';

export type NextOutcome =
  | { ok: true; prompt: Prompt; isNew: boolean; now: Date }
  | { ok: false; code: 'NOTHING_DUE'; nextDue: Date | null; now: Date };

export type RevealOutcome =
  | { ok: true; prompt: Prompt }
  | { ok: false; code: 'PROMPT_NOT_FOUND' | 'NOT_YOUR_PROMPT' };

export interface AnswerSuccess {
  ok: true;
  card: Card;
  verdict: Verdict;
  rating: Rating;
  given: string;
  /** When the card comes back. */
  due: Date;
  now: Date;
  reviewId: number;
  /** True when this prompt had been answered before: the first answer stands. */
  repeated: boolean;
  /** True when that first answer came from this very request, delivered again by the platform. */
  redelivered: boolean;
}

export type AnswerOutcome =
  | AnswerSuccess
  | {
      ok: false;
      code: 'PROMPT_NOT_FOUND' | 'NOT_YOUR_PROMPT' | 'STALE_PROMPT' | 'WRONG_ANSWER_KIND' | 'NO_SUCH_OPTION';
    };

export type DisputeOutcome =
  | { ok: true; card: Card; rating: Rating; due: Date; now: Date; reviewId: number; repeated: boolean }
  | {
      ok: false;
      code: 'REVIEW_NOT_FOUND' | 'NOT_YOUR_REVIEW' | 'ALREADY_RIGHT' | 'REVIEWED_SINCE';
    };

export interface QuizOptions {
  store: QuizStore;
  clock: Clock;
  /** Makes prompt ids (a UUID). */
  newId: () => string;
  /** Told of every answer stored, with the time it took by the clock (for metrics). */
  onAnswered?: (verdict: Verdict, elapsedMs: number) => void;
  /** The person's latest FSRS fit, for stats (whether their schedule is fitted to them); none when absent. */
  fits?: { latestFit(userId: number): Promise<FitSummary | null> };
}

/** The quiz use cases every adapter calls: show the next card, reveal, answer, dispute, stats, settings. */
export class Quiz {
  readonly #store: QuizStore;
  readonly #clock: Clock;
  readonly #newId: () => string;
  readonly #onAnswered: QuizOptions['onAnswered'];
  readonly #fits: QuizOptions['fits'];

  constructor(options: QuizOptions) {
    this.#fits = options.fits;
    this.#onAnswered = options.onAnswered;
    this.#store = options.store;
    this.#clock = options.clock;
    this.#newId = options.newId;
  }

  /** The person's next card: the most overdue review first, then new cards within the day's limit. */
  async next(
    place: Place,
    person: Person,
    options: { deckId?: string | null; exclude?: readonly string[] } = {},
  ): Promise<NextOutcome> {
    const now = this.#clock.now();
    await this.#store.ensurePlace(place);
    const { learner, counts } = await this.#store.learnerToday(person, (zone) => localDay(now, zone));
    const deckId = options.deckId ?? null;
    const id = this.#newId();
    const today = localDay(now, learner.timeZone);
    const siblings = { since: today.start, until: today.end };
    const found = await this.#store.showNextCard(
      {
        userId: learner.userId,
        now,
        deckId,
        exclude: options.exclude ?? [],
        reviewsAllowed: counts.reviewed < learner.maxReviewsPerDay,
        newAllowed: counts.introduced < learner.newPerDay && counts.reviewed < learner.maxReviewsPerDay,
        siblings,
      },
      { id, tenantId: place.tenantId },
    );
    if (!found) {
      return {
        ok: false,
        code: 'NOTHING_DUE',
        nextDue: await this.#store.nextDue(learner.userId, deckId, place.tenantId, siblings),
        now,
      };
    }
    const prompt: Prompt = {
      deliveryId: null,
      id,
      tenantId: place.tenantId,
      userId: learner.userId,
      card: found.card,
      shownAt: now,
      repsAtShow: found.state?.reps ?? 0,
    };
    return { ok: true, prompt, isNew: found.state === null || found.state.reps === 0, now };
  }

  /**
   * A prompt for one given card, whether or not it is due: a channel's question of the day. With a delivery,
   * each person gets one prompt per delivery, so answering the day's question again counts once.
   */
  async promptFor(
    place: Place,
    person: Person,
    cardId: string,
    options: { deliveryId?: number } = {},
  ): Promise<{ ok: true; prompt: Prompt; now: Date } | { ok: false; code: 'CARD_NOT_FOUND' }> {
    const now = this.#clock.now();
    await this.#store.ensurePlace(place);
    const learner = await this.#store.ensureLearner(person);
    const deliveryId = options.deliveryId ?? null;
    if (deliveryId !== null) {
      const earlier = await this.#store.findDeliveryPrompt(deliveryId, learner.userId);
      if (earlier) return { ok: true, prompt: earlier, now };
    }
    const found = await this.#store.findCard(learner.userId, cardId, place.tenantId);
    if (!found) return { ok: false, code: 'CARD_NOT_FOUND' };
    return { ok: true, prompt: await this.#show(place, learner, found, now, deliveryId), now };
  }

  /** How many people have answered a channel's question of the day. */
  answersToDelivery(deliveryId: number): Promise<number> {
    return this.#store.countDeliveryAnswers(deliveryId);
  }

  async #show(
    place: Place,
    learner: Learner,
    found: { card: Card; state: MemoryState | null },
    now: Date,
    deliveryId: number | null = null,
  ) {
    const prompt: Prompt = {
      deliveryId,
      id: this.#newId(),
      tenantId: place.tenantId,
      userId: learner.userId,
      card: found.card,
      shownAt: now,
      repsAtShow: found.state?.reps ?? 0,
    };
    await this.#store.createPrompt({ ...prompt, cardId: found.card.id });
    return prompt;
  }

  /** The person's own prompt, to show its question again (an answer form, say). Nothing is recorded. */
  async prompt(promptId: string, person: Person): Promise<RevealOutcome> {
    const prompt = await this.#store.findPrompt(promptId);
    if (!prompt) return { ok: false, code: 'PROMPT_NOT_FOUND' };
    const learner = await this.#store.ensureLearner(person);
    if (learner.userId !== prompt.userId) return { ok: false, code: 'NOT_YOUR_PROMPT' };
    return { ok: true, prompt };
  }

  /** Records that a self-graded card's answer was shown, and returns the prompt to show it from. */
  async reveal(promptId: string, person: Person): Promise<RevealOutcome> {
    const found = await this.prompt(promptId, person);
    if (found.ok) await this.#store.markRevealed(promptId, this.#clock.now());
    return found;
  }

  /**
   * Grades an answer and moves the card's FSRS state, once per prompt, in one transaction. `request`: the
   * platform's id of the request answering, when it has one, so that its redelivery can be told apart.
   */
  async answer(
    promptId: string,
    person: Person,
    input: AnswerInput,
    request: string | null = null,
  ): Promise<AnswerOutcome> {
    const now = this.#clock.now();
    const stored = await this.#store.answer<AnswerOutcome>(
      promptId,
      (scene) => {
        const { prompt, learner, existing } = scene;
        if (!samePerson(scene.person, person))
          return { result: { ok: false, code: 'NOT_YOUR_PROMPT' }, review: null };
        if (existing) {
          return {
            result: {
              ok: true,
              card: prompt.card,
              verdict: existing.verdict,
              rating: existing.record.rating,
              given: existing.answer ?? '',
              due: existing.record.after.due,
              now,
              reviewId: existing.id,
              repeated: true,
              redelivered: request !== null && scene.answeredBy === request,
            },
            review: null,
          };
        }
        if (scene.state.reps !== prompt.repsAtShow) {
          return { result: { ok: false, code: 'STALE_PROMPT' }, review: null };
        }
        const responseMs = Math.max(0, now.getTime() - prompt.shownAt.getTime());
        const judgement = judge(prompt.card, input, input.kind === 'typed' ? responseMs : null);
        if (!judgement.ok) return { result: judgement, review: null };
        const record = schedule(
          scene.state,
          now,
          judgement.rating,
          learner.desiredRetention,
          learner.weights,
        );
        return {
          result: {
            ok: true,
            card: prompt.card,
            verdict: judgement.verdict,
            rating: judgement.rating,
            given: judgement.given,
            due: record.after.due,
            now,
            reviewId: 0,
            repeated: false,
            redelivered: false,
          },
          review: {
            tenantId: prompt.tenantId,
            userId: learner.userId,
            cardId: prompt.card.id,
            promptId: prompt.id,
            record,
            answer: judgement.given === '' ? null : judgement.given,
            verdict: judgement.verdict,
            responseMs,
          },
        };
      },
      request,
    );
    if (!stored) return { ok: false, code: 'PROMPT_NOT_FOUND' };
    const { result, reviewId } = stored;
    if (!result.ok || result.repeated || reviewId === null) return result;
    this.#onAnswered?.(result.verdict, this.#clock.now().getTime() - now.getTime());
    return { ...result, reviewId };
  }

  /**
   * "I was right": rolls the review back and re-rates it Good at the time it was given.
   * Only the latest review of the card can be disputed, since later ones were scheduled from it.
   */
  async dispute(reviewId: number, person: Person): Promise<DisputeOutcome> {
    const now = this.#clock.now();
    const stored = await this.#store.dispute<DisputeOutcome>(reviewId, (scene) => {
      const { review, learner, card, state } = scene;
      const refuse = (code: Extract<DisputeOutcome, { ok: false }>['code']) => ({
        result: { ok: false as const, code },
        review: null,
      });
      if (!samePerson(scene.person, person)) return refuse('NOT_YOUR_REVIEW');
      if (review.supersededBy !== null) {
        return {
          result: {
            ok: true,
            card,
            rating: 3,
            due: state.due,
            now,
            reviewId: review.supersededBy,
            repeated: true,
          },
          review: null,
        };
      }
      if (review.record.rating >= 3 || review.verdict === 'self') return refuse('ALREADY_RIGHT');
      if (!sameState(state, review.record.after)) return refuse('REVIEWED_SINCE');
      const { desiredRetention, weights } = learner;
      const before = rollback({ ...review.record, after: state }, desiredRetention, weights);
      const record = schedule(before, review.record.reviewedAt, 3, desiredRetention, weights);
      return {
        result: { ok: true, card, rating: 3, due: record.after.due, now, reviewId: 0, repeated: false },
        review: {
          tenantId: review.tenantId,
          userId: review.userId,
          cardId: review.cardId,
          promptId: review.promptId,
          record,
          answer: review.answer,
          verdict: 'correct',
          responseMs: review.responseMs,
        },
      };
    });
    if (!stored) return { ok: false, code: 'REVIEW_NOT_FOUND' };
    const { result, reviewId: newId } = stored;
    return result.ok && !result.repeated && newId !== null ? { ...result, reviewId: newId } : result;
  }

  /** `model`: the person's latest FSRS fit (null before any), so stats can say whether the schedule is theirs. */
  async stats(person: Person): Promise<LearnerStats & { timeZone: string; model: FitSummary | null }> {
    const learner = await this.#store.ensureLearner(person);
    const [stats, model] = await Promise.all([
      this.#store.stats(learner.userId, this.#clock.now(), learner.timeZone),
      this.#fits?.latestFit(learner.userId) ?? null,
    ]);
    return { ...stats, timeZone: learner.timeZone, model };
  }

  /** The language the person chose for Mnemo; null when they chose none (or are not known yet). */
  async language(person: Person): Promise<Locale | null> {
    return (await this.#store.findLearner(person))?.language ?? null;
  }

  /** The person's scheduling settings. */
  settings(person: Person): Promise<Learner> {
    return this.#store.ensureLearner(person);
  }

  /** Changes some of the person's settings, each checked against its range. */
  async changeSettings(
    person: Person,
    patch: Partial<LearnerSettings>,
  ): Promise<{ ok: true; learner: Learner } | SettingsRefusal> {
    const refusal = checkSettings(patch, isTimeZone);
    if (refusal) return refusal;
    const learner = await this.#store.ensureLearner(person);
    return { ok: true, learner: await this.#store.updateSettings(learner.userId, patch) };
  }
}

function samePerson(a: Person, b: Person): boolean {
  return a.platform === b.platform && a.externalId === b.externalId;
}

function sameState(a: MemoryState, b: MemoryState): boolean {
  return a.reps === b.reps && a.due.getTime() === b.due.getTime();
}
