import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { dailyButtons } from '../../../chat/flows.ts';
import { DELIVERY_LOCALE } from '../../../chat/i18n/locale.ts';
import { answerLines, type Say } from '../../../chat/messages.ts';
import type { Card } from '../../../core/deck/card.ts';
import type { DailyQuestionState } from '../../../core/delivery/ports.ts';
import { buttonRowsOf } from '../actions.ts';
import { DISCORD_STYLE, discordSay } from '../style.ts';
import { questionText } from './card.ts';
import type { View } from './view.ts';

/** A channel's question of the day is public: it is written in the deliveries' language. */
const say = discordSay(DELIVERY_LOCALE);

/** Marks a question whose day is over; no answer updates its message any more. */
export const DAY_OVER = say('daily.dayOver');

/** A channel's question of the day: everyone answers with the buttons, and sees their result alone. */
export function dailyQuestionView(card: Card, deliveryId: number, state: DailyQuestionState): View {
  const lines = [`📅 **${say('daily.title')}** · \`${card.deckId}\``, questionText(card)];
  const answered = answeredWords(say, state.answered);
  if (state.revealAnswer) {
    lines.push(
      '',
      ...answerLines(card, DISCORD_STYLE, DELIVERY_LOCALE),
      `-# ${say('daily.over', { dayOver: DAY_OVER, answered })}`,
    );
  } else {
    lines.push(`-# ${say('daily.open', { answered })}`);
  }
  const buttons = dailyButtons(card, { deliveryId, cardId: card.id }, state.revealAnswer);
  return {
    text: lines.join('\n'),
    rows: buttonRowsOf(buttons, NOTHING_CARRIED, DELIVERY_LOCALE),
  };
}

function answeredWords(say: Say, answered: number): string {
  return answered === 0 ? say('daily.noneYet') : say('daily.answered', { count: answered });
}
