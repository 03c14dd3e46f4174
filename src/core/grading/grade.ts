import type { Rating } from '../rating.ts';
import type { GraderVerdict } from '../verdict.ts';
import { judge } from './judge.ts';
import { rate } from './rating.ts';

export type { Rating } from '../rating.ts';
export type { GraderVerdict } from '../verdict.ts';
export { DEFAULTS, type EasyRule } from './rating.ts';

export interface GradeInput {
  /** The card's canonical answer. */
  expected: string;
  /** Accepted aliases. */
  accept?: readonly string[];
  /** What the user typed. */
  answer: string;
  /** Response time in milliseconds, if known. */
  ms?: number;
  /**
   * Words of the card's domain, e.g. the answers of the deck's other cards: a typed word that is one
   * of them is a different answer, not a typo. Pass the same collection for every card to reuse its reading.
   */
  vocabulary?: Iterable<string>;
  /** The card's question: an answer that only repeats its words is not an answer. */
  question?: string;
  /** BCP 47 language of the card (deck `lang`, or the card's `Lang:`); default `en`. */
  lang?: string;
}

export interface Grade {
  verdict: GraderVerdict;
  rating: Rating;
}

/** Grades a typed answer as a fair human would: correct, close (a typo: Hard) or wrong, with its FSRS rating. */
export function grade(input: GradeInput): Grade {
  const verdict = judge(input.expected, input.accept ?? [], input.answer, input);
  return { verdict, rating: rate(verdict, input.expected, input.ms) };
}
