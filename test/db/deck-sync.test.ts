import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/card.ts';
import type { DeckFile } from '../../src/core/deck/deck-file.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { syncDeckFiles, syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cards, reviews } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.dispose());

const v1 = deckOf('docker', [
  typedCard('docker-a', 'container'),
  typedCard('docker-b', 'image'),
  typedCard('docker-c', 'volume'),
]);

describe('syncDecks', () => {
  it('GIVEN new files THEN every card is added; GIVEN the same files again THEN nothing is written', async () => {
    expect(await syncDecks(db.db, [v1], [])).toEqual({
      added: 3,
      updated: 0,
      restored: 0,
      retired: 0,
      unchanged: 0,
      rowsWritten: 4,
    });
    expect(await syncDecks(db.db, [v1], [])).toEqual({
      added: 0,
      updated: 0,
      restored: 0,
      retired: 0,
      unchanged: 3,
      rowsWritten: 0,
    });
  });

  it('GIVEN an edited card THEN its review history stays with it', async () => {
    const quiz = new Quiz({
      store: new PgQuizStore(db),
      clock: new TestClock('2026-01-01T10:00:00Z'),
      newId: sequentialIds(),
    });
    const person = { platform: 'console', externalId: 'sync-tester' };
    const next = await quiz.next({ tenantId: 'console', platform: 'console' }, person);
    if (!next.ok) throw new Error('no card');
    await quiz.answer(next.prompt.id, person, { kind: 'typed', text: 'container' });

    const edited = deckOf('docker', [
      { ...typedCard('docker-a', 'container'), question: 'Reworded: what runs from an image?' },
      typedCard('docker-b', 'image'),
      typedCard('docker-c', 'volume'),
    ]);
    expect(await syncDecks(db.db, [edited], [])).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    const history = await db.db.select().from(reviews).where(eq(reviews.cardId, 'docker-a'));
    expect(history).toHaveLength(1);
    const [card] = await db.db.select().from(cards).where(eq(cards.id, 'docker-a'));
    expect(card?.question).toBe('Reworded: what runs from an image?');
  });

  it('GIVEN a card removed from its file THEN it is retired with its history, and comes back when re-added', async () => {
    const without = deckOf('docker', [typedCard('docker-a', 'container'), typedCard('docker-b', 'image')]);
    expect(await syncDecks(db.db, [without], [])).toMatchObject({ retired: 1 });
    const [retired] = await db.db.select().from(cards).where(eq(cards.id, 'docker-c'));
    expect(retired?.retiredAt).toBeInstanceOf(Date);
    expect(await syncDecks(db.db, [v1], [])).toMatchObject({ restored: 1, retired: 0 });
    const [back] = await db.db.select().from(cards).where(eq(cards.id, 'docker-c'));
    expect(back?.retiredAt).toBeNull();
    expect((await db.db.select().from(reviews).where(eq(reviews.cardId, 'docker-a'))).length).toBe(1);
  });

  it('GIVEN a deck file with errors THEN its stored cards are kept, not retired', async () => {
    const report = await syncDecks(db.db, [], [{ path: 'cards/docker.md', line: 3, message: 'broken' }]);
    expect(report).toMatchObject({ retired: 0, rowsWritten: 0 });
    const live = await db.db.select().from(cards).where(eq(cards.deckId, 'docker'));
    expect(live.every((card) => card.retiredAt === null)).toBe(true);
  });

  it('GIVEN a card that moves to another deck file THEN it keeps its id and history', async () => {
    const docker = deckOf('docker', [typedCard('docker-b', 'image'), typedCard('docker-c', 'volume')]);
    const basics = deckOf('basics', [typedCard('docker-a', 'container')]);
    expect(await syncDecks(db.db, [docker, basics], [])).toMatchObject({ added: 0, retired: 0 });
    const [moved] = await db.db.select().from(cards).where(eq(cards.id, 'docker-a'));
    expect(moved?.deckId).toBe('basics');
    expect((await db.db.select().from(reviews).where(eq(reviews.cardId, 'docker-a'))).length).toBe(1);
  });
});

describe('syncDeckFiles', () => {
  let own: TestDatabase;
  beforeAll(async () => {
    own = await freshDatabase();
  });
  afterAll(() => own.dispose());

  const file = (deck: Deck, source: string): DeckFile => ({
    path: deck.path,
    source,
    parsed: { deck, issues: [] },
  });
  const broken = (path: string, source: string): DeckFile => ({
    path,
    source,
    parsed: { deck: null, issues: [{ path, line: 1, message: 'broken' }] },
  });
  const kept = deckOf('kept', [typedCard('kept-1', 'one'), typedCard('kept-2', 'two')], 'cards/kept.md');
  const other = deckOf(
    'other',
    [1, 2, 3, 4].map((n) => typedCard(`other-${n}`, `${n}`)),
    'cards/other.md',
  );

  it('GIVEN a deck stored under its path as spelled before THEN its file, broken now, still keeps it', async () => {
    await syncDecks(own.db, [kept, other]);
    const outcome = await syncDeckFiles(
      own.db,
      [broken('/elsewhere/kept.md', 'kept.md'), file(other, 'other.md')],
      { allowRetire: false },
    );
    expect(outcome).toMatchObject({ ok: true, report: { retired: 0, unchanged: 4 } });
    const live = await own.db.select().from(cards).where(isNull(cards.retiredAt));
    expect(live).toHaveLength(6);
  });

  it('GIVEN a sync that would retire more than half of the live cards THEN nothing is written, unless allowed', async () => {
    const few = [file(kept, 'kept.md')];
    expect(await syncDeckFiles(own.db, few, { allowRetire: false })).toMatchObject({
      ok: false,
      code: 'retire-limit',
      retiring: 4,
      live: 6,
    });
    expect(await own.db.select().from(cards).where(isNull(cards.retiredAt))).toHaveLength(6);
    expect(await syncDeckFiles(own.db, few, { allowRetire: true })).toMatchObject({
      ok: true,
      report: { retired: 4 },
    });
  });

  it('GIVEN a card whose deck file has errors now THEN another file cannot take it', async () => {
    const thief = deckOf('thief', [typedCard('kept-1', 'one')], 'cards/thief.md');
    const outcome = await syncDeckFiles(
      own.db,
      [broken('cards/kept.md', 'kept.md'), file(thief, 'thief.md')],
      {
        allowRetire: false,
      },
    );
    expect(outcome.set.issues.map((issue) => issue.message)).toContain(
      'card id "kept-1" is stored in deck "kept", whose file has errors: fix that file first',
    );
    const [card] = await own.db.select().from(cards).where(eq(cards.id, 'kept-1'));
    expect(card).toMatchObject({ deckId: 'kept', retiredAt: null });
  });
});
