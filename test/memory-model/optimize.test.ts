import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import { default_w } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryModelOptimizer, optimizeCommand } from '../../src/cli/fsrs.ts';
import type { LoggedReview } from '../../src/core/memory-model/history.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { newMemory } from '../../src/core/scheduling/memory.ts';
import { schedule } from '../../src/core/scheduling/scheduler.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgMemoryModelStore } from '../../src/db/memory-model-store.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cardStates, fsrsParameters, reviews, users } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';
import { simulatedLog } from '../support/learners.ts';

const place = { tenantId: 'discord:1', platform: 'discord' };
const alice = { platform: 'discord', externalId: '111' };
const bob = { platform: 'slack', externalId: 'T1:U2' };
/** Weights far from anyone's memory: a fit to any real log predicts better. */
const BAD_WEIGHTS = default_w.map((weight, i) => (i < 4 ? weight * 20 : weight));
let db: TestDatabase;
const clock = new TestClock('2026-06-01T12:00:00Z');

beforeAll(async () => {
  db = await freshDatabase();
  const cards = Array.from({ length: 60 }, (_, i) => typedCard(`card-${i}`, `answer ${i}`));
  await syncDecks(db.db, [deckOf('deck', cards)]);
  const store = new PgQuizStore(db);
  await store.ensurePlace(place);
  for (const [person, seed] of [
    [alice, 1],
    [bob, 2],
  ] as const) {
    const learner = await store.ensureLearner(person);
    await insertLog(learner.userId, simulatedLog({ cards: 60, days: 120, retention: 0.9, seed }).log);
  }
  await db.db.update(users).set({ fsrsWeights: BAD_WEIGHTS }).where(eq(users.externalId, alice.externalId));
}, 60_000);
afterAll(() => db.dispose());

async function insertLog(userId: number, log: readonly LoggedReview[]) {
  const rows = log.map((review) => ({
    tenantId: place.tenantId,
    userId,
    cardId: review.cardId,
    rating: review.rating,
    stateBefore: review.stateBefore,
    dueBefore: review.reviewedAt,
    stabilityBefore: 0,
    difficultyBefore: 0,
    elapsedDays: 0,
    lastElapsedDays: 0,
    scheduledDaysBefore: 0,
    learningStepsBefore: 0,
    repsBefore: 0,
    lapsesBefore: 0,
    dueAfter: review.reviewedAt,
    verdict: review.rating === 1 ? ('wrong' as const) : ('correct' as const),
    reviewedAt: review.reviewedAt,
  }));
  for (let i = 0; i < rows.length; i += 1_000) await db.db.insert(reviews).values(rows.slice(i, i + 1_000));
}

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (stream: PassThrough) => () => String(stream.read() ?? '');
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: read(stdout), err: read(stderr) };
}

describe('mnemo fsrs optimize', () => {
  it('GIVEN a disputed review THEN the optimizer reads the Good that replaced it, not the answer disputed', async () => {
    const store = new PgMemoryModelStore(db.db);
    const person = await store.findPerson(alice.platform, alice.externalId);
    if (!person) throw new Error('alice is missing');
    const before = await store.reviewLog(person.userId);
    const [disputed] = await db.db
      .insert(reviews)
      .values({ ...rowLike(person.userId), rating: 1, verdict: 'wrong' })
      .returning({ id: reviews.id });
    const [replacement] = await db.db
      .insert(reviews)
      .values({ ...rowLike(person.userId), rating: 3, verdict: 'correct', disputeOf: disputed?.id ?? 0 })
      .returning({ id: reviews.id });
    await db.db
      .update(reviews)
      .set({ supersededBy: replacement?.id ?? 0 })
      .where(eq(reviews.id, disputed?.id ?? 0));
    const after = await store.reviewLog(person.userId);
    expect(after.length).toBe(before.length + 1);
    expect(after.find((review) => review.id === replacement?.id)?.rating).toBe(3);
    expect(after.some((review) => review.id === disputed?.id)).toBe(false);
  });

  it('GIVEN a person on poor weights THEN --json reports the fit, it is adopted, kept in the history, and their next review uses it', async () => {
    const { io, out } = capture();
    expect(await optimizeCommand(db.db, clock, { person: 'discord:111', json: true }, io)).toBe(0);
    const report = JSON.parse(out());
    expect(Object.keys(report)).toEqual(['people']);
    expect(report.people).toHaveLength(1);
    const [line] = report.people;
    expect(Object.keys(line)).toEqual([
      'person',
      'reviews',
      'logloss_before',
      'logloss_after',
      'rmse_before',
      'rmse_after',
      'adopted',
    ]);
    expect(line).toMatchObject({ person: 'discord:111', adopted: true });
    expect(line.logloss_after).toBeLessThan(line.logloss_before);
    expect(line.rmse_after).toBeLessThan(line.rmse_before);

    const [fit] = await db.db.select().from(fsrsParameters);
    const [row] = await db.db.select().from(users).where(eq(users.externalId, alice.externalId));
    expect(fit).toMatchObject({ adopted: true, weightsBefore: BAD_WEIGHTS, reviews: line.reviews });
    expect(row?.fsrsWeights).toEqual(fit?.weightsAdopted);

    // A new card answered right: scheduled with Alice's own weights, not the defaults.
    const quiz = new Quiz({
      store: new PgQuizStore(db),
      clock,
      newId: sequentialIds(),
      fits: new PgMemoryModelStore(db.db),
    });
    expect((await quiz.stats(alice)).model).toEqual({
      fittedAt: clock.now(),
      adopted: true,
      adoptedAt: clock.now(),
      loglossBefore: line.logloss_before,
      loglossAfter: line.logloss_after,
    });
    expect((await quiz.stats({ platform: 'discord', externalId: 'new' })).model).toBeNull();
    const shown = await quiz.next(place, alice);
    if (!shown.ok) throw new Error('no card for alice');
    const answer = await quiz.answer(shown.prompt.id, alice, {
      kind: 'typed',
      text: shown.prompt.card.answer,
    });
    if (!answer.ok) throw new Error(answer.code);
    const own = schedule(newMemory(clock.now()), clock.now(), answer.rating, 0.9, row?.fsrsWeights ?? null);
    const defaults = schedule(newMemory(clock.now()), clock.now(), answer.rating, 0.9);
    const [state] = await db.db
      .select()
      .from(cardStates)
      .where(eq(cardStates.userId, row?.id ?? 0));
    expect(state?.stability).toBe(own.after.stability);
    expect(state?.stability).not.toBe(defaults.after.stability);
  }, 60_000);

  it('GIVEN the daily job THEN it refits only people with 200 new reviews, and runs once a day across replicas', async () => {
    const optimizer = memoryModelOptimizer(db.db, clock);
    const fits = await optimizer.daily();
    expect(fits?.map((fit) => (fit.ok ? fit.report.person : fit.person))).toEqual(['slack:T1:U2']);
    expect(await memoryModelOptimizer(db.db, clock).daily()).toBeNull();
  }, 60_000);

  it('GIVEN a person id that is malformed or unknown THEN the command says so and changes nothing', async () => {
    const bad = capture();
    expect(await optimizeCommand(db.db, clock, { person: 'telegram:1', json: false }, bad.io)).toBe(2);
    expect(bad.err()).toContain('--person "telegram:1" is not a person id');
    const unknown = capture();
    expect(await optimizeCommand(db.db, clock, { person: 'discord:999', json: false }, unknown.io)).toBe(1);
    expect(unknown.err()).toContain('there is no person discord:999');
  });
});

function rowLike(userId: number) {
  const at = new Date('2026-05-30T10:00:00Z');
  return {
    tenantId: place.tenantId,
    userId,
    cardId: 'card-59',
    stateBefore: 2,
    dueBefore: at,
    stabilityBefore: 1,
    difficultyBefore: 5,
    elapsedDays: 3,
    lastElapsedDays: 0,
    scheduledDaysBefore: 3,
    learningStepsBefore: 0,
    repsBefore: 5,
    lapsesBefore: 0,
    dueAfter: at,
    reviewedAt: at,
  };
}
