import type { GraderVerdict } from '../verdict.ts';
import { blocks } from './asides.ts';
import { editDistance } from './edit-distance.ts';
import { isFiller, namesAKind } from './extras.ts';
import { primaryTag } from './language.ts';
import type { Lexicon } from './lexicon.ts';
import { type Token, tokenise, type WordToken } from './tokens.ts';
import { better, weaker } from './verdict.ts';
import { compareWords } from './words.ts';

// Words that join a surname to its family name rather than being a name of their own.
const PARTICLES = new Set('de da di del della der den van von du le ten ter bin ibn al dos das'.split(' '));
// Words that may stand before a name without changing whom it names.
const TITLES = new Set(
  [
    'dr doctor sir dame president mr mrs ms miss saint st king queen emperor lord lady prof professor general',
    // The same titles in the other languages decks use: "Dom Pedro I", "San Martín", "König Ludwig II".
    'don dona dom sankt san santa sao rey rei roi re konig koenig kaiser emperador imperador empereur imperatore',
    'papa pape papst senor senora sr sra herr frau monsieur madame signor signora',
  ]
    .join(' ')
    .split(' '),
);
// A surname alone this short is more often another word than the person.
const SHORTEST_SURNAME = 3;

interface PersonName {
  readonly given: readonly string[];
  readonly surname: readonly string[];
}

function wordsOf(tokens: readonly Token[]): string[] | undefined {
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word') return undefined;
    words.push(token.text);
  }
  return words;
}

// After a surname, not a name of its own: "Martin Luther King Jr.", "Elizabeth II".
const SUFFIXES = new Set(['jr', 'sr', 'junior', 'senior', 'ii', 'iii', 'iv']);

// "Son of" (ibn, bin, ben, ap): the father's name after it is part of the person's name, not a surname to stand alone.
const PATRONYMICS = new Set(['ibn', 'bin', 'ben', 'bint', 'ap']);

function personName(expected: string): PersonName | undefined {
  const words = wordsOf(tokenise(expected));
  while (words && words.length > 2 && SUFFIXES.has(words.at(-1) ?? '')) words.pop();
  if (!words || words.length < 2 || words.length > 6) return undefined;
  if (PATRONYMICS.has(words[0] ?? '')) return { given: [], surname: words };
  let start = words.findIndex((word, index) => index > 0 && PARTICLES.has(word));
  if (start < 0) start = words.length - 1;
  return { given: words.slice(0, start), surname: words.slice(start) };
}

const core = (words: readonly string[]) => words.filter((word) => !PARTICLES.has(word));

function same(typed: string, expected: string, lexicon: Lexicon): GraderVerdict {
  return compareWords(typed, expected, lexicon);
}

function compareRun(typed: readonly string[], expected: readonly string[], lexicon: Lexicon): GraderVerdict {
  if (typed.length !== expected.length) return 'wrong';
  let verdict: GraderVerdict = 'correct';
  for (let i = 0; i < typed.length && verdict !== 'wrong'; i++) {
    verdict = weaker(verdict, same(typed[i] ?? '', expected[i] ?? '', lexicon));
  }
  return verdict;
}

// Before the surname: given names, their initials ("C.", "JRR"), middle initials and particles.
function givenPart(typed: readonly string[], name: PersonName, lexicon: Lexicon): GraderVerdict {
  const initials = name.given.map((word) => word.charAt(0)).join('');
  let verdict: GraderVerdict = 'correct';
  const [first] = typed;
  const startsWithFirstName =
    first !== undefined && name.given[0] !== undefined && same(first, name.given[0], lexicon) !== 'wrong';
  for (const word of typed) {
    if (PARTICLES.has(word) || word === initials) continue;
    // An initial stands for one of the given names: "J. S. Bach", not "C. P. E. Bach"; after the first
    // name, a middle initial the card left out ("John F. Kennedy").
    if (word.length === 1) {
      if (!initials.includes(word) && !startsWithFirstName) return 'wrong';
      continue;
    }
    const best = name.given.reduce<GraderVerdict>(
      (found, given) => better(found, same(word, given, lexicon)),
      'wrong',
    );
    // After the first name, further names are middle names the card left out ("Leonardo di ser Piero da Vinci").
    if (best === 'wrong' && !startsWithFirstName) return 'wrong';
    verdict = weaker(verdict, best === 'wrong' ? 'correct' : best);
  }
  return verdict;
}

function isAmbiguous(name: PersonName, expected: string, vocabulary: Iterable<string> | undefined): boolean {
  const last = name.surname.at(-1);
  if (!vocabulary || !last) return false;
  for (const entry of vocabulary) {
    if (entry === expected) continue;
    const other = wordsOf(tokenise(entry));
    if (other && other.length > 1 && other.at(-1) === last) return true;
  }
  return false;
}

// A name this short changed by one letter is as likely another name ("Ann", "Ian") as a slip.
const SHORTEST_SLIPPED_NAME = 4;

function oneNameSlipped(typed: readonly string[], expected: readonly string[]): GraderVerdict {
  if (typed.length !== expected.length || typed.length < 2) return 'wrong';
  const slipped = expected.filter((word, i) => typed[i] !== word);
  if (slipped.length !== 1) return 'wrong';
  const i = expected.findIndex((word, k) => typed[k] !== word);
  const [want, got] = [expected[i] ?? '', typed[i] ?? ''];
  return want.length >= SHORTEST_SLIPPED_NAME && editDistance(got, want, 1) <= 1 ? 'close' : 'wrong';
}

/**
 * Judges an answer to a "who" card whose answer is a person's full name, as a teacher would: the surname
 * alone (unless another person in the deck shares it), initials for given names, titles, and the
 * surname first all name the person; a first name alone does not.
 */
export function compareName(
  typed: readonly Token[],
  expected: string,
  vocabulary: Iterable<string> | undefined,
  wordLexicon: Lexicon,
  lang?: string,
): GraderVerdict {
  const lexicon = wordLexicon.forNames();
  const name = personName(expected);
  const given = wordsOf(
    typed.filter((token): token is WordToken => token.kind === 'word' && !isFiller(token)),
  );
  if (!name || !given || name.given.length === 0) return 'wrong';
  let words = given;
  while (words.length > 1 && TITLES.has(words[0] ?? '')) words = words.slice(1);
  let verdict: GraderVerdict = 'wrong';
  for (let k = 1; k <= name.surname.length && k <= words.length; k++) {
    const suffix = name.surname.slice(-k);
    if (core(suffix).length === 0) continue;
    const tail = compareRun(words.slice(-k), suffix, lexicon);
    if (tail === 'wrong') continue;
    const before = words.slice(0, -k);
    if (before.length === 0) {
      const alone = core(suffix).join('');
      if (alone.length < SHORTEST_SURNAME || isAmbiguous(name, expected, vocabulary)) continue;
      verdict = better(verdict, tail);
    } else {
      verdict = better(verdict, weaker(tail, givenPart(before, name, lexicon)));
    }
  }
  // The whole name with one slip in one of its names is the person, even when the slip spells another
  // name ("Jane Austin", "Viktor Hugo"): the rest of the name says whom the learner means.
  verdict = better(verdict, oneNameSlipped(words, [...name.given, ...name.surname]));
  // The whole name and further names the card left out: "Miguel de Cervantes Saavedra".
  // Never a word that joins a second answer or hedges: "Federal Reserve or Congress" is two answers.
  const whole = core([...name.given, ...name.surname]);
  const typedWhole = core(words);
  // Read with the little words left in: Portuguese's article "o" is Spanish's "or".
  const named = new Set([...name.given, ...name.surname]);
  const added = typed.flatMap((token) =>
    token.kind === 'word' && !named.has(token.text) ? [token.text] : [],
  );
  if (typedWhole.length > whole.length && !blocks(added.join(' '), primaryTag(lang)))
    verdict = better(verdict, compareRun(typedWhole.slice(0, whole.length), whole, lexicon));
  // Surname first: "Shakespeare, William", "Hugo Victor".
  const surname = core(name.surname);
  if (words.length === surname.length + name.given.length) {
    const reversed = weaker(
      compareRun(words.slice(0, surname.length), surname, lexicon),
      compareRun(words.slice(surname.length), name.given, lexicon),
    );
    verdict = better(verdict, reversed);
  }
  return verdict;
}

/**
 * True when `words` (folded) are only the given names of the person `expected` names, or a ruler's name
 * without the regnal number ("Leonardo" for "Leonardo da Vinci", "Elizabeth" for "Elizabeth II"): a
 * thesaurus lists them as synonyms, but alone they name no one.
 */
export function isGivenNameOnly(words: readonly string[], expected: string): boolean {
  const all = wordsOf(tokenise(expected));
  if (!all || words.length === 0) return false;
  const last = all.at(-1) ?? '';
  if (all.length >= 2 && /^[ivxlcdm]+$/.test(last) && /[IVXLCDM]$/.test(expected.trim()))
    return !words.includes(last);
  const name = personName(expected);
  return name !== undefined && words.every((word) => name.given.includes(word));
}

/**
 * True when `expected` is written as a person's name: two to six words, each capitalised, an initial or a
 * particle ("Luís de Camões", "J. S. Bach", "Antonie van Leeuwenhoek").
 */
export function isWrittenAsName(expected: string): boolean {
  const words = expected.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  // "Mekong River", "Lake Victoria": a place.
  if (tokenise(expected).some((token) => !PARTICLES.has(token.text) && namesAKind(token))) return false;
  return words.every((word) => /^\p{Lu}(?:\p{Ll}|['’-])*\.?$/u.test(word) || PARTICLES.has(word));
}
