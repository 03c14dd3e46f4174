import { DELIVERY_LOCALE } from '../../../chat/i18n/locale.ts';
import { encodeAction } from '../custom-id.ts';
import { discordSay } from '../style.ts';
import type { View } from './view.ts';

/** A DM reminder: how many cards are due, and a button that starts the review in that server's name. */
export function reminderView(dueCount: number, guildId: string): View {
  const say = discordSay(DELIVERY_LOCALE);
  return {
    text: say('reminder.due', { count: dueCount }),
    rows: [
      [
        {
          label: say('button.startReview'),
          customId: encodeAction({ kind: 'startReview', guildId }),
          style: 'primary',
        },
      ],
    ],
  };
}
