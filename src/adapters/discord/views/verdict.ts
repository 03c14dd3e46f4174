import { verdictNotices, wordsOf } from '../../../chat/messages.ts';
import { isTypedKind } from '../../../core/deck/card.ts';
import type { AnswerSuccess } from '../../../core/quiz/quiz.ts';
import { RATING_NAMES } from '../../../core/rating.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import type { Verdict } from '../../../core/verdict.ts';
import { DISCORD_STYLE } from '../style.ts';
import { cardText, clip, escapeText } from '../text.ts';
import { answerLines } from './card.ts';

const QUESTION_EXCERPT = 300; // characters: the answer is what matters here

const VERDICTS = {
  correct: '✅ **Correct!**',
  close: '🟡 **Close enough**: accepted, rated Hard.',
  wrong: '❌ **Not quite.**',
  self: '📝 **Noted.**',
} as const satisfies Record<Verdict, string>;

/** After an answer: the verdict, what was given, the right answer and when the card comes back. */
export function verdictText(outcome: AnswerSuccess): string {
  const { card } = outcome;
  const lines: string[] = [];
  if (outcome.repeated) lines.push(`↩️ ${wordsOf({ code: 'ALREADY_ANSWERED' }, DISCORD_STYLE)}`);
  lines.push(VERDICTS[outcome.verdict]);
  lines.push(`-# ${excerpt(card.question)}`);
  if (isTypedKind(card.kind)) {
    lines.push(`**Your answer:** ${outcome.given === '' ? '*(none)*' : escapeText(outcome.given)}`);
  }
  if (card.kind === 'choice') lines.push(`**You picked:** ${escapeText(outcome.given)}`);
  lines.push(...answerLines(card));
  lines.push(
    `Rated **${RATING_NAMES[outcome.rating]}** · back **${describeWhen(outcome.due, outcome.now)}**.`,
    ...verdictNotices(outcome, DISCORD_STYLE),
  );
  return lines.join('\n');
}

/** The question on one line of subtext: its inline code as code, and never a code block that would break the line. */
function excerpt(question: string): string {
  const line = clip(question, QUESTION_EXCERPT);
  const shown = cardText(line);
  return shown.includes('\n') ? escapeText(line) : shown;
}
