import type { Card } from '../deck/card.ts';
import { grade } from '../grading/grade.ts';
import type { Rating } from '../rating.ts';
import { cleanText, TEXT_LIMITS } from '../text/clean-text.ts';
import type { Verdict } from '../verdict.ts';

/** What a person gave: typed text, a chosen option (0-based), or their own rating of a self-graded card. */
export type AnswerInput =
  | { kind: 'typed'; text: string }
  | { kind: 'choice'; option: number }
  | { kind: 'self'; rating: Rating };

export type Judgement =
  | { ok: true; verdict: Verdict; rating: Rating; given: string }
  | { ok: false; code: 'WRONG_ANSWER_KIND' | 'NO_SUCH_OPTION' };

/**
 * Judges an answer to a card. Pure. `vocabulary`: the answers of the card's deck, so that another answer of the
 * deck one letter away is wrong rather than a typo, and a surname alone is only right when the deck has no other.
 */
export function judge(
  card: Card,
  input: AnswerInput,
  responseMs: number | null,
  vocabulary?: readonly string[],
): Judgement {
  if (input.kind === 'self') {
    if (card.kind !== 'self') return { ok: false, code: 'WRONG_ANSWER_KIND' };
    return { ok: true, verdict: 'self', rating: input.rating, given: '' };
  }
  if (input.kind === 'choice') {
    if (card.kind !== 'choice') return { ok: false, code: 'WRONG_ANSWER_KIND' };
    const given = card.options[input.option];
    if (given === undefined) return { ok: false, code: 'NO_SUCH_OPTION' };
    const right = input.option === card.correctOption;
    return { ok: true, verdict: right ? 'correct' : 'wrong', rating: right ? 3 : 1, given };
  }
  if (card.kind === 'self') return { ok: false, code: 'WRONG_ANSWER_KIND' };
  // Adapters clean what people type; this keeps the promise for any other caller too.
  const text = cleanText(input.text, TEXT_LIMITS.answer);
  if (card.kind === 'choice') {
    // A typed reply to a multiple-choice card: a number picks an option, text is matched against them.
    const byNumber = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
    if (byNumber)
      return judge(card, { kind: 'choice', option: Number(byNumber[1]) - 1 }, responseMs, vocabulary);
  }
  const verdict = grade({
    expected: card.answer,
    accept: card.accept,
    answer: text,
    question: card.question,
    lang: card.lang,
    ...(vocabulary ? { vocabulary } : {}),
    ...(responseMs === null ? {} : { ms: responseMs }),
  });
  return { ok: true, verdict: verdict.verdict, rating: verdict.rating, given: text };
}
