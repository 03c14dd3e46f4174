import type { LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';

// Whole numbers a person would spell out: a year, a count.
const SPELLED = /^\d{1,7}$/;

const letters = (text: string) => normalise(text).replace(/[^\p{L}\p{N}]/gu, '');

function spells(words: string, digits: string, kit: LanguageKit): boolean {
  const written = kit.numberWords?.(Number(digits));
  return written !== undefined && letters(words) === letters(written);
}

/**
 * True when one of answer and form is a whole number and the other spells it in the card's language
 * ("sechzehn" for "16", "7" for "siete"), hyphens, spaces and accents aside.
 */
export function isSpelledNumber(answer: string, form: string, kit: LanguageKit | undefined): boolean {
  if (!kit?.numberWords) return false;
  const [typed, expected] = [answer.trim(), form.trim()];
  if (SPELLED.test(expected)) return !SPELLED.test(typed) && spells(typed, expected, kit);
  return SPELLED.test(typed) && spells(expected, typed, kit);
}
