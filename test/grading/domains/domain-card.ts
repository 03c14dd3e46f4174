import type { GraderVerdict } from '../../../src/core/grading/grade.ts';

/**
 * What kind of answer a case is, for reporting misses by kind: `exact`, `variant` (case, plural),
 * `article`, `accent`, `spacing`, `context` (answer plus harmless words), `partial-ok`, `synonym`,
 * `abbreviation`, `spelling` (British/American, transliteration), `symbol`, `name`, `date`, `number`,
 * `scientific`, `unit`, `formula`, `flags`, `list`, `typo`, `near-word` (another real word close by),
 * `sign`, `echo` (repeats the question), `partial`, `hedge`, `wrong`.
 */
export type Kind = string;

/** One typed answer, labelled as a careful teacher would: correct, close (right answer, a typo) or wrong. */
export type DomainCase = readonly [answer: string, label: GraderVerdict, kind: Kind];

/** A card from a deck of some domain and language, with the answers typed to it. */
export interface DomainCard {
  readonly domain: string;
  /** BCP 47 language of the deck. */
  readonly lang: string;
  readonly question: string;
  readonly expected: string;
  readonly accept?: readonly string[];
  readonly cases: readonly DomainCase[];
}
