import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Community } from '../../src/core/community/community.ts';
import { Deliveries } from '../../src/core/delivery/deliveries.ts';
import type {
  DailyQuestion,
  Messenger,
  ReminderMessage,
  SentMessage,
} from '../../src/core/delivery/ports.ts';
import { MnemoError } from '../../src/core/errors.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgDeliveryStore } from '../../src/db/delivery-store.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { deliveries, subscriptions, tenants, users } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { DAY, deckOf, MINUTE, TestClock, typedCard } from '../support/fixtures.ts';

/** Records what would reach the platform. */
class RecordingMessenger implements Messenger {
  posts: { question: DailyQuestion; key: string; attempt: number | undefined }[] = [];
  reminders: { reminder: ReminderMessage; key: string }[] = [];
  updates: { deliveryId: number; revealAnswer: boolean; locale: string }[] = [];
  failWith: Error | null = null;

  async postDailyQuestion(question: DailyQuestion, key: string, attempt?: number): Promise<SentMessage> {
    if (this.failWith) throw this.failWith;
    this.posts.push({ question, key, attempt });
    return { messageId: `m${this.posts.length}`, channelId: question.channelId };
  }

  async updateDailyQuestion(question: DailyQuestion, _sent: SentMessage, update: { revealAnswer: boolean }) {
    this.updates.push({
      deliveryId: question.deliveryId,
      revealAnswer: update.revealAnswer,
      locale: question.locale,
    });
  }

  async sendReminder(reminder: ReminderMessage, key: string): Promise<SentMessage> {
    if (this.failWith) throw this.failWith;
    this.reminders.push({ reminder, key });
    return { messageId: `dm${this.reminders.length}`, channelId: 'dm' };
  }
}

const admin = { platform: 'discord', externalId: 'admin', isAdmin: true };
let db: TestDatabase;
let clock: TestClock;
let community: Community;
let quiz: Quiz;
let messenger: RecordingMessenger;
let tenantCounter = 0;

function instance(options: { leaseMs?: number } = {}) {
  return new Deliveries({
    store: new PgDeliveryStore(db),
    clock,
    messengers: { discord: messenger },
    onProblem: () => {},
    ...options,
  });
}

function place() {
  return { tenantId: `discord:${++tenantCounter}`, platform: 'discord' };
}

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(
    db.db,
    [deckOf('pool', [typedCard('p-1', 'alpha'), typedCard('p-2', 'beta'), typedCard('p-3', 'gamma')])],
    [],
  );
});
afterAll(() => db.dispose());
beforeEach(async () => {
  await db.db.update(subscriptions).set({ active: false });
  clock = new TestClock('2026-01-15T07:30:00Z'); // 08:30 in Berlin
  messenger = new RecordingMessenger();
  const quizStore = new PgQuizStore(db);
  quiz = new Quiz({ store: quizStore, clock, newId: randomUUID });
  community = new Community({ store: new PgCommunityStore(db.db), quizStore, clock });
});

async function daily(where = place(), localTime = '09:00', timeZone = 'Europe/Berlin') {
  const set = await community.setDaily(where, admin, {
    channelId: `ch-${where.tenantId}`,
    localTime,
    timeZone,
    deckId: 'pool',
  });
  if (!set.ok) throw new Error(set.code);
  return { where, subscription: set.daily };
}

describe('channel question of the day', () => {
  it('GIVEN 09:00 in Berlin THEN nothing goes before 08:00 UTC, exactly one message after, and ticks repeat nothing', async () => {
    const { where } = await daily();
    const bot = instance();
    expect((await bot.tick()).sent).toBe(0);
    clock.set('2026-01-15T08:00:00Z');
    expect((await bot.tick()).sent).toBe(1);
    await bot.tick();
    await instance().tick();
    expect(messenger.posts).toHaveLength(1);
    expect(messenger.posts[0]?.question).toMatchObject({ tenantId: where.tenantId, localDate: '2026-01-15' });
    expect(messenger.posts[0]?.key).toMatch(/^mnemo-\d+$/);
  });

  it('GIVEN three instances ticking at once, five times THEN each subscription gets exactly one message', async () => {
    const subs = await Promise.all(Array.from({ length: 12 }, () => daily()));
    clock.set('2026-01-15T08:01:00Z');
    const bots = [instance(), instance(), instance()];
    for (let round = 0; round < 5; round++) await Promise.all(bots.map((bot) => bot.tick()));
    const channels = messenger.posts.map((post) => post.question.channelId).sort();
    expect(channels).toEqual(subs.map((sub) => sub.subscription.channelId).sort());
  });

  it('GIVEN an instance that claimed and died THEN another sends after the lease lapses, once', async () => {
    await daily();
    clock.set('2026-01-15T08:00:30Z');
    const store = new PgDeliveryStore(db);
    await instance().plan();
    const taken = await store.claim(clock.now(), 60_000, 10);
    expect(taken).toHaveLength(1); // ...and then this instance is killed before sending.
    const survivor = instance();
    expect((await survivor.tick()).sent).toBe(0);
    clock.advance(61_000);
    expect((await survivor.tick()).sent).toBe(1);
    expect(messenger.posts).toHaveLength(1);
    // The messenger is told it is a second attempt: Slack, which has no nonce, looks before posting.
    expect(messenger.posts[0]?.attempt).toBe(2);
  });

  it('GIVEN every instance was down at 09:00 THEN the question goes out late the same day, and not the next day', async () => {
    const late = await daily();
    clock.set('2026-01-15T21:00:00Z'); // 22:00 in Berlin, same local day
    expect((await instance().tick()).sent).toBe(1);
    const missed = await daily();
    clock.set('2026-01-16T23:30:00Z'); // the next local day is over for both
    await instance().tick();
    const sentDates = messenger.posts.map((post) => [post.question.channelId, post.question.localDate]);
    expect(sentDates).toContainEqual([late.subscription.channelId, '2026-01-15']);
    expect(sentDates).not.toContainEqual([missed.subscription.channelId, '2026-01-15']);
    // 00:30 on the 17th in Berlin: the 16th's runs were missed entirely and are dropped.
    expect(sentDates.filter(([, date]) => date === '2026-01-16')).toEqual([]);
  });

  it("GIVEN every instance was down for more than a day THEN only today's question goes out, today", async () => {
    const { subscription } = await daily(); // next run: the 15th at 09:00
    clock.set('2026-01-16T20:00:00Z'); // 21:00 on the 16th in Berlin
    await instance().tick();
    expect(messenger.posts.map((post) => [post.question.channelId, post.question.localDate])).toEqual([
      [subscription.channelId, '2026-01-16'],
    ]);
  });

  it('GIVEN the day is over THEN the question is edited to show its answer, once', async () => {
    await daily();
    clock.set('2026-01-15T08:05:00Z');
    await instance().tick();
    clock.set('2026-01-15T23:00:01Z'); // midnight in Berlin
    await instance().tick();
    await instance().tick();
    expect(messenger.updates).toEqual([
      { deliveryId: messenger.posts[0]?.question.deliveryId, revealAnswer: true, locale: 'en' },
    ]);
  });

  it('GIVEN members who answered THEN the card they are closest to forgetting is asked, and no card repeats', async () => {
    const { where } = await daily();
    const member = { platform: 'discord', externalId: `member-${where.tenantId}` };
    // The member learns p-2 well (Easy) and p-1 barely (Again), a week before.
    clock.set('2026-01-08T07:00:00Z');
    for (const [cardId, rating] of [
      ['p-1', 1],
      ['p-2', 4],
    ] as const) {
      const prompt = await quiz.promptFor(where, member, cardId);
      if (!prompt.ok) throw new Error('no card');
      await quiz.answer(prompt.prompt.id, member, {
        kind: 'typed',
        text: rating === 1 ? 'no idea' : cardId === 'p-2' ? 'beta' : 'alpha',
      });
    }
    const asked: string[] = [];
    for (const day of ['2026-01-15', '2026-01-16', '2026-01-17', '2026-01-18']) {
      clock.set(`${day}T08:10:00Z`);
      await instance().tick();
      asked.push(messenger.posts.at(-1)?.question.card.id ?? '');
    }
    expect(asked.slice(0, 3)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(asked[3]).toBeTruthy(); // exhausted: the cycle starts again
  });

  it('GIVEN the platform answers 401 THEN sending stops for every tenant of that platform, loudly, once, until a restart resumes it', async () => {
    const first = await daily();
    const second = await daily();
    const elsewhere = await daily({ tenantId: `slack:T${++tenantCounter}`, platform: 'slack' });
    const problems: string[] = [];
    const slack = new RecordingMessenger();
    messenger.failWith = new MnemoError('PLATFORM_UNAUTHORIZED', '401: invalid token');
    const bot = new Deliveries({
      store: new PgDeliveryStore(db),
      clock,
      messengers: { discord: messenger, slack },
      onProblem: (problem) => problems.push(problem.message),
    });
    clock.set('2026-01-15T08:00:00Z');
    // The 401 stops Discord (any Discord delivery in flight goes back too, unsent); Slack goes on.
    expect(await bot.tick()).toMatchObject({ failed: 0, sent: 1 });
    expect(slack.posts.map((post) => post.question.tenantId)).toEqual([elsewhere.where.tenantId]);
    clock.advance(2 * MINUTE);
    expect(await bot.tick()).toMatchObject({ failed: 0, sent: 0, released: 0 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /discord refused the bot token: 401: invalid token; delivery is stopped for all \d+ discord tenants/,
    );
    const blocked = await db.db.select().from(tenants).where(eq(tenants.platform, 'discord'));
    expect(blocked.every((tenant) => tenant.deliveryBlockedAt instanceof Date)).toBe(true);

    // The operator replaces the token and restarts: delivery resumes, and both questions go out, once each.
    messenger.failWith = null;
    expect(await bot.resume(['discord', 'slack'])).toBe(blocked.length);
    clock.advance(MINUTE);
    expect(await bot.tick()).toMatchObject({ sent: 2, failed: 0 });
    expect(messenger.posts.map((post) => post.question.tenantId).sort()).toEqual(
      [first.where.tenantId, second.where.tenantId].sort(),
    );
    clock.advance(MINUTE);
    expect(await bot.tick()).toMatchObject({ sent: 0 });
  });

  it('GIVEN a question still unsent when its local day ends THEN it is skipped, never asked a day late', async () => {
    const { where } = await daily();
    const bot = instance();
    await db.db.update(tenants).set({ deliveryBlockedAt: clock.now() }).where(eq(tenants.id, where.tenantId));
    clock.set('2026-01-15T08:00:00Z');
    expect(await bot.tick()).toMatchObject({ sent: 0, planned: 1 });
    clock.set('2026-01-15T23:00:30Z'); // 00:00:30 in Berlin: the day is over
    await db.db.update(tenants).set({ deliveryBlockedAt: null }).where(eq(tenants.id, where.tenantId));
    const report = await bot.tick();
    expect(report).toMatchObject({ sent: 0, skipped: 1 });
    expect(messenger.posts).toHaveLength(0);
    const [row] = await db.db
      .select()
      .from(deliveries)
      .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
      .where(eq(subscriptions.tenantId, where.tenantId));
    expect(row?.deliveries).toMatchObject({
      status: 'skipped',
      error: 'its local day ended before it could be sent',
    });
  });

  it('GIVEN a passing network error THEN the delivery is retried after its lease', async () => {
    await daily();
    messenger.failWith = new Error('socket hang up');
    clock.set('2026-01-15T08:00:00Z');
    const bot = instance({ leaseMs: 30_000 });
    expect(await bot.tick()).toMatchObject({ released: 1, sent: 0 });
    messenger.failWith = null;
    clock.advance(31_000);
    expect(await bot.tick()).toMatchObject({ sent: 1 });
    const rows = await db.db.select().from(deliveries).where(eq(deliveries.status, 'sent'));
    expect(rows.some((row) => row.attempts === 2)).toBe(true);
  });
});

describe('personal reminders', () => {
  it('GIVEN cards due at the reminder time THEN one DM says how many; GIVEN nothing due THEN nothing is sent', async () => {
    const where = place();
    const busy = { platform: 'discord', externalId: `busy-${where.tenantId}` };
    const idle = { platform: 'discord', externalId: `idle-${where.tenantId}` };
    clock.set('2026-01-10T08:00:00Z');
    for (const cardId of ['p-1', 'p-2']) {
      const prompt = await quiz.promptFor(where, busy, cardId);
      if (prompt.ok) await quiz.answer(prompt.prompt.id, busy, { kind: 'typed', text: 'wrong' });
    }
    clock.set('2026-01-15T06:00:00Z');
    await community.setReminder(where, busy, { enabled: true, localTime: '07:30', timeZone: 'UTC' });
    await community.setReminder(where, idle, { enabled: true, localTime: '07:30', timeZone: 'UTC' });
    clock.set('2026-01-15T07:30:00Z');
    expect(await instance().tick()).toMatchObject({ sent: 1, skipped: 1 });
    expect(messenger.reminders.map((sent) => [sent.reminder.userExternalId, sent.reminder.dueCount])).toEqual(
      [[busy.externalId, 2]],
    );
    clock.advance(DAY);
    await community.setReminder(where, busy, { enabled: false });
    await instance().tick();
    expect(messenger.reminders).toHaveLength(1);
  });
});

describe('the language deliveries are written in', () => {
  it('GIVEN people with a chosen language, an app language seen, one Mnemo does not speak, and none THEN each reminder is in the chosen, else the seen, else English', async () => {
    const where = place();
    const people = ['chose-de', 'seen-ja', 'seen-fr', 'never'].map((name) => ({
      platform: 'discord',
      externalId: `${name}-${where.tenantId}`,
    }));
    const [chose, seenJa, seenFr, never] = people;
    if (!chose || !seenJa || !seenFr || !never) throw new Error('four people');
    // Before the person is stored, nothing is kept (reading a language must not make a person).
    await quiz.noteAppLocale(seenJa, 'ja');
    const [before] = await db.db.select().from(users).where(eq(users.externalId, seenJa.externalId));
    expect(before).toBeUndefined();
    clock.set('2026-01-10T08:00:00Z');
    for (const person of people) {
      const prompt = await quiz.promptFor(where, person, 'p-1');
      if (prompt.ok) await quiz.answer(prompt.prompt.id, person, { kind: 'typed', text: 'wrong' });
    }
    await quiz.language(chose, 'es-ES');
    await quiz.changeSettings(chose, { language: 'de' });
    await quiz.language(seenJa, 'ja');
    await quiz.language(seenFr, 'fr-FR');
    const seen = await db.db
      .select({ externalId: users.externalId, seenLocale: users.seenLocale })
      .from(users)
      .where(eq(users.seenLocale, 'ja'));
    expect(seen.map((row) => row.externalId)).toEqual([seenJa.externalId]);

    clock.set('2026-01-15T06:00:00Z');
    for (const person of people) {
      await community.setReminder(where, person, { enabled: true, localTime: '07:30', timeZone: 'UTC' });
    }
    clock.set('2026-01-15T07:30:00Z');
    expect(await instance().tick()).toMatchObject({ sent: 4 });
    const localeOf = (person: { externalId: string }) =>
      messenger.reminders.find((sent) => sent.reminder.userExternalId === person.externalId)?.reminder.locale;
    expect(people.map(localeOf)).toEqual(['de', 'ja', 'en', 'en']);
  });

  it('GIVEN a community language kept at /daily set, a channel with its own, and a community with none THEN each question and its end-of-day edit are in it', async () => {
    const japanese = place();
    const request = { localTime: '09:00', timeZone: 'UTC', deckId: 'pool' };
    for (const [where, channelId, extra] of [
      [japanese, 'ch-ja', { communityLocale: 'ja' }],
      [japanese, 'ch-es', { communityLocale: 'ja', language: 'es' as const }],
      [place(), 'ch-en', {}],
    ] as const) {
      const set = await community.setDaily(where, admin, { ...request, channelId, ...extra });
      if (!set.ok) throw new Error(set.code);
    }
    clock.set('2026-01-15T09:00:00Z');
    expect(await instance().tick()).toMatchObject({ sent: 3 });
    const byChannel = Object.fromEntries(
      messenger.posts.map((post) => [post.question.channelId, post.question.locale]),
    );
    expect(byChannel).toEqual({ 'ch-ja': 'ja', 'ch-es': 'es', 'ch-en': 'en' });
    clock.set('2026-01-16T00:00:30Z');
    expect(await instance().tick()).toMatchObject({ closed: 3 });
    expect(messenger.updates.map((update) => update.locale).sort()).toEqual(['en', 'es', 'ja']);
  });
});
