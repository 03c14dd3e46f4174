import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/deck/card.ts';
import { parseDeck } from '../../src/core/deck/parse.ts';
import type { Person } from '../../src/core/people.ts';
import type { QuizStore } from '../../src/core/quiz/ports.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { deckCards } from '../../src/db/simulation-store.ts';
import { drawWeights } from '../../src/simulator/memory.ts';
import { MemoryQuizStore } from '../../src/simulator/memory-quiz-store.ts';
import { SeededRandom } from '../../src/simulator/random.ts';
import { studyDays } from '../../src/simulator/study.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import {
  DAY,
  deckOf,
  MINUTE,
  SIBLINGS_DECK,
  sequentialIds,
  TestClock,
  typedCard,
} from '../support/fixtures.ts';

/**
 * The simulator runs the real Quiz over MemoryQuizStore and writes what it made: that is only a simulation of
 * Mnemo if the store in memory answers as PgQuizStore does. Each case runs the same steps over both and
 * compares what a person would see.
 */

let db: TestDatabase;
let cards: Card[];
let people = 0;
const place = { tenantId: 'console', platform: 'console' };

beforeAll(async () => {
  db = await freshDatabase();
  const { deck, issues } = parseDeck('cards/bio.md', SIBLINGS_DECK);
  if (!deck) throw new Error(JSON.stringify(issues));
  const words = Array.from({ length: 15 }, (_, i) => typedCard(`w-${i}`, `answer${i}`));
  await syncDecks(db.db, [deck, deckOf('words', words)]);
  cards = [...(await deckCards(db.db, 'bio')), ...(await deckCards(db.db, 'words'))];
});
afterAll(() => db.dispose());

/** Both stores, each with a person of its own (the database is shared by the cases). */
function bothStores(): { name: string; store: QuizStore; person: Person }[] {
  return [
    {
      name: 'postgres',
      store: new PgQuizStore(db),
      person: { platform: 'console', externalId: `pg${++people}` },
    },
    {
      name: 'memory',
      store: new MemoryQuizStore(cards),
      person: { platform: 'console', externalId: 'memory' },
    },
  ];
}

describe('MemoryQuizStore keeps the contract of PgQuizStore', () => {
  it('GIVEN a simulated learner studying 40 days THEN both stores deal the same cards at the same times and store the same reviews', async () => {
    const [pg, memory] = await Promise.all(
      bothStores().map(({ store, person }) =>
        studyDays(
          store,
          place,
          { person, weights: drawWeights(new SeededRandom(3)), seed: 11 },
          { days: 40, deckId: 'words', retention: 0.85 },
          sequentialIds(),
        ),
      ),
    );
    const log = (run: typeof pg) =>
      run?.answers.map((answer) => [answer.cardId, answer.at.toISOString(), answer.rating]);
    expect(pg?.answers.length).toBeGreaterThan(60);
    expect(log(memory)).toEqual(log(pg));
    expect(memory?.perDay).toEqual(pg?.perDay);
  }, 120_000);

  it('GIVEN siblings, day limits, a dispute, a reschedule and stats THEN both stores answer alike', async () => {
    const transcripts = [];
    for (const { store, person } of bothStores()) {
      const clock = new TestClock('2026-05-04T00:00:00Z'); // 20:00 in New York
      const quiz = new Quiz({ store, clock, newId: sequentialIds() });
      const said: unknown[] = [];
      await quiz.changeSettings(person, { timeZone: 'America/New_York', newPerDay: 3 });
      const study = async (right: boolean) => {
        const next = await quiz.next(place, person);
        if (!next.ok) {
          said.push(['nothing due', next.nextDue?.toISOString() ?? null]);
          return null;
        }
        const { card, id } = next.prompt;
        clock.advance(5_000);
        const input =
          card.kind === 'self'
            ? ({ kind: 'self', rating: right ? 3 : 1 } as const)
            : ({ kind: 'typed', text: right ? card.answer : 'no idea' } as const);
        const answered = await quiz.answer(id, person, input);
        said.push(
          answered.ok ? [card.id, next.isNew, answered.rating, answered.due.toISOString()] : answered.code,
        );
        clock.advance(MINUTE);
        return answered.ok ? answered.reviewId : null;
      };
      const wrong = await study(false);
      for (let i = 0; i < 6; i++) await study(true);
      said.push((await quiz.dispute(wrong ?? 0, person)).ok);
      clock.advance(DAY);
      for (let i = 0; i < 8; i++) await study(i % 3 !== 0);
      await quiz.changeSettings(person, { desiredRetention: 0.8 });
      said.push(await quiz.reschedule(person));
      const { timeZone, model, ...stats } = await quiz.stats(person);
      said.push(stats);
      transcripts.push(said);
    }
    const [pg, memory] = transcripts;
    expect(pg).toContainEqual(['nothing due', expect.any(String)]);
    expect(memory).toEqual(pg);
  }, 120_000);

  it('GIVEN a typo rated Hard, then a reschedule to a lower retention THEN "I was right" is accepted, and the card is due as if that answer had been right before the reschedule', async () => {
    const dues = [];
    for (const { store, person } of bothStores()) {
      const other = { ...person, externalId: `${person.externalId}-right` };
      const clock = new TestClock('2026-05-04T09:00:00Z');
      const quiz = new Quiz({ store, clock, newId: sequentialIds() });
      /** The person answers w-1 at these times, each right (Good) but the last, a slip (Hard) unless `right`. */
      const study = async (who: Person, right: boolean) => {
        clock.set('2026-05-04T09:00:00Z');
        let last = 0;
        for (const [i, offset] of [0, 10 * MINUTE, 3 * DAY, 10 * DAY].entries()) {
          clock.set(new Date(Date.parse('2026-05-04T09:00:00Z') + offset));
          const shown = await quiz.promptFor(place, who, 'w-1');
          if (!shown.ok) throw new Error('no prompt');
          const text = i < 3 || right ? 'answer1' : 'answerr1';
          clock.advance(30_000); // a right answer after some thought: Good, as the dispute rates it (a fast one is Easy)
          const answered = await quiz.answer(shown.prompt.id, who, { kind: 'typed', text });
          if (!answered.ok) throw new Error(answered.code);
          last = answered.reviewId;
        }
        await quiz.changeSettings(who, { desiredRetention: 0.8 });
        return { last, rescheduled: await quiz.reschedule(who) };
      };
      const wrong = await study(person, false);
      expect(wrong.rescheduled).toMatchObject({ cards: 1, moved: 1 });
      expect((await study(other, true)).rescheduled).toMatchObject({ cards: 1, moved: 1 });
      const disputed = await quiz.dispute(wrong.last, person);
      expect(disputed).toMatchObject({ ok: true, rating: 3, repeated: false });
      const dueOf = async (who: Person) =>
        (await store.findCard((await store.ensureLearner(who)).userId, 'w-1', place.tenantId))?.state?.due;
      const [rightDue, disputedDue] = [await dueOf(other), await dueOf(person)];
      expect(rightDue?.getTime()).toBeGreaterThan(Date.parse('2026-05-20T00:00:00Z'));
      expect(disputed.ok && disputed.due).toEqual(rightDue);
      expect(disputedDue).toEqual(rightDue);
      dues.push(disputedDue);
    }
    expect(dues[0]).toEqual(dues[1]);
  }, 120_000);
});
