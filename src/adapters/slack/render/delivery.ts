import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { dailyButtons, START_REVIEW } from '../../../chat/flows.ts';
import { DELIVERY_LOCALE } from '../../../chat/i18n/locale.ts';
import { sayer } from '../../../chat/messages.ts';
import type { DailyQuestion, DailyQuestionState, ReminderMessage } from '../../../core/delivery/ports.ts';
import { slackButton } from '../actions.ts';
import { actions, cardText, context, escapeText, type SlackMessage, section } from './blocks.ts';
import { answerText, slackStyle } from './reply.ts';

/** Deliveries are written in the deliveries' language; mrkdwn needs no command, so none is named. */
const say = sayer(slackStyle(''), DELIVERY_LOCALE);

/** Pure: what delivery posts. The channel question is public, so it holds no mention of anyone. */
export function renderDailyQuestion(question: DailyQuestion, state: DailyQuestionState): SlackMessage {
  const { card } = question;
  const title = say('daily.title');
  const heading = `:brain: *${title}* · ${escapeText(question.localDate)} · _${escapeText(card.deckId)}_`;
  const carried = { place: null, post: question.localDate };
  const buttons = dailyButtons(card, { deliveryId: question.deliveryId, cardId: card.id }, false);
  return {
    text: `${title}: ${escapeText(card.question)}`,
    blocks: [
      section(`${heading}\n${cardText(card.question)}`),
      // Once the day is over: the answer, and no buttons.
      state.revealAnswer
        ? section(answerText(card, slackStyle(''), DELIVERY_LOCALE))
        : actions(buttons.map((b) => slackButton(b, carried, DELIVERY_LOCALE))),
      context(answeredLine(state)),
    ],
  };
}

function answeredLine(state: DailyQuestionState): string {
  const answered =
    state.answered === 0 ? say('daily.noneYet') : say('daily.answered', { count: state.answered });
  if (state.revealAnswer) return say('daily.over', { dayOver: say('daily.dayOver'), answered });
  return say('daily.open', { answered });
}

/** A DM reminder with a "Start review" button. */
export function renderReminder(reminder: ReminderMessage): SlackMessage {
  const text = say('reminder.due', { count: reminder.dueCount });
  return {
    text,
    blocks: [section(text), actions([slackButton(START_REVIEW, NOTHING_CARRIED, DELIVERY_LOCALE)])],
  };
}
