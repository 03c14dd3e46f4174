import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { dailyQuestionText } from '../../../chat/card-text.ts';
import { dailyButtons, START_REVIEW } from '../../../chat/flows.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import { sayer } from '../../../chat/messages.ts';
import type { DailyQuestion, DailyQuestionState, ReminderMessage } from '../../../core/delivery/ports.ts';
import { slackButton } from '../actions.ts';
import { actions, escapeText, type SlackMessage, section, sections } from './blocks.ts';
import { slackStyle } from './reply.ts';

/** Deliveries carry their language; mrkdwn needs no command, so none is named. Built once, not per post. */
const STYLE = slackStyle('');
const sayIn = (locale: Locale) => sayer(STYLE, locale);

/**
 * Pure: what delivery posts, in the channel's language. The channel question is public, so it holds no
 * mention of anyone.
 */
export function renderDailyQuestion(question: DailyQuestion, state: DailyQuestionState): SlackMessage {
  const { card, locale } = question;
  const carried = { place: null, post: question.localDate };
  const buttons = dailyButtons(card, { deliveryId: question.deliveryId, cardId: card.id }, false);
  return {
    text: `${sayIn(locale)('daily.title')}: ${escapeText(card.question)}`,
    blocks: [
      ...sections(dailyQuestionText(card, state, STYLE, locale)),
      // Once the day is over (the answer shown): no buttons.
      ...(state.revealAnswer ? [] : [actions(buttons.map((b) => slackButton(b, carried, locale)))]),
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
