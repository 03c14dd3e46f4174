import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInteraction } from '../../src/adapters/discord/interaction.ts';
import { prompts, reviews, users } from '../../src/db/schema.ts';
import { buttonId, EPHEMERAL, RESPONSE } from './support/client.ts';
import { buttonClick, GUILD, OTHER_GUILD, STRING, sentMessage, slashCommand } from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

const tenantsOf = async (userId: string) =>
  (
    await world.db.db
      .select({ tenant: reviews.tenantId })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .where(eq(users.externalId, userId))
  ).map((row) => row.tenant);

describe('Discord user install', () => {
  it('GIVEN a user-installed command in a DM (no guild, no member) THEN it parses with no server', () => {
    const user = world.newUser();
    const payload = slashCommand('quiz', [], { user, guild: null, install: 'user' });
    expect(payload).not.toHaveProperty('guild_id');
    expect(payload).not.toHaveProperty('member');
    const parsed = parseInteraction(payload);
    expect(parsed).toMatchObject({ ok: true, interaction: { guildId: null, user: { id: user.id } } });
  });

  it('GIVEN a user-installed command in a server that has not installed Mnemo THEN it is not that server', () => {
    const parsed = parseInteraction(slashCommand('stats', [], { guild: OTHER_GUILD, install: 'user' }));
    expect(parsed).toMatchObject({ ok: true, interaction: { guildId: null } });
    const installed = parseInteraction(slashCommand('stats', [], { guild: OTHER_GUILD }));
    expect(installed).toMatchObject({ ok: true, interaction: { guildId: OTHER_GUILD } });
  });

  it('GIVEN /quiz in a DM with no guild THEN a card only they see, answered through the fake API, in their own place', async () => {
    const user = world.newUser();
    const where = { user, guild: null, install: 'user' as const };
    const card = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], where),
    );
    expect(card).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    expect(card.data.content).toContain('Which network driver');
    const verdict = await bot.send(
      buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), where),
    );
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.content).toContain('✅ **Correct!**');
    expect(await tenantsOf(user.id)).toEqual(['discord:personal']);

    // Their progress is theirs everywhere: the card is not due again in a server that installed Mnemo.
    const there = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user, guild: GUILD }),
    );
    expect(there.data.content).not.toContain('Which network driver');
    const stats = await bot.send(slashCommand('stats', [], { user, guild: OTHER_GUILD, install: 'user' }));
    expect(stats.data.content).toContain('Reviewed today: **1**');
  });

  it('GIVEN /quiz in a server without Mnemo THEN the review is the person’s, not that server’s', async () => {
    const user = world.newUser();
    const where = { user, guild: OTHER_GUILD, install: 'user' as const };
    const card = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], where),
    );
    expect(card.data.flags).toBe(EPHEMERAL);
    await bot.send(buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), where));
    expect(await tenantsOf(user.id)).toEqual(['discord:personal']);
    const dealt = await world.db.db.select({ tenant: prompts.tenantId }).from(prompts);
    expect(dealt.map((row) => row.tenant)).not.toContain(`discord:${OTHER_GUILD}`);
  });

  it('GIVEN /deck list in a DM THEN everyone’s decks', async () => {
    const reply = await bot.send(
      slashCommand('deck', [{ name: 'list', type: 1, options: [] }], { guild: null, install: 'user' }),
    );
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toContain('choice');
  });

  it('GIVEN /daily or /leaderboard by user install THEN a polite refusal: they belong to a server', async () => {
    for (const where of [
      { guild: null, install: 'user' as const },
      { guild: OTHER_GUILD, install: 'user' as const },
    ]) {
      const reply = await bot.send(slashCommand('daily', [{ name: 'list', type: 1, options: [] }], where));
      expect(reply).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
      expect(reply.data.content).toBe(
        'This works in a server, not in DMs: use it in a channel of your server.',
      );
    }
  });
});
