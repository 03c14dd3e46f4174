import { START_REVIEW } from '../../../chat/flows.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import { buttonRowsOf } from '../actions.ts';
import { discordSay } from '../style.ts';
import type { View } from './view.ts';

/** A DM reminder in the person's language: how many cards are due, and a button that starts the review in that server's name. */
export function reminderView(dueCount: number, guildId: string, locale: Locale): View {
  return {
    text: discordSay(locale)('reminder.due', { count: dueCount }),
    rows: buttonRowsOf([START_REVIEW], { place: guildId, post: null }, locale),
  };
}
