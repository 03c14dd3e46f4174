import type { Card } from '../deck/card.ts';
import type { Rating } from '../rating.ts';
import type { MemoryState } from '../scheduling/memory.ts';
import { retrievability, type Weights } from '../scheduling/scheduler.ts';
import type { Verdict } from '../verdict.ts';
import type { Prompt } from './ports.ts';

/** Why a card is suspended for a person: it became a leech, or they asked. */
export type SuspendReason = 'leech' | 'manual';

export interface SuspendedCard {
  cardId: string;
  deckId: string;
  question: string;
  reason: SuspendReason;
  since: Date;
}

/** A card of /deck leeches: how many members it became a leech for, and how often in all. */
export interface LeechRow {
  cardId: string;
  deckId: string;
  question: string;
  people: number;
  leeches: number;
}

export interface PracticeCandidate {
  card: Card;
  state: MemoryState;
  /** Rated Again in a scheduled review since the query's `failedSince`. */
  failedRecently: boolean;
}

export interface PracticeQuery {
  userId: number;
  tenantId: string;
  deckId: string | null;
  tag: string | null;
  now: Date;
  /** Failed since then: a candidate whatever its retrievability. */
  failedSince: Date;
  /** Practised since then: left out, so a session goes through its cards once. */
  practisedSince: Date;
  limit: number;
}

/** A practice answer: logged apart from the scheduling log, with no FSRS state. */
export interface PracticeAnswer {
  tenantId: string;
  userId: number;
  cardId: string;
  promptId: string;
  rating: Rating;
  answer: string | null;
  verdict: Verdict;
  responseMs: number | null;
  reviewedAt: Date;
}

/** A practice prompt as stored: the card shown, to whom, when, and its state's reps then. */
export type PracticePrompt = Pick<Prompt, 'id' | 'tenantId' | 'userId' | 'shownAt' | 'repsAtShow'> & {
  cardId: string;
};

/** What a person put aside, and what they practise: the study controls' storage. */
export interface StudyStore {
  /** The card's lapses when its leech count was last reset (0 before any reset). */
  leechBase(userId: number, cardId: string): Promise<number>;
  /** Suspends the card for the person; as a leech, it counts once more in /deck leeches. */
  suspend(userId: number, cardId: string, reason: SuspendReason, at: Date): Promise<void>;
  bury(userId: number, cardId: string, until: Date): Promise<void>;
  /** False when the card was not suspended; `resetLeech`: its leech count starts again from its lapses now. */
  unsuspend(userId: number, cardId: string, resetLeech: boolean): Promise<boolean>;
  suspended(userId: number, limit: number): Promise<SuspendedCard[]>;
  /** The cards that became leeches for the most members of the community (people with reviews there). */
  leeches(tenantId: string, limit: number): Promise<LeechRow[]>;
  practiceCandidates(query: PracticeQuery): Promise<PracticeCandidate[]>;
  /** Stores a practice prompt (see Prompt.practice). */
  createPracticePrompt(prompt: PracticePrompt): Promise<void>;
  /** Once per prompt: a second answer finds the first (`repeated`). */
  recordPractice(answer: PracticeAnswer): Promise<{ id: number; repeated: boolean; first: PracticeAnswer }>;
}

/** Whether a lapse makes the card a leech: the person's `threshold`-th lapse since the last reset (0: never). */
export function isLeech(lapses: number, base: number, threshold: number): boolean {
  return threshold > 0 && lapses - base >= threshold;
}

/**
 * The card to practise: failed recently first, then the lowest probability of recall now, so practice goes
 * to what is closest to being forgotten. Null when there is none.
 */
export function pickPractice(
  candidates: readonly PracticeCandidate[],
  now: Date,
  desiredRetention: number,
  weights: Weights,
): PracticeCandidate | null {
  let best: { candidate: PracticeCandidate; rank: number } | null = null;
  for (const candidate of candidates) {
    const recall = retrievability(candidate.state, now, desiredRetention, weights);
    const rank = candidate.failedRecently ? recall - 1 : recall;
    if (!best || rank < best.rank) best = { candidate, rank };
  }
  return best?.candidate ?? null;
}
