import {
  computeDecayFactor,
  createEmptyCard,
  default_w,
  type FSRS,
  type Card as FsrsCard,
  fsrs,
  generatorParameters,
  type ReviewLog,
} from 'ts-fsrs';
import type { Rating } from '../rating.ts';
import type { MemoryState, ReviewRecord } from './memory.ts';

/** A person's own FSRS weights (fitted to their reviews), or null for FSRS-6's defaults. */
export type Weights = readonly number[] | null;

const SCHEDULERS_LIMIT = 10_000; // schedulers remembered (one per retention and weights in use), then relearned
const schedulers = new Map<string, FSRS>();

/** FSRS at the person's desired retention with their weights; instances are reused, the defaults' by retention. */
function schedulerFor(desiredRetention: number, weights: Weights = null): FSRS {
  const key = weights === null ? String(desiredRetention) : `${desiredRetention}|${weights.join(',')}`;
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs(
      generatorParameters({
        request_retention: desiredRetention,
        enable_fuzz: false,
        ...(weights === null ? {} : { w: [...weights] }),
      }),
    );
    if (schedulers.size >= SCHEDULERS_LIMIT) schedulers.clear();
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** Applies one rating at `now` and returns the new state with what is needed to undo it. */
export function schedule(
  before: MemoryState,
  now: Date,
  rating: Rating,
  desiredRetention: number,
  weights: Weights = null,
): ReviewRecord {
  const { card, log } = schedulerFor(desiredRetention, weights).next(toFsrs(before), now, rating);
  return {
    rating,
    before,
    after: fromFsrs(card),
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    reviewedAt: now,
  };
}

/**
 * Restores the state a review started from (ts-fsrs rollback). ts-fsrs assumes the card was reviewed exactly
 * when it was due and rebuilds `due` from that; the stored state before is exact, so its timing fields win.
 */
export function rollback(
  record: ReviewRecord,
  desiredRetention: number,
  weights: Weights = null,
): MemoryState {
  const { before } = record;
  const log: ReviewLog = {
    rating: record.rating,
    state: before.state,
    due: before.lastReview ?? before.due, // ts-fsrs's log keeps the previous review time in `due`
    stability: before.stability,
    difficulty: before.difficulty,
    elapsed_days: record.elapsedDays,
    last_elapsed_days: before.elapsedDays,
    scheduled_days: before.scheduledDays,
    learning_steps: before.learningSteps,
    review: record.reviewedAt,
  };
  const restored = fromFsrs(schedulerFor(desiredRetention, weights).rollback(toFsrs(record.after), log));
  return { ...restored, due: before.due, lastReview: before.lastReview, lapses: before.lapses };
}

/** One standing review of a card, as its replay reads it. */
export interface ReplayedReview {
  rating: Rating;
  reviewedAt: Date;
}

/**
 * The card's memory state recomputed from its review log, oldest first, with these settings (ts-fsrs
 * `reschedule`: every review replayed from a new card). The log must start at the card's first review.
 * Null without a review.
 */
export function replay(
  reviews: readonly ReplayedReview[],
  desiredRetention: number,
  weights: Weights = null,
): MemoryState | null {
  const first = reviews[0];
  if (!first) return null;
  const history = reviews.map((review) => ({ rating: review.rating, review: review.reviewedAt }));
  const { collections } = schedulerFor(desiredRetention, weights).reschedule(
    createEmptyCard(first.reviewedAt),
    history,
    { first_card: createEmptyCard(first.reviewedAt), skipManual: true },
  );
  const last = collections.at(-1);
  return last ? fromFsrs(last.card) : null;
}

/** Probability of recall at `now` (0 for a card never reviewed). */
export function retrievability(
  state: MemoryState,
  now: Date,
  desiredRetention: number,
  weights: Weights = null,
): number {
  if (state.lastReview === null) return 0;
  return schedulerFor(desiredRetention, weights).get_retrievability(toFsrs(state), now, false);
}

function toFsrs(state: MemoryState): FsrsCard {
  const card: FsrsCard = {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
  };
  if (state.lastReview) card.last_review = state.lastReview;
  return card;
}

function fromFsrs(card: FsrsCard): MemoryState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The constants of FSRS's forgetting curve R(t) = (1 + factor · t / S) ^ decay, for queries that rank many cards. */
export function forgettingCurve(): { decay: number; factor: number } {
  return computeDecayFactor(default_w);
}
