import type { GraderVerdict } from '../verdict.ts';
import { editDistance } from './edit-distance.ts';
import { typoAllowance } from './typos.ts';
import { better } from './verdict.ts';

// Pinyin's tones, as marks once NFD has split them from their vowel, or as the digit after a syllable.
const TONE_MARKS: Readonly<Record<string, string>> = {
  '\u0304': '1',
  '\u0301': '2',
  '\u030c': '3',
  '\u0300': '4',
};
const TONE_DIGITS = /[1-4]/;
const NEUTRAL_DIGITS = /[05]/;
const DIAERESIS = '\u0308';
// What pinyin is written with: letters, tone marks or digits, ü (or "v"), and the spacing and punctuation around.
const PINYIN = /^(?:[a-z\d\s'’.,!?:;-]|\u0304|\u0301|\u030c|\u0300|\u0308)+$/u;

interface Pinyin {
  /** The syllables' letters run together, "ü" as "u:". */
  readonly letters: string;
  /** The tones in order, one digit per toned syllable (the neutral tone has none). */
  readonly tones: string;
}

function readPinyin(text: string): Pinyin | undefined {
  const plain = text.normalize('NFD').toLowerCase();
  if (!PINYIN.test(plain)) return undefined;
  let letters = '';
  let tones = '';
  for (const sign of plain) {
    const mark = TONE_MARKS[sign];
    if (mark) tones += mark;
    else if (TONE_DIGITS.test(sign)) tones += sign;
    else if (sign === DIAERESIS || (sign === ':' && letters.endsWith('u'))) letters += ':';
    else if (sign === 'v') letters += 'u:';
    else if (/[a-z]/.test(sign)) letters += sign;
    else if (/\d/.test(sign) && !NEUTRAL_DIGITS.test(sign)) return undefined;
  }
  return letters === '' ? undefined : { letters, tones };
}

function compareSyllables(typed: Pinyin, expected: Pinyin): GraderVerdict {
  // Tones are part of the word: "mài" (sell) is not "mǎi" (buy). Left out, the word is known, its tones not yet.
  const toned = typed.tones !== '';
  if (toned && typed.tones !== expected.tones) return 'wrong';
  if (typed.letters === expected.letters) return toned ? 'correct' : 'close';
  const allowance = typoAllowance(expected.letters.length);
  const slip = typed.letters.charAt(0) === expected.letters.charAt(0);
  return slip && editDistance(typed.letters, expected.letters, allowance) <= allowance ? 'close' : 'wrong';
}

/**
 * Judges an answer in pinyin against the card's forms in pinyin: tone marks and tone digits are one spelling
 * ("nǐ hǎo", "ni3 hao3", "nǐhǎo"); tones left out make the answer close, other tones make it another word.
 * Undefined when the card writes no toned pinyin or the answer is not pinyin.
 */
export function comparePinyin(answer: string, forms: readonly string[]): GraderVerdict | undefined {
  const pinyinForms = forms.map(readPinyin).filter((form) => form !== undefined && form.tones !== '');
  if (pinyinForms.length === 0) return undefined;
  const typed = readPinyin(answer);
  if (!typed) return undefined;
  let verdict: GraderVerdict = 'wrong';
  for (const form of pinyinForms) if (form) verdict = better(verdict, compareSyllables(typed, form));
  return verdict;
}
