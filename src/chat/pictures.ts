import type { LeaderboardPeriod, LeaderboardRow } from '../core/community/ports.ts';
import type { Person, Place } from '../core/people.ts';
import type { LearnerStats } from '../core/quiz/ports.ts';
import type { Attachment, Reply } from './reply.ts';

/**
 * The pictures replies carry, drawn outside the chat layer (src/pictures, wired in src/bot.ts). A picture is
 * extra: when drawing one fails, the reply goes out as text and `onError` is told.
 */
export interface ReplyPictures {
  /**
   * The person's progress picture, around the text figures /stats read (in `place`, of the cards its
   * community sees); null when there is nothing to draw.
   */
  progress(person: Person, stats: LearnerStats, place?: Place): Promise<Attachment | null>;
  leaderboard(rows: readonly LeaderboardRow[], period: LeaderboardPeriod): Promise<Attachment>;
  onError(error: unknown, picture: 'progress' | 'leaderboard'): void;
}

/** The reply with the picture attached, or as it was when there is no picture port or drawing failed. */
export async function withPicture(
  reply: Reply,
  pictures: ReplyPictures | undefined,
  picture: 'progress' | 'leaderboard',
  draw: (pictures: ReplyPictures) => Promise<Attachment | null>,
): Promise<Reply> {
  if (!pictures) return reply;
  try {
    const attachment = await draw(pictures);
    return attachment ? { ...reply, attachments: [...reply.attachments, attachment] } : reply;
  } catch (error) {
    pictures.onError(error, picture);
    return reply;
  }
}
