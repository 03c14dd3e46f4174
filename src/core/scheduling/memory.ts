import { State } from 'ts-fsrs';
import type { Rating } from '../rating.ts';

/** One person's FSRS memory of one card: the fields of ts-fsrs's Card, with `lastReview` explicit. */
export interface MemoryState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: State;
  lastReview: Date | null;
}

/** What a review changed: the state before it, so it can be rolled back, and the rating given. */
export interface ReviewRecord {
  rating: Rating;
  before: MemoryState;
  after: MemoryState;
  /** Days since the previous review, as FSRS saw them. */
  elapsedDays: number;
  lastElapsedDays: number;
  reviewedAt: Date;
}

/** A card never reviewed: due now. */
export function newMemory(now: Date): MemoryState {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: State.New,
    lastReview: null,
  };
}
