import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRest } from '../../src/adapters/discord/api.ts';
import { registerDiscordCommands } from '../../src/adapters/discord/index.ts';
import { FakeDiscord } from './support/fake-discord.ts';
import { APP_ID, GUILD } from './support/payloads.ts';
import { BOT_TOKEN } from './support/world.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(() => fake.close());

const config = (guildId: string | null) => ({
  mode: 'gateway' as const,
  token: BOT_TOKEN,
  applicationId: APP_ID,
  publicKey: null,
  guildId,
  apiUrl: fake.apiUrl,
});

describe('registerDiscordCommands', () => {
  it('GIVEN DISCORD_GUILD_ID THEN the commands are put in that server, with the bot token', async () => {
    const result = await registerDiscordCommands(config(GUILD), createRest(config(GUILD)));
    expect(result).toEqual({
      scope: 'guild',
      commands: ['quiz', 'stats', 'settings', 'daily', 'leaderboard', 'deck', 'privacy'],
    });
    const put = await fake.waitFor((call) => call.method === 'PUT');
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
  });

  it('GIVEN the commands THEN the JSON put is byte for byte the registered fixture (names, options, descriptions are contracts)', async () => {
    const from = fake.calls.length;
    await registerDiscordCommands(config(null));
    const put = await fake.waitFor((call) => call.method === 'PUT', from);
    const fixture = await readFile(new URL('../fixtures/discord/commands.json', import.meta.url), 'utf8');
    expect(`${JSON.stringify(put.body, null, 2)}\n`).toBe(fixture);
  });

  it('GIVEN no DISCORD_GUILD_ID THEN the commands are global', async () => {
    const from = fake.calls.length;
    expect((await registerDiscordCommands(config(null))).scope).toBe('global');
    const put = await fake.waitFor((call) => call.method === 'PUT', from);
    expect(put.path).toBe(`/applications/${APP_ID}/commands`);
  });

  it('GIVEN the commands THEN /daily needs Manage Server by default, and the server-only ones are not offered in DMs', async () => {
    const from = fake.calls.length;
    await registerDiscordCommands(config(null));
    const put = await fake.waitFor((call) => call.method === 'PUT', from);
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    const byName = Object.fromEntries(put.body.map((command: any) => [command.name, command]));
    expect(byName.daily.default_member_permissions).toBe('32');
    // A person's own commands are user-installable and work in DMs and servers without Mnemo.
    for (const name of ['quiz', 'stats', 'settings', 'deck', 'privacy']) {
      expect(byName[name].contexts, name).toEqual([0, 1, 2]);
      expect(byName[name].integration_types, name).toEqual([0, 1]);
    }
    // A community's stay in servers that installed Mnemo.
    for (const name of ['daily', 'leaderboard']) {
      expect(byName[name].contexts, name).toEqual([0]);
      expect(byName[name].integration_types, name).toEqual([0]);
    }
    expect(byName.quiz.options).toEqual([
      expect.objectContaining({ name: 'deck', type: 3, required: false, autocomplete: true }),
      expect.objectContaining({ name: 'practice', type: 5 }),
      expect.objectContaining({ name: 'tag', type: 3, autocomplete: true }),
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    expect(byName.deck.options.map((option: any) => option.name)).toEqual([
      'list',
      'info',
      'import',
      'export',
      'hide',
      'show',
      'leeches',
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    expect(byName.settings.options.map((option: any) => option.name)).toContain('leech_lapses');
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    expect(byName.daily.options.map((option: any) => option.name)).toEqual(['set', 'off', 'list']);
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    const set = byName.daily.options.find((option: any) => option.name === 'set');
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    expect(set.options.map((option: any) => [option.name, option.type, option.required])).toEqual([
      ['channel', 7, true],
      ['time', 3, true],
      ['timezone', 3, true],
      ['deck', 3, true],
      ['language', 3, undefined],
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    const language = set.options.find((option: any) => option.name === 'language');
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    expect(language.choices.map((choice: any) => choice.value)).toEqual(['en', 'es', 'de', 'ja']);
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    for (const command of put.body as any[]) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.name).toMatch(/^[a-z_]{1,32}$/);
    }
    // Discord refuses the whole list if one description, in any language, is over 100 characters.
    // biome-ignore lint/suspicious/noExplicitAny: command JSON
    const described = (item: any): [string, string][] => [
      [item.name, item.description],
      ...Object.entries<string>(item.description_localizations ?? {}).map(
        ([locale, text]): [string, string] => [`${item.name} (${locale})`, text],
      ),
      ...(item.options ?? []).flatMap(described),
    ];
    const tooLong = (put.body as unknown[]).flatMap(described).filter(([, text]) => text.length > 100);
    expect(tooLong).toEqual([]);
  });
});
