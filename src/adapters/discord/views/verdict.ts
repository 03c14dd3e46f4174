import type { Locale } from '../../../chat/i18n/locale.ts';
import { answerLines, type Say, verdictNotices } from '../../../chat/messages.ts';
import { isTypedKind } from '../../../core/deck/card.ts';
import type { AnswerSuccess } from '../../../core/quiz/quiz.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import type { Verdict } from '../../../core/verdict.ts';
import { DISCORD_STYLE } from '../style.ts';
import { cardText, clip, escapeText } from '../text.ts';

const QUESTION_EXCERPT = 300; // characters: the answer is what matters here

const VERDICT_MARKS = { correct: '✅', close: '🟡', wrong: '❌', self: '📝' } as const satisfies Record<
  Verdict,
  string
>;

/** After an answer: the verdict, what was given, the right answer and when the card comes back. */
export function verdictText(outcome: AnswerSuccess, say: Say, locale: Locale): string {
  const { card } = outcome;
  const lines: string[] = [];
  if (outcome.repeated) lines.push(`↩️ ${say('ALREADY_ANSWERED')}`);
  lines.push(`${VERDICT_MARKS[outcome.verdict]} ${say(`card.verdict.${outcome.verdict}`)}`);
  lines.push(`-# ${excerpt(card.question)}`);
  if (isTypedKind(card.kind)) {
    const given = outcome.given === '' ? `*${say('card.noAnswer')}*` : escapeText(outcome.given);
    lines.push(say('card.yourAnswer', { given }));
  }
  if (card.kind === 'choice') lines.push(say('card.youPicked', { given: escapeText(outcome.given) }));
  lines.push(...answerLines(card, DISCORD_STYLE, locale));
  const when = describeWhen(outcome.due, outcome.now, locale);
  lines.push(
    say('card.rated', { rating: say(`rating.${outcome.rating}`), when }),
    ...verdictNotices(outcome, DISCORD_STYLE, locale),
  );
  return lines.join('\n');
}

/** The question on one line of subtext: its inline code as code, and never a code block that would break the line. */
function excerpt(question: string): string {
  const line = clip(question, QUESTION_EXCERPT);
  const shown = cardText(line);
  return shown.includes('\n') ? escapeText(line) : shown;
}
