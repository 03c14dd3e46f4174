import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliveries } from '../../src/core/delivery/deliveries.ts';
import { PgDeliveryStore } from '../../src/db/delivery-store.ts';
import { buttonId, buttonsOf } from './support/client.ts';
import { buttonClick, CHANNEL, GUILD, sentMessage } from './support/payloads.ts';
import { type Bot, World } from './support/world.ts';

let world: World;
let bot: Bot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

describe('the end of a channel question of the day, driven by the delivery ticks', () => {
  it('GIVEN two members answered THEN the end-of-day edit says "2 members answered", a real count', async () => {
    const set = await world.community.setDaily(
      { tenantId: `discord:${GUILD}`, platform: 'discord' },
      { platform: 'discord', externalId: 'admin', isAdmin: true },
      { channelId: CHANNEL, localTime: '10:00', timeZone: 'UTC', deckId: 'choice' },
    );
    expect(set.ok).toBe(true);
    const problems: string[] = [];
    const deliveries = new Deliveries({
      store: new PgDeliveryStore(world.db),
      clock: world.clock,
      messengers: { discord: bot.adapter.messenger },
      onProblem: (problem) => problems.push(problem.message),
    });

    world.clock.set('2026-05-04T10:00:30Z');
    const from = world.fake.calls.length;
    expect(await deliveries.tick()).toMatchObject({ sent: 1 });
    const post = await world.fake.waitFor(
      (call) => call.method === 'POST' && call.path === `/channels/${CHANNEL}/messages`,
      from,
    );
    const messageId = '1300000000000009001';
    const message = sentMessage(post.body, { id: messageId, channel: CHANNEL });
    for (const [user, label] of [
      [world.newUser('ann'), '2. bridge'],
      [world.newUser('ben'), '1. host'],
    ] as const) {
      await bot.send(buttonClick(buttonId(post.body, label), message, { user }));
    }
    await world.fake.waitFor(
      (call) => call.method === 'PATCH' && call.body.content.includes('2 members'),
      from,
    );

    // The channel's day ends at midnight UTC; the next tick closes it.
    world.clock.set('2026-05-05T00:00:30Z');
    const beforeClose = world.fake.calls.length;
    expect(await deliveries.tick()).toMatchObject({ closed: 1 });
    const edit = await world.fake.waitFor(
      (call) => call.method === 'PATCH' && call.body.content.includes('The day is over'),
      beforeClose,
    );
    expect(edit.path).toMatch(new RegExp(`^/channels/${CHANNEL}/messages/\\d+$`));
    expect(edit.body.content).toContain('**Answer:** bridge');
    expect(edit.body.content).toContain('The day is over: 2 members answered.');
    expect(buttonsOf(edit.body).every((button) => button.disabled)).toBe(true);
    expect(problems).toEqual([]);
  });
});
