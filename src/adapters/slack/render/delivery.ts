import { dailyButtons } from '../../../chat/flows.ts';
import type { DailyQuestion, DailyQuestionState, ReminderMessage } from '../../../core/delivery/ports.ts';
import { ACTION, deckValue } from '../action-ids.ts';
import { slackButton } from '../actions.ts';
import { actions, button, cardText, context, escapeText, type SlackMessage, section } from './blocks.ts';
import { answerLines } from './reply.ts';

/** Pure: what delivery posts. The channel question is public, so it holds no mention of anyone. */

export function renderDailyQuestion(question: DailyQuestion, state: DailyQuestionState): SlackMessage {
  const { card } = question;
  const heading = `:brain: *Question of the day* · ${escapeText(question.localDate)} · _${escapeText(card.deckId)}_`;
  const carried = { post: null, localDate: question.localDate };
  const buttons = dailyButtons(card, { deliveryId: question.deliveryId, cardId: card.id }, false);
  return {
    text: `Question of the day: ${escapeText(card.question)}`,
    blocks: [
      section(`${heading}\n${cardText(card.question)}`),
      // Once the day is over: the answer, and no buttons.
      state.revealAnswer ? section(answerLines(card)) : actions(buttons.map((b) => slackButton(b, carried))),
      context(answeredLine(state)),
    ],
  };
}

function answeredLine(state: DailyQuestionState): string {
  const people = `${state.answered} ${state.answered === 1 ? 'person' : 'people'}`;
  if (state.revealAnswer) return `The day is over. ${people} answered.`;
  if (state.answered === 0) return 'Your answer is only shown to you. Be the first!';
  return `${people} answered so far. Your answer is only shown to you.`;
}

/** A DM reminder with a "Start review" button. */
export function renderReminder(reminder: ReminderMessage): SlackMessage {
  const cards = `${reminder.dueCount} card${reminder.dueCount === 1 ? '' : 's'}`;
  const text = `:wave: You have ${cards} due for review.`;
  return {
    text,
    blocks: [section(text), actions([button('Start review', ACTION.start, deckValue(null), 'primary')])],
  };
}
