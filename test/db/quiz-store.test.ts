import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cardStates, reviews, users } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { DAY, deckOf, MINUTE, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

const place = { tenantId: 'discord:1', platform: 'discord', name: 'Server' };
const otherPlace = { tenantId: 'discord:2', platform: 'discord', name: 'Other' };
let person = { platform: 'discord', externalId: 'u1' };
let db: TestDatabase;
let clock: TestClock;
let quiz: Quiz;
let run = 0;

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(
    db.db,
    [
      deckOf('alpha', [
        typedCard('alpha-1', 'container'),
        typedCard('alpha-2', 'hypervisor'),
        {
          ...typedCard('alpha-3', 'bridge'),
          kind: 'choice',
          options: ['host', 'bridge', 'none'],
          correctOption: 1,
        },
        { ...typedCard('alpha-4', 'Layers are cached.'), kind: 'self' },
      ]),
      deckOf('beta', [typedCard('beta-1', 'kubelet')]),
    ],
    [],
  );
});
afterAll(() => db.dispose());
beforeEach(() => {
  // Each test is a new person, so tests do not see each other's progress.
  person = { platform: 'discord', externalId: `u${++run}` };
  clock = new TestClock('2026-05-04T09:00:00Z');
  quiz = new Quiz({ store: new PgQuizStore(db), clock, newId: sequentialIds() });
});

async function nextPrompt(options: Parameters<Quiz['next']>[2] = {}) {
  const outcome = await quiz.next(place, person, options);
  if (!outcome.ok) throw new Error(`expected a card, got ${outcome.code}`);
  return outcome.prompt;
}

describe('next card', () => {
  it('GIVEN a new person THEN new cards come in deck order, and a deck can be chosen', async () => {
    expect((await nextPrompt()).card.id).toBe('alpha-1');
    expect((await nextPrompt({ deckId: 'beta' })).card.id).toBe('beta-1');
    expect((await nextPrompt({ exclude: ['alpha-1'] })).card.id).toBe('alpha-2');
  });

  it('GIVEN due reviews THEN the most overdue comes before any new card', async () => {
    for (const text of ['container', 'hypervisor']) {
      const prompt = await nextPrompt();
      clock.advance(10_000); // a typical answer: Good, not Easy
      await quiz.answer(prompt.id, person, { kind: 'typed', text });
      clock.advance(MINUTE);
    }
    clock.advance(3 * DAY);
    expect((await nextPrompt()).card.id).toBe('alpha-1');
  });

  it('GIVEN the day limit of new cards is used THEN nothing new is shown until the next local day', async () => {
    await quiz.changeSettings(person, { newPerDay: 1, timeZone: 'Pacific/Kiritimati' });
    const first = await nextPrompt();
    await quiz.answer(first.id, person, { kind: 'typed', text: 'container' });
    const blocked = await quiz.next(place, person);
    expect(blocked).toMatchObject({ ok: false, code: 'NOTHING_DUE' });
    // 09:00 UTC is 23:00 in UTC+14: one hour later it is a new day there.
    clock.advance(61 * MINUTE);
    expect((await nextPrompt()).card.id).not.toBe('alpha-1');
  });
});

describe("a person's day", () => {
  it('GIVEN two people in zones a day apart, each at the day limit THEN each gets cards again when their own day begins', async () => {
    // One store for both, as in the bot: the day is counted with the person's read, in the zone the store
    // saw last, so the second person's zone differs from the guess.
    const shared = new Quiz({ store: new PgQuizStore(db), clock, newId: sequentialIds() });
    const east = { platform: 'discord', externalId: `${person.externalId}-east` };
    const west = { platform: 'discord', externalId: `${person.externalId}-west` };
    await shared.changeSettings(east, { maxReviewsPerDay: 1, timeZone: 'Pacific/Kiritimati' });
    await shared.changeSettings(west, { maxReviewsPerDay: 1, timeZone: 'Pacific/Pago_Pago' });
    // 2026-05-04 09:00 UTC is 23:00 on the 4th in UTC+14, 22:00 on the 3rd in UTC-11.
    for (const who of [east, west]) {
      const shown = await shared.next(place, who);
      if (!shown.ok) throw new Error('expected a card');
      await shared.answer(shown.prompt.id, who, { kind: 'typed', text: 'container' });
    }
    clock.advance(90 * MINUTE); // a new day in UTC+14 only
    expect(await shared.next(place, east)).toMatchObject({ ok: true });
    expect(await shared.next(place, west)).toMatchObject({ ok: false, code: 'NOTHING_DUE' });
    expect(await shared.next(place, east)).toMatchObject({ ok: true });
  });
});

describe('people', () => {
  it('GIVEN a person seen again, renamed, then without a name THEN it is one row whose name follows the last one given', async () => {
    const store = new PgQuizStore(db);
    const first = await store.ensureLearner({ ...person, displayName: 'Ada' });
    const renamed = await store.ensureLearner({ ...person, displayName: 'Ada L.' });
    const nameless = await store.ensureLearner(person);
    expect(new Set([first.userId, renamed.userId, nameless.userId]).size).toBe(1);
    const rows = await db.db.select().from(users).where(eq(users.externalId, person.externalId));
    expect(rows.map((row) => row.displayName)).toEqual(['Ada L.']);
    expect(nameless).toEqual(first);
  });

  it('GIVEN the same new person seen by ten requests at once THEN one row, and every request gets it', async () => {
    const store = new PgQuizStore(db);
    const seen = await Promise.all(
      Array.from({ length: 10 }, () => store.ensureLearner({ ...person, displayName: 'Grace' })),
    );
    expect(new Set(seen.map((learner) => learner.userId)).size).toBe(1);
    expect(await db.db.select().from(users).where(eq(users.externalId, person.externalId))).toHaveLength(1);
  });
});

describe('answer', () => {
  it('GIVEN a right typed answer THEN it is stored with its review log and the card comes back later', async () => {
    const prompt = await nextPrompt();
    clock.advance(4_000);
    const outcome = await quiz.answer(prompt.id, person, { kind: 'typed', text: 'Container' });
    expect(outcome).toMatchObject({ ok: true, verdict: 'correct', rating: 3, repeated: false });
    const [log] = await db.db.select().from(reviews).where(eq(reviews.promptId, prompt.id));
    expect(log).toMatchObject({
      rating: 3,
      stateBefore: 0,
      verdict: 'correct',
      answer: 'Container',
      responseMs: 4_000,
    });
    const [state] = await db.db.select().from(cardStates).where(eq(cardStates.cardId, 'alpha-1'));
    expect(state?.reps).toBe(1);
  });

  it('GIVEN the same prompt answered twice THEN it counts once and the first answer stands', async () => {
    const prompt = await nextPrompt();
    const first = await quiz.answer(prompt.id, person, { kind: 'typed', text: 'wrong' });
    const second = await quiz.answer(prompt.id, person, { kind: 'typed', text: 'container' });
    expect(first).toMatchObject({ ok: true, verdict: 'wrong', repeated: false });
    expect(second).toMatchObject({ ok: true, verdict: 'wrong', repeated: true });
    expect(await reviewCount(prompt.id)).toBe(1);
  });

  it('GIVEN two prompts of one card THEN only the first answer moves the card; the other is stale', async () => {
    const a = await nextPrompt();
    const b = await nextPrompt();
    expect(b.card.id).toBe(a.card.id);
    expect(await quiz.answer(a.id, person, { kind: 'typed', text: 'container' })).toMatchObject({ ok: true });
    expect(await quiz.answer(b.id, person, { kind: 'typed', text: 'container' })).toEqual({
      ok: false,
      code: 'STALE_PROMPT',
    });
  });

  it('GIVEN someone else answers my prompt THEN it is refused and nothing is stored', async () => {
    const prompt = await nextPrompt();
    const stranger = { platform: 'discord', externalId: 'stranger' };
    expect(await quiz.answer(prompt.id, stranger, { kind: 'typed', text: 'container' })).toEqual({
      ok: false,
      code: 'NOT_YOUR_PROMPT',
    });
    expect(await reviewCount(prompt.id)).toBe(0);
  });

  it('GIVEN an unknown or malformed prompt id THEN PROMPT_NOT_FOUND', async () => {
    expect(await quiz.answer('not-a-uuid', person, { kind: 'typed', text: 'x' })).toEqual({
      ok: false,
      code: 'PROMPT_NOT_FOUND',
    });
    expect(
      await quiz.answer('00000000-0000-4000-8000-000000000000', person, { kind: 'typed', text: 'x' }),
    ).toEqual({
      ok: false,
      code: 'PROMPT_NOT_FOUND',
    });
  });

  it('GIVEN multiple choice and self-graded cards THEN options and self ratings are recorded', async () => {
    const choice = await nextPrompt({ exclude: ['alpha-1', 'alpha-2'] });
    expect(await quiz.answer(choice.id, person, { kind: 'choice', option: 7 })).toEqual({
      ok: false,
      code: 'NO_SUCH_OPTION',
    });
    expect(await quiz.answer(choice.id, person, { kind: 'choice', option: 1 })).toMatchObject({
      verdict: 'correct',
    });
    const self = await nextPrompt({ exclude: ['alpha-1', 'alpha-2'] });
    expect(self.card.kind).toBe('self');
    expect(await quiz.answer(self.id, person, { kind: 'typed', text: 'x' })).toEqual({
      ok: false,
      code: 'WRONG_ANSWER_KIND',
    });
    expect(await quiz.answer(self.id, person, { kind: 'self', rating: 4 })).toMatchObject({
      verdict: 'self',
      rating: 4,
    });
  });
});

describe('dispute ("I was right")', () => {
  it('GIVEN a wrong verdict THEN the review is re-rated Good, and the log keeps both', async () => {
    const prompt = await nextPrompt();
    const answered = await quiz.answer(prompt.id, person, { kind: 'typed', text: 'a box' });
    if (!answered.ok) throw new Error('answer failed');
    const disputed = await quiz.dispute(answered.reviewId, person);
    expect(disputed).toMatchObject({ ok: true, rating: 3, repeated: false });
    const rows = await db.db
      .select()
      .from(reviews)
      .where(eq(reviews.promptId, prompt.id))
      .orderBy(reviews.id);
    expect(rows.map((row) => [row.rating, row.verdict, row.answer])).toEqual([
      [1, 'wrong', 'a box'],
      [3, 'correct', 'a box'],
    ]);
    expect(rows[0]?.supersededBy).toBe(rows[1]?.id);
    const [state] = await db.db
      .select()
      .from(cardStates)
      .innerJoin(users, eq(users.id, cardStates.userId))
      .where(sql`${users.externalId} = ${person.externalId} and ${cardStates.cardId} = 'alpha-1'`);
    expect(state?.card_states.reps).toBe(1);
    expect(state?.card_states.due.getTime()).toBe(disputed.ok ? disputed.due.getTime() : 0);
    expect(await quiz.dispute(answered.reviewId, person)).toMatchObject({ ok: true, repeated: true });
  });

  it('GIVEN a right answer, or a card reviewed since THEN the dispute is refused', async () => {
    const prompt = await nextPrompt();
    const right = await quiz.answer(prompt.id, person, { kind: 'typed', text: 'container' });
    expect(right.ok && (await quiz.dispute(right.reviewId, person))).toEqual({
      ok: false,
      code: 'ALREADY_RIGHT',
    });
    clock.advance(DAY);
    const again = await nextPrompt();
    const wrong = await quiz.answer(again.id, person, { kind: 'typed', text: 'nope' });
    clock.advance(DAY);
    const later = await nextPrompt();
    await quiz.answer(later.id, person, { kind: 'typed', text: 'container' });
    expect(wrong.ok && (await quiz.dispute(wrong.reviewId, person))).toEqual({
      ok: false,
      code: 'REVIEWED_SINCE',
    });
  });
});

describe('stats', () => {
  it('GIVEN reviews on three days in a row THEN the streak, retention and due counts say so', async () => {
    for (const text of ['container', 'wrong', 'container']) {
      const prompt = await nextPrompt({ deckId: 'alpha', exclude: ['alpha-2', 'alpha-3', 'alpha-4'] });
      clock.advance(10_000);
      await quiz.answer(prompt.id, person, { kind: 'typed', text });
      clock.advance(DAY);
    }
    clock.advance(-DAY + MINUTE);
    const stats = await quiz.stats(person);
    expect(stats).toMatchObject({ reviewedToday: 1, streak: 3, totalReviews: 3 });
    expect(stats.retention30d).toBeCloseTo(2 / 3);
    expect(stats.dueToday + stats.dueTomorrow).toBeGreaterThanOrEqual(0);
    clock.advance(3 * DAY);
    expect((await quiz.stats(person)).streak).toBe(0);
  });

  it('GIVEN progress made in one server THEN it follows the person into another', async () => {
    const prompt = await nextPrompt();
    await quiz.answer(prompt.id, person, { kind: 'typed', text: 'container' });
    const elsewhere = await quiz.next(otherPlace, person);
    expect(elsewhere.ok && elsewhere.prompt.card.id).toBe('alpha-2');
  });
});

async function reviewCount(promptId: string): Promise<number> {
  const rows = await db.db.select().from(reviews).where(eq(reviews.promptId, promptId));
  return rows.length;
}
