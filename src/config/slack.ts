import { z } from 'zod';
import { optionalText } from '../env-text.ts';

/** A key for AES-256-GCM: 32 bytes, base64 (`openssl rand -base64 32`). */
const secretKey = z
  .string()
  .refine(
    (text) => /^[A-Za-z0-9+/]+={0,2}$/.test(text) && Buffer.from(text, 'base64').length === 32,
    'must be 32 bytes in base64 (make one with: openssl rand -base64 32)',
  )
  .transform((text) => Buffer.from(text, 'base64'));

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
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (it signs the OAuth state)').optional(),
  ),
  MNEMO_SECRET_KEY: optionalText.pipe(secretKey.optional()),
  MNEMO_SECRET_KEY_OLD: optionalText.pipe(secretKey.optional()),
  SLACK_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .optional(),
  ),
};

export type SlackEnvironment = z.infer<z.ZodObject<typeof slackEnvironment>>;

/** How Slack reaches Mnemo: signed HTTP requests on PORT, or a Socket Mode WebSocket that Mnemo opens. */
export type SlackConnection = { mode: 'http'; signingSecret: string } | { mode: 'socket'; appToken: string };

/** OAuth v2 distribution: Mnemo is installed into many workspaces, each with its own bot token. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Seals the stored tokens (AES-256-GCM). */
  secretKey: Buffer;
  /** The key before a rotation: tokens sealed with it still open, and are sealed again with `secretKey`. */
  oldSecretKey: Buffer | null;
}

export interface SlackConfig {
  /** Single-workspace mode: the one bot token (SLACK_BOT_TOKEN). Null with OAuth. */
  botToken: string | null;
  /** Many workspaces (SLACK_CLIENT_ID…); null in single-workspace mode. */
  oauth: SlackOAuthConfig | null;
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

const OAUTH_VARIABLES = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MNEMO_SECRET_KEY',
] as const;

/**
 * The Slack configuration, or null when Slack is not set up (neither SLACK_BOT_TOKEN nor the OAuth variables).
 * Throws an Error naming the missing variable when it is half set up.
 */
export function readSlackConfig(env: Partial<SlackEnvironment>): SlackConfig | null {
  const botToken = env.SLACK_BOT_TOKEN ?? null;
  const oauth = readOAuth(env);
  if (botToken && oauth)
    throw new Error(
      'SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID (OAuth, many workspaces) are both set: keep one',
    );
  if (!botToken && !oauth) {
    const stray = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const).find((name) => env[name]);
    if (stray)
      throw new Error(
        `SLACK_BOT_TOKEN is required when ${stray} is set (or, for many workspaces, ${OAUTH_VARIABLES.join(', ')})`,
      );
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
    oauth,
    connection,
    command: env.SLACK_COMMAND ?? SLACK_DEFAULTS.command,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
  };
}

/** All of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and MNEMO_SECRET_KEY, or none of them. */
function readOAuth(env: Partial<SlackEnvironment>): SlackOAuthConfig | null {
  const set = OAUTH_VARIABLES.filter((name) => env[name] !== undefined);
  if (set.length === 0) {
    if (env.MNEMO_SECRET_KEY_OLD) throw new Error('MNEMO_SECRET_KEY_OLD is set without MNEMO_SECRET_KEY');
    return null;
  }
  const missing = OAUTH_VARIABLES.filter((name) => env[name] === undefined);
  if (missing.length > 0)
    throw new Error(
      `Slack OAuth is half configured: ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not`,
    );
  const { SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, MNEMO_SECRET_KEY } = env;
  if (!SLACK_CLIENT_ID || !SLACK_CLIENT_SECRET || !SLACK_STATE_SECRET || !MNEMO_SECRET_KEY) return null;
  return {
    clientId: SLACK_CLIENT_ID,
    clientSecret: SLACK_CLIENT_SECRET,
    stateSecret: SLACK_STATE_SECRET,
    secretKey: MNEMO_SECRET_KEY,
    oldSecretKey: env.MNEMO_SECRET_KEY_OLD ?? null,
  };
}
