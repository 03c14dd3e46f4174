import { beforeEach, describe, expect, it } from 'vitest';
import type { Person, Place } from '../../src/core/people.ts';
import { type AnswerSuccess, LANGUAGE_CACHE, Quiz } from '../../src/core/quiz/quiz.ts';
import { VOCABULARY_CACHE } from '../../src/core/quiz/vocabulary.ts';
import { MemoryQuizStore } from '../../src/simulator/memory-quiz-store.ts';
import { DAY, MINUTE, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

const PLACE: Place = { tenantId: 'discord:1', platform: 'discord' };
const ANN: Person = { platform: 'discord', externalId: 'ann' };
const BOB: Person = { platform: 'discord', externalId: 'bob' };

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

/** Shows Ann her next card and answers it with `text` a minute later. */
async function showAndAnswer(text: string, person = ANN) {
  const shown = await quiz.next(PLACE, person);
  if (!shown.ok) throw new Error(`nothing to show: ${shown.code}`);
  clock.advance(MINUTE);
  return {
    prompt: shown.prompt,
    outcome: await quiz.answer(shown.prompt.id, person, { kind: 'typed', text }),
  };
}

function success(outcome: unknown): AnswerSuccess {
  expect(outcome).toMatchObject({ ok: true });
  return outcome as AnswerSuccess;
}

describe('Quiz, on an in-memory store', () => {
  it('GIVEN a new person THEN the first card is new, and a right answer is stored once, rated Good and due later', async () => {
    const shown = await quiz.next(PLACE, ANN);
    expect(shown).toMatchObject({ ok: true, isNew: true, prompt: { card: { id: 'container' } } });
    clock.advance(MINUTE);
    const answered = success(
      await quiz.answer(shown.ok ? shown.prompt.id : '', ANN, { kind: 'typed', text: 'container' }),
    );
    expect(answered).toMatchObject({ verdict: 'correct', rating: 3, repeated: false, reviewId: 1 });
    expect(answered.due.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(store.reviews()).toHaveLength(1);
  });

  it('GIVEN an answered prompt WHEN it is answered again THEN the first answer stands and nothing more is stored', async () => {
    const { prompt } = await showAndAnswer('wrong thing');
    const again = success(
      await quiz.answer(prompt.id, ANN, { kind: 'typed', text: 'container' }, 'request-2'),
    );
    expect(again).toMatchObject({
      verdict: 'wrong',
      rating: 1,
      given: 'wrong thing',
      repeated: true,
      redelivered: false,
    });
    expect(store.reviews()).toHaveLength(1);
  });

  it('GIVEN the same request delivered twice THEN the second is told it was a redelivery', async () => {
    const shown = await quiz.next(PLACE, ANN);
    const id = shown.ok ? shown.prompt.id : '';
    await quiz.answer(id, ANN, { kind: 'typed', text: 'container' }, 'request-1');
    expect(await quiz.answer(id, ANN, { kind: 'typed', text: 'container' }, 'request-1')).toMatchObject({
      repeated: true,
      redelivered: true,
    });
  });

  it("GIVEN someone else's prompt THEN NOT_YOUR_PROMPT, and nothing is stored", async () => {
    const shown = await quiz.next(PLACE, ANN);
    await quiz.next(PLACE, BOB);
    const outcome = await quiz.answer(shown.ok ? shown.prompt.id : '', BOB, {
      kind: 'typed',
      text: 'container',
    });
    expect(outcome).toEqual({ ok: false, code: 'NOT_YOUR_PROMPT' });
    expect(store.reviews()).toEqual([]);
  });

  it('GIVEN a card reviewed after the prompt was shown THEN the old prompt is STALE_PROMPT', async () => {
    const first = await quiz.promptFor(PLACE, ANN, 'image');
    const second = await quiz.promptFor(PLACE, ANN, 'image');
    if (!first.ok || !second.ok) throw new Error('no prompt');
    success(await quiz.answer(second.prompt.id, ANN, { kind: 'typed', text: 'image' }));
    expect(await quiz.answer(first.prompt.id, ANN, { kind: 'typed', text: 'image' })).toEqual({
      ok: false,
      code: 'STALE_PROMPT',
    });
  });

  it('GIVEN an unknown prompt or the wrong kind of answer THEN a refusal code, and nothing is stored', async () => {
    expect(await quiz.answer('no-such-prompt', ANN, { kind: 'typed', text: 'x' })).toEqual({
      ok: false,
      code: 'PROMPT_NOT_FOUND',
    });
    const shown = await quiz.next(PLACE, ANN);
    const id = shown.ok ? shown.prompt.id : '';
    expect(await quiz.answer(id, ANN, { kind: 'self', rating: 4 })).toEqual({
      ok: false,
      code: 'WRONG_ANSWER_KIND',
    });
    expect(store.reviews()).toEqual([]);
  });

  it('GIVEN a wrong answer WHEN the person says "I was right" THEN it is re-rated Good once, and the old review is superseded', async () => {
    const { outcome } = await showAndAnswer('wrong thing');
    const wrong = success(outcome);
    const disputed = await quiz.dispute(wrong.reviewId, ANN);
    expect(disputed).toMatchObject({ ok: true, rating: 3, repeated: false, reviewId: 2 });
    expect(store.reviews().map((review) => [review.id, review.supersededBy, review.disputeOf])).toEqual([
      [1, 2, null],
      [2, null, 1],
    ]);
    expect(disputed.ok && disputed.due.getTime()).toBeGreaterThan(wrong.due.getTime());
    expect(await quiz.dispute(wrong.reviewId, ANN)).toMatchObject({ ok: true, repeated: true, reviewId: 2 });
    expect(store.reviews()).toHaveLength(2);
  });

  it("GIVEN a right answer, or someone else's review THEN the dispute is refused", async () => {
    const right = success((await showAndAnswer('container')).outcome);
    expect(await quiz.dispute(right.reviewId, ANN)).toEqual({ ok: false, code: 'ALREADY_RIGHT' });
    const wrong = success((await showAndAnswer('nope')).outcome);
    expect(await quiz.dispute(wrong.reviewId, BOB)).toEqual({ ok: false, code: 'NOT_YOUR_REVIEW' });
    expect(await quiz.dispute(99, ANN)).toEqual({ ok: false, code: 'REVIEW_NOT_FOUND' });
  });

  it('GIVEN a wrong answer reviewed again since THEN the dispute is REVIEWED_SINCE', async () => {
    const wrong = success((await showAndAnswer('nope')).outcome);
    const again = await quiz.promptFor(PLACE, ANN, 'container');
    if (!again.ok) throw new Error('no prompt');
    await quiz.answer(again.prompt.id, ANN, { kind: 'typed', text: 'container' });
    expect(await quiz.dispute(wrong.reviewId, ANN)).toEqual({ ok: false, code: 'REVIEWED_SINCE' });
  });

  it("GIVEN the day's new cards used up THEN nothing is due until a card comes back", async () => {
    const learner = await store.ensureLearner(ANN);
    await store.updateSettings(learner.userId, { newPerDay: 1 });
    const right = success((await showAndAnswer('container')).outcome);
    const next = await quiz.next(PLACE, ANN);
    expect(next).toMatchObject({ ok: false, code: 'NOTHING_DUE', nextDue: right.due });
    clock.set(new Date(right.due.getTime() + DAY));
    expect(await quiz.next(PLACE, ANN)).toMatchObject({
      ok: true,
      isNew: false,
      prompt: { card: { id: 'container' } },
    });
  });

  it('GIVEN a question of the day opened twice THEN the person keeps one prompt, and answers are counted per person', async () => {
    const first = await quiz.promptFor(PLACE, ANN, 'image', { deliveryId: 7 });
    const second = await quiz.promptFor(PLACE, ANN, 'image', { deliveryId: 7 });
    if (!first.ok || !second.ok) throw new Error('no prompt');
    expect(second.prompt.id).toBe(first.prompt.id);
    await quiz.answer(first.prompt.id, ANN, { kind: 'typed', text: 'image' });
    const bobs = await quiz.promptFor(PLACE, BOB, 'image', { deliveryId: 7 });
    expect(await quiz.answersToDelivery(7)).toBe(1);
    if (bobs.ok) await quiz.answer(bobs.prompt.id, BOB, { kind: 'typed', text: 'nope' });
    expect(await quiz.answersToDelivery(7)).toBe(2);
  });

  it('GIVEN a setting out of range THEN BAD_SETTING names it, and nothing changes', async () => {
    const refused = await quiz.changeSettings(ANN, { newPerDay: -1 });
    expect(refused).toMatchObject({ ok: false, code: 'BAD_SETTING', field: 'newPerDay' });
    expect((await quiz.settings(ANN)).newPerDay).toBe(20);
  });
});

/** A store that counts how often the deck's answers and the person are read. */
class CountingStore extends MemoryQuizStore {
  reads = 0;
  override async deckAnswers(deckId: string, limit: number) {
    this.reads++;
    return super.deckAnswers(deckId, limit);
  }

  learnerReads = 0;
  override async findLearner(person: Person) {
    this.learnerReads++;
    return super.findLearner(person);
  }
}

describe("Quiz.language: the person's chosen language, asked on every interaction", () => {
  it('GIVEN it asked twice within a minute THEN it is read once; a change through this process is kept at once; a minute later it is read again', async () => {
    const counting = new CountingStore([typedCard('bohr', 'Bohr', { deckId: 'physics', position: 0 })]);
    quiz = new Quiz({ store: counting, clock, newId: sequentialIds() });
    expect([await quiz.language(ANN), await quiz.language(ANN)]).toEqual([null, null]);
    expect(counting.learnerReads).toBe(1);

    expect(await quiz.changeSettings(ANN, { language: 'es' })).toMatchObject({ ok: true });
    expect(await quiz.language(ANN)).toBe('es');
    expect(counting.learnerReads).toBe(1);

    clock.advance(LANGUAGE_CACHE.keepMs);
    expect(await quiz.language(ANN)).toBe('es');
    expect(counting.learnerReads).toBe(2);
  });
});

describe("Quiz, grading with the deck's answers", () => {
  let physics: CountingStore;

  beforeEach(() => {
    physics = new CountingStore([
      typedCard('bohr', 'Bohr', { deckId: 'physics', position: 0 }),
      typedCard('bohm', 'Bohm', { deckId: 'physics', position: 1 }),
    ]);
    quiz = new Quiz({ store: physics, clock, newId: sequentialIds() });
  });

  async function answerTo(cardId: string, text: string) {
    const shown = await quiz.next(PLACE, ANN, {
      exclude: ['bohr', 'bohm', 'bohn'].filter((id) => id !== cardId),
    });
    if (!shown.ok) throw new Error(`nothing to show: ${shown.code}`);
    return success(await quiz.answer(shown.prompt.id, ANN, { kind: 'typed', text }));
  }

  it('GIVEN another answer of the deck one letter away THEN it is wrong, while a real slip is a typo; the deck is read once', async () => {
    expect(await answerTo('bohr', 'Bohm')).toMatchObject({ verdict: 'wrong', rating: 1 });
    expect(await answerTo('bohm', 'Bohmm')).toMatchObject({ verdict: 'close' });
    expect(physics.reads).toBe(1);
  });

  it('GIVEN a card added to the deck THEN its answer counts once the kept answers are older than kept', async () => {
    await answerTo('bohr', 'Bohr');
    physics.addCard(typedCard('bohn', 'Bohn', { deckId: 'physics', position: 2 }));
    clock.advance(VOCABULARY_CACHE.keepMs);
    expect(await answerTo('bohm', 'Bohn')).toMatchObject({ verdict: 'wrong' });
    expect(physics.reads).toBe(2);
  });
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

const dues = () => store.cardStates().map(({ state }) => state.due.getTime());

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
    const learner = store.learners()[0];
    if (!learner) throw new Error('no learner');
    // Much slower forgetting of a first Good than the defaults: the cards come back later.
    const weights = [
      0.2, 1.2, 30, 40, 7.1, 0.6, 1.9, 0.01, 1.5, 0.13, 1.0, 1.9, 0.1, 0.3, 2.3, 0.25, 2.9, 0.5, 0.3, 0.1,
      0.2,
    ];
    store.adoptWeights(learner.userId, weights);
    const before = dues();
    expect(await quiz.reschedule(ANN)).toMatchObject({ cards: 2, moved: 2, fitted: true });
    dues().forEach((due, i) => {
      expect(due).toBeGreaterThan(before[i] ?? Number.POSITIVE_INFINITY);
    });
  });
});
