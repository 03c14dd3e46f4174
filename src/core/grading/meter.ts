import type { GraderVerdict } from '../verdict.ts';
import type { LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';
import { englishCardinal, spelledFractions } from './shares.ts';

/**
 * A time signature names a count of beats and a note value, not a quotient: "6/8" is not "3/4" and "0.75"
 * is neither, though all three have one value. A card whose question asks for a metre and whose answer is
 * a time signature is judged by the two numbers as written or spoken ("three-four", "drei Viertel").
 */

// The words that ask for a metre: "time signature", "compás", "mesure", "Taktart", "tempo" (it), "compasso".
export const ASKS_METER =
  /\b(time signature|meter|metre|takt\w*|\w+takt|compas|mesure|chiffrage|tempo|compasso|metrica)\b/;
const SIGNATURE = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/;
const WRITTEN = /(\d{1,2})\s*\/\s*(\d{1,2})/;
// Note values a time signature counts in.
const NOTE_VALUES = [1, 2, 4, 8, 16, 32] as const;
const MOST_BEATS = 16;

const letters = (text: string) => normalise(text).replace(/[^\p{L}]/gu, '');

// Every way the signature n/d is said: as a fraction in the card's language or English, or as two numbers.
function spoken(n: number, d: number, kit: LanguageKit | undefined): string[] {
  const said = [...spelledFractions(n, d, kit), ...spelledFractions(n, d, undefined)].map((words) =>
    // "three quarters" and "three-quarter time" both name it.
    letters(words).replace(/s$/, ''),
  );
  const [count, value] = [englishCardinal(n), englishCardinal(d)];
  if (count && value) said.push(letters(`${count} ${value}`));
  return said;
}

/**
 * Correct or wrong when the card asks for a metre and gives a time signature; undefined when not, or when the
 * answer names no signature at all (a typo of a spelled one is judged by the other rules).
 */
export function compareMeter(
  answer: string,
  texts: readonly string[],
  asksMeter: boolean,
  kit: LanguageKit | undefined,
): GraderVerdict | undefined {
  if (!asksMeter) return undefined;
  const expected = texts.map((text) => SIGNATURE.exec(text)).find((found) => found !== null);
  if (!expected) return undefined;
  const [n, d] = [Number(expected[1]), Number(expected[2])];
  const written = WRITTEN.exec(answer);
  if (written) return Number(written[1]) === n && Number(written[2]) === d ? 'correct' : 'wrong';
  const typed = letters(answer);
  if (spoken(n, d, kit).some((words) => words !== '' && typed.includes(words))) return 'correct';
  for (let beats = 1; beats <= MOST_BEATS; beats++) {
    for (const note of NOTE_VALUES) {
      if (spoken(beats, note, kit).some((words) => words !== '' && typed.includes(words))) return 'wrong';
    }
  }
  return /\d/.test(answer) ? 'wrong' : undefined;
}
