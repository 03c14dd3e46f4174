import type { Clock } from '../core/clock.ts';
import type { Community } from '../core/community/community.ts';
import type { InboundEvents } from '../core/quiz/inbound.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import type { CardMedia } from './card-media.ts';
import type { DeckFilesPort } from './deck-files.ts';
import type { ReplyPictures } from './pictures.ts';
import type { PrivacyPort } from './privacy.ts';

/** What every adapter's flows run on, whatever the platform: the use cases, and the chat layer's own ports. */
export interface ChatPorts {
  quiz: Quiz;
  community: Community;
  privacy: PrivacyPort;
  deckFiles: DeckFilesPort;
  /** The /stats and /leaderboard pictures; without them those replies are text only. */
  pictures?: ReplyPictures | undefined;
  /** The pictures, sound and formulas shown with cards; without them cards are text only. */
  cardMedia?: CardMedia | undefined;
  /** Which platform events were handled (once-per-event.ts). */
  inboundEvents: InboundEvents;
  clock: Clock;
}
