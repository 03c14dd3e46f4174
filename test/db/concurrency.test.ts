import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { DrizzleQuizStore } from '../../src/db/quiz-store.ts';
import { cardStates, reviews } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

let db: TestDatabase;
let quiz: Quiz;
const place = { tenantId: 'console', platform: 'console' };

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [deckOf('race', [typedCard('race-1', 'mutex')])], []);
  quiz = new Quiz({
    store: new DrizzleQuizStore(db.db),
    clock: new TestClock('2026-02-02T12:00:00Z'),
    newId: sequentialIds(),
  });
});
afterAll(() => db.dispose());

describe('racing answers', () => {
  it('GIVEN one prompt answered 12 times at once THEN one review is stored and every reply agrees', async () => {
    const person = { platform: 'console', externalId: 'double-clicker' };
    const next = await quiz.next(place, person);
    if (!next.ok) throw new Error('no card');
    const answers = ['mutex', 'mutes', 'mutex', 'lock'];
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        quiz.answer(next.prompt.id, person, { kind: 'typed', text: answers[i % 4] ?? '' }),
      ),
    );
    const rows = await db.db.select().from(reviews).where(eq(reviews.promptId, next.prompt.id));
    expect(rows).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.ok && !outcome.repeated)).toHaveLength(1);
    const verdicts = new Set(outcomes.map((outcome) => (outcome.ok ? outcome.verdict : outcome.code)));
    expect(verdicts).toEqual(new Set([rows[0]?.verdict]));
  });

  it('GIVEN six prompts of the same card answered at once THEN exactly one moves the card', async () => {
    const person = { platform: 'console', externalId: 'many-tabs' };
    const prompts = [];
    for (let i = 0; i < 6; i++) {
      const next = await quiz.next(place, person);
      if (!next.ok) throw new Error('no card');
      prompts.push(next.prompt);
    }
    const outcomes = await Promise.all(
      prompts.map((prompt) => quiz.answer(prompt.id, person, { kind: 'typed', text: 'mutex' })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.code === 'STALE_PROMPT')).toHaveLength(5);
    const learner = await quiz.settings(person);
    const [state] = await db.db.select().from(cardStates).where(eq(cardStates.userId, learner.userId));
    expect(state?.reps).toBe(1);
  });
});
