import type { GraderVerdict } from '../verdict.ts';
import { editDistance } from './edit-distance.ts';
import { addsEnding, changesNumber } from './endings.ts';
import { compareHangul } from './hangul.ts';
import type { Lexicon } from './lexicon.ts';
import { american, stem } from './stem.ts';
import { isOppositeWord } from './swaps.ts';
import { typoAllowance } from './typos.ts';
import { changesEnding, guessesWords, LONGEST_EXACT_UNKNOWN } from './unknown-words.ts';

// Tokens this short tolerate no typo: one letter off is another word (TCP/TPC, pip/pop).
const LONGEST_EXACT_TOKEN = 3;
// In short words even a lost or swapped first letter is more often another word than a slip.
const LONGEST_STRICT_START = 5;
// From this length a word the dictionary does not know is given one more edit ("bycicle", "fotosynthesis").
const SHORTEST_LENIENT = 7;
// A slip that changes the first letter changes little else: "fotosynthesis", not "chemosynthesis".
const LENIENT_START_EDITS = 2;

const WHOLE_SIGN_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const ZERO = 48;
const NINE = 57;

function digitsOf(word: string): string {
  let digits = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= ZERO && code <= NINE) digits += word.charAt(i);
  }
  return digits;
}

// Typing slips swap, drop or add the first letter, but rarely replace it: "bcrypt"/"scrypt" and
// "node"/"mode" are different words.
function keepsFirstLetter(typed: string, expected: string): boolean {
  if (typed.charAt(0) === expected.charAt(0)) return true;
  if (expected.length <= LONGEST_STRICT_START) return false;
  const swapped = typed.charAt(0) === expected.charAt(1) && typed.charAt(1) === expected.charAt(0);
  const dropped = typed.charAt(0) === expected.charAt(1);
  const added = typed.charAt(1) === expected.charAt(0);
  return swapped || dropped || added;
}

// A key pressed twice ("ohmm" for "ohm") is a slip even in a short word, when the dictionary knows no such word.
function doublesALetter(typed: string, expected: string): boolean {
  if (typed.length !== expected.length + 1 || !/^\p{L}+$/u.test(typed)) return false;
  for (let i = 1; i < typed.length; i++) {
    if (typed.charAt(i) === typed.charAt(i - 1) && typed.slice(0, i) + typed.slice(i + 1) === expected)
      return true;
  }
  return false;
}

// "imag" for "image" shares its stem but is a slip, not an inflection.
function dropsFinalE(typed: string, expected: string): boolean {
  return expected.endsWith('e') && typed === expected.slice(0, -1);
}

// "maping" for "mapping" also shares its stem, but keeps the same ending: a slip inside one form.
function slipsInsideForm(typed: string, expected: string): boolean {
  const a = american(typed);
  const b = american(expected);
  return a !== b && a.slice(-2) === b.slice(-2) && editDistance(a, b, 1) <= 1;
}

// "torte" for "tort", "mère" for "mer": a final "e" the stemmer drops, but both are words the dictionary lists
// on their own, so they are neighbours, not forms of one word ("mapper" and "mapping" are one word's forms).
function isOtherEntry(typed: string, expected: string, lexicon: Lexicon): boolean {
  const longer = typed.length > expected.length ? typed : expected;
  const shorter = longer === typed ? expected : typed;
  if (longer !== `${shorter}e`) return false;
  return lexicon.isEntry(typed) && lexicon.isEntry(expected);
}

// "acd" for "acid", "mis" for "mise": a longer word losing a letter inside it, or a silent final "e", into no
// word at all. A lost final sound is more often a stem or another word ("neo" for "neon").
function isShortSlip(typed: string, expected: string, lexicon: Lexicon): boolean {
  if (expected.length <= LONGEST_EXACT_TOKEN || typed.length !== expected.length - 1) return false;
  if (!lexicon.knowsWords || lexicon.isWord(typed) || !/^\p{L}+$/u.test(typed)) return false;
  if (dropsFinalE(typed, expected)) return true;
  for (let i = 1; i < expected.length - 1; i++)
    if (expected.slice(0, i) + expected.slice(i + 1) === typed) return true;
  return false;
}

function isSlipOfForm(typed: string, expected: string, lexicon: Lexicon): boolean {
  if (!lexicon.isDictionaryWord(expected) || lexicon.isWord(typed)) return false;
  return !addsEnding(typed, expected, lexicon.lang) && editDistance(typed, expected, 1) <= 1;
}

/**
 * Judges one typed word against the card's word: the same word, a typo of it, or another word.
 * For words run together (`joined`), `allowance` says how many edits the run may carry.
 */
export function compareWords(
  typed: string,
  expected: string,
  lexicon: Lexicon,
  joined?: { allowance: number },
): GraderVerdict {
  if (typed === expected || american(typed) === american(expected)) return 'correct';
  // In Chinese and Japanese writing one sign more or less is another word, not a slip; Korean is read by letters.
  if (WHOLE_SIGN_SCRIPTS.test(expected) || WHOLE_SIGN_SCRIPTS.test(typed)) return 'wrong';
  const inHangul = compareHangul(typed, expected);
  if (inHangul) return inHangul;
  // "mice" for "mouse", "supernova" for "supernovae", "cani" for "cane": the word in the other number, when
  // the dictionary knows that form.
  if (!joined && changesNumber(typed, expected, lexicon.lang) && lexicon.isDictionaryWord(typed))
    return 'correct';
  const typedStem = stem(typed);
  const expectedStem = stem(expected);
  if (typedStem === expectedStem) {
    if (isOtherEntry(typed, expected, lexicon)) return 'wrong';
    if (dropsFinalE(typed, expected))
      return typed.length > LONGEST_EXACT_TOKEN || isShortSlip(typed, expected, lexicon) ? 'close' : 'wrong';
    // One letter more or changed that makes no word and no regular ending is a slip ("volcanoe",
    // "testater"); an irregular form or a derivation ("indices", "idempotency") moves more letters.
    if (!joined && isSlipOfForm(typed, expected, lexicon)) return 'close';
    return slipsInsideForm(typed, expected) ? 'close' : 'correct';
  }
  if (digitsOf(typed) !== digitsOf(expected)) return 'wrong';
  if (typed.length <= LONGEST_EXACT_TOKEN || expected.length <= LONGEST_EXACT_TOKEN)
    return (lexicon.knowsWords && doublesALetter(typed, expected) && !lexicon.isWord(typed)) ||
      isShortSlip(typed, expected, lexicon)
      ? 'close'
      : 'wrong';
  const guessing = guessesWords(lexicon);
  if (guessing && Math.min(typed.length, expected.length) <= LONGEST_EXACT_UNKNOWN)
    return doublesALetter(typed, expected) ? 'close' : 'wrong';
  if (guessing && !joined && changesEnding(typed, expected)) return 'wrong';
  // "verdes", "Straßen": the card's word with a regular ending of its language is the same word.
  if (!joined && addsEnding(typed, expected, lexicon.lang) && lexicon.isDictionaryWord(typed))
    return 'correct';
  // With a dictionary at hand, a long non-word is a slip even when it loses the first letter or a second one.
  const slip = !joined && lexicon.knowsWords && expected.length >= SHORTEST_LENIENT && !lexicon.isWord(typed);
  const firstLetterKept = keepsFirstLetter(typed, expected);
  if (!slip && !firstLetterKept) return 'wrong';
  // A stem of words run together means nothing, so a run is measured as typed.
  const base = joined?.allowance ?? typoAllowance(expected.length);
  // A slip loses the first letter ("fotosynthesis") or takes one more edit ("bycicle"), not both.
  const allowance = slip ? (firstLetterKept ? base + 1 : Math.min(base, LENIENT_START_EDITS)) : base;
  const distance = joined
    ? editDistance(typed, expected, allowance)
    : Math.min(editDistance(typed, expected, allowance), editDistance(typedStem, expectedStem, allowance));
  if (distance > allowance) return 'wrong';
  // Near enough to be a typo, unless the typed word is a word of its own.
  return isOppositeWord(typed, expected) || lexicon.isDistinctWord(typed) ? 'wrong' : 'close';
}
