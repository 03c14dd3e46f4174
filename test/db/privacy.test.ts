import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyDeleteCommand, privacyExportCommand } from '../../src/cli/privacy.ts';
import { Community } from '../../src/core/community/community.ts';
import { parsePersonId } from '../../src/core/privacy/person-id.ts';
import { Privacy } from '../../src/core/privacy/privacy.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgPrivacyStore } from '../../src/db/privacy-store.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import {
  cardHolds,
  deliveries,
  fsrsParameters,
  practiceReviews,
  subscriptions,
  users,
} from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, TestClock, typedCard } from '../support/fixtures.ts';

const server = { tenantId: 'discord:100', platform: 'discord' };
const alice = { platform: 'discord', externalId: '111' };
const bob = { platform: 'discord', externalId: '222' };
/** The same user id on Slack is another person: erasing Discord's must not touch it. */
const aliceOnSlack = { platform: 'slack', externalId: 'T1:U111' };

let db: TestDatabase;
let clock: TestClock;
let quiz: Quiz;
let community: Community;
let privacy: Privacy;
let deliveryId: number;

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [deckOf('docker', [typedCard('d-1', 'container'), typedCard('d-2', 'image')])], []);
  clock = new TestClock('2026-06-01T12:00:00Z');
  const quizStore = new PgQuizStore(db);
  quiz = new Quiz({ store: quizStore, clock, newId: randomUUID });
  community = new Community({ store: new PgCommunityStore(db.db), quizStore, clock });
  privacy = new Privacy({ store: new PgPrivacyStore(db.db), clock });
  deliveryId = await seed();
});
afterAll(() => db.dispose());

/** Alice answers, disputes, keeps a reminder, set up a channel daily and answered it, as did Bob. */
async function seed(): Promise<number> {
  for (const person of [alice, bob]) {
    const next = await quiz.next(server, person);
    if (!next.ok) throw new Error('no card');
    await quiz.answer(next.prompt.id, person, { kind: 'typed', text: 'my secret wrong answer' });
  }
  const [wrong] = (await privacy.export(alice)).reviews;
  if (!wrong) throw new Error('no review');
  expect(await quiz.dispute(wrong.id, alice)).toMatchObject({ ok: true });
  await community.setReminder(server, alice, {
    enabled: true,
    localTime: '08:00',
    timeZone: 'Europe/Berlin',
  });
  await community.setReminder({ tenantId: 'slack:T1', platform: 'slack' }, aliceOnSlack, { enabled: true });
  const daily = await community.setDaily(
    server,
    { ...alice, isAdmin: true },
    { channelId: 'c1', localTime: '09:00', timeZone: 'UTC', deckId: null },
  );
  if (!daily.ok) throw new Error(daily.code);
  const [delivery] = await db.db
    .insert(deliveries)
    .values({
      subscriptionId: daily.daily.id,
      localDate: '2026-06-01',
      dueAt: clock.now(),
      endsAt: clock.now(),
      channelId: 'c1',
      status: 'sent',
      cardId: 'd-2',
    })
    .returning({ id: deliveries.id });
  if (!delivery) throw new Error('no delivery');
  for (const person of [alice, bob]) {
    const prompt = await quiz.promptFor(server, person, 'd-2', { deliveryId: delivery.id });
    if (!prompt.ok) throw new Error(prompt.code);
    await quiz.answer(prompt.prompt.id, person, { kind: 'typed', text: 'image' });
  }
  return delivery.id;
}

const withPrivacy = (work: (privacy: Privacy) => Promise<number>) => work(privacy);

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const logged = new PassThrough();
  const read = (stream: PassThrough) => () => (stream.read() as Buffer | null)?.toString() ?? '';
  return {
    io: { stdin: new PassThrough(), stdout, stderr },
    log: pino({ level: 'info' }, logged),
    stdout: read(stdout),
    stderr: read(stderr),
    logged: read(logged),
  };
}

describe('a person id on the command line', () => {
  it('GIVEN each platform form THEN the stored ids; GIVEN anything else THEN a problem naming the forms', () => {
    expect(parsePersonId('discord:111')).toEqual({ ok: true, person: alice });
    expect(parsePersonId('slack:T1:U111')).toEqual({ ok: true, person: aliceOnSlack });
    expect(parsePersonId('slack:U111')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('slack:<team id>'),
    });
    expect(parsePersonId(`discord:${'1'.repeat(300)}`)).toMatchObject({ ok: false });
  });
});

describe("a person's own data", () => {
  it('GIVEN a person who asked to be hidden THEN leaderboards leave them out, and showing them again brings them back', async () => {
    const names = async () => (await community.leaderboard(server, 'all')).map((row) => row.externalId);
    expect(await names()).toEqual(['111', '222']);
    await privacy.setLeaderboardHidden(bob, true);
    expect(await names()).toEqual(['111']);
    await privacy.setLeaderboardHidden(bob, false);
    expect(await names()).toEqual(['111', '222']);
  });

  it('GIVEN a person with history THEN the export holds settings, states, reviews with answers, disputes, prompts, reminders and dailies', async () => {
    // A card put aside, and a practice answer: theirs too.
    const [stored] = await db.db.select({ id: users.id }).from(users).where(sql`${users.externalId} = '111'`);
    await db.db
      .insert(cardHolds)
      .values({ userId: stored?.id ?? 0, cardId: 'd-1', suspendedAt: clock.now(), suspendedAs: 'manual' });
    await db.db.insert(practiceReviews).values({
      tenantId: 'discord:100',
      userId: stored?.id ?? 0,
      cardId: 'd-1',
      promptId: randomUUID(),
      rating: 1,
      answer: 'practised answer',
      verdict: 'wrong',
      reviewedAt: clock.now(),
    });
    // Their app language, as an interaction of theirs tells it: kept for their reminders, so exported.
    await quiz.language(alice, 'es-ES');
    const io = streams();
    expect(await privacyExportCommand(withPrivacy, { person: 'discord:111' }, io.io)).toBe(0);
    const exported = JSON.parse(io.stdout());
    expect(exported).toMatchObject({
      format: 'mnemo-personal-data/1',
      person: 'discord:111',
      exportedAt: '2026-06-01T12:00:00.000Z',
      settings: { timeZone: 'UTC', leaderboardHidden: false, language: null, seenLocale: 'es-ES' },
      reminders: [{ tenantId: 'discord:100', localTime: '08:00', timeZone: 'Europe/Berlin', active: true }],
      dailiesSetUp: [{ tenantId: 'discord:100', channelId: 'c1' }],
    });
    expect(exported.cardStates).toHaveLength(2);
    expect(exported.prompts).toHaveLength(2);
    expect(exported.holds).toEqual([
      {
        cardId: 'd-1',
        suspendedAt: '2026-06-01T12:00:00.000Z',
        suspendedAs: 'manual',
        buriedUntil: null,
        leeches: 0,
      },
    ]);
    expect(exported.practice).toMatchObject([
      { tenantId: 'discord:100', cardId: 'd-1', answer: 'practised answer' },
    ]);
    const answers = exported.reviews.map((review: { answer: string }) => review.answer);
    expect(answers).toContain('my secret wrong answer');
    expect(
      exported.reviews.filter((review: { disputeOf: number | null }) => review.disputeOf !== null),
    ).toHaveLength(1);
    expect(io.stderr()).toMatch(/^Exported discord:111: 3 reviews, 2 card states, 2 prompts, 1 reminders\./);
  });

  it('GIVEN no --yes and no terminal THEN delete refuses with exit 2 and erases nothing', async () => {
    const io = streams();
    expect(await privacyDeleteCommand(withPrivacy, { person: 'discord:111' }, io.io, io.log, false)).toBe(2);
    expect(io.stderr()).toContain('add --yes to confirm');
    expect((await privacy.export(alice)).reviews).toHaveLength(3);
  });

  it('GIVEN a bad --person THEN exit 2 naming the forms', async () => {
    const io = streams();
    expect(
      await privacyDeleteCommand(withPrivacy, { person: 'discord:bob', yes: true }, io.io, io.log, false),
    ).toBe(2);
    expect(io.stderr()).toContain('mnemo privacy delete: --person "discord:bob" is not discord:<user id>');
  });

  it('GIVEN delete --yes THEN all of it goes at once, counted in a log line without content, and others stay', async () => {
    // A fit of the person's FSRS parameters goes too (it references the person's row).
    const [stored] = await db.db.select({ id: users.id }).from(users).where(sql`${users.externalId} = '111'`);
    await db.db.insert(fsrsParameters).values({
      userId: stored?.id ?? 0,
      fittedAt: clock.now(),
      reviews: 3,
      lastReviewId: 1,
      weightsFitted: [0.1],
      loglossBefore: 0.4,
      loglossAfter: 0.3,
      rmseBefore: 0.1,
      rmseAfter: 0.05,
      adopted: false,
    });
    expect((await privacy.export(alice)).fits).toHaveLength(1);
    const io = streams();
    expect(
      await privacyDeleteCommand(withPrivacy, { person: 'discord:111', yes: true }, io.io, io.log, false),
    ).toBe(0);
    const line = JSON.parse(io.logged());
    expect(line).toMatchObject({
      msg: 'privacy: erased a person',
      platform: 'discord',
      people: 1,
      cardStates: 2,
      reviews: 4, // the three reviews and the practice answer
      prompts: 2,
      reminders: 1,
      fits: 1,
      dailiesUnattributed: 1,
    });
    expect(JSON.stringify(line)).not.toMatch(/111|secret/);
    expect(io.stderr()).toMatch(/^Erased discord:111: 4 reviews/);

    expect((await community.leaderboard(server, 'all')).map((row) => row.externalId)).toEqual(['222']);
    expect(await quiz.answersToDelivery(deliveryId)).toBe(1);
    const [daily] = await db.db.select().from(subscriptions).where(eqChannel('c1'));
    expect(daily).toMatchObject({ active: true, createdBy: null });
    expect((await privacy.export(bob)).reviews).toHaveLength(2);
    expect((await privacy.export(aliceOnSlack)).reminders).toHaveLength(1);
  });

  it('GIVEN the erased person THEN exporting again finds nothing, and a second delete erases nothing', async () => {
    expect(await privacy.export(alice)).toMatchObject({
      settings: null,
      cardStates: [],
      reviews: [],
      prompts: [],
      reminders: [],
      dailiesSetUp: [],
      holds: [],
      practice: [],
    });
    expect((await privacy.erase(alice)).total).toBe(0);
    expect(await db.db.select({ id: users.id }).from(users)).toHaveLength(2);
  });
});

function eqChannel(channelId: string) {
  return sql`${subscriptions.channelId} = ${channelId}`;
}
