import type { Card } from '../../../core/deck/card.ts';
import { encodeAction } from '../custom-id.ts';
import type { Button } from '../reply.ts';
import { rowsOf } from '../reply.ts';
import { answerLines, questionText } from './card.ts';
import { count, type View } from './view.ts';

/** Marks a question whose day is over; no answer updates its message any more. */
export const DAY_OVER = 'The day is over';

export interface DailyQuestionState {
  answered: number;
  /** The day is over: show the answer, and take no more answers. */
  revealAnswer: boolean;
}

/** A channel's question of the day: everyone answers with the buttons, and sees their result alone. */
export function dailyQuestionView(card: Card, deliveryId: number, state: DailyQuestionState): View {
  const lines = [`📅 **Question of the day** · \`${card.deckId}\``, questionText(card)];
  if (state.revealAnswer) {
    lines.push('', ...answerLines(card), `-# ${DAY_OVER}: ${answeredWords(state.answered)}.`);
  } else {
    lines.push(`-# ${answeredWords(state.answered)} · only you see your answer and result.`);
  }
  return { text: lines.join('\n'), rows: dailyButtons(card, deliveryId, state.revealAnswer) };
}

function answeredWords(answered: number): string {
  return answered === 0 ? 'No one has answered yet' : `${count(answered, 'member')} answered`;
}

function dailyButtons(card: Card, deliveryId: number, closed: boolean) {
  const cardId = card.id;
  if (card.kind === 'choice') {
    const options: Button[] = card.options.map((option, i) => ({
      label: `${i + 1}. ${option}`,
      customId: encodeAction({ kind: 'dailyChoose', deliveryId, option: i, cardId }),
      style: closed && i === card.correctOption ? 'success' : 'secondary',
      disabled: closed,
    }));
    return rowsOf(options, options.length > 5 ? 3 : 5);
  }
  if (closed) return [];
  if (card.kind === 'self') {
    return [
      [
        {
          label: 'Show answer & rate',
          customId: encodeAction({ kind: 'dailyReveal', deliveryId, cardId }),
          style: 'primary' as const,
        },
      ],
    ];
  }
  return [
    [
      {
        label: 'Answer',
        customId: encodeAction({ kind: 'dailyOpenAnswer', deliveryId, cardId }),
        style: 'primary' as const,
      },
    ],
  ];
}
