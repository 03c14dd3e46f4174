import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardStates, users } from '../../src/db/schema.ts';
import { buttonId, EPHEMERAL, RESPONSE } from './support/client.ts';
import {
  autocomplete,
  BOOLEAN,
  buttonClick,
  GUILD,
  INTEGER,
  NUMBER,
  OTHER_GUILD,
  STRING,
  sentMessage,
  slashCommand,
  subcommand,
  type TestUser,
} from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

/** A member answers the choice card right in a server. */
async function answerIn(user: TestUser, guild: string) {
  const card = await bot.send(
    slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user, guild }),
  );
  await bot.send(buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user, guild }));
}

describe('/stats', () => {
  it('GIVEN reviews in two servers THEN /stats counts them all: progress follows the person', async () => {
    const user = world.newUser();
    await answerIn(user, GUILD);
    const card = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'self' }], { user, guild: OTHER_GUILD }),
    );
    const shown = await bot.send(
      buttonClick(buttonId(card.data, 'Show answer'), sentMessage(card.data), { user, guild: OTHER_GUILD }),
    );
    await bot.send(
      buttonClick(buttonId(shown.data, 'Good'), sentMessage(shown.data), { user, guild: OTHER_GUILD }),
    );

    const stats = await bot.send(slashCommand('stats', [], { user, guild: null }));
    expect(stats).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    expect(stats.data.content).toContain('Reviewed today: **2**');
    expect(stats.data.content).toMatch(
      /Due now: \*\*\d+\*\* · today: \*\*\d+\*\* · tomorrow: \*\*\d+\*\* · this week: \*\*\d+\*\*/,
    );
    expect(stats.data.content).toContain('Retention (30 days): **100%**');
    expect(stats.data.content).toContain('Streak: **1 day**');
  });
});

describe('/settings', () => {
  it('GIVEN no option THEN the current settings, and DM reminders off in this server', async () => {
    const reply = await bot.send(slashCommand('settings', [], { user: world.newUser() }));
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toContain('Desired retention: **90%**');
    expect(reply.data.content).toContain('New cards per day: **20**');
    expect(reply.data.content).toContain('Maximum reviews per day: **200**');
    expect(reply.data.content).toContain('Time zone: **UTC**');
    expect(reply.data.content).toContain('DM reminders in this server: **off**');
  });

  it('GIVEN options THEN they are saved, and the reminder is on in this server only', async () => {
    const user = world.newUser();
    const changed = await bot.send(
      slashCommand(
        'settings',
        [
          { name: 'retention', type: NUMBER, value: 0.85 },
          { name: 'new_per_day', type: INTEGER, value: 5 },
          { name: 'max_reviews', type: INTEGER, value: 50 },
          { name: 'timezone', type: STRING, value: 'Europe/Berlin' },
          { name: 'reminders', type: BOOLEAN, value: true },
          { name: 'reminder_time', type: STRING, value: '07:45' },
        ],
        { user },
      ),
    );
    expect(changed.data.content).toContain('✅ **Settings saved.**');
    expect(changed.data.content).toContain('Desired retention: **85%**');
    expect(changed.data.content).toContain(
      'DM reminders in this server: **on**, at **07:45** (Europe/Berlin)',
    );
    const person = { platform: 'discord', externalId: user.id };
    expect(await world.quiz.settings(person)).toMatchObject({
      desiredRetention: 0.85,
      newPerDay: 5,
      maxReviewsPerDay: 50,
      timeZone: 'Europe/Berlin',
    });

    const elsewhere = await bot.send(slashCommand('settings', [], { user, guild: OTHER_GUILD }));
    expect(elsewhere.data.content).toContain('New cards per day: **5**');
    expect(elsewhere.data.content).toContain('DM reminders in this server: **off**');
  });

  it('GIVEN a value out of range THEN nothing is changed, and it says which', async () => {
    const user = world.newUser();
    const reply = await bot.send(
      slashCommand(
        'settings',
        [
          { name: 'new_per_day', type: INTEGER, value: 7 },
          { name: 'timezone', type: STRING, value: 'Atlantis/Lost' },
        ],
        { user },
      ),
    );
    expect(reply.data.content).toBe(
      'Nothing was changed: Time zone (`timezone`) must be an IANA time zone such as Europe/Berlin.',
    );
    expect(await world.quiz.settings({ platform: 'discord', externalId: user.id })).toMatchObject({
      newPerDay: 20,
    });
  });

  it('GIVEN reminders asked for in a DM THEN nothing is changed: reminders belong to a server', async () => {
    const user = world.newUser();
    const reply = await bot.send(
      slashCommand(
        'settings',
        [
          { name: 'new_per_day', type: INTEGER, value: 3 },
          { name: 'reminders', type: BOOLEAN, value: true },
        ],
        { user, guild: null },
      ),
    );
    expect(reply.data.content).toContain('Nothing was changed');
    expect(await world.quiz.settings({ platform: 'discord', externalId: user.id })).toMatchObject({
      newPerDay: 20,
    });
  });
});

describe('/settings reschedule', () => {
  /** The due dates of the person's card states. */
  async function dues(user: TestUser): Promise<number[]> {
    const rows = await world.db.db
      .select({ due: cardStates.due })
      .from(cardStates)
      .innerJoin(users, eq(users.id, cardStates.userId))
      .where(eq(users.externalId, user.id));
    return rows.map((row) => row.due.getTime());
  }

  it('GIVEN a card rated Easy WHEN the retention is lowered with reschedule THEN its due date moves later, once', async () => {
    const user = world.newUser();
    const card = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'self' }], { user }),
    );
    const shown = await bot.send(
      buttonClick(buttonId(card.data, 'Show answer'), sentMessage(card.data), { user }),
    );
    await bot.send(buttonClick(buttonId(shown.data, 'Easy'), sentMessage(shown.data), { user }));
    const before = await dues(user);
    expect(before).toHaveLength(1);

    const options = [
      { name: 'retention', type: NUMBER, value: 0.75 },
      { name: 'reschedule', type: BOOLEAN, value: true },
    ];
    const reply = await bot.send(slashCommand('settings', options, { user }));
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toContain('✅ **Settings saved.**');
    expect(reply.data.content).toContain(
      "🔁 **Rescheduled** from your reviews with FSRS's default parameters at 75% desired retention: 1 card of 1 got a new due date.",
    );
    const after = await dues(user);
    expect(after[0]).toBeGreaterThan(before[0] ?? Number.POSITIVE_INFINITY);

    const again = await bot.send(
      slashCommand('settings', [{ name: 'reschedule', type: BOOLEAN, value: true }], { user }),
    );
    expect(again.data.content).not.toContain('Settings saved');
    expect(again.data.content).toContain('0 cards of 1 got a new due date.');
    expect(await dues(user)).toEqual(after);
  });

  it('GIVEN no review yet THEN it says there is nothing to reschedule', async () => {
    const reply = await bot.send(
      slashCommand('settings', [{ name: 'reschedule', type: BOOLEAN, value: true }], {
        user: world.newUser(),
      }),
    );
    expect(reply.data.content).toBe('🔁 Nothing to reschedule: you have not reviewed a card yet.');
  });
});

describe('/leaderboard', () => {
  it("GIVEN reviews in two servers THEN each server's leaderboard shows its own members only, and pings no one", async () => {
    const here = world.newUser('here');
    const there = world.newUser('there');
    await answerIn(here, '1300000000000000501');
    await answerIn(there, '1300000000000000502');
    const board = await bot.send(
      slashCommand('leaderboard', [{ name: 'period', type: STRING, value: 'week' }], {
        guild: '1300000000000000501',
      }),
    );
    expect(board.type).toBe(RESPONSE.MESSAGE);
    expect(board.data.flags).toBeUndefined();
    expect(board.data.allowed_mentions).toEqual({ parse: [] });
    expect(board.data.content).toContain('🏆 **Leaderboard** · the last 7 days');
    expect(board.data.content).toContain(`🥇 <@${here.id}>: 1 review · 100% right · 🔥 1`);
    expect(board.data.content).not.toContain(there.id);
  });

  it('GIVEN a server with no reviews THEN it says so', async () => {
    const board = await bot.send(slashCommand('leaderboard', [], { guild: '1300000000000000503' }));
    expect(board.data.content).toBe(
      'No reviews in this server over the last 7 days yet. Be the first: `/quiz`.',
    );
  });
});

describe('/deck', () => {
  it('GIVEN /deck list THEN every deck with its card count', async () => {
    const reply = await bot.send(slashCommand('deck', [subcommand('list', [])]));
    expect(reply.data.content).toContain('• **Deck choice** (`choice`): 1 card');
    expect(reply.data.content).toContain('• **Deck typed** (`typed`): 1 card');
  });

  it('GIVEN /deck info THEN what the deck holds', async () => {
    const reply = await bot.send(
      slashCommand('deck', [subcommand('info', [{ name: 'deck', type: STRING, value: 'self' }])]),
    );
    expect(reply.data.content).toContain('🗂️ **Deck self** · `self`');
    expect(reply.data.content).toContain('Cards: **1**');
  });
});

describe('autocomplete', () => {
  it('GIVEN a deck option being typed THEN matching decks', async () => {
    const reply = await bot.send(
      autocomplete('quiz', [{ name: 'deck', type: STRING, value: 'ty', focused: true }]),
    );
    expect(reply).toEqual({
      type: RESPONSE.AUTOCOMPLETE,
      data: { choices: [{ name: 'Deck typed (typed)', value: 'typed' }] },
    });
  });

  it('GIVEN the deck of /daily set THEN "Every deck" comes first', async () => {
    const reply = await bot.send(
      autocomplete('daily', [subcommand('set', [{ name: 'deck', type: STRING, value: '', focused: true }])]),
    );
    expect(reply.data.choices[0]).toEqual({ name: 'Every deck', value: '*' });
    expect(reply.data.choices).toHaveLength(6);
  });

  it('GIVEN a time zone being typed THEN matching IANA names, at most 25', async () => {
    const berlin = await bot.send(
      autocomplete('settings', [{ name: 'timezone', type: STRING, value: 'berl', focused: true }]),
    );
    expect(berlin.data.choices).toEqual([{ name: 'Europe/Berlin', value: 'Europe/Berlin' }]);
    const many = await bot.send(
      autocomplete('settings', [{ name: 'timezone', type: STRING, value: 'a', focused: true }]),
    );
    expect(many.data.choices).toHaveLength(25);
  });
});
