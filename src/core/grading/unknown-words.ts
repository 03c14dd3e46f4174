import { editDistance } from './edit-distance.ts';
import { primaryTag } from './language.ts';
import type { Lexicon } from './lexicon.ts';

/**
 * Without a dictionary of the card's language, words this short tolerate no slip: one letter off in four mostly
 * spells another word ("kala"/"kola", "борщ"/"борт"), and nothing tells which.
 */
export const LONGEST_EXACT_UNKNOWN = 4; // letters
// An inflected form changes at most this many letters at the end of its word ("книги"/"книгой").
const LONGEST_ENDING = 2;
// …and leaves at least this much of it: a stem.
const SHORTEST_STEM = 3;

/** True when the card's language has no dictionary here, so a neighbour of its word may be a word unseen. */
export function guessesWords(lexicon: Lexicon): boolean {
  return !lexicon.knowsWords && primaryTag(lexicon.lang) !== 'en';
}

/**
 * True when the typed word is the card's word with another ending, two letters changed at its end
 * ("δημοκράτης" for "δημοκρατία", "Warszawie" for "Warszawa"): in a language that inflects, another form or
 * another word, while one letter off at the end is a slip.
 */
export function changesEnding(typed: string, expected: string): boolean {
  let shared = 0;
  while (shared < typed.length && shared < expected.length && typed[shared] === expected[shared]) shared++;
  if (shared < SHORTEST_STEM) return false;
  const [a, b] = [typed.slice(shared), expected.slice(shared)];
  return a.length <= LONGEST_ENDING && b.length <= LONGEST_ENDING && editDistance(a, b, 1) > 1;
}
