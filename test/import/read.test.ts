import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseColumnMap, readCsv } from '../../src/import/csv.ts';
import { ImportProblem } from '../../src/import/options.ts';
import { detectFormat, readImport } from '../../src/import/read.ts';
import { ankiPackage, BASIC } from '../support/anki-package.ts';

const input = (text: string | Uint8Array, path = 'deck.txt') => ({
  bytes: typeof text === 'string' ? strToU8(text) : text,
  path,
});
const options = { path: 'words.csv', deckId: 'words', title: 'Words', lang: 'en', maxNotes: 50_000 };

describe('detectFormat', () => {
  it('GIVEN content of each kind THEN the format comes from the content, whatever the name says', () => {
    const zip = (name: string) => zipSync({ [name]: strToU8('x') });
    expect(detectFormat(input(zip('collection.anki21b'), 'deck.csv'))).toBe('apkg');
    expect(detectFormat(input(zip('collection.anki2'), 'deck.md'))).toBe('apkg');
    expect(detectFormat(input(zip('My deck/deck.json'), 'x.apkg'))).toBe('crowdanki');
    expect(detectFormat(input('---\ntitle: T\n---\n## a\nQ: q\nA: a\n', 'deck.apkg'))).toBe('markdown');
    expect(detectFormat(input('#separator:tab\nq\ta\n', 'deck.md'))).toBe('csv');
    expect(detectFormat(input('front,back\ncat,Katze\n', 'deck.apkg'))).toBe('csv');
  });

  it('GIVEN a zip of something else, bytes that are not text, or one line of prose THEN a problem naming the file', () => {
    expect(() => detectFormat(input(zipSync({ 'a.txt': strToU8('x') }), 'x.zip'))).toThrow(
      'x.zip: a zip file with neither collection.anki2/anki21/anki21b (Anki) nor deck.json (CrowdAnki)',
    );
    expect(() => detectFormat(input(new Uint8Array([0xff, 0xfe, 0x00, 0x80]), 'x.bin'))).toThrow(
      'x.bin: not UTF-8 text',
    );
    expect(() => detectFormat(input('just some words', 'x.txt'))).toThrow(ImportProblem);
  });

  it('GIVEN an Anki package of each layout THEN readImport reads it through the Anki reader, whatever its name', async () => {
    const collection = {
      noteTypes: [BASIC],
      decks: [{ id: 1, name: 'Capitals' }],
      notes: [{ id: 1, guid: 'g1', noteType: BASIC.id, fields: ['Capital of Peru?', 'Lima'] }],
    };
    for (const layout of ['anki2', 'anki21', 'anki21b'] as const) {
      const decks = await readImport(input(await ankiPackage(collection, layout), 'export.csv'));
      expect(decks.map((d) => [d.deck.id, d.deck.cards.map((c) => [c.kind, c.question, c.answer])])).toEqual([
        ['capitals', [['typed', 'Capital of Peru?', 'Lima']]],
      ]);
    }
    // --deck names the deck when a person asks for it.
    const named = await readImport(input(await ankiPackage(collection, 'anki2'), 'a.apkg'), {
      deckId: 'peru',
    });
    expect(named.map((d) => d.deck.id)).toEqual(['peru']);
    await expect(readImport(input(zipSync({ 'collection.anki2': strToU8('x') }), 'a.apkg'))).rejects.toThrow(
      /^a\.apkg: /,
    );
  });
});

describe('readCsv', () => {
  it("GIVEN Anki's text export headers THEN columns, guid, tags and HTML are read as declared", () => {
    const text = [
      '#separator:tab',
      '#html:true',
      '#columns:guid\texpression\tmeaning\treading\ttags',
      '#guid column:1',
      '#tags column:5',
      'Ab%1\t猫\tcat; kitty\tねこ\tanimals JLPT::N5',
      'dog-1\t<b>犬</b>&amp;<br>more\tdog\tいぬ\t',
    ].join('\n');
    const map = parseColumnMap('question=expression,answer=meaning,note=reading,accept=split');
    const { deck, notes, skipped } = readCsv(text, { ...options, map });
    expect(notes).toBe(2);
    expect(skipped).toEqual([]);
    const [cat, dog] = deck.cards;
    expect(cat).toMatchObject({
      question: '猫',
      answer: 'cat',
      accept: ['kitty'],
      note: 'ねこ',
      kind: 'typed',
    });
    expect(cat?.tags).toEqual(['animals', 'jlpt-n5']);
    expect(cat?.id).toMatch(/^g-[0-9a-f]{12}$/); // a GUID that is no card id gets a stable one
    expect(dog).toMatchObject({ id: 'dog-1', question: '**犬**&\nmore', line: 7 });
    expect(readCsv(text, { ...options, map }).deck.cards.map((card) => card.id)).toEqual(
      deck.cards.map((card) => card.id),
    );
  });

  it('GIVEN a plain header row and quoted fields THEN the first two columns are question and answer', () => {
    const text =
      'Front,Back\n"Capital of France, the city?","Paris"\n"Say ""hi""","a long answer\nover two lines that is self graded"\n';
    const { deck } = readCsv(text, options);
    expect(deck.cards.map((card) => [card.question, card.answer, card.kind])).toEqual([
      ['Capital of France, the city?', 'Paris', 'typed'],
      ['Say "hi"', 'a long answer\nover two lines that is self graded', 'self'],
    ]);
  });

  it('GIVEN bad rows THEN each is skipped as "line N: reason" and the rest is read', () => {
    const text = 'question\tanswer\ncat\t\n\tdog\nbird\tVogel\nbird\tVogel\nx\u0000y\tz\n';
    const { deck, skipped } = readCsv(text, options);
    expect(deck.cards.map((card) => card.answer)).toEqual(['Vogel']);
    expect(skipped).toEqual([
      { item: 'line 2', reason: 'empty answer' },
      { item: 'line 3', reason: 'empty question' },
      { item: 'line 5', reason: expect.stringContaining('used by an earlier row') },
      { item: 'line 6', reason: 'control character U+0000 in the text' },
    ]);
  });

  it('GIVEN a --map naming a column the file lacks, or a bad key THEN a clear error', () => {
    expect(() => readCsv('a,b\n1,2\n', { ...options, map: parseColumnMap('question=front') })).toThrow(
      '--map: no column "front" (the columns: a, b)',
    );
    expect(() => parseColumnMap('hint=x')).toThrow(
      '"hint" is not one of question, answer, note, tags, id, accept',
    );
  });

  it('GIVEN more rows than an import may hold THEN it is refused', () => {
    expect(() => readCsv('question,answer\n1,2\n3,4\n', { ...options, maxNotes: 1 })).toThrow(
      'words.csv: 2 rows, more than the 1 notes an import may have',
    );
  });
});
