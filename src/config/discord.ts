import { z } from 'zod';
import { optionalText } from '../env-text.ts';

const SNOWFLAKE = /^\d{17,20}$/;
const SNOWFLAKE_MESSAGE = 'must be a Discord id: 17 to 20 digits';

/** The Discord variables, as zod schemas keyed by name, for src/config.ts to merge into its schema. */
export const discordEnvironment = {
  DISCORD_MODE: optionalText.pipe(
    z.enum(['gateway', 'http'], { error: 'must be "gateway" or "http"' }).optional(),
  ),
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.pipe(z.string().regex(SNOWFLAKE, SNOWFLAKE_MESSAGE).optional()),
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex digits shown as the application\'s "Public Key"')
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(SNOWFLAKE, SNOWFLAKE_MESSAGE).optional()),
  DISCORD_API_URL: optionalText.pipe(z.url({ error: 'must be a URL' }).optional()),
};

export type DiscordEnvironment = {
  [Name in keyof typeof discordEnvironment]: z.infer<(typeof discordEnvironment)[Name]>;
};

export type DiscordMode = 'gateway' | 'http';

export interface DiscordConfig {
  mode: DiscordMode;
  /** The bot token: REST calls, delivery, and the gateway connection. */
  token: string;
  applicationId: string;
  /** Verifies the signature of each request in HTTP mode. */
  publicKey: string | null;
  /** Set: commands are registered in this server only (they show at once), else globally. */
  guildId: string | null;
  /** The REST base URL, without the version. */
  apiUrl: string;
}

export const DEFAULT_API_URL = 'https://discord.com/api';

/**
 * The Discord configuration, or null when Discord is not set up (neither DISCORD_TOKEN nor DISCORD_PUBLIC_KEY).
 * Throws an Error naming the missing variable when it is only half set up.
 */
export function readDiscordConfig(env: Partial<DiscordEnvironment>): DiscordConfig | null {
  if (!env.DISCORD_TOKEN && !env.DISCORD_PUBLIC_KEY) return null;
  const mode = env.DISCORD_MODE ?? 'gateway';
  const missing = (name: string, why: string) => new Error(`${name} is required ${why}`);
  if (!env.DISCORD_TOKEN) {
    throw missing('DISCORD_TOKEN', `(DISCORD_MODE=${mode}): the bot token sends messages and follow-ups`);
  }
  if (!env.DISCORD_APP_ID) throw missing('DISCORD_APP_ID', 'when Discord is configured (the application id)');
  if (mode === 'http' && !env.DISCORD_PUBLIC_KEY) {
    throw missing('DISCORD_PUBLIC_KEY', 'when DISCORD_MODE=http: it verifies every request');
  }
  return {
    mode,
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APP_ID,
    publicKey: env.DISCORD_PUBLIC_KEY ?? null,
    guildId: env.DISCORD_GUILD_ID ?? null,
    apiUrl: (env.DISCORD_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ''),
  };
}
