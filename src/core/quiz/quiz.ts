import type { Clock } from '../clock.ts';
import type { Card } from '../deck/card.ts';
import { Kept } from '../kept.ts';
import { DEFAULT_LOCALE, type Locale } from '../language.ts';
import type { FitSummary } from '../memory-model/ports.ts';
import type { Person, Place } from '../people.ts';
import type { Rating } from '../rating.ts';
import { isTimeZone, localDay } from '../scheduling/day.ts';
import type { MemoryState, ReviewRecord } from '../scheduling/memory.ts';
import { replay, rollback, schedule } from '../scheduling/scheduler.ts';
import { checkSettings, type SettingsRefusal } from '../scheduling/settings.ts';
import type { Verdict } from '../verdict.ts';
import { type AnswerInput, judge } from './answer.ts';
import type {
  Learner,
  LearnerSettings,
  LearnerStats,
  Prompt,
  QuizStore,
  StandingLog,
  StoredReview,
} from './ports.ts';
import {
  isLeech,
  type LeechRow,
  type PracticeAnswer,
  pickPractice,
  type StudyStore,
  type SuspendedCard,
} from './study.ts';
import { DeckVocabularies, VOCABULARY_CACHE } from './vocabulary.ts';

export type NextOutcome =
  | { ok: true; prompt: Prompt; isNew: boolean; now: Date }
  | { ok: false; code: 'NOTHING_DUE'; nextDue: Date | null; now: Date };

/** The same request (a platform's redelivery, racing or late) had its card shown already. */
export interface AlreadyHandled {
  ok: false;
  code: 'ALREADY_HANDLED';
}

/** Which cards `next` may pick from. */
export interface NextOptions {
  deckId?: string | null;
  tag?: string | null;
  exclude?: readonly string[];
}

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
  /** A practice answer: logged apart, the card's schedule unmoved (`due` is when it was due anyway). */
  practice: boolean;
  /** This answer's lapse made the card a leech: it is suspended for the person now. */
  leech: boolean;
}

export type AnswerOutcome =
  | AnswerSuccess
  | {
      ok: false;
      code: 'PROMPT_NOT_FOUND' | 'NOT_YOUR_PROMPT' | 'STALE_PROMPT' | 'WRONG_ANSWER_KIND' | 'NO_SUCH_OPTION';
    };

/** A typed answer to a card of a deck whose answers are not kept yet: read them and decide again. */
interface MissingVocabulary {
  missingVocabularyOf: string;
}

export type DisputeOutcome =
  | { ok: true; card: Card; rating: Rating; due: Date; now: Date; reviewId: number; repeated: boolean }
  | {
      ok: false;
      code: 'REVIEW_NOT_FOUND' | 'NOT_YOUR_REVIEW' | 'ALREADY_RIGHT' | 'REVIEWED_SINCE';
    };

/** What `/settings reschedule` did: cards replayed from the log, of which `moved` got another due date. */
export interface RescheduleOutcome {
  cards: number;
  moved: number;
  /** Cards left as they were: their log does not start at their first review, so it cannot be replayed. */
  kept: number;
  /** Whether the person's own fitted weights were used (else FSRS-6's defaults). */
  fitted: boolean;
}

export interface QuizOptions {
  store: QuizStore;
  clock: Clock;
  /** Makes prompt ids (a UUID). */
  newId: () => string;
  /** Told of every answer stored, with the time it took by the clock (for metrics). */
  onAnswered?: (verdict: Verdict, elapsedMs: number) => void;
  /** The person's latest FSRS fit, for stats (whether their schedule is fitted to them); none when absent. */
  fits?: { latestFit(userId: number): Promise<FitSummary | null> };
  /** Leeches, suspending, burying and practice; without it, none of them (the simulator). */
  study?: StudyStore;
}

export type PracticeOutcome =
  | { ok: true; prompt: Prompt; isNew: false; now: Date }
  | { ok: false; code: 'NOTHING_TO_PRACTISE'; now: Date };

export type HoldOutcome =
  | { ok: true; card: Card; until: Date | null; now: Date }
  | { ok: false; code: 'PROMPT_NOT_FOUND' | 'NOT_YOUR_PROMPT' | 'NO_STUDY_CONTROLS' };

const DAY_MS = 86_400_000;
const FAILED_WITHIN = 7 * DAY_MS; // failed cards stay practice candidates this long
const PRACTICE_SESSION = 30 * 60_000; // a card practised within this is not asked again
const PRACTICE_CANDIDATES = 500;
const SUSPENDED_SHOWN = 10; // each with its button: two rows on Discord

/** The quiz use cases every adapter calls: show the next card, reveal, answer, dispute, stats, settings. */
export class Quiz {
  readonly #store: QuizStore;
  readonly #clock: Clock;
  readonly #newId: () => string;
  readonly #onAnswered: QuizOptions['onAnswered'];
  readonly #fits: QuizOptions['fits'];
  readonly #vocabularies = new DeckVocabularies();
  /**
   * Each person's chosen language, asked for on every interaction: kept a minute (a change made through this
   * process is kept at once; one made through another replica shows within the minute).
   */
  readonly #languages = new Kept<Locale | null>(LANGUAGE_CACHE.people, LANGUAGE_CACHE.keepMs);
  /** The app language tag last stored per person: an unchanged tag costs no statement. */
  readonly #seenLocales = new Kept<string>(LANGUAGE_CACHE.people, LANGUAGE_CACHE.seenKeepMs);
  readonly #study: StudyStore | undefined;

  constructor(options: QuizOptions) {
    this.#study = options.study;
    this.#fits = options.fits;
    this.#onAnswered = options.onAnswered;
    this.#store = options.store;
    this.#clock = options.clock;
    this.#newId = options.newId;
  }

  /**
   * The person's next card: the most overdue review first, then new cards within the day's limit. With
   * `request`, the platform's id of the request asking, that request shows one card: its redelivery, even
   * racing the first delivery, shows none and is told so, without a claim of its own.
   */
  next(
    place: Place,
    person: Person,
    options: NextOptions,
    request: string,
  ): Promise<NextOutcome | AlreadyHandled>;
  next(place: Place, person: Person, options?: NextOptions): Promise<NextOutcome>;
  async next(
    place: Place,
    person: Person,
    options: NextOptions = {},
    request: string | null = null,
  ): Promise<NextOutcome | AlreadyHandled> {
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
        tag: options.tag ?? null,
        exclude: options.exclude ?? [],
        reviewsAllowed: counts.reviewed < learner.maxReviewsPerDay,
        newAllowed: counts.introduced < learner.newPerDay && counts.reviewed < learner.maxReviewsPerDay,
        siblings,
      },
      { id, tenantId: place.tenantId, request },
    );
    if (found?.repeated) return { ok: false, code: 'ALREADY_HANDLED' };
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
      id: found.promptId,
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

  /** The language a channel's question of the day is posted in: its count updates are written in it too. */
  async deliveryLanguage(deliveryId: number): Promise<Locale> {
    return (await this.#store.deliveryLanguage?.(deliveryId)) ?? DEFAULT_LOCALE;
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
    // The grader needs the deck's answers, and the card's deck is known only under the store's lock: a deck
    // not kept yet is read after that look and the answer decided again (once per deck while it is kept).
    const seen: { lapse: Lapse | null } = { lapse: null };
    let stored = await this.#decideAnswer(promptId, person, input, request, now, seen);
    if (stored && 'missingVocabularyOf' in stored.result) {
      const deckId = stored.result.missingVocabularyOf;
      this.#vocabularies.set(deckId, await this.#store.deckAnswers(deckId, VOCABULARY_CACHE.answers), now);
      stored = await this.#decideAnswer(promptId, person, input, request, now, seen);
    }
    if (!stored) return { ok: false, code: 'PROMPT_NOT_FOUND' };
    const { result, reviewId } = stored;
    if ('missingVocabularyOf' in result)
      throw new Error(`deck ${result.missingVocabularyOf}: its answers were not kept`);
    if (result.ok && result.practice) return this.#practised(promptId, result);
    if (!result.ok || result.repeated || reviewId === null) return result;
    this.#onAnswered?.(result.verdict, this.#clock.now().getTime() - now.getTime());
    const leech = seen.lapse === null ? false : await this.#leech(seen.lapse, result.now);
    return { ...result, reviewId, leech };
  }

  #decideAnswer(
    promptId: string,
    person: Person,
    input: AnswerInput,
    request: string | null,
    now: Date,
    seen: { lapse: Lapse | null },
  ): Promise<{ result: AnswerOutcome | MissingVocabulary; reviewId: number | null } | null> {
    return this.#store.answer<AnswerOutcome | MissingVocabulary>(
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
              practice: false,
              leech: false,
            },
            review: null,
          };
        }
        seen.lapse = null;
        const { deckId } = prompt.card;
        const vocabulary = input.kind === 'typed' ? this.#vocabularies.get(deckId, now) : undefined;
        if (input.kind === 'typed' && !vocabulary)
          return { result: { missingVocabularyOf: deckId }, review: null };
        const responseMs = Math.max(0, now.getTime() - prompt.shownAt.getTime());
        if (prompt.practice) {
          const judged = judge(prompt.card, input, input.kind === 'typed' ? responseMs : null, vocabulary);
          if (!judged.ok) return { result: judged, review: null };
          const { verdict, rating, given } = judged;
          const [due, card, reviewId] = [scene.state.due, prompt.card, 0];
          const base = { ok: true, card, verdict, rating, given, due, now, reviewId } as const;
          return {
            result: { ...base, repeated: false, redelivered: false, practice: true, leech: false },
            review: null,
          };
        }
        if (scene.state.reps !== prompt.repsAtShow) {
          return { result: { ok: false, code: 'STALE_PROMPT' }, review: null };
        }
        const judgement = judge(prompt.card, input, input.kind === 'typed' ? responseMs : null, vocabulary);
        if (!judgement.ok) return { result: judgement, review: null };
        const record = schedule(
          scene.state,
          now,
          judgement.rating,
          learner.desiredRetention,
          learner.weights,
        );
        if (record.after.lapses > scene.state.lapses) {
          const { userId, leechLapses } = learner;
          seen.lapse = {
            userId,
            cardId: prompt.card.id,
            lapses: record.after.lapses,
            threshold: leechLapses,
          };
        }
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
            practice: false,
            leech: false,
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
  }

  /** A practice answer, logged once per prompt: a second answer is told the first. */
  async #practised(promptId: string, result: AnswerSuccess): Promise<AnswerOutcome> {
    const prompt = await this.#store.findPrompt(promptId);
    if (!prompt || !this.#study) return { ok: false, code: 'PROMPT_NOT_FOUND' };
    const answer: PracticeAnswer = {
      tenantId: prompt.tenantId,
      userId: prompt.userId,
      cardId: prompt.card.id,
      promptId,
      rating: result.rating,
      answer: result.given === '' ? null : result.given,
      verdict: result.verdict,
      responseMs: Math.max(0, result.now.getTime() - prompt.shownAt.getTime()),
      reviewedAt: result.now,
    };
    const { id, repeated, first } = await this.#study.recordPractice(answer);
    const { rating, verdict } = first;
    return { ...result, rating, verdict, given: first.answer ?? '', reviewId: id, repeated };
  }

  /** After a lapse: the person's leech threshold reached suspends the card for them. */
  async #leech({ userId, cardId, lapses, threshold }: Lapse, now: Date): Promise<boolean> {
    if (!this.#study || threshold === 0) return false;
    const base = await this.#study.leechBase(userId, cardId);
    if (!isLeech(lapses, base, threshold)) return false;
    await this.#study.suspend(userId, cardId, 'leech', now);
    return true;
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
      // Each review adds one to reps, a reschedule none: a later review was scheduled from this one.
      if (state.reps !== review.record.after.reps) return refuse('REVIEWED_SINCE');
      const record = regrade(review, state, scene.log, learner);
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

  /**
   * A practice card: the person's card closest to being forgotten, or failed in the last 7 days, of one deck or
   * tag; answering it leaves its schedule alone.
   */
  async practice(
    place: Place,
    person: Person,
    options: { deckId?: string | null; tag?: string | null } = {},
  ): Promise<PracticeOutcome> {
    const now = this.#clock.now();
    if (!this.#study) return { ok: false, code: 'NOTHING_TO_PRACTISE', now };
    await this.#store.ensurePlace(place);
    const learner = await this.#store.ensureLearner(person);
    const candidates = await this.#study.practiceCandidates({
      userId: learner.userId,
      tenantId: place.tenantId,
      deckId: options.deckId ?? null,
      tag: options.tag ?? null,
      now,
      failedSince: new Date(now.getTime() - FAILED_WITHIN),
      practisedSince: new Date(now.getTime() - PRACTICE_SESSION),
      limit: PRACTICE_CANDIDATES,
    });
    const picked = pickPractice(candidates, now, learner.desiredRetention, learner.weights);
    if (!picked) return { ok: false, code: 'NOTHING_TO_PRACTISE', now };
    const prompt: Prompt = {
      deliveryId: null,
      id: this.#newId(),
      tenantId: place.tenantId,
      userId: learner.userId,
      card: picked.card,
      shownAt: now,
      repsAtShow: picked.state.reps,
      practice: true,
    };
    await this.#study.createPracticePrompt({ ...prompt, cardId: picked.card.id });
    return { ok: true, prompt, isNew: false, now };
  }

  /** Suspends (until unsuspended) or buries (until the person's next local day) the card of a prompt of theirs. */
  async hold(promptId: string, person: Person, how: 'suspend' | 'bury'): Promise<HoldOutcome> {
    const now = this.#clock.now();
    if (!this.#study) return { ok: false, code: 'NO_STUDY_CONTROLS' };
    const found = await this.prompt(promptId, person);
    if (!found.ok) return found;
    const { userId, card } = found.prompt;
    if (how === 'suspend') {
      await this.#study.suspend(userId, card.id, 'manual', now);
      return { ok: true, card, until: null, now };
    }
    const learner = await this.#store.ensureLearner(person);
    const until = localDay(now, learner.timeZone).end;
    await this.#study.bury(userId, card.id, until);
    return { ok: true, card, until, now };
  }

  /** "Keep studying" a leech: unsuspended, its leech count starting again. */
  async keepStudying(promptId: string, person: Person): Promise<HoldOutcome> {
    const now = this.#clock.now();
    if (!this.#study) return { ok: false, code: 'NO_STUDY_CONTROLS' };
    const found = await this.prompt(promptId, person);
    if (!found.ok) return found;
    const { userId, card } = found.prompt;
    await this.#study.unsuspend(userId, card.id, true);
    return { ok: true, card, until: null, now };
  }

  /** Unsuspends one of the person's cards; false when it was not suspended. */
  async unsuspend(person: Person, cardId: string): Promise<boolean> {
    if (!this.#study) return false;
    const learner = await this.#store.ensureLearner(person);
    return this.#study.unsuspend(learner.userId, cardId, false);
  }

  /** The person's suspended cards, latest first (at most 10). */
  async suspendedCards(person: Person): Promise<SuspendedCard[]> {
    if (!this.#study) return [];
    const learner = await this.#store.ensureLearner(person);
    return this.#study.suspended(learner.userId, SUSPENDED_SHOWN);
  }

  /** The community's worst leeches: the cards likely badly written. */
  async leeches(place: Place, limit = 10): Promise<LeechRow[]> {
    return this.#study ? this.#study.leeches(place.tenantId, limit) : [];
  }

  /**
   * The person's figures; in a place, of the cards its community sees only (its hidden decks left out).
   * `model`: the person's latest FSRS fit (null before any), so stats can say whether the schedule is theirs.
   */
  async stats(
    person: Person,
    place?: Place,
  ): Promise<LearnerStats & { timeZone: string; model: FitSummary | null }> {
    const learner = await this.#store.ensureLearner(person);
    const [stats, model] = await Promise.all([
      this.#store.stats(learner.userId, this.#clock.now(), learner.timeZone, place?.tenantId),
      this.#fits?.latestFit(learner.userId) ?? null,
    ]);
    return { ...stats, timeZone: learner.timeZone, model };
  }

  /**
   * The language the person chose for Mnemo; null when they chose none (or are not known yet). With
   * `appLocale` (the platform's tag of their app language), it is stored when it changed, for their reminders.
   */
  async language(person: Person, appLocale?: string | null): Promise<Locale | null> {
    const [language] = await Promise.all([
      this.#chosenLanguage(person),
      this.noteAppLocale(person, appLocale),
    ]);
    return language;
  }

  /** Stores the person's app language tag for their reminders: a statement only when it is new to this process. */
  async noteAppLocale(person: Person, appLocale: string | null | undefined): Promise<void> {
    if (!appLocale || !this.#store.noteAppLocale) return;
    const key = personKey(person);
    const tag = appLocale.slice(0, APP_LOCALE_LIMIT);
    if (this.#seenLocales.get(key, this.#clock.now().getTime()) === tag) return;
    // A person not stored yet is not remembered as noted: their next interaction, once stored, writes it.
    if (await this.#store.noteAppLocale(person, tag)) {
      this.#seenLocales.set(key, tag, this.#clock.now().getTime());
    }
  }

  async #chosenLanguage(person: Person): Promise<Locale | null> {
    const key = personKey(person);
    const now = this.#clock.now().getTime();
    const kept = this.#languages.get(key, now);
    if (kept !== undefined) return kept;
    const language = (await this.#store.findLearner(person))?.language ?? null;
    this.#languages.set(key, language, now);
    return language;
  }

  /** The person's scheduling settings. */
  settings(person: Person): Promise<Learner> {
    return this.#store.ensureLearner(person);
  }

  /**
   * Recomputes every card's memory state and due date by replaying the person's review log with their current
   * desired retention and weights, in one transaction. Idempotent: a second run moves nothing.
   */
  async reschedule(person: Person): Promise<RescheduleOutcome> {
    const { userId } = await this.#store.ensureLearner(person);
    const outcome: RescheduleOutcome = { cards: 0, moved: 0, kept: 0, fitted: false };
    await this.#store.reschedule(userId, ({ learner, cards }) => {
      outcome.fitted = learner.weights !== null;
      const changed: { cardId: string; state: MemoryState }[] = [];
      for (const { cardId, state, stateBeforeFirst, reviews } of cards) {
        const replayed =
          stateBeforeFirst === 0 ? replay(reviews, learner.desiredRetention, learner.weights) : null;
        if (!replayed) {
          outcome.kept++;
          continue;
        }
        outcome.cards++;
        if (replayed.due.getTime() !== state.due.getTime()) outcome.moved++;
        if (!sameMemory(replayed, state)) changed.push({ cardId, state: replayed });
      }
      return changed;
    });
    return outcome;
  }

  /** Changes some of the person's settings, each checked against its range. */
  async changeSettings(
    person: Person,
    patch: Partial<LearnerSettings>,
  ): Promise<{ ok: true; learner: Learner } | SettingsRefusal> {
    const refusal = checkSettings(patch, isTimeZone);
    if (refusal) return refusal;
    const learner = await this.#store.updateSettings((await this.#store.ensureLearner(person)).userId, patch);
    this.#languages.set(personKey(person), learner.language, this.#clock.now().getTime());
    return { ok: true, learner };
  }
}

/** A review that moved a card's lapses, and the person's leech threshold. */
interface Lapse {
  userId: number;
  cardId: string;
  lapses: number;
  threshold: number;
}

/** How many people's chosen languages are kept, and for how long. */
export const LANGUAGE_CACHE = {
  people: 10_000,
  keepMs: 60_000, // ms: a chosen language
  seenKeepMs: 60 * 60_000, // ms: an app language stored; another replica's write is caught by the statement
} as const;

/** Platforms tag languages in a few characters (`es-419`, `zh-TW`); more is not a language tag. */
const APP_LOCALE_LIMIT = 16; // characters

function personKey(person: Person): string {
  return `${person.platform}:${person.externalId}`;
}

function samePerson(a: Person, b: Person): boolean {
  return a.platform === b.platform && a.externalId === b.externalId;
}

function sameMemory(a: MemoryState, b: MemoryState): boolean {
  return (Object.keys(a) as (keyof MemoryState)[]).every((field) => {
    const x = a[field];
    const y = b[field];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/**
 * The disputed review re-rated Good at the time it was given. Its card is as the review left it, unless a
 * reschedule replayed the log since (with another retention or weights: same reps, another due): then the log
 * is replayed again with this review rated Good, as the reschedule would have done had it been Good, so the
 * dispute does not undo the reschedule. A log that does not start at the card's first review cannot be
 * replayed (and was not rescheduled): the review is rolled back and rated again.
 */
function regrade(review: StoredReview, state: MemoryState, log: StandingLog, learner: Learner): ReviewRecord {
  const { desiredRetention, weights } = learner;
  const { reviewedAt } = review.record;
  const rescheduled = state.due.getTime() !== review.record.after.due.getTime();
  const regraded = log.reviews.map((each) =>
    each.id === review.id ? { ...each, rating: 3 as const } : each,
  );
  const replayed =
    rescheduled && log.stateBeforeFirst === 0 ? replay(regraded, desiredRetention, weights) : null;
  if (replayed) return { ...review.record, rating: 3, after: replayed };
  const before = rollback({ ...review.record, after: state }, desiredRetention, weights);
  return schedule(before, reviewedAt, 3, desiredRetention, weights);
}
