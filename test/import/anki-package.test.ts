import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportedDeck } from '../../src/core/deck/imported.ts';
import { MnemoError } from '../../src/core/errors.ts';
import { readAnkiPackage } from '../../src/import/anki/package.ts';
import {
  ankiPackage,
  BASIC,
  CLOZE,
  collectionBytes,
  type Layout,
  MP3,
  OPTIONAL_REVERSED,
  PNG,
  REVERSED,
  type TestCollection,
  TYPING,
  zstdRaw,
} from '../support/anki-package.ts';

const CUSTOM = {
  id: 1_005,
  name: 'Vocabulary (custom)',
  fields: ['Word', 'Meaning', 'Example', 'Audio'],
  templates: [
    {
      name: 'Recognise',
      qfmt: '<div class=word>{{Word}}</div>{{#Example}}<i>{{text:Example}}</i>{{/Example}}{{^Audio}}(no audio){{/Audio}}',
      afmt: '{{FrontSide}}<hr id="answer">{{Meaning}}{{hint:Example}}{{shout:Word}}',
    },
  ],
};

const COLLECTION: TestCollection = {
  noteTypes: [BASIC, REVERSED, OPTIONAL_REVERSED, TYPING, CLOZE, CUSTOM],
  decks: [
    { id: 1, name: 'Default' },
    { id: 10, name: 'Spanish::Verbs', description: '<b>Common</b> verbs' },
    { id: 11, name: 'Spanish::Nouns' },
  ],
  notes: [
    {
      id: 101,
      guid: 'Ab1!x',
      noteType: BASIC.id,
      fields: ['to eat', '<b>comer</b>'],
      tags: ['Verb::Regular', 'leech'],
      decks: { 0: 10 },
    },
    {
      id: 102,
      guid: 'Ab1!X',
      noteType: BASIC.id,
      fields: [
        'Explain <code>ser</code> vs estar',
        'Ser is for <b>permanent</b> traits; estar is for states and places.',
      ],
      decks: { 0: 10 },
    },
    { id: 103, guid: 'rev-1', noteType: REVERSED.id, fields: ['dog', 'perro<br>'], decks: { 0: 11, 1: 11 } },
    { id: 104, guid: 'opt-1', noteType: OPTIONAL_REVERSED.id, fields: ['cat', 'gato', ''], decks: { 0: 11 } },
    {
      id: 105,
      guid: 'opt-2',
      noteType: OPTIONAL_REVERSED.id,
      fields: ['house', 'casa', 'y'],
      decks: { 0: 11, 1: 11 },
    },
    {
      id: 106,
      guid: 'type-1',
      noteType: TYPING.id,
      fields: ['to live', 'vivir, residir en un lugar durante mucho tiempo'],
      decks: { 0: 10 },
    },
    {
      id: 107,
      guid: 'cloze-1',
      noteType: CLOZE.id,
      fields: ['{{c1::Madrid}} is the capital of {{c2::Spain::country}}.', 'Since 1561'],
      decks: { 0: 11, 1: 11 },
      ords: [0, 1],
    },
    {
      id: 108,
      guid: 'custom-1',
      noteType: CUSTOM.id,
      fields: [
        'el árbol',
        'the tree <img src="tree.png">',
        'El <b>árbol</b> es alto &amp; verde',
        '[sound:arbol.mp3]',
      ],
      decks: { 0: 11 },
    },
    {
      id: 109,
      guid: 'media-1',
      noteType: BASIC.id,
      fields: [
        '<img src="flag%20es.png" alt="Flag of Spain">Which country?',
        'Spain [sound:spain.mp3] [sound:gone.mp3]',
      ],
      decks: { 0: 11 },
    },
  ],
  media: {
    'tree.png': PNG,
    'flag es.png': PNG,
    'arbol.mp3': MP3,
    'spain.mp3': MP3,
    'unused.png': PNG,
  },
};

const LAYOUTS: Layout[] = ['anki2', 'anki21', 'anki21b'];

const byTitle = (decks: ImportedDeck[], title: string) => {
  const deck = decks.find((d) => d.deck.title === title);
  if (!deck) throw new Error(`no deck "${title}" in ${decks.map((d) => d.deck.title).join(', ')}`);
  return deck;
};

async function expectRefused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const error = await readAnkiPackage(bytes, { source: 'test.apkg' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MnemoError);
  expect((error as MnemoError).message).toMatch(message);
}

describe('readAnkiPackage', () => {
  describe.each(LAYOUTS)('GIVEN a package in the collection.%s layout', (layout) => {
    it('THEN each Anki deck holding cards becomes a deck, and each note type gives its cards', async () => {
      const decks = await readAnkiPackage(await ankiPackage(COLLECTION, layout), { source: 'spanish.apkg' });
      expect(decks.map((d) => [d.deck.id, d.deck.title, d.notes])).toEqual([
        ['spanish-verbs', 'Spanish::Verbs', 3],
        ['spanish-nouns', 'Spanish::Nouns', 6],
      ]);
      const verbs = byTitle(decks, 'Spanish::Verbs');
      expect(verbs.deck.description).toBe('**Common** verbs');
      expect(verbs.deck.path).toBe('spanish.apkg');
      const [eat, serEstar, live] = verbs.deck.cards;
      expect(eat).toMatchObject({
        kind: 'typed',
        question: 'to eat',
        answer: 'comer',
        tags: ['verb-regular'],
        position: 0,
      });
      expect(serEstar).toMatchObject({
        kind: 'self',
        question: 'Explain `ser` vs estar',
        answer: 'Ser is for **permanent** traits; estar is for states and places.',
      });
      // Basic (type in the answer) stays typed, however long the answer.
      expect(live).toMatchObject({
        kind: 'typed',
        question: 'to live',
        answer: 'vivir, residir en un lugar durante mucho tiempo',
      });

      const nouns = byTitle(decks, 'Spanish::Nouns');
      const qa = nouns.deck.cards.map((c) => [c.kind, c.question, c.answer]);
      expect(qa).toEqual([
        ['typed', 'dog', 'perro'],
        ['typed', 'perro', 'dog'],
        ['typed', 'cat', 'gato'],
        ['typed', 'house', 'casa'],
        ['typed', 'casa', 'house'],
        // A cloze's gap is typed and graded; the filled sentence is kept as the card's note.
        ['cloze', '[…] is the capital of Spain.', 'Madrid'],
        ['cloze', 'Madrid is the capital of [country].', 'Spain'],
        [
          'self',
          'el árbol\n\n*El árbol es alto & verde*',
          'the tree ![tree](tree.png)\n\nHint: El **árbol** es alto & verde\n\nel árbol',
        ],
        // A sound in the answer cannot be typed: self-graded.
        ['self', '![Flag of Spain](flag%20es.png)Which country?', 'Spain [sound:spain.mp3] [sound:gone.mp3]'],
      ]);
      expect(nouns.media.map((m) => m.name).sort()).toEqual(['flag es.png', 'spain.mp3', 'tree.png']);
      expect(nouns.media.find((m) => m.name === 'tree.png')?.bytes).toEqual(PNG);
      expect(nouns.missingMedia).toEqual(['gone.mp3']);
      expect([verbs.clozeCards, nouns.clozeCards]).toEqual([0, 2]);
      const clozes = nouns.deck.cards.filter((c) => c.kind === 'cloze');
      expect(clozes.map((c) => c.note)).toEqual([
        'Madrid is the capital of Spain.\nSince 1561',
        'Madrid is the capital of Spain.\nSince 1561',
      ]);
      // The two clozes of one note are siblings (not shown on the same day); other notes' cards are not.
      expect(new Set(clozes.map((c) => c.noteId)).size).toBe(1);
      expect(clozes[0]?.noteId).toMatch(/^anki-[0-9a-f]{16}-note$/);
      expect(nouns.skipped.some((s) => /cloze/.test(s.reason))).toBe(false);
      expect(nouns.skipped).toEqual(
        expect.arrayContaining([
          {
            item: 'note 108 (note type "Vocabulary (custom)")',
            reason: 'the template filter "shout" is not known: the field is shown as it is',
          },
        ]),
      );
      // Scheduling data is not carried over: no card says anything about intervals or reviews.
      expect(Object.keys(eat ?? {}).sort()).toEqual(
        [
          'accept',
          'answer',
          'correctOption',
          'deckId',
          'id',
          'kind',
          'lang',
          'line',
          'note',
          'options',
          'position',
          'question',
          'tags',
        ].sort(),
      );
    });
  });

  it('GIVEN the same notes in all three layouts THEN the card ids are the same, valid, and differ by GUID case', async () => {
    const ids = await Promise.all(
      LAYOUTS.map(async (layout) =>
        (await readAnkiPackage(await ankiPackage(COLLECTION, layout))).flatMap((d) =>
          d.deck.cards.map((c) => c.id),
        ),
      ),
    );
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    const all = ids[0] ?? [];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(50);
    }
    // GUIDs "Ab1!x" and "Ab1!X" are two notes.
    expect(all[0]).not.toBe(all[1]);
    expect(all[0]?.endsWith('-t0')).toBe(true);
  });

  it('GIVEN an edited package THEN unchanged notes keep their ids and the edited one keeps its id with new text', async () => {
    const first = await readAnkiPackage(await ankiPackage(COLLECTION, 'anki21'));
    const edited = structuredClone(COLLECTION);
    const note = edited.notes[0];
    if (note) note.fields = ['to eat', 'comer, almorzar'];
    const second = await readAnkiPackage(await ankiPackage(edited, 'anki21b'));
    const before = first[0]?.deck.cards[0];
    const after = second[0]?.deck.cards[0];
    expect(after?.id).toBe(before?.id);
    expect(after?.answer).toBe('comer, almorzar');
    expect(second[1]?.deck.cards.map((c) => c.id)).toEqual(first[1]?.deck.cards.map((c) => c.id));
  });

  it('GIVEN one deck and a deck id THEN the deck takes it; several decks THEN their ids start with it', async () => {
    const one: TestCollection = { ...COLLECTION, notes: COLLECTION.notes.slice(0, 2) };
    const [only] = await readAnkiPackage(await ankiPackage(one, 'anki2'), { deckId: 'verbos' });
    expect(only?.deck.id).toBe('verbos');
    expect(only?.deck.cards.every((c) => c.deckId === 'verbos')).toBe(true);
    const several = await readAnkiPackage(await ankiPackage(COLLECTION, 'anki2'), { deckId: 'es' });
    expect(several.map((d) => d.deck.id)).toEqual(['es-spanish-verbs', 'es-spanish-nouns']);
  });

  it('GIVEN a package holding both a stub collection.anki2 and collection.anki21b THEN the newest is read', async () => {
    const decks = await readAnkiPackage(await ankiPackage(COLLECTION, 'anki21b'));
    expect(decks.flatMap((d) => d.deck.cards).some((c) => c.question.includes('Please update'))).toBe(false);
  });

  it('GIVEN media that is no picture or sound, or too big THEN it is left out with the reason', async () => {
    const collection: TestCollection = {
      noteTypes: [BASIC],
      decks: [{ id: 1, name: 'Media' }],
      notes: [
        { id: 1, guid: 'g', noteType: BASIC.id, fields: ['<img src="evil.png">', '[sound:big.mp3]'] },
        { id: 2, guid: 'h', noteType: BASIC.id, fields: ['<img src="https://example.com/x.png">', 'web'] },
      ],
      media: {
        'evil.png': new TextEncoder().encode('#!/bin/sh\nrm -rf /'),
        'big.mp3': new Uint8Array(8 * 1024 * 1024 + 1).fill(0xff),
      },
    };
    for (const layout of LAYOUTS) {
      const [deck] = await readAnkiPackage(await ankiPackage(collection, layout));
      expect(deck?.media).toEqual([]);
      expect(deck?.skipped).toEqual([
        {
          item: 'media "evil.png"',
          reason: expect.stringMatching(/^not a picture .* by its content: left out$/),
        },
        { item: 'media "big.mp3"', reason: expect.stringMatching(/more than the 8 MB one file may hold/) },
        {
          item: 'media "https://example.com/x.png"',
          reason: 'a picture or sound on the web is not stored: only files in the package are: left out',
        },
      ]);
    }
  });

  it('GIVEN a cloze note without deletions and a note whose cards all have an empty question THEN they are reported', async () => {
    const collection: TestCollection = {
      noteTypes: [BASIC, CLOZE],
      decks: [{ id: 1, name: 'Odd' }],
      notes: [
        { id: 1, guid: 'a', noteType: CLOZE.id, fields: ['no deletion here', ''] },
        { id: 2, guid: 'b', noteType: BASIC.id, fields: ['', 'answer'] },
        { id: 3, guid: 'c', noteType: BASIC.id, fields: ['question', ''] },
        { id: 4, guid: 'c', noteType: BASIC.id, fields: ['dup', 'dup'] },
        { id: 5, guid: 'd', noteType: BASIC.id, fields: ['fine', 'ok'] },
      ],
    };
    const [deck] = await readAnkiPackage(await ankiPackage(collection, 'anki2'));
    expect(deck?.deck.cards.map((c) => c.question)).toEqual(['fine']);
    expect(deck?.notes).toBe(5);
    expect(deck?.skipped).toEqual([
      { item: 'note 1', reason: 'a cloze note without any {{c1::…}} deletion: left out' },
      { item: 'note 2', reason: 'every card of this note would have an empty question: left out' },
      { item: 'note 3 (card "Card 1")', reason: 'the answer is empty: left out' },
      { item: 'note 4', reason: 'its GUID is also the GUID of note 3: left out' },
    ]);
  });

  it('GIVEN a field past 100,000 characters or a note past 100 clozes THEN the excess is left out and told', async () => {
    const clozes = Array.from({ length: 105 }, (_, i) => `{{c${i + 1}::w${i}}}`).join(' ');
    const collection: TestCollection = {
      noteTypes: [BASIC, CLOZE],
      decks: [{ id: 1, name: 'Big' }],
      notes: [
        { id: 1, guid: 'a', noteType: BASIC.id, fields: ['x'.repeat(100_001), 'y'] },
        { id: 2, guid: 'b', noteType: CLOZE.id, fields: [clozes, ''] },
      ],
    };
    const [deck] = await readAnkiPackage(await ankiPackage(collection, 'anki21'));
    expect(deck?.deck.cards).toHaveLength(100);
    expect(deck?.skipped.slice(0, 2)).toEqual([
      { item: 'note 1', reason: 'a field holds 100,001 characters, more than 100,000: left out' },
      { item: 'note 2', reason: '105 cloze numbers: the 5 past the first 100 are left out' },
    ]);
  });

  describe('GIVEN a broken or hostile file', () => {
    it('THEN a file that is no zip is refused, saying so', async () => {
      await expectRefused(
        new TextEncoder().encode('front,back\ncat,gato\n'),
        /^test\.apkg: not a zip archive/,
      );
    });

    it('THEN a truncated zip is refused', async () => {
      const bytes = await ankiPackage(COLLECTION, 'anki2');
      await expectRefused(
        bytes.subarray(0, Math.floor(bytes.length / 2)),
        /^test\.apkg: the zip archive is truncated/,
      );
    });

    it('THEN a zip without a collection is refused', async () => {
      await expectRefused(
        zipSync({ 'deck.json': new Uint8Array([123, 125]) }),
        /not an Anki package \(no collection/,
      );
    });

    it('THEN a collection that is not SQLite is refused, naming the file', async () => {
      await expectRefused(
        zipSync({ 'collection.anki2': new TextEncoder().encode('x'.repeat(4096)) }),
        /^test\.apkg: collection\.anki2: not a readable Anki collection \(SQLite: /,
      );
    });

    it('THEN an unknown collection schema is refused', async () => {
      await expectRefused(
        await ankiPackage({ ...COLLECTION, schema: 99 }, 'anki21'),
        /collection schema 99 is not supported/,
      );
    });

    it('THEN declared sizes past the import limit are refused before anything is unpacked', async () => {
      const bytes = await ankiPackage(COLLECTION, 'anki2');
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Every central directory entry claims 60 MB uncompressed.
      for (let at = 0; at + 4 <= bytes.length; at++) {
        if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 60 * 1024 * 1024, true);
      }
      await expectRefused(bytes, /unpacks to .* MB, more than the 100 MB an import may hold: refused/);
    });

    it('THEN a collection of more than 50,000 notes is refused before its notes are read', async () => {
      const sql = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50001)
        INSERT INTO notes SELECT i + 1000, 'g' || i, ${BASIC.id}, 0, 0, '', 'q' || char(31) || 'a', 'q', 0, 0, '' FROM n`;
      const collection: TestCollection = {
        noteTypes: [BASIC],
        decks: [{ id: 1, name: 'Big' }],
        notes: [],
        sql,
      };
      await expectRefused(
        await ankiPackage(collection, 'anki2'),
        /holds 50,001 notes, more than the 50,000 an import may hold/,
      );
    });

    it('THEN an encrypted entry is refused, saying so', async () => {
      const bytes = await ankiPackage(COLLECTION, 'anki2');
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let at = 0; at + 4 <= bytes.length; at++) {
        if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, 1, true);
      }
      await expectRefused(bytes, /is encrypted: export the deck again without a password/);
    });

    it('THEN an entry that inflates past its declared size is stopped there', async () => {
      const sqlite = await collectionBytes(COLLECTION, 'anki2');
      const bytes = zipSync({ 'collection.anki2': sqlite }, { level: 6 });
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let at = 0; at + 4 <= bytes.length; at++) {
        if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1024, true);
      }
      await expectRefused(bytes, /collection\.anki2: unpacks to more than 1 KB/);
    });

    it('THEN a zstd collection that is cut short is refused', async () => {
      const sqlite = await collectionBytes(COLLECTION, 'anki21b');
      const cut = zstdRaw(sqlite).subarray(0, 5000);
      await expectRefused(
        zipSync({ 'collection.anki21b': cut }),
        /collection\.anki21b: (the zstd data is|not a readable)/,
      );
    });
  });
});
