import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/core/delivery/local-time.ts';
import { deliveries, subscriptions, tenants } from '../../src/db/schema.ts';
import { FakeDiscord } from '../discord/support/fake-discord.ts';
import {
  APP_ID,
  CHANNEL_OPTION,
  MANAGER_PERMISSIONS,
  STRING,
  slashCommand,
  subcommand,
} from '../discord/support/payloads.ts';
import { freshDatabase, ON_POSTGRES, type TestDatabase } from '../support/database.ts';
import { Instance } from '../support/instance.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';

const TENANT = 'discord:1300000000000000100';
const LEASE_SECONDS = 3;

let db: TestDatabase;
let fake: FakeDiscord;
let keys: { privateKey: KeyObject; publicKeyHex: string };
const running: Instance[] = [];

function environment(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    CARDS_DIR: 'test/fixtures/cards',
    PORT: '0',
    DISCORD_MODE: 'http',
    DISCORD_TOKEN: 'replica-test-token',
    DISCORD_APP_ID: APP_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: fake.apiUrl,
    DELIVERY_CRON: '* * * * * *', // every second, so the test does not wait for minutes
    DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
  };
}

async function replica(databaseUrl = db.url ?? ''): Promise<Instance> {
  const instance = await Instance.start(environment(databaseUrl));
  running.push(instance);
  return instance;
}

/** A channel question of the day that is due `inMs` from now, stored as `/daily set` would store it. */
async function dueSubscription(channelId: string, inMs: number): Promise<void> {
  const dueAt = new Date(Date.now() + inMs);
  await db.db.insert(tenants).values({ id: TENANT, platform: 'discord' }).onConflictDoNothing();
  await db.db.insert(subscriptions).values({
    tenantId: TENANT,
    kind: 'channel',
    channelId,
    deckId: 'tiny',
    localTime: dueAt.toISOString().slice(11, 16),
    timeZone: 'UTC',
    nextDueAt: dueAt,
    nextLocalDate: localDateOf(dueAt, 'UTC'),
  });
}

async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const createdIn = (channelId: string) => fake.created.filter((message) => message.channel_id === channelId);

beforeAll(async () => {
  if (!ON_POSTGRES) return;
  const pair = generateKeyPairSync('ed25519');
  const x = pair.publicKey.export({ format: 'jwk' }).x ?? '';
  keys = { privateKey: pair.privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
  fake = await new FakeDiscord().start();
  db = await freshDatabase();
});

afterAll(async () => {
  if (!ON_POSTGRES) return;
  for (const instance of running) instance.kill('SIGKILL');
  await Promise.all(running.map((instance) => instance.exited));
  await fake.close();
  await db.dispose();
});

describe.runIf(ON_POSTGRES)(
  'delivery with several replicas on one PostgreSQL (needs DATABASE_URL: PostgreSQL only, skipped on PGlite)',
  () => {
    it('GIVEN three replicas started at random moments THEN each of 20 subscriptions due at random times gets exactly one message', async () => {
      const started = await Promise.all(
        [0, 1, 2].map(async () => {
          await sleep(Math.floor(Math.random() * 1_500));
          return replica();
        }),
      );
      expect(started).toHaveLength(3);
      const channels = Array.from({ length: 20 }, (_, i) => `14000000000000000${String(i).padStart(2, '0')}`);
      for (const channel of channels) await dueSubscription(channel, Math.floor(Math.random() * 3_000));
      await until('20 messages', () => channels.every((channel) => createdIn(channel).length > 0));
      await sleep(2_500); // a few more ticks of every replica: nothing may come twice
      for (const channel of channels) expect(createdIn(channel), channel).toHaveLength(1);
      const rows = await db.db.select().from(deliveries);
      expect(rows.filter((row) => row.status === 'sent')).toHaveLength(20);
    });

    it('GIVEN a signed /daily set for the next minute on one replica THEN one message reaches Discord when that minute comes', async () => {
      const [first] = running;
      if (!first) throw new Error('no replica');
      const channel = '1400000000000000999';
      const nextMinute = new Date(Math.ceil((Date.now() + 1_000) / 60_000) * 60_000);
      const interaction = slashCommand(
        'daily',
        [
          subcommand('set', [
            { name: 'channel', type: CHANNEL_OPTION, value: channel },
            { name: 'time', type: STRING, value: nextMinute.toISOString().slice(11, 16) },
            { name: 'timezone', type: STRING, value: 'UTC' },
            { name: 'deck', type: STRING, value: 'tiny' },
          ]),
        ],
        { permissions: MANAGER_PERMISSIONS },
      );
      const body = JSON.stringify(interaction);
      const timestamp = String(Math.floor(Date.now() / 1_000));
      const response = await fetch(first.url('/discord/interactions'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex'),
          'x-signature-timestamp': timestamp,
        },
        body,
      });
      expect(response.status).toBe(200);
      const [stored] = await db.db.select().from(subscriptions).where(eq(subscriptions.channelId, channel));
      expect(stored?.nextDueAt.getTime()).toBe(nextMinute.getTime());
      expect(createdIn(channel)).toHaveLength(0);
      await until('the daily question', () => createdIn(channel).length > 0, 90_000);
      await sleep(2_500);
      expect(createdIn(channel)).toHaveLength(1);
    }, 120_000);

    it('GIVEN the sending replica is killed before Discord answers THEN another sends it, and no duplicate reaches Discord', async () => {
      // One replica at a time, so we know which one holds each delivery.
      for (const instance of running.splice(0)) instance.kill('SIGKILL');
      const cases = [
        ['1500000000000000001', true], // the platform created the message; the commit never happened
        ['1500000000000000002', false], // the instance died before the platform took the request
      ] as const;
      for (const [channel, created] of cases) {
        const sender = await replica();
        const held = fake.hold(channel, created);
        await dueSubscription(channel, 0);
        await held;
        sender.kill('SIGKILL');
        await sender.exited;
        expect(createdIn(channel)).toHaveLength(created ? 1 : 0);
      }
      await replica();
      for (const [channel] of cases) {
        await until(`the retry in ${channel}`, async () => {
          const [row] = await db.db
            .select({ status: deliveries.status })
            .from(deliveries)
            .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
            .where(eq(subscriptions.channelId, channel));
          return row?.status === 'sent';
        });
        expect(createdIn(channel), channel).toHaveLength(1);
      }
    }, 60_000);

    it('GIVEN PostgreSQL goes away and comes back THEN the bot keeps running, says so, and delivers what came due', async () => {
      const target = new URL(db.url ?? '');
      const proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
      const viaProxy = new URL(db.url ?? '');
      viaProxy.port = String(proxy.port);
      const bot = await replica(viaProxy.toString());
      expect((await bot.get('/healthz')).status).toBe(200);
      for (const instance of running.filter((other) => other !== bot)) instance.kill('SIGKILL');

      await proxy.cut();
      const down = await bot.get('/healthz');
      expect(down.status).toBe(503);
      expect(JSON.parse(down.body)).toMatchObject({ status: 'unavailable' });
      const channel = '1600000000000000001';
      await dueSubscription(channel, 0); // due while the bot cannot see the database
      await sleep(2_000);
      expect(createdIn(channel)).toHaveLength(0);

      await proxy.restore();
      await until('the delivery after the database came back', () => createdIn(channel).length > 0);
      expect((await bot.get('/healthz')).status).toBe(200);
      expect(bot.logs.some((line) => line.includes('delivery tick failed'))).toBe(true);
      bot.kill('SIGKILL');
      await proxy.cut();
    }, 60_000);

    it('GIVEN SIGTERM while a message is being sent THEN the replica exits 0 within 10 seconds and the delivery is not lost', async () => {
      const bot = await replica();
      const channel = '1700000000000000001';
      const held = fake.hold(channel, false); // Discord never answers this one
      await dueSubscription(channel, 0);
      await held;
      const started = Date.now();
      bot.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(11_000);
      await replica();
      await until('the delivery, sent by another replica', () => createdIn(channel).length > 0);
      expect(createdIn(channel)).toHaveLength(1);
    }, 60_000);
  },
);
