import { isFiller } from './extras.ts';
import { type Token, tokenise } from './tokens.ts';
import { type Unit, unitNamed } from './units.ts';

/** The card's question as the grader reads it: its word stems, and whether it asks for a person. */
export interface Question {
  readonly stems: ReadonlySet<string>;
  readonly asksWho: boolean;
  /** "In which year", "¿En qué año?", "En quelle année", "In welchem Jahr": a fuller date names the year. */
  readonly asksYear: boolean;
  /** The one unit the question names as a word ("How many bits…"): a bare number answer counts in it. */
  readonly unit: Unit | undefined;
}

// "Who", in the four languages decks use: the answer is a person's name.
const WHO = /\b(who|whom|whose|quien|qui|wer)\b/;
const YEAR = /\b(year|when|ano|annee|jahr|wann|cuando|quand)\b/;

function keyOf(token: Token): string {
  return token.kind === 'word' ? token.stem : token.text;
}

export function readQuestion(question: string | undefined): Question | undefined {
  if (!question) return undefined;
  const tokens = tokenise(question);
  return {
    stems: new Set(tokens.filter((token) => token.kind !== 'separator').map(keyOf)),
    asksWho: WHO.test(tokens.map((token) => token.text).join(' ')),
    asksYear: YEAR.test(tokens.map((token) => token.text).join(' ')),
    unit: unitOf(tokens),
  };
}

// A unit written as a word of its own, not after a number ("at 25 °C") and not a lone letter ("vitamin C").
function unitOf(tokens: readonly Token[]): Unit | undefined {
  const units = new Set(
    tokens.flatMap((token) => {
      const unit = token.kind === 'word' && token.text.length > 1 ? unitNamed(token.text) : undefined;
      return unit ? [unit] : [];
    }),
  );
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
 * unless the card's own answer is made of the question's words too.
 */
export function onlyRepeatsQuestion(
  question: Question | undefined,
  typed: readonly Token[],
  expected: readonly (readonly Token[])[],
): boolean {
  if (!question) return false;
  const said = typed.filter((token) => token.kind !== 'separator' && !isFiller(token));
  if (said.length === 0 || !said.every((token) => inQuestion(question, token))) return false;
  return !expected.some((form) =>
    form.filter((token) => token.kind !== 'separator').every((token) => inQuestion(question, token)),
  );
}
