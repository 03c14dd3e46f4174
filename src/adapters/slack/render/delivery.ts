import type { types } from '@slack/bolt';
import type { Card } from '../../../core/deck/card.ts';
import type { DailyQuestion, ReminderMessage } from '../../../core/delivery/ports.ts';
import { ACTION, type DailyRef, dailyValue, deckValue } from '../action-ids.ts';
import { actions, button, cardText, context, escapeText, type SlackMessage, section } from './blocks.ts';

/** Pure: what delivery posts. The channel question is public, so it holds no mention of anyone. */

export interface DailyQuestionState {
  /** How many people answered so far. */
  answered: number;
  /** The day is over: show the answer, take the buttons away. */
  revealAnswer: boolean;
}

export function renderDailyQuestion(question: DailyQuestion, state: DailyQuestionState): SlackMessage {
  const { card } = question;
  const ref: DailyRef = { deliveryId: question.deliveryId, cardId: card.id, localDate: question.localDate };
  const blocks: types.KnownBlock[] = [
    section(
      `:brain: *Question of the day* · ${escapeText(question.localDate)} · _${escapeText(card.deckId)}_\n${cardText(card.question)}`,
    ),
  ];
  if (state.revealAnswer) {
    blocks.push(
      section(
        [`*Answer:* ${cardText(card.answer)}`, ...(card.note ? [`_Note:_ ${cardText(card.note)}`] : [])].join(
          '\n',
        ),
      ),
    );
  } else {
    blocks.push(actions(dailyButtons(card, ref)));
  }
  blocks.push(context(answeredLine(state)));
  return { text: `Question of the day: ${escapeText(card.question)}`, blocks };
}

function dailyButtons(card: Card, ref: DailyRef): types.Button[] {
  const value = dailyValue(ref);
  if (card.kind === 'choice') {
    return card.options.map((option, index) => button(option, `${ACTION.dailyChoice}:${index}`, value));
  }
  if (card.kind === 'self') return [button('Show answer', ACTION.dailyReveal, value, 'primary')];
  return [button('Answer', ACTION.dailyAnswer, value, 'primary')];
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
