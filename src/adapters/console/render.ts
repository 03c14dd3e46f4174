import type { Card } from '../../core/deck/card.ts';
import type { LearnerStats } from '../../core/quiz/ports.ts';
import type { AnswerSuccess, DisputeOutcome, NextOutcome } from '../../core/quiz/quiz.ts';
import { RATING_NAMES } from '../../core/rating.ts';
import { describeWhen } from '../../core/scheduling/day.ts';

/** Pure: turns quiz outcomes into the console's lines. */

export function renderQuestion(outcome: Extract<NextOutcome, { ok: true }>): string {
  const { card } = outcome.prompt;
  const lines = [``, `[${card.deckId}]${outcome.isNew ? ' (new)' : ''} ${card.question}`];
  if (card.kind === 'choice') lines.push(...card.options.map((option, i) => `  ${i + 1}. ${option}`));
  lines.push(hintFor(card));
  return lines.join('\n');
}

function hintFor(card: Card): string {
  if (card.kind === 'choice') return 'Answer with the option number.';
  if (card.kind === 'self') return 'Think of your answer, then type /reveal.';
  return 'Type your answer (/reveal if you do not know).';
}

export function renderNothingDue(outcome: Extract<NextOutcome, { ok: false }>): string {
  if (!outcome.nextDue) return '\nNothing to review: every card is done for now. /stats, or /quit.';
  return `\nNothing due right now. The next card is due ${describeWhen(outcome.nextDue, outcome.now)}. /stats, or /quit.`;
}

export function renderReveal(card: Card): string {
  return [
    `Answer: ${card.answer}`,
    ...(card.note ? [`Note: ${card.note}`] : []),
    'How well did you know it? 1 Again, 2 Hard, 3 Good, 4 Easy',
  ].join('\n');
}

const VERDICTS = {
  correct: '✓ Correct.',
  close: '≈ Close enough: accepted, rated Hard.',
  wrong: '✗ Not quite.',
  self: 'Noted.',
} as const;

export function renderAnswer(outcome: AnswerSuccess): string {
  const { card } = outcome;
  const lines = [outcome.repeated ? 'Already answered; the first answer stands.' : VERDICTS[outcome.verdict]];
  if (card.kind !== 'self' && outcome.verdict !== 'correct') lines.push(`Answer: ${card.answer}`);
  if (card.note && card.kind !== 'self') lines.push(`Note: ${card.note}`);
  lines.push(`Rated ${RATING_NAMES[outcome.rating]}; back ${describeWhen(outcome.due, outcome.now)}.`);
  if (outcome.verdict === 'wrong' || outcome.verdict === 'close')
    lines.push('Type /right if you think you were right.');
  return lines.join('\n');
}

export function renderDispute(outcome: DisputeOutcome): string {
  if (outcome.ok) return `Re-rated Good; back ${describeWhen(outcome.due, outcome.now)}.`;
  const reasons: Record<typeof outcome.code, string> = {
    REVIEW_NOT_FOUND: 'There is no answer to re-rate yet.',
    NOT_YOUR_REVIEW: 'That answer is not yours.',
    ALREADY_RIGHT: 'That answer was already counted as right.',
    REVIEWED_SINCE: 'That card was reviewed again since; it can no longer be re-rated.',
  };
  return reasons[outcome.code];
}

export function renderStats(stats: LearnerStats): string {
  const retention =
    stats.retention30d === null ? 'no reviews yet' : `${Math.round(stats.retention30d * 100)}%`;
  return [
    `Due now: ${stats.dueNow}, due today: ${stats.dueToday}`,
    `Reviewed today: ${stats.reviewedToday}`,
    `Retention (30 days): ${retention}`,
    `Streak: ${stats.streak} day${stats.streak === 1 ? '' : 's'}`,
  ].join('\n');
}

export const HELP = [
  'Commands: /reveal (show the answer), /skip, /right (I was right), /stats, /help, /quit.',
  'Typed cards: type the answer. Multiple choice: the option number. Self-graded: /reveal, then 1-4.',
].join('\n');
