import { isKana, toHiragana, toKatakana, toRomaji } from 'wanakana';
import type { GraderVerdict } from '../verdict.ts';
import { editDistance } from './edit-distance.ts';
import { typoAllowance } from './typos.ts';
import { better } from './verdict.ts';

// A Japanese answer is read past its punctuation and spacing ("ありがとう。", "Fuji-san"); romaji keeps the
// apostrophe that parts "kin'en" from "kinen".
const KANA_SPACING = /[\s\p{P}\p{S}]/gu;
const ROMAJI_SPACING = /[\s\p{P}\p{S}](?<!')/gu;
const ROMAJI = /^[a-z']+$/;

// Hepburn's macrons and Nihon-shiki's circumflexes write a long vowel as one letter: "tōkyō", "tôkyô".
const LONG_VOWEL_LETTERS: Readonly<Record<string, string>> = {
  ā: 'aa',
  ī: 'ii',
  ū: 'uu',
  ē: 'ee',
  ō: 'ou',
  â: 'aa',
  î: 'ii',
  û: 'uu',
  ê: 'ee',
  ô: 'ou',
};
// The ways romaji writes a long vowel, folded to one: "toukyou", "tookyoo" and "tōkyō" are one reading.
const LONG_VOWELS: readonly (readonly [RegExp, string])[] = [
  [/o[ou]/g, 'o:'],
  [/uu/g, 'u:'],
  [/aa/g, 'a:'],
  [/ii/g, 'i:'],
  [/e[ei]/g, 'e:'],
];

// Words of two kana or fewer tolerate no slip: one sound off is another word ("あね"/"あに", "こと"/"ごと").
const LONGEST_EXACT_KANA = 2;

/** The answer in hiragana when it is written in kana alone (katakana and half-width forms included). */
function kanaOf(text: string): string | undefined {
  const plain = text.normalize('NFKC').replace(KANA_SPACING, '');
  return plain !== '' && isKana(plain) ? toHiragana(toKatakana(plain)) : undefined;
}

/** The answer as romaji letters when it is written in Latin letters alone, long-vowel letters spelled out. */
function romajiOf(text: string): string | undefined {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[āīūēōâîûêô]/g, (letter) => LONG_VOWEL_LETTERS[letter] ?? letter)
    .replace(ROMAJI_SPACING, '');
  return ROMAJI.test(plain) ? plain : undefined;
}

// Hepburn, Kunrei and wāpuro spellings of one reading meet in the kana they type: "susi" and "sushi" are すし.
function reading(romaji: string): string {
  const kana = toHiragana(romaji);
  return isKana(kana) ? toRomaji(kana) : romaji;
}

function folded(romaji: string): string {
  return LONG_VOWELS.reduce((text, [pattern, long]) => text.replace(pattern, long), romaji);
}

// "かっこう" for "がっこう", "kakkou" for "gakkou": a voicing mark is a sound of its own, so the answer is
// another word, not a slip.
function differsInVoicing(typed: string, expected: string): boolean {
  const unvoiced = (kana: string) => kana.normalize('NFD').replace(/[\u3099\u309a]/g, '');
  const typedKana = toHiragana(typed);
  return isKana(typedKana) && typedKana !== expected && unvoiced(typedKana) === unvoiced(expected);
}

function compareReading(typed: string, typedIsKana: boolean, expected: string): GraderVerdict {
  if (typedIsKana && typed === expected) return 'correct';
  const typedKey = folded(reading(typed));
  const expectedKey = folded(toRomaji(expected));
  // Typed in kana, one long vowel spelled another way ("ありがとお") is a slip; in romaji it is a spelling.
  if (typedKey === expectedKey) return typedIsKana ? 'close' : 'correct';
  if (differsInVoicing(typed, expected)) return 'wrong';
  const [a, b] = [typedKey.replace(/:/g, ''), expectedKey.replace(/:/g, '')];
  // A long vowel written short ("tokyo" for "とうきょう") is the word misspelt.
  if (a === b) return 'close';
  const allowance = [...expected].length <= LONGEST_EXACT_KANA ? 0 : typoAllowance(b.length);
  return editDistance(a, b, allowance) <= allowance ? 'close' : 'wrong';
}

/**
 * Judges an answer in kana or romaji against the card's forms written in kana: hiragana, katakana, half-width
 * katakana and romaji (Hepburn, Kunrei, long vowels as "ō", "ou" or "oo") all write one reading. Undefined when
 * the card gives no kana form or the answer is in neither kana nor romaji (kanji is judged as written).
 */
export function compareKana(answer: string, forms: readonly string[]): GraderVerdict | undefined {
  const kanaForms = forms.map(kanaOf).filter((form) => form !== undefined);
  if (kanaForms.length === 0) return undefined;
  const typedKana = kanaOf(answer);
  const typed = typedKana ?? romajiOf(answer);
  if (typed === undefined) return undefined;
  let verdict: GraderVerdict = 'wrong';
  for (const form of kanaForms)
    verdict = better(verdict, compareReading(typed, typedKana !== undefined, form));
  return verdict;
}
