import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

const place = { tenantId: 'discord:1', platform: 'discord', name: 'Server' };
const person = { platform: 'discord', externalId: 'u1' };
const physics = (answers: readonly string[]) =>
  deckOf(
    'physics',
    answers.map((answer) => typedCard(answer.toLowerCase(), answer)),
  );
let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [physics(['Bohr', 'Bohm', 'Born'])], []);
});
afterAll(() => db.dispose());

describe("the deck's answers, the grader's vocabulary", () => {
  it('GIVEN a deck THEN its answers come in deck order, at most the limit, without retired cards', async () => {
    const store = new PgQuizStore(db);
    expect(await store.deckAnswers('physics', 10)).toEqual(['Bohr', 'Bohm', 'Born']);
    expect(await store.deckAnswers('physics', 2)).toEqual(['Bohr', 'Bohm']);
    await syncDecks(db.db, [physics(['Bohr', 'Bohm'])], []);
    expect(await store.deckAnswers('physics', 10)).toEqual(['Bohr', 'Bohm']);
  });

  it('GIVEN an answer that is another answer of the deck one letter away THEN the quiz marks it wrong', async () => {
    const quiz = new Quiz({
      store: new PgQuizStore(db),
      clock: new TestClock('2026-05-04T09:00:00Z'),
      newId: sequentialIds(),
    });
    const shown = await quiz.next(place, person, { exclude: ['bohm'] });
    if (!shown.ok) throw new Error(`nothing to show: ${shown.code}`);
    expect(shown.prompt.card.answer).toBe('Bohr');
    expect(await quiz.answer(shown.prompt.id, person, { kind: 'typed', text: 'Bohm' })).toMatchObject({
      ok: true,
      verdict: 'wrong',
    });
  });
});
