import { PERIOD_WORDS } from '../chat/messages.ts';
import type { ReplyPictures } from '../chat/pictures.ts';
import type { Attachment } from '../chat/reply.ts';
import type { Clock } from '../core/clock.ts';
import { progressFigures } from '../core/progress/figures.ts';
import type { ProgressStore } from '../core/progress/ports.ts';
import { leaderboardPicture, type Picture, progressPicture } from './picture.ts';

/** The chat layer's picture port: /stats from the person's progress figures, /leaderboard from its rows. */
export function replyPictures(
  store: ProgressStore,
  clock: Clock,
  onError: ReplyPictures['onError'],
): ReplyPictures {
  return {
    async progress(person, stats, place) {
      const figures = await progressFigures(store, person, clock.now(), stats, place?.tenantId);
      return figures ? attachmentOf(await progressPicture(figures)) : null;
    },
    async leaderboard(rows, period) {
      return attachmentOf(await leaderboardPicture(rows, PERIOD_WORDS[period]));
    },
    onError,
  };
}

function attachmentOf(picture: Picture): Attachment {
  return { name: picture.fileName, bytes: picture.png, mime: 'image/png', description: picture.alt };
}
