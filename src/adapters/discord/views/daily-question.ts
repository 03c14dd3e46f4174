import { dailyButtons } from '../../../chat/flows.ts';
import { count } from '../../../chat/messages.ts';
import type { Card } from '../../../core/deck/card.ts';
import type { DailyQuestionState } from '../../../core/delivery/ports.ts';
import { buttonRowsOf, customIdOf, NOTHING_CARRIED } from '../actions.ts';
import { answerLines, questionText } from './card.ts';
import type { View } from './view.ts';

/** Marks a question whose day is over; no answer updates its message any more. */
export const DAY_OVER = 'The day is over';

/** A channel's question of the day: everyone answers with the buttons, and sees their result alone. */
export function dailyQuestionView(card: Card, deliveryId: number, state: DailyQuestionState): View {
  const lines = [`📅 **Question of the day** · \`${card.deckId}\``, questionText(card)];
  if (state.revealAnswer) {
    lines.push('', ...answerLines(card), `-# ${DAY_OVER}: ${answeredWords(state.answered)}.`);
  } else {
    lines.push(`-# ${answeredWords(state.answered)} · only you see your answer and result.`);
  }
  const buttons = dailyButtons(card, { deliveryId, cardId: card.id }, state.revealAnswer);
  return {
    text: lines.join('\n'),
    rows: buttonRowsOf(buttons, (action) => customIdOf(action, NOTHING_CARRIED)),
  };
}

function answeredWords(answered: number): string {
  return answered === 0 ? 'No one has answered yet' : `${count(answered, 'member')} answered`;
}
