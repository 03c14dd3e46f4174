import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { Community } from '../../src/core/community/community.ts';
import { Deliveries } from '../../src/core/delivery/deliveries.ts';
import { Privacy } from '../../src/core/privacy/privacy.ts';
import type { Prompt } from '../../src/core/quiz/ports.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { type Connection, openDatabase } from '../../src/db/client.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgDeliveryStore } from '../../src/db/delivery-store.ts';
import { PgInboundEvents } from '../../src/db/inbound-events.ts';
import { PgPendingImportStore } from '../../src/db/pending-import-store.ts';
import { PgPrivacyStore } from '../../src/db/privacy-store.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { DeckFiles } from '../../src/import/deck-files.ts';
import { FakeDiscord } from '../discord/support/fake-discord.ts';
import { APP_ID } from '../discord/support/payloads.ts';
import { ON_POSTGRES } from '../support/database.ts';
import { deckOf, TestClock, typedCard } from '../support/fixtures.ts';
import { clusterUnavailable, PostgresCluster } from '../support/postgres-cluster.ts';

const LEARNERS = 6;
const ANSWERS_EACH = 10;
const CHANNELS = 30;
const LEASE_MS = 5_000;
const PLACE = { tenantId: 'discord:1900000000000000001', platform: 'discord' };
const ADMIN = { platform: 'discord', externalId: 'admin', isAdmin: true };

// It starts a server of its own, so it needs no DATABASE_URL: it runs in the PGlite run only, once per CI run.
// It failed about one run in four until 2026-11-29: a transaction waiting for a connection when the restart
// closed one was dropped by postgres.js and waited forever (scripts/patch-postgres.mjs; its deterministic form
// is test/db/pool-after-close.test.ts). 30 runs in a row passed after the fix, 6 of 25 failed before.
const skipped = ON_POSTGRES
  ? 'runs only when DATABASE_URL is unset (it starts its own PostgreSQL)'
  : clusterUnavailable();

/** A failure of the code under test, not of the database: it ends the run instead of being retried. */
class NotRetried extends Error {}

const STEP_MS = 10_000; // a step the database never answers is a hang, not a slow restart

/** The step's result, or a NotRetried failure if it has not settled within `ms`. */
function answersWithin<T>(ms: number, what: string, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new NotRetried(`${what}: no answer from the database within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([step, hung]).finally(() => clearTimeout(timer));
}

let cluster: PostgresCluster;
let connection: Connection;
let fake: FakeDiscord;

beforeAll(async () => {
  if (skipped) return;
  cluster = await PostgresCluster.start();
  connection = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 10 });
  fake = await new FakeDiscord().start();
  const cards = Array.from({ length: 20 }, (_, i) => typedCard(`restart-${i}`, `answer ${i}`));
  await syncDecks(connection.db, [deckOf('restart', cards)], []);
}, 60_000);

afterAll(async () => {
  if (skipped) return;
  await fake?.close();
  await connection?.close();
  cluster?.destroy();
});

describe.skipIf(skipped !== null)(
  `a real PostgreSQL restart (pg_ctl restart -m fast)${skipped ? `: skipped, ${skipped}` : ''}`,
  () => {
    it('GIVEN answers and deliveries running while the server restarts THEN the bot goes on, nothing is lost and nothing counted twice', async () => {
      const clock = new TestClock('2026-04-01T06:59:00Z');
      const quizStore = new PgQuizStore(connection);
      const quiz = new Quiz({ store: quizStore, clock, newId: randomUUID });
      const community = new Community({ store: new PgCommunityStore(connection.db), quizStore, clock });
      const adapter = createDiscordAdapter({
        config: {
          mode: 'http',
          token: 'restart-test-token',
          applicationId: APP_ID,
          publicKey: '0'.repeat(64),
          guildId: null,
          apiUrl: fake.apiUrl,
        },
        quiz,
        community,
        privacy: new Privacy({ store: new PgPrivacyStore(connection.db), clock }),
        deckFiles: new DeckFiles({
          db: connection.db,
          pending: new PgPendingImportStore(connection.db),
          community: new PgCommunityStore(connection.db),
          clock,
          newId: randomUUID,
        }),
        inboundEvents: new PgInboundEvents(connection),
        clock,
        log: pino({ level: 'silent' }),
      });
      const channels = Array.from(
        { length: CHANNELS },
        (_, i) => `19000000000000${String(i).padStart(5, '0')}`,
      );
      for (const channelId of channels) {
        const set = await community.setDaily(PLACE, ADMIN, {
          channelId,
          localTime: '07:00',
          timeZone: 'UTC',
          deckId: 'restart',
        });
        expect(set.ok).toBe(true);
      }
      const deliveries = new Deliveries({
        store: new PgDeliveryStore(connection),
        clock,
        leaseMs: LEASE_MS,
        messengers: { discord: adapter.messenger },
        onProblem: () => {},
      });

      // What the user and the platform saw; and how often the database refused, to know the restart was felt.
      const answered = new Set<string>();
      let refused = 0;
      const deadline = Date.now() + 30_000;
      /** Does one step, again after each database error, as a person clicks again and the next tick retries. */
      const retried = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
        for (;;) {
          try {
            return await answersWithin(STEP_MS, what, step());
          } catch (error) {
            if (error instanceof NotRetried || Date.now() > deadline) throw error;
            refused++;
            await sleep(50);
          }
        }
      };
      const learner = async (n: number) => {
        const person = { platform: 'discord', externalId: `learner-${n}` };
        for (let i = 0; i < ANSWERS_EACH; i++) {
          const prompt: Prompt = await retried(`${person.externalId}: Quiz.next`, async () => {
            const next = await quiz.next(PLACE, person);
            if (!next.ok) throw new NotRetried(`nothing due for ${person.externalId}: ${next.code}`);
            return next.prompt;
          });
          await retried(`${person.externalId}: Quiz.answer`, async () => {
            const outcome = await quiz.answer(prompt.id, person, { kind: 'typed', text: prompt.card.answer });
            if (!outcome.ok) throw new NotRetried(`answer ${prompt.id} refused: ${outcome.code}`);
          });
          answered.add(prompt.id);
          await sleep(40); // the answers spread over the restart instead of all landing before it
        }
      };
      let ticking = true;
      const ticks = (async () => {
        while (ticking) {
          await answersWithin(STEP_MS, 'Deliveries.tick', deliveries.tick()).catch((error: unknown) => {
            if (error instanceof NotRetried) throw error;
            refused++;
          });
          await sleep(100);
        }
      })();
      ticks.catch(() => {}); // read by the await below

      // A driver error thrown outside any query (from a timer) would crash the bot: it must not happen.
      const crashes: unknown[] = [];
      const crash = (error: unknown) => crashes.push(error);
      process.on('uncaughtException', crash);

      const learners = Promise.all(Array.from({ length: LEARNERS }, (_, n) => learner(n)));
      await sleep(300);
      clock.set('2026-04-01T07:00:30Z'); // every channel's question comes due as the restart begins
      await cluster.restart();
      await learners;
      // A delivery claimed before the restart and not marked sent is taken over once its lease lapses.
      clock.advance(LEASE_MS + 1_000);
      const sentAll = Date.now() + 20_000;
      while (
        new Set(fake.created.map((message) => message.channel_id)).size < CHANNELS &&
        Date.now() < sentAll
      )
        await sleep(100);
      await sleep(500); // a few more ticks: nothing may be sent again
      ticking = false;
      await ticks;
      process.off('uncaughtException', crash);

      expect(crashes).toEqual([]);
      expect(refused, 'the restart was felt: some statements failed').toBeGreaterThan(0);
      await connection.ping(); // the same pool, no restart of the bot's own
      const reviews = await connection.raw.query<{ prompt_id: string; n: number }>(
        'select prompt_id::text, count(*)::int as n from reviews group by prompt_id',
      );
      expect(answered.size).toBe(LEARNERS * ANSWERS_EACH);
      expect(reviews.filter((row) => row.n !== 1)).toEqual([]);
      expect(new Set(reviews.map((row) => row.prompt_id))).toEqual(answered);
      const [reps] = await connection.raw.query<{ reps: number }>(
        'select coalesce(sum(reps), 0)::int as reps from card_states',
      );
      expect(reps?.reps).toBe(LEARNERS * ANSWERS_EACH);

      const perChannel = new Map<string, number>();
      for (const message of fake.created)
        perChannel.set(message.channel_id, (perChannel.get(message.channel_id) ?? 0) + 1);
      expect([...perChannel.keys()].sort()).toEqual(channels);
      expect([...perChannel.entries()].filter(([, count]) => count !== 1)).toEqual([]);
      const [sent] = await connection.raw.query<{ n: number }>(
        "select count(*)::int as n from deliveries where status = 'sent'",
      );
      expect(sent?.n).toBe(CHANNELS);
    }, 90_000);
  },
);
