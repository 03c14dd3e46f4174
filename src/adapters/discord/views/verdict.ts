import { isTypedKind } from '../../../core/deck/card.ts';
import type { AnswerOutcome, AnswerSuccess, DisputeOutcome } from '../../../core/quiz/quiz.ts';
import { RATING_NAMES } from '../../../core/rating.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import type { Verdict } from '../../../core/verdict.ts';
import { encodeAction, type Scope } from '../custom-id.ts';
import type { Button } from '../reply.ts';
import { cardText, clip, escapeText } from '../text.ts';
import { answerLines } from './card.ts';
import { type View, withShowMore } from './view.ts';

const QUESTION_EXCERPT = 300; // characters: the answer is what matters here

const VERDICTS = {
  correct: '✅ **Correct!**',
  close: '🟡 **Close enough**: accepted, rated Hard.',
  wrong: '❌ **Not quite.**',
  self: '📝 **Noted.**',
} as const satisfies Record<Verdict, string>;

/** After an answer: the verdict, the right answer, when the card comes back, "Next card" and "I was right". */
export function verdictView(outcome: AnswerSuccess, scope: Scope, promptId: string): View {
  const { card } = outcome;
  const lines: string[] = [];
  if (outcome.repeated) lines.push('↩️ **Already answered**: your first answer stands.');
  lines.push(VERDICTS[outcome.verdict]);
  lines.push(`-# ${excerpt(card.question)}`);
  if (isTypedKind(card.kind)) {
    lines.push(`**Your answer:** ${outcome.given === '' ? '*(none)*' : escapeText(outcome.given)}`);
  }
  if (card.kind === 'choice') lines.push(`**You picked:** ${escapeText(outcome.given)}`);
  lines.push(...answerLines(card));
  lines.push(
    `Rated **${RATING_NAMES[outcome.rating]}** · back **${describeWhen(outcome.due, outcome.now)}**.`,
  );
  const buttons: Button[] = [
    { label: 'Next card', customId: encodeAction({ kind: 'next', scope }), style: 'primary' },
  ];
  // Only a graded answer that lost points can be disputed; core refuses the others.
  if (outcome.verdict === 'wrong' || outcome.verdict === 'close') {
    buttons.push({
      label: 'I was right',
      customId: encodeAction({ kind: 'dispute', reviewId: outcome.reviewId }),
      style: 'secondary',
    });
  }
  return withShowMore({ text: lines.join('\n'), rows: [buttons] }, promptId);
}

/** The question on one line of subtext: its inline code as code, and never a code block that would break the line. */
function excerpt(question: string): string {
  const line = clip(question, QUESTION_EXCERPT);
  const shown = cardText(line);
  return shown.includes('\n') ? escapeText(line) : shown;
}

type AnswerRefusal = Extract<AnswerOutcome, { ok: false }>['code'] | 'CARD_NOT_FOUND';

const REFUSALS = {
  PROMPT_NOT_FOUND: 'That card is no longer available. Use `/quiz` for a fresh one.',
  NOT_YOUR_PROMPT: 'That card was dealt to someone else. Use `/quiz` to get your own.',
  STALE_PROMPT:
    'You reviewed this card since it was shown, so this answer does not count. Use `/quiz` for the next one.',
  WRONG_ANSWER_KIND: 'That kind of answer does not fit this card.',
  NO_SUCH_OPTION: 'That option is not on this card.',
  CARD_NOT_FOUND: 'This question was retired from its deck, so it can no longer be answered.',
} as const satisfies Record<AnswerRefusal, string>;

export function answerRefusalText(code: AnswerRefusal): string {
  return REFUSALS[code];
}

const DISPUTE_REFUSALS = {
  REVIEW_NOT_FOUND: 'There is no answer to re-rate.',
  NOT_YOUR_REVIEW: 'That answer is not yours to re-rate.',
  ALREADY_RIGHT: 'That answer already counted as right.',
  REVIEWED_SINCE: 'You reviewed that card again since, so this answer can no longer be re-rated.',
} as const satisfies Record<Extract<DisputeOutcome, { ok: false }>['code'], string>;

/** "I was right": the new rating and when the card comes back, or why it cannot be re-rated. */
export function disputeText(outcome: DisputeOutcome): string {
  if (!outcome.ok) return DISPUTE_REFUSALS[outcome.code];
  const when = describeWhen(outcome.due, outcome.now);
  return outcome.repeated
    ? `Already re-rated **Good**; back **${when}**.`
    : `👍 Fair enough: re-rated **Good**; back **${when}**.`;
}
