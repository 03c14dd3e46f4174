import type { Card } from '../../../core/deck/card.ts';
import type { ModalReply } from '../reply.ts';
import { cardText, MESSAGE_LIMIT } from '../text.ts';

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

/** A card to answer, with the hint its kind needs. */
export function questionView(card: Card, isNew: boolean): string {
  return [heading(card, isNew), questionText(card), `-# ${HINTS[card.kind]}`].join('\n');
}

/** The answer and note of a card, as lines; each shows at most `within` characters of the card's text. */
export function answerLines(card: Card, within = MESSAGE_LIMIT): string[] {
  const lines = [`**Answer:** ${cardText(card.answer, within)}`];
  if (card.note) lines.push(`**Note:** ${cardText(card.note, within)}`);
  return lines;
}

/** A self-graded card with its answer shown, asking for a rating. */
export function revealText(card: Card, daily: boolean): string {
  return [
    heading(card, false, daily ? 'Question of the day' : 'Question'),
    cardText(card.question),
    '',
    ...answerLines(card),
    '',
    'How well did you know it?',
  ].join('\n');
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

/** "Show more" sends at most this many messages' worth of a card's text. */
export const SHOW_MORE_LIMIT = 10 * MESSAGE_LIMIT; // characters

/** The whole answer of a card, for "Show more". */
export function fullAnswerText(card: Card): string {
  return [
    `**Question:** ${cardText(card.question, SHOW_MORE_LIMIT)}`,
    ...answerLines(card, SHOW_MORE_LIMIT),
  ].join('\n');
}
