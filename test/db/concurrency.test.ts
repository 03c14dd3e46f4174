import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cardStates, reviews } from '../../src/db/schema.ts';
import { freshDatabase, ON_POSTGRES, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

let db: TestDatabase;
let quiz: Quiz;
const place = { tenantId: 'console', platform: 'console' };

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [deckOf('race', [typedCard('race-1', 'mutex')])], []);
  quiz = new Quiz({
    store: new PgQuizStore(db),
    clock: new TestClock('2026-02-02T12:00:00Z'),
    newId: sequentialIds(),
  });
});
afterAll(() => db.dispose());

describe('racing answers', () => {
  // A new card (no state row yet) and a card answered before take different paths: both race.
  it.each(['new', 'seen'])(
    'GIVEN one prompt of a %s card answered 12 times at once, ten times over THEN one review is stored each time and every reply agrees',
    async (kind) => {
      for (let round = 0; round < 10; round++) {
        const person = { platform: 'console', externalId: `double-clicker-${kind}-${round}` };
        if (kind === 'seen') {
          const first = await quiz.next(place, person);
          if (!first.ok) throw new Error('no card');
          await quiz.answer(first.prompt.id, person, { kind: 'typed', text: 'lock' });
        }
        const prompt = await quiz.promptFor(place, person, 'race-1');
        if (!prompt.ok) throw new Error('no card');
        const promptId = prompt.prompt.id;
        const answers = ['mutex', 'mutes', 'mutex', 'lock'];
        const outcomes = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            quiz.answer(promptId, person, { kind: 'typed', text: answers[i % 4] ?? '' }),
          ),
        );
        const rows = await db.db.select().from(reviews).where(eq(reviews.promptId, promptId));
        expect(rows).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome.ok && !outcome.repeated)).toHaveLength(1);
        const verdicts = new Set(outcomes.map((outcome) => (outcome.ok ? outcome.verdict : outcome.code)));
        expect(verdicts).toEqual(new Set([rows[0]?.verdict]));
      }
    },
  );

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

  it.runIf(ON_POSTGRES)(
    'GIVEN another transaction is making the card state THEN the answer waits for it, starts over and is stored (needs DATABASE_URL: PostgreSQL only, skipped on PGlite)',
    async () => {
      const person = { platform: 'console', externalId: 'late-starter' };
      const shown = await quiz.promptFor(place, person, 'race-1');
      if (!shown.ok) throw new Error('no card');
      const { userId, shownAt } = shown.prompt;
      // Another session makes the state row and holds it uncommitted: the answer finds no state it can see,
      // its own insert of one waits, and once the other commits it starts over and locks that row.
      const other = postgres(db.url ?? '', { max: 1, onnotice: () => {} });
      try {
        let release = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let made = () => {};
        const stateMade = new Promise<void>((resolve) => {
          made = resolve;
        });
        const holder = other.begin(async (tx) => {
          await tx`insert into card_states (user_id, card_id, due, stability, difficulty, elapsed_days,
            scheduled_days, learning_steps, reps, lapses, state)
            values (${userId}, 'race-1', ${shownAt.toISOString()}, 0, 0, 0, 0, 0, 0, 0, 0)`;
          made();
          await held;
        });
        await stateMade; // the other session holds the row: a fixed wait here raced it on a busy machine
        const answering = quiz.answer(shown.prompt.id, person, { kind: 'typed', text: 'mutex' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        release();
        await holder;
        const outcome = await answering;
        expect(outcome.ok && !outcome.repeated && outcome.verdict).toBe('correct');
        const [state] = await db.db
          .select()
          .from(cardStates)
          .where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, 'race-1')));
        expect(state?.reps).toBe(1);
      } finally {
        await other.end();
      }
    },
  );
});
