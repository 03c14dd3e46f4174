import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/card.ts';
import { storedLanguages } from '../../src/db/deck-languages.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { cards, decks, reviews, users } from '../../src/db/schema.ts';
import { loadDeckLanguages } from '../../src/decks/languages.ts';
import { readDecks } from '../../src/decks/read.ts';
import { buttonId } from './support/client.ts';
import {
  buttonClick,
  modalSubmit,
  STRING,
  sentMessage,
  slashCommand,
  type TestUser,
} from './support/payloads.ts';
import { type Bot, World } from './support/world.ts';

let world: World;
let bot: Bot;
let spanish: Deck;

beforeAll(async () => {
  const read = await readDecks(['test/fixtures/lang/caballos.md']);
  spanish = read.decks[0] as Deck;
  world = await World.start([spanish]);
  // What start-up does: load the languages the stored decks use (Spanish and, for one card, English).
  await loadDeckLanguages(world.db.db);
  bot = await world.httpBot();
});
afterAll(() => world.close());

async function answer(user: TestUser, text: string) {
  const card = await bot.send(
    slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'caballos' }], { user }),
  );
  expect(card.data.content).toContain('¿Cómo se dice "horse" en español?');
  const modal = await bot.send(buttonClick(buttonId(card.data, 'Answer'), sentMessage(card.data), { user }));
  world.clock.advance(12_000);
  return bot.send(modalSubmit(modal.data.custom_id, text, sentMessage(card.data), { user }));
}

async function verdictsOf(user: TestUser) {
  const rows = await world.db.db
    .select({ verdict: reviews.verdict, answer: reviews.answer })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(and(eq(users.platform, 'discord'), eq(users.externalId, user.id)));
  return rows;
}

describe('a Spanish deck', () => {
  it('GIVEN "lang: es" and a card with "Lang: en" THEN both are stored with their language', async () => {
    expect(await world.db.db.select({ id: decks.id, lang: decks.lang }).from(decks)).toEqual([
      { id: 'caballos', lang: 'es' },
    ]);
    const stored = await world.db.db.select({ id: cards.id, lang: cards.lang }).from(cards).orderBy(cards.id);
    expect(stored).toEqual([
      { id: 'es-caballo', lang: 'es' },
      { id: 'es-hair-in-english', lang: 'en' },
    ]);
    expect((await storedLanguages(world.db.db)).sort()).toEqual(['en', 'es']);
  });

  it('GIVEN a near-miss real Spanish word THEN it is wrong, not a typo', async () => {
    const user = world.newUser();
    const verdict = await answer(user, 'cabello'); // "hair": one letter from "caballo"
    expect(verdict.data.content).toContain('**Answer:** caballo');
    expect(await verdictsOf(user)).toEqual([{ verdict: 'wrong', answer: 'cabello' }]);
  });

  it('GIVEN a typo that is no Spanish word THEN it is close', async () => {
    const user = world.newUser();
    await answer(user, 'cabalo');
    expect(await verdictsOf(user)).toEqual([{ verdict: 'close', answer: 'cabalo' }]);
  });

  it('GIVEN the deck turned French THEN its cards are updated to the new language, and English ones stay', async () => {
    const french = {
      ...spanish,
      lang: 'fr',
      cards: spanish.cards.map((card) => ({ ...card, lang: card.lang === 'es' ? 'fr' : card.lang })),
    };
    expect(await syncDecks(world.db.db, [french])).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await storedLanguages(world.db.db)).sort()).toEqual(['en', 'fr']);
    expect(await world.db.db.select({ lang: decks.lang }).from(decks)).toEqual([{ lang: 'fr' }]);
  });
});
