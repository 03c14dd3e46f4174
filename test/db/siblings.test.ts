import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { DAY, MINUTE, SIBLINGS_DECK, sequentialIds, TestClock } from '../support/fixtures.ts';

const place = { tenantId: 'console', platform: 'console' };
let person = { platform: 'console', externalId: 'p0' };
let db: TestDatabase;
let clock: TestClock;
let quiz: Quiz;
let run = 0;

beforeAll(async () => {
  db = await freshDatabase();
  const { deck, issues } = parseDeck('cards/bio.md', SIBLINGS_DECK);
  if (!deck) throw new Error(JSON.stringify(issues));
  await syncDecks(db.db, [deck]);
});
afterAll(() => db.dispose());
beforeEach(async () => {
  person = { platform: 'console', externalId: `p${++run}` };
  // 20:00 in New York: its day ends at 04:00 UTC.
  clock = new TestClock('2026-05-04T00:00:00Z');
  quiz = new Quiz({ store: new PgQuizStore(db), clock, newId: sequentialIds() });
  await quiz.changeSettings(person, { timeZone: 'America/New_York' });
});

async function shown(exclude: string[] = []): Promise<string | null> {
  const outcome = await quiz.next(place, person, { exclude });
  return outcome.ok ? outcome.prompt.card.id : null;
}

const ALL = ['cell-c1', 'cell-c2', 'capital', 'capital-r', 'solo'];

/** Shows `expected`, leaving every other card out, and answers it. */
async function answer(expected: string, text: string) {
  const outcome = await quiz.next(place, person, { exclude: ALL.filter((id) => id !== expected) });
  if (!outcome.ok || outcome.prompt.card.id !== expected) throw new Error(`expected ${expected}`);
  clock.advance(10_000);
  await quiz.answer(outcome.prompt.id, person, { kind: 'typed', text });
}

describe('siblings', () => {
  it('GIVEN one cloze of a sentence shown THEN the other waits for the next local day, and comes then', async () => {
    expect(await shown()).toBe('cell-c1');
    // Shown, not even answered: its sibling is buried, and the next new card is another note's.
    expect(await shown(['cell-c1'])).toBe('capital');
    expect(await shown(['cell-c1', 'capital'])).toBe('solo');
    expect(await shown(['cell-c1', 'capital', 'solo'])).toBeNull();
    // 04:00 UTC is midnight in New York.
    clock.set('2026-05-04T04:00:00Z');
    expect(await shown(['cell-c1'])).toBe('cell-c2');
  });

  it('GIVEN another person was shown a sibling THEN nothing is buried for this one', async () => {
    expect(await shown()).toBe('cell-c1');
    person = { platform: 'console', externalId: `${person.externalId}-other` };
    expect(await shown(['cell-c1'])).toBe('cell-c2');
  });

  it('GIVEN a card and its reverse both due THEN one is shown, and the other is due from the next local day', async () => {
    await answer('capital', 'Paris');
    clock.advance(DAY);
    await answer('capital-r', 'Capital of France');
    await quiz.changeSettings(person, { newPerDay: 0 });
    clock.advance(60 * DAY);
    // Both overdue: the more overdue is shown and answered, and its reverse is buried for the day.
    await answer('capital', 'Paris');
    const buried = await quiz.next(place, person);
    expect(buried).toMatchObject({ ok: false, code: 'NOTHING_DUE' });
    // Overdue for weeks, yet due at the next local midnight (04:00 UTC in summer), not "now".
    const midnight = new Date(Date.UTC(2026, 6, 4, 4));
    expect(buried.ok ? null : buried.nextDue?.toISOString()).toBe(midnight.toISOString());
    clock.set(new Date(midnight.getTime() + MINUTE));
    expect(await shown()).toBe('capital-r');
  });
});
