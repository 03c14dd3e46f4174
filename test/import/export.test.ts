import { strToU8, unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse.ts';
import { buildApkg } from '../../src/import/apkg-export.ts';
import { exportDeck, loadDeck } from '../../src/import/export.ts';
import { confirmImport, previewImport } from '../../src/import/service.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

const OWNER = 'discord:1300000000000000100';
const MARKDOWN = `---
id: mixed
title: "Mixed: every kind"
description: Cards of each kind.
tags: [demo]
---

## typed-one
Q: What runs from an image?
A: container
Accept: a container | docker container
Tags: s04, docker
Note: An image is the template;
  a container runs it.

## choice-one
Q: Which driver is the default?
- [ ] host
- [x] bridge
- [ ] overlay

## self-one
Q: Why layers?
Reveal: Each instruction adds a layer.
  Unchanged layers are reused.
`;

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.dispose());

describe('export', () => {
  it('GIVEN a Markdown deck imported for a community THEN its Markdown export reads back to the same cards and ids', async () => {
    const request = { owner: OWNER };
    const preview = await previewImport(db.db, { bytes: strToU8(MARKDOWN), path: 'mixed.md' }, request);
    if (!preview.ok) throw new Error(preview.problems.join('\n'));
    expect(preview.decks[0]?.kinds).toEqual({ typed: 1, choice: 1, self: 1, cloze: 0 });
    expect(preview.notice).toContain('ignored');
    expect(await loadDeck(db.db, OWNER, 'mixed')).toBeNull(); // a preview stores nothing
    expect(await confirmImport(db.db, preview, request)).toMatchObject({ ok: true });

    const stored = await loadDeck(db.db, OWNER, 'mixed');
    if (!stored) throw new Error('not stored');
    const text = new TextDecoder().decode(await exportDeck(stored, 'md', { media: [], now: 0 }));
    const original = parseDeck('mixed.md', MARKDOWN).deck;
    const reread = parseDeck('mixed.md', text).deck;
    const withoutLines = (deck: typeof original) =>
      deck && { ...deck, cards: deck.cards.map(({ line, ...card }) => card) };
    expect(withoutLines(reread)).toEqual(withoutLines(original));

    const again = await previewImport(db.db, { bytes: strToU8(text), path: 'mixed.md' }, request);
    expect(again.ok && again.decks[0]?.cards).toEqual({ added: 0, updated: 0, unchanged: 3, retired: 0 });
    expect(await loadDeck(db.db, 'slack:TOTHER', 'mixed')).toBeNull();
  });

  it('GIVEN a deck THEN its .apkg is a schema-11 collection with one Basic note per card, the card id as GUID', async () => {
    const deck = parseDeck('mixed.md', MARKDOWN).deck;
    if (!deck) throw new Error('bad fixture');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const files = unzipSync(await buildApkg(deck, [{ name: 'flag.png', bytes: png }], 1_767_225_600_000));
    expect(Object.keys(files).sort()).toEqual(['0', 'collection.anki2', 'media']);
    expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({ 0: 'flag.png' });
    const SQL = await initSqlJs();
    const collection = new SQL.Database(files['collection.anki2']);
    const [ver, models, decks] = collection.exec('select ver, models, decks from col')[0]?.values[0] ?? [];
    expect(ver).toBe(11);
    expect(
      Object.values(JSON.parse(String(models)))
        .map((model) => (model as { name: string }).name)
        .sort(),
    ).toEqual(['Basic', 'Cloze']);
    expect(
      Object.values(JSON.parse(String(decks))).map((entry) => (entry as { name: string }).name),
    ).toContain('Mixed: every kind');
    const notes = collection.exec('select guid, flds, tags from notes order by id')[0]?.values ?? [];
    expect(notes.map(([guid]) => guid).sort()).toEqual(['choice-one', 'self-one', 'typed-one']);
    const typed = notes.find(([guid]) => guid === 'typed-one');
    expect(String(typed?.[1]).split('\x1f')).toEqual([
      'What runs from an image?',
      'container<br><br>An image is the template;<br>a container runs it.',
    ]);
    expect(collection.exec('select count(*) from cards')[0]?.values[0]?.[0]).toBe(3);
    collection.close();
  });
});
