import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Community } from '../../src/core/community/community.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgInboundEvents } from '../../src/db/inbound-events.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { subscriptions } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { DAY, deckOf, TestClock, typedCard } from '../support/fixtures.ts';

const server = { tenantId: 'discord:100', platform: 'discord' };
const otherServer = { tenantId: 'discord:200', platform: 'discord' };
const admin = { platform: 'discord', externalId: 'admin', isAdmin: true };
const member = { platform: 'discord', externalId: 'member', isAdmin: false };

let db: TestDatabase;
let clock: TestClock;
let community: Community;
let quiz: Quiz;

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [deckOf('docker', [typedCard('d-1', 'container'), typedCard('d-2', 'image')])], []);
  clock = new TestClock('2026-06-01T12:00:00Z');
  const quizStore = new PgQuizStore(db);
  quiz = new Quiz({ store: quizStore, clock, newId: randomUUID });
  community = new Community({ store: new PgCommunityStore(db.db), quizStore, clock });
});
afterAll(() => db.dispose());

const daily = { channelId: 'c1', localTime: '09:00', timeZone: 'Europe/Berlin', deckId: 'docker' };

describe('daily questions', () => {
  it('GIVEN a member without admin rights THEN /daily set is refused and nothing is stored', async () => {
    expect(await community.setDaily(server, member, daily)).toEqual({ ok: false, code: 'NOT_ALLOWED' });
    expect(await db.db.select().from(subscriptions)).toEqual([]);
  });

  it('GIVEN bad values THEN each is refused by name', async () => {
    expect(await community.setDaily(server, admin, { ...daily, localTime: '25:00' })).toEqual({
      ok: false,
      code: 'BAD_TIME',
      value: '25:00',
    });
    expect(await community.setDaily(server, admin, { ...daily, timeZone: 'Mars/Olympus' })).toMatchObject({
      code: 'BAD_TIME_ZONE',
    });
    expect(await community.setDaily(server, admin, { ...daily, deckId: 'nope' })).toMatchObject({
      code: 'UNKNOWN_DECK',
    });
  });

  it('GIVEN an admin THEN the daily is set, changed in place, listed only in its own server, and stopped', async () => {
    expect(await community.setDaily(server, admin, daily)).toMatchObject({
      ok: true,
      daily: { localTime: '09:00' },
    });
    expect(await community.setDaily(server, admin, { ...daily, localTime: '10:30' })).toMatchObject({
      ok: true,
    });
    expect((await community.listDailies(server)).map((d) => [d.channelId, d.localTime])).toEqual([
      ['c1', '10:30'],
    ]);
    expect(await community.listDailies(otherServer)).toEqual([]);
    expect(await community.stopDaily(otherServer, admin, 'c1')).toEqual({ ok: true, stopped: false });
    expect(await community.stopDaily(server, member, 'c1')).toEqual({ ok: false, code: 'NOT_ALLOWED' });
    expect(await community.stopDaily(server, admin, 'c1')).toEqual({ ok: true, stopped: true });
    expect(await community.listDailies(server)).toEqual([]);
  });
});

describe('leaderboard', () => {
  it('GIVEN reviews in two servers THEN each leaderboard counts only its own server', async () => {
    for (const [place, externalId, texts] of [
      [server, 'alice', ['container', 'wrong']],
      [server, 'bob', ['container']],
      [otherServer, 'carol', ['container', 'image']],
    ] as const) {
      const person = { platform: 'discord', externalId };
      for (const text of texts) {
        const next = await quiz.next(place, person);
        if (!next.ok) throw new Error('no card');
        await quiz.answer(next.prompt.id, person, { kind: 'typed', text });
      }
    }
    const rows = await community.leaderboard(server, 'week');
    expect(rows.map((row) => [row.externalId, row.reviews, row.accuracy, row.streak])).toEqual([
      ['alice', 2, 0.5, 1],
      ['bob', 1, 1, 1],
    ]);
    expect((await community.leaderboard(otherServer, 'all')).map((row) => row.externalId)).toEqual(['carol']);
    clock.advance(10 * DAY);
    expect(await community.leaderboard(server, 'week')).toEqual([]);
    clock.advance(-10 * DAY);
  });
});

describe('reminders', () => {
  it('GIVEN a person turns reminders on THEN they are kept per server with a valid time', async () => {
    const person = { platform: 'discord', externalId: 'dora' };
    expect(await community.reminder(server, person)).toBeNull();
    expect(
      await community.setReminder(server, person, {
        enabled: true,
        localTime: '07:30',
        timeZone: 'Asia/Tokyo',
      }),
    ).toEqual({
      ok: true,
      reminder: { enabled: true, localTime: '07:30', timeZone: 'Asia/Tokyo' },
    });
    expect(await community.setReminder(server, person, { enabled: false })).toMatchObject({
      reminder: { enabled: false, localTime: '07:30' },
    });
    expect(await community.reminder(otherServer, person)).toBeNull();
    expect(await community.setReminder(server, person, { enabled: true, localTime: '7pm' })).toMatchObject({
      code: 'BAD_TIME',
    });
  });
});

describe('inbound events', () => {
  it('GIVEN the same event twice THEN it is handled once, unless the first attempt never completed', async () => {
    const events = new PgInboundEvents(db);
    const t0 = new Date('2026-06-01T12:00:00Z');
    expect(await events.claim('slack', 'Ev1', t0, 30_000)).toBe(true);
    expect(await events.claim('slack', 'Ev1', new Date(t0.getTime() + 1_000), 30_000)).toBe(false);
    // The first attempt died: Slack's retry a minute later is processed.
    expect(await events.claim('slack', 'Ev1', new Date(t0.getTime() + 60_000), 30_000)).toBe(true);
    await events.complete('slack', 'Ev1', new Date(t0.getTime() + 61_000));
    expect(await events.claim('slack', 'Ev1', new Date(t0.getTime() + 300_000), 30_000)).toBe(false);
    expect(await events.claim('discord', 'Ev1', t0, 30_000)).toBe(true);
  });

  it('GIVEN many events completed at the same time THEN none of them is handled again', async () => {
    const events = new PgInboundEvents(db);
    const t0 = new Date('2026-06-02T12:00:00Z');
    const ids = Array.from({ length: 40 }, (_, i) => `Many${i}`);
    for (const id of ids) expect(await events.claim('slack', id, t0, 30_000)).toBe(true);
    // Written together: the ones that arrive while a write runs go in the next one.
    await Promise.all(ids.map((id) => events.complete('slack', id, new Date(t0.getTime() + 1_000))));
    const later = new Date(t0.getTime() + 300_000);
    for (const id of ids) expect(await events.claim('slack', id, later, 30_000)).toBe(false);
    expect(await events.claim('slack', 'NeverCompleted', t0, 30_000)).toBe(true);
    expect(await events.claim('slack', 'NeverCompleted', later, 30_000)).toBe(true);
  });
});
