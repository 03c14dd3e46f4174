import type { GraderVerdict } from '../verdict.ts';
import { isAcronymMatch } from './acronyms.ts';
import { mayLead, mayTrail, shortenedForms } from './extras.ts';
import type { Lexicon } from './lexicon.ts';
import { sameQuantity } from './numbers.ts';
import { inQuestion, type Question } from './question.ts';
import type { Token } from './tokens.ts';
import { typoAllowance } from './typos.ts';
import { better, weaker } from './verdict.ts';
import { compareWords } from './words.ts';

/** A text and the tokens read from it. */
export interface Reading {
  readonly text: string;
  readonly tokens: readonly Token[];
}

// "docker compose file" may be typed as one word, and "dockerfile" as two.
const LONGEST_MERGE = 3;
// Beyond merges, an answer may carry this many words of filler, context and heads ("I think it's a").
const MOST_EXTRA_WORDS = 8;

function comparePieces(typed: readonly Token[], expected: readonly Token[], lexicon: Lexicon): GraderVerdict {
  if (
    typed.some((token) => token.kind === 'separator') ||
    expected.some((token) => token.kind === 'separator')
  ) {
    return 'wrong';
  }
  const [a] = typed;
  const [b] = expected;
  if (typed.length === 1 && expected.length === 1 && a && b) {
    if (a.kind === 'number' && b.kind === 'number') return sameQuantity(a, b) ? 'correct' : 'wrong';
    if (a.kind === 'word' && b.kind === 'word') return compareWords(a.text, b.text, lexicon);
    return a.text === b.text ? 'correct' : 'wrong';
  }
  const join = (tokens: readonly Token[]) => tokens.map((token) => token.text).join('');
  // Tolerance counts per word: words run together carry at most what each of them would.
  const allowance = expected.reduce((sum, token) => sum + typoAllowance(token.text.length), 0);
  return compareWords(join(typed), join(expected), lexicon, { allowance });
}

interface Span {
  readonly end: number;
  readonly verdict: GraderVerdict;
}

/**
 * Finds the card's answer inside the typed one, word by word (merging words where one side joins
 * them), and accepts only harmless words around it: filler and context before, generic heads after.
 */
function align(
  typed: readonly Token[],
  expected: readonly Token[],
  droppedHead: boolean,
  lexicon: Lexicon,
  question: Question | undefined,
): GraderVerdict {
  const memo = new Map<number, readonly Span[]>();
  const spansFrom = (i: number, j: number): readonly Span[] => {
    if (j === expected.length) return [{ end: i, verdict: 'correct' }];
    const key = i * (expected.length + 1) + j;
    const known = memo.get(key);
    if (known) return known;
    const bestByEnd = new Map<number, GraderVerdict>();
    for (let a = 1; a <= LONGEST_MERGE && i + a <= typed.length; a++) {
      for (let e = 1; e <= LONGEST_MERGE && j + e <= expected.length; e++) {
        if (a > 1 && e > 1) continue;
        // Words run together may hold a slip, but not a whole word more: "Brasília ou" is no slip of "Brasília".
        if (
          a > 1 &&
          comparePieces(typed.slice(i, i + a - 1), expected.slice(j, j + e), lexicon) === 'correct'
        )
          continue;
        const verdict = comparePieces(typed.slice(i, i + a), expected.slice(j, j + e), lexicon);
        if (verdict === 'wrong') continue;
        for (const rest of spansFrom(i + a, j + e)) {
          const combined = weaker(verdict, rest.verdict);
          bestByEnd.set(rest.end, better(bestByEnd.get(rest.end) ?? 'wrong', combined));
        }
      }
    }
    const spans = [...bestByEnd].map(([end, verdict]) => ({ end, verdict }));
    memo.set(key, spans);
    return spans;
  };

  // What the answer is a kind or part of may stand beside it: "the pancreas gland", "London, England".
  const kindOfAnswer = (token: Token | undefined) =>
    token?.kind === 'word' && lexicon.isKindOfAnswer(token.text);
  // "Lima, Peru": a comma may lead to words of the question, but not to another item ("TCP, UDP").
  const placesWithQuestion = (token: Token | undefined, next: Token | undefined) =>
    token?.kind === 'separator' && token.text === ',' && (inQuestion(question, next) || kindOfAnswer(next));
  // Words around the answer may place it, but not repeat it: "container container" is not an answer.
  const own = new Set(expected.map((token) => (token.kind === 'word' ? token.stem : token.text)));
  const repeats = (token: Token | undefined) => token?.kind === 'word' && own.has(token.stem);
  const trailOk: boolean[] = new Array<boolean>(typed.length + 1).fill(true);
  for (let k = typed.length - 1; k >= 0; k--) {
    trailOk[k] =
      (trailOk[k + 1] ?? true) &&
      (mayTrail(typed[k]) ||
        inQuestion(question, typed[k]) ||
        kindOfAnswer(typed[k]) ||
        placesWithQuestion(typed[k], typed[k + 1])) &&
      !repeats(typed[k]);
  }

  let best: GraderVerdict = 'wrong';
  for (let start = 0; start < typed.length; start++) {
    const before = typed[start - 1];
    const leads = mayLead(before) || inQuestion(question, before) || kindOfAnswer(before);
    if (start > 0 && (!leads || repeats(before))) break;
    for (const span of spansFrom(start, 0)) {
      const trailing = droppedHead ? span.end === typed.length : (trailOk[span.end] ?? false);
      if (trailing) best = better(best, span.verdict);
    }
    if (best === 'correct') break;
  }
  return best;
}

// "Richter" for "Richter scale" to "Which scale…?", "D" for "vitamin D" to "Which vitamin…?": words of the
// answer that name the kind of thing the question asks for may be left out, if what is left names something.
function withoutQuestionWords(
  form: readonly Token[],
  question: Question | undefined,
): { tokens: readonly Token[]; droppedHead: boolean }[] {
  if (!question || form.length < 2) return [];
  const kept = form.filter((token) => token.kind !== 'word' || !question.kind.has(token.stem));
  // "Versailles" for "Treaty of Versailles" to "Which treaty…?": the word that joined the kind goes with it.
  const first = kept.findIndex((token) => !mayLead(token));
  const left = first > 0 && kept.length < form.length ? kept.slice(first) : kept;
  if (left.length === 0 || left.length === form.length) return [];
  if (left.every((token) => mayLead(token) || mayTrail(token))) return [];
  return [{ tokens: left, droppedHead: false }];
}

/**
 * Judges a typed answer against one single-term form of the card's answer. `expandAcronyms` lets a
 * spelled-out answer match an acronym ("Transmission Control Protocol" for "TCP").
 */
export function compareTerm(
  typed: Reading,
  expected: Reading,
  lexicon: Lexicon,
  expandAcronyms: boolean,
  question?: Question,
): GraderVerdict {
  const [onlyTyped] = typed.tokens;
  const [onlyExpected] = expected.tokens;
  if (typed.tokens.length === 1 && expected.tokens.length === 1 && onlyTyped && onlyExpected) {
    return comparePieces([onlyTyped], [onlyExpected], lexicon);
  }
  if (typed.tokens.length > LONGEST_MERGE * expected.tokens.length + MOST_EXTRA_WORDS) return 'wrong';
  let verdict: GraderVerdict = 'wrong';
  for (const form of [
    ...shortenedForms(expected.tokens),
    ...withoutQuestionWords(expected.tokens, question),
  ]) {
    verdict = better(verdict, align(typed.tokens, form.tokens, form.droppedHead, lexicon, question));
    if (verdict === 'correct') return verdict;
  }
  const acronym = isAcronymMatch(typed.text, typed.tokens, expected.text, expected.tokens, expandAcronyms);
  return acronym ? 'correct' : verdict;
}
