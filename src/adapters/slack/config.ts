import { z } from 'zod';
import { optionalText } from '../../env-text.ts';

/** The Slack variables, as zod schemas keyed by variable name, for src/config.ts to merge into its schema. */
export const slackEnvironment = {
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'must be the bot token (it starts with xoxb-)').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'must be an app-level token (it starts with xapp-)').optional(),
  ),
  SLACK_COMMAND: optionalText.pipe(
    z
      .string()
      .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /mnemo')
      .optional(),
  ),
  SLACK_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .optional(),
  ),
};

export type SlackEnvironment = z.infer<z.ZodObject<typeof slackEnvironment>>;

/** How Slack reaches Mnemo: signed HTTP requests on PORT, or a Socket Mode WebSocket that Mnemo opens. */
export type SlackConnection = { mode: 'http'; signingSecret: string } | { mode: 'socket'; appToken: string };

export interface SlackConfig {
  botToken: string;
  connection: SlackConnection;
  /** The slash command, `/mnemo` unless SLACK_COMMAND says otherwise. */
  command: string;
  /** Base URL of the Web API, ending with `/`. */
  apiUrl: string;
}

export const SLACK_DEFAULTS = {
  command: '/mnemo',
  apiUrl: 'https://slack.com/api/',
} as const;

/**
 * The Slack configuration, or null when Slack is not set up (no SLACK_BOT_TOKEN). Throws an Error naming the
 * missing variable when it is half set up.
 */
export function readSlackConfig(env: Partial<SlackEnvironment>): SlackConfig | null {
  const botToken = env.SLACK_BOT_TOKEN;
  if (!botToken) {
    const stray = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const).find((name) => env[name]);
    if (stray) throw new Error(`SLACK_BOT_TOKEN is required when ${stray} is set`);
    return null;
  }
  let connection: SlackConnection;
  if (env.SLACK_APP_TOKEN) {
    connection = { mode: 'socket', appToken: env.SLACK_APP_TOKEN };
  } else if (env.SLACK_SIGNING_SECRET) {
    connection = { mode: 'http', signingSecret: env.SLACK_SIGNING_SECRET };
  } else {
    throw new Error(
      'SLACK_SIGNING_SECRET is required to receive Slack requests over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  const apiUrl = env.SLACK_API_URL ?? SLACK_DEFAULTS.apiUrl;
  return {
    botToken,
    connection,
    command: env.SLACK_COMMAND ?? SLACK_DEFAULTS.command,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
  };
}
