import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import type { Rating } from '../../src/core/rating.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgPrivacyStore } from '../../src/db/privacy-store.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cardHolds, cardStates, practiceReviews, reviews } from '../../src/db/schema.ts';
import { PgStudyStore } from '../../src/db/study-store.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { DAY, sequentialIds, TestClock } from '../support/fixtures.ts';

const DECK = `---
id: study
title: Study
---

## why
Q: Why is the sky blue?
Reveal: Rayleigh scattering.
Tags: physics

## moon
Q: What pulls the tides?
Reveal: The moon.
Tags: physics

## rome
Q: Capital of Italy?
Reveal: Rome.
Tags: geography
`;

const place = { tenantId: 'console', platform: 'console' };
let person = { platform: 'console', externalId: 's0' };
let db: TestDatabase;
let clock: TestClock;
let quiz: Quiz;
let run = 0;

beforeAll(async () => {
  db = await freshDatabase();
  const { deck, issues } = parseDeck('cards/study.md', DECK);
  if (!deck) throw new Error(JSON.stringify(issues));
  await syncDecks(db.db, [deck]);
});
afterAll(() => db.dispose());
beforeEach(() => {
  person = { platform: 'console', externalId: `s${++run}` };
  clock = new TestClock('2026-05-04T12:00:00Z');
  quiz = new Quiz({ store: new PgQuizStore(db), clock, newId: sequentialIds(), study: new PgStudyStore(db) });
});

const ALL = ['why', 'moon', 'rome'];

/** Shows `cardId` (the others left out), rates it, and returns the outcome. */
async function rate(cardId: string, rating: Rating) {
  const shown = await quiz.next(place, person, { exclude: ALL.filter((id) => id !== cardId) });
  if (!shown.ok || shown.prompt.card.id !== cardId) throw new Error(`expected ${cardId} to be shown`);
  const outcome = await quiz.answer(shown.prompt.id, person, { kind: 'self', rating });
  if (!outcome.ok) throw new Error(outcome.code);
  return { outcome, promptId: shown.prompt.id };
}

/** Easy (a review), then, once due, Again: one lapse. */
async function lapse(cardId: string) {
  await rate(cardId, 4);
  clock.advance(400 * DAY);
  const forgotten = await rate(cardId, 1);
  clock.advance(DAY);
  return forgotten;
}

async function shownIds(options: { tag?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const shown = await quiz.next(place, person, { exclude: ids, ...options });
    if (!shown.ok) return ids;
    ids.push(shown.prompt.card.id);
  }
}

describe('leeches', () => {
  it('GIVEN leech_lapses 2 THEN the second lapse suspends the card, it is listed, and Keep studying restarts the count', async () => {
    await quiz.changeSettings(person, { leechLapses: 2 });
    const first = await lapse('why');
    expect(first.outcome.leech).toBe(false);
    const second = await lapse('why');
    expect(second.outcome.leech).toBe(true);
    expect((await quiz.suspendedCards(person)).map((card) => [card.cardId, card.reason])).toEqual([
      ['why', 'leech'],
    ]);
    clock.advance(400 * DAY);
    expect(await shownIds()).not.toContain('why');
    expect(await quiz.leeches(place)).toEqual([
      { cardId: 'why', deckId: 'study', question: 'Why is the sky blue?', people: 1, leeches: 1 },
    ]);

    const kept = await quiz.keepStudying(second.promptId, person);
    expect(kept.ok).toBe(true);
    expect(await quiz.suspendedCards(person)).toEqual([]);
    // The count starts again: one more lapse is not yet a leech.
    expect((await lapse('why')).outcome.leech).toBe(false);
    expect((await lapse('why')).outcome.leech).toBe(true);
  });

  it('GIVEN leech_lapses 0 THEN no lapse makes a leech; a value out of range is refused', async () => {
    await quiz.changeSettings(person, { leechLapses: 0 });
    for (let i = 0; i < 3; i++) expect((await lapse('moon')).outcome.leech).toBe(false);
    expect(await quiz.changeSettings(person, { leechLapses: -1 })).toMatchObject({
      ok: false,
      field: 'leechLapses',
    });
  });
});

describe('suspend and bury', () => {
  it('GIVEN a card suspended THEN it is not shown until unsuspended', async () => {
    const { promptId } = await rate('rome', 3);
    expect(await quiz.hold(promptId, person, 'suspend')).toMatchObject({ ok: true, until: null });
    clock.advance(400 * DAY);
    expect(await shownIds()).toEqual(['why', 'moon']);
    expect(await quiz.unsuspend(person, 'rome')).toBe(true);
    expect(await quiz.unsuspend(person, 'rome')).toBe(false);
    expect(await shownIds()).toContain('rome');
  });

  it('GIVEN a card buried in New York THEN it comes back at the next local midnight', async () => {
    await quiz.changeSettings(person, { timeZone: 'America/New_York' });
    const { promptId } = await rate('rome', 1);
    const buried = await quiz.hold(promptId, person, 'bury');
    // 12:00 UTC is 08:00 in New York: its day ends at 04:00 UTC the next day.
    expect(buried).toMatchObject({ ok: true, until: new Date('2026-05-05T04:00:00Z') });
    clock.set('2026-05-05T03:59:00Z');
    expect(await shownIds()).not.toContain('rome');
    clock.set('2026-05-05T04:00:00Z');
    expect(await shownIds()).toContain('rome');
  });

  it("GIVEN someone else's prompt THEN it cannot be suspended", async () => {
    const { promptId } = await rate('rome', 3);
    const other = { platform: 'console', externalId: `${person.externalId}-other` };
    expect(await quiz.hold(promptId, other, 'suspend')).toEqual({ ok: false, code: 'NOT_YOUR_PROMPT' });
  });
});

describe('tags', () => {
  it('GIVEN /quiz tag:physics THEN only cards with that tag are shown', async () => {
    expect(await shownIds({ tag: 'physics' })).toEqual(['why', 'moon']);
    expect(await shownIds({ tag: 'geography' })).toEqual(['rome']);
    expect(await shownIds({ tag: 'nothing' })).toEqual([]);
  });
});

describe('practice', () => {
  it('GIVEN reviewed cards THEN practice asks the one failed lately first, logs apart and leaves the FSRS state and the log alone', async () => {
    await rate('why', 4);
    await rate('rome', 1);
    await rate('moon', 3);
    const statesBefore = await db.db.select().from(cardStates).orderBy(cardStates.cardId);
    const reviewsBefore = await db.db.select().from(reviews);

    const practice = await quiz.practice(place, person, {});
    if (!practice.ok) throw new Error(practice.code);
    expect(practice.prompt.card.id).toBe('rome');
    const answered = await quiz.answer(practice.prompt.id, person, { kind: 'self', rating: 3 });
    expect(answered).toMatchObject({ ok: true, practice: true, repeated: false, rating: 3 });
    const again = await quiz.answer(practice.prompt.id, person, { kind: 'self', rating: 1 });
    expect(again).toMatchObject({ ok: true, practice: true, repeated: true, rating: 3 });

    expect(await db.db.select().from(cardStates).orderBy(cardStates.cardId)).toEqual(statesBefore);
    expect(await db.db.select().from(reviews)).toEqual(reviewsBefore);
    const logged = await db.db.select().from(practiceReviews).where(eq(practiceReviews.cardId, 'rome'));
    expect(logged.map((row) => [row.rating, row.verdict])).toEqual([[3, 'self']]);
    // The day's counts and stats read the scheduling log only.
    expect((await quiz.stats(person)).totalReviews).toBe(3);

    // Practised within the session: the next is another card, of the tag asked.
    const next = await quiz.practice(place, person, { tag: 'physics' });
    expect(next.ok && next.prompt.card.id).not.toBe('rome');
    expect(next.ok && next.prompt.card.tags).toContain('physics');
  });

  it('GIVEN nothing reviewed THEN there is nothing to practise', async () => {
    expect(await quiz.practice(place, person, {})).toMatchObject({ ok: false, code: 'NOTHING_TO_PRACTISE' });
  });
});

describe('erasure', () => {
  it('GIVEN a suspended card and a practice answer THEN erasing the person takes them too', async () => {
    const { promptId } = await rate('rome', 1);
    await quiz.hold(promptId, person, 'suspend');
    await rate('why', 3); // a suspended card is not practised: this one is
    const practice = await quiz.practice(place, person, {});
    if (!practice.ok) throw new Error(practice.code);
    await quiz.answer(practice.prompt.id, person, { kind: 'self', rating: 3 });
    const erased = await new PgPrivacyStore(db.db).erase(person);
    expect(erased).toMatchObject({ people: 1, reviews: 3 });
    const learner = await quiz.settings(person);
    expect(await db.db.select().from(cardHolds).where(eq(cardHolds.userId, learner.userId))).toEqual([]);
  });
});
