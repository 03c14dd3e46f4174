import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MnemoError } from '../../src/core/errors.ts';
import { readCrowdAnki } from '../../src/import/crowdanki.ts';
import { BASIC, CLOZE, MP3, PNG, REVERSED } from '../support/anki-package.ts';

const model = (uuid: string, nt: typeof BASIC) => ({
  __type__: 'NoteModel',
  crowdanki_uuid: uuid,
  name: nt.name,
  type: nt.cloze ? 1 : 0,
  flds: nt.fields.map((name, ord) => ({ name, ord, sticky: false })),
  tmpls: nt.templates.map((t, ord) => ({ ...t, ord, did: null })),
  css: '.card {}',
});

const DECK = {
  __type__: 'Deck',
  crowdanki_uuid: 'root-uuid',
  name: 'Geography',
  desc: 'Capitals &amp; flags',
  media_files: ['fr.png', 'paris.mp3'],
  note_models: [model('m-basic', BASIC), model('m-rev', REVERSED)],
  notes: [
    {
      __type__: 'Note',
      guid: 'q{3]Lk',
      note_model_uuid: 'm-basic',
      fields: ['Capital of France?', 'Paris [sound:paris.mp3]'],
      tags: ['Europe'],
    },
    {
      __type__: 'Note',
      guid: 'x9',
      note_model_uuid: 'm-rev',
      fields: ['<img src="fr.png">', 'France'],
      tags: [],
    },
  ],
  children: [
    {
      __type__: 'Deck',
      crowdanki_uuid: 'child-uuid',
      name: 'Rivers',
      note_models: [model('m-cloze', CLOZE)],
      notes: [
        {
          __type__: 'Note',
          guid: 'r1',
          note_model_uuid: 'm-cloze',
          fields: ['The {{c1::Seine}} flows through Paris', ''],
        },
      ],
      children: [],
    },
  ],
};
const MEDIA = { 'fr.png': PNG, 'paris.mp3': MP3 };

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function exportFolder(deck: unknown, media: Record<string, Uint8Array> = MEDIA): string {
  const folder = mkdtempSync(join(tmpdir(), 'mnemo-crowdanki-'));
  folders.push(folder);
  writeFileSync(join(folder, 'deck.json'), JSON.stringify(deck));
  mkdirSync(join(folder, 'media'));
  for (const [name, bytes] of Object.entries(media)) writeFileSync(join(folder, 'media', name), bytes);
  return folder;
}

function exportZip(deck: unknown, root = 'Geography/'): Uint8Array {
  const files: Record<string, Uint8Array> = { [`${root}deck.json`]: strToU8(JSON.stringify(deck)) };
  for (const [name, bytes] of Object.entries(MEDIA)) files[`${root}media/${name}`] = bytes;
  return zipSync(files);
}

describe('readCrowdAnki', () => {
  it.each([
    ['a folder', () => exportFolder(DECK)],
    ['a zip with the export in a folder', () => exportZip(DECK)],
    ['a zip with the export at its root', () => exportZip(DECK, '')],
    [
      'the path of a zip file',
      () => {
        const folder = exportFolder(DECK);
        writeFileSync(join(folder, 'geography.zip'), exportZip(DECK));
        return join(folder, 'geography.zip');
      },
    ],
  ])(
    'GIVEN %s THEN the deck and its sub-deck become decks with their cards and media',
    async (_name, input) => {
      const decks = await readCrowdAnki(input(), { source: 'geography' });
      expect(decks.map((d) => [d.deck.id, d.deck.title, d.notes])).toEqual([
        ['geography', 'Geography', 2],
        ['geography-rivers', 'Geography::Rivers', 1],
      ]);
      const [root, rivers] = decks;
      expect(root?.deck.description).toBe('Capitals & flags');
      expect(root?.deck.cards.map((c) => [c.kind, c.question, c.answer, c.tags])).toEqual([
        ['self', 'Capital of France?', 'Paris [sound:paris.mp3]', ['europe']],
        ['typed', '![fr](fr.png)', 'France', []],
        ['self', 'France', '![fr](fr.png)', []],
      ]);
      expect(root?.media.map((m) => m.name).sort()).toEqual(['fr.png', 'paris.mp3']);
      expect(root?.missingMedia).toEqual([]);
      expect(rivers?.deck.cards.map((c) => [c.question, c.answer])).toEqual([
        ['The […] flows through Paris', 'Seine'],
      ]);
    },
  );

  it('GIVEN the same notes from CrowdAnki twice THEN the card ids are the same and follow the Anki GUID', async () => {
    const first = await readCrowdAnki(exportFolder(DECK));
    const second = await readCrowdAnki(exportZip(DECK));
    expect(second.flatMap((d) => d.deck.cards.map((c) => c.id))).toEqual(
      first.flatMap((d) => d.deck.cards.map((c) => c.id)),
    );
    expect(first[0]?.deck.cards[1]?.id).toMatch(/^anki-[0-9a-f]{16}-t0$/);
  });

  it('GIVEN a referenced file missing from media/ THEN it is listed as missing', async () => {
    const [root] = await readCrowdAnki(exportFolder(DECK, { 'fr.png': PNG }));
    expect(root?.missingMedia).toEqual(['paris.mp3']);
  });

  it('GIVEN a media name that climbs out of the folder THEN it is not read', async () => {
    const deck = structuredClone(DECK);
    const first = deck.notes[0];
    if (first) first.fields = ['Secret?', '<img src="../deck.json">'];
    const [root] = await readCrowdAnki(exportFolder(deck));
    expect(root?.media.map((m) => m.name)).not.toContain('../deck.json');
    expect(root?.skipped).toContainEqual({
      item: 'media "../deck.json"',
      reason: 'the file name holds a path: media names are plain file names: left out',
    });
  });

  describe('GIVEN a broken export', () => {
    const refused = async (input: string | Uint8Array, message: RegExp) => {
      const error = await readCrowdAnki(input, { source: 'export' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MnemoError);
      expect((error as MnemoError).message).toMatch(message);
    };

    it('THEN a folder without deck.json is refused', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'mnemo-crowdanki-'));
      folders.push(folder);
      await refused(folder, /^export: no deck\.json in the folder/);
    });

    it('THEN a zip without deck.json is refused', async () => {
      await refused(
        zipSync({ 'notes.txt': strToU8('hi') }),
        /^export: not a CrowdAnki export \(no deck\.json inside\)/,
      );
    });

    it('THEN invalid JSON, a missing field or an unknown note model is refused, saying where', async () => {
      await refused(exportFolder('{'.repeat(3)), /deck\.json: (not valid JSON|the top level)/);
      await refused(
        exportFolder({ ...DECK, notes: [{ guid: 'g', fields: [] }] }),
        /deck\.json: notes\.0\.note_model_uuid: /,
      );
      await refused(
        exportFolder({ ...DECK, notes: [{ guid: 'g', note_model_uuid: 'nope', fields: ['a', 'b'] }] }),
        /deck\.json notes\[0\] uses note model "nope", which is not in the file/,
      );
    });

    it('THEN sub-decks nested too deep are refused', async () => {
      let deck: Record<string, unknown> = { name: 'leaf', children: [] };
      for (let i = 0; i < 40; i++) deck = { name: `d${i}`, children: [deck] };
      await refused(exportFolder(deck), /sub-decks are nested more than 32 deep: refused/);
    });
  });
});
