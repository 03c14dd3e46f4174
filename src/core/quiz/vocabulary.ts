import { Kept } from '../kept.ts';

/** How many decks' answers are kept, and for how long: a deck edited on disk is read again after this. */
export const VOCABULARY_CACHE = {
  decks: 64,
  /** Answers read per deck: beyond this a deck's vocabulary is its first cards'. */
  answers: 5_000,
  keepMs: 600_000, // 10 minutes
} as const;

/**
 * Each deck's answers (the words the grader tells apart from typos: "anion" is not a slip of "cation" in a
 * chemistry deck), kept per deck, bounded in decks and in time. The same array is handed out for every card
 * of a deck, so the grader reads it once.
 */
export class DeckVocabularies {
  readonly #kept = new Kept<readonly string[]>(VOCABULARY_CACHE.decks, VOCABULARY_CACHE.keepMs);

  /** The deck's answers if kept and fresh at `now`. */
  get(deckId: string, now: Date): readonly string[] | undefined {
    return this.#kept.get(deckId, now.getTime());
  }

  set(deckId: string, answers: readonly string[], now: Date): void {
    this.#kept.set(deckId, answers, now.getTime());
  }
}
