import { beforeEach, describe, expect, it } from 'vitest';
import type { Person, Place } from '../../src/core/people.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { DAY, MINUTE, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';
import { MemoryQuizStore } from '../support/memory-quiz-store.ts';

const PLACE: Place = { tenantId: 'discord:1', platform: 'discord' };
const ANN: Person = { platform: 'discord', externalId: 'ann' };

let clock: TestClock;
let store: MemoryQuizStore;
let quiz: Quiz;

beforeEach(() => {
  clock = new TestClock('2026-05-04T09:00:00Z');
  store = new MemoryQuizStore([
    typedCard('container', 'container', { deckId: 'docker', position: 0 }),
    typedCard('image', 'image', { deckId: 'docker', position: 1 }),
  ]);
  quiz = new Quiz({ store, clock, newId: sequentialIds() });
});

/** Ann answers every card due now, right, one a minute. */
async function answerDue(text: (cardId: string) => string = (id) => id) {
  for (;;) {
    const shown = await quiz.next(PLACE, ANN);
    if (!shown.ok) return;
    clock.advance(MINUTE);
    await quiz.answer(shown.prompt.id, ANN, { kind: 'typed', text: text(shown.prompt.card.id) });
  }
}

/** Ten days of study: the cards leave their learning steps and are reviewed at their intervals. */
async function studyTenDays(text?: (cardId: string) => string) {
  for (let day = 0; day < 10; day++) {
    await answerDue(text);
    clock.advance(DAY);
  }
}

const dues = () => [...store.states.values()].map((state) => state.due.getTime());

describe('Quiz.reschedule: card states replayed from the review log', () => {
  it('GIVEN settings unchanged since the reviews THEN nothing moves: the replay is the schedule', async () => {
    await studyTenDays();
    const before = dues();
    expect(await quiz.reschedule(ANN)).toEqual({ cards: 2, moved: 0, kept: 0, fitted: false });
    expect(dues()).toEqual(before);
  });

  it('GIVEN a lower desired retention WHEN rescheduled THEN every card comes back later, and a second run moves nothing', async () => {
    await studyTenDays();
    const before = dues();
    await quiz.changeSettings(ANN, { desiredRetention: 0.8 });
    expect(await quiz.reschedule(ANN)).toMatchObject({ cards: 2, moved: 2 });
    dues().forEach((due, i) => {
      expect(due).toBeGreaterThan(before[i] ?? Number.POSITIVE_INFINITY);
    });
    const after = dues();
    expect(await quiz.reschedule(ANN)).toMatchObject({ cards: 2, moved: 0 });
    expect(dues()).toEqual(after);
  });

  it('GIVEN a wrong answer re-rated "I was right" THEN the replay follows the Good that replaced it', async () => {
    const shown = await quiz.next(PLACE, ANN);
    if (!shown.ok) throw new Error('nothing shown');
    clock.advance(MINUTE);
    const wrong = await quiz.answer(shown.prompt.id, ANN, { kind: 'typed', text: 'no idea' });
    clock.advance(MINUTE);
    const disputed = await quiz.dispute(wrong.ok ? wrong.reviewId : 0, ANN);
    expect(disputed).toMatchObject({ ok: true, rating: 3 });
    const before = dues();
    expect(await quiz.reschedule(ANN)).toEqual({ cards: 1, moved: 0, kept: 0, fitted: false });
    expect(dues()).toEqual(before);
  });

  it('GIVEN fitted weights THEN they are used and said to be', async () => {
    await studyTenDays();
    const learner = [...store.learners.values()][0];
    if (!learner) throw new Error('no learner');
    // Much slower forgetting of a first Good than the defaults: the cards come back later.
    const weights = [
      0.2, 1.2, 30, 40, 7.1, 0.6, 1.9, 0.01, 1.5, 0.13, 1.0, 1.9, 0.1, 0.3, 2.3, 0.25, 2.9, 0.5, 0.3, 0.1,
      0.2,
    ];
    learner.weights = weights;
    const before = dues();
    expect(await quiz.reschedule(ANN)).toMatchObject({ cards: 2, moved: 2, fitted: true });
    dues().forEach((due, i) => {
      expect(due).toBeGreaterThan(before[i] ?? Number.POSITIVE_INFINITY);
    });
  });
});
