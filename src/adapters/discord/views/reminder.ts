import { count } from '../../../chat/messages.ts';
import { encodeAction } from '../custom-id.ts';
import type { View } from './view.ts';

/** A DM reminder: how many cards are due, and a button that starts the review in that server's name. */
export function reminderView(dueCount: number, guildId: string): View {
  return {
    text: `⏰ You have **${count(dueCount, 'card')}** due. A few minutes now keeps them fresh.`,
    rows: [
      [
        {
          label: 'Start review',
          customId: encodeAction({ kind: 'startReview', guildId }),
          style: 'primary',
        },
      ],
    ],
  };
}
