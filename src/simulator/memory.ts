import {
  clipParameters,
  createEmptyCard,
  default_w,
  type FSRS,
  type Card as FsrsCard,
  fsrs,
  generatorParameters,
} from 'ts-fsrs';
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

/** A memory model: the recall probability of each card at any time, moved by each rating given. */
export class MemoryModel {
  readonly #fsrs: FSRS;
  readonly #cards = new Map<string, FsrsCard>();

  constructor(weights: Weights) {
    this.#fsrs = fsrs(generatorParameters({ enable_fuzz: false, ...(weights ? { w: [...weights] } : {}) }));
  }

  /** Probability of recalling the card at `at`; null for a card never reviewed. */
  recall(cardId: string, at: Date): number | null {
    const card = this.#cards.get(cardId);
    return card ? this.#fsrs.get_retrievability(card, at, false) : null;
  }

  review(cardId: string, at: Date, rating: Rating): void {
    const card: FsrsCard = this.#cards.get(cardId) ?? createEmptyCard<FsrsCard>(at);
    this.#cards.set(cardId, this.#fsrs.next(card, at, rating).card);
  }
}
