import type { Logger } from 'pino';
import type { CardMedia } from '../../../chat/card-media.ts';
import type { DeckFilesPort } from '../../../chat/deck-files.ts';
import type { ReplyPictures } from '../../../chat/pictures.ts';
import type { PrivacyPort } from '../../../chat/privacy.ts';
import type { Clock } from '../../../core/clock.ts';
import type { Community } from '../../../core/community/community.ts';
import type { InboundEvents } from '../../../core/quiz/inbound.ts';
import type { Quiz } from '../../../core/quiz/quiz.ts';
import type { SlackMessenger } from '../send/messenger.ts';
import type { SlackApi } from '../send/slack-api.ts';
import type { SlackUserLocales } from '../send/user-locales.ts';

/** What every Slack listener works with. */
export interface ListenerDeps {
  quiz: Quiz;
  community: Community;
  privacy: PrivacyPort;
  deckFiles: DeckFilesPort;
  pictures?: ReplyPictures | undefined;
  cardMedia?: CardMedia | undefined;
  inboundEvents: InboundEvents;
  clock: Clock;
  log: Logger;
  api: SlackApi;
  messenger: SlackMessenger;
  /** Each person's Slack language (users.info), kept for a while. */
  locales: SlackUserLocales;
  /** The slash command, e.g. `/mnemo`. */
  command: string;
  /** Where Slack's Web API is (SLACK_API_URL): a file on its host may be fetched with the bot token too. */
  apiUrl: string;
}
