import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonId, buttonsOf, EPHEMERAL, RESPONSE } from './support/client.ts';
import {
  buttonClick,
  GUILD,
  STRING,
  sentMessage,
  slashCommand,
  subcommand,
  type TestUser,
} from './support/payloads.ts';
import { type HttpBot, type ResponseJson, World } from './support/world.ts';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

/** The person answers the choice card right in the server. */
async function answerCard(user: TestUser) {
  const card = await bot.send(
    slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user }),
  );
  await bot.send(buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user }));
}

/** The JSON of an export reply. */
function exported(reply: ResponseJson) {
  const [, json = ''] = /```json\n([\s\S]*)\n```/.exec(reply.data.content) ?? [];
  return JSON.parse(json);
}

describe('/privacy', () => {
  it('GIVEN reviews THEN export shows them to the person only, delete asks then erases, and export again is empty', async () => {
    const user = world.newUser();
    await answerCard(user);

    const before = await bot.send(slashCommand('privacy', [subcommand('export', [])], { user }));
    expect(before).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    const data = exported(before);
    expect(data).toMatchObject({ format: 'mnemo-personal-data/1', person: `discord:${user.id}` });
    expect(data.reviews).toHaveLength(1);
    expect(data.reviews[0]).toMatchObject({ cardId: 'choice-network', tenantId: `discord:${GUILD}` });
    expect(data.cardStates).toHaveLength(1);

    // In a DM too: the data is the person's, not a server's.
    const asked = await bot.send(slashCommand('privacy', [subcommand('delete', [])], { user, guild: null }));
    expect(asked.data.flags).toBe(EPHEMERAL);
    expect(asked.data.content).toContain('erases your settings, card states, reviews');
    expect(buttonsOf(asked.data).map((b: { label: string }) => b.label)).toEqual(['Erase my data']);
    // Nothing is erased before the button.
    const still = await bot.send(slashCommand('privacy', [subcommand('export', [])], { user }));
    expect(exported(still).reviews).toHaveLength(1);

    const erased = await bot.send(
      buttonClick(buttonId(asked.data, 'Erase my data'), sentMessage(asked.data), { user, guild: null }),
    );
    expect(erased.type).toBe(RESPONSE.UPDATE);
    expect(erased.data.content).toContain('**Erased**');
    expect(erased.data.content).toContain('1 review');
    expect(erased.data.content).toContain('1 card state');
    expect(erased.data.content).not.toContain('bridge');
    expect(world.logs).toContainEqual(
      expect.objectContaining({ msg: 'personal data erased', rows: expect.any(Number) }),
    );

    const after = exported(await bot.send(slashCommand('privacy', [subcommand('export', [])], { user })));
    expect(after).toMatchObject({ settings: null, cardStates: [], reviews: [], prompts: [], reminders: [] });
  });

  it('GIVEN a person never seen WHEN they confirm an erase THEN they are told nothing was stored', async () => {
    const user = world.newUser();
    const asked = await bot.send(slashCommand('privacy', [subcommand('delete', [])], { user }));
    const erased = await bot.send(
      buttonClick(buttonId(asked.data, 'Erase my data'), sentMessage(asked.data), { user }),
    );
    expect(erased.data.content).toBe('Nothing was stored about you, so nothing was erased.');
  });
});

describe('/settings leaderboard', () => {
  it('GIVEN leaderboard:off THEN the person leaves the leaderboard, and leaderboard:on brings them back', async () => {
    const user = world.newUser();
    await answerCard(user);
    const board = async () => (await bot.send(slashCommand('leaderboard', []))).data.content as string;
    expect(await board()).toContain(`<@${user.id}>`);

    const off = await bot.send(
      slashCommand('settings', [{ name: 'leaderboard', type: STRING, value: 'off' }], { user }),
    );
    expect(off.data.flags).toBe(EPHEMERAL);
    expect(off.data.content).toBe('✅ You are **hidden** from leaderboards now.');
    expect(await board()).not.toContain(user.id);

    await bot.send(slashCommand('settings', [{ name: 'leaderboard', type: STRING, value: 'on' }], { user }));
    expect(await board()).toContain(`<@${user.id}>`);
  });
});
