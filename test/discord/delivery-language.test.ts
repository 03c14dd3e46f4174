import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliveries } from '../../src/core/delivery/deliveries.ts';
import { PgDeliveryStore } from '../../src/db/delivery-store.ts';
import { buttonId, buttonsOf } from './support/client.ts';
import {
  BOOLEAN,
  buttonClick,
  CHANNEL,
  CHANNEL_OPTION,
  type CommandOption,
  GUILD,
  MANAGER_PERMISSIONS,
  OTHER_CHANNEL,
  STRING,
  sentMessage,
  slashCommand,
  subcommand,
  type TestUser,
} from './support/payloads.ts';
import { type Bot, World } from './support/world.ts';

let world: World;
let bot: Bot;
let deliveries: Deliveries;
const problems: string[] = [];

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
  deliveries = new Deliveries({
    store: new PgDeliveryStore(world.db),
    clock: world.clock,
    messengers: { discord: bot.adapter.messenger },
    onProblem: (problem) => problems.push(problem.message),
  });
});
afterAll(() => world.close());

/** An interaction as it comes from an app (and a server) set to these languages. */
function inLanguage<T extends object>(payload: T, locale: string, guildLocale = 'en-US'): T {
  return { ...payload, locale, guild_locale: guildLocale };
}

/** The person got a card wrong: it is due again minutes later. */
async function cardDueFor(user: TestUser, tenantId: string): Promise<void> {
  const person = { platform: 'discord', externalId: user.id };
  const prompt = await world.quiz.promptFor({ tenantId, platform: 'discord' }, person, 'typed-container');
  if (!prompt.ok) throw new Error('no card to prompt');
  await world.quiz.answer(prompt.prompt.id, person, { kind: 'typed', text: 'wrong' });
}

/** The first message posted in the channel since call `from`. */
const postIn = (channel: string, from: number) =>
  world.fake.waitFor((call) => call.method === 'POST' && call.path === `/channels/${channel}/messages`, from);

const reminderAt = (time: string): CommandOption[] => [
  { name: 'reminders', type: BOOLEAN, value: true },
  { name: 'reminder_time', type: STRING, value: time },
  { name: 'timezone', type: STRING, value: 'UTC' },
];

describe('a DM reminder, in the language of the person it goes to', () => {
  it('GIVEN a member whose Discord is in Spanish THEN their reminder is in Spanish; GIVEN one in French (not spoken) THEN English', async () => {
    world.clock.set('2026-05-04T08:00:00Z');
    const ana = world.newUser('ana');
    const fred = world.newUser('fred');
    for (const [user, locale] of [
      [ana, 'es-ES'],
      [fred, 'fr'],
    ] as const) {
      await cardDueFor(user, `discord:${GUILD}`);
      const saved = await bot.send(
        inLanguage(slashCommand('settings', reminderAt('09:00'), { user }), locale),
      );
      expect(saved.data.content).toContain(locale === 'es-ES' ? 'Ajustes guardados' : 'Settings saved');
    }

    world.clock.set('2026-05-04T09:00:30Z');
    const from = world.fake.calls.length;
    expect(await deliveries.tick()).toMatchObject({ sent: 2 });
    const dmTo = async (user: TestUser) =>
      (
        await world.fake.waitFor(
          (call) => call.method === 'POST' && call.path === `/channels/9${user.id.slice(1)}/messages`,
          from,
        )
      ).body;
    const spanish = await dmTo(ana);
    expect(spanish.content).toBe(
      '⏰ Tienes **1 tarjeta** pendiente. Unos minutos ahora la mantienen fresca.',
    );
    expect(buttonsOf(spanish).map((button) => button.label)).toEqual(['Empezar a repasar']);
    expect((await dmTo(fred)).content).toBe(
      '⏰ You have **1 card** due. A few minutes now keeps them fresh.',
    );
    expect(problems).toEqual([]);
  });
});

describe("a channel's question of the day, in its server's language", () => {
  const guild = '1300000000000000150';
  const admin = { guild, permissions: MANAGER_PERMISSIONS };
  const setDaily = (channel: string, extra: CommandOption[] = []) =>
    slashCommand(
      'daily',
      [
        subcommand('set', [
          { name: 'channel', type: CHANNEL_OPTION, value: channel },
          { name: 'time', type: STRING, value: '10:00' },
          { name: 'timezone', type: STRING, value: 'UTC' },
          { name: 'deck', type: STRING, value: 'choice' },
          ...extra,
        ]),
      ],
      { ...admin, channel },
    );

  it('GIVEN a server whose language is Japanese THEN its question, each count and the end-of-day edit are in Japanese, whoever answers; GIVEN language:de THEN that channel is in German', async () => {
    // The admin's own app is in English: the reply to them is English, the channel's posts Japanese.
    const set = await bot.send(inLanguage(setDaily(CHANNEL), 'en-US', 'ja'));
    expect(set.data.content).toContain('gets a question of the day');
    await bot.send(
      inLanguage(setDaily(OTHER_CHANNEL, [{ name: 'language', type: STRING, value: 'de' }]), 'en-US', 'ja'),
    );

    // The same day as the reminders above: they are not due again.
    world.clock.set('2026-05-04T10:00:30Z');
    const from = world.fake.calls.length;
    expect(await deliveries.tick()).toMatchObject({ sent: 2 });
    const post = await postIn(CHANNEL, from);
    expect(post.body.content).toContain('📅 **今日の問題**');
    expect(post.body.content).toContain('まだ誰も回答していません');
    expect((await postIn(OTHER_CHANNEL, from)).body.content).toContain('📅 **Frage des Tages**');

    // A member whose app is in Spanish: their verdict is Spanish, the channel's count stays Japanese.
    const messageId = '1300000000000009150';
    const message = sentMessage(post.body, { id: messageId, channel: CHANNEL });
    const beforeAnswer = world.fake.calls.length;
    const verdict = await bot.send(
      inLanguage(
        buttonClick(buttonId(post.body, '2. bridge'), message, { user: world.newUser('eva'), guild }),
        'es-ES',
        'ja',
      ),
    );
    expect(verdict.data.content).toContain('¡Correcto!');
    const count = await world.fake.waitFor(
      (call) => call.method === 'PATCH' && call.path === `/channels/${CHANNEL}/messages/${messageId}`,
      beforeAnswer,
    );
    expect(count.body.content).toContain('1人が回答しました');

    world.clock.set('2026-05-05T00:00:30Z');
    const beforeClose = world.fake.calls.length;
    expect(await deliveries.tick()).toMatchObject({ closed: 2 });
    const edit = await world.fake.waitFor(
      (call) => call.method === 'PATCH' && call.path.startsWith(`/channels/${CHANNEL}/messages/`),
      beforeClose,
    );
    expect(edit.body.content).toContain('この日の回答は締め切りました:1人が回答しました。');
    expect(edit.body.content).toContain('**答え:** bridge');
    expect(edit.body.content).not.toContain('The day is over');
    expect(buttonsOf(edit.body).every((button) => button.disabled)).toBe(true);

    // A click on the closed Japanese post does not edit it again.
    const closed = sentMessage(edit.body, { id: messageId, channel: CHANNEL });
    const afterClose = world.fake.calls.length;
    await bot.send(
      inLanguage(
        buttonClick(buttonId(edit.body, '1. host'), closed, { user: world.newUser('kai'), guild }),
        'ja',
        'ja',
      ),
    );
    expect(world.fake.calls.slice(afterClose).filter((call) => call.method === 'PATCH')).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('GIVEN the server changes its language THEN the next question follows it without /daily set again; a channel with its own keeps it', async () => {
    // Any command from the server tells its language now: Spanish.
    await bot.send(inLanguage(slashCommand('leaderboard', [], { guild }), 'en-US', 'es-ES'));
    world.clock.set('2026-05-05T10:00:30Z');
    const from = world.fake.calls.length;
    // The two questions, and the first test's two reminders (their cards are still due).
    expect(await deliveries.tick()).toMatchObject({ sent: 4 });
    expect((await postIn(CHANNEL, from)).body.content).toContain('📅 **Pregunta del día**');
    expect((await postIn(OTHER_CHANNEL, from)).body.content).toContain('📅 **Frage des Tages**');
    expect(problems).toEqual([]);
  });
});
