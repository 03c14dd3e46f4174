import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { discordEnvironment, readDiscordConfig } from '../../src/config/discord.ts';

const schema = z.object(discordEnvironment);
const read = (env: Record<string, string>) => readDiscordConfig(schema.parse(env));
const KEY = 'a'.repeat(64);

describe('readDiscordConfig', () => {
  it('GIVEN neither a token nor a public key THEN Discord is not configured', () => {
    expect(read({})).toBeNull();
    expect(read({ DISCORD_APP_ID: '1300000000000000001', DISCORD_TOKEN: ' ' })).toBeNull();
  });

  it('GIVEN a token and an app id THEN gateway mode against discord.com', () => {
    expect(read({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1300000000000000001' })).toEqual({
      mode: 'gateway',
      token: 't',
      applicationId: '1300000000000000001',
      publicKey: null,
      guildId: null,
      apiUrl: 'https://discord.com/api',
    });
  });

  it('GIVEN HTTP mode THEN the public key is needed, and DISCORD_API_URL replaces the REST base', () => {
    const config = read({
      DISCORD_MODE: 'http',
      DISCORD_TOKEN: 't',
      DISCORD_APP_ID: '1300000000000000001',
      DISCORD_PUBLIC_KEY: KEY,
      DISCORD_GUILD_ID: '1300000000000000100',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(config).toMatchObject({
      mode: 'http',
      publicKey: KEY,
      guildId: '1300000000000000100',
      apiUrl: 'http://127.0.0.1:9999/api',
    });
  });

  it.each([
    [
      { DISCORD_MODE: 'http', DISCORD_TOKEN: 't', DISCORD_APP_ID: '1300000000000000001' },
      'DISCORD_PUBLIC_KEY',
    ],
    [{ DISCORD_TOKEN: 't' }, 'DISCORD_APP_ID'],
    [
      { DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: KEY, DISCORD_APP_ID: '1300000000000000001' },
      'DISCORD_TOKEN',
    ],
  ])('GIVEN a half set-up %j THEN the error names %s', (env, variable) => {
    expect(() => read(env)).toThrow(variable);
  });

  it('GIVEN malformed values THEN the schema refuses them, naming the variable', () => {
    const parsed = schema.safeParse({
      DISCORD_MODE: 'websocket',
      DISCORD_PUBLIC_KEY: 'xyz',
      DISCORD_APP_ID: 'me',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'DISCORD_APP_ID',
      'DISCORD_MODE',
      'DISCORD_PUBLIC_KEY',
    ]);
  });

  it('GIVEN an id too short to be a Discord id THEN the message says how many digits one has', () => {
    const parsed = schema.safeParse({ DISCORD_APP_ID: '1', DISCORD_GUILD_ID: '12345' });
    expect(parsed.error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`)).toEqual([
      'DISCORD_APP_ID: must be a Discord id: 17 to 20 digits',
      'DISCORD_GUILD_ID: must be a Discord id: 17 to 20 digits',
    ]);
  });
});
