import { isFiller } from './extras.ts';
import { ASKS_METER } from './meter.ts';
import { type Token, tokenise } from './tokens.ts';
import { type Unit, unitNamed } from './units.ts';
import { ASKS_FORM } from './word-forms.ts';

/** The card's question as the grader reads it: its word stems, and whether it asks for a person. */
export interface Question {
  readonly stems: ReadonlySet<string>;
  readonly asksWho: boolean;
  /** "SI unit of…", "Unidad de…", "Einheit der…": the answer is a unit. */
  readonly asksUnit: boolean;
  /** "Author of…", "Compositeur du…", "Komponist der…": the question names the doer of something. */
  readonly asksAgent: boolean;
  /** "In which year", "¿En qué año?", "En quelle année", "In welchem Jahr": a fuller date names the year. */
  readonly asksYear: boolean;
  /** The one unit the question names as a word ("How many bits…"): a bare number answer counts in it. */
  readonly unit: Unit | undefined;
  /** The numbers as the question writes them ("0.75"), before any reading by value. */
  readonly numerals: ReadonlySet<string>;
  /** Stems of the kind of thing asked for: "scale" in "Which scale…?", "bond" in "What type of bond…?". */
  readonly kind: ReadonlySet<string>;
  /** "What is the time signature…", "Welche Taktart…": a fraction answer is a metre, not a value. */
  readonly asksMeter: boolean;
  /** "What is the past tense…", "(mujer)": another form of the word is another answer. */
  readonly asksForm: boolean;
}

/** A number as the question writes it ("0.75", "6", "1,5"). */
export const NUMERAL = /\d+(?:[.,]\d+)*/g;

// "Who", in the languages decks use: the answer is a person's name. German "wie" (how) and Vietnamese "ai"
// (English "AI") are left out; Chinese, Japanese and Korean write it without spaces around.
const WHO =
  /(?<![\p{L}\p{N}])(?:who|whom|whose|quien|qui|wer|chi|quem|кто|кого|kto|kogo|kdo|ποιος|ποια|ποιον|kim|vem|hvem|kuka|ki|siapa|מי)(?![\p{L}\p{N}])|谁|誰|だれ|누구|누가/u;
// A noun for the doer of something, by its ending in the languages decks use: author, painter, discoverer,
// physicist, compositeur, autor, pintor, Komponist, scrittore, pittrice.
const AGENT =
  /(?<![\p{L}\p{N}])\p{L}{2,}(?:[^aeiou\s]er|tor|sor|ist|ista|iste|ian|eur|euse|trice|tore|dor|ora)(?![\p{L}\p{N}])/u;
const UNIT =
  /(?<![\p{L}\p{N}])(?:unit|units|unidad|unidades|unite|unites|einheit|unita|unidade|единица)(?![\p{L}\p{N}])|単位|单位/u;
const YEAR =
  /(?<![\p{L}\p{N}])(?:year|when|ano|annee|jahr|wann|cuando|quand|anno|quando|год|году|года|когда)(?![\p{L}\p{N}])|年/u;
// "Which", "what", "qué", "cuál", "quel", "welche": the words after them name the kind of answer wanted…
const WHICH =
  /^(which|what|que|cual|cuales|quel|quelle|quels|quelles|welche|welcher|welches|welchen|welchem)$/;
// …up to the verb, past "type of", "kind of" ("What type of bond shares…?").
const KIND_ENDS =
  /^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|es|son|est|sont|ist|sind|hat|haben)$/;
const KIND_OF = /^(type|kind|sort|tipo|clase|genre|art|sorte)$/;
const LONGEST_KIND = 3; // words

function keyOf(token: Token): string {
  return token.kind === 'word' ? token.stem : token.text;
}

export function readQuestion(question: string | undefined): Question | undefined {
  if (!question) return undefined;
  const tokens = tokenise(question);
  const words = tokens.map((token) => token.text).join(' ');
  return {
    stems: new Set(tokens.filter((token) => token.kind !== 'separator').map(keyOf)),
    asksWho: WHO.test(words),
    asksAgent: AGENT.test(words),
    asksUnit: UNIT.test(words),
    asksYear: YEAR.test(words),
    asksMeter: ASKS_METER.test(words),
    asksForm: ASKS_FORM.test(words),
    unit: unitOf(tokens),
    numerals: new Set(question.match(NUMERAL)),
    kind: kindAsked(tokens),
  };
}

function kindAsked(tokens: readonly Token[]): ReadonlySet<string> {
  const start = tokens.findIndex((token) => token.kind === 'word' && WHICH.test(token.text));
  const kind = new Set<string>();
  if (start < 0) return kind;
  for (const token of tokens.slice(start + 1)) {
    if (token.kind !== 'word' || KIND_ENDS.test(token.text) || kind.size === LONGEST_KIND) break;
    if (!KIND_OF.test(token.text) && token.text !== 'of' && token.text !== 'de') kind.add(token.stem);
  }
  return kind;
}

// "How many", "cuántos", "combien de", "wie viele", "quanti", "quantos": the unit after it is the one counted in.
const HOW_MANY =
  /^(?:many|much|cuantos|cuantas|cuanto|cuanta|combien|viele|viel|quanti|quante|quanto|quanta|quantos|quantas)$/;

// A unit written as a word of its own, not after a number ("at 25 °C") and not a lone letter ("vitamin C").
// Of two units, the one "how many" asks for: "How many bytes are in a kilobyte?" counts in bytes.
function unitOf(tokens: readonly Token[]): Unit | undefined {
  const words = tokens.filter((token) => token.kind === 'word');
  const unitAt = (token: Token | undefined) =>
    token && token.text.length > 1 ? unitNamed(token.text) : undefined;
  const asked = words.findIndex((token) => HOW_MANY.test(token.text));
  const counted = asked < 0 ? undefined : (unitAt(words[asked + 1]) ?? unitAt(words[asked + 2]));
  if (counted) return counted;
  const units = new Set(words.map(unitAt).filter((unit) => unit !== undefined));
  return units.size === 1 ? [...units][0] : undefined;
}

export function inQuestion(question: Question | undefined, token: Token | undefined): boolean {
  return (
    question !== undefined &&
    token !== undefined &&
    token.kind !== 'separator' &&
    question.stems.has(keyOf(token))
  );
}

/**
 * An answer that only repeats words of the question says nothing ("BMI" for "What does BMI stand for?"),
 * unless the card's own answer is made of the question's words too. Numbers count as written: "3/4" has
 * the value of "0.75", yet "0.75" only repeats "What fraction is 0.75?".
 */
export function onlyRepeatsQuestion(
  question: Question | undefined,
  typed: Written,
  expected: readonly Written[],
): boolean {
  if (!question) return false;
  const said = typed.tokens.filter((token) => token.kind !== 'separator' && !isFiller(token));
  if (said.length === 0 || !said.every((token) => inQuestion(question, token))) return false;
  if (!numbersAsWritten(question, typed)) return false;
  return !expected.some(
    (form) =>
      form.tokens
        .filter((token) => token.kind !== 'separator')
        .every((token) => inQuestion(question, token)) && numbersAsWritten(question, form),
  );
}

interface Written {
  readonly text: string;
  readonly tokens: readonly Token[];
}

// The numbers of a text are the question's as written: "0.75", not "3/4" or "three quarters".
function numbersAsWritten(question: Question, written: Written): boolean {
  if (!written.tokens.some((token) => token.kind === 'number')) return true;
  const numerals = written.text.match(NUMERAL) ?? [];
  return numerals.length > 0 && numerals.every((numeral) => question.numerals.has(numeral));
}
