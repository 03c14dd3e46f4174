import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { MediaStore } from '../../src/db/media-store.ts';
import { media, renderedMedia } from '../../src/db/schema.ts';
import { CardFiles } from '../../src/media/card-files.ts';
import { MathImages, renderMath } from '../../src/media/math.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { mediaDecks, PNG, storeMediaDeckFiles } from '../support/media-decks.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(db.db, mediaDecks());
  await storeMediaDeckFiles(db.db);
});
afterAll(() => db.dispose());

describe('MediaStore: card files and rendered formulas', () => {
  it('GIVEN a formula rendered by one replica THEN another reads it from the media table and renders nothing', async () => {
    const renders: string[] = [];
    const replica = () =>
      new MathImages(new MediaStore(db.db), (tex, display) => {
        renders.push(tex);
        return renderMath(tex, display);
      });
    const first = await replica().image('\\sqrt{2}', false);
    const second = await replica().image('\\sqrt{2}', false);
    const shownAsBlock = await replica().image('\\sqrt{2}', true);
    expect(renders).toEqual(['\\sqrt{2}', '\\sqrt{2}']);
    if (!first.ok || !second.ok || !shownAsBlock.ok) throw new Error('not rendered');
    expect(second.hash).toBe(first.hash);
    expect(second.png).toEqual(first.png);
    expect(shownAsBlock.hash).not.toBe(first.hash);
    const [sources] = await db.db.select({ n: count() }).from(renderedMedia);
    expect(sources?.n).toBe(2);
  });

  it('GIVEN TeX that does not render THEN nothing is stored, and the text keeps its source', async () => {
    const store = new MediaStore(db.db);
    const [before] = await db.db.select({ n: count() }).from(media);
    expect(await new MathImages(store).image('\\frac{a}{', false)).toMatchObject({ ok: false });
    const [after] = await db.db.select({ n: count() }).from(media);
    expect(after?.n).toBe(before?.n);
  });

  it("GIVEN a deck's file names THEN only that deck's stored files are found, by name", async () => {
    const store = new MediaStore(db.db);
    const found = await store.deckFiles('pics', ['media/flag-de.png', 'media/missing.png']);
    expect([...found.keys()]).toEqual(['media/flag-de.png']);
    expect(found.get('media/flag-de.png')).toEqual({ mime: 'image/png', bytes: PNG });
    expect((await store.deckFiles('maths', ['media/flag-de.png'])).size).toBe(0);
  });

  it('GIVEN a card THEN its question side shows the question’s files only, its answer side every file of the card', async () => {
    const store = new MediaStore(db.db);
    const files = new CardFiles(store, store);
    const [card] = mediaDecks()[0]?.cards ?? [];
    if (!card) throw new Error('no card');
    expect((await files.files(card, 'question')).map((file) => file.name)).toEqual(['flag-de.png']);
    expect((await files.files(card, 'answer')).map((file) => file.name)).toEqual([
      'flag-de.png',
      'map.png',
      'anthem.mp3',
    ]);
  });

  it('GIVEN an SVG picture shown twice THEN it is drawn once: its PNG is kept in the media table by the SVG’s hash', async () => {
    const store = new MediaStore(db.db);
    const [card] = mediaDecks()[0]?.cards ?? [];
    if (!card) throw new Error('no card');
    const svgSources = async () =>
      (await db.db.select({ n: count() }).from(renderedMedia).where(like(renderedMedia.source, 'svg:%')))[0]
        ?.n;
    // The card has two SVGs: the map, drawn and kept; one reading the disk, refused before drawing.
    const first = await new CardFiles(store, store).files(card, 'answer');
    expect(await svgSources()).toBe(1);
    const again = await new CardFiles(store, store).files(card, 'answer');
    expect(await svgSources()).toBe(1);
    expect(again.find((file) => file.name === 'map.png')?.bytes).toEqual(
      first.find((file) => file.name === 'map.png')?.bytes,
    );
  });
});
