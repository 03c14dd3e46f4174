import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import type { Rating } from '../../src/core/rating.ts';
import { type MemoryState, newMemory } from '../../src/core/scheduling/memory.ts';
import { schedule } from '../../src/core/scheduling/scheduler.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cardStates } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock } from '../support/fixtures.ts';

const REVIEWS = 1_000;
const CARDS = 25;

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  const deck = deckOf(
    'round',
    Array.from({ length: CARDS }, (_, i) => ({
      id: `round-${i}`,
      deckId: 'round',
      kind: 'self' as const,
      question: `q${i}`,
      answer: `a${i}`,
      accept: [],
      options: [],
      correctOption: null,
      note: null,
      tags: [],
      lang: 'en',
      position: i,
      line: 1,
    })),
  );
  await syncDecks(db.db, [deck], []);
});
afterAll(() => db.dispose());

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('storing a card state', () => {
  it(`GIVEN ${REVIEWS} random reviews THEN the database and ts-fsrs in memory agree on every field`, async () => {
    const rand = random(20_261_127);
    const clock = new TestClock('2026-01-01T00:00:00Z');
    const person = { platform: 'console', externalId: 'property' };
    const quiz = new Quiz({
      store: new PgQuizStore(db),
      clock,
      newId: sequentialIds(),
    });
    const changed = await quiz.changeSettings(person, { newPerDay: 1_000, maxReviewsPerDay: 10_000 });
    if (!changed.ok) throw new Error(changed.message);
    const { learner } = changed;
    const memory = new Map<string, MemoryState>();
    for (let i = 0; i < REVIEWS; i++) {
      const cardId = `round-${Math.floor(rand() * CARDS)}`;
      const rating = (1 + Math.floor(rand() * 4)) as Rating;
      // Jump ahead by anything from seconds to months, and at least to when the card is due.
      const due = memory.get(cardId)?.due.getTime() ?? 0;
      clock.set(new Date(Math.max(clock.now().getTime(), due) + Math.floor(rand() ** 3 * 90 * 86_400_000)));
      const next = await quiz.next({ tenantId: 'console', platform: 'console' }, person, {
        exclude: Array.from({ length: CARDS }, (_, c) => `round-${c}`).filter((id) => id !== cardId),
      });
      if (!next.ok) throw new Error(`card ${cardId} should be due at ${clock.now().toISOString()}`);
      const answered = await quiz.answer(next.prompt.id, person, { kind: 'self', rating });
      expect(answered.ok).toBe(true);
      const expected = schedule(memory.get(cardId) ?? newMemory(clock.now()), clock.now(), rating, 0.9).after;
      memory.set(cardId, expected);
      const [row] = await db.db
        .select()
        .from(cardStates)
        .where(and(eq(cardStates.cardId, cardId), eq(cardStates.userId, learner.userId)));
      const { userId: _user, cardId: _card, ...state } = row ?? { userId: 0, cardId: '' };
      expect(state, `review ${i} of ${cardId}`).toEqual(expected);
    }
    const stored = await db.db.select().from(cardStates);
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      const { userId: _user, cardId, ...state } = row;
      expect(state, cardId).toEqual(memory.get(cardId));
    }
  });
});
