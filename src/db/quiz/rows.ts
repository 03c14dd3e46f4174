import { isLocale } from '../../core/language.ts';
import type { Learner, Prompt, StoredReview } from '../../core/quiz/ports.ts';
import type { Rating } from '../../core/rating.ts';
import type { MemoryState } from '../../core/scheduling/memory.ts';
import { type CardRow, toCard } from '../card-row.ts';
import type { cardStates, prompts, reviews, users } from '../schema.ts';

export const LEARNER_FIELDS = [
  'id',
  'platform',
  'externalId',
  'desiredRetention',
  'newPerDay',
  'maxReviewsPerDay',
  'timeZone',
  'language',
  'leechLapses',
  'fsrsWeights',
] as const satisfies readonly (keyof typeof users.$inferSelect)[];
type LearnerRow = Pick<typeof users.$inferSelect, (typeof LEARNER_FIELDS)[number]>;

/** A card state's columns, named as MemoryState names its fields: the order of every state column list and its values. */
export const MEMORY_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'state',
  'lastReview',
] as const satisfies readonly (keyof MemoryState & keyof typeof cardStates.$inferInsert)[];

/** A state's values in MEMORY_FIELDS order. */
export const memoryValues = (state: MemoryState): unknown[] => MEMORY_FIELDS.map((field) => state[field]);

/** A review's `…_before` columns, in the order storing a review sends them. */
export const BEFORE_FIELDS = [
  'stateBefore',
  'dueBefore',
  'stabilityBefore',
  'difficultyBefore',
  'scheduledDaysBefore',
  'learningStepsBefore',
  'lastReviewBefore',
  'repsBefore',
  'lapsesBefore',
] as const satisfies readonly (keyof typeof reviews.$inferInsert)[];

/** The values of BEFORE_FIELDS. */
export const beforeValues = (before: MemoryState): unknown[] => [
  before.state,
  before.due,
  before.stability,
  before.difficulty,
  before.scheduledDays,
  before.learningSteps,
  before.lastReview,
  before.reps,
  before.lapses,
];

/** Rebuilds a review's record; the state after it is what the card state was set to, read from the row. */
export function toStoredReview(row: typeof reviews.$inferSelect): StoredReview {
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

export function toMemory(row: typeof cardStates.$inferSelect): MemoryState {
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

export function toPrompt(row: typeof prompts.$inferSelect, card: CardRow): Prompt {
  return {
    id: row.id,
    tenantId: row.tenantId,
    userId: row.userId,
    card: toCard(card),
    shownAt: row.shownAt,
    repsAtShow: row.repsAtShow,
    deliveryId: row.deliveryId,
    practice: row.practice,
  };
}

export function toLearner(row: LearnerRow): Learner {
  return {
    userId: row.id,
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    maxReviewsPerDay: row.maxReviewsPerDay,
    timeZone: row.timeZone,
    language: row.language !== null && isLocale(row.language) ? row.language : null,
    leechLapses: row.leechLapses,
    weights: row.fsrsWeights,
  };
}
