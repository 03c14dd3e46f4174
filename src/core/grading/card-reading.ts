import { Kept } from '../kept.ts';
import { withDecimalPoints } from './decimal-comma.ts';
import { cardForms } from './forms.ts';
import { type LanguageKit, languageKit, primaryTag } from './language.ts';
import { type Lexicon, lexiconOf } from './lexicon.ts';
import { isGivenNameOnly, isWrittenAsName } from './names.ts';
import { normalise } from './normalise.ts';
import { inUnit } from './numbers.ts';
import { type Question, readQuestion } from './question.ts';
import type { Reading } from './term.ts';
import { tokenise } from './tokens.ts';
import type { Unit } from './units.ts';

/** What the grader knows of the card beyond its answers. */
export interface CardContext {
  readonly vocabulary?: Iterable<string> | undefined;
  readonly question?: string | undefined;
  readonly lang?: string | undefined;
}

/**
 * Everything the grader reads from the card alone (its answers, question, language and deck), the same for
 * every answer typed to it: read once per card, not at every grade.
 */
export interface CardReading {
  readonly kit: LanguageKit | undefined;
  /** Every text that counts as the card's answer (cardForms). */
  readonly texts: readonly string[];
  /** The texts as read, in the same order. */
  readonly own: readonly Reading[];
  /** The texts as a person types them (asTyped): an answer that is one of them is right as written. */
  readonly literals: ReadonlySet<string>;
  /** The texts, counted in the question's unit, then the accepted synonyms. */
  readonly forms: readonly Reading[];
  readonly longest: number;
  readonly question: Question | undefined;
  /** The lexicon the terms are compared with: the language's words, the deck's answers, the answer's kinds. */
  readonly lexicon: Lexicon;
  /** "±12" among the answers: a typed "±" is then part of the answer. */
  readonly signsBoth: boolean;
  /** The answer names a person: the question asks who, or the answer starts with a given name the language knows. */
  readonly namesPerson: boolean;
}

export function read(text: string): Reading {
  return { text, tokens: tokenise(text) };
}

/** Text as a person typed it, but for case, spacing and a closing full stop: "Answer 7." is "answer 7". */
export function asTyped(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
}

/**
 * Cards read, kept by content: an edited card (answer, aliases, question, language) or another deck
 * vocabulary or a language loaded since is another key, so nothing kept goes stale and no time limit is needed.
 * A reading holds about 8 KB (measured on a two-alias English card): at most 40 MB.
 */
const CARD_READINGS = { most: 5_000 } as const;
const readings = new Kept<CardReading>(CARD_READINGS.most, Number.POSITIVE_INFINITY);

// The deck's vocabulary and the language kit are known by identity, as lexiconOf knows a vocabulary.
const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identity(thing: object | undefined): number {
  if (thing === undefined) return 0;
  let id = identities.get(thing);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(thing, id);
  }
  return id;
}

/** The card's reading, made on its first grade and kept for the next answers to it. */
export function readCard(expected: string, accept: readonly string[], card: CardContext): CardReading {
  const kit = languageKit(card.lang);
  const key = `${identity(card.vocabulary)}:${identity(kit)}:${JSON.stringify([expected, accept, card.question ?? null, card.lang ?? null])}`;
  return remembered(readings, key, () => readAnew(expected, accept, card, kit));
}

function readAnew(
  expected: string,
  accept: readonly string[],
  card: CardContext,
  kit: LanguageKit | undefined,
): CardReading {
  const { vocabulary } = card;
  const decimals = (text: string) => withDecimalPoints(text, card.lang);
  const texts = cardForms(decimals(expected), accept.map(decimals), primaryTag(card.lang));
  // Synonyms a teacher accepts ("bike" for "bicycle"), from the language's thesaurus, but never a word
  // that is an answer of its own in the deck ("heap" is not "stack" in a programming deck).
  const deckLexicon = lexiconOf(vocabulary);
  // A synonym made of the card's own words ("hockey" for "ice hockey") is no other answer of the deck; but a
  // person's surname alone ("Kant") is the names' to judge, which know other names one letter away.
  const question = readQuestion(card.question);
  const named = isName(expected, kit);
  const textWords = new Set(texts.flatMap((text) => normalise(text).split(' ')));
  const isPerson =
    !expandsQuestionAcronym(expected, card.question) &&
    (question?.asksWho || named || (question?.asksAgent && isWrittenAsName(expected)));
  const synonyms = kit
    ? texts
        .flatMap((text) => kit.synonyms(text, card.question))
        .filter((synonym) => {
          const words = folded(synonym).split(' ');
          const ownOnly = words.every((word) => textWords.has(word));
          // Part of a person's name ("Leonardo" for "Leonardo da Vinci") is compareName's to judge: a first
          // name alone names no one.
          if (isPerson && isGivenNameOnly(words, expected)) return false;
          return (!isPerson && ownOnly) || !deckLexicon.isDistinctWord(words.join(' '));
        })
    : [];
  const own = texts.map(read);
  return {
    kit,
    texts,
    own,
    literals: new Set(texts.map(asTyped)),
    forms: [
      ...own.map((reading) => countedIn(reading, question?.unit)),
      ...synonyms.filter((synonym) => !texts.includes(synonym)).map(readSynonym),
    ],
    longest: Math.max(0, ...texts.map((text) => text.length)),
    question,
    lexicon: lexiconOf(vocabulary, kit, card.lang, named, { kinds: kindsOf(texts, kit) }),
    signsBoth: texts.some((text) => text.includes('±')),
    namesPerson: isPerson === true,
  };
}

// Synonyms and kinds come back for every card of a language: each is read once, the least recently used
// forgotten first when too many are kept (no time limit: nothing here goes stale).
const READINGS_KEPT = 20_000;

function remembered<V>(kept: Kept<V>, key: string, make: () => V): V {
  let known = kept.get(key, 0);
  if (known === undefined) {
    known = make();
    kept.set(key, known, 0);
  }
  return known;
}

const readSynonyms = new Kept<{ reading: Reading; folded: string }>(READINGS_KEPT, Number.POSITIVE_INFINITY);
const synonymOf = (text: string) =>
  remembered(readSynonyms, text, () => ({ reading: read(text), folded: normalise(text) }));
const readSynonym = (text: string) => synonymOf(text).reading;
const folded = (text: string) => synonymOf(text).folded;

const kindWords = new Kept<ReadonlySet<string>>(READINGS_KEPT, Number.POSITIVE_INFINITY);
// The words of what a card's answer is a kind or part of, as the grader reads words.
function kindsOf(texts: readonly string[], kit: LanguageKit | undefined): ReadonlySet<string> {
  if (!kit?.kinds) return new Set();
  return remembered(kindWords, `${kit.lang}\n${texts.join('\n')}`, () => {
    const kinds = texts.flatMap((text) => kit.kinds?.(text) ?? []);
    return new Set(kinds.flatMap((kind) => normalise(kind).split(' ')));
  });
}

// "32" to "How many bits…" is 32 bits: "4 bytes" says it too, "32 bytes" does not.
function countedIn(form: Reading, unit: Unit | undefined): Reading {
  const [only] = form.tokens;
  if (!unit || form.tokens.length !== 1 || only?.kind !== 'number' || only.unit) return form;
  return { text: form.text, tokens: [inUnit(only, unit)] };
}

/**
 * True when the answer spells out an acronym of the question ("North Atlantic Treaty Organization" to "What does
 * NATO stand for?"): a name of an organisation or a thing, every word of which counts, not a person's.
 */
function expandsQuestionAcronym(expected: string, question: string | undefined): boolean {
  const initials = (expected.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('');
  return initials.length >= 2 && question !== undefined && question.split(/[^\p{L}]+/u).includes(initials);
}

function isName(expected: string, kit: LanguageKit | undefined): boolean {
  const first = expected.trim().split(/\s+/, 1)[0] ?? '';
  return kit !== undefined && /^\p{Lu}/u.test(first) && kit.isName(normalise(first));
}
