import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { dailyButtons } from '../../../chat/flows.ts';
import { LOCALES, type Locale } from '../../../chat/i18n/locale.ts';
import { answerLines, type Say } from '../../../chat/messages.ts';
import type { Card } from '../../../core/deck/card.ts';
import type { DailyQuestionState } from '../../../core/delivery/ports.ts';
import { buttonRowsOf } from '../actions.ts';
import { DISCORD_STYLE, discordSay } from '../style.ts';
import { questionText } from './card.ts';
import type { View } from './view.ts';

/** What marks a question whose day is over, in each language; no answer updates its message any more. */
const DAYS_OVER = LOCALES.map((locale) => discordSay(locale)('daily.dayOver'));

/** Whether a posted question of the day says its day is over (in whichever language it was written). */
export function saysDayOver(content: string): boolean {
  return DAYS_OVER.some((words) => content.includes(words));
}

/**
 * A channel's question of the day: everyone answers with the buttons, and sees their result alone. It is
 * public, so it is written in the channel's language (`locale`), not a reader's.
 */
export function dailyQuestionView(
  card: Card,
  deliveryId: number,
  state: DailyQuestionState,
  locale: Locale,
): View {
  const say = discordSay(locale);
  const lines = [`📅 **${say('daily.title')}** · \`${card.deckId}\``, questionText(card)];
  const answered = answeredWords(say, state.answered);
  if (state.revealAnswer) {
    lines.push(
      '',
      ...answerLines(card, DISCORD_STYLE, locale),
      `-# ${say('daily.over', { dayOver: say('daily.dayOver'), answered })}`,
    );
  } else {
    lines.push(`-# ${say('daily.open', { answered })}`);
  }
  const buttons = dailyButtons(card, { deliveryId, cardId: card.id }, state.revealAnswer);
  return {
    text: lines.join('\n'),
    rows: buttonRowsOf(buttons, NOTHING_CARRIED, locale),
  };
}

function answeredWords(say: Say, answered: number): string {
  return answered === 0 ? say('daily.noneYet') : say('daily.answered', { count: answered });
}
