import type { GraderVerdict } from '../verdict.ts';
import { accentsMakeOtherWord } from './accents.ts';
import { isAcronymMatch } from './acronyms.ts';
import { marksAreLetters } from './alphabet-letters.ts';
import { withUnitsAsTheCardMeans } from './ambiguous-units.ts';
import { asidesOf, nameAfterRole } from './asides.ts';
import { asTyped, type CardContext, type CardReading, read, readCard } from './card-reading.ts';
import { isSameChmod } from './chmod.ts';
import { withCjkNumeralsInDigits } from './cjk-numerals.ts';
import { withClippedYears } from './clipped-years.ts';
import { readCodedNames } from './coded-names.ts';
import { compareCommand, withoutOperands } from './commands.ts';
import { compareDates } from './dates.ts';
import { withDecimalPoints } from './decimal-comma.ts';
import { withoutEchoedContext } from './echoed-context.ts';
import { echoesQuestionNumbers } from './echoed-numbers.ts';
import { compareFormula, compareValue } from './formulas.ts';
import { isNonAnswer } from './junk.ts';
import { type LanguageKit, languageKit, loadedKit, primaryTag } from './language.ts';
import { type Lexicon, lexiconOf } from './lexicon.ts';
import { compareLists, splitItems } from './lists.ts';
import { markSlip, marksAreTones, unmarkedWords } from './marks.ts';
import { compareMeter } from './meter.ts';
import { nameWithSlipMended } from './name-slips.ts';
import { compareName } from './names.ts';
import { namesAnotherThing, narrowedHeads } from './narrowing.ts';
import { normalise } from './normalise.ts';
import { holdsAnswer, placedElsewhere } from './places.ts';
import { withoutPrefixedArticles } from './prefixed-articles.ts';
import { inQuestion, onlyRepeatsQuestion, type Question, readQuestion } from './question.ts';
import { regnalInDigits } from './regnal.ts';
import { withItalianAccents, withLetterRespelt } from './respellings.ts';
import { spelledShareForms } from './shares.ts';
import { isSameKill } from './signals.ts';
import { comparePlusMinus, statedValue } from './solutions.ts';
import { isSpelledNumber, withCardNumbersInDigits } from './spelled-numbers.ts';
import { compareTerm, type Reading } from './term.ts';
import { joinedKey, type Token } from './tokens.ts';
import { withoutTrailingWord } from './trailing-context.ts';
import { withUnitSlipsMended } from './unit-slips.ts';
import { compareUnits } from './units.ts';
import { better, weaker } from './verdict.ts';
import { withAskedForm } from './word-forms.ts';
import { compareWriting } from './writing.ts';

export type { CardContext } from './card-reading.ts';

// Signs written only in units: "J/(kg·K)", "m s⁻²", "N·m²/kg²".
const UNIT_SIGNS = /[·/⁻²³]|\^-?\d/;

/**
 * An answer this much longer than every accepted form is not an answer, and is judged wrong
 * before any edit distance runs: `length > factor × longest form + slack`.
 */
export const LONG_ANSWER = { factor: 4, slack: 40 } as const;

function isTooLong(answer: string, reading: CardReading): boolean {
  return isLongerThan(answer, reading.longest);
}

function isLongerThan(answer: string, longest: number): boolean {
  return answer.length > LONG_ANSWER.factor * longest + LONG_ANSWER.slack;
}

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

function initialsOf(form: Reading): string {
  const words = form.tokens.filter((token) => token.kind === 'word');
  return words.length > 1 ? words.map((token) => token.text.charAt(0)).join('') : '';
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
  // An answer too long to be one names no country or currency either.
  if (isLongerThanAnswers(typedAnswer, expected, accept))
    return judgeForms(expected, accept, typedAnswer, card);
  const coded = readCodedNames(expected, accept, typedAnswer, card);
  return 'verdict' in coded ? coded.verdict : judgeForms(expected, coded.accept, typedAnswer, card);
}

function isLongerThanAnswers(typedAnswer: string, expected: string, accept: readonly string[]): boolean {
  return isLongerThan(typedAnswer, Math.max(expected.length, ...accept.map((form) => form.length)));
}

function judgeForms(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict {
  const verdict = judgeEachWay(expected, accept, typedAnswer, card);
  // "sea lion" for "lion": the answer's words make another thing, whatever rule read the answer inside it.
  const another =
    verdict !== 'wrong' && namesAnotherThing(typedAnswer, [expected, ...accept], loadedKit(card.lang));
  return another ? 'wrong' : verdict;
}

function judgeEachWay(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict {
  const verdict = judgeAnswer(expected, accept, typedAnswer, card);
  if (verdict === 'correct') return verdict;
  // "DNA (deoxyribonucleic acid)": a gloss read as a slip of the whole is no slip of the answer.
  if (verdict === 'close') return better(verdict, byAsides(expected, accept, typedAnswer, card));
  // An answer too long to be one is not read again in other ways.
  if (isLongerThanAnswers(typedAnswer, expected, accept)) return verdict;
  const aside = byAsides(expected, accept, typedAnswer, card);
  if (aside !== 'wrong') return aside;
  // "三千七百七十六メートル" for "3776 m": numerals of another system, read in digits.
  const inDigits = withCjkNumeralsInDigits(typedAnswer, [expected, ...accept]);
  if (inDigits !== typedAnswer) return judgeAnswer(expected, accept, inDigits, card);
  // "الكتاب" for "كتاب": an article written as a prefix is left out or added as a separate one would be.
  const bare = withoutPrefixedArticles([typedAnswer, expected, ...accept], card.lang);
  if (bare) {
    const [bareAnswer = '', bareExpected = '', ...bareAccept] = bare;
    return judgeAnswer(bareExpected, bareAccept, bareAnswer, card);
  }
  const bracketed = judgeBracketed(expected, accept, typedAnswer, card);
  if (bracketed) return bracketed;
  // "anyo" for "año": the sound of a letter the keyboard lacks, spelt as other languages spell it, is a slip.
  const respelt = withLetterRespelt(typedAnswer, [expected, ...accept]);
  if (respelt) return weaker(judgeAnswer(expected, accept, respelt, card), 'close');
  const lang = primaryTag(card.lang);
  const head = lang !== 'en' ? withoutTrailingWord(typedAnswer, [expected, ...accept], lang) : undefined;
  if (head) return judgeAnswer(expected, accept, head, card);
  const narrowed = byNarrowing(expected, accept, typedAnswer, card);
  if (narrowed !== 'wrong') return narrowed;
  const echoed = byEchoedContext(expected, accept, typedAnswer, card);
  if (echoed !== 'wrong') return echoed;
  // "l'écrivain Victor Hugo": a person's name after who they were.
  const named = readCard(expected, accept, card).namesPerson
    ? nameAfterRole(typedAnswer, card.lang)
    : undefined;
  if (named) return judgeAnswer(expected, accept, named, card);
  // "git rebase main", "ls /home": the command the question asks for, run on something.
  const command = [expected, ...accept]
    .map((form) => withoutOperands(typedAnswer, form, card.question))
    .find((head) => head !== undefined);
  if (command) return judgeAnswer(expected, accept, command, card);
  // "500 miligrams": a slip in a unit's name is close, as in any other word.
  const mended =
    withUnitSlipsMended(typedAnswer, [expected, ...accept], languageKit(card.lang)) ??
    nameWithSlipMended(typedAnswer, [expected, ...accept]);
  return mended ? weaker(judgeAnswer(expected, accept, mended, card), 'close') : verdict;
}

/** "arterial hypertension" for "hypertension": words that only narrow the answer are read past. */
function byNarrowing(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict {
  let best: GraderVerdict = 'wrong';
  for (const head of narrowedHeads(typedAnswer, [expected, ...accept], loadedKit(card.lang)))
    best = better(best, judgeAnswer(expected, accept, head, card));
  return best;
}

/** "4 g per day" for a daily dose: words after the answer that only say again what the question says. */
function byEchoedContext(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict {
  const { question } = readCard(expected, accept, card);
  let best: GraderVerdict = 'wrong';
  for (const core of withoutEchoedContext(typedAnswer, question, card.question, card.lang)) {
    best = better(best, judgeAnswer(expected, accept, core, card));
    if (best === 'correct') break;
  }
  return best;
}

/**
 * The answer judged without what was said around it ("creo que Lima", "Zeus, king of the gods", "Au (gold)"),
 * when that is harmless: a place named beside it must hold it, or at least not be another place of its kind.
 */
function byAsides(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict {
  const asides = asidesOf(typedAnswer, card.lang);
  if (asides.length === 0) return 'wrong';
  const kit = languageKit(card.lang);
  let places: readonly string[] | undefined;
  const placed = () => {
    places ??= placesOf(expected, accept, card);
    return places;
  };
  let best: GraderVerdict = 'wrong';
  for (const { core, gloss = '', check } of asides) {
    const verdict = judge(expected, accept, core, card);
    if (verdict === 'wrong' || (check === 'holds' && !holdsAnswer(gloss, placed(), kit))) continue;
    if (check === 'notElsewhere' && placedElsewhere(gloss, placed(), kit)) continue;
    if (check === 'same' && judge(expected, accept, gloss, card) !== 'correct') continue;
    best = better(best, verdict);
    if (best === 'correct') break;
  }
  return best;
}

// "Amazon" is held by South America as the Amazon River, named by a word of the question.
function placesOf(expected: string, accept: readonly string[], card: CardContext): readonly string[] {
  const asked = [...(readCard(expected, accept, card).question?.stems ?? [])].filter((word) =>
    /^\p{L}{4,}$/u.test(word),
  );
  return [expected, ...accept].flatMap((form) => [form, ...asked.map((kind) => `${form} ${kind}`)]);
}

// "ohm (Ω)", "Na (sódio)": an answer and, in brackets, its other name or the question's word for it.
const BRACKETED = /^([^()]+?)\s*\(([^()]+)\)\s*$/;

/**
 * An answer written as the card writes an alias, "name (other name)": right when one part is, and the other names
 * the answer too or only repeats the question. Undefined when the answer has no such brackets.
 */
function judgeBracketed(
  expected: string,
  accept: readonly string[],
  typedAnswer: string,
  card: CardContext,
): GraderVerdict | undefined {
  const [, outside = '', inside = ''] = BRACKETED.exec(typedAnswer) ?? [];
  if (!outside || !inside) return undefined;
  const question = readQuestion(card.question);
  const echoes = (part: string) => read(part).tokens.every((token) => inQuestion(question, token));
  const first = judgeAnswer(expected, accept, outside, card);
  const second = judgeAnswer(expected, accept, inside, card);
  if (first !== 'wrong' && (second !== 'wrong' || echoes(inside)))
    return second === 'wrong' ? first : weaker(first, second);
  if (second !== 'wrong' && echoes(outside)) return second;
  return undefined;
}

function judgeAnswer(
  expected: string,
  accept: readonly string[],
  asTypedAnswer: string,
  card: CardContext,
): GraderVerdict {
  // Read once: a second read would ask again for a language not loaded yet. With the language loaded, a
  // fraction is also its spelling in it ("trois quarts"), read as a further form of the card.
  const first = readCard(expected, accept, card);
  const typedAnswer = withItalianAccents(asTypedAnswer, primaryTag(card.lang));
  const spelled = spelledShareForms([expected, ...accept], first.kit);
  const reading = spelled.length > 0 ? readCard(expected, [...accept, ...spelled], card) : first;
  // Kana, romaji and pinyin carry their own marks (tones, long vowels): judged whole, before any accent rule.
  const byWriting =
    isTooLong(typedAnswer, reading) || reading.literals.has(asTyped(typedAnswer))
      ? undefined
      : compareWriting(typedAnswer, reading.texts, card.lang);
  if (byWriting) return byWriting;
  const forms = [expected, ...accept];
  const typed = withUnitsAsTheCardMeans(typedAnswer, forms);
  const letters = judgeLetters(reading, withDecimalPoints(typed, card.lang), card);
  const verdict = reading.question?.asksForm ? withAskedForm(letters, typed, forms, reading.kit) : letters;
  if (verdict === 'wrong') return verdict;
  if (primaryTag(card.lang) === 'en')
    return foreignMarksDropped(typedAnswer, forms, reading) ? 'close' : verdict;
  const isAccentedEntry = reading.kit?.isAccentedEntry;
  // Where marked letters are letters, even a two-letter word changed by one is another word ("är" for "år").
  const shortest = marksAreLetters(primaryTag(card.lang)) ? 1 : undefined;
  if (isAccentedEntry && accentsMakeOtherWord(typedAnswer, forms, isAccentedEntry, shortest)) return 'wrong';
  if (reading.namesPerson && readsPastMarks(typedAnswer, reading)) return verdict;
  const slip = markSlip(typedAnswer, forms);
  if (slip === 'changed' && marksAreTones(primaryTag(card.lang))) return 'wrong';
  // "Brasilia", "Jupiter": a place's name as English writes it, without marks that are no letters of their own in
  // the deck's language, is its name ("Kobenhavn" drops a Danish letter).
  if (slip === 'dropped' && !shortest && isNamedInEnglish(typedAnswer, reading.kit)) return verdict;
  return slip ? weaker(verdict, 'close') : verdict;
}

function isNamedInEnglish(answer: string, kit: LanguageKit | undefined): boolean {
  return /^\p{Lu}/u.test(answer.trim()) && (kit?.kinds?.(answer) ?? []).length > 0;
}

/**
 * A person's name is commonly written without its accents ("Rene Descartes", "Velazquez"), and so is a place whose
 * plain spelling is its name elsewhere ("Mexico" for "México", "Zurich" for "Zürich"); a place named only in the
 * deck's language is misspelt without them ("Munchen", "Kobenhavn").
 */
function readsPastMarks(typedAnswer: string, reading: CardReading): boolean {
  const { question, kit } = reading;
  return (
    question?.asksWho === true || question?.asksAgent === true || (kit?.kinds?.(typedAnswer).length ?? 0) > 0
  );
}

/**
 * An English deck may ask for a word of another language ("Spanish for 'heart'?" "corazón"): typed without its
 * accents it is close, as in that language's deck, unless English writes it so too ("cafe", "naive", "resume").
 * A name ("Reykjavik", "Les Miserables") is commonly written without them.
 */
function foreignMarksDropped(typedAnswer: string, forms: readonly string[], reading: CardReading): boolean {
  const { kit, namesPerson } = reading;
  if (!kit || namesPerson || forms.some((form) => /^\p{Lu}/u.test(form.trim()))) return false;
  return unmarkedWords(typedAnswer, forms).some((word) => !kit.isWord(word));
}

function judgeLetters(reading: CardReading, typedAnswer: string, card: CardContext): GraderVerdict {
  const { vocabulary } = card;
  const { kit, texts, own, literals, forms, question, lexicon, signsBoth, namesPerson } = reading;
  const bothSigns = signsBoth ? comparePlusMinus(typedAnswer, texts) : undefined;
  if (bothSigns) return bothSigns;
  // "±12" for "12" gives the root and its negative, which a teacher takes; "4" for "±4" gives half: wrong.
  const answer = withCardNumbersInDigits(
    regnalInDigits(
      statedValue(withClippedYears(signsBoth ? typedAnswer : typedAnswer.replace(/±\s*/g, ''), texts), texts),
      texts,
    ),
    texts,
    kit,
  );
  if (isTooLong(answer, reading)) return 'wrong';

  // The card's own answer, as written, is right whatever the question says (a question naming a unit or a
  // number must not turn "answer 0" into "0 c" and then reject the very answer the card gives).
  const literal = asTyped(answer);
  if (literal !== '' && literals.has(literal)) return 'correct';
  const meter = compareMeter(typedAnswer, texts, question?.asksMeter === true, kit);
  if (meter) return meter;
  if (echoesQuestionNumbers(answer, texts, question?.numerals)) return 'wrong';
  const typed = read(answer);
  // A flag named as the question describes it says what it does: "--recursive" to "Flag of rm… recursively?".
  const byCommand = texts.map((text) => compareCommand(answer, text, card.question));
  if (byCommand.includes('correct')) return 'correct';
  if (byCommand.includes('close')) return 'close';
  // Before any value: "0.75" has the value of "3/4", but says nothing to "What fraction is 0.75?".
  if (onlyRepeatsQuestion(question, typed, own)) {
    const named =
      isSynonymReworded(answer, typed, reading, card.question) ||
      (rephrases(answer, card.question) && namedByMeaning(answer, reading, card));
    return named ? 'correct' : 'wrong';
  }
  // A unit asked for is judged by what it measures and its size: "J kg⁻¹ K⁻¹" is "J/(kg·K)".
  if (question?.asksUnit || texts.some((text) => UNIT_SIGNS.test(text))) {
    const same = compareUnits(
      typed.text === '' ? [] : normalise(answer).split(' '),
      texts.map((text) => normalise(text).split(' ')),
    );
    if (same !== undefined) return same ? 'correct' : 'wrong';
  }
  // A formula is judged by its value before its letters: "E = m/c^2" has the letters of "E = mc^2".
  const byValue = texts
    .map((text) => compareFormula(answer, text) ?? compareValue(answer, text))
    .filter((found) => found !== undefined);
  if (byValue.length > 0) return byValue.includes('correct') ? 'correct' : 'wrong';
  if (texts.some((text) => isSameChmod(answer, text) || isSameKill(answer, text))) return 'correct';
  if (texts.some((text) => isSpelledNumber(answer, text, kit))) return 'correct';
  const key = joinedKey(typed.tokens);
  if (key && forms.some((form) => joinedKey(form.tokens) === key)) return 'correct';
  // The answer's words, and the initials of one of several words ("un" of "United Nations"), are no filler.
  const ownWords = new Set(
    own.flatMap((form) => [...form.tokens.map((token) => token.text), initialsOf(form)]),
  );
  if (isNonAnswer(typed.tokens, ownWords)) return 'wrong';

  let verdict: GraderVerdict = 'wrong';
  for (const text of texts) {
    verdict = better(verdict, compareDates(answer, text, kit, question));
    if (verdict === 'correct') return verdict;
  }
  for (const form of forms) {
    verdict = better(verdict, compareForm(typed, form, lexicon, mayExpand(form, forms), question));
    if (namesPerson)
      verdict = better(verdict, compareName(typed.tokens, form.text, vocabulary, lexicon, card.lang));
    if (verdict === 'correct') break;
  }
  return verdict === 'wrong' && inSharedSense(answer, reading, card) ? 'correct' : verdict;
}

/**
 * "larboard" for "port" to "What is the left side of a ship called?": a sense the question points to names the
 * typed word and the answer alike, though it is too rare for either to list the other among its synonyms.
 */
function inSharedSense(answer: string, reading: CardReading, card: CardContext): boolean {
  const { kit, texts } = reading;
  const question = card.question;
  const shared = (text: string) =>
    question !== undefined && kit?.sharedSense?.(answer, text, question) === true;
  return texts.some(shared) && isNoOtherAnswer(answer, card);
}

// Some word of the answer is the question's in another form ("positive" for "positively"), not copied from it.
function rephrases(answer: string, question: string | undefined): boolean {
  const asked = new Set(normalise(question ?? '').split(' '));
  return normalise(answer)
    .split(' ')
    .some((word) => !asked.has(word));
}

/**
 * "foot soldier" to "What is a soldier who fights on foot called?": a synonym of the card's answer the thesaurus
 * lists, in the question's words but not a run of them copied ("voice box" to "What is the medical term for the
 * voice box?", "Panthera leo" to "What is the common name of Panthera leo?").
 */
function isSynonymReworded(
  answer: string,
  typed: Reading,
  reading: CardReading,
  question: string | undefined,
): boolean {
  const key = joinedKey(typed.tokens);
  const synonyms = reading.forms.slice(reading.own.length);
  if (!key || !synonyms.some((form) => joinedKey(form.tokens) === key)) return false;
  return !` ${normalise(question ?? '')} `.includes(` ${normalise(answer)} `);
}

/**
 * "positive ion" for "cation" to "What is a positively charged ion called?": the question's own words, as the
 * definition of the sense it means says them ("a positively charged ion"). Only then: other words that spell out
 * a definition may name what it is a kind of, or leave out what sets it apart.
 */
function namedByMeaning(answer: string, reading: CardReading, card: CardContext): boolean {
  const { kit, texts } = reading;
  const question = card.question;
  const spelt = (text: string) => question !== undefined && kit?.spellsOut?.(answer, text, question) === true;
  return texts.some(spelt) && isNoOtherAnswer(answer, card);
}

// Never a word that is an answer of its own in the deck.
function isNoOtherAnswer(answer: string, card: CardContext): boolean {
  return !lexiconOf(card.vocabulary).isDistinctWord(normalise(answer));
}
