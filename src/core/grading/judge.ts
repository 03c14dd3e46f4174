import type { GraderVerdict } from '../verdict.ts';
import { dropsAccents } from './accents.ts';
import { isAcronymMatch } from './acronyms.ts';
import { isSameChmod } from './chmod.ts';
import { isSameCommand } from './commands.ts';
import { compareDates } from './dates.ts';
import { cardForms } from './forms.ts';
import { compareFormula } from './formulas.ts';
import { isNonAnswer } from './junk.ts';
import { type LanguageKit, languageKit, primaryTag } from './language.ts';
import { type Lexicon, lexiconOf } from './lexicon.ts';
import { compareLists, splitItems } from './lists.ts';
import { compareName } from './names.ts';
import { normalise } from './normalise.ts';
import { inUnit } from './numbers.ts';
import { onlyRepeatsQuestion, type Question, readQuestion } from './question.ts';
import { isSameKill } from './signals.ts';
import { isSpelledNumber } from './spelled-numbers.ts';
import { compareTerm, type Reading } from './term.ts';
import { joinedKey, type Token, tokenise } from './tokens.ts';
import type { Unit } from './units.ts';
import { better } from './verdict.ts';

/**
 * An answer this much longer than every accepted form is not an answer, and is judged wrong
 * before any edit distance runs: `length > factor × longest form + slack`.
 */
export const LONG_ANSWER = { factor: 4, slack: 40 } as const;

function read(text: string): Reading {
  return { text, tokens: tokenise(text) };
}

// Synonyms and kinds come back for every answer to a card: each is read once. Bounded, as a deck's are.
const READINGS_KEPT = 20_000;

function remembered<V>(kept: Map<string, V>, key: string, make: () => V): V {
  let known = kept.get(key);
  if (known === undefined) {
    if (kept.size >= READINGS_KEPT) kept.clear();
    known = make();
    kept.set(key, known);
  }
  return known;
}

const readSynonyms = new Map<string, { reading: Reading; folded: string }>();
const synonymOf = (text: string) =>
  remembered(readSynonyms, text, () => ({ reading: read(text), folded: normalise(text) }));

const kindWords = new Map<string, ReadonlySet<string>>();
// The words of what a card's answer is a kind or part of, as the grader reads words.
function kindsOf(texts: readonly string[], kit: LanguageKit | undefined): ReadonlySet<string> {
  if (!kit?.kinds) return new Set();
  return remembered(kindWords, `${kit.lang}\n${texts.join('\n')}`, () => {
    const kinds = texts.flatMap((text) => kit.kinds?.(text) ?? []);
    return new Set(kinds.flatMap((kind) => normalise(kind).split(' ')));
  });
}

const readSynonym = (text: string) => synonymOf(text).reading;
const folded = (text: string) => synonymOf(text).folded;

function readTokens(tokens: readonly Token[]): Reading {
  return { text: tokens.map((token) => token.text).join(' '), tokens };
}

function compareForm(
  typed: Reading,
  form: Reading,
  lexicon: Lexicon,
  expandAcronyms: boolean,
  question: Question | undefined,
): GraderVerdict {
  const items = splitItems(form.tokens);
  if (items.length > 1) {
    return compareLists(typed.tokens, items, (answer, item) =>
      compareTerm(readTokens(answer), readTokens(item), lexicon, true, question),
    );
  }
  return compareTerm(typed, { text: form.text, tokens: items[0] ?? [] }, lexicon, expandAcronyms, question);
}

function isSpelledOut(form: Reading): boolean {
  return form.tokens.filter((token) => token.kind !== 'separator').length > 1;
}

// A card that spells its acronym out ("GIL" and "Global Interpreter Lock") wants that spelling
// checked word by word, so the acronym form does not also accept any expansion with its initials.
function mayExpand(form: Reading, forms: readonly Reading[]): boolean {
  return !forms.some(
    (other) => isSpelledOut(other) && isAcronymMatch(form.text, form.tokens, other.text, other.tokens, false),
  );
}

// "32" to "How many bits…" is 32 bits: "4 bytes" says it too, "32 bytes" does not.
function countedIn(form: Reading, unit: Unit | undefined): Reading {
  const [only] = form.tokens;
  if (!unit || form.tokens.length !== 1 || only?.kind !== 'number' || only.unit) return form;
  return { text: form.text, tokens: [inUnit(only, unit)] };
}

function isName(expected: string, kit: LanguageKit | undefined): boolean {
  const first = expected.trim().split(/\s+/, 1)[0] ?? '';
  return kit !== undefined && /^\p{Lu}/u.test(first) && kit.isName(normalise(first));
}

/** What the grader knows of the card beyond its answers. */
export interface CardContext {
  readonly vocabulary?: Iterable<string> | undefined;
  readonly question?: string | undefined;
  readonly lang?: string | undefined;
}

/**
 * Judges a typed answer against the card's answer and aliases, as a careful human marker would. In a
 * language that writes accents, a right word typed without them is close: the word is known, its spelling
 * not yet. English loanwords ("cafe") and people's names ("Rene Descartes") are commonly written without.
 */
export function judge(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext = {},
): GraderVerdict {
  const verdict = judgeLetters(expected, accept, typedAnswer, card);
  if (verdict !== 'correct' || primaryTag(card.lang) === 'en') return verdict;
  const spellsAccents = !readQuestion(card.question)?.asksWho;
  return spellsAccents && dropsAccents(typedAnswer, [expected, ...accept]) ? 'close' : verdict;
}

function judgeLetters(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict {
  const { vocabulary } = card;
  const kit = languageKit(card.lang);
  const texts = cardForms(expected, accept, primaryTag(card.lang));
  // "±12" for "12" gives the root and its negative, which a teacher takes; "4" for "±4" gives half: wrong.
  const answer = texts.some((text) => text.includes('±')) ? typedAnswer : typedAnswer.replace(/±\s*/g, '');
  // Synonyms a teacher accepts ("bike" for "bicycle"), from the language's thesaurus, but never a word
  // that is an answer of its own in the deck ("heap" is not "stack" in a programming deck).
  const deckLexicon = lexiconOf(vocabulary);
  // A synonym made of the card's own words ("hockey" for "ice hockey") is no other answer of the deck; but a
  // person's surname alone ("Kant") is the names' to judge, which know other names one letter away.
  const question = readQuestion(card.question);
  const ownWords = new Set(
    question?.asksWho || isName(expected, kit) ? [] : texts.flatMap((text) => normalise(text).split(' ')),
  );
  const synonyms = kit
    ? texts
        .flatMap((text) => kit.synonyms(text, card.question))
        .filter((synonym) => {
          const words = folded(synonym);
          return words.split(' ').every((word) => ownWords.has(word)) || !deckLexicon.isDistinctWord(words);
        })
    : [];
  const forms = [
    ...texts.map((text) => countedIn(read(text), question?.unit)),
    ...synonyms.filter((synonym) => !texts.includes(synonym)).map(readSynonym),
  ];
  const longest = Math.max(0, ...texts.map((text) => text.length));
  if (answer.length > LONG_ANSWER.factor * longest + LONG_ANSWER.slack) return 'wrong';

  const typed = read(answer);
  const own = texts.map(read);
  // The card's own answer, as written, is right whatever the question says (a question naming a unit or a
  // number must not turn "answer 0" into "0 c" and then reject the very answer the card gives).
  const literal = asTyped(answer);
  if (literal !== '' && texts.some((text) => asTyped(text) === literal)) return 'correct';
  // Before any value: "0.75" has the value of "3/4", but says nothing to "What fraction is 0.75?".
  if (onlyRepeatsQuestion(question, typed, own)) return 'wrong';
  // A formula is judged by its value before its letters: "E = m/c^2" has the letters of "E = mc^2".
  const byValue = texts.map((text) => compareFormula(answer, text)).filter((found) => found !== undefined);
  if (byValue.length > 0) return byValue.includes('correct') ? 'correct' : 'wrong';
  if (
    texts.some((text) => isSameCommand(answer, text) || isSameChmod(answer, text) || isSameKill(answer, text))
  )
    return 'correct';
  if (texts.some((text) => isSpelledNumber(answer, text, kit))) return 'correct';
  const key = joinedKey(typed.tokens);
  if (key && forms.some((form) => joinedKey(form.tokens) === key)) return 'correct';
  if (isNonAnswer(typed.tokens)) return 'wrong';

  const lexicon = lexiconOf(vocabulary, kit, card.lang, isName(expected, kit), {
    kinds: kindsOf(texts, kit),
  });
  let verdict: GraderVerdict = 'wrong';
  for (const text of texts) {
    verdict = better(verdict, compareDates(answer, text, kit, question));
    if (verdict === 'correct') return verdict;
  }
  for (const form of forms) {
    verdict = better(verdict, compareForm(typed, form, lexicon, mayExpand(form, forms), question));
    if (question?.asksWho)
      verdict = better(verdict, compareName(typed.tokens, form.text, vocabulary, lexicon));
    if (verdict === 'correct') break;
  }
  return verdict;
}

/** Text as a person typed it, but for case, spacing and a closing full stop: "Answer 7." is "answer 7". */
function asTyped(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
}
