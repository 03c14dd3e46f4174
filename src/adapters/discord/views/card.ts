import type { Card } from '../../../core/deck/card.ts';
import type { Prompt } from '../../../core/quiz/ports.ts';
import type { NextOutcome } from '../../../core/quiz/quiz.ts';
import { RATING_NAMES, type Rating } from '../../../core/rating.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import { type Action, encodeAction, type Scope } from '../custom-id.ts';
import type { Button, ModalReply } from '../reply.ts';
import { rowsOf } from '../reply.ts';
import { cardText, MESSAGE_LIMIT } from '../text.ts';
import { type View, withShowMore } from './view.ts';

/** The longest typed answer the modal accepts. */
export const ANSWER_MAX_LENGTH = 200; // characters

/** The card's heading: its deck, and whether it is new. */
function heading(card: Card, isNew: boolean, title = 'Question'): string {
  return `**${title}** · \`${card.deckId}\`${isNew ? ' · new' : ''}`;
}

/** The question and, for multiple choice, the numbered options (button labels may be cut). */
export function questionText(card: Card): string {
  const lines = [cardText(card.question)];
  if (card.kind === 'choice') {
    lines.push('', ...card.options.map((option, i) => `**${i + 1}.** ${cardText(option)}`));
  }
  return lines.join('\n');
}

const HINTS = {
  typed: 'Press **Answer** to type it, or **I don’t know** to see it.',
  choice: 'Pick an option.',
  self: 'Think of the answer, then press **Show answer**.',
  cloze: 'Press **Answer** to type what fills the blank, or **I don’t know** to see it.',
} as const satisfies Record<Card['kind'], string>;

/** A card to answer, with the buttons its kind needs. */
export function questionView(prompt: Prompt, isNew: boolean, scope: Scope): View {
  const { card } = prompt;
  const text = [heading(card, isNew), questionText(card), `-# ${HINTS[card.kind]}`].join('\n');
  return { text, rows: answerButtons(prompt, scope) };
}

function answerButtons(prompt: Prompt, scope: Scope) {
  const { card } = prompt;
  const promptId = prompt.id;
  const button = (label: string, action: Action, style: Button['style']): Button => ({
    label,
    customId: encodeAction(action),
    style,
  });
  if (card.kind === 'choice') {
    const options = card.options.map((option, i) =>
      button(`${i + 1}. ${option}`, { kind: 'choose', promptId, option: i, scope }, 'secondary'),
    );
    // Six options sit better as two rows of three than as five and one.
    return rowsOf(options, options.length > 5 ? 3 : 5);
  }
  if (card.kind === 'self') return [[button('Show answer', { kind: 'reveal', promptId, scope }, 'primary')]];
  return [
    [
      button('Answer', { kind: 'openAnswer', promptId, scope }, 'primary'),
      button('I don’t know', { kind: 'dontKnow', promptId, scope }, 'secondary'),
    ],
  ];
}

/** The answer and note of a card, as lines; each shows at most `within` characters of the card's text. */
export function answerLines(card: Card, within = MESSAGE_LIMIT): string[] {
  const lines = [`**Answer:** ${cardText(card.answer, within)}`];
  if (card.note) lines.push(`**Note:** ${cardText(card.note, within)}`);
  return lines;
}

/** A self-graded card with its answer shown, and the four ratings. */
export function revealView(prompt: Prompt, rateAction: (rating: Rating) => Action, title = 'Question'): View {
  const { card } = prompt;
  const text = [
    heading(card, false, title),
    cardText(card.question),
    '',
    ...answerLines(card),
    '',
    'How well did you know it?',
  ];
  const styles = { 1: 'danger', 2: 'secondary', 3: 'success', 4: 'primary' } as const;
  const ratings = ([1, 2, 3, 4] as const).map((rating) => ({
    label: RATING_NAMES[rating],
    customId: encodeAction(rateAction(rating)),
    style: styles[rating],
  }));
  return withShowMore({ text: text.join('\n'), rows: [ratings] }, prompt.id);
}

/** The modal a typed answer is given in. */
export function answerModal(customId: string, prompt: string): ModalReply {
  return {
    kind: 'modal',
    customId,
    title: 'Your answer',
    prompt,
    label: 'Answer',
    maxLength: ANSWER_MAX_LENGTH,
  };
}

/** Nothing to review now: when the next card is due. */
export function nothingDueText(outcome: Extract<NextOutcome, { ok: false }>, deckId: string | null): string {
  const where = deckId === null ? '' : ` in \`${deckId}\``;
  if (!outcome.nextDue) return `🎉 Nothing to review${where}: every card is done for now.`;
  return `🎉 Nothing due right now${where}. Your next card is due **${describeWhen(outcome.nextDue, outcome.now)}**.`;
}

/** "Show more" sends at most this many messages' worth of a card's text. */
export const SHOW_MORE_LIMIT = 10 * MESSAGE_LIMIT; // characters

/** The whole answer of a card, for "Show more". */
export function fullAnswerText(card: Card): string {
  return [
    `**Question:** ${cardText(card.question, SHOW_MORE_LIMIT)}`,
    ...answerLines(card, SHOW_MORE_LIMIT),
  ].join('\n');
}
