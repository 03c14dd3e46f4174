import { wordsOf } from '../../../chat/messages.ts';
import type { AnswerSuccess } from '../../../core/quiz/quiz.ts';
import type { Verdict } from '../../../core/quiz/verdict.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import { RATING_NAMES } from '../../../core/scheduling/memory.ts';
import { DISCORD_STYLE } from '../style.ts';
import { clip, escapeText } from '../text.ts';
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
  lines.push(`-# ${escapeText(clip(card.question, QUESTION_EXCERPT))}`);
  if (card.kind === 'typed') {
    lines.push(`**Your answer:** ${outcome.given === '' ? '*(none)*' : escapeText(outcome.given)}`);
  }
  if (card.kind === 'choice') lines.push(`**You picked:** ${escapeText(outcome.given)}`);
  lines.push(...answerLines(card));
  lines.push(
    `Rated **${RATING_NAMES[outcome.rating]}** · back **${describeWhen(outcome.due, outcome.now)}**.`,
  );
  return lines.join('\n');
}
