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

const WHOLE_NUMBERS = /\d{1,7}/g;
const REGNAL = /\p{Lu}\p{Ll}+\s+[IVXLCDM]+$/u;

/**
 * The answer with the card's own numbers, spelled in the card's language, written in digits: "neunzig
 * Minuten" for "90 Minuten" is "90 minuten", "Louis quatorze" for "Louis XIV" (read "Louis 14") is "louis 14".
 * Only the card's numbers are looked for, so no other number can come out of a word.
 */
export function withCardNumbersInDigits(
  answer: string,
  texts: readonly string[],
  kit: LanguageKit | undefined,
): string {
  const spell = kit?.numberWords;
  if (!spell) return answer;
  let typed = ` ${normalise(answer)} `;
  let changed = false;
  // A ruler's number is also said as an ordinal: "Carlos Quinto" for "Carlos V" (but "un terzo" is a share).
  const regnal = texts.some((text) => REGNAL.test(text));
  for (const digits of new Set(texts.flatMap((text) => text.match(WHOLE_NUMBERS) ?? []))) {
    const ordinal = regnal ? kit?.ordinalWords?.(Number(digits)) : undefined;
    for (const words of [spell(Number(digits)), ordinal ?? ''].map((text) => normalise(text))) {
      if (words === '' || !typed.includes(` ${words} `)) continue;
      typed = typed.replaceAll(` ${words} `, ` ${digits} `);
      changed = true;
    }
  }
  return changed ? typed.trim() : answer;
}
