import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/deck/card.ts';
import { syncDeckFiles } from '../../src/db/deck-sync.ts';
import { MediaStore } from '../../src/db/media-store.ts';
import { deckMedia } from '../../src/db/schema.ts';
import { readDeckFolder, readDecks } from '../../src/decks/read.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const deck = (cards: string) => `---\ntitle: Flags\n---\n\n${cards}`;
const FLAG =
  '## flag-de\nQ: Whose flag is this? ![black, red and gold stripes](media/flag-de.png)\nA: Germany\n';

let dir: string;
let db: TestDatabase;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mnemo-media-'));
  await mkdir(join(dir, 'good/media'), { recursive: true });
  await mkdir(join(dir, 'bad/media'), { recursive: true });
  await writeFile(join(dir, 'good/media/flag-de.png'), PNG);
  await writeFile(join(dir, 'good/flags.md'), deck(FLAG));
  await writeFile(join(dir, 'bad/media/fake.png'), 'GIF? no: plain text');
  await writeFile(
    join(dir, 'bad/flags.md'),
    deck(
      '## no-alt\nQ: ![](media/fake.png) whose?\nA: x\n\n## missing\nQ: ![a flag](media/gone.png)\nA: y\n\n## outside\nQ: ![a flag](../good/media/flag-de.png)\nA: z\n',
    ),
  );
  db = await freshDatabase();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.dispose();
});

describe('pictures in Markdown decks', () => {
  it('GIVEN a picture without alt text, a missing file, a file of the wrong type or outside the folder THEN cards check names each', async () => {
    const set = await readDecks([join(dir, 'bad')], dir);
    expect(set.issues.map(formatIssue)).toEqual([
      'bad/flags.md:5: card "no-alt": the picture media/fake.png needs alt text: ![what it shows](media/fake.png)',
      'bad/flags.md:5: card "no-alt": media media/fake.png: not a png, jpeg, gif, webp or svg picture, nor mp3, ogg, wav or m4a sound',
      'bad/flags.md:9: card "missing": media media/gone.png does not exist',
      'bad/flags.md:13: card "outside": media ../good/media/flag-de.png must be a path inside the deck\'s folder',
    ]);
  });

  it('GIVEN a good deck with a picture THEN sync stores it once by content, and an unchanged sync writes nothing', async () => {
    const folder = await readDeckFolder([join(dir, 'good')], dir);
    const first = await syncDeckFiles(db.db, folder.files, { allowRetire: false });
    expect(first.ok).toBe(true);
    const [named] = await db.db.select().from(deckMedia).where(eq(deckMedia.deckId, 'flags'));
    expect(named?.name).toBe('media/flag-de.png');
    expect((await new MediaStore(db.db).getMedia(named?.hash ?? ''))?.mime).toBe('image/png');
    const again = await syncDeckFiles(db.db, (await readDeckFolder([join(dir, 'good')], dir)).files, {
      allowRetire: false,
    });
    expect(again.ok && again.report.rowsWritten).toBe(0);
  });
});
