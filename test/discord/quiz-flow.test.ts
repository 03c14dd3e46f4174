import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviews, users } from '../../src/db/schema.ts';
import { buttonId, buttonsOf, EPHEMERAL, RESPONSE } from './support/client.ts';
import {
  buttonClick,
  legacyModalSubmit,
  modalSubmit,
  STRING,
  sentMessage,
  slashCommand,
  type TestUser,
} from './support/payloads.ts';
import { type Bot, World } from './support/world.ts';

let world: World;
const bots: Record<'http' | 'gateway', Bot> = {} as Record<'http' | 'gateway', Bot>;

beforeAll(async () => {
  world = await World.start();
  bots.http = await world.httpBot();
  bots.gateway = await world.gatewayBot();
});
afterAll(() => world.close());

async function reviewsOf(user: TestUser) {
  return world.db.db
    .select({
      verdict: reviews.verdict,
      rating: reviews.rating,
      answer: reviews.answer,
      tenant: reviews.tenantId,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(and(eq(users.platform, 'discord'), eq(users.externalId, user.id)))
    .orderBy(reviews.id);
}

describe.each(['http', 'gateway'] as const)('/quiz in %s mode', (mode) => {
  const quiz = (user: TestUser, deck: string) =>
    bots[mode].send(slashCommand('quiz', [{ name: 'deck', type: STRING, value: deck }], { user }));
  // biome-ignore lint/suspicious/noExplicitAny: response JSON
  const click = (user: TestUser, response: any, label: string | RegExp) =>
    bots[mode].send(buttonClick(buttonId(response.data, label), sentMessage(response.data), { user }));

  it('GIVEN a typed card WHEN the member answers in the modal THEN the verdict replaces the card and the review is stored', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'typed');
    expect(card.type).toBe(RESPONSE.MESSAGE);
    expect(card.data.flags).toBe(EPHEMERAL);
    expect(card.data.allowed_mentions).toEqual({ parse: [] });
    expect(card.data.content).toContain('What is a running instance of a Docker image called?');
    expect(buttonsOf(card.data).map((b) => b.label)).toEqual(['Answer', 'I don’t know']);

    const modal = await click(user, card, 'Answer');
    expect(modal.type).toBe(RESPONSE.MODAL);
    expect(modal.data.title).toBe('Your answer');
    expect(JSON.stringify(modal.data.components)).toContain('What is a running instance');
    const field = modal.data.components.find((c: { type: number }) => c.type === 18).component;
    expect(field).toMatchObject({ type: 4, custom_id: 'answer', style: 1, required: true });

    world.clock.advance(12_000); // a typical answer time: Good, not Easy
    const verdict = await bots[mode].send(
      modalSubmit(modal.data.custom_id, 'container', sentMessage(card.data), { user }),
    );
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.content).toContain('✅ **Correct!**');
    expect(verdict.data.content).toContain('**Answer:** container');
    expect(verdict.data.content).toContain('Rated **Good** · back **in 10 minutes**.');
    expect(verdict.data.allowed_mentions).toEqual({ parse: [] });
    expect(buttonsOf(verdict.data).map((b) => b.label)).toEqual(['Next card', 'Suspend', 'Bury']);
    expect(await reviewsOf(user)).toEqual([
      { verdict: 'correct', rating: 3, answer: 'container', tenant: 'discord:1300000000000000100' },
    ]);
  });

  it('GIVEN a wrong typed answer WHEN the member says "I was right" THEN the review is re-rated Good', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'typed');
    const modal = await click(user, card, 'Answer');
    // The older modal shape (text input in an action row) is read as well.
    const verdict = await bots[mode].send(
      legacyModalSubmit(modal.data.custom_id, 'a virtual machine', sentMessage(card.data), { user }),
    );
    expect(verdict.data.content).toContain('❌ **Not quite.**');
    expect(verdict.data.content).toContain('**Your answer:** a virtual machine');
    expect(verdict.data.content).toContain('**Answer:** container');
    expect(buttonsOf(verdict.data).map((b) => b.label)).toEqual([
      'Next card',
      'I was right',
      'Suspend',
      'Bury',
    ]);

    const disputed = await click(user, verdict, 'I was right');
    expect(disputed.type).toBe(RESPONSE.MESSAGE);
    expect(disputed.data.flags).toBe(EPHEMERAL);
    expect(disputed.data.content).toContain('Re-rated **Good**');
    expect((await reviewsOf(user)).map((r) => r.rating)).toEqual([1, 3]);
  });

  it('GIVEN a typed card WHEN the member does not know THEN the answer is shown and the card counted as forgotten', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'typed');
    const verdict = await click(user, card, 'I don’t know');
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.content).toContain('**Your answer:** *(none)*');
    expect(verdict.data.content).toContain('**Answer:** container');
    expect((await reviewsOf(user)).map((r) => r.rating)).toEqual([1]);
  });

  it('GIVEN a multiple-choice card THEN each option is a button, and a click gives the verdict', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'choice');
    expect(buttonsOf(card.data).map((b) => b.label)).toEqual([
      '1. host',
      '2. bridge',
      '3. overlay',
      '4. macvlan',
    ]);
    expect(card.data.content).toContain('**2.** bridge');

    const verdict = await click(user, card, '1. host');
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.content).toContain('❌ **Not quite.**');
    expect(verdict.data.content).toContain('**You picked:** host');
    expect(verdict.data.content).toContain('**Answer:** bridge');
    expect(await reviewsOf(user)).toMatchObject([{ verdict: 'wrong', rating: 1, answer: 'host' }]);

    const next = await click(user, verdict, 'Next card');
    expect(next.type).toBe(RESPONSE.UPDATE);
    expect(next.data.content).toContain('Nothing due right now in `choice`');
  });

  it('GIVEN a self-graded card THEN "Show answer" shows it with Again / Hard / Good / Easy, and a rating is stored', async () => {
    const user = world.newUser();
    const card = await quiz(user, 'self');
    expect(buttonsOf(card.data).map((b) => b.label)).toEqual(['Show answer']);
    expect(card.data.content).not.toContain('cached layer');

    const shown = await click(user, card, 'Show answer');
    expect(shown.type).toBe(RESPONSE.UPDATE);
    expect(shown.data.content).toContain('**Answer:** Each instruction adds a cached layer.');
    expect(buttonsOf(shown.data).map((b) => b.label)).toEqual(['Again', 'Hard', 'Good', 'Easy']);

    const verdict = await click(user, shown, 'Easy');
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.content).toContain('📝 **Noted.**');
    expect(verdict.data.content).toContain('Rated **Easy**');
    expect(await reviewsOf(user)).toMatchObject([{ verdict: 'self', rating: 4 }]);
  });

  it('GIVEN /quiz with no deck THEN "Next card" goes on through every deck', async () => {
    const user = world.newUser();
    const first = await bots[mode].send(slashCommand('quiz', [], { user }));
    expect(first.data.content).toContain('`choice` · new');
    const verdict = await click(user, first, '2. bridge');
    const next = await click(user, verdict, 'Next card');
    expect(next.data.content).toContain('`hostile` · new');
  });

  it('GIVEN an unknown deck THEN the member is told, and no card is dealt', async () => {
    const user = world.newUser();
    const reply = await quiz(user, 'no-such-deck');
    expect(reply.data.content).toBe('There is no deck “no-such-deck”: `/deck list` shows them.');
    expect(buttonsOf(reply.data)).toEqual([]);
  });
});

describe('gateway mode', () => {
  it('GIVEN the bot logged in THEN it asked Discord for the shard count (automatic sharding) and identified with the Guilds intent only', async () => {
    expect(world.fake.callsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
    expect(world.fake.gateway.identifies).toHaveLength(1);
    expect(world.fake.gateway.identifies[0]?.d).toMatchObject({
      token: 'test-bot-token',
      intents: 1,
      shard: [0, 1],
    });
  });

  it('GIVEN interactions through the gateway THEN every first response went through the REST callback, without the bot token', () => {
    const callbacks = world.fake.callsTo('POST', /^\/interactions\/\d+\/[^/]+\/callback$/);
    expect(callbacks.length).toBeGreaterThan(10);
    for (const call of callbacks) expect(call.headers.authorization).toBeUndefined();
  });
});
