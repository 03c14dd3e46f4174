import type { Logger } from 'pino';
import type { DeckFilesPort } from '../../../chat/deck-files.ts';
import type { ReplyPictures } from '../../../chat/pictures.ts';
import type { PrivacyPort } from '../../../chat/privacy.ts';
import type { Community } from '../../../core/community/community.ts';
import type { Quiz } from '../../../core/quiz/quiz.ts';
import type { DiscordApi } from '../api.ts';
import type { Reply } from '../reply.ts';

/** What every handler may use. */
export interface HandlerContext {
  quiz: Quiz;
  community: Community;
  privacy: PrivacyPort;
  deckFiles: DeckFilesPort;
  pictures?: ReplyPictures | undefined;
  api: DiscordApi;
  log: Logger;
}

/** A handler's answer, and work to do once the person has it (such as editing a channel's message). */
export interface Outcome {
  reply: Reply;
  after?: () => Promise<void>;
}

export function answer(reply: Reply, after?: () => Promise<void>): Outcome {
  return after ? { reply, after } : { reply };
}
