import { editDistance } from './edit-distance.ts';
import type { LanguageKit } from './language.ts';
import { normalise } from './normalise.ts';
import { scaleWords } from './number-words.ts';
import { isUnit, spelledPrefixes, unitNamed, unitSpellings } from './units.ts';

// A unit's name this short changed by one letter is as likely another unit ("mg", "kg") as a slip.
const SHORTEST_SLIPPED_UNIT = 5;

let known: { readonly spellings: readonly string[]; readonly prefixes: readonly string[] } | undefined;
function spellings() {
  known ??= {
    spellings: [...new Set([...unitSpellings(), ...scaleWords()])].filter(
      (word) => word.length >= SHORTEST_SLIPPED_UNIT - 1 && /^[a-z]+$/.test(word),
    ),
    prefixes: spelledPrefixes(),
  };
  return known;
}

// The one unit or scale word `word` is a slip of, if one only: "miligrams", "gigapscals", "Celcius", "milion".
function mended(word: string): string | undefined {
  const { spellings: words, prefixes } = spellings();
  const near = new Set(words.filter((unit) => editDistance(word, unit, 1) === 1));
  for (const prefix of prefixes) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    for (const unit of words) if (editDistance(rest, unit, 1) === 1) near.add(`${prefix}${unit}`);
  }
  // "miligrams" is one letter from "milligrams" and from Spanish "miligramos": one unit all the same.
  const meant = new Set(
    [...near].map((word) => {
      const unit = unitNamed(word);
      return unit ? `${unit.dimension}:${unit.factor}` : word;
    }),
  );
  return meant.size === 1 ? [...near][0] : undefined;
}

/**
 * On a card whose answer is a quantity, the answer with a slip in a unit's or scale's name mended ("500
 * miligrams", "14 milion"), for a verdict of close at best; undefined when there is none. Digits are never
 * mended (a number is never a slip), nor a word of the language, which is another word, not a slip.
 */
export function withUnitSlipsMended(
  answer: string,
  texts: readonly string[],
  kit: LanguageKit | undefined,
): string | undefined {
  if (!texts.some((text) => /\d/.test(text))) return undefined;
  let changed = false;
  const words = normalise(answer)
    .split(' ')
    .map((word) => {
      if (word.length < SHORTEST_SLIPPED_UNIT || !/^[a-z]+$/.test(word) || isUnit(word)) return word;
      if (kit?.isWord(word)) return word;
      const unit = mended(word);
      if (unit === undefined) return word;
      changed = true;
      return unit;
    });
  return changed ? words.join(' ') : undefined;
}
