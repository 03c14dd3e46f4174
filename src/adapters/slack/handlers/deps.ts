import type { Logger } from 'pino';
import type { ChatPorts } from '../../../chat/ports.ts';
import type { SlackMessenger } from '../send/messenger.ts';
import type { SlackApi } from '../send/slack-api.ts';
import type { SlackUserLocales } from '../send/user-locales.ts';

/** What every Slack listener works with. */
export interface ListenerDeps extends ChatPorts {
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
