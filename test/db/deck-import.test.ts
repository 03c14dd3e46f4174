import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/card.ts';
import type { ImportedDeck } from '../../src/core/deck/imported.ts';
import { ownedKey } from '../../src/core/deck/owner.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { importDeck } from '../../src/db/deck-import.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { MediaStore, mediaHash } from '../../src/db/media-store.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cards, deckMedia, decks, media, tenants } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, sequentialIds, TestClock, typedCard } from '../support/fixtures.ts';

const A = 'discord:1300000000000000100';
const B = 'slack:T0B';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, [
    deckOf('bundled', [typedCard('bundled-a', 'alpha'), typedCard('bundled-b', 'beta')]),
  ]);
});
afterAll(() => db.dispose());

const imported = (deck: Deck, extra: Partial<ImportedDeck> = {}): ImportedDeck => ({
  deck,
  notes: deck.cards.length,
  media: [],
  missingMedia: [],
  skipped: [],
  ...extra,
});
const words = (n: number, answer = (i: number) => `word ${i}`) =>
  deckOf(
    'words',
    Array.from({ length: n }, (_, i) => typedCard(`w${i}`, answer(i), { question: `Word ${i}?` })),
    'words.csv',
  );

async function importOk(decks: ImportedDeck[], owner: string | null, dryRun = false) {
  const outcome = await importDeck(db.db, decks, { owner, dryRun });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe('importDeck', () => {
  it('GIVEN a new deck THEN its cards are added; GIVEN the same again THEN nothing is written', async () => {
    const first = await importOk([imported(words(4))], A);
    expect(first.decks[0]).toEqual({
      deck: { id: 'words', title: 'Deck words' },
      notes: 4,
      cards: { added: 4, updated: 0, unchanged: 0, retired: 0 },
      kinds: { typed: 4, choice: 0, self: 0, cloze: 0 },
      media: { stored: 0, missing: 0 },
      skipped: [],
    });
    const again = await importOk([imported(words(4))], A);
    expect(again.decks[0]?.cards).toEqual({ added: 0, updated: 0, unchanged: 4, retired: 0 });
    expect(again.rowsWritten).toBe(0);
  });

  it('GIVEN a dry run THEN the summary says what would change and nothing is stored', async () => {
    const dry = await importOk([imported(words(6))], A, true);
    expect(dry.decks[0]?.cards).toEqual({ added: 2, updated: 0, unchanged: 4, retired: 0 });
    const stored = await db.db.select().from(cards).where(eq(cards.owner, A));
    expect(stored).toHaveLength(4);
  });

  it('GIVEN the same deck in two communities THEN each has its own cards, and an edit in one leaves the other', async () => {
    await importOk([imported(words(4))], B);
    const edited = await importOk([imported(words(3, (i) => (i === 0 ? 'changed' : `word ${i}`)))], B);
    expect(edited.decks[0]?.cards).toEqual({ added: 0, updated: 1, unchanged: 2, retired: 1 });
    const [a] = await db.db
      .select()
      .from(cards)
      .where(eq(cards.id, ownedKey(A, 'w0')));
    const [b] = await db.db
      .select()
      .from(cards)
      .where(eq(cards.id, ownedKey(B, 'w0')));
    expect([a?.answer, a?.owner, b?.answer, b?.owner]).toEqual(['word 0', A, 'changed', B]);
    expect(ownedKey(A, 'w0')).toMatch(/^[0-9a-f]{8}--w0$/);
  });

  it('GIVEN an import that would retire more than half of a deck THEN nothing changes, unless allowed', async () => {
    const outcome = await importDeck(db.db, [imported(words(1))], { owner: A, dryRun: false });
    expect(outcome).toMatchObject({ ok: false, code: 'retire-limit' });
    expect(await db.db.select().from(cards).where(eq(cards.owner, A))).toHaveLength(4);
  });

  it("GIVEN an everyone's import with a bundled deck's id THEN it is refused; cards sync never touches imported decks", async () => {
    const clash = await importDeck(db.db, [imported(deckOf('bundled', [typedCard('x', 'y')]))], {
      owner: null,
      dryRun: false,
    });
    expect(clash).toMatchObject({ ok: false, code: 'not-owned' });
    await importOk([imported(deckOf('shared', [typedCard('shared-a', 'gamma')], 'shared.csv'))], null);
    const sync = await syncDecks(db.db, [
      deckOf('bundled', [typedCard('bundled-a', 'alpha'), typedCard('bundled-b', 'beta')]),
    ]);
    expect(sync).toMatchObject({ retired: 0, rowsWritten: 0 });
    // A file that takes up an imported card's id takes the card over, with its history, instead of failing.
    const takeover = await syncDecks(db.db, [
      deckOf('bundled', [
        typedCard('bundled-a', 'alpha'),
        typedCard('bundled-b', 'beta'),
        typedCard('shared-a', 'gamma'),
      ]),
    ]);
    expect(takeover).toMatchObject({ added: 0, updated: 1, retired: 0 });
    await syncDecks(db.db, [
      deckOf('bundled', [typedCard('bundled-a', 'alpha'), typedCard('bundled-b', 'beta')]),
    ]);
  });

  it('GIVEN media THEN each content is stored once, named per deck, and a file of no known type is skipped', async () => {
    const deck = deckOf(
      'pics',
      [typedCard('p1', 'flag', { question: '![German flag](flag.png)' })],
      'pics.md',
    );
    const files = [
      { name: 'flag.png', bytes: PNG },
      { name: 'copy.png', bytes: PNG },
      { name: 'evil.png', bytes: new TextEncoder().encode('#!/bin/sh') },
    ];
    const first = await importOk([imported(deck, { media: files, missingMedia: ['gone.mp3'] })], A);
    expect(first.decks[0]?.media).toEqual({ stored: 2, missing: 2 });
    expect(first.decks[0]?.skipped).toEqual([
      { item: 'media evil.png', reason: expect.stringContaining('not a png') },
    ]);
    expect(await db.db.select({ hash: media.hash }).from(media)).toHaveLength(1);
    expect(
      await db.db
        .select()
        .from(deckMedia)
        .where(eq(deckMedia.deckId, ownedKey(A, 'pics'))),
    ).toHaveLength(2);
    const again = await importOk([imported(deck, { media: files })], A);
    expect(again.rowsWritten).toBe(0);
    const store = new MediaStore(db.db);
    const hash = await store.putMedia(PNG, 'image/png');
    expect((await store.getMedia(hash))?.bytes).toEqual(PNG);
    await expect(store.putMedia(PNG, 'image/gif')).rejects.toThrow('media: the bytes are not image/gif');
  });

  it('GIVEN card text with quotes, backslashes, emoji, a lone surrogate and no note THEN it is stored as given', async () => {
    const question = 'Say "hi" \\ {a,b} 🙂 null \ud800 end';
    const deck = deckOf('odd', [typedCard('o1', 'ok', { question, note: null })], 'odd.md');
    await importOk([imported(deck)], A);
    const [row] = await db.db
      .select()
      .from(cards)
      .where(eq(cards.id, ownedKey(A, 'o1')));
    expect(row).toMatchObject({
      question: 'Say "hi" \\ {a,b} 🙂 null \ufffd end',
      note: null,
      accept: [],
      tags: [],
      position: 0,
      owner: A,
      retiredAt: null,
    });
    expect(row?.correctOption).toBeNull();
  });

  it('GIVEN a dry run for a new community with media THEN it says what the import then does, and writes no row', async () => {
    const owner = 'discord:1300000000000000199';
    const deck = deckOf('dry', [typedCard('d1', 'flag', { question: '![flag](dry.png)' })], 'dry.md');
    const bytes = new Uint8Array([...PNG, 0xd7]);
    const files = [{ name: 'dry.png', bytes }];
    const dry = await importOk([imported(deck, { media: files })], owner, true);
    const countRows = async () =>
      Promise.all([
        db.db.select().from(tenants).where(eq(tenants.id, owner)),
        db.db.select().from(decks).where(eq(decks.owner, owner)),
        db.db.select().from(cards).where(eq(cards.owner, owner)),
        db.db
          .select()
          .from(media)
          .where(eq(media.hash, mediaHash(bytes))),
      ]).then((tables) => tables.map((rows) => rows.length));
    expect(await countRows()).toEqual([0, 0, 0, 0]);
    const real = await importOk([imported(deck, { media: files })], owner);
    expect(await countRows()).toEqual([1, 1, 1, 1]);
    expect(dry.decks).toEqual(real.decks);
    // tenant, deck, card, media content and the deck's name for it
    expect([dry.rowsWritten, real.rowsWritten]).toEqual([5, 5]);
  });
});

describe('a file holding several decks', () => {
  it('GIVEN two decks of one id THEN nothing is imported; GIVEN one card id in two decks THEN the second is skipped', async () => {
    const one = deckOf('twin', [typedCard('t1', 'a')]);
    expect(await importDeck(db.db, [imported(one), imported(one)], { owner: A, dryRun: false })).toEqual({
      ok: false,
      code: 'duplicate-deck',
      message: 'deck twin: the file holds two decks of that id; nothing was imported',
    });
    const outcome = await importOk(
      [imported(one), imported(deckOf('sub', [typedCard('t1', 'b'), typedCard('t2', 'c')]))],
      A,
      true,
    );
    expect(outcome.decks[1]?.skipped).toEqual([
      { item: 'card t1', reason: 'an earlier deck of this file has a card of this id' },
    ]);
    expect(outcome.decks[1]?.cards.added).toBe(1);
  });
});

describe('what a community sees', () => {
  it("GIVEN decks of two communities THEN each lists everyone's and its own; a hidden bundled deck is gone there only", async () => {
    const community = new PgCommunityStore(db.db);
    const ids = async (tenant: string | null) => (await community.listDecks(tenant)).map((deck) => deck.id);
    expect(await ids(A)).toEqual(
      expect.arrayContaining(['bundled', ownedKey(A, 'words'), ownedKey(A, 'pics')]),
    );
    expect(await ids(A)).not.toContain(ownedKey(B, 'words'));
    expect(await ids(B)).toEqual(['bundled', 'shared', ownedKey(B, 'words')].sort());
    expect(await ids(null)).toEqual(['bundled', 'shared']);
    expect(await community.setDeckHidden(B, 'bundled', true)).toBe(true);
    expect(await community.setDeckHidden(B, ownedKey(A, 'words'), true)).toBe(false);
    expect(await ids(B)).toEqual(['shared', ownedKey(B, 'words')].sort());
    expect(await ids(A)).toContain('bundled');
  });

  it("GIVEN /quiz in a community THEN only cards of the decks it sees are dealt, never another's", async () => {
    const quiz = new Quiz({
      store: new PgQuizStore(db),
      clock: new TestClock('2026-01-01T10:00:00Z'),
      newId: sequentialIds(),
    });
    const person = { platform: 'slack', externalId: 'U1' };
    const place = { tenantId: B, platform: 'slack' };
    const dealt = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const next = await quiz.next(place, person);
      if (!next.ok) break;
      dealt.add(next.prompt.card.id);
      await quiz.answer(next.prompt.id, person, { kind: 'typed', text: next.prompt.card.answer });
    }
    // 'bundled' is hidden in B, and the everyone's import lost its one card to a file above.
    expect([...dealt].sort()).toEqual(['w0', 'w1', 'w2'].map((id) => ownedKey(B, id)).sort());
    // A button naming another community's card (a forged daily question) finds nothing.
    const elsewhere = { tenantId: A, platform: 'discord' };
    expect(await quiz.promptFor(elsewhere, person, ownedKey(B, 'w1'))).toEqual({
      ok: false,
      code: 'CARD_NOT_FOUND',
    });
    expect((await quiz.promptFor(place, person, ownedKey(B, 'w1'))).ok).toBe(true);
  });
});
