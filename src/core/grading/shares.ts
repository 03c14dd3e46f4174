import type { LanguageKit } from './language.ts';
import { primaryTag } from './language.ts';
import { TEENS, UNITS } from './number-words.ts';

/**
 * Fractions spelled as a person says them, in the card's language: "un sexto", "trois quarts", "drei Viertel",
 * "un terzo", "um quarto". The numerator is a cardinal; the share is named by the ordinal, but for the few
 * shares each language names on their own (a half, a third, a quarter).
 */

// English cardinals and shares up to the sixteenth: the time signatures and the fractions people spell.
const EN_CARDINALS: readonly string[] = [...UNITS, ...TEENS];
const EN_SHARES: Readonly<Record<number, readonly string[]>> = {
  2: ['half'],
  3: ['third'],
  4: ['quarter', 'fourth'],
  5: ['fifth'],
  6: ['sixth'],
  7: ['seventh'],
  8: ['eighth'],
  9: ['ninth'],
  10: ['tenth'],
  12: ['twelfth'],
  16: ['sixteenth'],
};

// Shares a language names with a word of their own rather than its ordinal.
const OWN_SHARES: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  es: { 2: ['medio'], 3: ['tercio'] },
  fr: { 2: ['demi'], 3: ['tiers'], 4: ['quart'] },
  de: { 2: ['halb'] },
  it: { 2: ['mezzo'] },
  pt: { 2: ['meio'], 3: ['terço'] },
};
// The word for "one" before a share ("un sexto", "ein Viertel").
const ONE: Readonly<Record<string, string>> = {
  en: 'one',
  es: 'un',
  fr: 'un',
  de: 'ein',
  it: 'un',
  pt: 'um',
};
// Shares past this are named differently again ("onceavo"); spelled fractions stop here.
const LARGEST_SPELLED_SHARE = 16;

function plural(lang: string, share: string): string {
  if (lang === 'de' || share.endsWith('s')) return share;
  if (lang === 'it') return share.replace(/o$/, 'i');
  return `${share}s`;
}

/** The names of the share 1/`d` in the language: "sexto", "quart" and "quatrième", "Viertel". */
function shareNames(d: number, lang: string, kit: LanguageKit | undefined): readonly string[] {
  if (lang === 'en') return EN_SHARES[d] ?? [];
  const own = OWN_SHARES[lang]?.[d];
  const ordinal = d > 2 ? kit?.ordinalWords?.(d).toLowerCase() : undefined;
  // German names shares by the ordinal's stem: "vierte" → "Viertel", "achte" → "Achtel".
  const byOrdinal = ordinal === undefined ? [] : [lang === 'de' ? `${ordinal.replace(/e$/, '')}el` : ordinal];
  return own ?? byOrdinal;
}

function cardinal(n: number, lang: string, kit: LanguageKit | undefined): string | undefined {
  if (n === 1) return ONE[lang];
  return lang === 'en' ? EN_CARDINALS[n] : kit?.numberWords?.(n).toLowerCase();
}

/** "n/d" spelled in words: "tres cuartos", "un sexto", "three quarters" (several spellings where a language has them). */
export function spelledFractions(n: number, d: number, kit: LanguageKit | undefined): readonly string[] {
  const lang = primaryTag(kit?.lang ?? 'en');
  if (d < 2 || d > LARGEST_SPELLED_SHARE) return [];
  const count = cardinal(n, lang, kit);
  if (count === undefined) return [];
  return shareNames(d, lang, kit).map((share) => `${count} ${n === 1 ? share : plural(lang, share)}`);
}

const FRACTION = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/;

/** The card's answers that are fractions, spelled in the card's language: further forms of the card's answer. */
export function spelledShareForms(texts: readonly string[], kit: LanguageKit | undefined): readonly string[] {
  if (!kit?.ordinalWords) return [];
  return texts.flatMap((text) => {
    const fraction = FRACTION.exec(text);
    if (!fraction) return [];
    const [n, d] = [Number(fraction[1]), Number(fraction[2])];
    // The grader writes the card's own numbers in digits before it compares ("trois quarts" is read "3 quarts").
    return spelledFractions(n, d, kit).flatMap((words) => [words, words.replace(/^\S+/, String(n))]);
  });
}

/** The English cardinal, for time signatures read aloud ("three-four"). */
export function englishCardinal(n: number): string | undefined {
  return EN_CARDINALS[n];
}
