import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand, importCommand } from '../../src/cli/import.ts';
import { cards } from '../../src/db/schema.ts';
import { ankiPackage, REVERSED } from '../support/anki-package.ts';
import { runMnemo } from '../support/cli.ts';
import { freshDatabase, migratedDataDir, ON_POSTGRES, type TestDatabase } from '../support/database.ts';

const OWNER = 'discord:1300000000000000100';
const TSV = [
  '#separator:tab',
  '#columns:guid\texpression\tmeaning\treading',
  'cat-1\t猫\tcat; kitty\tねこ',
  'dog-1\t犬\tdog\tいぬ',
  'bad-1\t鳥\t\tとり',
].join('\n');
const MAP = 'question=expression,answer=meaning,note=reading,id=guid,accept=split';

let root: string;
let db: TestDatabase;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mnemo-import-'));
  await writeFile(join(root, 'words.tsv'), TSV);
  db = await freshDatabase();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await db.dispose();
});

/** Runs a command in this process, collecting what it prints. */
async function run(
  command: (io: { stdin: PassThrough; stdout: PassThrough; stderr: PassThrough }) => Promise<number>,
) {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  const chunks = { stdout: '', stderr: '' };
  io.stdout.on('data', (chunk: Buffer) => {
    chunks.stdout += chunk.toString();
  });
  io.stderr.on('data', (chunk: Buffer) => {
    chunks.stderr += chunk.toString();
  });
  const code = await command(io);
  return { code, ...chunks };
}

describe('mnemo cards import', () => {
  it('GIVEN --json THEN one object per deck, in the shape the issue names; --dry-run stores nothing', async () => {
    const flags = { owner: OWNER, map: MAP, json: true, 'dry-run': true };
    const dry = await run((io) => importCommand(db.db, join(root, 'words.tsv'), flags, io));
    expect(dry.code).toBe(0);
    const lines = dry.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      deck: { id: 'words', title: 'words' },
      notes: 3,
      cards: { added: 2, updated: 0, unchanged: 0, retired: 0 },
      kinds: { typed: 2, choice: 0, self: 0, cloze: 0 },
      media: { stored: 0, missing: 0 },
      skipped: [{ item: 'line 5', reason: 'empty answer' }],
    });
    const again = await run((io) => importCommand(db.db, join(root, 'words.tsv'), flags, io));
    expect(JSON.parse(again.stdout).cards.added).toBe(2);
  });

  it('GIVEN a readable import THEN a summary; GIVEN a bad --owner or a file of no known format THEN why, and nothing stored', async () => {
    const stored = await run((io) =>
      importCommand(db.db, join(root, 'words.tsv'), { owner: OWNER, map: MAP }, io),
    );
    expect(stored.stdout).toContain('added 2, updated 0, unchanged 0, retired 0');
    expect(stored.stdout).toContain('skipped line 5: empty answer');
    expect(stored.stdout).toContain('Scheduling data in the file (review log, intervals) is ignored');

    const owner = await run((io) => importCommand(db.db, join(root, 'words.tsv'), { owner: 'guild:1' }, io));
    expect([owner.code, owner.stderr.trim()]).toEqual([
      2,
      'mnemo: --owner: owner "guild:1" is not discord:<guild id> or slack:<team id>',
    ]);
    await writeFile(join(root, 'prose.txt'), 'just words');
    const prose = await run((io) => importCommand(db.db, join(root, 'prose.txt'), {}, io));
    expect(prose.code).toBe(1);
    expect(prose.stderr).toContain('prose.txt: not a deck Mnemo reads');
  });

  it('GIVEN a stored deck THEN export writes it as Markdown for that owner only', async () => {
    const out = join(root, 'words.md');
    const exported = await run((io) =>
      exportCommand(db.db, 'words', { owner: OWNER, format: 'md', out }, io),
    );
    expect(exported.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('## cat-1\nQ: 猫\nA: cat\nAccept: kitty\nNote: ねこ');
    const elsewhere = await run((io) =>
      exportCommand(db.db, 'words', { owner: 'slack:T1', format: 'md' }, io),
    );
    expect([elsewhere.code, elsewhere.stderr.trim()]).toEqual([1, 'mnemo: no deck "words" of slack:T1.']);
  });
});

describe('Anki and CrowdAnki files', () => {
  it('GIVEN an .apkg and a CrowdAnki folder THEN both import by content; a folder without deck.json is refused', async () => {
    const collection = {
      noteTypes: [REVERSED],
      decks: [{ id: 1, name: 'Verbs' }],
      notes: [{ id: 1, guid: 'v1', noteType: REVERSED.id, fields: ['to eat', 'comer'] }],
    };
    await writeFile(join(root, 'verbs.bin'), await ankiPackage(collection, 'anki21b'));
    const flags = { owner: OWNER, json: true, lang: 'ES' };
    const apkg = await run((io) => importCommand(db.db, join(root, 'verbs.bin'), flags, io));
    expect(apkg.code).toBe(0);
    // --lang: the answers are graded in Spanish (stored canonical, on the deck and every card).
    const langs = await db.db
      .selectDistinct({ lang: cards.lang })
      .from(cards)
      .where(like(cards.deckId, '%--verbs'));
    expect(langs).toEqual([{ lang: 'es' }]);
    const badLang = await run((io) =>
      importCommand(db.db, join(root, 'verbs.bin'), { lang: 'klingon!' }, io),
    );
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toMatch(/^mnemo: --lang: /);
    expect(JSON.parse(apkg.stdout)).toMatchObject({
      deck: { id: 'verbs', title: 'Verbs' },
      notes: 1,
      cards: { added: 2 },
      kinds: { typed: 2 },
    });

    const folder = join(root, 'crowd');
    await mkdir(join(folder, 'media'), { recursive: true });
    await writeFile(
      join(folder, 'deck.json'),
      JSON.stringify({
        name: 'Rivers',
        note_models: [
          {
            crowdanki_uuid: 'm1',
            name: 'Basic',
            type: 0,
            flds: [
              { name: 'Front', ord: 0 },
              { name: 'Back', ord: 1 },
            ],
            tmpls: [
              { name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
            ],
          },
        ],
        notes: [
          { guid: 'r1', note_model_uuid: 'm1', fields: ['Longest river in France?', 'Loire'], tags: [] },
        ],
        children: [],
      }),
    );
    const crowd = await run((io) => importCommand(db.db, folder, { owner: OWNER, json: true }, io));
    expect([crowd.code, crowd.stderr]).toEqual([0, '']);
    expect(JSON.parse(crowd.stdout)).toMatchObject({ deck: { title: 'Rivers' }, cards: { added: 1 } });

    const empty = join(root, 'empty-folder');
    await mkdir(empty, { recursive: true });
    const refused = await run((io) => importCommand(db.db, empty, {}, io));
    expect([refused.code, refused.stderr]).toEqual([
      1,
      `${empty}: a folder without deck.json: not a CrowdAnki export\nmnemo: nothing was imported.\n`,
    ]);
  });
});

describe('pictures named by a CSV', () => {
  it('GIVEN <img> in an HTML export and the files beside it THEN found ones are stored and the rest counted missing', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
    await writeFile(join(root, 'flag.png'), png);
    await writeFile(
      join(root, 'flags.txt'),
      '#separator:tab\n#html:true\nWhose flag? <img src="flag.png">\tGermany\nAnd this? <img src="gone.png">\tFrance\n',
    );
    const result = await run((io) =>
      importCommand(db.db, join(root, 'flags.txt'), { owner: OWNER, json: true }, io),
    );
    expect(JSON.parse(result.stdout).media).toEqual({ stored: 1, missing: 1 });
  });
});

describe('the command line', () => {
  it.skipIf(ON_POSTGRES)(
    'GIVEN `mnemo cards import --json` THEN it runs end to end and prints one line per deck',
    async () => {
      const dataDir = await migratedDataDir('mnemo-import-data-');
      const result = await runMnemo(
        ['cards', 'import', join(root, 'words.tsv'), '--owner', OWNER, '--map', MAP, '--json'],
        { env: { DATA_DIR: dataDir } },
      ).finally(() => rm(dataDir, { recursive: true, force: true }));
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).cards).toEqual({ added: 2, updated: 0, unchanged: 0, retired: 0 });
    },
  );
});
