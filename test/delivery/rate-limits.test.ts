import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBot } from '../../src/bot.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { FakeDiscord } from '../discord/support/fake-discord.ts';
import { APP_ID } from '../discord/support/payloads.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, TestClock, typedCard } from '../support/fixtures.ts';

const CHANNELS = 200;
let db: TestDatabase;
let fake: FakeDiscord;

beforeAll(async () => {
  db = await freshDatabase();
  fake = await new FakeDiscord().start();
  await syncDecks(
    db.db,
    [deckOf('rate', [typedCard('rate-1', 'container'), typedCard('rate-2', 'image')])],
    [],
  );
});
afterAll(async () => {
  await fake.close();
  await db.dispose();
});

describe('delivery under Discord rate limits', () => {
  it(`GIVEN ${CHANNELS} channels due at once and a 429 on every channel's first post THEN each gets exactly one message`, async () => {
    const clock = new TestClock('2026-03-02T06:00:00Z');
    const { community, deliveries, metrics } = await buildBot({
      config: {
        discord: {
          mode: 'http',
          token: 'rate-limit-test-token',
          applicationId: APP_ID,
          publicKey: '0'.repeat(64),
          guildId: null,
          apiUrl: fake.apiUrl,
        },
        slack: null,
        deliveryLeaseMs: 60_000,
        databasePoolSize: 1,
      },
      connection: db,
      clock,
      newId: randomUUID,
      log: pino({ level: 'silent' }),
    });
    const place = { tenantId: 'discord:1300000000000000100', platform: 'discord' };
    const admin = { platform: 'discord', externalId: 'admin', isAdmin: true };
    const channels = Array.from(
      { length: CHANNELS },
      (_, i) => `18000000000000${String(i).padStart(5, '0')}`,
    );
    for (const channelId of channels) {
      const set = await community.setDaily(place, admin, {
        channelId,
        localTime: '07:00',
        timeZone: 'UTC',
        deckId: 'rate',
      });
      expect(set.ok).toBe(true);
    }
    fake.rateLimitFirst(/^\/channels\/\d+\/messages$/, 0.05);
    clock.set('2026-03-02T07:00:30Z');
    let sent = 0;
    for (let tick = 0; tick < 5 && sent < CHANNELS; tick++) sent += (await deliveries.tick()).sent;

    expect(sent).toBe(CHANNELS);
    expect(fake.rateLimitedCalls).toHaveLength(CHANNELS);
    const platformErrors = (await metrics.platformErrors.get()).values;
    expect(platformErrors).toEqual([{ labels: { platform: 'discord', status: 429 }, value: CHANNELS }]);
    const perChannel = new Map<string, number>();
    for (const message of fake.created)
      perChannel.set(message.channel_id, (perChannel.get(message.channel_id) ?? 0) + 1);
    expect([...perChannel.keys()].sort()).toEqual(channels);
    expect([...perChannel.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);
});
