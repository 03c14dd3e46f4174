import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../src/adapters/discord/index.ts';
import type { Card } from '../../src/core/deck/card.ts';
import type { DailyQuestion } from '../../src/core/delivery/ports.ts';
import { MnemoError } from '../../src/core/errors.ts';
import { deliveries, prompts, reviews, users } from '../../src/db/schema.ts';
import { buttonId, buttonsOf, EPHEMERAL, RESPONSE } from './support/client.ts';
import type { RecordedCall } from './support/fake-discord.ts';
import { buttonClick, CHANNEL, GUILD, modalSubmit, sentMessage, type TestUser } from './support/payloads.ts';
import { type Bot, testDecks, World } from './support/world.ts';

let world: World;
const bots = {} as Record<'http' | 'gateway', Bot>;

beforeAll(async () => {
  world = await World.start();
  bots.http = await world.httpBot();
  bots.gateway = await world.gatewayBot();
});
afterAll(() => world.close());

function card(id: string): Card {
  const found = testDecks()
    .flatMap((deck) => deck.cards.map((c) => ({ ...c, deckId: deck.id })))
    .find((c) => c.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
}

let days = 0;

/** A delivery of a channel's question of the day, as the delivery scheduler would have stored it. */
async function question(cardId: string, channelId = CHANNEL): Promise<DailyQuestion> {
  const set = await world.community.setDaily(
    { tenantId: `discord:${GUILD}`, platform: 'discord' },
    { platform: 'discord', externalId: 'admin', isAdmin: true },
    { channelId, localTime: '09:00', timeZone: 'UTC', deckId: null },
  );
  if (!set.ok) throw new Error(set.code);
  const [row] = await world.db.db
    .insert(deliveries)
    .values({
      subscriptionId: set.daily.id,
      localDate: new Date(Date.UTC(2026, 0, ++days)).toISOString().slice(0, 10),
      dueAt: world.clock.now(),
      endsAt: new Date(world.clock.now().getTime() + 86_400_000),
      status: 'sending',
      cardId,
    })
    .returning({ id: deliveries.id });
  if (!row) throw new Error('no delivery stored');
  return {
    deliveryId: row.id,
    tenantId: `discord:${GUILD}`,
    channelId,
    card: card(cardId),
    localDate: '2026-05-04',
    locale: 'en',
  };
}

async function reviewsOf(user: TestUser) {
  return world.db.db
    .select({ verdict: reviews.verdict, tenant: reviews.tenantId })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(and(eq(users.platform, 'discord'), eq(users.externalId, user.id)));
}

const messenger = (bot: Bot): DiscordAdapter['messenger'] => bot.adapter.messenger;

/** The channel message as Discord would include it in a click on it. */
function postedMessage(call: RecordedCall, messageId: string) {
  return sentMessage(call.body, { id: messageId, channel: CHANNEL });
}

async function countEdit(messageId: string, from: number, answered: string): Promise<RecordedCall> {
  return world.fake.waitFor(
    (call) =>
      call.method === 'PATCH' &&
      call.path === `/channels/${CHANNEL}/messages/${messageId}` &&
      call.body.content.includes(answered),
    from,
  );
}

describe.each(['http', 'gateway'] as const)('a channel question of the day in %s mode', (mode) => {
  it('GIVEN a posted multiple-choice question THEN each member answers with the buttons, sees their own verdict, and the count goes up', async () => {
    const daily = await question('choice-network');
    const from = world.fake.calls.length;
    const sent = await messenger(bots[mode]).postDailyQuestion(daily, `daily:${daily.deliveryId}:2026-05-04`);
    const post = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === `/channels/${CHANNEL}/messages`,
      from,
    );
    expect(sent).toEqual({ messageId: expect.stringMatching(/^\d+$/), channelId: CHANNEL });
    expect(post.body).toMatchObject({
      nonce: `daily:${daily.deliveryId}:2026-05-04`,
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(post.body.flags).toBeUndefined();
    expect(post.body.content).toContain('📅 **Question of the day**');
    expect(post.body.content).toContain('No one has answered yet');
    expect(buttonsOf(post.body).map((b) => b.label)).toEqual([
      '1. host',
      '2. bridge',
      '3. overlay',
      '4. macvlan',
    ]);

    const alice = world.newUser('alice');
    const bob = world.newUser('bob');
    const message = postedMessage(post, sent.messageId);
    const beforeAlice = world.fake.calls.length;
    const aliceVerdict = await bots[mode].send(
      buttonClick(buttonId(post.body, '2. bridge'), message, { user: alice }),
    );
    expect(aliceVerdict).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    expect(aliceVerdict.data.content).toContain('✅ **Correct!**');
    await countEdit(sent.messageId, beforeAlice, '1 member answered');

    const beforeBob = world.fake.calls.length;
    const bobVerdict = await bots[mode].send(
      buttonClick(buttonId(post.body, '1. host'), message, { user: bob }),
    );
    expect(bobVerdict.data.content).toContain('❌ **Not quite.**');
    const edit = await countEdit(sent.messageId, beforeBob, '2 members answered');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(edit.body).every((button) => !button.disabled)).toBe(true);

    // Alice again: her first answer stands, and the count stays.
    const again = await bots[mode].send(
      buttonClick(buttonId(post.body, '3. overlay'), message, { user: alice }),
    );
    expect(again.data.content).toContain('↩️ **Already answered**');
    expect(again.data.content).toContain('**You picked:** bridge');
    expect(await reviewsOf(alice)).toEqual([{ verdict: 'correct', tenant: `discord:${GUILD}` }]);
    expect(await reviewsOf(bob)).toEqual([{ verdict: 'wrong', tenant: `discord:${GUILD}` }]);
  });
});

describe('a channel question of the day', () => {
  const bot = () => bots.http;

  it('GIVEN a typed question THEN "Answer" opens the modal, and the answer gets an ephemeral verdict and counts', async () => {
    const daily = await question('typed-container');
    const from = world.fake.calls.length;
    const sent = await messenger(bot()).postDailyQuestion(daily, `typed-${daily.deliveryId}`);
    const post = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === `/channels/${CHANNEL}/messages`,
      from,
    );
    expect(buttonsOf(post.body).map((b) => b.label)).toEqual(['Answer']);
    const user = world.newUser();
    const message = postedMessage(post, sent.messageId);
    const modal = await bot().send(buttonClick(buttonId(post.body, 'Answer'), message, { user }));
    expect(modal.type).toBe(RESPONSE.MODAL);
    const before = world.fake.calls.length;
    const verdict = await bot().send(modalSubmit(modal.data.custom_id, 'container', message, { user }));
    expect(verdict).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    expect(verdict.data.content).toContain('✅ **Correct!**');
    await countEdit(sent.messageId, before, '1 member answered');
  });

  it('GIVEN a self-graded question THEN "Show answer & rate" shows the member the answer, and their rating counts', async () => {
    const daily = await question('self-layers');
    const from = world.fake.calls.length;
    const sent = await messenger(bot()).postDailyQuestion(daily, `self-${daily.deliveryId}`);
    const post = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === `/channels/${CHANNEL}/messages`,
      from,
    );
    expect(post.body.content).not.toContain('cached layer');
    const user = world.newUser();
    const shown = await bot().send(
      buttonClick(buttonId(post.body, 'Show answer & rate'), postedMessage(post, sent.messageId), { user }),
    );
    expect(shown).toMatchObject({ type: RESPONSE.MESSAGE, data: { flags: EPHEMERAL } });
    expect(shown.data.content).toContain('**Answer:** Each instruction adds a cached layer.');
    const before = world.fake.calls.length;
    const verdict = await bot().send(
      buttonClick(buttonId(shown.data, 'Good'), sentMessage(shown.data), { user }),
    );
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.content).toContain('Rated **Good**');
    await countEdit(sent.messageId, before, '1 member answered');
  });

  it('GIVEN the day is over THEN the message shows the answer and the buttons are disabled', async () => {
    const daily = await question('choice-network');
    const sent = { messageId: '1300000000000007777', channelId: CHANNEL };
    const from = world.fake.calls.length;
    await messenger(bot()).updateDailyQuestion(daily, sent, { answered: 3, revealAnswer: true });
    const edit = await world.fake.waitFor(
      (call) => call.method === 'PATCH' && call.path === `/channels/${CHANNEL}/messages/${sent.messageId}`,
      from,
    );
    expect(edit.body.content).toContain('**Answer:** bridge');
    expect(edit.body.content).toContain('The day is over: 3 members answered.');
    expect(buttonsOf(edit.body).map((b) => [b.label, b.disabled, b.style])).toEqual([
      ['1. host', true, 2],
      ['2. bridge', true, 3],
      ['3. overlay', true, 2],
      ['4. macvlan', true, 2],
    ]);
  });

  it('GIVEN an idempotency key longer than a Discord nonce THEN a stable 25-character nonce is sent', async () => {
    const daily = await question('choice-network');
    const key = `daily-question:${daily.deliveryId}:${'x'.repeat(40)}`;
    const from = world.fake.calls.length;
    await messenger(bot()).postDailyQuestion(daily, key);
    await messenger(bot()).postDailyQuestion(daily, key);
    const posts = world.fake.calls
      .slice(from)
      .filter((call) => call.method === 'POST' && call.path.startsWith('/channels/'));
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body.nonce).toHaveLength(25);
    expect(posts[1]?.body.nonce).toBe(posts[0]?.body.nonce);
  });

  it('GIVEN Discord refuses the channel THEN PLATFORM_REJECTED, with its reason', async () => {
    const hidden = await question('choice-network', '1300000000000000403');
    world.fake.failWith('POST', /^\/channels\/1300000000000000403\/messages$/, {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    const refused = messenger(bot()).postDailyQuestion(hidden, 'k403');
    await expect(refused).rejects.toBeInstanceOf(MnemoError);
    await expect(refused).rejects.toMatchObject({
      code: 'PLATFORM_REJECTED',
      message: expect.stringContaining('Missing Access'),
    });
  });

  it('GIVEN Discord refuses the bot token THEN PLATFORM_UNAUTHORIZED, for that send and every later one', async () => {
    // A bot of its own: discord.js drops a refused token, and the other tests go on with theirs.
    const refusedBot = await world.httpBot();
    const daily = await question('choice-network', '1300000000000000401');
    world.fake.failWith('POST', /^\/channels\/1300000000000000401\/messages$/, {
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    await expect(messenger(refusedBot).postDailyQuestion(daily, 'k401')).rejects.toMatchObject({
      code: 'PLATFORM_UNAUTHORIZED',
    });
    const reminder = {
      deliveryId: 2,
      tenantId: `discord:${GUILD}`,
      userExternalId: world.newUser().id,
      dueCount: 1,
      locale: 'en' as const,
    };
    await expect(messenger(refusedBot).sendReminder(reminder, 'k401b')).rejects.toMatchObject({
      code: 'PLATFORM_UNAUTHORIZED',
    });
  });
});

describe('a DM reminder', () => {
  it('GIVEN due cards THEN a DM says how many, and "Start review" deals a card in the name of that server', async () => {
    const user = world.newUser();
    const from = world.fake.calls.length;
    const sent = await bots.http.adapter.messenger.sendReminder(
      { deliveryId: 1, tenantId: `discord:${GUILD}`, userExternalId: user.id, dueCount: 3, locale: 'en' },
      'reminder:1:2026-05-04',
    );
    const open = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === '/users/@me/channels',
      from,
    );
    expect(open.body).toEqual({ recipient_id: user.id });
    const dm = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === `/channels/${sent.channelId}/messages`,
      from,
    );
    expect(dm.body).toMatchObject({
      nonce: 'reminder:1:2026-05-04',
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(dm.body.content).toBe('⏰ You have **3 cards** due. A few minutes now keeps them fresh.');

    // The click comes from the DM: no guild in the interaction, the server is in the button.
    const where = { user, guild: null, channel: sent.channelId };
    const card = await bots.http.send(
      buttonClick(
        buttonId(dm.body, 'Start review'),
        sentMessage(dm.body, { id: sent.messageId, channel: sent.channelId }),
        where,
      ),
    );
    expect(card.type).toBe(RESPONSE.MESSAGE);
    expect(card.data.content).toContain('**Question**');
    const verdict = await bots.http.send(
      buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), where),
    );
    expect(verdict.data.content).toContain('✅ **Correct!**');
    const next = await bots.http.send(
      buttonClick(buttonId(verdict.data, 'Next card'), sentMessage(verdict.data), where),
    );
    expect(next.type).toBe(RESPONSE.UPDATE);
    const dealt = await world.db.db
      .select({ tenant: prompts.tenantId })
      .from(prompts)
      .innerJoin(users, eq(users.id, prompts.userId))
      .where(eq(users.externalId, user.id));
    expect(dealt.map((row) => row.tenant)).toEqual([`discord:${GUILD}`, `discord:${GUILD}`]);
  });
});

describe('buttons posted by an earlier version (custom ids mn:<tag>:…)', () => {
  it('GIVEN a question of the day posted with the old ids THEN its options still answer and count', async () => {
    const daily = await question('choice-network');
    const from = world.fake.calls.length;
    const sent = await messenger(bots.http).postDailyQuestion(daily, `legacy-${daily.deliveryId}`);
    const post = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === `/channels/${CHANNEL}/messages`,
      from,
    );
    const user = world.newUser();
    const before = world.fake.calls.length;
    const old = `mn:dopt:${daily.deliveryId}:1:${daily.card.id}`;
    const verdict = await bots.http.send(buttonClick(old, postedMessage(post, sent.messageId), { user }));
    expect(verdict.data.content).toContain('✅ **Correct!**');
    await countEdit(sent.messageId, before, '1 member answered');
  });

  it('GIVEN an old reminder\'s "Start review" in a DM THEN a card is dealt in the name of its server', async () => {
    const user = world.newUser();
    const where = { user, guild: null, channel: '1300000000000000555' };
    const dm = sentMessage({ content: 'reminder', components: [] }, { channel: where.channel });
    const card = await bots.http.send(buttonClick(`mn:start:${GUILD}`, dm, where));
    expect(card.type).toBe(RESPONSE.MESSAGE);
    expect(card.data.content).toContain('**Question**');
    const dealt = await world.db.db
      .select({ tenant: prompts.tenantId })
      .from(prompts)
      .innerJoin(users, eq(users.id, prompts.userId))
      .where(and(eq(users.platform, 'discord'), eq(users.externalId, user.id)));
    expect(dealt).toEqual([{ tenant: `discord:${GUILD}` }]);
  });
});
