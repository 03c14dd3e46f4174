import { clipParameters, default_w, type FSRS, fsrs, generatorParameters } from 'ts-fsrs';
import type { Rating } from '../core/rating.ts';
import type { Weights } from '../core/scheduling/scheduler.ts';
import type { SeededRandom } from './random.ts';

/** How far a simulated person's true weights are drawn from the defaults (log-normal spread). */
const SPREAD = {
  /** The four initial stabilities: people differ most in how well a first answer sticks. */
  initial: 1.0,
  other: 0.5,
} as const;

/** True FSRS-6 weights drawn around the defaults, kept in FSRS's allowed ranges. */
export function drawWeights(random: SeededRandom): number[] {
  const drawn = default_w.map(
    (weight, i) => weight * Math.exp(random.normal() * (i < 4 ? SPREAD.initial : SPREAD.other)),
  );
  // Initial stabilities rise with the rating, as FSRS requires of fitted ones.
  const initial = drawn.slice(0, 4).sort((a, b) => a - b);
  return clipParameters([...initial, ...drawn.slice(4)], 1, true);
}

/** One card's true memory: FSRS's difficulty and stability, and when it was last reviewed (ms). */
interface TrueMemory {
  difficulty: number;
  stability: number;
  lastReview: number;
}

const DAY = 86_400_000; // ms

/**
 * A memory model: the recall probability of each card at any time, moved by each rating given. It is FSRS-6's
 * own memory update (ts-fsrs `next_state` and `forgetting_curve`, over whole days since the last review as
 * ts-fsrs counts them), without the scheduler around it: a simulation asks it a few times per review, and
 * making ts-fsrs's scheduler for each `next` cost more than the quiz itself.
 */
export class MemoryModel {
  readonly #fsrs: FSRS;
  readonly #cards = new Map<string, TrueMemory>();

  constructor(weights: Weights) {
    this.#fsrs = fsrs(generatorParameters({ enable_fuzz: false, ...(weights ? { w: [...weights] } : {}) }));
  }

  /** Probability of recalling the card at `at`; null for a card never reviewed. */
  recall(cardId: string, at: Date): number | null {
    const memory = this.#cards.get(cardId);
    return memory ? this.#fsrs.forgetting_curve(daysSince(memory, at), memory.stability) : null;
  }

  review(cardId: string, at: Date, rating: Rating): void {
    const memory = this.#cards.get(cardId);
    const next = this.#fsrs.next_state(memory ?? null, memory ? daysSince(memory, at) : 0, rating);
    this.#cards.set(cardId, { ...next, lastReview: at.getTime() });
  }
}

function daysSince(memory: TrueMemory, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - memory.lastReview) / DAY));
}
