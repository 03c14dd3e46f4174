import { primaryTag } from './language.ts';

/** Regular endings a word takes without becoming another word: "verts", "Straßen", "Tische", "begins". */
export const ENDINGS: Readonly<Record<string, readonly string[]>> = {
  en: ['s', 'es'],
  es: ['s', 'es'],
  fr: ['s', 'x', 'e', 'es'],
  de: ['e', 'en', 'n', 'er', 'ern', 's', 'es'],
  it: [],
  pt: ['s', 'es'],
};

/**
 * Plurals made by changing a word's end, as [singular, plural] endings on folded words: Latin and Greek
 * plurals and changed vowels in English ("supernovae", "criteria", "mice"), Italian's changed final vowel
 * ("cani", "case"), Portuguese "-ões"/"-ães" and "-is", French "-aux", Spanish "luces". A gender ending is not
 * among them: "manzano" (the tree) is not "manzana" (the apple).
 */
const PLURALS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  en: [
    ['a', 'ae'],
    ['us', 'i'],
    ['um', 'a'],
    ['on', 'a'],
    ['is', 'es'],
    ['ex', 'ices'],
    ['ix', 'ices'],
    ['ouse', 'ice'],
    ['oose', 'eese'],
    ['oot', 'eet'],
    ['ooth', 'eeth'],
    ['man', 'men'],
  ],
  es: [['z', 'ces']],
  fr: [
    ['al', 'aux'],
    ['ail', 'aux'],
  ],
  it: [
    ['o', 'i'],
    ['a', 'e'],
    ['e', 'i'],
    ['co', 'chi'],
    ['ca', 'che'],
    ['go', 'ghi'],
    ['ga', 'ghe'],
    ['io', 'i'],
  ],
  pt: [
    ['ao', 'oes'],
    ['ao', 'aes'],
    ['ao', 'aos'],
    ['l', 'is'],
    ['m', 'ns'],
  ],
};
// A plural that swaps the end of a short word changes too much of it to be told from another word.
const FEWEST_LETTERS_SHARED = 3; // the kept stem and the shorter of the two endings

/** True when `typed` is `expected` with one of its language's regular endings. */
export function addsEnding(typed: string, expected: string, lang: string | undefined): boolean {
  if (!typed.startsWith(expected)) return false;
  return (ENDINGS[primaryTag(lang)] ?? []).includes(typed.slice(expected.length));
}

function pluralOf(plural: string, singular: string, lang: string): boolean {
  return (PLURALS[lang] ?? []).some(([one, many]) => {
    if (!singular.endsWith(one) || !plural.endsWith(many)) return false;
    const stem = singular.slice(0, singular.length - one.length);
    return (
      stem.length > 0 &&
      stem.length + Math.min(one.length, many.length) >= FEWEST_LETTERS_SHARED &&
      plural === stem + many
    );
  });
}

/** True when one word is the other's plural made by changing its end ("mice" and "mouse", "cani" and "cane"). */
export function changesNumber(typed: string, expected: string, lang: string | undefined): boolean {
  const tag = primaryTag(lang);
  return pluralOf(typed, expected, tag) || pluralOf(expected, typed, tag);
}
