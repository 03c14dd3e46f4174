import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { dailyStatus } from '../../../chat/daily-question.ts';
import { dailyButtons, START_REVIEW } from '../../../chat/flows.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import { sayer } from '../../../chat/messages.ts';
import type { DailyQuestion, DailyQuestionState, ReminderMessage } from '../../../core/delivery/ports.ts';
import { slackButton } from '../actions.ts';
import { actions, cardText, context, escapeText, type SlackMessage, section } from './blocks.ts';
import { answerText, slackStyle } from './reply.ts';

/** Deliveries carry their language; mrkdwn needs no command, so none is named. */
const sayIn = (locale: Locale) => sayer(slackStyle(''), locale);

/**
 * Pure: what delivery posts, in the channel's language. The channel question is public, so it holds no
 * mention of anyone.
 */
export function renderDailyQuestion(question: DailyQuestion, state: DailyQuestionState): SlackMessage {
  const { card, locale } = question;
  const say = sayIn(locale);
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
        ? section(answerText(card, slackStyle(''), locale))
        : actions(buttons.map((b) => slackButton(b, carried, locale))),
      context(dailyStatus(say, state)),
    ],
  };
}

/** A DM reminder with a "Start review" button, in the person's language. */
export function renderReminder(reminder: ReminderMessage): SlackMessage {
  const { locale } = reminder;
  const text = sayIn(locale)('reminder.due', { count: reminder.dueCount });
  return {
    text,
    blocks: [section(text), actions([slackButton(START_REVIEW, NOTHING_CARRIED, locale)])],
  };
}
