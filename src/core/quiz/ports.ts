import type { Card } from '../deck/card.ts';
import type { Locale } from '../language.ts';
import type { Person, Place } from '../people.ts';
import type { MemoryState, ReviewRecord } from '../scheduling/memory.ts';
import type { ReplayedReview, Weights } from '../scheduling/scheduler.ts';
import type { SchedulingSettings } from '../scheduling/settings.ts';
import type { Verdict } from '../verdict.ts';

/** What a person may set: their scheduling, and the language Mnemo writes to them in (null: their app's). */
export type LearnerSettings = SchedulingSettings & { language: Locale | null };

export interface Learner extends LearnerSettings {
  userId: number;
  /** The person's own FSRS weights once a fit was adopted (mnemo fsrs optimize); null: the defaults. */
  weights: Weights;
}

export interface Prompt {
  id: string;
  tenantId: string;
  userId: number;
  card: Card;
  shownAt: Date;
  /** How often the card was reviewed when it was shown: a later review makes the prompt stale. */
  repsAtShow: number;
  /** Set when the prompt answers a channel's question of the day. */
  deliveryId: number | null;
  /** A practice prompt: answering it is logged apart and leaves the card's FSRS state alone. */
  practice?: boolean;
}

export interface StoredReview {
  id: number;
  tenantId: string;
  userId: number;
  cardId: string;
  promptId: string | null;
  record: ReviewRecord;
  answer: string | null;
  verdict: Verdict;
  responseMs: number | null;
  supersededBy: number | null;
  disputeOf: number | null;
}

export interface DayCounts {
  reviewed: number;
  /** Cards seen for the first time today. */
  introduced: number;
}

/** The card picked and the id of the prompt stored to show it; or that the request had its prompt already. */
export type ShownCard =
  | { repeated: false; card: Card; state: MemoryState | null; promptId: string }
  | { repeated: true };

export interface NextCardQuery {
  userId: number;
  now: Date;
  deckId: string | null;
  /** Only cards with this tag (null: any). */
  tag: string | null;
  exclude: readonly string[];
  reviewsAllowed: boolean;
  newAllowed: boolean;
  /** Siblings a card must not be shown beside (see `siblingBurial`). */
  siblings: SiblingBurial;
}

/**
 * Siblings (cards of one note: the clozes of a sentence, a card and its reverse) are not shown to one person
 * on the same local day: once one was shown since `since`, the others are buried until `until`, as Anki does.
 */
export interface SiblingBurial {
  since: Date;
  until: Date;
}

/** What the store holds under lock while core decides an answer. */
export interface AnswerScene {
  prompt: Prompt;
  person: Person;
  learner: Learner;
  state: MemoryState;
  /** Set when the prompt was already answered: the review it produced. */
  existing: StoredReview | null;
  /** The request that gave that answer, when the platform names one. */
  answeredBy: string | null;
}

export type NewReview = Omit<StoredReview, 'id' | 'supersededBy' | 'disputeOf'>;

export interface DisputeScene {
  review: StoredReview;
  person: Person;
  learner: Learner;
  card: Card;
  state: MemoryState;
  /** The card's standing reviews, oldest first (the disputed one among them): a rescheduled card is replayed. */
  log: StandingLog;
}

/** A card's standing reviews (disputed ones replaced), oldest first, with their ids. */
export interface StandingLog {
  /** The FSRS state before the oldest review: New (0) when the log starts at the card's first review. */
  stateBeforeFirst: number | null;
  reviews: (ReplayedReview & { id: number })[];
}

/** One card a person has a state of, with its standing reviews (disputed ones replaced), oldest first. */
export interface CardLog {
  cardId: string;
  state: MemoryState;
  /** The FSRS state before the oldest review: New (0) when the log starts at the card's first review. */
  stateBeforeFirst: number | null;
  reviews: ReplayedReview[];
}

/** What the store holds under lock while core recomputes a person's card states from their log. */
export interface RescheduleScene {
  learner: Learner;
  cards: CardLog[];
}

export interface QuizStore {
  ensurePlace(place: Place): Promise<void>;
  ensureLearner(person: Person): Promise<Learner>;
  /** The person, when they are known; never makes them (reading their language must not store them). */
  findLearner(person: Person): Promise<Learner | null>;
  /**
   * Keeps the app language tag the person was last seen with (their DM reminders are written in it); writes
   * only when it changed, never makes the person. Returns whether the person is known. A store that keeps no
   * people for delivery (the simulator's) leaves it out.
   */
  noteAppLocale?(person: Person, tag: string): Promise<boolean>;
  updateSettings(userId: number, patch: Partial<LearnerSettings>): Promise<Learner>;
  countDay(userId: number, start: Date, end: Date): Promise<DayCounts>;
  /**
   * ensureLearner and countDay over the day `dayIn` gives for the learner's time zone: one round trip
   * when the learner is known and in the zone the store expects, which is nearly every card shown.
   */
  learnerToday(
    person: Person,
    dayIn: (timeZone: string) => { start: Date; end: Date },
  ): Promise<{ learner: Learner; counts: DayCounts }>;
  /**
   * Picks the person's next card and stores the prompt showing it, in one statement: the prompt's
   * `userId`, `shownAt` (= `query.now`) and `repsAtShow` (the picked state's) come from the pick.
   * `prompt.request`, the platform's id of the request asking (or null), stores one prompt per request: asked
   * again (a redelivery, racing or late), nothing is stored and the card comes back `repeated`.
   */
  showNextCard(
    query: NextCardQuery,
    prompt: { id: string; tenantId: string; request: string | null },
  ): Promise<ShownCard | null>;
  /**
   * When the person's next card due in this community comes back (of one deck, or of every deck it sees): a
   * buried sibling counts from the end of its burial.
   */
  nextDue(
    userId: number,
    deckId: string | null,
    tenantId: string,
    siblings: SiblingBurial,
  ): Promise<Date | null>;
  /**
   * One card with the person's state of it (null if never seen); null if the card does not exist, is retired,
   * or is of a deck the community does not see.
   */
  findCard(
    userId: number,
    cardId: string,
    tenantId: string,
  ): Promise<{ card: Card; state: MemoryState | null } | null>;
  /**
   * The answers of the deck's cards still in use, at most `limit` of them: the grader's vocabulary of the deck
   * (see DeckVocabularies).
   */
  deckAnswers(deckId: string, limit: number): Promise<readonly string[]>;
  createPrompt(prompt: Omit<Prompt, 'card'> & { cardId: string }): Promise<void>;
  findPrompt(id: string): Promise<Prompt | null>;
  /** The person's prompt for a channel's question of the day, if they opened it before. */
  findDeliveryPrompt(deliveryId: number, userId: number): Promise<Prompt | null>;
  /** How many people answered a channel's question of the day. */
  countDeliveryAnswers(deliveryId: number): Promise<number>;
  /** The language a channel's question of the day is written in (see DailyQuestion.locale); a store without deliveries leaves it out. */
  deliveryLanguage?(deliveryId: number): Promise<Locale>;
  markRevealed(promptId: string, at: Date): Promise<void>;
  /**
   * In one transaction: lock the prompt and the card state, let `decide` choose, then store its review
   * (or nothing when it returns null). Returns what `decide` returned with the stored review.
   */
  /** `request`: the platform request answering, stored with a first answer (see AnswerScene.answeredBy). */
  answer<T>(
    promptId: string,
    decide: (scene: AnswerScene) => { result: T; review: NewReview | null },
    request?: string | null,
  ): Promise<{ result: T; reviewId: number | null } | null>;
  /** In one transaction: lock the review and its card state, let `decide` re-rate, store the replacement. */
  dispute<T>(
    reviewId: number,
    decide: (scene: DisputeScene) => { result: T; review: NewReview | null },
  ): Promise<{ result: T; reviewId: number | null } | null>;
  /** `tenantId`: only the cards that community sees count (not its hidden decks, nor others'); absent: all. */
  stats(userId: number, now: Date, timeZone: string, tenantId?: string): Promise<LearnerStats>;
  /**
   * In one transaction: lock the person's card states, read them with their logs, and store the states
   * `decide` returns (by card id); the person's other states are left as they are.
   */
  reschedule(
    userId: number,
    decide: (scene: RescheduleScene) => { cardId: string; state: MemoryState }[],
  ): Promise<void>;
}

export interface LearnerStats {
  dueNow: number;
  dueToday: number;
  dueTomorrow: number;
  dueThisWeek: number;
  reviewedToday: number;
  /** Share of reviews in the last 30 days that were not "Again"; null with no reviews. */
  retention30d: number | null;
  /** Consecutive local days with at least one review, ending today (or yesterday, if not yet today). */
  streak: number;
  totalReviews: number;
}
